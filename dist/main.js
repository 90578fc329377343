import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  loginForLaterSteps
} from "./chunks/chunk-LGFREDGR.js";
import {
  SourceError,
  displayUrl
} from "./chunks/chunk-UXFJLVWS.js";
import {
  addToReferrersIndex,
  listReferrers,
  referrersTag
} from "./chunks/chunk-IDIMKF7R.js";
import {
  ArchiveMemory,
  archiveFileDigests,
  checkChart,
  configJson,
  isStrictSemver,
  normalizeMirror,
  parseHelmVersion,
  readChartArchive,
  writeChartPackage
} from "./chunks/chunk-COUQR4UE.js";
import {
  describeError,
  isUserFacing,
  naming
} from "./chunks/chunk-EO4WWCF2.js";
import "./chunks/chunk-64BA2NW5.js";
import {
  DEFAULT_RETRY_POLICY,
  HELM_CONFIG_MEDIA_TYPE,
  HELM_PROV_LAYER_MEDIA_TYPE,
  OCI_INDEX_MEDIA_TYPE,
  OCI_MANIFEST_MEDIA_TYPE,
  OciInputError,
  RegistryClient,
  RegistryError,
  Transport,
  abortableSleep,
  errorCode,
  headerValue,
  helmArtifact,
  isTag,
  mapConcurrent,
  parseRegistryUrl,
  pushChart,
  redactUserInfo,
  repositoryFor,
  require_semver,
  sha256Digest,
  tagForVersion,
  urlUserInfo,
  withRetry
} from "./chunks/chunk-5TQU652H.js";
import {
  debug,
  getInput,
  group,
  info,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunks/chunk-XWDYXING.js";
import "./chunks/chunk-XDEXRFJC.js";
import {
  __commonJS,
  __toESM
} from "./chunks/chunk-6DG7BXTN.js";

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path, { windows } = {}) => {
      const segs = path.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob2 = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob2 = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob2 = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob2) glob2 = utils.removeBackslashes(glob2);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob: glob2,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal2 = normalizeSimpleBranch(branch);
        if (literal2 && literal2.length === 1) {
          safeChars.push(literal2);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal2 = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal2;
          open.output = safeOutput || utils.escapeRegex(literal2);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix2 = POSIX_REGEX_SOURCE[rest2];
                if (posix2) {
                  prev.value = pre + posix2;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob2, options, returnState = false) => {
      if (Array.isArray(glob2)) {
        const fns = glob2.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob2) && glob2.tokens && glob2.input;
      if (glob2 === "" || typeof glob2 !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix2 = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob2, options) : picomatch2.makeRe(glob2, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob: glob2, posix: posix2 });
        const result = { glob: glob2, state, regex, posix: posix2, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob: glob2, posix: posix2 } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix2 ? utils.toPosixSlashes : null);
      let match = input === glob2;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob2;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix2);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob2, options, posix2 = options && options.windows) => {
      const regex = glob2 instanceof RegExp ? glob2 : picomatch2.makeRe(glob2, options);
      return regex.test(utils.basename(input, { windows: posix2 }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob2, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob2, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// src/run.ts
import { tmpdir } from "node:os";

// src/inputs.ts
import { readFileSync } from "node:fs";
import { resolve as resolve4 } from "node:path";

// src/sources/spec.ts
var import_semver = __toESM(require_semver(), 1);

// src/publish/sources.ts
import { existsSync, statSync as statSync2 } from "node:fs";
import { join, relative as relative2, resolve as resolve3, sep as sep2 } from "node:path";

// node_modules/tinyglobby/dist/index.mjs
import { readdir, readdirSync, realpath, realpathSync, stat, statSync } from "fs";
import { isAbsolute, posix, resolve as resolve2 } from "path";
import { fileURLToPath } from "url";

// node_modules/fdir/dist/index.mjs
import { createRequire } from "module";
import { basename, dirname, normalize, relative, resolve, sep } from "path";
import * as nativeFs from "fs";
var __require = /* @__PURE__ */ createRequire(import.meta.url);
function cleanPath(path) {
  let normalized = normalize(path);
  if (normalized.length > 1 && normalized[normalized.length - 1] === sep) normalized = normalized.substring(0, normalized.length - 1);
  return normalized;
}
var SLASHES_REGEX = /[\\/]/g;
function convertSlashes(path, separator) {
  return path.replace(SLASHES_REGEX, separator);
}
var WINDOWS_ROOT_DIR_REGEX = /^[a-z]:[\\/]$/i;
function isRootDirectory(path) {
  return path === "/" || WINDOWS_ROOT_DIR_REGEX.test(path);
}
function normalizePath(path, options) {
  const { resolvePaths, normalizePath: normalizePath$1, pathSeparator } = options;
  const pathNeedsCleaning = process.platform === "win32" && path.includes("/") || path.startsWith(".");
  if (resolvePaths) path = resolve(path);
  if (normalizePath$1 || pathNeedsCleaning) path = cleanPath(path);
  if (path === ".") return "";
  const needsSeperator = path[path.length - 1] !== pathSeparator;
  return convertSlashes(needsSeperator ? path + pathSeparator : path, pathSeparator);
}
function joinPathWithBasePath(filename, directoryPath) {
  return directoryPath + filename;
}
function joinPathWithRelativePath(root, options) {
  return function(filename, directoryPath) {
    const sameRoot = directoryPath.startsWith(root);
    if (sameRoot) return directoryPath.slice(root.length) + filename;
    else return convertSlashes(relative(root, directoryPath), options.pathSeparator) + options.pathSeparator + filename;
  };
}
function joinPath(filename) {
  return filename;
}
function joinDirectoryPath(filename, directoryPath, separator) {
  return directoryPath + filename + separator;
}
function build$7(root, options) {
  const { relativePaths, includeBasePath } = options;
  return relativePaths && root ? joinPathWithRelativePath(root, options) : includeBasePath ? joinPathWithBasePath : joinPath;
}
function pushDirectoryWithRelativePath(root) {
  return function(directoryPath, paths) {
    paths.push(directoryPath.substring(root.length) || ".");
  };
}
function pushDirectoryFilterWithRelativePath(root) {
  return function(directoryPath, paths, filters) {
    const relativePath = directoryPath.substring(root.length) || ".";
    if (filters.every((filter) => filter(relativePath, true))) paths.push(relativePath);
  };
}
var pushDirectory = (directoryPath, paths) => {
  paths.push(directoryPath || ".");
};
var pushDirectoryFilter = (directoryPath, paths, filters) => {
  const path = directoryPath || ".";
  if (filters.every((filter) => filter(path, true))) paths.push(path);
};
var empty$2 = () => {
};
function build$6(root, options) {
  const { includeDirs, filters, relativePaths } = options;
  if (!includeDirs) return empty$2;
  if (relativePaths) return filters && filters.length ? pushDirectoryFilterWithRelativePath(root) : pushDirectoryWithRelativePath(root);
  return filters && filters.length ? pushDirectoryFilter : pushDirectory;
}
var pushFileFilterAndCount = (filename, _paths, counts2, filters) => {
  if (filters.every((filter) => filter(filename, false))) counts2.files++;
};
var pushFileFilter = (filename, paths, _counts, filters) => {
  if (filters.every((filter) => filter(filename, false))) paths.push(filename);
};
var pushFileCount = (_filename, _paths, counts2, _filters) => {
  counts2.files++;
};
var pushFile = (filename, paths) => {
  paths.push(filename);
};
var empty$1 = () => {
};
function build$5(options) {
  const { excludeFiles, filters, onlyCounts } = options;
  if (excludeFiles) return empty$1;
  if (filters && filters.length) return onlyCounts ? pushFileFilterAndCount : pushFileFilter;
  else if (onlyCounts) return pushFileCount;
  else return pushFile;
}
var getArray = (paths) => {
  return paths;
};
var getArrayGroup = () => {
  return [""].slice(0, 0);
};
function build$4(options) {
  return options.group ? getArrayGroup : getArray;
}
var groupFiles = (groups, directory, files) => {
  groups.push({
    directory,
    files,
    dir: directory
  });
};
var empty = () => {
};
function build$3(options) {
  return options.group ? groupFiles : empty;
}
var resolveSymlinksAsync = function(path, state, callback$1) {
  const { queue, fs, options: { suppressErrors } } = state;
  queue.enqueue();
  fs.realpath(path, (error, resolvedPath) => {
    if (error) return queue.dequeue(suppressErrors ? null : error, state);
    fs.stat(resolvedPath, (error$1, stat3) => {
      if (error$1) return queue.dequeue(suppressErrors ? null : error$1, state);
      if (stat3.isDirectory() && isRecursive(path, resolvedPath, state)) return queue.dequeue(null, state);
      callback$1(stat3, resolvedPath);
      queue.dequeue(null, state);
    });
  });
};
var resolveSymlinks = function(path, state, callback$1) {
  const { queue, fs, options: { suppressErrors } } = state;
  queue.enqueue();
  try {
    const resolvedPath = fs.realpathSync(path);
    const stat3 = fs.statSync(resolvedPath);
    if (stat3.isDirectory() && isRecursive(path, resolvedPath, state)) return;
    callback$1(stat3, resolvedPath);
  } catch (e) {
    if (!suppressErrors) throw e;
  }
};
function build$2(options, isSynchronous) {
  if (!options.resolveSymlinks || options.excludeSymlinks) return null;
  return isSynchronous ? resolveSymlinks : resolveSymlinksAsync;
}
function isRecursive(path, resolved, state) {
  if (state.options.useRealPaths) return isRecursiveUsingRealPaths(resolved, state);
  let parent = dirname(path);
  let depth = 1;
  while (parent !== state.root && depth < 2) {
    const resolvedPath = state.symlinks.get(parent);
    const isSameRoot = !!resolvedPath && (resolvedPath === resolved || resolvedPath.startsWith(resolved) || resolved.startsWith(resolvedPath));
    if (isSameRoot) depth++;
    else parent = dirname(parent);
  }
  state.symlinks.set(path, resolved);
  return depth > 1;
}
function isRecursiveUsingRealPaths(resolved, state) {
  return state.visited.includes(resolved + state.options.pathSeparator);
}
var onlyCountsSync = (state) => {
  return state.counts;
};
var groupsSync = (state) => {
  return state.groups;
};
var defaultSync = (state) => {
  return state.paths;
};
var limitFilesSync = (state) => {
  return state.paths.slice(0, state.options.maxFiles);
};
var onlyCountsAsync = (state, error, callback$1) => {
  report(error, callback$1, state.counts, state.options.suppressErrors);
  return null;
};
var defaultAsync = (state, error, callback$1) => {
  report(error, callback$1, state.paths, state.options.suppressErrors);
  return null;
};
var limitFilesAsync = (state, error, callback$1) => {
  report(error, callback$1, state.paths.slice(0, state.options.maxFiles), state.options.suppressErrors);
  return null;
};
var groupsAsync = (state, error, callback$1) => {
  report(error, callback$1, state.groups, state.options.suppressErrors);
  return null;
};
function report(error, callback$1, output, suppressErrors) {
  if (error && !suppressErrors) callback$1(error, output);
  else callback$1(null, output);
}
function build$1(options, isSynchronous) {
  const { onlyCounts, group: group2, maxFiles } = options;
  if (onlyCounts) return isSynchronous ? onlyCountsSync : onlyCountsAsync;
  else if (group2) return isSynchronous ? groupsSync : groupsAsync;
  else if (maxFiles) return isSynchronous ? limitFilesSync : limitFilesAsync;
  else return isSynchronous ? defaultSync : defaultAsync;
}
var readdirOpts = { withFileTypes: true };
var walkAsync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
  state.queue.enqueue();
  if (currentDepth < 0) return state.queue.dequeue(null, state);
  const { fs } = state;
  state.visited.push(crawlPath);
  state.counts.directories++;
  fs.readdir(crawlPath || ".", readdirOpts, (error, entries = []) => {
    callback$1(entries, directoryPath, currentDepth);
    state.queue.dequeue(state.options.suppressErrors ? null : error, state);
  });
};
var walkSync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
  const { fs } = state;
  if (currentDepth < 0) return;
  state.visited.push(crawlPath);
  state.counts.directories++;
  let entries = [];
  try {
    entries = fs.readdirSync(crawlPath || ".", readdirOpts);
  } catch (e) {
    if (!state.options.suppressErrors) throw e;
  }
  callback$1(entries, directoryPath, currentDepth);
};
function build(isSynchronous) {
  return isSynchronous ? walkSync : walkAsync;
}
var Queue = class {
  count = 0;
  constructor(onQueueEmpty) {
    this.onQueueEmpty = onQueueEmpty;
  }
  enqueue() {
    this.count++;
    return this.count;
  }
  dequeue(error, output) {
    if (this.onQueueEmpty && (--this.count <= 0 || error)) {
      this.onQueueEmpty(error, output);
      if (error) {
        output.controller.abort();
        this.onQueueEmpty = void 0;
      }
    }
  }
};
var Counter = class {
  _files = 0;
  _directories = 0;
  set files(num) {
    this._files = num;
  }
  get files() {
    return this._files;
  }
  set directories(num) {
    this._directories = num;
  }
  get directories() {
    return this._directories;
  }
  /**
  * @deprecated use `directories` instead
  */
  /* c8 ignore next 3 */
  get dirs() {
    return this._directories;
  }
};
var Aborter = class {
  aborted = false;
  abort() {
    this.aborted = true;
  }
};
var Walker = class {
  root;
  isSynchronous;
  state;
  joinPath;
  pushDirectory;
  pushFile;
  getArray;
  groupFiles;
  resolveSymlink;
  walkDirectory;
  callbackInvoker;
  constructor(root, options, callback$1) {
    this.isSynchronous = !callback$1;
    this.callbackInvoker = build$1(options, this.isSynchronous);
    this.root = normalizePath(root, options);
    this.state = {
      root: isRootDirectory(this.root) ? this.root : this.root.slice(0, -1),
      paths: [""].slice(0, 0),
      groups: [],
      counts: new Counter(),
      options,
      queue: new Queue((error, state) => this.callbackInvoker(state, error, callback$1)),
      symlinks: /* @__PURE__ */ new Map(),
      visited: [""].slice(0, 0),
      controller: new Aborter(),
      fs: options.fs || nativeFs
    };
    this.joinPath = build$7(this.root, options);
    this.pushDirectory = build$6(this.root, options);
    this.pushFile = build$5(options);
    this.getArray = build$4(options);
    this.groupFiles = build$3(options);
    this.resolveSymlink = build$2(options, this.isSynchronous);
    this.walkDirectory = build(this.isSynchronous);
  }
  start() {
    this.pushDirectory(this.root, this.state.paths, this.state.options.filters);
    this.walkDirectory(this.state, this.root, this.root, this.state.options.maxDepth, this.walk);
    return this.isSynchronous ? this.callbackInvoker(this.state, null) : null;
  }
  walk = (entries, directoryPath, depth) => {
    const { paths, options: { filters, resolveSymlinks: resolveSymlinks$1, excludeSymlinks, exclude, maxFiles, signal, useRealPaths, pathSeparator }, controller } = this.state;
    if (controller.aborted || signal && signal.aborted || maxFiles && paths.length > maxFiles) return;
    const files = this.getArray(this.state.paths);
    for (let i = 0; i < entries.length; ++i) {
      const entry = entries[i];
      if (entry.isFile() || entry.isSymbolicLink() && !resolveSymlinks$1 && !excludeSymlinks) {
        const filename = this.joinPath(entry.name, directoryPath);
        this.pushFile(filename, files, this.state.counts, filters);
      } else if (entry.isDirectory()) {
        let path = joinDirectoryPath(entry.name, directoryPath, this.state.options.pathSeparator);
        if (exclude && exclude(entry.name, path)) continue;
        this.pushDirectory(path, paths, filters);
        this.walkDirectory(this.state, path, path, depth - 1, this.walk);
      } else if (this.resolveSymlink && entry.isSymbolicLink()) {
        let path = joinPathWithBasePath(entry.name, directoryPath);
        this.resolveSymlink(path, this.state, (stat3, resolvedPath) => {
          if (stat3.isDirectory()) {
            resolvedPath = normalizePath(resolvedPath, this.state.options);
            if (exclude && exclude(entry.name, useRealPaths ? resolvedPath : path + pathSeparator)) return;
            this.walkDirectory(this.state, resolvedPath, useRealPaths ? resolvedPath : path + pathSeparator, depth - 1, this.walk);
          } else {
            resolvedPath = useRealPaths ? resolvedPath : path;
            const filename = basename(resolvedPath);
            const directoryPath$1 = normalizePath(dirname(resolvedPath), this.state.options);
            resolvedPath = this.joinPath(filename, directoryPath$1);
            this.pushFile(resolvedPath, files, this.state.counts, filters);
          }
        });
      }
    }
    this.groupFiles(this.state.groups, directoryPath, files);
  };
};
function promise(root, options) {
  return new Promise((resolve$1, reject) => {
    callback(root, options, (err, output) => {
      if (err) return reject(err);
      resolve$1(output);
    });
  });
}
function callback(root, options, callback$1) {
  let walker = new Walker(root, options, callback$1);
  walker.start();
}
function sync(root, options) {
  const walker = new Walker(root, options);
  return walker.start();
}
var APIBuilder = class {
  constructor(root, options) {
    this.root = root;
    this.options = options;
  }
  withPromise() {
    return promise(this.root, this.options);
  }
  withCallback(cb) {
    callback(this.root, this.options, cb);
  }
  sync() {
    return sync(this.root, this.options);
  }
};
var pm = null;
try {
  __require.resolve("picomatch");
  pm = __require("picomatch");
} catch {
}
var Builder = class {
  globCache = {};
  options = {
    maxDepth: Infinity,
    suppressErrors: true,
    pathSeparator: sep,
    filters: []
  };
  globFunction;
  constructor(options) {
    this.options = {
      ...this.options,
      ...options
    };
    this.globFunction = this.options.globFunction;
  }
  group() {
    this.options.group = true;
    return this;
  }
  withPathSeparator(separator) {
    this.options.pathSeparator = separator;
    return this;
  }
  withBasePath() {
    this.options.includeBasePath = true;
    return this;
  }
  withRelativePaths() {
    this.options.relativePaths = true;
    return this;
  }
  withDirs() {
    this.options.includeDirs = true;
    return this;
  }
  withMaxDepth(depth) {
    this.options.maxDepth = depth;
    return this;
  }
  withMaxFiles(limit) {
    this.options.maxFiles = limit;
    return this;
  }
  withFullPaths() {
    this.options.resolvePaths = true;
    this.options.includeBasePath = true;
    return this;
  }
  withErrors() {
    this.options.suppressErrors = false;
    return this;
  }
  withSymlinks({ resolvePaths = true } = {}) {
    this.options.resolveSymlinks = true;
    this.options.useRealPaths = resolvePaths;
    return this.withFullPaths();
  }
  withAbortSignal(signal) {
    this.options.signal = signal;
    return this;
  }
  normalize() {
    this.options.normalizePath = true;
    return this;
  }
  filter(predicate) {
    this.options.filters.push(predicate);
    return this;
  }
  onlyDirs() {
    this.options.excludeFiles = true;
    this.options.includeDirs = true;
    return this;
  }
  exclude(predicate) {
    this.options.exclude = predicate;
    return this;
  }
  onlyCounts() {
    this.options.onlyCounts = true;
    return this;
  }
  crawl(root) {
    return new APIBuilder(root || ".", this.options);
  }
  withGlobFunction(fn) {
    this.globFunction = fn;
    return this;
  }
  /**
  * @deprecated Pass options using the constructor instead:
  * ```ts
  * new fdir(options).crawl("/path/to/root");
  * ```
  * This method will be removed in v7.0
  */
  /* c8 ignore next 4 */
  crawlWithOptions(root, options) {
    this.options = {
      ...this.options,
      ...options
    };
    return new APIBuilder(root || ".", this.options);
  }
  glob(...patterns) {
    if (this.globFunction) return this.globWithOptions(patterns);
    return this.globWithOptions(patterns, ...[{ dot: true }]);
  }
  globWithOptions(patterns, ...options) {
    const globFn = this.globFunction || pm;
    if (!globFn) throw new Error("Please specify a glob function to use glob matching.");
    var isMatch = this.globCache[patterns.join("\0")];
    if (!isMatch) {
      isMatch = globFn(patterns, ...options);
      this.globCache[patterns.join("\0")] = isMatch;
    }
    this.options.filters.push((path) => isMatch(path));
    return this;
  }
};

// node_modules/tinyglobby/dist/index.mjs
var import_picomatch = __toESM(require_picomatch2(), 1);
var isReadonlyArray = Array.isArray;
var BACKSLASHES = /\\/g;
var DRIVE_RELATIVE_PATH = /^[A-Za-z]:$/;
var isWin = process.platform === "win32";
var ONLY_PARENT_DIRECTORIES = /^(\/?\.\.)+$/;
function getPartialMatcher(patterns, options = {}) {
  const patternsCount = patterns.length;
  const patternsParts = Array(patternsCount);
  const matchers = Array(patternsCount);
  let i, j;
  for (i = 0; i < patternsCount; i++) {
    const parts = splitPattern(patterns[i]);
    patternsParts[i] = parts;
    const partsCount = parts.length;
    const partMatchers = Array(partsCount);
    for (j = 0; j < partsCount; j++) partMatchers[j] = (0, import_picomatch.default)(parts[j], options);
    matchers[i] = partMatchers;
  }
  return (input) => {
    const inputParts = input.split("/");
    if (inputParts[0] === ".." && ONLY_PARENT_DIRECTORIES.test(input)) return true;
    for (i = 0; i < patternsCount; i++) {
      const patternParts = patternsParts[i];
      const matcher = matchers[i];
      const inputPatternCount = inputParts.length;
      const minParts = Math.min(inputPatternCount, patternParts.length);
      j = 0;
      while (j < minParts) {
        const part = patternParts[j];
        if (part.includes("/")) return true;
        if (!matcher[j](inputParts[j])) break;
        if (!options.noglobstar && part === "**") return true;
        j++;
      }
      if (j === inputPatternCount) return true;
    }
    return false;
  };
}
var WIN32_ROOT_DIR = /^[A-Z]:\/$/i;
var isRoot = isWin ? (p) => WIN32_ROOT_DIR.test(p) : (p) => p === "/";
function buildFormat(cwd, root, absolute) {
  if (cwd === root || root.startsWith(`${cwd}/`)) {
    if (absolute) {
      const start = cwd.length + +!isRoot(cwd);
      return (p, isDir) => p.slice(start, isDir ? -1 : void 0) || ".";
    }
    const prefix = root.slice(cwd.length + 1);
    if (prefix) return (p, isDir) => {
      if (p === ".") return prefix;
      const result = `${prefix}/${p}`;
      return isDir ? result.slice(0, -1) : result;
    };
    return (p, isDir) => isDir && p !== "." ? p.slice(0, -1) : p;
  }
  if (absolute) return (p) => posix.relative(cwd, p) || ".";
  return (p) => posix.relative(cwd, `${root}/${p}`) || ".";
}
function buildRelative(cwd, root) {
  if (root.startsWith(`${cwd}/`)) {
    const prefix = root.slice(cwd.length + 1);
    return (p) => `${prefix}/${p}`;
  }
  return (p) => {
    const result = posix.relative(cwd, `${root}/${p}`);
    return p[p.length - 1] === "/" && result !== "" ? `${result}/` : result || ".";
  };
}
function ensureNonDriveRelativePath(path) {
  return path.replace(DRIVE_RELATIVE_PATH, (match) => `${match}/`);
}
var splitPatternOptions = { parts: true };
function splitPattern(path) {
  var _result$parts;
  const result = import_picomatch.default.scan(path, splitPatternOptions);
  return ((_result$parts = result.parts) === null || _result$parts === void 0 ? void 0 : _result$parts.length) ? result.parts : [path];
}
var POSIX_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}*?|]|^!|[!+@](?=\()|\\(?![()[\]{}!*+?@|]))/g;
var WIN32_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}]|^!|[!+@](?=\())/g;
var escapePosixPath = (path) => path.replace(POSIX_UNESCAPED_GLOB_SYMBOLS, "\\$&");
var escapeWin32Path = (path) => path.replace(WIN32_UNESCAPED_GLOB_SYMBOLS, "\\$&");
var escapePath = isWin ? escapeWin32Path : escapePosixPath;
function isDynamicPattern(pattern, options) {
  if ((options === null || options === void 0 ? void 0 : options.caseSensitiveMatch) === false) return true;
  const scan = import_picomatch.default.scan(pattern);
  return scan.isGlob || scan.negated;
}
function log(...tasks) {
  console.log(`[tinyglobby ${(/* @__PURE__ */ new Date()).toLocaleTimeString("es")}]`, ...tasks);
}
function ensureStringArray(value) {
  return typeof value === "string" ? [value] : value !== null && value !== void 0 ? value : [];
}
var PARENT_DIRECTORY = /^(\/?\.\.)+/;
var ESCAPING_BACKSLASHES = /\\(?=[()[\]{}!*+?@|])/g;
function normalizePattern(pattern, opts, props, isIgnore) {
  var _PARENT_DIRECTORY$exe;
  const cwd = opts.cwd;
  let result = pattern;
  if (pattern[pattern.length - 1] === "/") result = pattern.slice(0, -1);
  if (result[result.length - 1] !== "*" && opts.expandDirectories) result += "/**";
  const escapedCwd = escapePath(cwd);
  result = isAbsolute(result.replace(ESCAPING_BACKSLASHES, "")) ? posix.relative(escapedCwd, result) : posix.normalize(result);
  const parentDir = (_PARENT_DIRECTORY$exe = PARENT_DIRECTORY.exec(result)) === null || _PARENT_DIRECTORY$exe === void 0 ? void 0 : _PARENT_DIRECTORY$exe[0];
  const parts = splitPattern(result);
  if (parentDir) {
    const n = (parentDir.length + 1) / 3;
    let i = 0;
    const cwdParts = escapedCwd.split("/");
    while (i < n && parts[i + n] === cwdParts[cwdParts.length + i - n]) {
      result = result.slice(0, (n - i - 1) * 3) + result.slice((n - i) * 3 + parts[i + n].length + 1) || ".";
      i++;
    }
    const potentialRoot = posix.join(cwd, parentDir.slice(i * 3));
    if (potentialRoot[0] !== "." && props.root.length > potentialRoot.length) {
      props.root = ensureNonDriveRelativePath(potentialRoot);
      props.depthOffset = -n + i;
    }
  }
  if (!isIgnore && props.depthOffset >= 0) {
    var _props$commonPath;
    (_props$commonPath = props.commonPath) !== null && _props$commonPath !== void 0 || (props.commonPath = parts);
    const newCommonPath = [];
    const length = Math.min(props.commonPath.length, parts.length);
    for (let i = 0; i < length; i++) {
      const part = parts[i];
      if (part === "**" && !parts[i + 1]) {
        newCommonPath.pop();
        break;
      }
      if (i === parts.length - 1 || part !== props.commonPath[i] || isDynamicPattern(part)) break;
      newCommonPath.push(part);
    }
    props.depthOffset = newCommonPath.length;
    props.commonPath = newCommonPath;
    props.root = ensureNonDriveRelativePath(newCommonPath.length > 0 ? posix.join(cwd, ...newCommonPath) : cwd);
  }
  return result;
}
function processPatterns(options, patterns, props) {
  const matchPatterns = [];
  const ignorePatterns = [];
  for (const pattern of options.ignore) {
    if (!pattern) continue;
    if (pattern[0] !== "!" || pattern[1] === "(") ignorePatterns.push(normalizePattern(pattern, options, props, true));
  }
  for (const pattern of patterns) {
    if (!pattern) continue;
    if (pattern[0] !== "!" || pattern[1] === "(") matchPatterns.push(normalizePattern(pattern, options, props, false));
    else if (pattern[1] !== "!" || pattern[2] === "(") ignorePatterns.push(normalizePattern(pattern.slice(1), options, props, true));
  }
  return {
    match: matchPatterns,
    ignore: ignorePatterns
  };
}
function buildCrawler(options, patterns) {
  const cwd = options.cwd;
  const props = {
    root: cwd,
    depthOffset: 0
  };
  const processed = processPatterns(options, patterns, props);
  if (options.debug) log("internal processing patterns:", processed);
  const { absolute, caseSensitiveMatch, debug: debug2, dot, followSymbolicLinks, onlyDirectories } = options;
  const root = props.root.replace(BACKSLASHES, "");
  const matchOptions = {
    dot,
    nobrace: options.braceExpansion === false,
    nocase: !caseSensitiveMatch,
    noextglob: options.extglob === false,
    noglobstar: options.globstar === false,
    posix: true
  };
  const matcher = (0, import_picomatch.default)(processed.match, matchOptions);
  const ignore = (0, import_picomatch.default)(processed.ignore, matchOptions);
  const partialMatcher = getPartialMatcher(processed.match, matchOptions);
  const format = buildFormat(cwd, root, absolute);
  const excludeFormatter = absolute ? format : buildFormat(cwd, root, true);
  const excludePredicate = (_, p) => {
    const relativePath = excludeFormatter(p, true);
    return relativePath !== "." && !partialMatcher(relativePath) || ignore(relativePath);
  };
  let maxDepth;
  if (options.deep !== void 0) maxDepth = Math.round(options.deep - props.depthOffset);
  const crawler = new Builder({
    filters: [debug2 ? (p, isDirectory) => {
      const path = format(p, isDirectory);
      const matches = matcher(path) && !ignore(path);
      if (matches) log(`matched ${path}`);
      return matches;
    } : (p, isDirectory) => {
      const path = format(p, isDirectory);
      return matcher(path) && !ignore(path);
    }],
    exclude: debug2 ? (_, p) => {
      const skipped = excludePredicate(_, p);
      log(`${skipped ? "skipped" : "crawling"} ${p}`);
      return skipped;
    } : excludePredicate,
    fs: options.fs,
    pathSeparator: "/",
    relativePaths: !absolute,
    resolvePaths: absolute,
    includeBasePath: absolute,
    resolveSymlinks: followSymbolicLinks,
    excludeSymlinks: !followSymbolicLinks,
    excludeFiles: onlyDirectories,
    includeDirs: onlyDirectories || !options.onlyFiles,
    maxDepth,
    signal: options.signal
  }).crawl(root);
  if (options.debug) log("internal properties:", {
    ...props,
    root
  });
  return [crawler, cwd !== root && !absolute && buildRelative(cwd, root)];
}
function formatPaths(paths, mapper) {
  if (mapper) for (let i = paths.length - 1; i >= 0; i--) paths[i] = mapper(paths[i]);
  return paths;
}
var defaultOptions = {
  caseSensitiveMatch: true,
  debug: !!process.env.TINYGLOBBY_DEBUG,
  expandDirectories: true,
  followSymbolicLinks: true,
  onlyFiles: true
};
function getOptions(options) {
  const opts = Object.assign({}, options);
  for (const key in defaultOptions) if (opts[key] === void 0) Object.assign(opts, { [key]: defaultOptions[key] });
  opts.cwd = (opts.cwd instanceof URL ? fileURLToPath(opts.cwd) : resolve2(opts.cwd || process.cwd())).replace(BACKSLASHES, "/");
  opts.ignore = ensureStringArray(opts.ignore);
  opts.fs && (opts.fs = {
    readdir: opts.fs.readdir || readdir,
    readdirSync: opts.fs.readdirSync || readdirSync,
    realpath: opts.fs.realpath || realpath,
    realpathSync: opts.fs.realpathSync || realpathSync,
    stat: opts.fs.stat || stat,
    statSync: opts.fs.statSync || statSync
  });
  if (opts.debug) log("globbing with options:", opts);
  return opts;
}
function getCrawler(globInput, inputOptions = {}) {
  var _ref;
  if (globInput && (inputOptions === null || inputOptions === void 0 ? void 0 : inputOptions.patterns)) throw new Error("Cannot pass patterns as both an argument and an option");
  const isModern = isReadonlyArray(globInput) || typeof globInput === "string";
  const patterns = ensureStringArray((_ref = isModern ? globInput : globInput.patterns) !== null && _ref !== void 0 ? _ref : "**/*");
  const options = getOptions(isModern ? inputOptions : globInput);
  return patterns.length > 0 ? buildCrawler(options, patterns) : [];
}
async function glob(globInput, options) {
  const [crawler, relative3] = getCrawler(globInput, options);
  return crawler ? formatPaths(await crawler.withPromise(), relative3) : [];
}

