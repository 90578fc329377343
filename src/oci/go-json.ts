// Byte-exact Go `encoding/json` output for the few shapes Helm marshals (objects with a fixed
// field order, maps with sorted keys, strings, integers), so our manifest digests equal Helm's.
// Strings and key order follow the same Go rules as the chart metadata, so they share that code.
import { goJsonString, sortedByUtf8 } from '../chart/go-json.js';

export { goJsonString };

/**
 * A JSON value. Plain objects stand for Go structs (fixed field names, in order); a Map stands for
 * a Go map, because a plain object would move integer-like keys ("10", "9") to the front.
 */
export type GoJsonValue = string | number | boolean | null | GoJsonValue[] | Map<string, GoJsonValue> | { [field: string]: GoJsonValue };

/** Compact JSON; keys in insertion order (wrap a Go map in goMap() first). */
export function goJson(value: GoJsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError(`goJson only encodes integers, got ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
  return `{${entries.map(([k, v]) => `${goJsonString(k)}:${goJson(v)}`).join(',')}}`;
}

/** Go marshals a map with its keys in byte-wise order of their UTF-8 encoding. */
export function goMap(map: ReadonlyMap<string, string> | Record<string, string>): Map<string, string> {
  const source = map instanceof Map ? map : new Map(Object.entries(map));
  return new Map(sortedByUtf8([...source.keys()]).map((key) => [key, source.get(key)!]));
}
