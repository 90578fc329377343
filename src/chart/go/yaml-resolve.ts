// How go-yaml v2 (the YAML library under Helm's sigs.k8s.io/yaml) types an unquoted scalar:
// its resolve() for the YAML 1.1 core schema. Helm's Chart.yaml handling depends on it:
// `appVersion: 1.10` becomes the string "1.1", `y` is a boolean, and a string that would read
// back as something else is quoted when Helm writes Chart.yaml.
import { INT64_MIN, parseGoInt, parseGoUint, UINT64_MAX } from './numbers.js';
import { isGoYamlTimestamp } from './time.js';

type GoScalar =
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
      if (digits.length <= 64 && /^[01]+$/.test(digits)) {
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