// src/publish/sources.ts
var ChartSourceError = class extends Error {
  name = "ChartSourceError";
};
async function resolveChartSources(patterns, cwd) {
  const excludes = patterns.filter((p) => p.startsWith("!")).map((p) => p.slice(1));
  const found = /* @__PURE__ */ new Map();
  for (const pattern of patterns.filter((p) => !p.startsWith("!"))) {
    const matches = (isDynamicPattern(pattern) ? await expand(pattern, excludes, cwd) : [literal(pattern, cwd)]).map((s) => labelled(s, cwd));
    if (matches.length === 0) {
      throw new ChartSourceError(`chart pattern "${pattern}" matched no chart directory (with a Chart.yaml) and no .tgz file under ${cwd}`);
    }
    for (const source of matches) found.set(source.path, source);
  }
  return [...found.values()];
}
function labelled(source, cwd) {
  const rel = relative2(cwd, source.path);
  const label = rel === "" ? "." : rel.startsWith(`..${sep2}`) || rel === ".." ? source.path : rel.split(sep2).join("/");
  return { ...source, label };
}
function literal(pattern, cwd) {
  const path = resolve3(cwd, pattern);
  if (!existsSync(path)) {
    throw new ChartSourceError(`chart "${pattern}" does not exist (looked at ${path}): set "chart" to a chart directory or a packaged .tgz, relative to the workspace`);
  }
  const source = classify(path);
  if (!source) {
    throw new ChartSourceError(`chart "${pattern}" is neither a chart directory (no Chart.yaml in ${path}) nor a packaged .tgz`);
  }
  return source;
}
async function expand(pattern, excludes, cwd) {
  const paths = await glob(pattern, { cwd, ignore: excludes, onlyFiles: false, absolute: true, dot: false, expandDirectories: false });
  return paths.map((p) => classify(p.replace(/[\\/]$/, ""))).filter((s) => s !== void 0).sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
function classify(path) {
  const stat3 = statSync2(path);
  if (stat3.isDirectory()) return existsSync(join(path, "Chart.yaml")) ? { kind: "directory", path } : void 0;
  if (stat3.isFile() && path.endsWith(".tgz")) return { kind: "archive", path };
  return void 0;
}

// src/sources/spec.ts
var SCHEME_RE = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//;
var SHA256_RE = /^sha256:[a-f0-9]{64}$/;
var NEITHER = "a chart source is either a classic chart repository (https://host/path/ holding index.yaml, or the index.yaml URL) or an OCI reference (oci://host/namespace/name, with :tag or @sha256:\u2026 for one version); local charts are paths without a scheme";
function parseSourceLine(line) {
  const text = line.trim();
  const scheme = SCHEME_RE.exec(text)?.[1]?.toLowerCase();
  if (scheme === void 0) return void 0;
  if (scheme === "oci") return parseOciSource(text);
  if (scheme === "https" || scheme === "http") return parseClassicSource(text);
  throw new ChartSourceError(`chart "${redactUserInfo(text)}" starts with ${scheme}://, which this action cannot read: ${NEITHER}`);
}
function parseClassicSource(line) {
  const shown = redactUserInfo(line);
  let url;
  try {
    url = new URL(line);
  } catch {
    throw new ChartSourceError(`chart "${shown}" is not a valid URL: ${NEITHER}`);
  }
  if (url.username || url.password) {
    throw new ChartSourceError(`chart "${shown}" has credentials in the URL: remove them and use the source-username and source-password inputs`);
  }
  if (url.search || url.hash) {
    throw new ChartSourceError(`chart "${shown}" has a query or fragment: give the repository's plain URL (credentials go in source-username and source-password)`);
  }
  const path = url.pathname;
  if (/\.(tgz|tar\.gz)$/i.test(path)) {
    throw new ChartSourceError(`chart "${shown}" is a single chart archive: give the chart repository's URL (the folder that holds index.yaml) and pick charts with source-charts and source-versions`);
  }
  if (!/\.ya?ml$/i.test(path)) url.pathname = `${path.replace(/\/+$/, "")}/index.yaml`;
  return { kind: "classic-repo", line, indexUrl: url };
}
function parseOciSource(line) {
  const shown = redactUserInfo(line);
  const rest = line.slice("oci://".length);
  if (/[\s?#]/.test(rest)) throw new ChartSourceError(`chart "${shown}" has spaces, a query or a fragment: expected oci://host/namespace/name[:tag|@sha256:\u2026]`);
  let name = rest;
  let tag;
  let digest;
  const at = rest.lastIndexOf("@");
  if (at !== -1 && !rest.slice(at + 1).includes("/")) {
    name = rest.slice(0, at);
    digest = rest.slice(at + 1);
    if (!SHA256_RE.test(digest)) {
      throw new ChartSourceError(`chart "${shown}" has the digest "${digest}": expected sha256: and 64 lower-case hex digits, as the digest output gives it`);
    }
  } else {
    const lastSlash = rest.lastIndexOf("/");
    const colon = rest.indexOf(":", lastSlash + 1);
    if (lastSlash !== -1 && colon !== -1) {
      name = rest.slice(0, colon);
      tag = rest.slice(colon + 1);
      if (!isTag(tag)) {
        throw new ChartSourceError(`chart "${shown}" has the tag "${tag}", which is not a valid OCI tag (letters, digits, "_", "." and "-", up to 128): for a version with +build, write the tag with "_" (1.2.3_build.1)`);
      }
    }
  }
  let target;
  try {
    target = parseRegistryUrl(`oci://${name}`);
  } catch (error) {
    if (!(error instanceof OciInputError)) throw error;
    throw new ChartSourceError(`chart "${shown}": ${error.message.replace(/^the registry URL "[^"]*"/, "the OCI reference")}`);
  }
  if (target.namespace === "") {
    throw new ChartSourceError(`chart "${shown}" names a registry but no chart: expected oci://host/namespace/name[:tag|@sha256:\u2026]`);
  }
  return { kind: "oci", line, host: target.host, repository: target.namespace, ...tag ? { tag } : {}, ...digest ? { digest } : {} };
}
function checkSourceInputs(inputs) {
  const { sources } = inputs;
  const warnings = [];
  const classic = sources.filter((s) => s.kind === "classic-repo");
  const oci = sources.filter((s) => s.kind === "oci");
  const first = sources[0];
  if (first && (inputs.version || inputs.appVersion)) {
    const input = inputs.version ? "version" : "app-version";
    throw new ChartSourceError(`input "${input}" cannot apply to chart "${redactUserInfo(first.line)}": charts taken from a chart repository or an OCI registry are published as they are (same bytes, same digest). Drop "${input}", or publish from the chart directory`);
  }
  if (inputs.sign && oci[0]) {
    throw new ChartSourceError(`input "sign" would add a provenance layer and so change the digest of "${redactUserInfo(oci[0].line)}", which is copied as it is: drop "sign" (sign the source before promoting it, or sign the digest with cosign)`);
  }
  const names = inputs.sourceCharts.map((n) => n.trim()).filter((n) => n !== "" && !n.startsWith("#"));
  const badName = names.find((n) => !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(n));
  if (badName !== void 0) throw new ChartSourceError(`input "source-charts" lists "${badName}", which is not a chart name: give exact chart names, one per line`);
  if (names.length > 0 && classic.length === 0) {
    throw new ChartSourceError('input "source-charts" picks charts from a classic chart repository, but no "chart" line is one (https://\u2026/index.yaml): drop "source-charts" or add the repository');
  }
  const range = inputs.sourceVersions.trim();
  let normalized;
  if (range !== "") {
    normalized = import_semver.default.validRange(range) ?? void 0;
    if (normalized === void 0) {
      throw new ChartSourceError(`input "source-versions" is "${range}", which is not a SemVer range: write one like ">=1.0.0 <2", "~1.4" or "1.2.3 || 1.3.x"; leave it empty for every version`);
    }
    if (classic.length === 0 && !oci.some((s) => !s.tag && !s.digest)) {
      throw new ChartSourceError('input "source-versions" picks versions from a classic chart repository or an OCI repository given without tag or digest, but no "chart" line is one: drop "source-versions", or write the OCI reference without :tag');
    }
  }
  const username = inputs.sourceUsername.trim();
  const password = inputs.sourcePassword;
  if (username && !password) throw new ChartSourceError('input "source-username" is set but "source-password" is empty: pass the source password or token, or leave both empty for anonymous access');
  if (password && !username) throw new ChartSourceError('input "source-password" is set but "source-username" is empty: the source needs a user name with the password or token');
  const credentials = username ? { username, password } : void 0;
  for (const source of classic) {
    if (source.indexUrl.protocol !== "http:" || inputs.plainHttp) continue;
    if (credentials) {
      throw new ChartSourceError(`chart "${source.line}" is plain HTTP: source-username and source-password would cross the network unencrypted. Use https://, or set plain-http: true if that is really wanted`);
    }
    throw new ChartSourceError(`chart "${source.line}" is plain HTTP: use https://, or set plain-http: true for a repository without TLS`);
  }
  if (credentials && sources.length === 0) {
    warnings.push('source-username and source-password are not used: no "chart" line is a chart repository or an OCI reference');
  } else if (credentials && classic.length === 0 && oci.every((s) => s.host === inputs.registryHost)) {
    warnings.push(`source-username and source-password are not used: every source is on ${inputs.registryHost}, which gets the username and password inputs`);
  }
  return { ...names.length > 0 ? { charts: new Set(names) } : {}, ...normalized ? { range: normalized } : {}, ...credentials ? { credentials } : {}, warnings };
}
function credentialsForSourceRegistry(sourceHost, registryHost, main, source) {
  return sourceHost === registryHost ? main : source;
}

// src/sources/repo-index.ts
var import_semver2 = __toESM(require_semver(), 1);
var HEX64 = /^[a-f0-9]{64}$/i;
async function parseRepoIndex(text, where) {
  const { loadIndexYaml } = await import("./chunks/index-yaml-ZOPF7UIT.js");
  const doc = loadIndexYaml(text, where);
  if (!isRecord(doc) || typeof doc.apiVersion !== "string" || doc.apiVersion === "") {
    throw new SourceError(`${where} is not a chart repository index (no apiVersion): check the URL points at the folder holding index.yaml`);
  }
  const charts = /* @__PURE__ */ new Map();
  const rejected = [];
  const entries = doc.entries ?? {};
  if (!isRecord(entries)) throw new SourceError(`${where}: "entries" is not a mapping of chart names to versions`);
  for (const [name, list] of Object.entries(entries)) {
    const kept = [];
    for (const raw of Array.isArray(list) ? list : [list]) {
      const entry = readEntry(name, raw);
      if ("reason" in entry) rejected.push(entry);
      else kept.push(entry);
    }
    charts.set(name, kept);
  }
  return { charts, rejected };
}
function readEntry(name, raw) {
  const version = isRecord(raw) && typeof raw.version === "string" ? raw.version : "";
  const reject = (reason) => ({ name, version, reason });
  if (!isRecord(raw)) return reject("its index.yaml entry is not a mapping");
  if (version === "") return reject("its index.yaml entry has no version");
  if (raw.name !== void 0 && raw.name !== name) return reject(`its index.yaml entry is named ${JSON.stringify(raw.name)} under "${name}"`);
  const urls = Array.isArray(raw.urls) ? raw.urls.filter((u) => typeof u === "string" && u.trim() !== "") : [];
  if (urls.length === 0) return reject("its index.yaml entry has no urls to download it from");
  let digest;
  if (raw.digest !== void 0 && raw.digest !== null && raw.digest !== "") {
    const value = typeof raw.digest === "string" ? raw.digest.replace(/^sha256:/, "") : "";
    if (!HEX64.test(value)) return reject(`its index.yaml digest ${JSON.stringify(raw.digest)} is not a sha256 hex digest`);
    digest = `sha256:${value.toLowerCase()}`;
  }
  const created = typeof raw.created === "string" ? new Date(raw.created) : void 0;
  return { name, version, urls, ...digest ? { digest } : {}, ...created && !Number.isNaN(created.getTime()) ? { created } : {} };
}
function selectVersions(index, options = {}) {
  const wanted = (name) => !options.charts || options.charts.has(name);
  const missing = options.charts ? [...options.charts].filter((n) => !index.charts.has(n)) : [];
  const rejected = index.rejected.filter((r) => wanted(r.name) && (!options.range || import_semver2.default.valid(r.version) !== null && import_semver2.default.satisfies(r.version, options.range)));
  const selected = [];
  for (const [name, entries] of index.charts) {
    if (!wanted(name)) continue;
    const seen = /* @__PURE__ */ new Set();
    for (const entry of entries) {
      if (!isStrictSemver(entry.version)) {
        if (!options.range) rejected.push({ name, version: entry.version, reason: "its version is not SemVer 2, which an OCI tag needs (helm push refuses it too)" });
        continue;
      }
      if (options.range && !import_semver2.default.satisfies(entry.version, options.range)) continue;
      if (seen.has(entry.version)) {
        rejected.push({ name, version: entry.version, reason: "index.yaml lists this version twice; the first entry is used" });
        continue;
      }
      seen.add(entry.version);
      selected.push(entry);
    }
  }
  selected.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : import_semver2.default.compare(a.version, b.version) || (a.version < b.version ? -1 : 1));
  return { selected, rejected, missing };
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/sources/classic.ts
import { createReadStream } from "node:fs";
import { mkdtemp, rm, utimes } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/sources/repo-http.ts
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
var REDIRECTS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var MAX_REDIRECTS = 5;
var RepoHttp = class {
  constructor(repositoryUrl, options) {
    this.options = options;
    this.origin = repositoryUrl.origin;
    const creds = options.credentials;
    if (creds) {
      const encoded = Buffer.from(`${creds.username}:${creds.password}`, "utf8").toString("base64");
      options.onSecret?.(creds.password);
      options.onSecret?.(encoded);
      this.authorization = `Basic ${encoded}`;
    }
  }
  options;
  /** Requests sent, retries and redirects included. */
  requests = 0;
  origin;
  authorization;
  /** GETs a small document; undefined on 404/410 when `missingOk`. */
  async fetch(url, operation, maxBytes, missingOk = false) {
    const { response, final } = await this.retrying((attempt) => this.follow(url, operation, { maxBytes }, attempt));
    if (missingOk && (response.status === 404 || response.status === 410)) return void 0;
    if (response.status !== 200) throw this.statusError(operation, final, response.status);
    return response.body;
  }
  /** Streams a file to `path` (at most maxBytes, within the download deadline); its sha256 and size. */
  async download(url, path, operation, maxBytes) {
    let written;
    const { response, final } = await this.retrying(async (attempt) => {
      const result = await this.follow(url, operation, { stream: true, maxBytes }, attempt);
      if (result.response.stream) written = await this.toFile(result.response.stream, path, operation, result.final, maxBytes);
      return result;
    });
    if (response.status !== 200 || !written) throw this.statusError(operation, final, response.status);
    return written;
  }
  async retrying(send) {
    let last;
    await withRetry(
      async (attempt) => {
        last = await send(attempt);
        return last.response;
      },
      {
        policy: this.options.retry ?? DEFAULT_RETRY_POLICY,
        canResend: true,
        sleep: abortableSleep(this.options.signal),
        onRetry: ({ attempt, delayMs, status, error }) => this.options.debug?.(`retry ${attempt} in ${delayMs} ms after ${status ?? describe(error)}`)
      }
    );
    return last;
  }
  // One attempt: the request and the redirects it leads to, credentials only on our origin.
  async follow(start, operation, how, attempt) {
    let url = start;
    for (let hop = 0; ; hop++) {
      this.options.signal?.throwIfAborted();
      if (url.protocol !== "https:" && !(url.protocol === "http:" && this.options.plainHttp)) {
        throw new SourceError(`could not ${operation}: ${displayUrl(url)} is not HTTPS${url.protocol === "http:" ? "; set plain-http: true to allow plain HTTP" : ""}`);
      }
      const headers = { "user-agent": this.options.userAgent ?? "helm-oci-publish" };
      if (this.authorization && url.origin === this.origin) headers.authorization = this.authorization;
      this.requests++;
      const started = Date.now();
      let response;
      try {
        response = await this.options.transport.send({ method: "GET", url, headers, maxResponseBytes: how.maxBytes, stream: how.stream, signal: this.options.signal });
      } catch (error) {
        throw this.networkError(error, operation, url);
      }
      this.options.debug?.(`GET ${displayUrl(url)} \u2192 ${response.status} (${Date.now() - started} ms${attempt > 0 ? `, attempt ${attempt + 1}` : ""})`);
      const location = REDIRECTS.has(response.status) ? headerValue(response.headers, "location") : void 0;
      if (location === void 0) return { response, final: url };
      if (hop >= MAX_REDIRECTS) throw new SourceError(`could not ${operation}: more than ${MAX_REDIRECTS} redirects from ${displayUrl(start)}`);
      url = new URL(location, url);
    }
  }
  async toFile(body, path, operation, url, maxBytes) {
    const hash = createHash("sha256");
    let size = 0;
    const limit = new Transform({
      transform(chunk, _encoding, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new SourceError(`could not ${operation}: ${displayUrl(url)} is larger than ${maxBytes} bytes`));
        hash.update(chunk);
        done(null, chunk);
      }
    });
    const deadline2 = this.options.downloadDeadlineMs ?? 6e5;
    const timer = setTimeout(() => body.destroy(new SourceError(`could not ${operation}: ${displayUrl(url)} took longer than ${Math.round(deadline2 / 1e3)} s`)), deadline2);
    const signal = this.options.signal;
    const stop = () => void body.destroy(signal?.reason instanceof Error ? signal.reason : new SourceError(`could not ${operation}: stopped`));
    signal?.addEventListener("abort", stop, { once: true });
    if (signal?.aborted) stop();
    try {
      await pipeline(body, limit, createWriteStream(path));
    } catch (error) {
      throw error instanceof SourceError || error === signal?.reason ? error : this.networkError(error, operation, url);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", stop);
    }
    return { digest: `sha256:${hash.digest("hex")}`, size };
  }
  statusError(operation, url, status) {
    const where = `could not ${operation}: ${displayUrl(url)} answered HTTP ${status}`;
    if (status === 401 || status === 403) {
      if (url.origin !== this.origin) return new SourceError(`${where} (credentials are sent to ${this.origin} only)`);
      return new SourceError(`${where}: ${this.authorization ? "check source-username and source-password" : "the repository needs credentials; set source-username and source-password"}`);
    }
    if (status === 404) return new SourceError(`${where} (not found)`);
    return new SourceError(where);
  }
  // Keeps the code, so withRetry still recognises a dropped connection as worth another attempt.
  networkError(error, operation, url) {
    const code = errorCode(error);
    const hint = code === "ENOTFOUND" || code === "ECONNREFUSED" ? ": check the URL" : /CERT|SSL|TLS|UNABLE_TO_VERIFY|SELF_SIGNED/.test(code ?? "") ? ": check ca-file (or insecure-skip-tls-verify for testing)" : "";
    return Object.assign(new SourceError(`could not ${operation}: ${displayUrl(url)}: ${describe(error)}${hint}`, { cause: error }), { code });
  }
};
function describe(error) {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

// src/sources/classic.ts
var DEFAULT_MAX_INDEX_BYTES = 64 * 1024 * 1024;
var MAX_ARCHIVE_BYTES = 100 * 1024 * 1024;
var MAX_PROV_BYTES = 1024 * 1024;
async function openClassicRepository(source, options) {
  const http = new RepoHttp(source.indexUrl, options);
  const where = displayUrl(source.indexUrl);
  let body;
  try {
    body = await http.fetch(source.indexUrl, "read the chart repository index", options.maxIndexBytes ?? DEFAULT_MAX_INDEX_BYTES);
  } catch (error) {
    if (!(error instanceof SourceError) || !/ 404 /.test(error.message)) throw error;
    throw new SourceError(`${error.message}: give the URL of the folder that holds index.yaml (as in helm repo add), or of the index.yaml itself`, { cause: error });
  }
  const index = await parseRepoIndex(body.toString("utf8"), where);
  return { source, index, http, select: (selectOptions) => selectVersions(index, selectOptions) };
}
async function downloadChartVersion(repository, entry, tempDir) {
  const what = `${entry.name} ${entry.version}`;
  let url;
  try {
    url = new URL(entry.urls[0], repository.source.indexUrl);
  } catch {
    throw new SourceError(`${what}: index.yaml gives "${entry.urls[0]}" as its URL, which is not a valid URL`);
  }
  const dir = await mkdtemp(join2(tempDir, "chart-"));
  try {
    const path = join2(dir, `${entry.name}-${entry.version}.tgz`.replace(/[^\w.+-]/g, "_"));
    const got = await repository.http.download(url, path, `download ${what}`, MAX_ARCHIVE_BYTES);
    if (entry.digest && got.digest !== entry.digest) {
      throw new SourceError(`${what}: the archive downloaded from ${displayUrl(url)} has digest ${got.digest}, but index.yaml gives ${entry.digest}; it is not migrated`);
    }
    const prov = await fetchProvenance(repository, url, what, got.digest);
    if (entry.created) await utimes(path, entry.created, entry.created);
    const archive = await readChartArchive(path);
    const { name, version } = archive.metadata;
    if (name !== entry.name || version !== entry.version) {
      throw new SourceError(`${what}: the archive at ${displayUrl(url)} holds ${name} ${version}, not what index.yaml says; it is not migrated`);
    }
    const warning2 = entry.digest ? void 0 : `${what}: index.yaml gives no digest, so the download could not be checked against it`;
    return { entry, url, archive, ...prov ? { prov } : {}, ...warning2 ? { warning: warning2 } : {} };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
async function fetchProvenance(repository, chartUrl, what, digest) {
  const url = new URL(chartUrl);
  url.pathname += ".prov";
  const prov = await repository.http.fetch(url, `download the provenance of ${what}`, MAX_PROV_BYTES, true);
  if (prov && !prov.toString("utf8").includes(digest)) {
    throw new SourceError(`${what}: ${displayUrl(url)} does not sign the archive beside it (no ${digest} in it); it is not migrated`);
  }
  return prov;
}
function classicArtifact(download, repository, tag) {
  const { archive } = download;
  return helmArtifact({
    repository,
    tag,
    config: configJson(archive.metadata),
    chart: { digest: archive.digest, size: archive.size, open: () => createReadStream(archive.path) },
    prov: download.prov,
    meta: archive.metadata,
    created: archive.mtime
  });
}

// src/sources/oci-source.ts
var import_semver3 = __toESM(require_semver(), 1);
async function ociSourceReferences(client, source, range) {
  if (source.digest) return [source.digest];
  if (source.tag) return [source.tag];
  const versions = (await client.listTags(source.repository)).map((tag) => ({ tag, version: tag.replaceAll("_", "+") })).filter(({ version }) => isStrictSemver(version) && (!range || import_semver3.default.satisfies(version, range)));
  return versions.sort((a, b) => import_semver3.default.compare(a.version, b.version) || (a.version < b.version ? -1 : 1)).map((v) => v.tag);
}
var MAX_CONFIG_BYTES = 1024 * 1024;
async function readOciChart(client, repository, reference) {
  const where = `${client.host}/${repository}${reference.startsWith("sha256:") ? "@" : ":"}${reference}`;
  const manifest = await client.getManifest(repository, reference);
  if (!manifest) throw new SourceError(`${where} does not exist`);
  let parsed;
  try {
    parsed = JSON.parse(manifest.body.toString("utf8"));
  } catch {
    throw new SourceError(`${where} is not a JSON manifest`);
  }
  const config = parsed.config;
  if (config?.mediaType !== HELM_CONFIG_MEDIA_TYPE || typeof config.digest !== "string") {
    throw new SourceError(`${where} is not a Helm chart (its config is ${config?.mediaType ?? "missing"}, not ${HELM_CONFIG_MEDIA_TYPE})`);
  }
  if (typeof config.size !== "number" || config.size > MAX_CONFIG_BYTES) throw new SourceError(`${where} has a chart config of ${String(config.size)} bytes; it is not read`);
  let meta;
  try {
    meta = JSON.parse((await client.getBlob(repository, config.digest, config.size)).toString("utf8"));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new SourceError(`${where} has a chart config that is not JSON`);
  }
  const { name, version } = meta;
  if (typeof name !== "string" || name === "" || typeof version !== "string" || !isStrictSemver(version)) {
    throw new SourceError(`${where} has no chart name and SemVer version in its config`);
  }
  const signed = (parsed.layers ?? []).some((l) => l?.mediaType === HELM_PROV_LAYER_MEDIA_TYPE);
  return { manifest, name, version, signed };
}

// src/inputs.ts
var SECRET_INPUTS = ["password", "source-password", "signing-key", "signing-passphrase", "github-token"];
var InputError = class extends Error {
  name = "InputError";
};
function parseInputs(get) {
  const chartLines = lines(get("chart"));
  if (chartLines.length === 0) chartLines.push(".");
  const remoteSources = [];
  const chartPatterns = [];
  for (const line of chartLines) {
    const remote = parseSourceLine(line);
    if (remote) remoteSources.push(remote);
    else chartPatterns.push(line);
  }
  const registryInput = get("registry").trim();
  if (!registryInput) {
    throw new InputError('input "registry" is required: set it to oci://host[/namespace], for example oci://ghcr.io/${{ github.repository_owner }}/charts');
  }
  if (urlUserInfo(registryInput) !== void 0) {
    throw new InputError('input "registry" holds credentials before an "@": put the user name in "username" and the password or token in "password" (from a secret), and write the registry as oci://host[/namespace]');
  }
  const registry = parseRegistryUrl(registryInput);
  const username = get("username").trim();
  const password = get("password");
  if (username && !password) {
    throw new InputError(`input "username" is set but "password" is empty: pass the registry password or token (for example \${{ secrets.REGISTRY_TOKEN }}), or leave both empty for anonymous access`);
  }
  if (password && !username) {
    throw new InputError('input "password" is set but "username" is empty: registries need a user name with a token too (for GHCR use ${{ github.actor }})');
  }
  const version = optionalVersion(get("version"));
  const appVersion = get("app-version").trim() || void 0;
  const plainHttp = bool("plain-http", get("plain-http"), false);
  const { tls, tlsFiles } = tlsInputs(get, plainHttp);
  const sign = bool("sign", get("sign"), false);
  const signingKey = get("signing-key").trim();
  if (sign && !signingKey) {
    throw new InputError('input "sign" is true but "signing-key" is empty: pass an ASCII-armored OpenPGP secret key from a secret (gpg --armor --export-secret-keys <key id>), for example ${{ secrets.HELM_SIGNING_KEY }}');
  }
  const sourceSettings = checkSourceInputs({
    sources: remoteSources,
    sourceCharts: lines(get("source-charts")),
    sourceVersions: get("source-versions"),
    sourceUsername: get("source-username"),
    sourcePassword: get("source-password"),
    plainHttp,
    registryHost: registry.host,
    version,
    appVersion,
    sign
  });
  return {
    chartPatterns,
    remoteSources,
    sourceSettings,
    registry,
    username,
    password,
    version,
    appVersion,
    ifExists: oneOf("if-exists", get("if-exists"), ["fail", "skip", "overwrite"], "fail"),
    dryRun: bool("dry-run", get("dry-run"), false),
    plainHttp,
    tls,
    tlsFiles,
    login: bool("login", get("login"), true),
    logout: bool("logout", get("logout"), true),
    dockerLogin: bool("docker-login", get("docker-login"), false),
    sign,
    signingKey,
    signingPassphrase: get("signing-passphrase"),
    dependencyUpdate: bool("dependency-update", get("dependency-update"), false),
    helmVersion: checked(() => get("helm-version").trim() && parseHelmVersion(get("helm-version"))),
    helmMirror: checked(() => normalizeMirror(get("helm-mirror"))),
    concurrency: positiveInt("concurrency", get("concurrency"), 8),
    timeoutMs: parseDuration("timeout", get("timeout"), 30 * 6e4),
    retryTimeoutMs: parseDuration("retry-timeout", get("retry-timeout"), 6e4),
    supplyChain: {
      sigstoreSign: bool("sigstore-sign", get("sigstore-sign"), false),
      attest: bool("attest", get("attest"), false),
      sigstore: get("sigstore").trim(),
      fulcioUrl: get("fulcio-url").trim(),
      rekorUrl: get("rekor-url").trim(),
      tsaUrl: get("tsa-url").trim(),
      sigstoreFormat: get("sigstore-format").trim(),
      resign: bool("sigstore-resign", get("sigstore-resign"), false),
      githubToken: get("github-token").trim(),
      artifacthubRepo: get("artifacthub-repo").trim() ? resolve4(get("artifacthub-repo").trim()) : ""
    }
  };
}
function tlsInputs(get, plainHttp) {
  const insecureSkipTlsVerify = bool("insecure-skip-tls-verify", get("insecure-skip-tls-verify"), false);
  const caFile = get("ca-file").trim();
  const certFile = get("cert-file").trim();
  const keyFile = get("key-file").trim();
  const set = [
    insecureSkipTlsVerify && "insecure-skip-tls-verify",
    caFile && "ca-file",
    certFile && "cert-file",
    keyFile && "key-file"
  ].filter(Boolean);
  if (plainHttp && set.length > 0) {
    throw new InputError(`"plain-http" talks HTTP, which has no TLS, so ${set.map((n) => `"${n}"`).join(" and ")} cannot apply: drop ${set.length === 1 ? "it" : "them"} or "plain-http"`);
  }
  if (insecureSkipTlsVerify && caFile) {
    throw new InputError('"insecure-skip-tls-verify" accepts any server certificate, so "ca-file" would be ignored: keep "ca-file" (safer) and drop "insecure-skip-tls-verify"');
  }
  if (Boolean(certFile) !== Boolean(keyFile)) {
    throw new InputError(`mutual TLS needs both "cert-file" and "key-file", but only "${certFile ? "cert-file" : "key-file"}" is set`);
  }
  const tls = {
    insecureSkipTlsVerify,
    ca: caFile ? pemFile("ca-file", caFile, "CERTIFICATE") : void 0,
    cert: certFile ? pemFile("cert-file", certFile, "CERTIFICATE") : void 0,
    key: keyFile ? pemFile("key-file", keyFile, "PRIVATE KEY") : void 0
  };
  const absolute = (path) => path ? resolve4(path) : void 0;
  return { tls, tlsFiles: { caFile: absolute(caFile), certFile: absolute(certFile), keyFile: absolute(keyFile) } };
}
function pemFile(input, path, kind) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new InputError(`input "${input}" names ${path}, which cannot be read (${error.code ?? "error"}): write the PEM file in an earlier step and pass its path`);
  }
  if (!new RegExp(`-----BEGIN [A-Z ]*${kind}-----`).test(text)) {
    throw new InputError(`input "${input}" names ${path}, which holds no PEM ${kind.toLowerCase()} ("-----BEGIN ... ${kind}-----")`);
  }
  return text;
}
function checked(validate) {
  try {
    return validate();
  } catch (error) {
    throw new InputError(error instanceof Error ? error.message : String(error));
  }
}
function lines(value) {
  return value.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
}
function optionalVersion(raw) {
  const value = raw.trim();
  if (!value) return void 0;
  const bare = /^v\d/.test(value) ? value.slice(1) : value;
  if (!isStrictSemver(bare)) {
    throw new InputError(`input "version" is "${value}", which is not a SemVer 2 version: use MAJOR.MINOR.PATCH with optional -prerelease and +build, for example 1.4.0 or 1.4.0-rc.1+sha.5114f85`);
  }
  return bare;
}
function bool(name, raw, fallback) {
  const value = raw.trim();
  if (!value) return fallback;
  if (/^(true|True|TRUE)$/.test(value)) return true;
  if (/^(false|False|FALSE)$/.test(value)) return false;
  throw new InputError(`input "${name}" is "${value}": use true or false`);
}
function oneOf(name, raw, allowed, fallback) {
  const value = raw.trim();
  if (!value) return fallback;
  if (allowed.includes(value)) return value;
  throw new InputError(`input "${name}" is "${value}": use one of ${allowed.join(", ")}`);
}
function positiveInt(name, raw, fallback) {
  const value = raw.trim();
  if (!value) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 64) {
    throw new InputError(`input "${name}" is "${value}": use a whole number from 1 to 64`);
  }
  return Number(value);
}
var DURATION_UNITS = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
var DURATION_BOUNDS = {
  timeout: { min: 1e4, max: 6 * 36e5 },
  "retry-timeout": { min: 0, max: 30 * 6e4 }
};
function parseDuration(name, raw, fallback) {
  const bounds = DURATION_BOUNDS[name];
  const value = raw.trim();
  if (!value) return fallback;
  const bare = /^\d+$/.test(value) ? `${value}s` : value;
  const parts = [...bare.matchAll(/(\d+)(ms|s|m|h)/g)];
  const total = parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * DURATION_UNITS[unit], 0);
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== bare || total < bounds.min || total > bounds.max) {
    throw new InputError(`input "${name}" is "${value}": use a duration such as 90s, 10m or 1h30m, from ${formatDuration(bounds.min)} to ${formatDuration(bounds.max)}`);
  }
  return total;
}
function formatDuration(ms) {
  if (ms === 0) return "0s";
  if (ms % 36e5 === 0) return `${ms / 36e5}h`;
  if (ms % 6e4 === 0) return `${ms / 6e4}m`;
  return `${ms / 1e3}s`;
}

