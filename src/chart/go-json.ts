// Go's encoding/json output, byte for byte, for the values chart metadata holds: the config blob
// Helm pushes is json.Marshal of the chart metadata, so its digest depends on every byte.
import type { JsonValue } from './go-decode.js';

/** A string as json.Marshal writes it: HTML-safe (<, >, & escaped), U+2028/U+2029 escaped. */
export function goJsonString(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    switch (char) {
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '\n': out += '\\n'; continue;
      case '\r': out += '\\r'; continue;
      case '\t': out += '\\t'; continue;
      case '\b': out += '\\b'; continue; // short forms since Go 1.22 (Helm 3.18 and 4 are newer)
      case '\f': out += '\\f'; continue;
    }
    if (code < 0x20 || char === '<' || char === '>' || char === '&' || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += '\ufffd'; // a lone surrogate is invalid UTF-8, which Go replaces
    } else {
      out += char;
    }
  }
  return `${out}"`;
}

/** A float64 as json.Marshal writes it (JavaScript's shortest form matches Go's, save -0). */
export function goJsonNumber(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`JSON has no ${value}`);
  return Object.is(value, -0) ? '-0' : String(value);
}

/** Any decoded JSON value; Go maps are written with their keys in UTF-8 byte order. */
export function goJsonValue(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return goJsonNumber(value);
  if (typeof value === 'string') return goJsonString(value);
  if (Array.isArray(value)) return `[${value.map(goJsonValue).join(',')}]`;
  return `{${sortedByUtf8([...value.keys()]).map((k) => `${goJsonString(k)}:${goJsonValue(value.get(k)!)}`).join(',')}}`;
}

/** Go sorts map keys by their bytes; JavaScript compares UTF-16 units, which differs above U+FFFF. */
export function sortedByUtf8(keys: string[]): string[] {
  return [...keys].sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
}

/** A JSON object with fields in the given order, leaving out undefined ones (Go's omitempty). */
export function goJsonObject(fields: Array<[string, string | undefined]>): string {
  return `{${fields.filter(([, v]) => v !== undefined).map(([k, v]) => `${goJsonString(k)}:${v}`).join(',')}}`;
}
