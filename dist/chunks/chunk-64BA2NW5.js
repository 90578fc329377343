import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  compareUtf8,
  require_dist
} from "./chunk-XDEXRFJC.js";
import {
  __toESM
} from "./chunk-6DG7BXTN.js";

// src/chart/go/numbers.ts
var INT64_MIN = -(2n ** 63n);
var INT64_MAX = 2n ** 63n - 1n;
var UINT64_MAX = 2n ** 64n - 1n;
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
    if (value > UINT64_MAX) return void 0;
  }
  return value;
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

// src/chart/go/yaml-load.ts
var import_yaml = __toESM(require_dist(), 1);

// src/chart/limits.ts
var MAX_FILE_BYTES = 5 * 1024 * 1024;
var MAX_CHART_BYTES = 100 * 1024 * 1024;
var MAX_INFLATED_BYTES = MAX_CHART_BYTES + 64 * 1024 * 1024;
var MAX_ARCHIVE_ENTRIES = 1e5;
var MAX_TAR_META_BYTES = 1024 * 1024;

// src/chart/go/yaml-error.ts
var GoYamlError = class extends Error {
  name = "GoYamlError";
};

// src/chart/go/time.ts
function isValidDate(year, month, day) {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
var YAML_TIMESTAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:([Tt])|( ))(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(Z|[+-]\d{2}:\d{2})?)?$/;
function isGoYamlTimestamp(text) {
  const m = YAML_TIMESTAMP.exec(text);
  if (!m) return false;
  const [, year, month, day, tee, space, hour, minute, second, zone] = m;
  if (!isValidDate(Number(year), Number(month), Number(day))) return false;
  if (hour === void 0) return true;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return false;
  if (tee !== void 0) {
    if (zone === void 0) return false;
    if (zone !== "Z" && (Number(zone.slice(1, 3)) > 24 || Number(zone.slice(4, 6)) > 60)) return false;
    return true;
  }
  return space !== void 0 && zone === void 0;
}
var RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|([+-])(\d{2}):(\d{2}))$/;
var GO_ZERO_TIME = "0001-01-01T00:00:00Z";
function goTimeRoundTrip(text) {
  const m = RFC3339.exec(text);
  if (!m) return void 0;
  const [, year, month, day, hour, minute, second, fraction, zone, , zoneHour, zoneMinute] = m;
  if (!isValidDate(Number(year), Number(month), Number(day))) return void 0;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return void 0;
  if (zone !== "Z" && (Number(zoneHour) >= 24 || Number(zoneMinute) >= 60)) return void 0;
  const nanos = (fraction ?? "").slice(0, 9).replace(/0+$/, "");
  const offsetZero = zone === "Z" || Number(zoneHour) === 0 && Number(zoneMinute) === 0;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${nanos ? `.${nanos}` : ""}${offsetZero ? "Z" : zone}`;
}

// src/chart/go/yaml-resolve.ts
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
      if (digits.length <= 64 && /^[01]+$/.test(digits)) {
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

// src/chart/go/yaml-load.ts
var GoInt = class {
  constructor(value) {
    this.value = value;
  }
  value;
};
var GoFloat = class {
  constructor(value) {
    this.value = value;
  }
  value;
};
var GoMap = class {
  entries = /* @__PURE__ */ new Map();
};
var STR_TAG = "tag:yaml.org,2002:str";
var MAX_DEPTH = 200;
var MAX_DOCUMENTS = 1e4;
function loadGoYaml(text) {
  return bounded(text, () => {
    for (const doc of documents(text)) return new Decoder(doc).document();
    return null;
  });
}
function loadAllGoYaml(text) {
  return bounded(text, () => {
    const values = [];
    for (const doc of documents(text)) {
      if (values.length === MAX_DOCUMENTS) throw new GoYamlError(`the stream holds more than ${MAX_DOCUMENTS} YAML documents`);
      values.push(new Decoder(doc).document());
    }
    return values;
  });
}
var isStackOverflow = (message) => /call stack/i.test(message);
var tooDeep = () => new GoYamlError(`the YAML nests more than ${MAX_DEPTH} levels deep`);
function bounded(text, load) {
  if (text.length > MAX_FILE_BYTES) throw new GoYamlError(`the document is longer than ${MAX_FILE_BYTES} characters`);
  try {
    return load();
  } catch (error) {
    if (error instanceof RangeError && isStackOverflow(error.message)) throw tooDeep();
    throw error;
  }
}
function* documents(text) {
  const composer = new import_yaml.Composer({ schema: "failsafe", version: "1.1", uniqueKeys: false, prettyErrors: false });
  yield* composer.compose(new import_yaml.Parser().parse(text));
}
var ALIAS_RATIO_LOW = 4e5;
var ALIAS_RATIO_HIGH = 4e6;
function allowedAliasRatio(decodeCount) {
  if (decodeCount <= ALIAS_RATIO_LOW) return 0.99;
  if (decodeCount >= ALIAS_RATIO_HIGH) return 0.1;
  return 0.99 - 0.89 * (decodeCount - ALIAS_RATIO_LOW) / (ALIAS_RATIO_HIGH - ALIAS_RATIO_LOW);
}
var Decoder = class {
  constructor(doc) {
    this.doc = doc;
    const error = doc.errors[0];
    if (error) throw isStackOverflow(error.message) ? tooDeep() : new GoYamlError(error.message.split("\n")[0] ?? error.message);
    this.targets = aliasTargets(doc);
  }
  doc;
  decodeCount = 0;
  aliasCount = 0;
  aliasDepth = 0;
  /** Aliases being expanded, to refuse one that contains itself. */
  expanding = /* @__PURE__ */ new Set();
  targets;
  document() {
    this.count();
    return this.convert(this.doc.contents, 0);
  }
  count() {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (this.aliasCount > 100 && this.decodeCount > 1e3 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      throw new GoYamlError("document contains excessive aliasing");
    }
  }
  convert(node, depth) {
    if (depth > MAX_DEPTH) throw tooDeep();
    this.count();
    if (node === null || node === void 0) return null;
    if ((0, import_yaml.isAlias)(node)) {
      const target = this.targets.get(node);
      if (target === void 0) throw new GoYamlError(`unknown anchor '${node.source}' referenced`);
      if (this.expanding.has(node)) throw new GoYamlError(`anchor '${node.source}' value contains itself`);
      this.expanding.add(node);
      this.aliasDepth++;
      try {
        return this.convert(target, depth + 1);
      } finally {
        this.aliasDepth--;
        this.expanding.delete(node);
      }
    }
    if ((0, import_yaml.isScalar)(node)) {
      const text = typeof node.value === "string" ? node.value : "";
      const plain = node.type === "PLAIN" || node.type === void 0;
      if (node.tag === STR_TAG || !plain && !node.tag) return text;
      return typed(resolvePlainScalar(text));
    }
    if ((0, import_yaml.isSeq)(node)) return node.items.map((item) => this.convert(item, depth + 1));
    if ((0, import_yaml.isMap)(node)) {
      const map = new GoMap();
      for (const pair of node.items) {
        const keyNode = pair.key;
        const value = pair.value;
        if ((0, import_yaml.isScalar)(keyNode) && keyNode.type === "PLAIN" && !keyNode.tag && keyNode.value === "<<") {
          merge(map, this.convert(value, depth + 1));
          continue;
        }
        map.entries.set(jsonKey(this.convert(keyNode, depth + 1)), this.convert(value, depth + 1));
      }
      return map;
    }
    throw new GoYamlError("unsupported YAML node");
  }
};
function aliasTargets(doc) {
  const anchored = /* @__PURE__ */ new Map();
  const targets = /* @__PURE__ */ new Map();
  (0, import_yaml.visit)(doc, {
    Node(_key, node) {
      if ((0, import_yaml.isAlias)(node)) targets.set(node, anchored.get(node.source));
      else if (node.anchor) anchored.set(node.anchor, node);
    }
  });
  return targets;
}
function typed(scalar) {
  switch (scalar.tag) {
    case "null":
      return null;
    case "bool":
      return scalar.value;
    case "int":
      return new GoInt(scalar.value);
    case "float":
      return new GoFloat(scalar.value);
    case "timestamp":
    case "str":
      return scalar.text;
  }
}
function merge(into, source) {
  const sources = Array.isArray(source) ? [...source].reverse() : [source];
  for (const item of sources) {
    if (!(item instanceof GoMap)) throw new GoYamlError('a "<<" merge key needs a mapping or a list of mappings');
    for (const [key, value] of item.entries) into.entries.set(key, value);
  }
}
function jsonKey(key) {
  if (typeof key === "string") return key;
  if (typeof key === "boolean") return key ? "true" : "false";
  if (key instanceof GoInt) return key.value.toString();
  if (key instanceof GoFloat) {
    if (Number.isNaN(key.value)) return ".nan";
    if (key.value === Number.POSITIVE_INFINITY) return ".inf";
    if (key.value === Number.NEGATIVE_INFINITY) return "-.inf";
    return formatGoFloat(key.value, 32);
  }
  throw new GoYamlError(`a mapping key must be a string, number or boolean, not ${key === null ? "null" : "a collection"}`);
}

// src/chart/go/decode.ts
var DecodeError = class extends Error {
  constructor(field, expected, found) {
    super(`${field || "the document"} must be ${expected}, not ${found}`);
    this.field = field;
    this.expected = expected;
    this.found = found;
  }
  field;
  expected;
  found;
  name = "DecodeError";
};
function decodeShape(value, shape, field = "") {
  switch (shape.kind) {
    case "string": {
      if (value === null) return void 0;
      if (typeof value === "string") return value;
      if (typeof value === "boolean") return value ? "true" : "false";
      if (value instanceof GoInt) return value.value.toString();
      if (value instanceof GoFloat) return formatGoFloat(value.value, 32);
      throw new DecodeError(field, "a string", describe(value));
    }
    case "bool": {
      if (value === null) return void 0;
      if (typeof value === "boolean") return value;
      throw new DecodeError(field, "true or false", describe(value));
    }
    case "any":
      return toJson(value, field);
    case "list": {
      if (value === null) return null;
      if (!Array.isArray(value)) throw new DecodeError(field, `a list of ${describeShape(shape.of)}`, describe(value));
      return value.map((item, i) => decodeShape(item, shape.of, `${field}[${i}]`) ?? zero(shape.of));
    }
    case "map": {
      if (value === null) return null;
      if (!(value instanceof GoMap)) throw new DecodeError(field, `a mapping of ${describeShape(shape.of)}`, describe(value));
      const out = /* @__PURE__ */ new Map();
      for (const [key, item] of sortedEntries(value)) out.set(key, decodeShape(item, shape.of, `${field}.${key}`) ?? zero(shape.of));
      return out;
    }
    case "struct": {
      if (value === null) return null;
      if (!(value instanceof GoMap)) throw new DecodeError(field, "a mapping", describe(value));
      const out = {};
      const names = Object.keys(shape.fields);
      for (const [key, item] of sortedEntries(value)) {
        const name = names.find((n) => n === key) ?? names.find((n) => n.toLowerCase() === key.toLowerCase());
        if (name === void 0) continue;
        const decoded = decodeShape(item, shape.fields[name], field ? `${field}.${name}` : name);
        if (decoded !== void 0) out[name] = decoded;
      }
      return out;
    }
  }
}
function zero(shape) {
  if (shape.kind === "string") return "";
  if (shape.kind === "bool") return false;
  return null;
}
function sortedEntries(map) {
  return [...map.entries].sort(([a], [b]) => compareUtf8(a, b));
}
function toJson(value, field) {
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (value instanceof GoInt) return Number(value.value);
  if (value instanceof GoFloat) {
    if (!Number.isFinite(value.value)) throw new DecodeError(field, "a finite number (JSON has no NaN or infinity)", String(value.value));
    return value.value;
  }
  if (Array.isArray(value)) return value.map((item, i) => toJson(item, `${field}[${i}]`));
  const out = /* @__PURE__ */ new Map();
  for (const [key, item] of value.entries) out.set(key, toJson(item, `${field}.${key}`));
  return out;
}
function describe(value) {
  if (value === null) return "null";
  if (typeof value === "boolean") return `the boolean ${value}`;
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  if (value instanceof GoInt || value instanceof GoFloat) return `the number ${String(value.value)}`;
  if (Array.isArray(value)) return "a list";
  return "a mapping";
}
function describeShape(shape) {
  switch (shape.kind) {
    case "string":
      return "strings";
    case "bool":
      return "booleans";
    case "any":
      return "values";
    case "list":
      return "lists";
    case "map":
      return "mappings";
    case "struct":
      return "mappings";
  }
}

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
function readingYaml(where, read) {
  try {
    return read();
  } catch (error) {
    if (error instanceof GoYamlError) throw new ChartError(`${where} is not valid YAML: ${error.message}`, { cause: error });
    if (error instanceof DecodeError) throw new ChartError(`${where}: ${error.message}`, { cause: error });
    throw error;
  }
}
function writingYaml(what, write) {
  try {
    return write();
  } catch (error) {
    if (error instanceof GoYamlError) throw new ChartError(`${what}: ${error.message}`, { cause: error });
    throw error;
  }
}

// src/chart/go/yaml-key-order.ts
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

// src/chart/go/yaml-scalar-style.ts
var SPACE = 32;
var LF = 10;
var isBreak = (c) => c === LF || c === 13 || c === 133 || c === 8232 || c === 8233;
var isBlank = (c) => c === SPACE || c === 9;
var isBlankz = (c) => c === void 0 || isBlank(c) || isBreak(c) || c === 0;
function isPrintable(cp) {
  return cp === 10 || cp >= 32 && cp <= 126 || cp >= 160 && cp <= 55295 || cp >= 57344 && cp <= 65533 && cp !== 65279;
}
var width = (cp) => cp > 65535 ? 2 : 1;
var FIRST_INDICATORS = new Set([..."#,[]{}&*!|>'\"%@`"].map((c) => c.charCodeAt(0)));
var COLON = 58;
var HASH = 35;
function analyzeScalar(value) {
  if (value === "") return { empty: true, multiline: false, blockPlain: true, singleQuoted: true, block: false };
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
  for (let i = 0; i < value.length; ) {
    const c = value.codePointAt(i);
    const next = i + width(c);
    const last = next >= value.length;
    const followedByWhitespace = last || isBlank(value.codePointAt(next));
    if (i === 0) {
      if (FIRST_INDICATORS.has(c)) indicators = true;
      else if ((c === 63 || c === COLON || c === 45) && followedByWhitespace) indicators = true;
    } else if (c === COLON && followedByWhitespace || c === HASH && precededByWhitespace) {
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
  const a = { empty: false, multiline: lineBreaks, blockPlain: true, singleQuoted: true, block: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlain = false;
  if (trailingSpace) a.block = false;
  if (breakSpace) a.blockPlain = a.singleQuoted = false;
  if (spaceBreak || specialCharacters) a.blockPlain = a.singleQuoted = a.block = false;
  if (lineBreaks) a.blockPlain = false;
  if (indicators) a.blockPlain = false;
  return a;
}
function stringStyle(s) {
  assertYamlReadable(s);
  if (s.includes("\n")) return "literal";
  const canUsePlain = resolvePlainScalar(s).tag === "str" && !isBase60Float(s);
  return canUsePlain ? "plain" : "double";
}
function assertYamlReadable(s) {
  const bad = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/.exec(s);
  if (!bad) return;
  const code = `U+${hex(bad[0].codePointAt(0), 4)}`;
  const shown = JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
  throw new GoYamlError(`the chart metadata value ${shown} contains the control character ${code}, which Helm cannot write as YAML; remove it`);
}
function chompIndicator(s) {
  const n = s.length;
  if (n === 0 || !isBreak(s.charCodeAt(n - 1))) return "-";
  if (n === 1 || isBreak(s.charCodeAt(n - 2))) return "+";
  return "";
}
var hex = (n, digits) => n.toString(16).toUpperCase().padStart(digits, "0");

// src/chart/go/yaml-writer.ts
var BEST_INDENT = 2;
var BEST_WIDTH = 80;
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
var SINGLE_QUOTE = 39;
var DOUBLE_QUOTE = 34;
var BACKSLASH = 92;
var YamlWriter = class {
  parts = [];
  column = 0;
  indent = -1;
  indents = [];
  whitespace = true;
  indention = true;
  mappingContext = false;
  simpleKeyContext = false;
  /** Start of the input slice written but not yet copied to `parts` (its columns are counted). */
  pending = -1;
  output() {
    return this.parts.join("");
  }
  // -- primitives -------------------------------------------------------------------------------
  put(text) {
    this.parts.push(text);
    this.column += text.length;
  }
  /** Writes the character at `i` of `s` by extending the pending slice. */
  take(s, i) {
    if (this.pending < 0) this.pending = i;
    this.column += 1;
  }
  /** Copies the pending slice of `s`, up to `end`, to the output. */
  flush(s, end) {
    if (this.pending < 0) return;
    this.parts.push(s.slice(this.pending, end));
    this.pending = -1;
  }
  putBreak() {
    this.parts.push("\n");
    this.column = 0;
  }
  writeBreak(c) {
    if (c === LF) this.putBreak();
    else {
      this.parts.push(String.fromCharCode(c));
      this.column = 0;
    }
  }
  writeIndent() {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || this.column === indent && !this.whitespace) this.putBreak();
    if (this.column < indent) this.put(" ".repeat(indent - this.column));
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
  // -- scalar writers (each walks the string once, by code point) ---------------------------------
  writePlain(s, allowBreaks) {
    if (!this.whitespace) this.put(" ");
    this.writeFolded(s, allowBreaks, false);
    this.whitespace = false;
    this.indention = false;
  }
  writeSingleQuoted(s, allowBreaks) {
    this.writeIndicator("'", true, false, false);
    this.writeFolded(s, allowBreaks, true);
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }
  // The body of a plain or single-quoted scalar: folded at the first single space once the line
  // is past the width (never at the first or last character: a plain scalar has no space there),
  // line breaks doubled, and in single quotes a quote doubled.
  writeFolded(s, allowBreaks, quoted) {
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < s.length; ) {
      const c = s.codePointAt(i);
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
  writeDoubleQuoted(s, allowBreaks) {
    this.writeIndicator('"', true, false, false);
    const startsWithBom = s.charCodeAt(0) === 65279;
    let spaces = false;
    for (let i = 0; i < s.length; ) {
      const c = s.codePointAt(i);
      if (!isPrintable(c) || startsWithBom || isBreak(c) || c === DOUBLE_QUOTE || c === BACKSLASH) {
        this.flush(s, i);
        const short = DOUBLE_QUOTE_ESCAPES[c];
        if (short !== void 0) this.put(`\\${short}`);
        else if (c <= 255) this.put(`\\x${hex(c, 2)}`);
        else if (c <= 65535) this.put(`\\u${hex(c, 4)}`);
        else this.put(`\\U${hex(c, 8)}`);
        spaces = false;
      } else if (c === SPACE) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i + 1 < s.length) {
          this.flush(s, i);
          this.writeIndent();
          if (s.charCodeAt(i + 1) === SPACE) this.put("\\");
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
  writeLiteral(s) {
    this.writeIndicator("|", true, false, false);
    if (s.charCodeAt(0) === SPACE || isBreak(s.charCodeAt(0))) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const chomp = chompIndicator(s);
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (let i = 0; i < s.length; ) {
      const c = s.codePointAt(i);
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
};

// src/chart/go/yaml-emit.ts
var MAX_SIMPLE_KEY_BYTES = 128;
function jsonToGoYaml(json) {
  return toGoYaml(JSON.parse(json));
}
function toGoYaml(value) {
  const emitter = new Emitter();
  emitter.document(value);
  return emitter.output();
}
function formatNumber(n) {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) {
    const text = n.toString();
    const big = BigInt(text);
    if (big >= INT64_MIN && big <= INT64_MAX || big >= 0n && big <= UINT64_MAX) return big.toString();
  }
  return formatGoFloat(n, 64);
}
var Emitter = class extends YamlWriter {
  document(value) {
    this.node(value, { mapping: false, simpleKey: false });
    this.writeIndent();
  }
  // -- nodes --------------------------------------------------------------------------------------
  node(value, ctx) {
    this.mappingContext = ctx.mapping;
    this.simpleKeyContext = ctx.simpleKey;
    if (value === null) return this.scalar("null", "plain");
    if (typeof value === "boolean") return this.scalar(String(value), "plain");
    if (typeof value === "number") return this.scalar(formatNumber(value), "plain");
    if (typeof value === "string") return this.scalar(value, stringStyle(value));
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
      if (!analyzeScalar(key).multiline && Buffer.byteLength(key, "utf8") <= MAX_SIMPLE_KEY_BYTES) {
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
    if (style === "plain") this.writePlain(value, allowBreaks);
    else if (style === "single") this.writeSingleQuoted(value, allowBreaks);
    else if (style === "double") this.writeDoubleQuoted(value, allowBreaks);
    else this.writeLiteral(value);
    this.popIndent();
  }
  selectStyle(a, requested) {
    let style = requested;
    if (this.simpleKeyContext && a.multiline) style = "double";
    if (style === "plain") {
      if (!a.blockPlain) style = "single";
      if (a.empty && this.simpleKeyContext) style = "single";
    }
    if (style === "single" && !a.singleQuoted) style = "double";
    if (style === "literal" && (!a.block || this.simpleKeyContext)) style = "double";
    return style;
  }
};

export {
  UINT64_MAX,
  MAX_FILE_BYTES,
  MAX_CHART_BYTES,
  MAX_INFLATED_BYTES,
  MAX_ARCHIVE_ENTRIES,
  MAX_TAR_META_BYTES,
  GO_ZERO_TIME,
  goTimeRoundTrip,
  GoMap,
  loadGoYaml,
  loadAllGoYaml,
  decodeShape,
  ChartError,
  isFsError,
  readingYaml,
  writingYaml,
  jsonToGoYaml,
  toGoYaml
};