// src/outputs.ts
var SINGLE_VALUE_OUTPUTS = ["name", "version", "tag", "digest", "repository", "url", "ref"];
var SUPPLY_CHAIN_OUTPUTS = {
  signatureDigest: "signature-digest",
  legacySignatureDigest: "legacy-signature-digest",
  attestationDigest: "attestation-digest",
  attestationId: "attestation-id",
  attestationUrl: "attestation-url"
};
function setOutputs(results) {
  setOutput("charts", JSON.stringify(results));
  const published = results.filter((r) => r.status !== "failed");
  if (results.length === 1 && published.length === 1) {
    const only = published[0];
    for (const key of SINGLE_VALUE_OUTPUTS) setOutput(key, only[key]);
    for (const [key, output] of Object.entries(SUPPLY_CHAIN_OUTPUTS)) {
      const value = only[key];
      if (value) setOutput(output, value);
    }
    setOutput("pushed", String(only.pushed));
    setOutput("signed", String(only.signed));
  } else {
    setOutput("pushed", String(results.some((r) => r.pushed)));
    setOutput("signed", String(results.length > 0 && results.every((r) => r.signed)));
  }
}
async function writeSummary(results, dryRun) {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const header = [
    { data: "Chart", header: true },
    { data: "Version", header: true },
    { data: "Tag", header: true },
    { data: "Status", header: true },
    { data: "Signed", header: true },
    { data: "Digest", header: true }
  ];
  const rows = results.map((r) => [
    `<code>${escapeHtml(r.repository)}</code>`,
    escapeHtml(r.version),
    escapeHtml(r.tag),
    r.error ? `${r.status}: ${escapeHtml(r.error)}` : r.status,
    r.signed ? "yes" : "no",
    r.digest ? `<code>${r.digest}</code>` : ""
  ]);
  const installs = results.filter((r) => r.ref && r.status !== "failed").map((r) => `helm upgrade --install ${r.name} ${r.ref}`);
  const summary2 = summary.addHeading(dryRun ? "Helm charts (dry run, nothing pushed)" : "Helm charts published", 3).addRaw(counts(results), true).addTable([header, ...rows]);
  const failures = results.filter((r) => r.error);
  if (failures.length > 0) summary2.addRaw("Failures:", true).addList(failures.map((r) => `<code>${escapeHtml(`${r.repository}:${r.tag}`)}</code> (from ${escapeHtml(r.source)}): ${escapeHtml(r.error)}`));
  if (installs.length > 0) summary2.addRaw("Deploy by digest:", true).addCodeBlock(installs.join("\n"), "sh");
  await summary2.write();
}
function counts(results) {
  const byStatus = /* @__PURE__ */ new Map();
  for (const r of results) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
  return `${results.length} chart${results.length === 1 ? "" : "s"}: ${[...byStatus].map(([status, n]) => `${n} ${status}`).join(", ")}`;
}
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// src/publish/plan.ts
import { existsSync as existsSync2 } from "node:fs";
import { readFile, stat as stat2 } from "node:fs/promises";
import { basename as basename2 } from "node:path";

