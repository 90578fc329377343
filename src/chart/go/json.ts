// Go's encoding/json output, byte for byte, for the values Helm marshals: the chart metadata (the
// OCI config blob), Chart.lock's dependencies and the OCI manifest. Digests depend on every byte.

/**
 * A value as Go marshals it. A Map stands for a Go map (written with its keys in UTF-8 byte
 * order); a plain object for a Go struct (fields in the order given). Numbers are float64s.
 */
export type GoJsonValue = string | number | boolean | null | readonly GoJsonValue[] | ReadonlyMap<string, GoJsonValue> | { readonly [field: string]: GoJsonValue };

// What json.Marshal escapes: quote, backslash, control characters, the HTML-unsafe <, > and &,
// U+2028/U+2029, and lone surrogates (invalid UTF-8, which Go replaces with U+FFFD).
// eslint-disable-next-line no-control-regex -- the control characters are what Go escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f<>&\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** A string as json.Marshal writes it. */
export function goJsonString(value: string): string {
  // One regular-expression pass: a character-by-character loop costs ~100× the text in memory.
  return `"${value.replace(NEEDS_ESCAPE, escapeChar)}"`;
}

function escapeChar(char: string): string {
  const short = SHORT_ESCAPES[char]; // \b and \f short forms since Go 1.22 (Helm 3.18 and 4 are newer)
  if (short !== undefined) return short;
  const code = char.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return '\ufffd';
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A float64 as json.Marshal writes it (JavaScript's shortest form matches Go's, save -0). */
function goJsonNumber(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`JSON has no ${value}`);
  return Object.is(value, -0) ? '-0' : String(value);
}

/** Compact JSON, as json.Marshal writes `value`. */
export function goJson(value: GoJsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'number') return goJsonNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${(value as readonly GoJsonValue[]).map(goJson).join(',')}]`;
  if (value instanceof Map) {
    const map = value as ReadonlyMap<string, GoJsonValue>;
    return `{${sortedByUtf8([...map.keys()]).map((k) => `${goJsonString(k)}:${goJson(map.get(k)!)}`).join(',')}}`;
  }
  return `{${Object.entries(value as { readonly [field: string]: GoJsonValue }).map(([k, v]) => `${goJsonString(k)}:${goJson(v)}`).join(',')}}`;
}

/** A Go map[string]string from a record, keys in the order Go writes them. */
export function goMap(map: ReadonlyMap<string, string> | Readonly<Record<string, string>>): Map<string, string> {
  const source: ReadonlyMap<string, string> = map instanceof Map ? (map as ReadonlyMap<string, string>) : new Map(Object.entries(map as Readonly<Record<string, string>>));
  return new Map(sortedByUtf8([...source.keys()]).map((key) => [key, source.get(key)!]));
}

/** Go compares strings by their bytes; JavaScript compares UTF-16 units, which differs above U+FFFF. */
export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function sortedByUtf8(keys: readonly string[]): string[] {
  return [...keys].sort(compareUtf8);
}

/** A struct's JSON with fields in the given order, leaving out undefined ones (Go's omitempty). */
export function goJsonObject(fields: Array<[string, string | undefined]>): string {
  return `{${fields.filter(([, v]) => v !== undefined).map(([k, v]) => `${goJsonString(k)}:${v}`).join(',')}}`;
}
