// Go's integer ranges and strconv's number parsing and printing, as go-yaml and encoding/json use
// them: `010` is octal, `0x1F` hex, and a float prints in its shortest 'g' form.

export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;
export const UINT64_MAX = 2n ** 64n - 1n;

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
    // Out of range already: stop, or a scalar of a million digits would take minutes.
    if (value > UINT64_MAX) return undefined;
  }
  return value;
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