// src/publish/target.ts
function targetFor(registry, chartName, version) {
  return { host: registry.host, repository: repositoryFor(registry, chartName), tag: tagForVersion(version) };
}
function repositoryName(target) {
  return `${target.host}/${target.repository}`;
}
function taggedName(target) {
  return `${repositoryName(target)}:${target.tag}`;
}

// src/publish/plan.ts
var PreparationError = class extends Error {
  name = "PreparationError";
};
var PLAN_CONCURRENCY = 4;
var MAX_PROV_BYTES2 = 1024 * 1024;
async function planCharts(sources, config) {
  if (config.version && sources.length > 1) {
    throw new PreparationError(`input "version" applies to a single chart, but "chart" selected ${sources.length}: ${sources.map((s) => s.path).join(", ")}. Publish them in separate steps or drop "version"`);
  }
  const planned = await settleAll(sources, PLAN_CONCURRENCY, (source) => planOne(source, config));
  rejectDuplicateTargets(planned);
  return planned;
}
async function planOne(source, config) {
  if (source.kind === "directory") {
    const chart = await checkChart(source.path, { version: config.version, appVersion: config.appVersion });
    return { kind: "directory", source, chart, metadata: chart.metadata, target: targetFor(config.registry, chart.metadata.name, chart.metadata.version) };
  }
  const name = basename2(source.path);
  if (config.version || config.appVersion) {
    throw new PreparationError(`${name} is an already packaged chart, pushed as it is: "version" and "app-version" cannot change it. Pass the chart directory instead, or set the version when running helm package`);
  }
  const prov = await provenanceBeside(source.path);
  if (config.sign && prov) {
    throw new PreparationError(`${name} already has a signature beside it (${name}.prov), which is pushed with it as helm push does: set "sign: false" to push that one, or remove the .prov file to sign again`);
  }
  const archive = await readChartArchive(source.path);
  const { metadata } = archive;
  return { kind: "archive", source, archive, metadata, ...prov ? { prov } : {}, target: targetFor(config.registry, metadata.name, metadata.version) };
}
async function provenanceBeside(path) {
  const provPath = `${path}.prov`;
  if (!existsSync2(provPath)) return void 0;
  const { size } = await stat2(provPath);
  if (size > MAX_PROV_BYTES2) throw new PreparationError(`${basename2(provPath)} is ${size} bytes, too large for a Helm provenance file: remove it or put the right file there`);
  return readFile(provPath);
}
function rejectDuplicateTargets(planned) {
  const seen = /* @__PURE__ */ new Map();
  for (const chart of planned) {
    const at = taggedName(chart.target);
    const other = seen.get(at);
    if (other) throw new PreparationError(`${other} and ${chart.source.path} are both ${chart.metadata.name} ${chart.metadata.version}: they would overwrite each other at ${at}`);
    seen.set(at, chart.source.path);
  }
}
async function settleAll(items, limit, work) {
  const settled = await mapConcurrent(
    items,
    limit,
    (item) => work(item).then(
      (value) => ({ status: "fulfilled", value }),
      (reason) => ({ status: "rejected", reason })
    )
  );
  const pathOf = (item) => "source" in item ? item.source.path : item.path;
  const problems = settled.flatMap((s, i) => s.status === "rejected" ? [naming(pathOf(items[i]), describeError(s.reason))] : []);
  if (problems.length > 0) throw new PreparationError(problems.join("\n"));
  return settled.map((s) => s.value);
}

