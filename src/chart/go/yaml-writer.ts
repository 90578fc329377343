// go-yaml v2's emitter at the character level (emitterc.go: yaml_emitter_write_plain_scalar,
// _single_quoted_, _double_quoted_, _literal_, write_indent): the same indentation and whitespace
// bookkeeping, so line breaks and folds land in the same columns. `column` counts characters
// (code points), as go-yaml does.
//
// Output is gathered as slices of the input, not character by character: a string built one
// character at a time costs ~30 bytes per character until it is flattened.
import { chompIndicator, hex, isBreak, isPrintable, LF, SPACE, width } from './yaml-scalar-style.js';

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

const DOUBLE_QUOTE_ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
  0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};
const SINGLE_QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const BACKSLASH = 0x5c;

export class YamlWriter {
  protected readonly parts: string[] = [];
  protected column = 0;
  protected indent = -1;
  protected readonly indents: number[] = [];
  protected whitespace = true;
  protected indention = true;
  protected mappingContext = false;
  protected simpleKeyContext = false;
  /** Start of the input slice written but not yet copied to `parts` (its columns are counted). */
  protected pending = -1;

  output(): string {
    return this.parts.join('');
  }

  // -- primitives -------------------------------------------------------------------------------

  protected put(text: string): void {
    this.parts.push(text);
    this.column += text.length; // ASCII only
  }

  /** Writes the character at `i` of `s` by extending the pending slice. */
  protected take(s: string, i: number): void {
    if (this.pending < 0) this.pending = i;
    this.column += 1;
  }

  /** Copies the pending slice of `s`, up to `end`, to the output. */
  protected flush(s: string, end: number): void {
    if (this.pending < 0) return;
    this.parts.push(s.slice(this.pending, end));
    this.pending = -1;
  }

  protected putBreak(): void {
    this.parts.push('\n');
    this.column = 0;
  }

  protected writeBreak(c: number): void {
    if (c === LF) this.putBreak();
    else {
      this.parts.push(String.fromCharCode(c));
      this.column = 0;
    }
  }

  protected writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (this.column < indent) this.put(' '.repeat(indent - this.column));
    this.whitespace = true;
    this.indention = true;
  }

  protected writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  protected increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  protected popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  // -- scalar writers (each walks the string once, by code point) ---------------------------------

  protected writePlain(s: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    this.writeFolded(s, allowBreaks, false);
    this.whitespace = false;
    this.indention = false;
  }

  protected writeSingleQuoted(s: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    this.writeFolded(s, allowBreaks, true);
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  // The body of a plain or single-quoted scalar: folded at the first single space once the line
  // is past the width (never at the first or last character: a plain scalar has no space there),
  // line breaks doubled, and in single quotes a quote doubled.
  private writeFolded(s: string, allowBreaks: boolean, quoted: boolean): void {
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < s.length; ) {
      const c = s.codePointAt(i)!;
      if (c === SPACE) {
        const inner = i > 0 && i + 1 < s.length;
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && inner && s.charCodeAt(i + 1) !== SPACE) {
          this.flush(s, i);
          this.writeIndent();
        } else {
          this.take(s, i);
        }
        spaces = true;
      } else if (isBreak(c)) {
        this.flush(s, i);
        if (!breaks && c === LF) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (quoted && c === SINGLE_QUOTE) {
          this.flush(s, i);
          this.put("'");
        }
        this.take(s, i);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
      i += width(c);
    }
    this.flush(s, s.length);
  }

  protected writeDoubleQuoted(s: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    // go-yaml checks for a BOM at the start of the value, not at each character.
    const startsWithBom = s.charCodeAt(0) === 0xfeff;
    let spaces = false;
    for (let i = 0; i < s.length; ) {
      const c = s.codePointAt(i)!;
      if (!isPrintable(c) || startsWithBom || isBreak(c) || c === DOUBLE_QUOTE || c === BACKSLASH) {
        this.flush(s, i);
        const short = DOUBLE_QUOTE_ESCAPES[c];
        if (short !== undefined) this.put(`\\${short}`);
        else if (c <= 0xff) this.put(`\\x${hex(c, 2)}`);
        else if (c <= 0xffff) this.put(`\\u${hex(c, 4)}`);
        else this.put(`\\U${hex(c, 8)}`);
        spaces = false;
      } else if (c === SPACE) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i + 1 < s.length) {
          this.flush(s, i);
          this.writeIndent();
          // A fold swallows one space; escape the next one so it survives.
          if (s.charCodeAt(i + 1) === SPACE) this.put('\\');
        } else {
          this.take(s, i);
        }
        spaces = true;
      } else {
        this.take(s, i);
        spaces = false;
      }
      i += width(c);
    }
    this.flush(s, s.length);
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  protected writeLiteral(s: string): void {
    this.writeIndicator('|', true, false, false);
    if (s.charCodeAt(0) === SPACE || isBreak(s.charCodeAt(0))) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const chomp = chompIndicator(s);
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (let i = 0; i < s.length; ) {
      const c = s.codePointAt(i)!;
      if (isBreak(c)) {
        this.flush(s, i);
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.take(s, i);
        this.indention = false;
        breaks = false;
      }
      i += width(c);
    }
    this.flush(s, s.length);
  }
}
