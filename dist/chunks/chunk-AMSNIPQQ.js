import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/chart/errors.ts
var ChartError = class extends Error {
  name = "ChartError";
  constructor(message, options) {
    super(message, options);
  }
};
function isFsError(error) {
  return error instanceof Error && typeof error.code === "string";
}

// src/chart/go-yaml-scalars.ts
var BOOLS = {};
for (const s of ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]) BOOLS[s] = true;
for (const s of ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]) BOOLS[s] = false;
var NULLS = /* @__PURE__ */ new Set(["", "~", "null", "Null", "NULL"]);
var SPECIAL_FLOATS = {};
for (const s of [".nan", ".NaN", ".NAN"]) SPECIAL_FLOATS[s] = Number.NaN;
for (const s of [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"]) SPECIAL_FLOATS[s] = Number.POSITIVE_INFINITY;
for (const s of ["-.inf", "-.Inf", "-.INF"]) SPECIAL_FLOATS[s] = Number.NEGATIVE_INFINITY;
var YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
var BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
var INT64_MIN = -(2n ** 63n);
var INT64_MAX = 2n ** 63n - 1n;
var UINT64_MAX = 2n ** 64n - 1n;
function resolvePlainScalar(text) {
  const first = text[0];
  const hint = text === "" ? "N" : first === "+" || first === "-" ? "S" : first >= "0" && first <= "9" ? "D" : "yYnNtTfFoO~".includes(first) ? "M" : first === "." ? "." : void 0;
  if (hint === void 0) return { tag: "str", text };
  if (text in BOOLS) return { tag: "bool", value: BOOLS[text] };
  if (NULLS.has(text)) return { tag: "null" };
  if (text in SPECIAL_FLOATS) return { tag: "float", value: SPECIAL_FLOATS[text] };
  if (hint === ".") {
    if (/^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/.test(text)) {
      const value = Number(text);
      if (Number.isFinite(value)) return { tag: "float", value };
    }
    return { tag: "str", text };
  }
  if (hint === "D" || hint === "S") {
    if (isGoYamlTimestamp(text)) return { tag: "timestamp", text };
    const plain = text.replaceAll("_", "");
    const int = parseGoInt(plain);
    if (int !== void 0) return { tag: "int", value: int };
    const uint = parseGoUint(plain);
    if (uint !== void 0) return { tag: "int", value: uint };
    if (YAML_STYLE_FLOAT.test(plain)) {
      const value = Number(plain);
      if (Number.isFinite(value)) return { tag: "float", value };
    }
    if (plain.startsWith("0b") || plain.startsWith("-0b")) {
      const negative = plain.startsWith("-");
      const digits = plain.slice(negative ? 3 : 2);
      if (/^[01]+$/.test(digits)) {
        const value = (negative ? -1n : 1n) * BigInt(`0b${digits}`);
        if (value >= INT64_MIN && value <= UINT64_MAX) return { tag: "int", value };
      }
    }
  }
  return { tag: "str", text };
}
function isBase60Float(text) {
  return BASE60_FLOAT.test(text);
}
function parseGoInt(s) {
  let negative = false;
  let body = s;
  if (body.startsWith("+") || body.startsWith("-")) {
    negative = body[0] === "-";
    body = body.slice(1);
  }
  const magnitude = parseGoUint(body);
  if (magnitude === void 0) return void 0;
  const value = negative ? -magnitude : magnitude;
  return value >= INT64_MIN && value <= INT64_MAX ? value : void 0;
}
function parseGoUint(s) {
  if (s === "") return void 0;
  let base = 10;
  let digits = s;
  if (s[0] === "0") {
    const prefix = s.length >= 3 ? s[1].toLowerCase() : "";
    if (prefix === "b" || prefix === "o" || prefix === "x") {
      base = prefix === "b" ? 2 : prefix === "o" ? 8 : 16;
      digits = s.slice(2);
    } else {
      base = 8;
      digits = s.slice(1);
    }
  }
  let value = 0n;
  for (const c of digits) {
    const d = Number.parseInt(c, 36);
    if (Number.isNaN(d) || d >= base) return void 0;
    value = value * BigInt(base) + BigInt(d);
  }
  return value <= UINT64_MAX ? value : void 0;
}
var TIMESTAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:([Tt])|( ))(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(Z|[+-]\d{2}:\d{2})?)?$/;
function isGoYamlTimestamp(text) {
  const m = TIMESTAMP.exec(text);
  if (!m) return false;
  const [, year, month, day, tee, space, hour, minute, second, zone] = m;
  if (!validDate(Number(year), Number(month), Number(day))) return false;
  if (hour === void 0) return true;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return false;
  if (tee !== void 0) {
    if (zone === void 0) return false;
    if (zone !== "Z" && (Number(zone.slice(1, 3)) > 24 || Number(zone.slice(4, 6)) > 60)) return false;
    return true;
  }
  return space !== void 0 && zone === void 0;
}
function validDate(year, month, day) {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}
function formatGoFloat(value, bits) {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  const x = bits === 32 ? Math.fround(value) : value;
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  let exponential = x.toExponential();
  if (bits === 32) {
    for (let digits = 1; digits <= 9; digits++) {
      const candidate = x.toExponential(digits - 1);
      if (Math.fround(Number(candidate)) === x) {
        exponential = candidate;
        break;
      }
    }
  }
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(exponential);
  const sign = match[1];
  const mantissa = match[2] + (match[3] ?? "");
  const exp = Number(match[4]);
  if (exp < -4 || exp >= 6) {
    const rest = mantissa.length > 1 ? `.${mantissa.slice(1)}` : "";
    const expText = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp));
    return `${sign}${mantissa[0]}${rest}e${exp < 0 ? "-" : "+"}${expText}`;
  }
  const pointAt = exp + 1;
  if (pointAt <= 0) return `${sign}0.${"0".repeat(-pointAt)}${mantissa}`;
  if (pointAt >= mantissa.length) return `${sign}${mantissa}${"0".repeat(pointAt - mantissa.length)}`;
  return `${sign}${mantissa.slice(0, pointAt)}.${mantissa.slice(pointAt)}`;
}

