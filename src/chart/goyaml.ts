// YAML exactly as Helm writes it. Helm marshals chart metadata with sigs.k8s.io/yaml: Go JSON
// first, then that JSON is read and re-emitted by go-yaml v2 (YAML 1.1 rules). The provenance
// text and the Chart.yaml inside a packaged chart are both this output, so it must match byte
// for byte. The `yaml` npm library cannot: go-yaml folds long scalars at the first space *past*
// column 80, prefers single quotes, double-quotes anything YAML 1.1 would read as non-string
// (`yes`, `on`, `1_000`, `2024-01-02`, `1:30`), sorts keys "naturally" (b9 < b10) and escapes
// differently. So this module re-implements the part of go-yaml's emitter that JSON data can
// reach: block maps and sequences, empty `{}`/`[]`, and plain, quoted and literal scalars.

import { formatGoFloat, isBase60Float, resolvePlainScalar } from './go-yaml-scalars.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

type Style = 'plain' | 'single' | 'double' | 'literal';

const BEST_INDENT = 2;
const BEST_WIDTH = 80;
const MAX_SIMPLE_KEY_BYTES = 128;

/** Raised for data Helm itself cannot write as YAML. */
export class GoYamlError extends Error {
  override name = 'GoYamlError';
}

/** sigs.k8s.io/yaml `JSONToYAML`: the YAML go-yaml v2 emits for a JSON document. */
export function jsonToGoYaml(json: string): string {
  const emitter = new Emitter();
  emitter.document(JSON.parse(json) as Json);
  return emitter.output();
}

/** sigs.k8s.io/yaml `Marshal` for data already shaped like Go's JSON output (maps, slices, strings, numbers). */
export function toGoYaml(value: Json): string {
  const emitter = new Emitter();
  emitter.document(value);
  return emitter.output();
}

// ---------------------------------------------------------------------------------------------
// Character classes, on code points (go-yaml works on UTF-8 bytes; these are the same sets).

const isBreak = (c: string | undefined) => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
// go-yaml's is_blankz also treats NUL as "end of input".
const isBlankz = (c: string | undefined) => c === undefined || isBlank(c) || isBreak(c) || c === '\0';

// go-yaml's printable set: note it excludes tab and every character outside the BMP.
function isPrintable(c: string): boolean {
  const cp = c.codePointAt(0)!;
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

// ---------------------------------------------------------------------------------------------
// Numbers. Helm's JSON holds float64s printed by Go; go-yaml reads them back as int, uint or
// float and prints floats with strconv's 'g' format.

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) {
    const text = n.toString(); // same digits as Go's json.Marshal of this float64
    const big = BigInt(text);
    if ((big >= INT64_MIN && big <= INT64_MAX) || (big >= 0n && big <= UINT64_MAX)) return big.toString();
  }
  return formatGoFloat(n, 64); // JSON holds no NaN or Inf
}

// ---------------------------------------------------------------------------------------------
// go-yaml's map key order: by code point, except that non-letters sort before letters and runs
// of digits compare by numeric value.

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string) => /\p{Nd}/u.test(c);

/** The order go-yaml v2 writes string map keys in, as an Array.sort comparator. */
export function compareGoYamlKeys(a: string, b: string): number {
  if (a === b) return 0;
  return goKeyLess(a, b) ? -1 : 1;
}

function goKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i]!;
    const bc = br[i]!;
    if (ac === bc) continue;
    const al = isLetter(ac);
    const bl = isLetter(bc);
    if (al && bl) return ac.codePointAt(0)! < bc.codePointAt(0)!;
    if (al || bl) return bl;
    // Both non-letters: compare the digit runs starting here as (wrapping int64) numbers.
    let an = 0n;
    let bn = 0n;
    if (ac === '0' || bc === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = BigInt.asIntN(64, an * 10n + BigInt(ar[ai]!.codePointAt(0)! - 48));
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = BigInt.asIntN(64, bn * 10n + BigInt(br[bi]!.codePointAt(0)! - 48));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ac.codePointAt(0)! < bc.codePointAt(0)!;
  }
  return ar.length < br.length;
}