// src/publish/prepare.ts
import { createReadStream as createReadStream2 } from "node:fs";
import { mkdir, rm as rm2 } from "node:fs/promises";
import { dirname as dirname2 } from "node:path";
var ARCHIVE_MEMORY = { perArchive: 1024 * 1024, total: 64 * 1024 * 1024 };
async function prepareCharts(planned, settings) {
  await mkdir(settings.tempDir, { recursive: true }).catch((error) => {
    throw new PreparationError(`cannot create ${settings.tempDir} for the packaged charts (${describeError(error)}): check RUNNER_TEMP`);
  });
  const written = [];
  const memory = new ArchiveMemory(ARCHIVE_MEMORY.perArchive, ARCHIVE_MEMORY.total);
  try {
    return await settleAll(planned, PLAN_CONCURRENCY, async (chart) => {
      const prepared = await prepareOne(chart, settings, memory);
      written.push(prepared);
      settings.onPrepared?.(prepared);
      return prepared;
    });
  } catch (error) {
    await discard(written);
    throw error;
  }
}
async function discard(prepared) {
  const scratch = prepared.flatMap((p) => p.kind === "artifact" && p.scratch ? [p.scratch] : []);
  await Promise.all(scratch.map((dir) => rm2(dir, { recursive: true, force: true })));
}
async function prepareOne(planned, settings, memory) {
  if (planned.kind === "oci-copy") return { kind: "copy", planned };
  if (planned.kind !== "classic") return prepareLocal(planned, settings, memory);
  try {
    const download = await downloadChartVersion(planned.repository, planned.entry, settings.tempDir);
    return { kind: "artifact", planned, packaged: download.archive, artifact: classicArtifact(download, planned.target.repository, planned.target.tag), scratch: dirname2(download.archive.path) };
  } catch (error) {
    return { kind: "failed", planned, error: describeError(error) };
  }
}
async function prepareLocal(planned, settings, memory) {
  const packaged = planned.kind === "directory" ? await writeChartPackage(planned.chart, { mtime: settings.created, outDir: settings.tempDir, memory }) : planned.archive;
  const scratch = planned.kind === "directory" && "path" in packaged ? dirname2(packaged.path) : void 0;
  try {
    const config = configJson(planned.metadata);
    const prov = settings.sign ? await settings.sign(config, packaged.fileName, packaged.digest) : planned.kind === "archive" ? planned.prov : void 0;
    const artifact = helmArtifact({
      repository: planned.target.repository,
      tag: planned.target.tag,
      config,
      chart: "bytes" in packaged ? packaged.bytes : streamedFile(packaged),
      prov,
      meta: planned.metadata,
      created: settings.created
    });
    return { kind: "artifact", planned, packaged, artifact, ...scratch ? { scratch } : {} };
  } catch (error) {
    if (scratch) await rm2(scratch, { recursive: true, force: true });
    throw error;
  }
}
function streamedFile({ path, digest, size }) {
  return { digest, size, open: () => createReadStream2(path) };
}

