// Byte-exact Go `encoding/json` output for the few shapes Helm marshals (objects with a fixed
// field order, maps with sorted keys, strings, integers), so our manifest digests equal Helm's.

/**
 * A JSON value. Plain objects stand for Go structs (fixed field names, in order); a Map stands for
 * a Go map, because a plain object would move integer-like keys ("10", "9") to the front.
 */
export type GoJsonValue = string | number | boolean | null | GoJsonValue[] | Map<string, GoJsonValue> | { [field: string]: GoJsonValue };

/** Quotes a string the way Go's json.Marshal does (HTML-safe escaping, U+2028/U+2029 escaped). */
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
      case '\b': out += '\\b'; continue; // Go 1.22+ writes \b and \f short
      case '\f': out += '\\f'; continue;
    }
    if (code < 0x20 || char === '<' || char === '>' || char === '&' || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += '\ufffd'; // a lone surrogate is invalid UTF-8 in Go: replaced
    } else {
      out += char;
    }
  }
  return `${out}"`;
}

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
  const entries = map instanceof Map ? [...map.entries()] : Object.entries(map);
  entries.sort(([a], [b]) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
  return new Map(entries);
}