// src/chart/goyaml.ts
var BEST_INDENT = 2;
var BEST_WIDTH = 80;
var MAX_SIMPLE_KEY_BYTES = 128;
var GoYamlError = class extends Error {
  name = "GoYamlError";
};
function jsonToGoYaml(json) {
  const emitter = new Emitter();
  emitter.document(JSON.parse(json));
  return emitter.output();
}
function toGoYaml(value) {
  const emitter = new Emitter();
  emitter.document(value);
  return emitter.output();
}
var isBreak = (c) => c === "\n" || c === "\r" || c === "\x85" || c === "\u2028" || c === "\u2029";
var isBlank = (c) => c === " " || c === "	";
var isBlankz = (c) => c === void 0 || isBlank(c) || isBreak(c) || c === "\0";
function isPrintable(c) {
  const cp = c.codePointAt(0);
  return cp === 10 || cp >= 32 && cp <= 126 || cp >= 160 && cp <= 55295 || cp >= 57344 && cp <= 65533 && cp !== 65279;
}
var INT64_MIN2 = -(2n ** 63n);
var INT64_MAX2 = 2n ** 63n - 1n;
var UINT64_MAX2 = 2n ** 64n - 1n;
function formatNumber(n) {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) {
    const text = n.toString();
    const big = BigInt(text);
    if (big >= INT64_MIN2 && big <= INT64_MAX2 || big >= 0n && big <= UINT64_MAX2) return big.toString();
  }
  return formatGoFloat(n, 64);
}
var isLetter = (c) => new RegExp("\\p{L}", "u").test(c);
var isDigit = (c) => new RegExp("\\p{Nd}", "u").test(c);
function compareGoYamlKeys(a, b) {
  if (a === b) return 0;
  return goKeyLess(a, b) ? -1 : 1;
}
function goKeyLess(a, b) {
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i];
    const bc = br[i];
    if (ac === bc) continue;
    const al = isLetter(ac);
    const bl = isLetter(bc);
    if (al && bl) return ac.codePointAt(0) < bc.codePointAt(0);
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ac === "0" || bc === "0") {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== "0") {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = BigInt.asIntN(64, an * 10n + BigInt(ar[ai].codePointAt(0) - 48));
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = BigInt.asIntN(64, bn * 10n + BigInt(br[bi].codePointAt(0) - 48));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ac.codePointAt(0) < bc.codePointAt(0);
  }
  return ar.length < br.length;
}
function analyzeScalar(value) {
  const chars = Array.from(value);
  if (chars.length === 0) {
    return { chars, multiline: false, blockPlain: true, singleQuoted: true, block: false };
  }
  let indicators = value.startsWith("---") || value.startsWith("...");
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
    const c = chars[i];
    const last = i === chars.length - 1;
    const followedByWhitespace = last || isBlank(chars[i + 1]);
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(c)) indicators = true;
      else if ((c === "?" || c === ":" || c === "-") && followedByWhitespace) indicators = true;
    } else if (c === ":" && followedByWhitespace || c === "#" && precededByWhitespace) {
      indicators = true;
    }
    if (!isPrintable(c)) specialCharacters = true;
    if (c === " ") {
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
  const a = { chars, multiline: lineBreaks, blockPlain: true, singleQuoted: true, block: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlain = false;
  if (trailingSpace) a.block = false;
  if (breakSpace) a.blockPlain = a.singleQuoted = false;
  if (spaceBreak || specialCharacters) a.blockPlain = a.singleQuoted = a.block = false;
  if (lineBreaks) a.blockPlain = false;
  if (indicators) a.blockPlain = false;
  return a;
}
var DOUBLE_QUOTE_ESCAPES = {
  0: "0",
  7: "a",
  8: "b",
  9: "t",
  10: "n",
  11: "v",
  12: "f",
  13: "r",
  27: "e",
  34: '"',
  92: "\\",
  133: "N",
  160: "_",
  8232: "L",
  8233: "P"
};
var Emitter = class {
  out = "";
  column = 0;
  indent = -1;
  indents = [];
  whitespace = true;
  indention = true;
  mappingContext = false;
  simpleKeyContext = false;
  output() {
    return this.out;
  }
  document(value) {
    this.node(value, { mapping: false, simpleKey: false });
    this.writeIndent();
  }
  // -- primitives -------------------------------------------------------------------------------
  put(text) {
    this.out += text;
    this.column += text.length;
  }
  write(c) {
    this.out += c;
    this.column += 1;
  }
  putBreak() {
    this.out += "\n";
    this.column = 0;
  }
  writeBreak(c) {
    if (c === "\n") {
      this.putBreak();
    } else {
      this.out += c;
      this.column = 0;
    }
  }
  writeIndent() {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || this.column === indent && !this.whitespace) this.putBreak();
    while (this.column < indent) this.put(" ");
    this.whitespace = true;
    this.indention = true;
  }
  writeIndicator(indicator, needWhitespace, isWhitespace, isIndention) {
    if (needWhitespace && !this.whitespace) this.put(" ");
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }
  increaseIndent(flow, indentless) {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }
  popIndent() {
    this.indent = this.indents.pop();
  }
  // -- nodes --------------------------------------------------------------------------------------
  node(value, ctx) {
    this.mappingContext = ctx.mapping;
    this.simpleKeyContext = ctx.simpleKey;
    if (value === null) return this.scalar("null", "plain");
    if (typeof value === "boolean") return this.scalar(String(value), "plain");
    if (typeof value === "number") return this.scalar(formatNumber(value), "plain");
    if (typeof value === "string") {
      assertYamlReadable(value);
      return this.scalar(value, stringStyle(value));
    }
    if (Array.isArray(value)) return value.length === 0 ? this.emptyFlow("[", "]") : this.blockSequence(value);
    const keys = Object.keys(value).sort(compareGoYamlKeys);
    return keys.length === 0 ? this.emptyFlow("{", "}") : this.blockMapping(value, keys);
  }
  // Only empty collections are written in flow style.
  emptyFlow(open, close) {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }
  blockSequence(items) {
    this.increaseIndent(false, this.mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator("-", true, false, true);
      this.node(item, { mapping: false, simpleKey: false });
    }
    this.popIndent();
  }
  blockMapping(map, keys) {
    this.increaseIndent(false, false);
    for (const key of keys) {
      this.writeIndent();
      const analysis = analyzeScalar(key);
      if (!analysis.multiline && Buffer.byteLength(key, "utf8") <= MAX_SIMPLE_KEY_BYTES) {
        this.node(key, { mapping: true, simpleKey: true });
        this.writeIndicator(":", false, false, false);
      } else {
        this.writeIndicator("?", true, false, true);
        this.node(key, { mapping: true, simpleKey: false });
        this.writeIndent();
        this.writeIndicator(":", true, false, true);
      }
      this.node(map[key], { mapping: true, simpleKey: false });
    }
    this.popIndent();
  }
  scalar(value, requested) {
    const a = analyzeScalar(value);
    const style = this.selectStyle(a, requested);
    this.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    if (style === "plain") this.writePlain(a.chars, allowBreaks);
    else if (style === "single") this.writeSingleQuoted(a.chars, allowBreaks);
    else if (style === "double") this.writeDoubleQuoted(a.chars, allowBreaks);
    else this.writeLiteral(a.chars);
    this.popIndent();
  }
  selectStyle(a, requested) {
    let style = requested;
    if (this.simpleKeyContext && a.multiline) style = "double";
    if (style === "plain") {
      if (!a.blockPlain) style = "single";
      if (a.chars.length === 0 && this.simpleKeyContext) style = "single";
    }
    if (style === "single" && !a.singleQuoted) style = "double";
    if (style === "literal" && (!a.block || this.simpleKeyContext)) style = "double";
    return style;
  }
  // -- scalar writers -----------------------------------------------------------------------------
  writePlain(chars, allowBreaks) {
    if (!this.whitespace) this.put(" ");
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (c === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== " ") this.writeIndent();
        else this.write(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === "\n") this.putBreak();
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
  writeSingleQuoted(chars, allowBreaks) {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (c === " ") {
        const inner = i > 0 && i < chars.length - 1;
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && inner && chars[i + 1] !== " ") this.writeIndent();
        else this.write(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === "\n") this.putBreak();
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
  writeDoubleQuoted(chars, allowBreaks) {
    this.writeIndicator('"', true, false, false);
    const startsWithBom = chars[0] === "\uFEFF";
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (!isPrintable(c) || startsWithBom || isBreak(c) || c === '"' || c === "\\") {
        const cp = c.codePointAt(0);
        const short = DOUBLE_QUOTE_ESCAPES[cp];
        if (short !== void 0) this.put(`\\${short}`);
        else if (cp <= 255) this.put(`\\x${hex(cp, 2)}`);
        else if (cp <= 65535) this.put(`\\u${hex(cp, 4)}`);
        else this.put(`\\U${hex(cp, 8)}`);
        spaces = false;
      } else if (c === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
          this.writeIndent();
          if (chars[i + 1] === " ") this.put("\\");
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
  writeLiteral(chars) {
    this.writeIndicator("|", true, false, false);
    if (chars[0] === " " || isBreak(chars[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
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
};
function assertYamlReadable(s) {
  const bad = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/.exec(s);
  if (!bad) return;
  const code = `U+${hex(bad[0].codePointAt(0), 4)}`;
  const shown = JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
  throw new GoYamlError(`the chart metadata value ${shown} contains the control character ${code}, which Helm cannot write as YAML; remove it`);
}
function stringStyle(s) {
  if (s.includes("\n")) return "literal";
  const canUsePlain = resolvePlainScalar(s).tag === "str" && !isBase60Float(s);
  return canUsePlain ? "plain" : "double";
}
function chompIndicator(chars) {
  const n = chars.length;
  if (n === 0 || !isBreak(chars[n - 1])) return "-";
  if (n === 1 || isBreak(chars[n - 2])) return "+";
  return "";
}
var hex = (n, width) => n.toString(16).toUpperCase().padStart(width, "0");

export {
  ChartError,
  isFsError,
  resolvePlainScalar,
  formatGoFloat,
  GoYamlError,
  jsonToGoYaml,
  toGoYaml
};
