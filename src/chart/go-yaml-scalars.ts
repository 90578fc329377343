// How go-yaml v2 (the YAML library under Helm's sigs.k8s.io/yaml) reads an unquoted scalar, and
// how Go prints numbers. Helm's Chart.yaml handling depends on both: `appVersion: 1.10` becomes
// the string "1.1", `y` is a boolean, and a string that would read back as something else is
// quoted when Helm writes Chart.yaml.

export type GoScalar =
  | { tag: 'null' }
  | { tag: 'bool'; value: boolean }
  | { tag: 'int'; value: bigint }
  | { tag: 'float'; value: number }
  // go-yaml keeps timestamps as their text when decoding into interface{}.
  | { tag: 'timestamp'; text: string }
  | { tag: 'str'; text: string };

const BOOLS: Record<string, boolean> = {};
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) BOOLS[s] = true;
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) BOOLS[s] = false;
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const SPECIAL_FLOATS: Record<string, number> = {};
for (const s of ['.nan', '.NaN', '.NAN']) SPECIAL_FLOATS[s] = Number.NaN;
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) SPECIAL_FLOATS[s] = Number.POSITIVE_INFINITY;
for (const s of ['-.inf', '-.Inf', '-.INF']) SPECIAL_FLOATS[s] = Number.NEGATIVE_INFINITY;

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** What go-yaml v2 makes of a plain (unquoted, untagged) scalar. */
export function resolvePlainScalar(text: string): GoScalar {
  // go-yaml only looks further when the first byte hints at a non-string.
  const first = text[0];
  const hint =
    text === '' ? 'N'
    : first === '+' || first === '-' ? 'S'
    : first! >= '0' && first! <= '9' ? 'D'
    : 'yYnNtTfFoO~'.includes(first!) ? 'M'
    : first === '.' ? '.'
    : undefined;
  if (hint === undefined) return { tag: 'str', text };
  if (text in BOOLS) return { tag: 'bool', value: BOOLS[text]! };
  if (NULLS.has(text)) return { tag: 'null' };
  if (text in SPECIAL_FLOATS) return { tag: 'float', value: SPECIAL_FLOATS[text]! };
  if (hint === '.') {
    // strconv.ParseFloat on the raw text; underscores are not allowed here.
    if (/^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/.test(text)) {
      const value = Number(text);
      if (Number.isFinite(value)) return { tag: 'float', value };
    }
    return { tag: 'str', text };
  }
  if (hint === 'D' || hint === 'S') {
    if (isGoYamlTimestamp(text)) return { tag: 'timestamp', text };
    const plain = text.replaceAll('_', '');
    const int = parseGoInt(plain);
    if (int !== undefined) return { tag: 'int', value: int };
    const uint = parseGoUint(plain);
    if (uint !== undefined) return { tag: 'int', value: uint };
    if (YAML_STYLE_FLOAT.test(plain)) {
      const value = Number(plain);
      if (Number.isFinite(value)) return { tag: 'float', value };
    }
    if (plain.startsWith('0b') || plain.startsWith('-0b')) {
      const negative = plain.startsWith('-');
      const digits = plain.slice(negative ? 3 : 2);
      if (/^[01]+$/.test(digits)) {
        const value = (negative ? -1n : 1n) * BigInt(`0b${digits}`);
        if (value >= INT64_MIN && value <= UINT64_MAX) return { tag: 'int', value };
      }
    }
  }
  return { tag: 'str', text };
}

/** go-yaml quotes these on output even though it reads them as strings (YAML 1.1 base-60). */
export function isBase60Float(text: string): boolean {
  return BASE60_FLOAT.test(text);
}

/** strconv.ParseInt(s, 0, 64), returning undefined on any error. */
export function parseGoInt(s: string): bigint | undefined {
  let negative = false;
  let body = s;
  if (body.startsWith('+') || body.startsWith('-')) {
    negative = body[0] === '-';
    body = body.slice(1);
  }
  const magnitude = parseGoUint(body);
  if (magnitude === undefined) return undefined;
  const value = negative ? -magnitude : magnitude;
  return value >= INT64_MIN && value <= INT64_MAX ? value : undefined;
}

/** strconv.ParseUint(s, 0, 64): 0x/0o/0b prefixes, a leading 0 means octal. */
export function parseGoUint(s: string): bigint | undefined {
  if (s === '') return undefined;
  let base = 10;
  let digits = s;
  if (s[0] === '0') {
    const prefix = s.length >= 3 ? s[1]!.toLowerCase() : '';
    if (prefix === 'b' || prefix === 'o' || prefix === 'x') {
      base = prefix === 'b' ? 2 : prefix === 'o' ? 8 : 16;
      digits = s.slice(2);
    } else {
      base = 8;
      digits = s.slice(1);
    }
  }
  let value = 0n;
  for (const c of digits) {
    const d = Number.parseInt(c, 36);
    if (Number.isNaN(d) || d >= base) return undefined;
    value = value * BigInt(base) + BigInt(d);
  }
  return value <= UINT64_MAX ? value : undefined;
}

// go-yaml v2 tries time.Parse with these layouts when a scalar starts with "YYYY-":
// "2006-1-2T15:4:5.999999999Z07:00" (also with a lower-case t), "2006-1-2 15:4:5.999999999",
// "2006-1-2". Go's parser takes one or two digits for the short fields and validates ranges.
const TIMESTAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:([Tt])|( ))(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(Z|[+-]\d{2}:\d{2})?)?$/;

export function isGoYamlTimestamp(text: string): boolean {
  const m = TIMESTAMP.exec(text);
  if (!m) return false;
  const [, year, month, day, tee, space, hour, minute, second, zone] = m;
  if (!validDate(Number(year), Number(month), Number(day))) return false;
  if (hour === undefined) return true;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return false;
  // The T/t layouts require a zone; the space layout forbids one.
  if (tee !== undefined) {
    if (zone === undefined) return false;
    if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 24 || Number(zone.slice(4, 6)) > 60)) return false;
    return true;
  }
  return space !== undefined && zone === undefined;
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** strconv.FormatFloat(value, 'g', -1, bits): the shortest text that reads back as the same value. */
export function formatGoFloat(value: number, bits: 32 | 64): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  const x = bits === 32 ? Math.fround(value) : value;
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  let exponential = x.toExponential(); // shortest round trip for float64
  if (bits === 32) {
    for (let digits = 1; digits <= 9; digits++) {
      const candidate = x.toExponential(digits - 1);
      if (Math.fround(Number(candidate)) === x) {
        exponential = candidate;
        break;
      }
    }
  }
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(exponential)!;
  const sign = match[1]!;
  const mantissa = match[2]! + (match[3] ?? '');
  const exp = Number(match[4]);
  // %e when the exponent is < -4 or >= 6 (the precision Go uses for "shortest").
  if (exp < -4 || exp >= 6) {
    const rest = mantissa.length > 1 ? `.${mantissa.slice(1)}` : '';
    const expText = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp));
    return `${sign}${mantissa[0]}${rest}e${exp < 0 ? '-' : '+'}${expText}`;
  }
  const pointAt = exp + 1;
  if (pointAt <= 0) return `${sign}0.${'0'.repeat(-pointAt)}${mantissa}`;
  if (pointAt >= mantissa.length) return `${sign}${mantissa}${'0'.repeat(pointAt - mantissa.length)}`;
  return `${sign}${mantissa.slice(0, pointAt)}.${mantissa.slice(pointAt)}`;
}