// src/publish/progress.ts
var EVERY_MS = 5e3;
function progressReporter(total, log3) {
  const counts2 = /* @__PURE__ */ new Map();
  let done = 0;
  const timer = setInterval(() => {
    const parts = [...counts2].map(([status, count]) => `${count} ${status}`).join(", ");
    log3.info(`${done}/${total} charts done${parts ? ` (${parts})` : ""}`);
  }, EVERY_MS);
  timer.unref();
  return {
    add: (result) => {
      done++;
      counts2.set(result.status, (counts2.get(result.status) ?? 0) + 1);
    },
    stop: () => clearInterval(timer)
  };
}

// src/oci/copy.ts
import { PassThrough, pipeline as pipeline2 } from "node:stream";
var BUFFERED_BLOB_MAX = 1024 * 1024;
var HEAD_BEFORE_UPLOAD_MIN = 1024 * 1024;
var MAX_NESTING = 2;
var MAX_DESCRIPTORS = 1e3;
var MAX_BLOB_BYTES = 1024 * 1024 * 1024;
var BLOBS_IN_FLIGHT = 4;
function parseManifest(manifest, from, reference) {
  let json;
  try {
    json = JSON.parse(manifest.body.toString("utf8"));
  } catch (error) {
    const { host } = from.client;
    throw new RegistryError(`${host}/${from.repository}:${reference} is not a JSON manifest`, { kind: "protocol", host, repository: from.repository }, { cause: error });
  }
  const isDescriptor = (d) => typeof d?.digest === "string" && typeof d?.size === "number";
  const descriptors = (list) => (Array.isArray(list) ? list : []).filter(isDescriptor);
  const parsed = { blobs: descriptors([json.config, ...Array.isArray(json.layers) ? json.layers : []]), children: descriptors(json.manifests) };
  if (parsed.blobs.length + parsed.children.length > MAX_DESCRIPTORS) {
    const { host } = from.client;
    throw new RegistryError(`${host}/${from.repository}:${reference} lists more than ${MAX_DESCRIPTORS} blobs and manifests; it is not copied`, { kind: "protocol", host, repository: from.repository });
  }
  return parsed;
}
function mediaTypeOf(manifest) {
  if (manifest.mediaType) return manifest.mediaType;
  try {
    const json = JSON.parse(manifest.body.toString("utf8"));
    if (typeof json.mediaType === "string" && json.mediaType) return json.mediaType;
    return Array.isArray(json.manifests) ? OCI_INDEX_MEDIA_TYPE : OCI_MANIFEST_MEDIA_TYPE;
  } catch {
    return OCI_MANIFEST_MEDIA_TYPE;
  }
}
var Copier = class {
  constructor(source, destination) {
    this.source = source;
    this.destination = destination;
  }
  source;
  destination;
  stats = { mounted: 0, uploaded: 0, present: 0, manifests: 0 };
  get mounting() {
    return this.source.client === this.destination.client;
  }
  /** Copies a manifest and everything it references, then writes it at `reference` (tag or digest). */
  async tree(manifest, reference, nesting = 0) {
    if (sha256Digest(manifest.body) !== manifest.digest) {
      throw new RegistryError(`the manifest ${manifest.digest} read from ${this.source.client.host}/${this.source.repository} does not match its digest`, { kind: "digest-mismatch", host: this.source.client.host, repository: this.source.repository });
    }
    const { blobs, children } = parseManifest(manifest, this.source, manifest.digest);
    if (children.length > 0 && nesting >= MAX_NESTING) {
      throw new RegistryError(`${this.source.client.host}/${this.source.repository}@${manifest.digest} nests indexes more than ${MAX_NESTING} deep`, { kind: "protocol", host: this.source.client.host });
    }
    for (const child of children) await this.manifestByDigest(child.digest, nesting + 1);
    const unique = [...new Map(blobs.map((b) => [b.digest, b])).values()];
    await mapConcurrent(unique, BLOBS_IN_FLIGHT, (blob) => this.blob(blob));
    const digest = await this.destination.client.putManifest(this.destination.repository, reference, manifest.body, mediaTypeOf(manifest));
    this.stats.manifests++;
    if (digest !== manifest.digest) {
      throw new RegistryError(`${this.destination.client.host}/${this.destination.repository}:${reference} was stored as ${digest}, not ${manifest.digest}`, { kind: "digest-mismatch", host: this.destination.client.host, repository: this.destination.repository });
    }
  }
  /** Copies the manifest `digest` unless the destination has it; true when it was copied. */
  async manifestByDigest(digest, nesting = 0) {
    if (await this.destination.client.checkManifest(this.destination.repository, digest)) return false;
    const manifest = await this.source.client.getManifest(this.source.repository, digest);
    if (!manifest) throw new RegistryError(`${this.source.client.host}/${this.source.repository} lists ${digest} but does not have it`, { kind: "protocol", host: this.source.client.host, repository: this.source.repository });
    await this.tree(manifest, digest, nesting);
    return true;
  }
  async blob(descriptor) {
    const { source, destination } = this;
    if (!descriptor.digest.startsWith("sha256:")) {
      throw new RegistryError(`blob ${descriptor.digest} in ${source.client.host}/${source.repository} is not sha256: it cannot be checked, so it is not copied`, { kind: "protocol", host: source.client.host });
    }
    if (descriptor.size < 0 || descriptor.size > MAX_BLOB_BYTES) {
      throw new RegistryError(`blob ${descriptor.digest} in ${source.client.host}/${source.repository} claims ${descriptor.size} bytes; more than ${MAX_BLOB_BYTES} are not copied`, { kind: "protocol", host: source.client.host });
    }
    if (this.mounting && source.repository === destination.repository) {
      this.stats.present++;
      return;
    }
    const streamed = { digest: descriptor.digest, size: descriptor.size, open: () => this.openSourceBlob(descriptor.digest, descriptor.size) };
    if (this.mounting) {
      const how = await destination.client.mountBlob(destination.repository, source.repository, streamed);
      this.stats[how]++;
      return;
    }
    if (descriptor.size >= HEAD_BEFORE_UPLOAD_MIN && await destination.client.blobExists(destination.repository, descriptor.digest)) {
      this.stats.present++;
      return;
    }
    let blob = streamed;
    if (descriptor.size <= BUFFERED_BLOB_MAX) {
      const data = await source.client.getBlob(source.repository, descriptor.digest, descriptor.size);
      blob = { data, digest: descriptor.digest, size: data.length };
    }
    await destination.client.pushBlob(destination.repository, blob);
    this.stats.uploaded++;
  }
  // A stream to upload from, opened afresh for every upload attempt; the source GET starts at once.
  openSourceBlob(digest, size) {
    const out = new PassThrough();
    this.source.client.openBlob(this.source.repository, digest, size).then(
      (stream) => pipeline2(stream, out, () => {
      }),
      (error) => out.destroy(error)
    );
    return out;
  }
};
async function copyArtifact(source, destination, options) {
  const { manifest, tag } = { manifest: source.manifest, tag: destination.tag };
  const where = `${destination.client.host}/${destination.repository}:${tag}`;
  const copier = new Copier(source, destination);
  const warnings = [];
  const existing = await destination.client.checkManifest(destination.repository, tag);
  if (existing && existing.digest !== manifest.digest) {
    const message = `${where} already exists with other content (registry digest ${existing.digest}, source ${manifest.digest})`;
    if (options.ifExists === "fail") {
      throw new RegistryError(`${message}. A published chart version should not change: set if-exists: overwrite to replace it, or if-exists: skip to keep it`, { kind: "tag-exists", host: destination.client.host, repository: destination.repository });
    }
    if (options.ifExists === "skip") {
      return { status: "skipped", digest: existing.digest, referrers: 0, stats: copier.stats, warnings: [`${message}; left as it is because if-exists is skip`] };
    }
  }
  const unchanged = existing?.digest === manifest.digest;
  if (options.dryRun) return { status: unchanged ? "unchanged" : "pushed", digest: manifest.digest, referrers: 0, stats: copier.stats, warnings };
  const referrers = await copyReferrers(copier, manifest.digest, warnings);
  if (!unchanged) await copier.tree(manifest, tag);
  return { status: unchanged ? "unchanged" : "pushed", digest: manifest.digest, referrers, stats: copier.stats, warnings };
}
async function copyReferrers(copier, digest, warnings) {
  const { source, destination } = copier;
  const { manifests: listed } = await listReferrers(source.client, source.repository, digest);
  for (const referrer of listed) await copier.manifestByDigest(referrer.digest);
  if (listed.length > 0 && !await destination.client.getReferrers(destination.repository, digest)) {
    for (const referrer of listed) await addToReferrersIndex(destination.client, destination.repository, digest, referrer);
  }
  let count = listed.length;
  for (const suffix of ["sig", "att"]) {
    const tag = `${referrersTag(digest)}.${suffix}`;
    const cosign = await source.client.getManifest(source.repository, tag);
    if (!cosign) continue;
    count++;
    const there = await destination.client.checkManifest(destination.repository, tag);
    if (!there) await copier.tree(cosign, tag);
    else if (there.digest !== cosign.digest) warnings.push(`${destination.client.host}/${destination.repository}:${tag} already holds other cosign ${suffix === "sig" ? "signatures" : "attestations"}; left as they are`);
  }
  return count;
}