// ---------------------------------------------------------------------------------------------
// Scalar analysis: which styles can represent a value (go-yaml's yaml_emitter_analyze_scalar).

interface Analysis {
  chars: string[];
  multiline: boolean;
  blockPlain: boolean;
  singleQuoted: boolean;
  block: boolean;
}

function analyzeScalar(value: string): Analysis {
  const chars = Array.from(value);
  if (chars.length === 0) {
    return { chars, multiline: false, blockPlain: true, singleQuoted: true, block: false };
  }
  // Only block context matters: flow collections are only ever written empty.
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
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const last = i === chars.length - 1;
    const followedByWhitespace = last || isBlank(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) indicators = true;
      else if ((c === '?' || c === ':' || c === '-') && followedByWhitespace) indicators = true;
    } else if ((c === ':' && followedByWhitespace) || (c === '#' && precededByWhitespace)) {
      indicators = true;
    }

    if (!isPrintable(c)) specialCharacters = true;
    if (c === ' ') {
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
  }

  const a: Analysis = { chars, multiline: lineBreaks, blockPlain: true, singleQuoted: true, block: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlain = false;
  if (trailingSpace) a.block = false;
  if (breakSpace) a.blockPlain = a.singleQuoted = false;
  if (spaceBreak || specialCharacters) a.blockPlain = a.singleQuoted = a.block = false;
  if (lineBreaks) a.blockPlain = false;
  if (indicators) a.blockPlain = false;
  return a;
}

// ---------------------------------------------------------------------------------------------
// The emitter: the same indentation and whitespace bookkeeping as go-yaml, so line breaks and
// folds land in the same columns.

const DOUBLE_QUOTE_ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
  0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

class Emitter {
  private out = '';
  private column = 0;
  private indent = -1;
  private readonly indents: number[] = [];
  private whitespace = true;
  private indention = true;
  private mappingContext = false;
  private simpleKeyContext = false;

  output(): string {
    return this.out;
  }

  document(value: Json): void {
    this.node(value, { mapping: false, simpleKey: false });
    this.writeIndent(); // the implicit document end: a final line break
  }

  // -- primitives -------------------------------------------------------------------------------

  private put(text: string): void {
    this.out += text;
    this.column += text.length; // ASCII only
  }

  private write(c: string): void {
    this.out += c;
    this.column += 1; // go-yaml counts characters, not bytes or display width
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  private writeBreak(c: string): void {
    if (c === '\n') {
      this.putBreak();
    } else {
      this.out += c;
      this.column = 0;
    }
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  // -- nodes --------------------------------------------------------------------------------------

  private node(value: Json, ctx: { mapping: boolean; simpleKey: boolean }): void {
    this.mappingContext = ctx.mapping;
    this.simpleKeyContext = ctx.simpleKey;
    if (value === null) return this.scalar('null', 'plain');
    if (typeof value === 'boolean') return this.scalar(String(value), 'plain');
    if (typeof value === 'number') return this.scalar(formatNumber(value), 'plain');
    if (typeof value === 'string') {
      assertYamlReadable(value);
      return this.scalar(value, stringStyle(value));
    }
    if (Array.isArray(value)) return value.length === 0 ? this.emptyFlow('[', ']') : this.blockSequence(value);
    const keys = Object.keys(value).sort(compareGoYamlKeys);
    return keys.length === 0 ? this.emptyFlow('{', '}') : this.blockMapping(value, keys);
  }

  // Only empty collections are written in flow style.
  private emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }

  private blockSequence(items: Json[]): void {
    // A sequence that is a mapping value sits at the key's column ("key:\n- item").
    this.increaseIndent(false, this.mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, { mapping: false, simpleKey: false });
    }
    this.popIndent();
  }

