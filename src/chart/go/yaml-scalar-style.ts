// Which styles go-yaml v2's emitter may write a scalar in (emitterc.go, yaml_emitter_analyze_scalar
// and yaml_emitter_select_scalar_style's inputs), and the character classes it decides with.
// Strings are walked by UTF-16 index, one code point at a time, never copied into arrays: a
// scalar may be megabytes long.
import { GoYamlError } from './yaml-error.js';
import { isBase60Float, resolvePlainScalar } from './yaml-resolve.js';

export type Style = 'plain' | 'single' | 'double' | 'literal';

export const SPACE = 0x20;
export const LF = 0x0a;

export const isBreak = (c: number | undefined) => c === LF || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
const isBlank = (c: number | undefined) => c === SPACE || c === 0x09;
// go-yaml's is_blankz also treats NUL as "end of input".
const isBlankz = (c: number | undefined) => c === undefined || isBlank(c) || isBreak(c) || c === 0;

/** go-yaml's printable set: note it excludes tab and every character outside the BMP. */
export function isPrintable(cp: number): boolean {
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);
}

/** The UTF-16 length of the code point `cp`. */
export const width = (cp: number) => (cp > 0xffff ? 2 : 1);

const FIRST_INDICATORS = new Set([...'#,[]{}&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));
const COLON = 0x3a;
const HASH = 0x23;

export interface Analysis {
  empty: boolean;
  multiline: boolean;
  blockPlain: boolean;
  singleQuoted: boolean;
  block: boolean;
}

/** yaml_emitter_analyze_scalar, for block context (flow collections are only ever written empty). */
export function analyzeScalar(value: string): Analysis {
  if (value === '') return { empty: true, multiline: false, blockPlain: true, singleQuoted: true, block: false };
  let indicators = value.startsWith('---') || value.startsWith('...');
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  for (let i = 0; i < value.length; ) {
    const c = value.codePointAt(i)!;
    const next = i + width(c);
    const last = next >= value.length;
    const followedByWhitespace = last || isBlank(value.codePointAt(next));
    if (i === 0) {
      if (FIRST_INDICATORS.has(c)) indicators = true;
      else if ((c === 0x3f || c === COLON || c === 0x2d) && followedByWhitespace) indicators = true; // ? : -
    } else if ((c === COLON && followedByWhitespace) || (c === HASH && precededByWhitespace)) {
      indicators = true;
    }

    if (!isPrintable(c)) specialCharacters = true;
    if (c === SPACE) {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
    i = next;
  }

  const a: Analysis = { empty: false, multiline: lineBreaks, blockPlain: true, singleQuoted: true, block: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlain = false;
  if (trailingSpace) a.block = false;
  if (breakSpace) a.blockPlain = a.singleQuoted = false;
  if (spaceBreak || specialCharacters) a.blockPlain = a.singleQuoted = a.block = false;
  if (lineBreaks) a.blockPlain = false;
  if (indicators) a.blockPlain = false;
  return a;
}

/** The style go-yaml's encoder asks for a string; the emitter may still fall back to a quoted one. */
export function stringStyle(s: string): Style {
  assertYamlReadable(s);
  if (s.includes('\n')) return 'literal';
  // Quoted when a YAML 1.1 reader would not take it back as a string (`yes`, `1.0`, `2024-01-02`),
  // or would by old base-60 rules (`1:30`).
  const canUsePlain = resolvePlainScalar(s).tag === 'str' && !isBase60Float(s);
  return canUsePlain ? 'plain' : 'double';
}

// Go's JSON encoder leaves these characters unescaped and go-yaml's reader then refuses them, so
// Helm fails with "yaml: control characters are not allowed"; say so instead of writing YAML
// that Helm could never have written.
function assertYamlReadable(s: string): void {
  const bad = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/.exec(s);
  if (!bad) return;
  const code = `U+${hex(bad[0].codePointAt(0)!, 4)}`;
  const shown = JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
  throw new GoYamlError(`the chart metadata value ${shown} contains the control character ${code}, which Helm cannot write as YAML; remove it`);
}

/** `|-` strips the final line break, `|` keeps one, `|+` keeps them all. */
export function chompIndicator(s: string): string {
  // Line breaks are single UTF-16 units, so the last two units decide.
  const n = s.length;
  if (n === 0 || !isBreak(s.charCodeAt(n - 1))) return '-';
  if (n === 1 || isBreak(s.charCodeAt(n - 2))) return '+';
  return '';
}

export const hex = (n: number, digits: number) => n.toString(16).toUpperCase().padStart(digits, '0');