// src/publish/result.ts
function chartResult(source, metadata, target, outcome) {
  const repository = repositoryName(target);
  const url = `oci://${repository}`;
  return {
    source,
    name: metadata.name,
    version: metadata.version,
    tag: target.tag,
    digest: outcome.digest,
    repository,
    url,
    ref: outcome.digest ? `${url}@${outcome.digest}` : "",
    pushed: outcome.status === "pushed",
    signed: outcome.signed,
    status: outcome.status,
    ...outcome.error !== void 0 ? { error: outcome.error } : {}
  };
}

// src/publish/push.ts
async function pushCharts(prepared, registry, settings) {
  return mapConcurrent(prepared, settings.concurrency, async (chart) => {
    try {
      const result = await pushOne(chart, registry, settings);
      settings.onResult?.(result);
      return result;
    } finally {
      await discard([chart]);
    }
  });
}
function dryRunResult(chart, log3) {
  const { planned } = chart;
  if (chart.kind === "failed") return failedResult(chart, chart.error, log3);
  const digest = chart.kind === "copy" ? chart.planned.from.manifest.digest : chart.artifact.manifest.digest;
  const signed = chart.kind === "copy" ? chart.planned.signed : chart.artifact.prov !== void 0;
  log3.info(`${taggedName(planned.target)}: dry run, would ${chart.kind === "copy" ? "copy" : "push"} ${digest}`);
  return chartResult(planned.source.label, planned.metadata, planned.target, { status: "dry-run", digest, signed });
}
function failedResult(chart, message, log3) {
  const { planned } = chart;
  log3.warning(naming(taggedName(planned.target), message));
  return chartResult(planned.source.label, planned.metadata, planned.target, { status: "failed", digest: "", signed: false, error: message });
}
async function pushOne(chart, registry, settings) {
  if (chart.kind === "failed") return failedResult(chart, chart.error, settings.log);
  const { planned } = chart;
  const at = taggedName(planned.target);
  let outcome;
  try {
    outcome = chart.kind === "copy" ? await copyOne(chart, registry, settings) : await pushArtifact(chart, registry, settings);
  } catch (error) {
    return failedResult(chart, describeError(error), settings.log);
  }
  settings.log.info(`${at}: ${outcome.status} ${outcome.digest}`);
  const pushed = chartResult(planned.source.label, planned.metadata, planned.target, outcome);
  if (!settings.secure || outcome.status === "skipped") return pushed;
  try {
    const done = await settings.secure(registry, { registryHost: registry.host, repository: planned.target.repository, manifest: outcome.manifest, unchanged: outcome.status === "unchanged" });
    return { ...pushed, ...supplyChainFields(done) };
  } catch (error) {
    const message = describeError(error);
    settings.log.warning(naming(at, message));
    const done = error.done ?? {};
    return { ...pushed, ...supplyChainFields(done), error: message };
  }
}
async function pushArtifact(chart, registry, { ifExists, log: log3 }) {
  const outcome = await pushChart(registry, chart.artifact, {
    ifExists,
    sameChartFiles: (remote) => sameChartFiles("open" in chart.artifact.chart ? chart.artifact.chart.open() : chart.artifact.chart.data, remote)
  });
  if (outcome.warning) log3.warning(`${taggedName(chart.planned.target)}: ${outcome.warning}`);
  return outcome;
}
async function copyOne(chart, registry, { ifExists, log: log3 }) {
  const { from, target, signed } = chart.planned;
  const copied = await copyArtifact({ client: from.client, repository: from.repository, manifest: from.manifest }, { client: registry, repository: target.repository, tag: target.tag }, { ifExists });
  for (const warning2 of copied.warnings) log3.warning(`${taggedName(target)}: ${warning2}`);
  if (copied.status !== "skipped" && copied.digest !== from.manifest.digest) {
    throw new Error(`the copy has digest ${copied.digest}, not the source's ${from.manifest.digest}`);
  }
  const manifest = { mediaType: from.manifest.mediaType, digest: from.manifest.digest, size: from.manifest.size };
  return { status: copied.status, digest: copied.digest, manifest, signed };
}
function supplyChainFields(done) {
  const { artifactHubDigest: _metadata, ...fields } = done;
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== void 0));
}
async function sameChartFiles(ours, theirs) {
  const [a, b] = await Promise.all([archiveFileDigests(ours), archiveFileDigests(theirs)]);
  if (a.size !== b.size) return false;
  for (const [path, digest] of a) {
    if (b.get(path) !== digest) return false;
  }
  return true;
}