  private blockMapping(map: { [key: string]: Json }, keys: string[]): void {
    this.increaseIndent(false, false);
    for (const key of keys) {
      this.writeIndent();
      const analysis = analyzeScalar(key);
      if (!analysis.multiline && Buffer.byteLength(key, 'utf8') <= MAX_SIMPLE_KEY_BYTES) {
        this.node(key, { mapping: true, simpleKey: true });
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.node(key, { mapping: true, simpleKey: false });
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(map[key]!, { mapping: true, simpleKey: false });
    }
    this.popIndent();
  }

  private scalar(value: string, requested: Style): void {
    const a = analyzeScalar(value);
    const style = this.selectStyle(a, requested);
    this.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    if (style === 'plain') this.writePlain(a.chars, allowBreaks);
    else if (style === 'single') this.writeSingleQuoted(a.chars, allowBreaks);
    else if (style === 'double') this.writeDoubleQuoted(a.chars, allowBreaks);
    else this.writeLiteral(a.chars);
    this.popIndent();
  }

  private selectStyle(a: Analysis, requested: Style): Style {
    let style = requested;
    if (this.simpleKeyContext && a.multiline) style = 'double';
    if (style === 'plain') {
      if (!a.blockPlain) style = 'single';
      if (a.chars.length === 0 && this.simpleKeyContext) style = 'single';
    }
    if (style === 'single' && !a.singleQuoted) style = 'double';
    if (style === 'literal' && (!a.block || this.simpleKeyContext)) style = 'double';
    return style;
  }

  // -- scalar writers -----------------------------------------------------------------------------

  private writePlain(chars: string[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      if (c === ' ') {
        // Fold at the first single space once the line is past the width.
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== ' ') this.writeIndent();
        else this.write(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === '\n') this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(chars: string[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      if (c === ' ') {
        const inner = i > 0 && i < chars.length - 1;
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && inner && chars[i + 1] !== ' ') this.writeIndent();
        else this.write(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === '\n') this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === "'") this.put("'");
        this.write(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(chars: string[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    // go-yaml checks for a BOM at the start of the value, not at each character.
    const startsWithBom = chars[0] === '\ufeff';
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      if (!isPrintable(c) || startsWithBom || isBreak(c) || c === '"' || c === '\\') {
        const cp = c.codePointAt(0)!;
        const short = DOUBLE_QUOTE_ESCAPES[cp];
        if (short !== undefined) this.put(`\\${short}`);
        else if (cp <= 0xff) this.put(`\\x${hex(cp, 2)}`);
        else if (cp <= 0xffff) this.put(`\\u${hex(cp, 4)}`);
        else this.put(`\\U${hex(cp, 8)}`);
        spaces = false;
      } else if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
          this.writeIndent();
          // A fold swallows one space; escape the next one so it survives.
          if (chars[i + 1] === ' ') this.put('\\');
        } else {
          this.write(c);
        }
        spaces = true;
      } else {
        this.write(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(chars: string[]): void {
    this.writeIndicator('|', true, false, false);
    if (chars[0] === ' ' || isBreak(chars[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const chomp = chompIndicator(chars);
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of chars) {
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(c);
        this.indention = false;
        breaks = false;
      }
    }
  }
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

/** The style go-yaml's encoder asks for; the emitter may still fall back to a quoted one. */
function stringStyle(s: string): Style {
  if (s.includes('\n')) return 'literal';
  // Quoted when a YAML 1.1 reader would not take it back as a string (`yes`, `1.0`, `2024-01-02`),
  // or would by old base-60 rules (`1:30`).
  const canUsePlain = resolvePlainScalar(s).tag === 'str' && !isBase60Float(s);
  return canUsePlain ? 'plain' : 'double';
}

// `|-` strips the final line break, `|` keeps one, `|+` keeps them all.
function chompIndicator(chars: string[]): string {
  const n = chars.length;
  if (n === 0 || !isBreak(chars[n - 1])) return '-';
  if (n === 1 || isBreak(chars[n - 2])) return '+';
  return '';
}

const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0');
