// sigs.k8s.io/yaml's Unmarshal into a Go struct, which is how Helm reads Chart.yaml and
// Chart.lock: the YAML becomes JSON (numbers and booleans bound for a string field are turned
// into text first: `appVersion: 1.10` is "1.1", float precision is 32-bit), then encoding/json
// fills the struct: keys match field names case-insensitively, unknown keys are ignored, null
// leaves a string alone and clears a list, and a wrong type is an error.
import { compareUtf8 } from './json.js';
import { formatGoFloat } from './numbers.js';
import { GoFloat, GoInt, GoMap, type GoValue } from './yaml-load.js';

export type Shape =
  | { kind: 'string' }
  | { kind: 'bool' }
  /** interface{}: any JSON value. */
  | { kind: 'any' }
  | { kind: 'list'; of: Shape }
  | { kind: 'map'; of: Shape }
  | { kind: 'struct'; fields: Record<string, Shape> };

/** A JSON value as encoding/json decodes interface{} (numbers are float64). */
export type JsonValue = null | boolean | number | string | JsonValue[] | Map<string, JsonValue>;

export class DecodeError extends Error {
  override readonly name = 'DecodeError';

  constructor(
    /** Dotted path of the offending field, e.g. `maintainers[0].name`. */
    readonly field: string,
    readonly expected: string,
    readonly found: string,
  ) {
    super(`${field || 'the document'} must be ${expected}, not ${found}`);
  }
}

/**
 * Decodes `value` as `shape`. Returns undefined where Go would leave the target untouched
 * (null into a string or bool) and null where Go would set nil (null into a list, map or pointer).
 */
export function decodeShape(value: GoValue, shape: Shape, field = ''): unknown {
  switch (shape.kind) {
    case 'string': {
      if (value === null) return undefined;
      if (typeof value === 'string') return value;
      if (typeof value === 'boolean') return value ? 'true' : 'false';
      if (value instanceof GoInt) return value.value.toString();
      if (value instanceof GoFloat) return formatGoFloat(value.value, 32);
      throw new DecodeError(field, 'a string', describe(value));
    }
    case 'bool': {
      if (value === null) return undefined;
      if (typeof value === 'boolean') return value;
      throw new DecodeError(field, 'true or false', describe(value));
    }
    case 'any':
      return toJson(value, field);
    case 'list': {
      if (value === null) return null;
      if (!Array.isArray(value)) throw new DecodeError(field, `a list of ${describeShape(shape.of)}`, describe(value));
      // A null element becomes the zero value: "" for a string, nil for a struct pointer.
      return value.map((item, i) => decodeShape(item, shape.of, `${field}[${i}]`) ?? zero(shape.of));
    }
    case 'map': {
      if (value === null) return null;
      if (!(value instanceof GoMap)) throw new DecodeError(field, `a mapping of ${describeShape(shape.of)}`, describe(value));
      const out = new Map<string, unknown>();
      for (const [key, item] of sortedEntries(value)) out.set(key, decodeShape(item, shape.of, `${field}.${key}`) ?? zero(shape.of));
      return out;
    }
    case 'struct': {
      if (value === null) return null;
      if (!(value instanceof GoMap)) throw new DecodeError(field, 'a mapping', describe(value));
      const out: Record<string, unknown> = {};
      const names = Object.keys(shape.fields);
      // encoding/json sees the keys in sorted order (sigs.k8s.io/yaml marshals a Go map); when two
      // keys land on one field ("name" and "Name"), the later one wins.
      for (const [key, item] of sortedEntries(value)) {
        const name = names.find((n) => n === key) ?? names.find((n) => n.toLowerCase() === key.toLowerCase());
        if (name === undefined) continue;
        const decoded = decodeShape(item, shape.fields[name]!, field ? `${field}.${name}` : name);
        if (decoded !== undefined) out[name] = decoded;
      }
      return out;
    }
  }
}

function zero(shape: Shape): unknown {
  if (shape.kind === 'string') return '';
  if (shape.kind === 'bool') return false;
  return null;
}

function sortedEntries(map: GoMap): Array<[string, GoValue]> {
  return [...map.entries].sort(([a], [b]) => compareUtf8(a, b));
}

function toJson(value: GoValue, field: string): JsonValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (value instanceof GoInt) return Number(value.value);
  if (value instanceof GoFloat) {
    if (!Number.isFinite(value.value)) throw new DecodeError(field, 'a finite number (JSON has no NaN or infinity)', String(value.value));
    return value.value;
  }
  if (Array.isArray(value)) return value.map((item, i) => toJson(item, `${field}[${i}]`));
  const out = new Map<string, JsonValue>();
  for (const [key, item] of value.entries) out.set(key, toJson(item, `${field}.${key}`));
  return out;
}

function describe(value: GoValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (value instanceof GoInt || value instanceof GoFloat) return `the number ${String(value.value)}`;
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

function describeShape(shape: Shape): string {
  switch (shape.kind) {
    case 'string': return 'strings';
    case 'bool': return 'booleans';
    case 'any': return 'values';
    case 'list': return 'lists';
    case 'map': return 'mappings';
    case 'struct': return 'mappings';
  }
}