// src/publish/remote.ts
async function planRemote(sources, settings, config, env) {
  const plan = { planned: [], failed: [] };
  for (const source of sources) {
    const origin = { kind: source.kind, path: source.line, label: source.line };
    try {
      if (source.kind === "classic-repo") await planClassic(source, origin, settings, config, env, plan);
      else await planOci(source, origin, settings, config, env, plan);
    } catch (error) {
      plan.failed.push(failedSource(origin, source, config, describeError(error)));
    }
  }
  return plan;
}
async function planClassic(source, origin, settings, config, env, plan) {
  const repository = await openClassicRepository(source, env.repoOptions);
  const selection = repository.select({ charts: settings.charts, range: settings.range });
  for (const name of selection.missing) env.warning(`${source.line} has no chart named ${name} (source-charts)`);
  for (const entry of selection.selected) {
    const metadata = { name: entry.name, version: entry.version };
    const label = `${source.line} ${entry.name} ${entry.version}`;
    try {
      plan.planned.push({ kind: "classic", source: { ...origin, label }, repository, entry, metadata, target: targetFor(config.registry, entry.name, entry.version) });
    } catch (error) {
      plan.failed.push(failed(label, metadata, config, describeError(error)));
    }
  }
  for (const rejected of selection.rejected) {
    const metadata = { name: rejected.name, version: rejected.version };
    plan.failed.push(failed(`${source.line} ${rejected.name} ${rejected.version}`, metadata, config, rejected.reason));
  }
}
async function planOci(source, origin, settings, config, env, plan) {
  const sameHost = source.host === config.registry.host;
  let client = sameHost ? env.registry : void 0;
  if (!client) {
    const main = config.username ? { username: config.username, password: config.password } : void 0;
    client = env.openClient(source.host, credentialsForSourceRegistry(source.host, config.registry.host, main, settings.credentials));
  }
  const references = await ociSourceReferences(client, source, settings.range);
  if (references.length === 0) throw new Error(`${source.line} has no SemVer tag${settings.range ? ` in ${settings.range}` : ""} to promote`);
  for (const reference of references) {
    const at = `oci://${source.host}/${source.repository}${reference.startsWith("sha256:") ? "@" : ":"}${reference}`;
    try {
      const chart = await readOciChart(client, source.repository, reference);
      const metadata = { name: chart.name, version: chart.version };
      const label = `oci://${source.host}/${source.repository}@${chart.manifest.digest}`;
      plan.planned.push({ kind: "oci-copy", source: { ...origin, label }, from: { client, repository: source.repository, manifest: chart.manifest }, signed: chart.signed, metadata, target: targetFor(config.registry, chart.name, chart.version) });
    } catch (error) {
      plan.failed.push(failed(at, { name: source.repository.split("/").pop(), version: "" }, config, describeError(error)));
    }
  }
}
function failedSource(origin, source, config, error) {
  const name = source.kind === "oci" ? source.repository.split("/").pop() : "";
  return failed(origin.label, { name, version: "" }, config, error);
}
function failed(label, metadata, config, error) {
  let target = { host: config.registry.host, repository: config.registry.namespace, tag: "" };
  try {
    if (metadata.name && metadata.version) target = targetFor(config.registry, metadata.name, metadata.version);
  } catch {
  }
  return chartResult(label, metadata, target, { status: "failed", digest: "", signed: false, error });
}

// src/publish/index.ts
async function publish(sources, config, env) {
  const local = await planCharts(sources.local, config);
  const registry = config.dryRun ? void 0 : openRegistry(config, config.registry.host, config.username ? { username: config.username, password: config.password } : void 0, env);
  const opened = registry ? [registry] : [];
  let prepared = [];
  try {
    const remote = sources.remote?.sources.length ? await env.phase("Read the chart sources", () => planRemote(sources.remote.sources, sources.remote.settings, config, remoteEnvironment(config, sources.remote.settings, registry, env, opened))) : { planned: [], failed: [] };
    const planned = [...local, ...remote.planned];
    rejectDuplicateTargets(planned);
    if (registry) void registry.prepare(planned.map(({ target }) => ({ repository: target.repository, reference: target.tag })));
    prepared = await packageAll(planned, env);
    const results = registry ? await env.phase(`Push to ${config.registry.host}`, async () => {
      const progress = progressReporter(prepared.length, env.log);
      try {
        return await pushCharts(prepared, registry, { ifExists: config.ifExists, concurrency: config.concurrency, log: env.log, secure: env.secure, onResult: progress.add });
      } finally {
        progress.stop();
      }
    }) : await env.phase("Dry run: nothing is pushed", () => Promise.resolve(prepared.map((chart) => dryRunResult(chart, env.log))));
    return [...results, ...remote.failed];
  } finally {
    await Promise.all(opened.map((client) => client.close()));
    await discard(prepared);
  }
}
function packageAll(planned, env) {
  return env.phase(
    `Package ${plural(planned.length, "chart")}`,
    () => prepareCharts(planned, {
      created: env.created,
      tempDir: env.tempDir,
      sign: env.sign,
      onPrepared: (chart) => {
        if (chart.kind === "artifact") env.log.info(`${chart.packaged.fileName}: ${chart.packaged.digest} (${chart.packaged.size} bytes${chart.artifact.prov ? ", signed" : ""}) \u2192 ${taggedName(chart.planned.target)}`);
      }
    })
  );
}
function remoteEnvironment(config, settings, registry, env, opened) {
  const transport = new Transport({ plainHttp: config.plainHttp, ...config.tls });
  opened.push(transport);
  return {
    registry,
    openClient: (host, credentials) => {
      const client = openRegistry(config, host, credentials, env, "pull");
      opened.push(client);
      return client;
    },
    repoOptions: { transport, plainHttp: config.plainHttp, credentials: settings.credentials, retry: { ...DEFAULT_RETRY_POLICY, maxElapsedMs: config.retryTimeoutMs }, debug: env.log.debug, onSecret: env.onSecret, signal: env.signal },
    warning: env.log.warning
  };
}
function openRegistry(config, host, credentials, env, access = "push") {
  return new RegistryClient({
    host,
    access,
    credentials,
    transport: { plainHttp: config.plainHttp, ...config.tls },
    retry: { maxElapsedMs: config.retryTimeoutMs },
    signal: env.signal,
    onSecret: env.onSecret,
    debug: env.log.debug
  });
}
function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

// src/signing.ts
async function createSigner(config, log3) {
  const { loadSigningKey, provenanceMessage, signProvenance } = await import("./chunks/provenance-OBDG5DKY.js");
  const key = await loadSigningKey(config.signingKey, config.signingPassphrase || void 0);
  log3.info(`Signing with ${key.userId} (${key.fingerprint})`);
  if (!key.helm3Compatible) {
    log3.warning("the signing key uses Curve25519/Ed25519, which Helm 3 cannot read: Helm 4 verifies these charts, Helm 3 users need an RSA or NIST-curve key");
  }
  return (configJson2, tgzFileName, tgzDigest) => signProvenance(key, provenanceMessage(configJson2, tgzFileName, tgzDigest));
}

// src/source-date.ts
import { execFile } from "node:child_process";
var GIT_TIMEOUT_MS = 3e4;
async function sourceDate(cwd, env = process.env) {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch) {
    if (!/^\d+$/.test(epoch)) {
      throw new InputError(`SOURCE_DATE_EPOCH is "${epoch}": it must be whole seconds since 1970-01-01 UTC, for example $(git log -1 --format=%ct)`);
    }
    return { date: new Date(Number(epoch) * 1e3), from: "SOURCE_DATE_EPOCH" };
  }
  const commitTime = await headCommitTime(cwd, env);
  if (commitTime) return { date: commitTime, from: "git" };
  return { date: new Date(Math.floor(Date.now() / 1e3) * 1e3), from: "now" };
}
function headCommitTime(cwd, env) {
  return new Promise((resolve5) => {
    execFile("git", ["log", "-1", "--format=%ct"], { cwd, env, timeout: GIT_TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
      const seconds = stdout.trim();
      resolve5(!error && /^\d+$/.test(seconds) ? new Date(Number(seconds) * 1e3) : void 0);
    });
  });
}

// src/supply-chain-step.ts
async function openSupplyChain(settings, dryRun) {
  if (!settings.sigstoreSign && !settings.attest && !settings.artifacthubRepo) return void 0;
  const supplyChain = await import("./chunks/supply-chain-JZOJUBTB.js");
  const config = await supplyChain.resolveSupplyChain({ ...settings, dryRun, env: process.env });
  const { GITHUB_API_URL, GITHUB_SERVER_URL, GITHUB_REPOSITORY } = process.env;
  const github = settings.attest && settings.githubToken && GITHUB_API_URL && GITHUB_REPOSITORY ? { apiUrl: GITHUB_API_URL, serverUrl: GITHUB_SERVER_URL || "https://github.com", repository: GITHUB_REPOSITORY, token: settings.githubToken } : void 0;
  const chain = new supplyChain.SupplyChain(config, {
    getToken: async (audience) => {
      const token = await supplyChain.requestIdToken(audience, process.env);
      setSecret(token);
      return token;
    },
    github,
    warning
  });
  return (client, chart) => chain.secure(client, { ...chart, unchanged: chart.unchanged && !settings.resign });
}

// src/run.ts
var log2 = { info, warning, debug };
async function run(signal) {
  maskSecretInputs();
  const config = parseInputs((name) => getInput(name));
  maskDerivedSecrets(config);
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  for (const warning2 of config.sourceSettings.warnings) warning(warning2);
  const pendingDate = sourceDate(workspace);
  pendingDate.catch(() => {
  });
  const sources = config.chartPatterns.length > 0 ? await resolveChartSources(config.chartPatterns, workspace) : [];
  const created = await pendingDate;
  debug(`archive time ${created.date.toISOString()} from ${created.from}`);
  const sign = config.sign ? await createSigner(config, log2) : void 0;
  const secure = await openSupplyChain(config.supplyChain, config.dryRun);
  if (!config.sign && config.signingKey) warning('"signing-key" is set but "sign" is false, so charts are not signed: set sign: true to sign them');
  await updateDependencies(config, sources);
  const results = await publish({ local: sources, remote: { sources: config.remoteSources, settings: config.sourceSettings } }, config, {
    created: created.date,
    tempDir: process.env.RUNNER_TEMP || tmpdir(),
    sign,
    secure,
    log: log2,
    phase: (title, work) => group(title, work),
    onSecret: (secret) => setSecret(secret),
    signal
  });
  setOutputs(results);
  await writeSummary(results, config.dryRun);
  const failed2 = results.filter((r) => r.status === "failed" || r.error !== void 0);
  if (failed2.length > 0) {
    setFailed(`helm-oci-publish: ${failed2.length} of ${plural(results.length, "chart")} failed:
${failed2.map((f) => naming(`${f.repository}:${f.tag}`, f.error ?? "")).join("\n")}`);
  }
  if (!config.dryRun && (config.login || config.dockerLogin) && config.username && results.some((r) => r.status !== "failed")) {
    await loginForLaterSteps(config.registry.host, config.username, config.password, { helm: config.login, docker: config.dockerLogin, logout: config.logout });
  }
}
async function updateDependencies(config, sources) {
  if (!config.dependencyUpdate) return;
  const dependencies = await import("./chunks/dependencies-JIBET5CD.js");
  const dirs = await dependencies.chartsWithDependencies(sources);
  if (dirs.length === 0) return;
  const helm = await group(
    `Update dependencies of ${plural(dirs.length, "chart")}`,
    () => dependencies.updateDependencies(dirs, {
      helmVersion: config.helmVersion,
      helmMirror: config.helmMirror,
      credentials: config.username ? { host: config.registry.host, username: config.username, password: config.password } : void 0,
      plainHttp: config.plainHttp,
      insecureSkipTlsVerify: config.tls.insecureSkipTlsVerify ?? false,
      tlsFiles: config.tlsFiles,
      log: info,
      warning
    })
  );
  setOutput("helm-path", helm.path);
  setOutput("helm-version", helm.version);
}
function maskSecretInputs() {
  for (const name of SECRET_INPUTS) maskMultiline(getInput(name));
  const userInfo = urlUserInfo(getInput("registry"));
  if (userInfo) {
    for (const part of [userInfo, ...userInfo.split(":")]) if (part.length > 2) setSecret(part);
  }
}
function maskDerivedSecrets(config) {
  maskMultiline(config.tls.key ?? "");
}
function maskMultiline(secret) {
  if (!secret) return;
  setSecret(secret);
  for (const line of secret.split(/\r?\n/)) {
    const value = line.trim();
    if (value.length > 3 && value !== secret && !value.startsWith("-----")) setSecret(value);
  }
}

// src/step-deadline.ts
var GRACE_MS = 1e4;
var DEFAULT_TIMEOUT_MS = 30 * 6e4;
var StepTimeoutError = class extends Error {
  name = "StepTimeoutError";
};
function stepDeadline(input) {
  let ms = DEFAULT_TIMEOUT_MS;
  try {
    ms = parseDuration("timeout", input, DEFAULT_TIMEOUT_MS);
  } catch {
  }
  const controller = new AbortController();
  let exit;
  const timer = setTimeout(() => {
    controller.abort(new StepTimeoutError(`the step ran out of time (timeout: ${input || "30m"}) and stopped; raise "timeout" if the registry is slow, or look at the log for what it was waiting for`));
    exit = setTimeout(() => {
      setFailed(`helm-oci-publish: the step ran out of time (timeout: ${input || "30m"}) and did not stop within ${GRACE_MS / 1e3} s`);
      process.exit(1);
    }, GRACE_MS);
    exit.unref();
  }, ms);
  timer.unref();
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer);
      if (exit) clearTimeout(exit);
    }
  };
}

// src/main.ts
var deadline = stepDeadline(getInput("timeout"));
run(deadline.signal).catch((error) => {
  if (!isUserFacing(error) && error instanceof Error && error.stack) debug(error.stack);
  const message = describeError(error);
  const timedOut = deadline.signal.aborted && !/ran out of time/.test(message);
  setFailed(`helm-oci-publish: ${timedOut ? describeError(deadline.signal.reason) : message}`);
}).finally(() => deadline.clear());
