import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  HelmError
} from "./chunk-EO4WWCF2.js";
import {
  ChartError,
  GO_ZERO_TIME,
  GoMap,
  MAX_ARCHIVE_ENTRIES,
  MAX_CHART_BYTES,
  MAX_FILE_BYTES,
  MAX_INFLATED_BYTES,
  MAX_TAR_META_BYTES,
  UINT64_MAX,
  decodeShape,
  goTimeRoundTrip,
  isFsError,
  jsonToGoYaml,
  loadAllGoYaml,
  loadGoYaml,
  readingYaml,
  writingYaml
} from "./chunk-64BA2NW5.js";
import {
  require_semver,
  urlUserInfo
} from "./chunk-5TQU652H.js";
import {
  goJson,
  goJsonObject,
  goJsonString,
  goMap
} from "./chunk-XDEXRFJC.js";
import {
  __toESM
} from "./chunk-6DG7BXTN.js";

// src/chart/go/unicode.ts
var GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
var GO_SPACE_RUN_AT_START = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;
var GO_SPACE_RUN_AT_END = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/u;
var NOT_PRINTABLE = /[^\p{L}\p{M}\p{N}\p{P}\p{S} ]/gu;
function trimGoSpace(s) {
  return s.replace(GO_SPACE_RUN_AT_START, "").replace(GO_SPACE_RUN_AT_END, "");
}
function sanitizeString(value) {
  return value.replace(NOT_PRINTABLE, (char) => GO_SPACE.test(char) ? " " : "");
}

// src/chart/version.ts
var import_semver = __toESM(require_semver(), 1);
function isStrictSemver(version) {
  const parsed = import_semver.default.parse(version);
  if (!parsed) return false;
  const canonical = parsed.version + (parsed.build.length > 0 ? `+${parsed.build.join(".")}` : "");
  return canonical === version;
}
var LOOSE_SEMVER = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;
function isHelmSemver(version) {
  const m = LOOSE_SEMVER.exec(version);
  if (!m) return false;
  const tooBig = (n) => n !== void 0 && BigInt(n) > UINT64_MAX;
  if (tooBig(m[1]) || tooBig(m[2]) || tooBig(m[3])) return false;
  return (m[4] ?? "").split(".").every((id) => !/^0\d+$/.test(id));
}
function semverHint(version) {
  const coerced = import_semver.default.coerce(version, { includePrerelease: true });
  const suggestion = coerced && coerced.version !== version ? `, e.g. ${JSON.stringify(coerced.version)}` : ', e.g. "1.2.3"';
  return `: write MAJOR.MINOR.PATCH with an optional -prerelease and +build${suggestion}; quote it in YAML if it could read as a number`;
}

// src/chart/metadata.ts
var STRING = { kind: "string" };
var STRINGS = { kind: "list", of: STRING };
var DEPENDENCY_SHAPE = {
  kind: "struct",
  fields: {
    name: STRING,
    version: STRING,
    repository: STRING,
    condition: STRING,
    tags: STRINGS,
    enabled: { kind: "bool" },
    "import-values": { kind: "list", of: { kind: "any" } },
    alias: STRING
  }
};
var METADATA_SHAPE = {
  kind: "struct",
  fields: {
    name: STRING,
    home: STRING,
    sources: STRINGS,
    version: STRING,
    description: STRING,
    keywords: STRINGS,
    maintainers: { kind: "list", of: { kind: "struct", fields: { name: STRING, email: STRING, url: STRING } } },
    icon: STRING,
    apiVersion: STRING,
    condition: STRING,
    tags: STRING,
    appVersion: STRING,
    deprecated: { kind: "bool" },
    annotations: { kind: "map", of: STRING },
    kubeVersion: STRING,
    dependencies: { kind: "list", of: DEPENDENCY_SHAPE },
    type: STRING
  }
};
function decodeMetadataYaml(text, where, into = {}) {
  const decoded = readingYaml(where, () => decodeShape(loadGoYaml(text), METADATA_SHAPE));
  return Object.assign(into, decoded ?? {});
}
function validateMetadata(raw, where, options) {
  const text = (key) => {
    const value = raw[key];
    return typeof value === "string" ? value : void 0;
  };
  const strings = (key) => Array.isArray(raw[key]) ? raw[key] : void 0;
  let apiVersion = text("apiVersion") ?? "";
  if (apiVersion === "") {
    if (options.strict) throw new ChartError(`${where}: apiVersion is missing; add "apiVersion: v2" to Chart.yaml`);
    apiVersion = "v1";
  } else if (apiVersion !== "v1" && apiVersion !== "v2") {
    throw new ChartError(`${where}: apiVersion ${JSON.stringify(apiVersion)} is not one Helm packages; use "apiVersion: v2"`);
  }
  const name2 = sanitizeString(text("name") ?? "");
  if (name2 === "") throw new ChartError(`${where}: name is missing; add "name: <chart name>" to Chart.yaml`);
  if (name2 === "." || name2 === ".." || name2.includes("/") || name2.includes("\\")) {
    throw new ChartError(`${where}: name ${JSON.stringify(name2)} is not a valid chart name; it must not be "." or ".." or contain "/" or "\\"`);
  }
  const version = text("version") ?? "";
  if (version === "") throw new ChartError(`${where}: version is missing; add "version: 0.1.0" (a SemVer 2 version) to Chart.yaml`);
  if (options.strict ? !isStrictSemver(version) : !isHelmSemver(version)) {
    throw new ChartError(`${where}: version ${JSON.stringify(version)} is not ${options.strict ? "a strict SemVer 2 version" : "a SemVer version"}${semverHint(version)}`);
  }
  const type = text("type") ?? "";
  if (type !== "" && type !== "application" && type !== "library") {
    throw new ChartError(`${where}: type ${JSON.stringify(type)} is not valid; use "application" or "library", or leave it out`);
  }
  const meta = { apiVersion, name: name2, version };
  setText(meta, "home", text("home"));
  if (strings("sources")) meta.sources = strings("sources").map(sanitizeString);
  setText(meta, "description", text("description"));
  if (strings("keywords")) meta.keywords = strings("keywords").map(sanitizeString);
  if (Array.isArray(raw.maintainers)) meta.maintainers = raw.maintainers.map((m, i2) => validateMaintainer(m, i2, where));
  setText(meta, "icon", text("icon"));
  setText(meta, "condition", text("condition"));
  setText(meta, "tags", text("tags"));
  setText(meta, "appVersion", text("appVersion"));
  if (raw.deprecated === true) meta.deprecated = true;
  if (raw.annotations instanceof Map) meta.annotations = Object.fromEntries(raw.annotations);
  setText(meta, "kubeVersion", text("kubeVersion"));
  if (Array.isArray(raw.dependencies)) meta.dependencies = validateDependencies(raw.dependencies, where);
  if (type !== "") meta.type = type;
  return meta;
}
function parseChartYaml(text, where) {
  return validateMetadata(decodeMetadataYaml(text, where), where, { strict: true });
}
function setText(meta, key, value) {
  if (value === void 0) return;
  const clean = sanitizeString(value);
  if (clean !== "") meta[key] = clean;
}
function validateMaintainer(raw, index, where) {
  if (raw === null) throw new ChartError(`${where}: maintainers[${index}] is empty; remove the empty "-" entry`);
  const m = { name: sanitizeString(typeof raw.name === "string" ? raw.name : "") };
  for (const key of ["email", "url"]) {
    const value = typeof raw[key] === "string" ? sanitizeString(raw[key]) : "";
    if (value !== "") m[key] = value;
  }
  return m;
}
var ALIAS = /^[a-zA-Z0-9_-]+$/;
function validateDependencies(list, where) {
  const seen = /* @__PURE__ */ new Set();
  return list.map((raw, index) => {
    if (raw === null) throw new ChartError(`${where}: dependencies[${index}] is empty; remove the empty "-" entry`);
    const dep = toDependency(raw, true);
    if (dep.alias !== void 0 && !ALIAS.test(dep.alias)) {
      throw new ChartError(`${where}: dependency ${JSON.stringify(dep.name)} has the alias ${JSON.stringify(dep.alias)}; an alias may only hold letters, digits, "-" and "_"`);
    }
    const key = dep.alias ?? dep.name;
    if (seen.has(key)) throw new ChartError(`${where}: more than one dependency is named or aliased ${JSON.stringify(key)}; give each a unique alias`);
    seen.add(key);
    return dep;
  });
}
function toDependency(raw, clean) {
  const s = (key) => {
    const value = typeof raw[key] === "string" ? raw[key] : "";
    return clean ? sanitizeString(value) : value;
  };
  const dep = { name: s("name") };
  if (s("version") !== "") dep.version = s("version");
  if (s("repository") !== "") dep.repository = s("repository");
  if (s("condition") !== "") dep.condition = s("condition");
  if (Array.isArray(raw.tags)) dep.tags = raw.tags.map((t) => clean ? sanitizeString(t) : t);
  if (raw.enabled === true) dep.enabled = true;
  if (Array.isArray(raw["import-values"])) dep["import-values"] = raw["import-values"].map(toPlain);
  if (typeof raw.alias === "string" && raw.alias !== "") dep.alias = raw.alias;
  return dep;
}
function withOverrides(meta, overrides) {
  const out = { ...meta };
  if (overrides.version) {
    if (!isStrictSemver(overrides.version)) {
      throw new ChartError(`chart ${meta.name}: the version override ${JSON.stringify(overrides.version)} is not a strict SemVer 2 version${semverHint(overrides.version)}`);
    }
    out.version = overrides.version;
  }
  if (overrides.appVersion) {
    const appVersion = sanitizeString(overrides.appVersion);
    if (appVersion === "") delete out.appVersion;
    else out.appVersion = appVersion;
  }
  return out;
}
function toPlain(value) {
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [k, toPlain(v)]));
  return value;
}

// src/chart/archive.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat as stat2 } from "node:fs/promises";
import { basename as basename2 } from "node:path";

// src/chart/loader.ts
import { posix } from "node:path";

// src/chart/tar-read.ts
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";

// node_modules/tar/dist/esm/parse.js
import { EventEmitter as EE } from "events";

// node_modules/minizlib/dist/esm/index.js
import assert from "assert";
import { Buffer as Buffer2 } from "buffer";

// node_modules/minipass/dist/esm/index.js
import { EventEmitter } from "node:events";
import Stream from "node:stream";
import { StringDecoder } from "node:string_decoder";
var proc = typeof process === "object" && process ? process : {
  stdout: null,
  stderr: null
};
var isStream = (s) => !!s && typeof s === "object" && (s instanceof Minipass || s instanceof Stream || isReadable(s) || isWritable(s));
var isReadable = (s) => !!s && typeof s === "object" && s instanceof EventEmitter && typeof s.pipe === "function" && // node core Writable streams have a pipe() method, but it throws
s.pipe !== Stream.Writable.prototype.pipe;
var isWritable = (s) => !!s && typeof s === "object" && s instanceof EventEmitter && typeof s.write === "function" && typeof s.end === "function";
var EOF = /* @__PURE__ */ Symbol("EOF");
var MAYBE_EMIT_END = /* @__PURE__ */ Symbol("maybeEmitEnd");
var EMITTED_END = /* @__PURE__ */ Symbol("emittedEnd");
var EMITTING_END = /* @__PURE__ */ Symbol("emittingEnd");
var EMITTED_ERROR = /* @__PURE__ */ Symbol("emittedError");
var CLOSED = /* @__PURE__ */ Symbol("closed");
var READ = /* @__PURE__ */ Symbol("read");
var FLUSH = /* @__PURE__ */ Symbol("flush");
var FLUSHCHUNK = /* @__PURE__ */ Symbol("flushChunk");
var ENCODING = /* @__PURE__ */ Symbol("encoding");
var DECODER = /* @__PURE__ */ Symbol("decoder");
var FLOWING = /* @__PURE__ */ Symbol("flowing");
var PAUSED = /* @__PURE__ */ Symbol("paused");
var RESUME = /* @__PURE__ */ Symbol("resume");
var BUFFER = /* @__PURE__ */ Symbol("buffer");
var PIPES = /* @__PURE__ */ Symbol("pipes");
var BUFFERLENGTH = /* @__PURE__ */ Symbol("bufferLength");
var BUFFERPUSH = /* @__PURE__ */ Symbol("bufferPush");
var BUFFERSHIFT = /* @__PURE__ */ Symbol("bufferShift");
var OBJECTMODE = /* @__PURE__ */ Symbol("objectMode");
var DESTROYED = /* @__PURE__ */ Symbol("destroyed");
var ERROR = /* @__PURE__ */ Symbol("error");
var EMITDATA = /* @__PURE__ */ Symbol("emitData");
var EMITEND = /* @__PURE__ */ Symbol("emitEnd");
var EMITEND2 = /* @__PURE__ */ Symbol("emitEnd2");
var ASYNC = /* @__PURE__ */ Symbol("async");
var ABORT = /* @__PURE__ */ Symbol("abort");
var ABORTED = /* @__PURE__ */ Symbol("aborted");
var SIGNAL = /* @__PURE__ */ Symbol("signal");
var DATALISTENERS = /* @__PURE__ */ Symbol("dataListeners");
var DISCARDED = /* @__PURE__ */ Symbol("discarded");
var defer = (fn) => Promise.resolve().then(fn);
var nodefer = (fn) => fn();
var isEndish = (ev) => ev === "end" || ev === "finish" || ev === "prefinish";
var isArrayBufferLike = (b) => b instanceof ArrayBuffer || !!b && typeof b === "object" && b.constructor && b.constructor.name === "ArrayBuffer" && b.byteLength >= 0;
var isArrayBufferView = (b) => !Buffer.isBuffer(b) && ArrayBuffer.isView(b);
var Pipe = class {
  src;
  dest;
  opts;
  ondrain;
  constructor(src, dest, opts) {
    this.src = src;
    this.dest = dest;
    this.opts = opts;
    this.ondrain = () => src[RESUME]();
    this.dest.on("drain", this.ondrain);
  }
  unpipe() {
    this.dest.removeListener("drain", this.ondrain);
  }
  // only here for the prototype
  /* c8 ignore start */
  proxyErrors(_er) {
  }
  /* c8 ignore stop */
  end() {
    this.unpipe();
    if (this.opts.end)
      this.dest.end();
  }
};
var PipeProxyErrors = class extends Pipe {
  unpipe() {
    this.src.removeListener("error", this.proxyErrors);
    super.unpipe();
  }
  constructor(src, dest, opts) {
    super(src, dest, opts);
    this.proxyErrors = (er) => this.dest.emit("error", er);
    src.on("error", this.proxyErrors);
  }
};
var isObjectModeOptions = (o) => !!o.objectMode;
var isEncodingOptions = (o) => !o.objectMode && !!o.encoding && o.encoding !== "buffer";
var Minipass = class extends EventEmitter {
  [FLOWING] = false;
  [PAUSED] = false;
  [PIPES] = [];
  [BUFFER] = [];
  [OBJECTMODE];
  [ENCODING];
  [ASYNC];
  [DECODER];
  [EOF] = false;
  [EMITTED_END] = false;
  [EMITTING_END] = false;
  [CLOSED] = false;
  [EMITTED_ERROR] = null;
  [BUFFERLENGTH] = 0;
  [DESTROYED] = false;
  [SIGNAL];
  [ABORTED] = false;
  [DATALISTENERS] = 0;
  [DISCARDED] = false;
  /**
   * true if the stream can be written
   */
  writable = true;
  /**
   * true if the stream can be read
   */
  readable = true;
  /**
   * If `RType` is Buffer, then options do not need to be provided.
   * Otherwise, an options object must be provided to specify either
   * {@link Minipass.SharedOptions.objectMode} or
   * {@link Minipass.SharedOptions.encoding}, as appropriate.
   */
  constructor(...args) {
    const options = args[0] || {};
    super();
    if (options.objectMode && typeof options.encoding === "string") {
      throw new TypeError("Encoding and objectMode may not be used together");
    }
    if (isObjectModeOptions(options)) {
      this[OBJECTMODE] = true;
      this[ENCODING] = null;
    } else if (isEncodingOptions(options)) {
      this[ENCODING] = options.encoding;
      this[OBJECTMODE] = false;
    } else {
      this[OBJECTMODE] = false;
      this[ENCODING] = null;
    }
    this[ASYNC] = !!options.async;
    this[DECODER] = this[ENCODING] ? new StringDecoder(this[ENCODING]) : null;
    if (options && options.debugExposeBuffer === true) {
      Object.defineProperty(this, "buffer", { get: () => this[BUFFER] });
    }
    if (options && options.debugExposePipes === true) {
      Object.defineProperty(this, "pipes", { get: () => this[PIPES] });
    }
    const { signal } = options;
    if (signal) {
      this[SIGNAL] = signal;
      if (signal.aborted) {
        this[ABORT]();
      } else {
        signal.addEventListener("abort", () => this[ABORT]());
      }
    }
  }
  /**
   * The amount of data stored in the buffer waiting to be read.
   *
   * For Buffer strings, this will be the total byte length.
   * For string encoding streams, this will be the string character length,
   * according to JavaScript's `string.length` logic.
   * For objectMode streams, this is a count of the items waiting to be
   * emitted.
   */
  get bufferLength() {
    return this[BUFFERLENGTH];
  }
  /**
   * The `BufferEncoding` currently in use, or `null`
   */
  get encoding() {
    return this[ENCODING];
  }
  /**
   * @deprecated - This is a read only property
   */
  set encoding(_enc) {
    throw new Error("Encoding must be set at instantiation time");
  }
  /**
   * @deprecated - Encoding may only be set at instantiation time
   */
  setEncoding(_enc) {
    throw new Error("Encoding must be set at instantiation time");
  }
  /**
   * True if this is an objectMode stream
   */
  get objectMode() {
    return this[OBJECTMODE];
  }
  /**
   * @deprecated - This is a read-only property
   */
  set objectMode(_om) {
    throw new Error("objectMode must be set at instantiation time");
  }
  /**
   * true if this is an async stream
   */
  get ["async"]() {
    return this[ASYNC];
  }
  /**
   * Set to true to make this stream async.
   *
   * Once set, it cannot be unset, as this would potentially cause incorrect
   * behavior.  Ie, a sync stream can be made async, but an async stream
   * cannot be safely made sync.
   */
  set ["async"](a) {
    this[ASYNC] = this[ASYNC] || !!a;
  }
  // drop everything and get out of the flow completely
  [ABORT]() {
    this[ABORTED] = true;
    this.emit("abort", this[SIGNAL]?.reason);
    this.destroy(this[SIGNAL]?.reason);
  }
  /**
   * True if the stream has been aborted.
   */
  get aborted() {
    return this[ABORTED];
  }
  /**
   * No-op setter. Stream aborted status is set via the AbortSignal provided
   * in the constructor options.
   */
  set aborted(_) {
  }
  write(chunk, encoding, cb) {
    if (this[ABORTED])
      return false;
    if (this[EOF])
      throw new Error("write after end");
    if (this[DESTROYED]) {
      this.emit("error", Object.assign(new Error("Cannot call write after a stream was destroyed"), { code: "ERR_STREAM_DESTROYED" }));
      return true;
    }
    if (typeof encoding === "function") {
      cb = encoding;
      encoding = "utf8";
    }
    if (!encoding)
      encoding = "utf8";
    const fn = this[ASYNC] ? defer : nodefer;
    if (!this[OBJECTMODE] && !Buffer.isBuffer(chunk)) {
      if (isArrayBufferView(chunk)) {
        chunk = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      } else if (isArrayBufferLike(chunk)) {
        chunk = Buffer.from(chunk);
      } else if (typeof chunk !== "string") {
        throw new Error("Non-contiguous data written to non-objectMode stream");
      }
    }
    if (this[OBJECTMODE]) {
      if (this[FLOWING] && this[BUFFERLENGTH] !== 0)
        this[FLUSH](true);
      if (this[FLOWING])
        this.emit("data", chunk);
      else
        this[BUFFERPUSH](chunk);
      if (this[BUFFERLENGTH] !== 0)
        this.emit("readable");
      if (cb)
        fn(cb);
      return this[FLOWING];
    }
    if (!chunk.length) {
      if (this[BUFFERLENGTH] !== 0)
        this.emit("readable");
      if (cb)
        fn(cb);
      return this[FLOWING];
    }
    if (typeof chunk === "string" && // unless it is a string already ready for us to use
    !(encoding === this[ENCODING] && !this[DECODER]?.lastNeed)) {
      chunk = Buffer.from(chunk, encoding);
    }
    if (Buffer.isBuffer(chunk) && this[ENCODING]) {
      chunk = this[DECODER].write(chunk);
    }
    if (this[FLOWING] && this[BUFFERLENGTH] !== 0)
      this[FLUSH](true);
    if (this[FLOWING])
      this.emit("data", chunk);
    else
      this[BUFFERPUSH](chunk);
    if (this[BUFFERLENGTH] !== 0)
      this.emit("readable");
    if (cb)
      fn(cb);
    return this[FLOWING];
  }
  /**
   * Low-level explicit read method.
   *
   * In objectMode, the argument is ignored, and one item is returned if
   * available.
   *
   * `n` is the number of bytes (or in the case of encoding streams,
   * characters) to consume. If `n` is not provided, then the entire buffer
   * is returned, or `null` is returned if no data is available.
   *
   * If `n` is greater that the amount of data in the internal buffer,
   * then `null` is returned.
   */
  read(n) {
    if (this[DESTROYED])
      return null;
    this[DISCARDED] = false;
    if (this[BUFFERLENGTH] === 0 || n === 0 || n && n > this[BUFFERLENGTH]) {
      this[MAYBE_EMIT_END]();
      return null;
    }
    if (this[OBJECTMODE])
      n = null;
    if (this[BUFFER].length > 1 && !this[OBJECTMODE]) {
      this[BUFFER] = [
        this[ENCODING] ? this[BUFFER].join("") : Buffer.concat(this[BUFFER], this[BUFFERLENGTH])
      ];
    }
    const ret = this[READ](n || null, this[BUFFER][0]);
    this[MAYBE_EMIT_END]();
    return ret;
  }
  [READ](n, chunk) {
    if (this[OBJECTMODE])
      this[BUFFERSHIFT]();
    else {
      const c = chunk;
      if (n === c.length || n === null)
        this[BUFFERSHIFT]();
      else if (typeof c === "string") {
        this[BUFFER][0] = c.slice(n);
        chunk = c.slice(0, n);
        this[BUFFERLENGTH] -= n;
      } else {
        this[BUFFER][0] = c.subarray(n);
        chunk = c.subarray(0, n);
        this[BUFFERLENGTH] -= n;
      }
    }
    this.emit("data", chunk);
    if (!this[BUFFER].length && !this[EOF])
      this.emit("drain");
    return chunk;
  }
  end(chunk, encoding, cb) {
    if (typeof chunk === "function") {
      cb = chunk;
      chunk = void 0;
    }
    if (typeof encoding === "function") {
      cb = encoding;
      encoding = "utf8";
    }
    if (chunk !== void 0)
      this.write(chunk, encoding);
    if (cb)
      this.once("end", cb);
    this[EOF] = true;
    this.writable = false;
    if (this[FLOWING] || !this[PAUSED])
      this[MAYBE_EMIT_END]();
    return this;
  }
  // don't let the internal resume be overwritten
  [RESUME]() {
    if (this[DESTROYED])
      return;
    if (!this[DATALISTENERS] && !this[PIPES].length) {
      this[DISCARDED] = true;
    }
    this[PAUSED] = false;
    this[FLOWING] = true;
    this.emit("resume");
    if (this[BUFFER].length)
      this[FLUSH]();
    else if (this[EOF])
      this[MAYBE_EMIT_END]();
    else
      this.emit("drain");
  }
  /**
   * Resume the stream if it is currently in a paused state
   *
   * If called when there are no pipe destinations or `data` event listeners,
   * this will place the stream in a "discarded" state, where all data will
   * be thrown away. The discarded state is removed if a pipe destination or
   * data handler is added, if pause() is called, or if any synchronous or
   * asynchronous iteration is started.
   */
  resume() {
    return this[RESUME]();
  }
  /**
   * Pause the stream
   */
  pause() {
    this[FLOWING] = false;
    this[PAUSED] = true;
    this[DISCARDED] = false;
  }
  /**
   * true if the stream has been forcibly destroyed
   */
  get destroyed() {
    return this[DESTROYED];
  }
  /**
   * true if the stream is currently in a flowing state, meaning that
   * any writes will be immediately emitted.
   */
  get flowing() {
    return this[FLOWING];
  }
  /**
   * true if the stream is currently in a paused state
   */
  get paused() {
    return this[PAUSED];
  }
  [BUFFERPUSH](chunk) {
    if (this[OBJECTMODE])
      this[BUFFERLENGTH] += 1;
    else
      this[BUFFERLENGTH] += chunk.length;
    this[BUFFER].push(chunk);
  }
  [BUFFERSHIFT]() {
    if (this[OBJECTMODE])
      this[BUFFERLENGTH] -= 1;
    else
      this[BUFFERLENGTH] -= this[BUFFER][0].length;
    return this[BUFFER].shift();
  }
  [FLUSH](noDrain = false) {
    do {
    } while (this[FLUSHCHUNK](this[BUFFERSHIFT]()) && this[BUFFER].length);
    if (!noDrain && !this[BUFFER].length && !this[EOF])
      this.emit("drain");
  }
  [FLUSHCHUNK](chunk) {
    this.emit("data", chunk);
    return this[FLOWING];
  }
  /**
   * Pipe all data emitted by this stream into the destination provided.
   *
   * Triggers the flow of data.
   */
  pipe(dest, opts) {
    if (this[DESTROYED])
      return dest;
    this[DISCARDED] = false;
    const ended = this[EMITTED_END];
    opts = opts || {};
    if (dest === proc.stdout || dest === proc.stderr)
      opts.end = false;
    else
      opts.end = opts.end !== false;
    opts.proxyErrors = !!opts.proxyErrors;
    if (ended) {
      if (opts.end)
        dest.end();
    } else {
      this[PIPES].push(!opts.proxyErrors ? new Pipe(this, dest, opts) : new PipeProxyErrors(this, dest, opts));
      if (this[ASYNC])
        defer(() => this[RESUME]());
      else
        this[RESUME]();
    }
    return dest;
  }
  /**
   * Fully unhook a piped destination stream.
   *
   * If the destination stream was the only consumer of this stream (ie,
   * there are no other piped destinations or `'data'` event listeners)
   * then the flow of data will stop until there is another consumer or
   * {@link Minipass#resume} is explicitly called.
   */
  unpipe(dest) {
    const p = this[PIPES].find((p2) => p2.dest === dest);
    if (p) {
      if (this[PIPES].length === 1) {
        if (this[FLOWING] && this[DATALISTENERS] === 0) {
          this[FLOWING] = false;
        }
        this[PIPES] = [];
      } else
        this[PIPES].splice(this[PIPES].indexOf(p), 1);
      p.unpipe();
    }
  }
  /**
   * Alias for {@link Minipass#on}
   */
  addListener(ev, handler) {
    return this.on(ev, handler);
  }
  /**
   * Mostly identical to `EventEmitter.on`, with the following
   * behavior differences to prevent data loss and unnecessary hangs:
   *
   * - Adding a 'data' event handler will trigger the flow of data
   *
   * - Adding a 'readable' event handler when there is data waiting to be read
   *   will cause 'readable' to be emitted immediately.
   *
   * - Adding an 'endish' event handler ('end', 'finish', etc.) which has
   *   already passed will cause the event to be emitted immediately and all
   *   handlers removed.
   *
   * - Adding an 'error' event handler after an error has been emitted will
   *   cause the event to be re-emitted immediately with the error previously
   *   raised.
   */
  on(ev, handler) {
    const ret = super.on(ev, handler);
    if (ev === "data") {
      this[DISCARDED] = false;
      this[DATALISTENERS]++;
      if (!this[PIPES].length && !this[FLOWING]) {
        this[RESUME]();
      }
    } else if (ev === "readable" && this[BUFFERLENGTH] !== 0) {
      super.emit("readable");
    } else if (isEndish(ev) && this[EMITTED_END]) {
      super.emit(ev);
      this.removeAllListeners(ev);
    } else if (ev === "error" && this[EMITTED_ERROR]) {
      const h = handler;
      if (this[ASYNC])
        defer(() => h.call(this, this[EMITTED_ERROR]));
      else
        h.call(this, this[EMITTED_ERROR]);
    }
    return ret;
  }
  /**
   * Alias for {@link Minipass#off}
   */
  removeListener(ev, handler) {
    return this.off(ev, handler);
  }
  /**
   * Mostly identical to `EventEmitter.off`
   *
   * If a 'data' event handler is removed, and it was the last consumer
   * (ie, there are no pipe destinations or other 'data' event listeners),
   * then the flow of data will stop until there is another consumer or
   * {@link Minipass#resume} is explicitly called.
   */
  off(ev, handler) {
    const ret = super.off(ev, handler);
    if (ev === "data") {
      this[DATALISTENERS] = this.listeners("data").length;
      if (this[DATALISTENERS] === 0 && !this[DISCARDED] && !this[PIPES].length) {
        this[FLOWING] = false;
      }
    }
    return ret;
  }
  /**
   * Mostly identical to `EventEmitter.removeAllListeners`
   *
   * If all 'data' event handlers are removed, and they were the last consumer
   * (ie, there are no pipe destinations), then the flow of data will stop
   * until there is another consumer or {@link Minipass#resume} is explicitly
   * called.
   */
  removeAllListeners(ev) {
    const ret = super.removeAllListeners(ev);
    if (ev === "data" || ev === void 0) {
      this[DATALISTENERS] = 0;
      if (!this[DISCARDED] && !this[PIPES].length) {
        this[FLOWING] = false;
      }
    }
    return ret;
  }
  /**
   * true if the 'end' event has been emitted
   */
  get emittedEnd() {
    return this[EMITTED_END];
  }
  [MAYBE_EMIT_END]() {
    if (!this[EMITTING_END] && !this[EMITTED_END] && !this[DESTROYED] && this[BUFFER].length === 0 && this[EOF]) {
      this[EMITTING_END] = true;
      this.emit("end");
      this.emit("prefinish");
      this.emit("finish");
      if (this[CLOSED])
        this.emit("close");
      this[EMITTING_END] = false;
    }
  }
  /**
   * Mostly identical to `EventEmitter.emit`, with the following
   * behavior differences to prevent data loss and unnecessary hangs:
   *
   * If the stream has been destroyed, and the event is something other
   * than 'close' or 'error', then `false` is returned and no handlers
   * are called.
   *
   * If the event is 'end', and has already been emitted, then the event
   * is ignored. If the stream is in a paused or non-flowing state, then
   * the event will be deferred until data flow resumes. If the stream is
   * async, then handlers will be called on the next tick rather than
   * immediately.
   *
   * If the event is 'close', and 'end' has not yet been emitted, then
   * the event will be deferred until after 'end' is emitted.
   *
   * If the event is 'error', and an AbortSignal was provided for the stream,
   * and there are no listeners, then the event is ignored, matching the
   * behavior of node core streams in the presense of an AbortSignal.
   *
   * If the event is 'finish' or 'prefinish', then all listeners will be
   * removed after emitting the event, to prevent double-firing.
   */
  emit(ev, ...args) {
    const data = args[0];
    if (ev !== "error" && ev !== "close" && ev !== DESTROYED && this[DESTROYED]) {
      return false;
    } else if (ev === "data") {
      return !this[OBJECTMODE] && !data ? false : this[ASYNC] ? (defer(() => this[EMITDATA](data)), true) : this[EMITDATA](data);
    } else if (ev === "end") {
      return this[EMITEND]();
    } else if (ev === "close") {
      this[CLOSED] = true;
      if (!this[EMITTED_END] && !this[DESTROYED])
        return false;
      const ret2 = super.emit("close");
      this.removeAllListeners("close");
      return ret2;
    } else if (ev === "error") {
      this[EMITTED_ERROR] = data;
      super.emit(ERROR, data);
      const ret2 = !this[SIGNAL] || this.listeners("error").length ? super.emit("error", data) : false;
      this[MAYBE_EMIT_END]();
      return ret2;
    } else if (ev === "resume") {
      const ret2 = super.emit("resume");
      this[MAYBE_EMIT_END]();
      return ret2;
    } else if (ev === "finish" || ev === "prefinish") {
      const ret2 = super.emit(ev);
      this.removeAllListeners(ev);
      return ret2;
    }
    const ret = super.emit(ev, ...args);
    this[MAYBE_EMIT_END]();
    return ret;
  }
  [EMITDATA](data) {
    for (const p of this[PIPES]) {
      if (p.dest.write(data) === false)
        this.pause();
    }
    const ret = this[DISCARDED] ? false : super.emit("data", data);
    this[MAYBE_EMIT_END]();
    return ret;
  }
  [EMITEND]() {
    if (this[EMITTED_END])
      return false;
    this[EMITTED_END] = true;
    this.readable = false;
    return this[ASYNC] ? (defer(() => this[EMITEND2]()), true) : this[EMITEND2]();
  }
  [EMITEND2]() {
    if (this[DECODER]) {
      const data = this[DECODER].end();
      if (data) {
        for (const p of this[PIPES]) {
          p.dest.write(data);
        }
        if (!this[DISCARDED])
          super.emit("data", data);
      }
    }
    for (const p of this[PIPES]) {
      p.end();
    }
    const ret = super.emit("end");
    this.removeAllListeners("end");
    return ret;
  }
  /**
   * Return a Promise that resolves to an array of all emitted data once
   * the stream ends.
   */
  async collect() {
    const buf = Object.assign([], {
      dataLength: 0
    });
    if (!this[OBJECTMODE])
      buf.dataLength = 0;
    const p = this.promise();
    this.on("data", (c) => {
      buf.push(c);
      if (!this[OBJECTMODE])
        buf.dataLength += c.length;
    });
    await p;
    return buf;
  }
  /**
   * Return a Promise that resolves to the concatenation of all emitted data
   * once the stream ends.
   *
   * Not allowed on objectMode streams.
   */
  async concat() {
    if (this[OBJECTMODE]) {
      throw new Error("cannot concat in objectMode");
    }
    const buf = await this.collect();
    return this[ENCODING] ? buf.join("") : Buffer.concat(buf, buf.dataLength);
  }
  /**
   * Return a void Promise that resolves once the stream ends.
   */
  async promise() {
    return new Promise((resolve, reject) => {
      this.on(DESTROYED, () => reject(new Error("stream destroyed")));
      this.on("error", (er) => reject(er));
      this.on("end", () => resolve());
    });
  }
  /**
   * Asynchronous `for await of` iteration.
   *
   * This will continue emitting all chunks until the stream terminates.
   */
  [Symbol.asyncIterator]() {
    this[DISCARDED] = false;
    let stopped = false;
    const stop = async () => {
      this.pause();
      stopped = true;
      return { value: void 0, done: true };
    };
    const next = () => {
      if (stopped)
        return stop();
      const res = this.read();
      if (res !== null)
        return Promise.resolve({ done: false, value: res });
      if (this[EOF])
        return stop();
      let resolve;
      let reject;
      const onerr = (er) => {
        this.off("data", ondata);
        this.off("end", onend);
        this.off(DESTROYED, ondestroy);
        stop();
        reject(er);
      };
      const ondata = (value) => {
        this.off("error", onerr);
        this.off("end", onend);
        this.off(DESTROYED, ondestroy);
        this.pause();
        resolve({ value, done: !!this[EOF] });
      };
      const onend = () => {
        this.off("error", onerr);
        this.off("data", ondata);
        this.off(DESTROYED, ondestroy);
        stop();
        resolve({ done: true, value: void 0 });
      };
      const ondestroy = () => onerr(new Error("stream destroyed"));
      return new Promise((res2, rej) => {
        reject = rej;
        resolve = res2;
        this.once(DESTROYED, ondestroy);
        this.once("error", onerr);
        this.once("end", onend);
        this.once("data", ondata);
      });
    };
    return {
      next,
      throw: stop,
      return: stop,
      [Symbol.asyncIterator]() {
        return this;
      },
      [Symbol.asyncDispose]: async () => {
      }
    };
  }
  /**
   * Synchronous `for of` iteration.
   *
   * The iteration will terminate when the internal buffer runs out, even
   * if the stream has not yet terminated.
   */
  [Symbol.iterator]() {
    this[DISCARDED] = false;
    let stopped = false;
    const stop = () => {
      this.pause();
      this.off(ERROR, stop);
      this.off(DESTROYED, stop);
      this.off("end", stop);
      stopped = true;
      return { done: true, value: void 0 };
    };
    const next = () => {
      if (stopped)
        return stop();
      const value = this.read();
      return value === null ? stop() : { done: false, value };
    };
    this.once("end", stop);
    this.once(ERROR, stop);
    this.once(DESTROYED, stop);
    return {
      next,
      throw: stop,
      return: stop,
      [Symbol.iterator]() {
        return this;
      },
      [Symbol.dispose]: () => {
      }
    };
  }
  /**
   * Destroy a stream, preventing it from being used for any further purpose.
   *
   * If the stream has a `close()` method, then it will be called on
   * destruction.
   *
   * After destruction, any attempt to write data, read data, or emit most
   * events will be ignored.
   *
   * If an error argument is provided, then it will be emitted in an
   * 'error' event.
   */
  destroy(er) {
    if (this[DESTROYED]) {
      if (er)
        this.emit("error", er);
      else
        this.emit(DESTROYED);
      return this;
    }
    this[DESTROYED] = true;
    this[DISCARDED] = true;
    this[BUFFER].length = 0;
    this[BUFFERLENGTH] = 0;
    const wc = this;
    if (typeof wc.close === "function" && !this[CLOSED])
      wc.close();
    if (er)
      this.emit("error", er);
    else
      this.emit(DESTROYED);
    return this;
  }
  /**
   * Alias for {@link isStream}
   *
   * Former export location, maintained for backwards compatibility.
   *
   * @deprecated
   */
  static get isStream() {
    return isStream;
  }
};

// node_modules/minizlib/dist/esm/index.js
import * as realZlib2 from "zlib";

// node_modules/minizlib/dist/esm/constants.js
import realZlib from "zlib";
var realZlibConstants = realZlib.constants || { ZLIB_VERNUM: 4736 };
var constants = Object.freeze(Object.assign(/* @__PURE__ */ Object.create(null), {
  Z_NO_FLUSH: 0,
  Z_PARTIAL_FLUSH: 1,
  Z_SYNC_FLUSH: 2,
  Z_FULL_FLUSH: 3,
  Z_FINISH: 4,
  Z_BLOCK: 5,
  Z_OK: 0,
  Z_STREAM_END: 1,
  Z_NEED_DICT: 2,
  Z_ERRNO: -1,
  Z_STREAM_ERROR: -2,
  Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4,
  Z_BUF_ERROR: -5,
  Z_VERSION_ERROR: -6,
  Z_NO_COMPRESSION: 0,
  Z_BEST_SPEED: 1,
  Z_BEST_COMPRESSION: 9,
  Z_DEFAULT_COMPRESSION: -1,
  Z_FILTERED: 1,
  Z_HUFFMAN_ONLY: 2,
  Z_RLE: 3,
  Z_FIXED: 4,
  Z_DEFAULT_STRATEGY: 0,
  DEFLATE: 1,
  INFLATE: 2,
  GZIP: 3,
  GUNZIP: 4,
  DEFLATERAW: 5,
  INFLATERAW: 6,
  UNZIP: 7,
  BROTLI_DECODE: 8,
  BROTLI_ENCODE: 9,
  Z_MIN_WINDOWBITS: 8,
  Z_MAX_WINDOWBITS: 15,
  Z_DEFAULT_WINDOWBITS: 15,
  Z_MIN_CHUNK: 64,
  Z_MAX_CHUNK: Infinity,
  Z_DEFAULT_CHUNK: 16384,
  Z_MIN_MEMLEVEL: 1,
  Z_MAX_MEMLEVEL: 9,
  Z_DEFAULT_MEMLEVEL: 8,
  Z_MIN_LEVEL: -1,
  Z_MAX_LEVEL: 9,
  Z_DEFAULT_LEVEL: -1,
  BROTLI_OPERATION_PROCESS: 0,
  BROTLI_OPERATION_FLUSH: 1,
  BROTLI_OPERATION_FINISH: 2,
  BROTLI_OPERATION_EMIT_METADATA: 3,
  BROTLI_MODE_GENERIC: 0,
  BROTLI_MODE_TEXT: 1,
  BROTLI_MODE_FONT: 2,
  BROTLI_DEFAULT_MODE: 0,
  BROTLI_MIN_QUALITY: 0,
  BROTLI_MAX_QUALITY: 11,
  BROTLI_DEFAULT_QUALITY: 11,
  BROTLI_MIN_WINDOW_BITS: 10,
  BROTLI_MAX_WINDOW_BITS: 24,
  BROTLI_LARGE_MAX_WINDOW_BITS: 30,
  BROTLI_DEFAULT_WINDOW: 22,
  BROTLI_MIN_INPUT_BLOCK_BITS: 16,
  BROTLI_MAX_INPUT_BLOCK_BITS: 24,
  BROTLI_PARAM_MODE: 0,
  BROTLI_PARAM_QUALITY: 1,
  BROTLI_PARAM_LGWIN: 2,
  BROTLI_PARAM_LGBLOCK: 3,
  BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4,
  BROTLI_PARAM_SIZE_HINT: 5,
  BROTLI_PARAM_LARGE_WINDOW: 6,
  BROTLI_PARAM_NPOSTFIX: 7,
  BROTLI_PARAM_NDIRECT: 8,
  BROTLI_DECODER_RESULT_ERROR: 0,
  BROTLI_DECODER_RESULT_SUCCESS: 1,
  BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: 2,
  BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: 3,
  BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0,
  BROTLI_DECODER_PARAM_LARGE_WINDOW: 1,
  BROTLI_DECODER_NO_ERROR: 0,
  BROTLI_DECODER_SUCCESS: 1,
  BROTLI_DECODER_NEEDS_MORE_INPUT: 2,
  BROTLI_DECODER_NEEDS_MORE_OUTPUT: 3,
  BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE: -1,
  BROTLI_DECODER_ERROR_FORMAT_RESERVED: -2,
  BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE: -3,
  BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET: -4,
  BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME: -5,
  BROTLI_DECODER_ERROR_FORMAT_CL_SPACE: -6,
  BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE: -7,
  BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT: -8,
  BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1: -9,
  BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2: -10,
  BROTLI_DECODER_ERROR_FORMAT_TRANSFORM: -11,
  BROTLI_DECODER_ERROR_FORMAT_DICTIONARY: -12,
  BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS: -13,
  BROTLI_DECODER_ERROR_FORMAT_PADDING_1: -14,
  BROTLI_DECODER_ERROR_FORMAT_PADDING_2: -15,
  BROTLI_DECODER_ERROR_FORMAT_DISTANCE: -16,
  BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET: -19,
  BROTLI_DECODER_ERROR_INVALID_ARGUMENTS: -20,
  BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES: -21,
  BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS: -22,
  BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP: -25,
  BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1: -26,
  BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2: -27,
  BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES: -30,
  BROTLI_DECODER_ERROR_UNREACHABLE: -31
}, realZlibConstants));

// node_modules/minizlib/dist/esm/index.js
var OriginalBufferConcat = Buffer2.concat;
var desc = Object.getOwnPropertyDescriptor(Buffer2, "concat");
var noop = (args) => args;
var passthroughBufferConcat = desc?.writable === true || desc?.set !== void 0 ? (makeNoOp) => {
  Buffer2.concat = makeNoOp ? noop : OriginalBufferConcat;
} : (_) => {
};
var _superWrite = /* @__PURE__ */ Symbol("_superWrite");
var ZlibError = class extends Error {
  code;
  errno;
  constructor(err2, origin) {
    super("zlib: " + err2.message, { cause: err2 });
    this.code = err2.code;
    this.errno = err2.errno;
    if (!this.code)
      this.code = "ZLIB_ERROR";
    this.message = "zlib: " + err2.message;
    Error.captureStackTrace(this, origin ?? this.constructor);
  }
  get name() {
    return "ZlibError";
  }
};
var _flushFlag = /* @__PURE__ */ Symbol("flushFlag");
var ZlibBase = class extends Minipass {
  #sawError = false;
  #ended = false;
  #flushFlag;
  #finishFlushFlag;
  #fullFlushFlag;
  #handle;
  #onError;
  get sawError() {
    return this.#sawError;
  }
  get handle() {
    return this.#handle;
  }
  /* c8 ignore start */
  get flushFlag() {
    return this.#flushFlag;
  }
  /* c8 ignore stop */
  constructor(opts, mode) {
    if (!opts || typeof opts !== "object")
      throw new TypeError("invalid options for ZlibBase constructor");
    super(opts);
    this.#flushFlag = opts.flush ?? 0;
    this.#finishFlushFlag = opts.finishFlush ?? 0;
    this.#fullFlushFlag = opts.fullFlushFlag ?? 0;
    if (typeof realZlib2[mode] !== "function") {
      throw new TypeError("Compression method not supported: " + mode);
    }
    try {
      this.#handle = new realZlib2[mode](opts);
    } catch (er) {
      throw new ZlibError(er, this.constructor);
    }
    this.#onError = (err2) => {
      if (this.#sawError)
        return;
      this.#sawError = true;
      this.close();
      this.emit("error", err2);
    };
    this.#handle?.on("error", (er) => this.#onError(new ZlibError(er)));
    this.once("end", () => this.close);
  }
  close() {
    if (this.#handle) {
      this.#handle.close();
      this.#handle = void 0;
      this.emit("close");
    }
  }
  reset() {
    if (!this.#sawError) {
      assert(this.#handle, "zlib binding closed");
      return this.#handle.reset?.();
    }
  }
  flush(flushFlag) {
    if (this.ended)
      return;
    if (typeof flushFlag !== "number")
      flushFlag = this.#fullFlushFlag;
    this.write(Object.assign(Buffer2.alloc(0), { [_flushFlag]: flushFlag }));
  }
  end(chunk, encoding, cb) {
    if (typeof chunk === "function") {
      cb = chunk;
      encoding = void 0;
      chunk = void 0;
    }
    if (typeof encoding === "function") {
      cb = encoding;
      encoding = void 0;
    }
    if (chunk) {
      if (encoding)
        this.write(chunk, encoding);
      else
        this.write(chunk);
    }
    this.flush(this.#finishFlushFlag);
    this.#ended = true;
    return super.end(cb);
  }
  get ended() {
    return this.#ended;
  }
  // overridden in the gzip classes to do portable writes
  [_superWrite](data) {
    return super.write(data);
  }
  write(chunk, encoding, cb) {
    if (typeof encoding === "function")
      cb = encoding, encoding = "utf8";
    if (typeof chunk === "string")
      chunk = Buffer2.from(chunk, encoding);
    if (this.#sawError)
      return;
    assert(this.#handle, "zlib binding closed");
    const nativeHandle = this.#handle._handle;
    const originalNativeClose = nativeHandle.close;
    nativeHandle.close = () => {
    };
    const originalClose = this.#handle.close;
    this.#handle.close = () => {
    };
    passthroughBufferConcat(true);
    let result = void 0;
    try {
      const flushFlag = typeof chunk[_flushFlag] === "number" ? chunk[_flushFlag] : this.#flushFlag;
      result = this.#handle._processChunk(chunk, flushFlag);
      passthroughBufferConcat(false);
    } catch (err2) {
      passthroughBufferConcat(false);
      this.#onError(new ZlibError(err2, this.write));
    } finally {
      if (this.#handle) {
        ;
        this.#handle._handle = nativeHandle;
        nativeHandle.close = originalNativeClose;
        this.#handle.close = originalClose;
        this.#handle.removeAllListeners("error");
      }
    }
    if (this.#handle)
      this.#handle.on("error", (er) => this.#onError(new ZlibError(er, this.write)));
    let writeReturn;
    if (result) {
      if (Array.isArray(result) && result.length > 0) {
        const r = result[0];
        writeReturn = this[_superWrite](Buffer2.from(r));
        for (let i2 = 1; i2 < result.length; i2++) {
          writeReturn = this[_superWrite](result[i2]);
        }
      } else {
        writeReturn = this[_superWrite](Buffer2.from(result));
      }
    }
    if (cb)
      cb();
    return writeReturn;
  }
};
var Zlib = class extends ZlibBase {
  #level;
  #strategy;
  constructor(opts, mode) {
    opts = opts || {};
    opts.flush = opts.flush || constants.Z_NO_FLUSH;
    opts.finishFlush = opts.finishFlush || constants.Z_FINISH;
    opts.fullFlushFlag = constants.Z_FULL_FLUSH;
    super(opts, mode);
    this.#level = opts.level;
    this.#strategy = opts.strategy;
  }
  params(level, strategy) {
    if (this.sawError)
      return;
    if (!this.handle)
      throw new Error("cannot switch params when binding is closed");
    if (!this.handle.params)
      throw new Error("not supported in this implementation");
    if (this.#level !== level || this.#strategy !== strategy) {
      this.flush(constants.Z_SYNC_FLUSH);
      assert(this.handle, "zlib binding closed");
      const origFlush = this.handle.flush;
      this.handle.flush = (flushFlag, cb) => {
        if (typeof flushFlag === "function") {
          cb = flushFlag;
          flushFlag = this.flushFlag;
        }
        this.flush(flushFlag);
        cb?.();
      };
      try {
        ;
        this.handle.params(level, strategy);
      } finally {
        this.handle.flush = origFlush;
      }
      if (this.handle) {
        this.#level = level;
        this.#strategy = strategy;
      }
    }
  }
};
var Gzip = class extends Zlib {
  #portable;
  constructor(opts) {
    super(opts, "Gzip");
    this.#portable = opts && !!opts.portable;
  }
  [_superWrite](data) {
    if (!this.#portable)
      return super[_superWrite](data);
    this.#portable = false;
    data[9] = 255;
    return super[_superWrite](data);
  }
};
var Unzip = class extends Zlib {
  constructor(opts) {
    super(opts, "Unzip");
  }
};
var Brotli = class extends ZlibBase {
  constructor(opts, mode) {
    opts = opts || {};
    opts.flush = opts.flush || constants.BROTLI_OPERATION_PROCESS;
    opts.finishFlush = opts.finishFlush || constants.BROTLI_OPERATION_FINISH;
    opts.fullFlushFlag = constants.BROTLI_OPERATION_FLUSH;
    super(opts, mode);
  }
};
var BrotliDecompress = class extends Brotli {
  constructor(opts) {
    super(opts, "BrotliDecompress");
  }
};
var Zstd = class extends ZlibBase {
  constructor(opts, mode) {
    opts = opts || {};
    opts.flush = opts.flush || constants.ZSTD_e_continue;
    opts.finishFlush = opts.finishFlush || constants.ZSTD_e_end;
    opts.fullFlushFlag = constants.ZSTD_e_flush;
    super(opts, mode);
  }
};
var ZstdDecompress = class extends Zstd {
  constructor(opts) {
    super(opts, "ZstdDecompress");
  }
};

// node_modules/tar/dist/esm/header.js
import { posix as pathModule } from "node:path";

// node_modules/tar/dist/esm/large-numbers.js
var encode = (num, buf) => {
  if (!Number.isSafeInteger(num)) {
    throw Error("cannot encode number outside of javascript safe integer range");
  } else if (num < 0) {
    encodeNegative(num, buf);
  } else {
    encodePositive(num, buf);
  }
  return buf;
};
var encodePositive = (num, buf) => {
  buf[0] = 128;
  for (var i2 = buf.length; i2 > 1; i2--) {
    buf[i2 - 1] = num & 255;
    num = Math.floor(num / 256);
  }
};
var encodeNegative = (num, buf) => {
  buf[0] = 255;
  var flipped = false;
  num = num * -1;
  for (var i2 = buf.length; i2 > 1; i2--) {
    var byte = num & 255;
    num = Math.floor(num / 256);
    if (flipped) {
      buf[i2 - 1] = onesComp(byte);
    } else if (byte === 0) {
      buf[i2 - 1] = 0;
    } else {
      flipped = true;
      buf[i2 - 1] = twosComp(byte);
    }
  }
};
var parse = (buf) => {
  const pre = buf[0];
  const value = pre === 128 ? pos(buf.subarray(1, buf.length)) : pre === 255 ? twos(buf) : null;
  if (value === null) {
    throw Error("invalid base256 encoding");
  }
  if (!Number.isSafeInteger(value)) {
    throw Error("parsed number outside of javascript safe integer range");
  }
  return value;
};
var twos = (buf) => {
  var len = buf.length;
  var sum = 0;
  var flipped = false;
  for (var i2 = len - 1; i2 > -1; i2--) {
    var byte = Number(buf[i2]);
    var f;
    if (flipped) {
      f = onesComp(byte);
    } else if (byte === 0) {
      f = byte;
    } else {
      flipped = true;
      f = twosComp(byte);
    }
    if (f !== 0) {
      sum -= f * Math.pow(256, len - i2 - 1);
    }
  }
  return sum;
};
var pos = (buf) => {
  var len = buf.length;
  var sum = 0;
  for (var i2 = len - 1; i2 > -1; i2--) {
    var byte = Number(buf[i2]);
    if (byte !== 0) {
      sum += byte * Math.pow(256, len - i2 - 1);
    }
  }
  return sum;
};
var onesComp = (byte) => (255 ^ byte) & 255;
var twosComp = (byte) => (255 ^ byte) + 1 & 255;

// node_modules/tar/dist/esm/types.js
var isCode = (c) => name.has(c);
var normalFsTypes = /* @__PURE__ */ new Set([
  "0",
  "",
  "1",
  "2",
  "3",
  "4",
  "5",
  "6",
  "7",
  "D"
]);
var name = /* @__PURE__ */ new Map([
  ["0", "File"],
  // same as File
  ["", "OldFile"],
  ["1", "Link"],
  ["2", "SymbolicLink"],
  // Devices and FIFOs aren't fully supported
  // they are parsed, but skipped when unpacking
  ["3", "CharacterDevice"],
  ["4", "BlockDevice"],
  ["5", "Directory"],
  ["6", "FIFO"],
  // same as File
  ["7", "ContiguousFile"],
  // pax headers
  ["g", "GlobalExtendedHeader"],
  ["x", "ExtendedHeader"],
  // vendor-specific stuff
  // skip
  ["A", "SolarisACL"],
  // like 5, but with data, which should be skipped
  ["D", "GNUDumpDir"],
  // metadata only, skip
  ["I", "Inode"],
  // data = link path of next file
  ["K", "NextFileHasLongLinkpath"],
  // data = path of next file
  ["L", "NextFileHasLongPath"],
  // skip
  ["M", "ContinuationFile"],
  // like L
  ["N", "OldGnuLongPath"],
  // skip
  ["S", "SparseFile"],
  // skip
  ["V", "TapeVolumeHeader"],
  // like x
  ["X", "OldExtendedHeader"]
]);
var code = new Map(Array.from(name).map((kv) => [kv[1], kv[0]]));

// node_modules/tar/dist/esm/header.js
var notNegative = (n) => n === void 0 || n < 0 ? void 0 : n;
var Header = class {
  cksumValid = false;
  needPax = false;
  nullBlock = false;
  block;
  path;
  mode;
  uid;
  gid;
  size;
  cksum;
  #type = "Unsupported";
  linkpath;
  uname;
  gname;
  devmaj = 0;
  devmin = 0;
  atime;
  ctime;
  mtime;
  charset;
  comment;
  constructor(data, off = 0, ex, gex) {
    if (Buffer.isBuffer(data)) {
      this.decode(data, off || 0, ex, gex);
    } else if (data) {
      this.#slurp(data);
    }
  }
  decode(buf, off, ex, gex) {
    if (!off) {
      off = 0;
    }
    if (!buf || !(buf.length >= off + 512)) {
      throw new Error("need 512 bytes for header");
    }
    const t = decString(buf, off + 156, 1);
    const isNormalFS = normalFsTypes.has(t);
    const exForFields = isNormalFS ? ex : void 0;
    const gexForFields = isNormalFS ? gex : void 0;
    this.path = exForFields?.path ?? decString(buf, off, 100);
    this.mode = exForFields?.mode ?? gexForFields?.mode ?? decNumber(buf, off + 100, 8);
    this.uid = exForFields?.uid ?? gexForFields?.uid ?? decNumber(buf, off + 108, 8);
    this.gid = exForFields?.gid ?? gexForFields?.gid ?? decNumber(buf, off + 116, 8);
    this.size = notNegative(exForFields?.size ?? gexForFields?.size ?? decNumber(buf, off + 124, 12));
    this.mtime = exForFields?.mtime ?? gexForFields?.mtime ?? decDate(buf, off + 136, 12);
    this.cksum = decNumber(buf, off + 148, 12);
    if (gexForFields)
      this.#slurp(gexForFields, true);
    if (exForFields)
      this.#slurp(exForFields);
    if (isCode(t)) {
      this.#type = t || "0";
    }
    if (this.#type === "0" && this.path.slice(-1) === "/") {
      this.#type = "5";
    }
    if (this.#type === "5") {
      this.size = 0;
    }
    this.linkpath = decString(buf, off + 157, 100);
    if (buf.subarray(off + 257, off + 265).toString() === "ustar\x0000") {
      this.uname = exForFields?.uname ?? gexForFields?.uname ?? decString(buf, off + 265, 32);
      this.gname = exForFields?.gname ?? gexForFields?.gname ?? decString(buf, off + 297, 32);
      this.devmaj = exForFields?.devmaj ?? gexForFields?.devmaj ?? decNumber(buf, off + 329, 8) ?? 0;
      this.devmin = exForFields?.devmin ?? gexForFields?.devmin ?? decNumber(buf, off + 337, 8) ?? 0;
      if (buf[off + 475] !== 0) {
        const prefix = decString(buf, off + 345, 155);
        this.path = prefix + "/" + this.path;
      } else {
        const prefix = decString(buf, off + 345, 130);
        if (prefix) {
          this.path = prefix + "/" + this.path;
        }
        this.atime = ex?.atime ?? gex?.atime ?? decDate(buf, off + 476, 12);
        this.ctime = ex?.ctime ?? gex?.ctime ?? decDate(buf, off + 488, 12);
      }
    }
    let sum = 8 * 32;
    for (let i2 = off; i2 < off + 148; i2++) {
      sum += buf[i2];
    }
    for (let i2 = off + 156; i2 < off + 512; i2++) {
      sum += buf[i2];
    }
    this.cksumValid = sum === this.cksum;
    if (this.cksum === void 0 && sum === 8 * 32) {
      this.nullBlock = true;
    }
  }
  #slurp(ex, gex = false) {
    Object.assign(this, Object.fromEntries(Object.entries(ex).filter(([k, v]) => {
      return !(v === null || v === void 0 || k === "size" && Number(v) < 0 || k === "path" && gex || k === "linkpath" && gex || k === "global");
    })));
  }
  encode(buf, off = 0) {
    if (!buf) {
      buf = this.block = Buffer.alloc(512);
    }
    if (this.#type === "Unsupported") {
      this.#type = "0";
    }
    if (!(buf.length >= off + 512)) {
      throw new Error("need 512 bytes for header");
    }
    const prefixSize = this.ctime || this.atime ? 130 : 155;
    const split = splitPrefix(this.path || "", prefixSize);
    const path = split[0];
    const prefix = split[1];
    this.needPax = !!split[2];
    this.needPax = encString(buf, off, 100, path) || this.needPax;
    this.needPax = encNumber(buf, off + 100, 8, this.mode) || this.needPax;
    this.needPax = encNumber(buf, off + 108, 8, this.uid) || this.needPax;
    this.needPax = encNumber(buf, off + 116, 8, this.gid) || this.needPax;
    this.needPax = encNumber(buf, off + 124, 12, this.size) || this.needPax;
    this.needPax = encDate(buf, off + 136, 12, this.mtime) || this.needPax;
    buf[off + 156] = Number(this.#type.codePointAt(0));
    this.needPax = encString(buf, off + 157, 100, this.linkpath) || this.needPax;
    buf.write("ustar\x0000", off + 257, 8);
    this.needPax = encString(buf, off + 265, 32, this.uname) || this.needPax;
    this.needPax = encString(buf, off + 297, 32, this.gname) || this.needPax;
    this.needPax = encNumber(buf, off + 329, 8, this.devmaj) || this.needPax;
    this.needPax = encNumber(buf, off + 337, 8, this.devmin) || this.needPax;
    this.needPax = encString(buf, off + 345, prefixSize, prefix) || this.needPax;
    if (buf[off + 475] !== 0) {
      this.needPax = encString(buf, off + 345, 155, prefix) || this.needPax;
    } else {
      this.needPax = encString(buf, off + 345, 130, prefix) || this.needPax;
      this.needPax = encDate(buf, off + 476, 12, this.atime) || this.needPax;
      this.needPax = encDate(buf, off + 488, 12, this.ctime) || this.needPax;
    }
    let sum = 8 * 32;
    for (let i2 = off; i2 < off + 148; i2++) {
      sum += buf[i2];
    }
    for (let i2 = off + 156; i2 < off + 512; i2++) {
      sum += buf[i2];
    }
    this.cksum = sum;
    encNumber(buf, off + 148, 8, this.cksum);
    this.cksumValid = true;
    return this.needPax;
  }
  get type() {
    return this.#type === "Unsupported" ? this.#type : name.get(this.#type);
  }
  get typeKey() {
    return this.#type;
  }
  set type(type) {
    const c = String(code.get(type));
    if (isCode(c) || c === "Unsupported") {
      this.#type = c;
    } else if (isCode(type)) {
      this.#type = type;
    } else {
      throw new TypeError("invalid entry type: " + type);
    }
  }
};
var splitPrefix = (p, prefixSize) => {
  const pathSize = 100;
  let pp = p;
  let prefix = "";
  let ret = void 0;
  const root = pathModule.parse(p).root || ".";
  if (Buffer.byteLength(pp) < pathSize) {
    ret = [pp, prefix, false];
  } else {
    prefix = pathModule.dirname(pp);
    pp = pathModule.basename(pp);
    do {
      if (Buffer.byteLength(pp) <= pathSize && Buffer.byteLength(prefix) <= prefixSize) {
        ret = [pp, prefix, false];
      } else if (Buffer.byteLength(pp) > pathSize && Buffer.byteLength(prefix) <= prefixSize) {
        ret = [pp.slice(0, pathSize - 1), prefix, true];
      } else {
        pp = pathModule.join(pathModule.basename(prefix), pp);
        prefix = pathModule.dirname(prefix);
      }
    } while (prefix !== root && ret === void 0);
    if (!ret) {
      ret = [p.slice(0, pathSize - 1), "", true];
    }
  }
  return ret;
};
var decString = (buf, off, size) => buf.subarray(off, off + size).toString("utf8").replace(/\0.*/, "");
var decDate = (buf, off, size) => numToDate(decNumber(buf, off, size));
var numToDate = (num) => num === void 0 ? void 0 : new Date(num * 1e3);
var decNumber = (buf, off, size) => Number(buf[off]) & 128 ? parse(buf.subarray(off, off + size)) : decSmallNumber(buf, off, size);
var nanUndef = (value) => isNaN(value) ? void 0 : value;
var decSmallNumber = (buf, off, size) => nanUndef(parseInt(buf.subarray(off, off + size).toString("utf8").replace(/\0.*$/, "").trim(), 8));
var MAXNUM = {
  12: 8589934591,
  8: 2097151
};
var encNumber = (buf, off, size, num) => num === void 0 ? false : num > MAXNUM[size] || num < 0 ? (encode(num, buf.subarray(off, off + size)), true) : (encSmallNumber(buf, off, size, num), false);
var encSmallNumber = (buf, off, size, num) => buf.write(octalString(num, size), off, size, "ascii");
var octalString = (num, size) => padOctal(Math.floor(num).toString(8), size);
var padOctal = (str, size) => (str.length === size - 1 ? str : new Array(size - str.length - 1).join("0") + str + " ") + "\0";
var encDate = (buf, off, size, date) => date === void 0 ? false : encNumber(buf, off, size, date.getTime() / 1e3);
var NULLS = new Array(156).join("\0");
var encString = (buf, off, size, str) => str === void 0 ? false : (buf.write(str + NULLS, off, size, "utf8"), str.length !== Buffer.byteLength(str) || str.length > size);

// node_modules/tar/dist/esm/pax.js
import { basename } from "node:path";
var Pax = class _Pax {
  atime;
  mtime;
  ctime;
  charset;
  comment;
  gid;
  uid;
  gname;
  uname;
  linkpath;
  dev;
  ino;
  nlink;
  path;
  size;
  mode;
  global;
  constructor(obj, global = false) {
    this.atime = obj.atime;
    this.charset = obj.charset;
    this.comment = obj.comment;
    this.ctime = obj.ctime;
    this.dev = obj.dev;
    this.gid = obj.gid;
    this.global = global;
    this.gname = obj.gname;
    this.ino = obj.ino;
    this.linkpath = obj.linkpath;
    this.mtime = obj.mtime;
    this.nlink = obj.nlink;
    this.path = obj.path;
    this.size = obj.size;
    this.uid = obj.uid;
    this.uname = obj.uname;
  }
  encode() {
    const body = this.encodeBody();
    if (body === "") {
      return Buffer.allocUnsafe(0);
    }
    const bodyLen = Buffer.byteLength(body);
    const bufLen = 512 * Math.ceil(1 + bodyLen / 512);
    const buf = Buffer.allocUnsafe(bufLen);
    for (let i2 = 0; i2 < 512; i2++) {
      buf[i2] = 0;
    }
    new Header({
      // XXX split the path
      // then the path should be PaxHeader + basename, but less than 99,
      // prepend with the dirname
      /* c8 ignore start */
      path: ("PaxHeader/" + basename(this.path ?? "")).slice(0, 99),
      /* c8 ignore stop */
      mode: this.mode || 420,
      uid: this.uid,
      gid: this.gid,
      size: bodyLen,
      mtime: this.mtime,
      type: this.global ? "GlobalExtendedHeader" : "ExtendedHeader",
      linkpath: "",
      uname: this.uname || "",
      gname: this.gname || "",
      devmaj: 0,
      devmin: 0,
      atime: this.atime,
      ctime: this.ctime
    }).encode(buf);
    buf.write(body, 512, bodyLen, "utf8");
    for (let i2 = bodyLen + 512; i2 < buf.length; i2++) {
      buf[i2] = 0;
    }
    return buf;
  }
  encodeBody() {
    return this.encodeField("path") + this.encodeField("ctime") + this.encodeField("atime") + this.encodeField("dev") + this.encodeField("ino") + this.encodeField("nlink") + this.encodeField("charset") + this.encodeField("comment") + this.encodeField("gid") + this.encodeField("gname") + this.encodeField("linkpath") + this.encodeField("mtime") + this.encodeField("size") + this.encodeField("uid") + this.encodeField("uname");
  }
  encodeField(field) {
    if (this[field] === void 0) {
      return "";
    }
    const r = this[field];
    const v = r instanceof Date ? r.getTime() / 1e3 : r;
    const s = " " + (field === "dev" || field === "ino" || field === "nlink" ? "SCHILY." : "") + field + "=" + v + "\n";
    const byteLen = Buffer.byteLength(s);
    let digits = Math.floor(Math.log(byteLen) / Math.log(10)) + 1;
    if (byteLen + digits >= Math.pow(10, digits)) {
      digits += 1;
    }
    const len = digits + byteLen;
    return len + s;
  }
  static parse(str, ex, g = false) {
    return new _Pax(merge(parseKV(str), ex), g);
  }
};
var merge = (a, b) => b ? Object.assign({}, b, a) : a;
var parseKV = (str) => str.replace(/\n$/, "").split("\n").reduce(parseKVLine, /* @__PURE__ */ Object.create(null));
var parseKVLine = (set, line) => {
  const n = parseInt(line, 10);
  if (n !== Buffer.byteLength(line) + 1) {
    return set;
  }
  line = line.slice((n + " ").length);
  const kv = line.split("=");
  const r = kv.shift();
  if (!r) {
    return set;
  }
  const k = r.replace(/^SCHILY\.(dev|ino|nlink)/, "$1");
  const v = kv.join("=").replace(/\0.*/, "");
  switch (k) {
    case "path":
    case "linkpath":
    case "type":
    case "charset":
    case "comment":
    case "gname":
    case "uname":
      set[k] = v;
      break;
    case "ctime":
    case "atime":
    case "mtime":
      set[k] = new Date(Number(v) * 1e3);
      break;
    case "size":
      const s = +v;
      if (s >= 0)
        set[k] = s;
      break;
    case "gid":
    case "uid":
    case "dev":
    case "ino":
    case "nlink":
    case "mode":
      set[k] = +v;
      break;
  }
  return set;
};

// node_modules/tar/dist/esm/normalize-windows-path.js
var platform = process.env.TESTING_TAR_FAKE_PLATFORM || process.platform;
var normalizeWindowsPath = platform !== "win32" ? (p) => String(p) : (p) => String(p).replaceAll(/\\/g, "/");

// node_modules/tar/dist/esm/read-entry.js
var ReadEntry = class extends Minipass {
  extended;
  globalExtended;
  header;
  startBlockSize;
  blockRemain;
  remain;
  type;
  meta = false;
  ignore = false;
  path;
  mode;
  uid;
  gid;
  uname;
  gname;
  size = 0;
  mtime;
  atime;
  ctime;
  linkpath;
  dev;
  ino;
  nlink;
  invalid = false;
  absolute;
  unsupported = false;
  constructor(header, ex, gex) {
    super({});
    this.pause();
    this.extended = ex;
    this.globalExtended = gex;
    this.header = header;
    this.remain = header.size ?? 0;
    this.startBlockSize = 512 * Math.ceil(this.remain / 512);
    this.blockRemain = this.startBlockSize;
    this.type = header.type;
    switch (this.type) {
      case "File":
      case "OldFile":
      case "Link":
      case "SymbolicLink":
      case "CharacterDevice":
      case "BlockDevice":
      case "Directory":
      case "FIFO":
      case "ContiguousFile":
      case "GNUDumpDir":
        break;
      case "NextFileHasLongLinkpath":
      case "NextFileHasLongPath":
      case "OldGnuLongPath":
      case "GlobalExtendedHeader":
      case "ExtendedHeader":
      case "OldExtendedHeader":
        this.meta = true;
        break;
      // NOTE: gnutar and bsdtar treat unrecognized types as 'File'
      // it may be worth doing the same, but with a warning.
      default:
        this.ignore = true;
    }
    if (!header.path) {
      throw new Error("no path provided for tar.ReadEntry");
    }
    this.path = normalizeWindowsPath(header.path);
    this.mode = header.mode;
    if (this.mode) {
      this.mode = this.mode & 4095;
    }
    this.uid = header.uid;
    this.gid = header.gid;
    this.uname = header.uname;
    this.gname = header.gname;
    this.size = this.remain;
    this.mtime = header.mtime;
    this.atime = header.atime;
    this.ctime = header.ctime;
    this.linkpath = header.linkpath ? normalizeWindowsPath(header.linkpath) : void 0;
    this.uname = header.uname;
    this.gname = header.gname;
    if (ex) {
      this.#slurp(ex);
    }
    if (gex) {
      this.#slurp(gex, true);
    }
  }
  write(data) {
    const writeLen = data.length;
    if (writeLen > this.blockRemain) {
      throw new Error("writing more to entry than is appropriate");
    }
    const r = this.remain;
    const br = this.blockRemain;
    this.remain = Math.max(0, r - writeLen);
    this.blockRemain = Math.max(0, br - writeLen);
    if (this.ignore) {
      return true;
    }
    if (r >= writeLen) {
      return super.write(data);
    }
    return super.write(data.subarray(0, r));
  }
  #slurp(ex, gex = false) {
    if (ex.path)
      ex.path = normalizeWindowsPath(ex.path);
    if (ex.linkpath)
      ex.linkpath = normalizeWindowsPath(ex.linkpath);
    Object.assign(this, Object.fromEntries(Object.entries(ex).filter(([k, v]) => {
      return !(v === null || v === void 0 || k === "path" && gex);
    })));
  }
};

// node_modules/tar/dist/esm/warn-method.js
var warnMethod = (self, code2, message, data = {}) => {
  if (self.file) {
    data.file = self.file;
  }
  if (self.cwd) {
    data.cwd = self.cwd;
  }
  data.code = message instanceof Error && message.code || code2;
  data.tarCode = code2;
  if (!self.strict && data.recoverable !== false) {
    if (message instanceof Error) {
      data = Object.assign(message, data);
      message = message.message;
    }
    self.emit("warn", code2, message, data);
  } else if (message instanceof Error) {
    self.emit("error", Object.assign(message, data));
  } else {
    self.emit("error", Object.assign(new Error(`${code2}: ${message}`), data));
  }
};

// node_modules/tar/dist/esm/parse.js
var maxMetaEntrySize = 1024 * 1024;
var gzipHeader = Buffer.from([31, 139]);
var zstdHeader = Buffer.from([40, 181, 47, 253]);
var ZIP_HEADER_LEN = Math.max(gzipHeader.length, zstdHeader.length);
var STATE = /* @__PURE__ */ Symbol("state");
var WRITEENTRY = /* @__PURE__ */ Symbol("writeEntry");
var READENTRY = /* @__PURE__ */ Symbol("readEntry");
var NEXTENTRY = /* @__PURE__ */ Symbol("nextEntry");
var PROCESSENTRY = /* @__PURE__ */ Symbol("processEntry");
var EX = /* @__PURE__ */ Symbol("extendedHeader");
var GEX = /* @__PURE__ */ Symbol("globalExtendedHeader");
var META = /* @__PURE__ */ Symbol("meta");
var EMITMETA = /* @__PURE__ */ Symbol("emitMeta");
var BUFFER2 = /* @__PURE__ */ Symbol("buffer");
var QUEUE = /* @__PURE__ */ Symbol("queue");
var ENDED = /* @__PURE__ */ Symbol("ended");
var EMITTEDEND = /* @__PURE__ */ Symbol("emittedEnd");
var EMIT = /* @__PURE__ */ Symbol("emit");
var UNZIP = /* @__PURE__ */ Symbol("unzip");
var CONSUMECHUNK = /* @__PURE__ */ Symbol("consumeChunk");
var CONSUMECHUNKSUB = /* @__PURE__ */ Symbol("consumeChunkSub");
var CONSUMEBODY = /* @__PURE__ */ Symbol("consumeBody");
var CONSUMEMETA = /* @__PURE__ */ Symbol("consumeMeta");
var CONSUMEHEADER = /* @__PURE__ */ Symbol("consumeHeader");
var CONSUMING = /* @__PURE__ */ Symbol("consuming");
var BUFFERCONCAT = /* @__PURE__ */ Symbol("bufferConcat");
var MAYBEEND = /* @__PURE__ */ Symbol("maybeEnd");
var WRITING = /* @__PURE__ */ Symbol("writing");
var ABORTED2 = /* @__PURE__ */ Symbol("aborted");
var DONE = /* @__PURE__ */ Symbol("onDone");
var SAW_VALID_ENTRY = /* @__PURE__ */ Symbol("sawValidEntry");
var SAW_NULL_BLOCK = /* @__PURE__ */ Symbol("sawNullBlock");
var SAW_EOF = /* @__PURE__ */ Symbol("sawEOF");
var CLOSESTREAM = /* @__PURE__ */ Symbol("closeStream");
var MAX_DECOMPRESSION_RATIO = 1e3;
var COMPRESSEDBYTESREAD = /* @__PURE__ */ Symbol("compressedBytesRead");
var DECOMPRESSEDBYTESREAD = /* @__PURE__ */ Symbol("decompressedBytesRead");
var CHECKDECOMPRESSIONRATIO = /* @__PURE__ */ Symbol("checkDecompressionRatio");
var noop2 = () => true;
var Parser = class extends EE {
  file;
  strict;
  maxMetaEntrySize;
  filter;
  brotli;
  zstd;
  maxDecompressionRatio;
  writable = true;
  readable = false;
  [QUEUE] = [];
  [BUFFER2];
  [READENTRY];
  [WRITEENTRY];
  [STATE] = "begin";
  [META] = "";
  [EX];
  [GEX];
  [ENDED] = false;
  [UNZIP];
  [ABORTED2] = false;
  [SAW_VALID_ENTRY];
  [SAW_NULL_BLOCK] = false;
  [SAW_EOF] = false;
  [WRITING] = false;
  [CONSUMING] = false;
  [EMITTEDEND] = false;
  [COMPRESSEDBYTESREAD] = 0;
  [DECOMPRESSEDBYTESREAD] = 0;
  constructor(opt = {}) {
    super();
    this.file = opt.file || "";
    this.on(DONE, () => {
      if (this[STATE] === "begin" || this[SAW_VALID_ENTRY] === false) {
        this.warn("TAR_BAD_ARCHIVE", "Unrecognized archive format");
      }
    });
    if (opt.ondone) {
      this.on(DONE, opt.ondone);
    } else {
      this.on(DONE, () => {
        this.emit("prefinish");
        this.emit("finish");
        this.emit("end");
      });
    }
    this.strict = !!opt.strict;
    this.maxDecompressionRatio = typeof opt.maxDecompressionRatio === "number" ? opt.maxDecompressionRatio : MAX_DECOMPRESSION_RATIO;
    this.maxMetaEntrySize = opt.maxMetaEntrySize || maxMetaEntrySize;
    this.filter = typeof opt.filter === "function" ? opt.filter : noop2;
    const isTBR = opt.file && (opt.file.endsWith(".tar.br") || opt.file.endsWith(".tbr"));
    this.brotli = !(opt.gzip || opt.zstd) && opt.brotli !== void 0 ? opt.brotli : isTBR ? void 0 : false;
    const isTZST = opt.file && (opt.file.endsWith(".tar.zst") || opt.file.endsWith(".tzst"));
    this.zstd = !(opt.gzip || opt.brotli) && opt.zstd !== void 0 ? opt.zstd : isTZST ? true : void 0;
    this.on("end", () => this[CLOSESTREAM]());
    if (typeof opt.onwarn === "function") {
      this.on("warn", opt.onwarn);
    }
    if (typeof opt.onReadEntry === "function") {
      this.on("entry", opt.onReadEntry);
    }
  }
  warn(code2, message, data = {}) {
    warnMethod(this, code2, message, data);
  }
  [CONSUMEHEADER](chunk, position) {
    if (this[SAW_VALID_ENTRY] === void 0) {
      this[SAW_VALID_ENTRY] = false;
    }
    let header;
    try {
      header = new Header(chunk, position, this[EX], this[GEX]);
    } catch (er) {
      return this.warn("TAR_ENTRY_INVALID", er);
    }
    if (header.nullBlock) {
      if (this[SAW_NULL_BLOCK]) {
        this[SAW_EOF] = true;
        if (this[STATE] === "begin") {
          this[STATE] = "header";
        }
        this[EMIT]("eof");
      } else {
        this[SAW_NULL_BLOCK] = true;
        this[EMIT]("nullBlock");
      }
    } else {
      this[SAW_NULL_BLOCK] = false;
      if (!header.cksumValid) {
        this.warn("TAR_ENTRY_INVALID", "checksum failure", { header });
      } else if (!header.path) {
        this.warn("TAR_ENTRY_INVALID", "path is required", { header });
      } else {
        const type = header.type;
        if (/^(Symbolic)?Link$/.test(type) && !header.linkpath) {
          this.warn("TAR_ENTRY_INVALID", "linkpath required", {
            header
          });
        } else if (!/^(Symbolic)?Link$/.test(type) && !/^(Global)?ExtendedHeader$/.test(type) && header.linkpath) {
          this.warn("TAR_ENTRY_INVALID", "linkpath forbidden", {
            header
          });
        } else {
          const entry = this[WRITEENTRY] = new ReadEntry(header, this[EX], this[GEX]);
          if (!this[SAW_VALID_ENTRY]) {
            if (entry.remain) {
              const onend = () => {
                if (!entry.invalid) {
                  this[SAW_VALID_ENTRY] = true;
                }
              };
              entry.on("end", onend);
            } else {
              this[SAW_VALID_ENTRY] = true;
            }
          }
          if (entry.meta) {
            if (entry.size > this.maxMetaEntrySize) {
              entry.ignore = true;
              this[EMIT]("ignoredEntry", entry);
              this[STATE] = "ignore";
              entry.resume();
            } else if (entry.size > 0) {
              this[META] = "";
              entry.on("data", (c) => this[META] += c);
              this[STATE] = "meta";
            }
          } else {
            this[EX] = void 0;
            entry.ignore = entry.ignore || !this.filter(entry.path, entry);
            if (entry.ignore) {
              this[EMIT]("ignoredEntry", entry);
              this[STATE] = entry.remain ? "ignore" : "header";
              entry.resume();
            } else {
              if (entry.remain) {
                this[STATE] = "body";
              } else {
                this[STATE] = "header";
                entry.end();
              }
              if (!this[READENTRY]) {
                this[QUEUE].push(entry);
                this[NEXTENTRY]();
              } else {
                this[QUEUE].push(entry);
              }
            }
          }
        }
      }
    }
  }
  [CLOSESTREAM]() {
    queueMicrotask(() => this.emit("close"));
  }
  [PROCESSENTRY](entry) {
    let go = true;
    if (!entry) {
      this[READENTRY] = void 0;
      go = false;
    } else if (Array.isArray(entry)) {
      const [ev, ...args] = entry;
      this.emit(ev, ...args);
    } else {
      this[READENTRY] = entry;
      this.emit("entry", entry);
      if (!entry.emittedEnd) {
        entry.on("end", () => this[NEXTENTRY]());
        go = false;
      }
    }
    return go;
  }
  [NEXTENTRY]() {
    do {
    } while (this[PROCESSENTRY](this[QUEUE].shift()));
    if (this[QUEUE].length === 0) {
      const re = this[READENTRY];
      const drainNow = !re || re.flowing || re.size === re.remain;
      if (drainNow) {
        if (!this[WRITING]) {
          this.emit("drain");
        }
      } else {
        re.once("drain", () => this.emit("drain"));
      }
    }
  }
  [CONSUMEBODY](chunk, position) {
    const entry = this[WRITEENTRY];
    if (!entry) {
      throw new Error("attempt to consume body without entry??");
    }
    const br = entry.blockRemain ?? 0;
    const c = br >= chunk.length && position === 0 ? chunk : chunk.subarray(position, position + br);
    entry.write(c);
    if (!entry.blockRemain) {
      this[STATE] = "header";
      this[WRITEENTRY] = void 0;
      entry.end();
    }
    return c.length;
  }
  [CONSUMEMETA](chunk, position) {
    const entry = this[WRITEENTRY];
    const ret = this[CONSUMEBODY](chunk, position);
    if (!this[WRITEENTRY] && entry) {
      this[EMITMETA](entry);
    }
    return ret;
  }
  [EMIT](ev, data, extra) {
    if (this[QUEUE].length === 0 && !this[READENTRY]) {
      this.emit(ev, data, extra);
    } else {
      this[QUEUE].push([ev, data, extra]);
    }
  }
  [EMITMETA](entry) {
    this[EMIT]("meta", this[META]);
    switch (entry.type) {
      case "ExtendedHeader":
      case "OldExtendedHeader":
        this[EX] = Pax.parse(this[META], this[EX], false);
        break;
      case "GlobalExtendedHeader":
        this[GEX] = Pax.parse(this[META], this[GEX], true);
        break;
      case "NextFileHasLongPath":
      case "OldGnuLongPath": {
        const ex = this[EX] ?? /* @__PURE__ */ Object.create(null);
        this[EX] = ex;
        ex.path = this[META].replace(/\0.*/, "");
        break;
      }
      case "NextFileHasLongLinkpath": {
        const ex = this[EX] || /* @__PURE__ */ Object.create(null);
        this[EX] = ex;
        ex.linkpath = this[META].replace(/\0.*/, "");
        break;
      }
      /* c8 ignore start */
      default:
        throw new Error("unknown meta: " + entry.type);
    }
  }
  abort(error) {
    if (this[ABORTED2]) {
      return;
    }
    if (this[UNZIP]) {
      const u = this[UNZIP];
      u.write = () => true;
      u.end = () => u;
      u.emit = () => false;
      u.destroy?.();
    }
    this[ABORTED2] = true;
    this.emit("abort", error);
    this.warn("TAR_ABORT", error, { recoverable: false });
  }
  [CHECKDECOMPRESSIONRATIO](chunk) {
    this[DECOMPRESSEDBYTESREAD] += chunk.length;
    const ratio = this[DECOMPRESSEDBYTESREAD] / this[COMPRESSEDBYTESREAD];
    if (ratio > this.maxDecompressionRatio) {
      this.abort(new Error(`max decompression ratio exceeded: ${ratio.toFixed(2)} > ${this.maxDecompressionRatio}`));
      return false;
    }
    return true;
  }
  write(chunk, encoding, cb) {
    if (typeof encoding === "function") {
      cb = encoding;
      encoding = void 0;
    }
    if (typeof chunk === "string") {
      chunk = Buffer.from(
        chunk,
        /* c8 ignore next */
        typeof encoding === "string" ? encoding : "utf8"
      );
    }
    if (this[ABORTED2]) {
      cb?.();
      return false;
    }
    const needSniff = this[UNZIP] === void 0 || this.brotli === void 0 && this[UNZIP] === false;
    if (needSniff && chunk) {
      if (this[BUFFER2]) {
        chunk = Buffer.concat([this[BUFFER2], chunk]);
        this[BUFFER2] = void 0;
      }
      if (chunk.length < ZIP_HEADER_LEN) {
        this[BUFFER2] = chunk;
        cb?.();
        return true;
      }
      for (let i2 = 0; this[UNZIP] === void 0 && i2 < gzipHeader.length; i2++) {
        if (chunk[i2] !== gzipHeader[i2]) {
          this[UNZIP] = false;
        }
      }
      let isZstd = false;
      if (this[UNZIP] === false && this.zstd !== false) {
        isZstd = true;
        for (let i2 = 0; i2 < zstdHeader.length; i2++) {
          if (chunk[i2] !== zstdHeader[i2]) {
            isZstd = false;
            break;
          }
        }
      }
      const maybeBrotli = this.brotli === void 0 && !isZstd;
      if (this[UNZIP] === false && maybeBrotli) {
        if (chunk.length < 512) {
          if (this[ENDED]) {
            this.brotli = true;
          } else {
            this[BUFFER2] = chunk;
            cb?.();
            return true;
          }
        } else {
          try {
            new Header(chunk.subarray(0, 512));
            this.brotli = false;
          } catch (_) {
            this.brotli = true;
          }
        }
      }
      if (this[UNZIP] === void 0 || this[UNZIP] === false && (this.brotli || isZstd)) {
        const ended = this[ENDED];
        this[ENDED] = false;
        this[UNZIP] = this[UNZIP] === void 0 ? new Unzip({}) : isZstd ? new ZstdDecompress({}) : new BrotliDecompress({});
        this[UNZIP].on("data", (chunk2) => {
          if (this[CHECKDECOMPRESSIONRATIO](chunk2)) {
            this[CONSUMECHUNK](chunk2);
          }
        });
        this[UNZIP].on("error", (er) => {
          if (!this[ABORTED2]) {
            this.abort(er);
          }
        });
        this[UNZIP].on("end", () => {
          this[ENDED] = true;
          this[CONSUMECHUNK]();
        });
        this[WRITING] = true;
        this[COMPRESSEDBYTESREAD] += chunk.length;
        const ret2 = !!this[UNZIP][ended ? "end" : "write"](chunk);
        this[WRITING] = false;
        cb?.();
        return ret2;
      }
    }
    this[WRITING] = true;
    if (this[UNZIP]) {
      this[COMPRESSEDBYTESREAD] += chunk.length;
      this[UNZIP].write(chunk);
    } else {
      this[CONSUMECHUNK](chunk);
    }
    this[WRITING] = false;
    const ret = this[QUEUE].length > 0 ? false : this[READENTRY] ? this[READENTRY].flowing : true;
    if (!ret && this[QUEUE].length === 0) {
      this[READENTRY]?.once("drain", () => this.emit("drain"));
    }
    cb?.();
    return ret;
  }
  [BUFFERCONCAT](c) {
    if (c && !this[ABORTED2]) {
      this[BUFFER2] = this[BUFFER2] ? Buffer.concat([this[BUFFER2], c]) : c;
    }
  }
  [MAYBEEND]() {
    if (this[ENDED] && !this[EMITTEDEND] && !this[ABORTED2] && !this[CONSUMING]) {
      this[EMITTEDEND] = true;
      const entry = this[WRITEENTRY];
      if (entry?.blockRemain) {
        const have = this[BUFFER2] ? this[BUFFER2].length : 0;
        this.warn("TAR_BAD_ARCHIVE", `Truncated input (needed ${entry.blockRemain} more bytes, only ${have} available)`, { entry });
        if (this[BUFFER2]) {
          entry.write(this[BUFFER2]);
        }
        entry.end();
      }
      this[EMIT](DONE);
    }
  }
  [CONSUMECHUNK](chunk) {
    if (this[CONSUMING] && chunk) {
      this[BUFFERCONCAT](chunk);
    } else if (!chunk && !this[BUFFER2]) {
      this[MAYBEEND]();
    } else if (chunk) {
      this[CONSUMING] = true;
      if (this[BUFFER2]) {
        this[BUFFERCONCAT](chunk);
        const c = this[BUFFER2];
        this[BUFFER2] = void 0;
        this[CONSUMECHUNKSUB](c);
      } else {
        this[CONSUMECHUNKSUB](chunk);
      }
      while (this[BUFFER2] && this[BUFFER2]?.length >= 512 && !this[ABORTED2] && !this[SAW_EOF]) {
        const c = this[BUFFER2];
        this[BUFFER2] = void 0;
        this[CONSUMECHUNKSUB](c);
      }
      this[CONSUMING] = false;
    }
    if (!this[BUFFER2] || this[ENDED]) {
      this[MAYBEEND]();
    }
  }
  [CONSUMECHUNKSUB](chunk) {
    let position = 0;
    const length = chunk.length;
    while (position + 512 <= length && !this[ABORTED2] && !this[SAW_EOF]) {
      switch (this[STATE]) {
        case "begin":
        case "header":
          this[CONSUMEHEADER](chunk, position);
          position += 512;
          break;
        case "ignore":
        case "body":
          position += this[CONSUMEBODY](chunk, position);
          break;
        case "meta":
          position += this[CONSUMEMETA](chunk, position);
          break;
        /* c8 ignore start */
        default:
          throw new Error("invalid state: " + this[STATE]);
      }
    }
    if (position < length) {
      this[BUFFER2] = this[BUFFER2] ? Buffer.concat([chunk.subarray(position), this[BUFFER2]]) : chunk.subarray(position);
    }
  }
  end(chunk, encoding, cb) {
    if (typeof chunk === "function") {
      cb = chunk;
      encoding = void 0;
      chunk = void 0;
    }
    if (typeof encoding === "function") {
      cb = encoding;
      encoding = void 0;
    }
    if (typeof chunk === "string") {
      chunk = Buffer.from(chunk, encoding);
    }
    if (cb)
      this.once("finish", cb);
    if (!this[ABORTED2]) {
      if (this[UNZIP]) {
        if (chunk) {
          this[COMPRESSEDBYTESREAD] += chunk.length;
          this[UNZIP].write(chunk);
        }
        this[UNZIP].end();
      } else {
        this[ENDED] = true;
        if (this.brotli === void 0 || this.zstd === void 0)
          chunk = chunk || Buffer.alloc(0);
        if (chunk)
          this.write(chunk);
        this[MAYBEEND]();
      }
    }
    return this;
  }
};

// src/chart/tar-read.ts
var TarFormatError = class extends Error {
  name = "TarFormatError";
};
function isDirectoryEntry(entry) {
  return entry.type === "Directory" || (entry.mode & 61440) === 16384;
}
var TarReader = class {
  parser;
  failure;
  entries = 0;
  /** The end-of-archive blocks were read: what follows is not looked at (node-tar would gather it). */
  ended = false;
  constructor(onEntry) {
    this.parser = new Parser({
      strict: true,
      brotli: false,
      zstd: false,
      maxMetaEntrySize: MAX_TAR_META_BYTES,
      onReadEntry: (entry) => {
        try {
          if (++this.entries > MAX_ARCHIVE_ENTRIES) throw new TarFormatError(`it holds more than ${MAX_ARCHIVE_ENTRIES} entries`);
          const sink = onEntry({ path: entry.path, type: entry.type, mode: entry.header.mode ?? 0, size: entry.size, linkpath: entry.linkpath });
          if (sink) entry.on("data", sink);
          else entry.resume();
        } catch (error) {
          this.fail(error);
          entry.resume();
        }
      }
    });
    this.parser.on("error", (error) => this.fail(parserError(error)));
    this.parser.on("eof", () => {
      this.ended = true;
    });
    this.parser.on("ignoredEntry", (entry) => {
      this.fail(
        entry.meta ? new TarFormatError(`it has an extended header of ${entry.size} bytes, more than the ${MAX_TAR_META_BYTES} allowed`) : new TarFormatError(`${entry.path} has the tar entry type ${JSON.stringify(entry.type)}, which no chart holds`)
      );
    });
  }
  push(chunk) {
    if (this.ended) return;
    this.parser.write(chunk);
    this.check();
  }
  /** Call when the input is over: an entry cut short is an error. */
  end() {
    this.parser.end();
    this.check();
  }
  fail(error) {
    this.failure ??= error instanceof Error ? error : new Error("reading the archive failed", { cause: error });
  }
  check() {
    if (this.failure !== void 0) throw this.failure;
  }
};
function parserError(error) {
  if (/Truncated input/.test(error.message)) return new TarFormatError(`it is truncated (${error.entry?.path ?? "an entry"} ends past the end of the archive)`);
  if (error.tarCode === "TAR_ENTRY_INVALID" || error.tarCode === "TAR_BAD_ARCHIVE") {
    return new TarFormatError(`it is not a tar archive (${error.message.replace(/^TAR_[A-Z_]+: /, "")})`);
  }
  return new TarFormatError(error.message);
}
async function scanTarGz(source, reader) {
  let total = 0;
  let readError2;
  const feed = async (tar) => {
    try {
      for await (const chunk of tar) {
        total += chunk.length;
        if (total > MAX_INFLATED_BYTES) throw new TarFormatError(`it inflates to more than ${MAX_INFLATED_BYTES} bytes`);
        reader.push(chunk);
      }
      reader.end();
    } catch (error) {
      readError2 = error;
      throw error;
    }
  };
  try {
    await pipeline(gzipOnly(Buffer.isBuffer(source) ? [source] : source), createGunzip(), feed);
  } catch (error) {
    if (error === readError2 || error instanceof TarFormatError) throw error;
    if (isZlibError(error)) throw new TarFormatError(`its gzip data is damaged (${error.message})`);
    throw error;
  }
}
async function* gzipOnly(source) {
  let head = Buffer.alloc(0);
  for await (const chunk of source) {
    if (!head) {
      yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      continue;
    }
    head = Buffer.concat([head, chunk]);
    if (head.length < 3) continue;
    if (!isGzip(head)) throw new TarFormatError("it is not a gzip file");
    yield head;
    head = void 0;
  }
  if (head) throw new TarFormatError("it is not a gzip file");
}
function isZlibError(error) {
  return typeof error?.code === "string" && error.code.startsWith("Z_");
}
function isGzip(data) {
  return data.length >= 3 && data[0] === 31 && data[1] === 139 && data[2] === 8;
}

// src/chart/archive-entries.ts
var FILE_TYPES = /* @__PURE__ */ new Set(["File", "OldFile", "ContiguousFile"]);
var PackagedEntries = class {
  constructor(where) {
    this.where = where;
  }
  where;
  top;
  paths = /* @__PURE__ */ new Set();
  /** Throws a ChartError when `helm package` would never have written `entry`. */
  check(entry) {
    const why = this.problem(entry);
    if (why) {
      throw new ChartError(`${this.where} holds the entry ${JSON.stringify(entry.path)}, ${why}. "helm package" never writes such an entry; package the chart folder with "helm package" (or give the folder) instead`);
    }
  }
  /** The top folder, once every entry has been checked, must carry the chart's name. */
  checkTopFolder(chartName) {
    if (this.top !== void 0 && this.top !== chartName) {
      throw new ChartError(
        `${this.where} has its files under the top folder ${JSON.stringify(this.top)}, but Chart.yaml names the chart ${JSON.stringify(chartName)}; "helm package" names the top folder after the chart: package the chart folder with "helm package" instead`
      );
    }
  }
  problem(entry) {
    const directory = isDirectoryEntry(entry);
    if (!directory && !FILE_TYPES.has(entry.type)) return typeProblem(entry);
    const path = entry.path;
    if (path.startsWith("/")) return "an absolute path (Helm would take the root for the top folder and load the rest as chart files)";
    if (/^[a-zA-Z]:/.test(path)) return "a Windows drive path";
    if (path.includes("\\")) return "a backslash, which Helm reads as a folder separator, so the file would land elsewhere";
    const segments = (directory ? path.replace(/\/$/, "") : path).split("/");
    if (segments.includes("..")) return 'a ".." path segment (Helm refuses to load such a chart, or loads the file elsewhere)';
    if (segments.some((s) => s === "" || s === ".")) return 'an empty or "." path segment (Helm would load the file under another path)';
    if (!directory && segments.length < 2) return "a file outside the top folder (Helm refuses to load such a chart)";
    const top = segments[0];
    if (this.top === void 0) this.top = top;
    else if (top !== this.top) return `a second top folder beside ${JSON.stringify(this.top)} (Helm would merge its files into the chart)`;
    if (!directory) {
      if (this.paths.has(path)) return "a second entry for the same path (Helm would load both)";
      this.paths.add(path);
    }
    return void 0;
  }
};
function typeProblem(entry) {
  const target = entry.linkpath === void 0 ? "" : ` to ${JSON.stringify(entry.linkpath)}`;
  switch (entry.type) {
    case "SymbolicLink":
      return `a symbolic link${target} (Helm would install it as an empty file)`;
    case "Link":
      return `a hard link${target} (Helm would install it as an empty file)`;
    case "CharacterDevice":
    case "BlockDevice":
      return "a device file (Helm would install it as an empty file)";
    case "FIFO":
      return "a named pipe (Helm would install it as an empty file)";
    default:
      return `a tar entry of type ${JSON.stringify(entry.type)} (not a regular file)`;
  }
}

// src/chart/metadata-text.ts
function configJson(meta) {
  const str = (v) => v ? goJsonString(v) : void 0;
  const strs = (v) => v && v.length > 0 ? `[${v.map(goJsonString).join(",")}]` : void 0;
  const maintainers = meta.maintainers && meta.maintainers.length > 0 ? `[${meta.maintainers.map((m) => goJsonObject([["name", str(m.name)], ["email", str(m.email)], ["url", str(m.url)]])).join(",")}]` : void 0;
  const annotations = meta.annotations && Object.keys(meta.annotations).length > 0 ? goJson(goMap(meta.annotations)) : void 0;
  const dependencies = meta.dependencies && meta.dependencies.length > 0 ? `[${meta.dependencies.map(dependencyJson).join(",")}]` : void 0;
  return goJsonObject([
    ["name", str(meta.name)],
    ["home", str(meta.home)],
    ["sources", strs(meta.sources)],
    ["version", str(meta.version)],
    ["description", str(meta.description)],
    ["keywords", strs(meta.keywords)],
    ["maintainers", maintainers],
    ["icon", str(meta.icon)],
    ["apiVersion", str(meta.apiVersion)],
    ["condition", str(meta.condition)],
    ["tags", str(meta.tags)],
    ["appVersion", str(meta.appVersion)],
    ["deprecated", meta.deprecated ? "true" : void 0],
    ["annotations", annotations],
    ["kubeVersion", str(meta.kubeVersion)],
    ["dependencies", dependencies],
    ["type", str(meta.type)]
  ]);
}
function dependencyJson(dep) {
  const str = (v) => v ? goJsonString(v) : void 0;
  const importValues = dep["import-values"];
  return goJsonObject([
    ["name", goJsonString(dep.name ?? "")],
    ["version", str(dep.version)],
    ["repository", goJsonString(dep.repository ?? "")],
    ["condition", str(dep.condition)],
    ["tags", dep.tags && dep.tags.length > 0 ? `[${dep.tags.map(goJsonString).join(",")}]` : void 0],
    ["enabled", dep.enabled ? "true" : void 0],
    ["import-values", importValues && importValues.length > 0 ? `[${importValues.map((v) => goJson(toGoJsonValue(v))).join(",")}]` : void 0],
    ["alias", str(dep.alias)]
  ]);
}
function chartYamlText(meta) {
  const written = meta.apiVersion === "v1" ? { ...meta, dependencies: void 0 } : meta;
  return goYaml(configJson(written), `chart ${meta.name}`);
}
function goYaml(json, what) {
  return writingYaml(what, () => jsonToGoYaml(json));
}
function toGoJsonValue(value) {
  if (value === null || value === void 0) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(toGoJsonValue);
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
  return new Map(entries.map(([k, v]) => [String(k), toGoJsonValue(v)]));
}

// src/chart/lock.ts
var LOCK_SHAPE = {
  kind: "struct",
  fields: {
    generated: { kind: "any" },
    digest: { kind: "string" },
    dependencies: { kind: "list", of: DEPENDENCY_SHAPE }
  }
};
function lockFileText(text, where) {
  const raw = readingYaml(where, () => decodeShape(loadGoYaml(text), LOCK_SHAPE) ?? {});
  const generated = goTimeJson(raw.generated, where);
  const digest = typeof raw.digest === "string" ? raw.digest : "";
  const deps = Array.isArray(raw.dependencies) ? `[${raw.dependencies.map((d) => d === null ? "null" : dependencyJson(toDependency(d, false))).join(",")}]` : "null";
  const json = goJsonObject([
    ["generated", goJsonString(generated)],
    ["digest", goJsonString(digest)],
    ["dependencies", deps]
  ]);
  return goYaml(json, where);
}
function goTimeJson(value, where) {
  if (value === null || value === void 0) return GO_ZERO_TIME;
  const written = typeof value === "string" ? goTimeRoundTrip(value) : void 0;
  if (written === void 0) {
    throw new ChartError(`${where}: "generated" must be an RFC 3339 time such as "2024-05-01T12:00:00Z", not ${JSON.stringify(value)}; run "helm dependency update" to rewrite Chart.lock`);
  }
  return written;
}

// src/chart/walk.ts
import { lstatSync, readFileSync } from "node:fs";
import { readdir, readlink, realpath, stat } from "node:fs/promises";
import { join } from "node:path";

// src/chart/go/glob.ts
var GlobSyntaxError = class extends Error {
  name = "GlobSyntaxError";
};
function compileGoGlob(pattern) {
  const segments = parseSegments([...pattern], pattern);
  return { pattern, matches: (name2) => matchSegments(segments, [...name2]) };
}
function parseSegments(chars, pattern) {
  const segments = [];
  let i2 = 0;
  let current = { star: false, atoms: [] };
  const bad = (why) => {
    throw new GlobSyntaxError(`syntax error in pattern ${JSON.stringify(pattern)}: ${why}`);
  };
  const classChar = () => {
    if (i2 >= chars.length || chars[i2] === "-" || chars[i2] === "]") bad('"-" or "]" in the wrong place in a [class], or the class is not closed');
    if (chars[i2] === "\\") {
      i2++;
      if (i2 >= chars.length) bad('"\\" at the end of the pattern');
    }
    const code2 = chars[i2].codePointAt(0);
    i2++;
    if (i2 >= chars.length) bad("the [class] is not closed");
    return code2;
  };
  while (i2 < chars.length) {
    const c = chars[i2];
    if (c === "*") {
      if (current.star || current.atoms.length > 0) segments.push(current);
      while (chars[i2] === "*") i2++;
      current = { star: true, atoms: [] };
      continue;
    }
    if (c === "?") {
      current.atoms.push({ kind: "any" });
      i2++;
    } else if (c === "\\") {
      i2++;
      if (i2 >= chars.length) bad('"\\" at the end of the pattern');
      current.atoms.push({ kind: "literal", char: chars[i2] });
      i2++;
    } else if (c === "[") {
      i2++;
      let negated = false;
      if (chars[i2] === "^") {
        negated = true;
        i2++;
      }
      const ranges = [];
      for (; ; ) {
        if (chars[i2] === "]" && ranges.length > 0) {
          i2++;
          break;
        }
        const lo = classChar();
        let hi = lo;
        if (chars[i2] === "-") {
          i2++;
          hi = classChar();
        }
        ranges.push([lo, hi]);
      }
      current.atoms.push({ kind: "class", negated, ranges });
    } else {
      current.atoms.push({ kind: "literal", char: c });
      i2++;
    }
  }
  if (current.star || current.atoms.length > 0 || segments.length === 0) segments.push(current);
  return segments;
}
function matchAtoms(atoms, name2, start) {
  let pos2 = start;
  for (const atom of atoms) {
    if (pos2 >= name2.length) return -1;
    const ch = name2[pos2];
    switch (atom.kind) {
      case "literal":
        if (ch !== atom.char) return -1;
        break;
      case "any":
        if (ch === "/") return -1;
        break;
      case "class": {
        const code2 = ch.codePointAt(0);
        const inside = atom.ranges.some(([lo, hi]) => lo <= code2 && code2 <= hi);
        if (inside === atom.negated) return -1;
        break;
      }
    }
    pos2++;
  }
  return pos2;
}
function matchSegments(segments, name2) {
  let rest = name2;
  for (let k = 0; k < segments.length; k++) {
    const { star, atoms } = segments[k];
    const last = k === segments.length - 1;
    if (star && atoms.length === 0) return !rest.includes("/");
    const end = matchAtoms(atoms, rest, 0);
    if (end >= 0 && (end === rest.length || !last)) {
      rest = rest.slice(end);
      continue;
    }
    if (!star) return false;
    let advanced = false;
    for (let skip = 0; skip < rest.length && rest[skip] !== "/"; skip++) {
      const after = matchAtoms(atoms, rest, skip + 1);
      if (after < 0) continue;
      if (last && after < rest.length) continue;
      rest = rest.slice(after);
      advanced = true;
      break;
    }
    if (!advanced) return false;
  }
  return rest.length === 0;
}

// src/chart/go/helmignore.ts
var DEFAULT_HELMIGNORE_RULE = "templates/.?*";
var HelmIgnoreSyntaxError = class extends Error {
  constructor(line, rule, reason) {
    super(`line ${line}: ${JSON.stringify(rule)}: ${reason}`);
    this.line = line;
    this.rule = rule;
    this.reason = reason;
  }
  line;
  rule;
  reason;
  name = "HelmIgnoreSyntaxError";
};
var HelmIgnore = class _HelmIgnore {
  constructor(rules) {
    this.rules = rules;
  }
  rules;
  /** Parses .helmignore text and appends Helm's default rule; throws HelmIgnoreSyntaxError. */
  static parse(text) {
    const rules = [];
    const lines = text.split("\n");
    if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
    lines.forEach((line, index) => {
      let content = line.endsWith("\r") ? line.slice(0, -1) : line;
      if (index === 0 && content.startsWith("\uFEFF")) content = content.slice(1);
      const rule = parseRule(content, index + 1);
      if (rule) rules.push(rule);
    });
    rules.push(parseRule(DEFAULT_HELMIGNORE_RULE, 0));
    return new _HelmIgnore(rules);
  }
  /** Only Helm's default rule, for a chart without .helmignore. */
  static defaults() {
    return _HelmIgnore.parse("");
  }
  /**
   * Whether Helm skips `path` (relative to the chart, `/`-separated, no trailing slash).
   * `isDir` is about the target of a symlink, as Helm follows links before asking.
   */
  ignores(path, isDir) {
    return this.ruleIgnoring(path, isDir) !== void 0;
  }
  /** The rule (as written) that makes Helm skip `path`, or undefined when the path is kept. */
  ruleIgnoring(path, isDir) {
    if (path === "" || path === "." || path === "./") return void 0;
    for (const rule of this.rules) {
      const subject = rule.baseName ? baseName(path) : path;
      if (rule.negate) {
        if (rule.dirOnly && !isDir || !rule.glob.matches(subject)) return rule.raw;
        continue;
      }
      if (rule.dirOnly && !isDir) continue;
      if (rule.glob.matches(subject)) return rule.raw;
    }
    return void 0;
  }
};
function parseRule(line, lineNumber) {
  const raw = trimGoSpace(line);
  if (raw === "" || raw.startsWith("#")) return void 0;
  if (raw.includes("**")) {
    throw new HelmIgnoreSyntaxError(lineNumber, raw, 'Helm does not support "**"; list the folders, or use a pattern without a "/" to match a name at any depth');
  }
  try {
    compileGoGlob(raw);
  } catch (error) {
    if (error instanceof GlobSyntaxError) throw new HelmIgnoreSyntaxError(lineNumber, raw, `${error.message} (Go filepath.Match syntax)`);
    throw error;
  }
  let pattern = raw;
  const negate = pattern.startsWith("!");
  if (negate) pattern = pattern.slice(1);
  const dirOnly = pattern.endsWith("/");
  if (dirOnly) pattern = pattern.slice(0, -1);
  let baseNameOnly;
  if (pattern.startsWith("/")) {
    pattern = pattern.slice(1);
    baseNameOnly = false;
  } else {
    baseNameOnly = !pattern.includes("/");
  }
  return { raw, negate, dirOnly, baseName: baseNameOnly, glob: compileGoGlob(pattern) };
}
function baseName(path) {
  const trimmed = path.replace(/\/+$/, "");
  if (trimmed === "") return "/";
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

// src/chart/walk.ts
var BOM = Buffer.from([239, 187, 191]);
function stripBom(data) {
  return data.subarray(0, 3).equals(BOM) ? data.subarray(3) : data;
}
async function readChartDirectory(dir) {
  const rootStat = await stat(dir).catch((error) => {
    if (isFsError(error) && error.code === "ENOENT") throw new ChartError(`chart folder ${dir} does not exist`);
    throw fsError(error, dir);
  });
  if (!rootStat.isDirectory()) throw new ChartError(`${dir} is not a folder; give the folder that holds Chart.yaml`);
  const ignore = await readHelmIgnore(dir);
  const files = [];
  await walk(dir, "", ignore, files, /* @__PURE__ */ new Set([`${rootStat.dev}:${rootStat.ino}`]), dir);
  return { files, ignore };
}
async function readHelmIgnore(dir) {
  const path = join(dir, ".helmignore");
  let text;
  try {
    if (!(await stat(path)).isFile()) return HelmIgnore.defaults();
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (isFsError(error) && (error.code === "ENOENT" || error.code === "ENOTDIR")) return HelmIgnore.defaults();
    throw fsError(error, path);
  }
  try {
    return HelmIgnore.parse(text);
  } catch (error) {
    if (error instanceof HelmIgnoreSyntaxError) throw new ChartError(`${path} ${error.message}`, { cause: error });
    throw error;
  }
}
async function walk(absDir, relDir, ignore, files, ancestors, shownRoot) {
  const names = await readdir(absDir, { encoding: "buffer" }).catch((error) => {
    throw fsError(error, absDir);
  });
  names.sort((a, b) => Buffer.compare(a, b));
  for (const rawName of names) {
    const name2 = rawName.toString("utf8");
    const rel = relDir === "" ? name2 : `${relDir}/${name2}`;
    const abs = join(absDir, name2);
    const shown = join(shownRoot, rel);
    if (!Buffer.from(name2, "utf8").equals(rawName)) {
      throw new ChartError(`${join(shownRoot, relDir)} holds a file whose name is not valid UTF-8 (${JSON.stringify(name2)}); rename it or add it to .helmignore`);
    }
    let info;
    try {
      info = lstatSync(abs);
    } catch (error) {
      throw fsError(error, shown);
    }
    if (info.isSymbolicLink()) {
      let target;
      try {
        target = await realpath(abs);
        info = await stat(target);
      } catch (error) {
        if (ignore.ignores(rel, false)) continue;
        const pointsTo = await readlink(abs).catch(() => "?");
        throw new ChartError(`${shown} is a symbolic link to ${pointsTo}, which cannot be read (${error.message}); fix or remove the link, or add it to .helmignore`, { cause: error });
      }
    }
    if (info.isDirectory()) {
      if (ignore.ignores(rel, true)) continue;
      const key = `${info.dev}:${info.ino}`;
      if (ancestors.has(key)) throw new ChartError(`${shown} links back to a folder that contains it (a symbolic link loop); remove the link or add it to .helmignore`);
      await walk(abs, rel, ignore, files, /* @__PURE__ */ new Set([...ancestors, key]), shownRoot);
      continue;
    }
    if (ignore.ignores(rel, false)) continue;
    if (!info.isFile()) {
      throw new ChartError(`${shown} is not a regular file (a device, socket or pipe) and Helm cannot package it; remove it or add it to .helmignore`);
    }
    if (info.size > MAX_FILE_BYTES) {
      throw new ChartError(`${shown} is ${info.size} bytes; Helm refuses chart files over 5 MiB (${MAX_FILE_BYTES} bytes): add it to .helmignore or make it smaller`);
    }
    files.push({
      name: rel,
      size: info.size,
      read: () => {
        try {
          return Promise.resolve(stripBom(readFileSync(abs)));
        } catch (error) {
          return Promise.reject(fsError(error, shown));
        }
      }
    });
  }
}
function fsError(error, path) {
  if (isFsError(error)) {
    const what = error.code === "EACCES" || error.code === "EPERM" ? "cannot be read (permission denied)" : `cannot be read (${error.code})`;
    return new ChartError(`${path} ${what}`, { cause: error });
  }
  return error;
}

// src/chart/loader.ts
var READ_BY_LOADER = /* @__PURE__ */ new Set(["Chart.yaml", "Chart.lock", "values.yaml", "values.schema.json", "requirements.yaml", "requirements.lock"]);
function loaderReads(name2) {
  if (READ_BY_LOADER.has(name2)) return true;
  if (!name2.startsWith("charts/")) return false;
  const inCharts = name2.slice("charts/".length);
  const slash = inCharts.indexOf("/");
  return slash < 0 || loaderReads(inCharts.slice(slash + 1));
}
async function loadChartFiles(files, where, options) {
  let raw;
  for (const f of files) {
    if (f.name === "Chart.yaml") raw = decodeMetadataYaml((await f.read()).toString("utf8"), `${where}/Chart.yaml`, raw ?? {});
  }
  const apiVersion = () => typeof raw?.apiVersion === "string" && raw.apiVersion !== "" ? raw.apiVersion : "v1";
  const chart = { templates: [], files: [], subcharts: [], where };
  let lockSource;
  const subchartFiles = /* @__PURE__ */ new Map();
  for (const f of files) {
    switch (f.name) {
      case "Chart.yaml":
        continue;
      case "Chart.lock":
        lockSource = f;
        continue;
      case "values.yaml":
        chart.values = await f.read();
        checkValues(chart.values, `${where}/values.yaml`);
        continue;
      case "values.schema.json":
        chart.schema = await f.read();
        continue;
      case "requirements.yaml":
        raw = decodeMetadataYaml((await f.read()).toString("utf8"), `${where}/requirements.yaml`, raw ?? {});
        if (apiVersion() === "v1") chart.files.push(f);
        continue;
      case "requirements.lock":
        lockSource = f;
        if (apiVersion() === "v1") chart.files.push(f);
        continue;
    }
    if (f.name.startsWith("templates/")) {
      chart.templates.push(f);
    } else if (f.name.startsWith("charts/")) {
      if (posix.extname(f.name) === ".prov") {
        chart.files.push(f);
        continue;
      }
      const inCharts = f.name.slice("charts/".length);
      const first = inCharts.split("/", 1)[0];
      const group = subchartFiles.get(first) ?? [];
      group.push({ ...f, name: inCharts });
      subchartFiles.set(first, group);
    } else {
      chart.files.push(f);
    }
  }
  if (raw === void 0) throw new ChartError(`${where}: Chart.yaml is missing`);
  const metadata = validateMetadata(raw, `${where}/Chart.yaml`, options);
  if (lockSource && metadata.apiVersion === "v2") chart.lock = lockFileText((await lockSource.read()).toString("utf8"), `${where}/${lockSource.name}`);
  if (chart.schema) checkSchema(chart.schema, `${where}/values.schema.json`);
  for (const [entry, group] of subchartFiles) {
    if (entry.startsWith("_") || entry.startsWith(".")) continue;
    const subWhere = `${where}/charts/${entry}`;
    if (posix.extname(entry) === ".tgz") {
      const file = group[0];
      if (file.name !== entry) throw new ChartError(`${subWhere} is a folder, but a name ending in .tgz must be a packaged chart; rename the folder`);
      chart.subcharts.push(await loadChartArchive(await file.read(), subWhere, { strict: false, asPackaged: options.asPackaged }));
      continue;
    }
    const inner = group.filter((f) => f.name.includes("/")).map((f) => ({ ...f, name: f.name.slice(f.name.indexOf("/") + 1) }));
    if (inner.length === 0) {
      throw new ChartError(`${subWhere} is a file in charts/ but not a chart (.tgz); Helm fails on it: remove it, or add "charts/${entry}" to .helmignore`);
    }
    chart.subcharts.push(await loadChartFiles(inner, subWhere, { strict: false, asPackaged: options.asPackaged }));
  }
  return { ...chart, metadata };
}
async function loadChartArchive(source, where, options = { strict: false }, keep) {
  const entries = options.asPackaged ? new PackagedEntries(where) : void 0;
  const chart = await loadChartFiles(await readArchiveFiles(source, where, { keep, entries }), where, options);
  entries?.checkTopFolder(chart.metadata.name);
  return chart;
}
async function readArchiveFiles(source, where, { keep = () => true, entries } = {}) {
  const files = [];
  let remaining = MAX_CHART_BYTES;
  const onEntry = (entry) => {
    entries?.check(entry);
    if (isDirectoryEntry(entry)) return void 0;
    const name2 = archiveName(entry.path, where);
    if (entry.size > MAX_FILE_BYTES) throw new ChartError(`${where}: ${entry.path} is ${entry.size} bytes; Helm refuses chart files over 5 MiB`);
    remaining -= entry.size;
    if (remaining <= 0) throw new ChartError(`${where} holds more than ${MAX_CHART_BYTES} bytes of files; Helm refuses to load it`);
    if (!keep(name2)) {
      files.push({ name: name2, size: entry.size, read: () => Promise.reject(new Error(`${where}: the content of ${name2} was not kept`)) });
      return void 0;
    }
    const chunks = [];
    files.push({ name: name2, size: entry.size, read: () => Promise.resolve(stripBom(Buffer.concat(chunks))) });
    return (chunk) => void chunks.push(Buffer.from(chunk));
  };
  try {
    await scanTarGz(source, new TarReader(onEntry));
  } catch (error) {
    if (error instanceof TarFormatError) throw new ChartError(`${where} is not a chart archive: ${error.message}`, { cause: error });
    throw error;
  }
  if (files.length === 0) throw new ChartError(`${where} is not a chart archive: it holds no files`);
  return files;
}
function archiveName(path, where) {
  const delimiter = path.includes("\\") ? "\\" : "/";
  const parts = path.split(delimiter);
  let name2 = parts.slice(1).join("/");
  if (name2.startsWith("/")) throw new ChartError(`${where} is not a safe chart archive: ${JSON.stringify(path)} is an absolute path`);
  name2 = cleanPath(name2);
  if (name2 === ".") throw new ChartError(`${where} is not a chart archive: ${JSON.stringify(path)} is not inside the chart's top folder`);
  if (name2.startsWith("..")) throw new ChartError(`${where} is not a safe chart archive: ${JSON.stringify(path)} points outside the chart`);
  if (/^[a-zA-Z]:\//.test(name2)) throw new ChartError(`${where} is not a safe chart archive: ${JSON.stringify(path)} is a drive path`);
  if (parts[0] === "Chart.yaml") throw new ChartError(`${where} is not a chart archive: Chart.yaml must be inside a top folder named after the chart`);
  return name2;
}
function cleanPath(path) {
  if (path === "") return ".";
  const cleaned = posix.normalize(path);
  return cleaned.length > 1 && cleaned.endsWith("/") ? cleaned.slice(0, -1) : cleaned;
}
function checkValues(data, where) {
  const docs = readingYaml(where, () => loadAllGoYaml(data.toString("utf8")));
  for (const doc of docs) {
    if (doc !== null && !(doc instanceof GoMap)) throw new ChartError(`${where} must be a mapping of values (key: value) at the top level`);
  }
}
function checkSchema(data, where) {
  try {
    JSON.parse(data.toString("utf8"));
  } catch (error) {
    throw new ChartError(`${where} is not valid JSON (${error.message}); Helm refuses to package it`, { cause: error });
  }
}

// src/chart/archive.ts
async function readChartArchive(path) {
  let mtime;
  try {
    const info = await stat2(path);
    if (!info.isFile()) throw new ChartError(`${path} is not a file; give a chart archive (.tgz) made by "helm package"`);
    mtime = info.mtime;
  } catch (error) {
    throw readError(error, path);
  }
  const hash = createHash("sha256");
  let size = 0;
  async function* hashed() {
    for await (const chunk of createReadStream(path)) {
      hash.update(chunk);
      size += chunk.length;
      yield chunk;
    }
  }
  let chart;
  try {
    chart = await loadChartArchive(hashed(), path, { strict: true, asPackaged: true }, loaderReads);
  } catch (error) {
    throw readError(error, path);
  }
  return { metadata: chart.metadata, fileName: basename2(path), path, digest: `sha256:${hash.digest("hex")}`, size, mtime };
}
function readError(error, path) {
  if (error instanceof ChartError || !isFsError(error)) return error;
  if (error.code === "ENOENT") return new ChartError(`chart archive ${path} does not exist`, { cause: error });
  return new ChartError(`chart archive ${path} cannot be read (${error.message})`, { cause: error });
}
async function archiveFileDigests(source) {
  const digests = /* @__PURE__ */ new Map();
  await eachArchiveFile(source, (path) => {
    const hash = createHash("sha256");
    return { data: (chunk) => void hash.update(chunk), end: () => void digests.set(path, hash.digest("hex")) };
  });
  return digests;
}
async function eachArchiveFile(source, onFile) {
  let open2;
  const reader = new TarReader((entry) => {
    open2?.end();
    open2 = void 0;
    if (isDirectoryEntry(entry)) return void 0;
    if (entry.size > MAX_FILE_BYTES) throw new TarFormatError(`${entry.path} is ${entry.size} bytes; Helm refuses chart files over 5 MiB`);
    const slash = entry.path.indexOf("/");
    open2 = onFile(slash >= 0 ? entry.path.slice(slash + 1) : entry.path);
    return open2.data;
  });
  try {
    await scanTarGz(source, reader);
  } catch (error) {
    if (error instanceof TarFormatError) throw new ChartError(`not a chart archive: ${error.message}`, { cause: error });
    throw error;
  }
  open2?.end();
}

// src/chart/package.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";

// src/chart/tar-write.ts
import { createHash as createHash2 } from "node:crypto";
import { open } from "node:fs/promises";

// node_modules/fflate/esm/index.mjs
import { createRequire } from "module";
var require2 = createRequire("/");
var _a;
var Worker;
var isMarkedAsUntransferable;
try {
  _a = require2("worker_threads"), Worker = _a.Worker, isMarkedAsUntransferable = _a.isMarkedAsUntransferable;
} catch (e) {
}
var u8 = Uint8Array;
var u16 = Uint16Array;
var i32 = Int32Array;
var fleb = new u8([
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  1,
  1,
  1,
  1,
  2,
  2,
  2,
  2,
  3,
  3,
  3,
  3,
  4,
  4,
  4,
  4,
  5,
  5,
  5,
  5,
  0,
  /* unused */
  0,
  0,
  /* impossible */
  0
]);
var fdeb = new u8([
  0,
  0,
  0,
  0,
  1,
  1,
  2,
  2,
  3,
  3,
  4,
  4,
  5,
  5,
  6,
  6,
  7,
  7,
  8,
  8,
  9,
  9,
  10,
  10,
  11,
  11,
  12,
  12,
  13,
  13,
  /* unused */
  0,
  0
]);
var clim = new u8([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);
var freb = function(eb, start) {
  var b = new u16(31);
  for (var i2 = 0; i2 < 31; ++i2) {
    b[i2] = start += 1 << eb[i2 - 1];
  }
  var r = new i32(b[30]);
  for (var i2 = 1; i2 < 30; ++i2) {
    for (var j = b[i2]; j < b[i2 + 1]; ++j) {
      r[j] = j - b[i2] << 5 | i2;
    }
  }
  return { b, r };
};
var _a = freb(fleb, 2);
var fl = _a.b;
var revfl = _a.r;
fl[28] = 258, revfl[258] = 28;
var _b = freb(fdeb, 0);
var fd = _b.b;
var revfd = _b.r;
var rev = new u16(32768);
for (i = 0; i < 32768; ++i) {
  x = (i & 43690) >> 1 | (i & 21845) << 1;
  x = (x & 52428) >> 2 | (x & 13107) << 2;
  x = (x & 61680) >> 4 | (x & 3855) << 4;
  rev[i] = ((x & 65280) >> 8 | (x & 255) << 8) >> 1;
}
var x;
var i;
var hMap = (function(cd, mb, r) {
  var s = cd.length;
  var i2 = 0;
  var l = new u16(mb);
  for (; i2 < s; ++i2) {
    if (cd[i2])
      ++l[cd[i2] - 1];
  }
  var le = new u16(mb);
  for (i2 = 1; i2 < mb; ++i2) {
    le[i2] = le[i2 - 1] + l[i2 - 1] << 1;
  }
  var co;
  if (r) {
    co = new u16(1 << mb);
    var rvb = 15 - mb;
    for (i2 = 0; i2 < s; ++i2) {
      if (cd[i2]) {
        var sv = i2 << 4 | cd[i2];
        var r_1 = mb - cd[i2];
        var v = le[cd[i2] - 1]++ << r_1;
        for (var m = v | (1 << r_1) - 1; v <= m; ++v) {
          co[rev[v] >> rvb] = sv;
        }
      }
    }
  } else {
    co = new u16(s);
    for (i2 = 0; i2 < s; ++i2) {
      if (cd[i2]) {
        co[i2] = rev[le[cd[i2] - 1]++] >> 15 - cd[i2];
      }
    }
  }
  return co;
});
var flt = new u8(288);
for (i = 0; i < 144; ++i)
  flt[i] = 8;
var i;
for (i = 144; i < 256; ++i)
  flt[i] = 9;
var i;
for (i = 256; i < 280; ++i)
  flt[i] = 7;
var i;
for (i = 280; i < 288; ++i)
  flt[i] = 8;
var i;
var fdt = new u8(32);
for (i = 0; i < 32; ++i)
  fdt[i] = 5;
var i;
var flm = /* @__PURE__ */ hMap(flt, 9, 0);
var fdm = /* @__PURE__ */ hMap(fdt, 5, 0);
var shft = function(p) {
  return (p + 7) / 8 | 0;
};
var slc = function(v, s, e) {
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  return new u8(v.subarray(s, e));
};
var ec = [
  "unexpected EOF",
  "invalid block type",
  "invalid length/literal",
  "invalid distance",
  "stream finished",
  "no stream handler",
  ,
  // determined by compression function
  "no callback",
  "invalid UTF-8 data",
  "extra field too long",
  "date not in range 1980-2099",
  "filename too long",
  "stream finishing",
  "invalid zip data"
  // determined by unknown compression method
];
var err = function(ind, msg, nt) {
  var e = new Error(msg || ec[ind]);
  e.code = ind;
  if (Error.captureStackTrace)
    Error.captureStackTrace(e, err);
  if (!nt)
    throw e;
  return e;
};
var wbits = function(d, p, v) {
  v <<= p & 7;
  var o = p / 8 | 0;
  d[o] |= v;
  d[o + 1] |= v >> 8;
};
var wbits16 = function(d, p, v) {
  v <<= p & 7;
  var o = p / 8 | 0;
  d[o] |= v;
  d[o + 1] |= v >> 8;
  d[o + 2] |= v >> 16;
};
var hTree = function(d, mb) {
  var t = [];
  for (var i2 = 0; i2 < d.length; ++i2) {
    if (d[i2])
      t.push({ s: i2, f: d[i2] });
  }
  var s = t.length;
  var t2 = t.slice();
  if (!s)
    return { t: et, l: 0 };
  if (s == 1) {
    var v = new u8(t[0].s + 1);
    v[t[0].s] = 1;
    return { t: v, l: 1 };
  }
  t.sort(function(a, b) {
    return a.f - b.f;
  });
  t.push({ s: -1, f: 25001 });
  var l = t[0], r = t[1], i0 = 0, i1 = 1, i22 = 2;
  t[0] = { s: -1, f: l.f + r.f, l, r };
  while (i1 != s - 1) {
    l = t[t[i0].f < t[i22].f ? i0++ : i22++];
    r = t[i0 != i1 && t[i0].f < t[i22].f ? i0++ : i22++];
    t[i1++] = { s: -1, f: l.f + r.f, l, r };
  }
  var maxSym = t2[0].s;
  for (var i2 = 1; i2 < s; ++i2) {
    if (t2[i2].s > maxSym)
      maxSym = t2[i2].s;
  }
  var tr = new u16(maxSym + 1);
  var mbt = ln(t[i1 - 1], tr, 0);
  if (mbt > mb) {
    var i2 = 0, dt = 0;
    var lft = mbt - mb, cst = 1 << lft;
    t2.sort(function(a, b) {
      return tr[b.s] - tr[a.s] || a.f - b.f;
    });
    for (; i2 < s; ++i2) {
      var i2_1 = t2[i2].s;
      if (tr[i2_1] > mb) {
        dt += cst - (1 << mbt - tr[i2_1]);
        tr[i2_1] = mb;
      } else
        break;
    }
    dt >>= lft;
    while (dt > 0) {
      var i2_2 = t2[i2].s;
      if (tr[i2_2] < mb)
        dt -= 1 << mb - tr[i2_2]++ - 1;
      else
        ++i2;
    }
    for (; i2 >= 0 && dt; --i2) {
      var i2_3 = t2[i2].s;
      if (tr[i2_3] == mb) {
        --tr[i2_3];
        ++dt;
      }
    }
    mbt = mb;
  }
  return { t: new u8(tr), l: mbt };
};
var ln = function(n, l, d) {
  return n.s == -1 ? Math.max(ln(n.l, l, d + 1), ln(n.r, l, d + 1)) : l[n.s] = d;
};
var lc = function(c) {
  var s = c.length;
  while (s && !c[--s])
    ;
  var cl = new u16(++s);
  var cli = 0, cln = c[0], cls = 1;
  var w = function(v) {
    cl[cli++] = v;
  };
  for (var i2 = 1; i2 <= s; ++i2) {
    if (c[i2] == cln && i2 != s)
      ++cls;
    else {
      if (!cln && cls > 2) {
        for (; cls > 138; cls -= 138)
          w(32754);
        if (cls > 2) {
          w(cls > 10 ? cls - 11 << 5 | 28690 : cls - 3 << 5 | 12305);
          cls = 0;
        }
      } else if (cls > 3) {
        w(cln), --cls;
        for (; cls > 6; cls -= 6)
          w(8304);
        if (cls > 2)
          w(cls - 3 << 5 | 8208), cls = 0;
      }
      while (cls--)
        w(cln);
      cls = 1;
      cln = c[i2];
    }
  }
  return { c: cl.subarray(0, cli), n: s };
};
var clen = function(cf, cl) {
  var l = 0;
  for (var i2 = 0; i2 < cl.length; ++i2)
    l += cf[i2] * cl[i2];
  return l;
};
var wfblk = function(out, pos2, dat) {
  var s = dat.length;
  var o = shft(pos2 + 2);
  out[o] = s & 255;
  out[o + 1] = s >> 8;
  out[o + 2] = out[o] ^ 255;
  out[o + 3] = out[o + 1] ^ 255;
  for (var i2 = 0; i2 < s; ++i2)
    out[o + i2 + 4] = dat[i2];
  return (o + 4 + s) * 8;
};
var wblk = function(dat, out, final, syms, lf, df, eb, li, bs, bl, p) {
  wbits(out, p++, final);
  ++lf[256];
  var _a2 = hTree(lf, 15), dlt = _a2.t, mlb = _a2.l;
  var _b2 = hTree(df, 15), ddt = _b2.t, mdb = _b2.l;
  var _c = lc(dlt), lclt = _c.c, nlc = _c.n;
  var _d = lc(ddt), lcdt = _d.c, ndc = _d.n;
  var lcfreq = new u16(19);
  for (var i2 = 0; i2 < lclt.length; ++i2)
    ++lcfreq[lclt[i2] & 31];
  for (var i2 = 0; i2 < lcdt.length; ++i2)
    ++lcfreq[lcdt[i2] & 31];
  var _e = hTree(lcfreq, 7), lct = _e.t, mlcb = _e.l;
  var nlcc = 19;
  for (; nlcc > 4 && !lct[clim[nlcc - 1]]; --nlcc)
    ;
  var flen = bl + 5 << 3;
  var ftlen = clen(lf, flt) + clen(df, fdt) + eb;
  var dtlen = clen(lf, dlt) + clen(df, ddt) + eb + 14 + 3 * nlcc + clen(lcfreq, lct) + 2 * lcfreq[16] + 3 * lcfreq[17] + 7 * lcfreq[18];
  if (bs >= 0 && flen <= ftlen && flen <= dtlen)
    return wfblk(out, p, dat.subarray(bs, bs + bl));
  var lm, ll, dm, dl;
  wbits(out, p, 1 + (dtlen < ftlen)), p += 2;
  if (dtlen < ftlen) {
    lm = hMap(dlt, mlb, 0), ll = dlt, dm = hMap(ddt, mdb, 0), dl = ddt;
    var llm = hMap(lct, mlcb, 0);
    wbits(out, p, nlc - 257);
    wbits(out, p + 5, ndc - 1);
    wbits(out, p + 10, nlcc - 4);
    p += 14;
    for (var i2 = 0; i2 < nlcc; ++i2)
      wbits(out, p + 3 * i2, lct[clim[i2]]);
    p += 3 * nlcc;
    var lcts = [lclt, lcdt];
    for (var it = 0; it < 2; ++it) {
      var clct = lcts[it];
      for (var i2 = 0; i2 < clct.length; ++i2) {
        var len = clct[i2] & 31;
        wbits(out, p, llm[len]), p += lct[len];
        if (len > 15)
          wbits(out, p, clct[i2] >> 5 & 127), p += clct[i2] >> 12;
      }
    }
  } else {
    lm = flm, ll = flt, dm = fdm, dl = fdt;
  }
  for (var i2 = 0; i2 < li; ++i2) {
    var sym = syms[i2];
    if (sym > 255) {
      var len = sym >> 18 & 31;
      wbits16(out, p, lm[len + 257]), p += ll[len + 257];
      if (len > 7)
        wbits(out, p, sym >> 23 & 31), p += fleb[len];
      var dst = sym & 31;
      wbits16(out, p, dm[dst]), p += dl[dst];
      if (dst > 3)
        wbits16(out, p, sym >> 5 & 8191), p += fdeb[dst];
    } else {
      wbits16(out, p, lm[sym]), p += ll[sym];
    }
  }
  wbits16(out, p, lm[256]);
  return p + ll[256];
};
var deo = /* @__PURE__ */ new i32([65540, 131080, 131088, 131104, 262176, 1048704, 1048832, 2114560, 2117632]);
var et = /* @__PURE__ */ new u8(0);
var dflt = function(dat, lvl, plvl, pre, post, st) {
  var s = st.z || dat.length;
  var o = new u8(pre + s + 5 * (1 + Math.ceil(s / 7e3)) + post);
  var w = o.subarray(pre, o.length - post);
  var lst = st.l;
  var pos2 = (st.r || 0) & 7;
  if (lvl) {
    if (pos2)
      w[0] = st.r >> 3;
    var opt = deo[lvl - 1];
    var n = opt >> 13, c = opt & 8191;
    var msk_1 = (1 << plvl) - 1;
    var prev = st.p || new u16(32768), head = st.h || new u16(msk_1 + 1);
    var bs1_1 = Math.ceil(plvl / 3), bs2_1 = 2 * bs1_1;
    var hsh = function(i3) {
      return (dat[i3] ^ dat[i3 + 1] << bs1_1 ^ dat[i3 + 2] << bs2_1) & msk_1;
    };
    var syms = new i32(25e3);
    var lf = new u16(288), df = new u16(32);
    var lc_1 = 0, eb = 0, i2 = st.i || 0, li = 0, wi = st.w || 0, bs = 0;
    for (; i2 + 2 < s; ++i2) {
      var hv = hsh(i2);
      var imod = i2 & 32767, pimod = head[hv];
      prev[imod] = pimod;
      head[hv] = imod;
      if (wi <= i2) {
        var rem = s - i2;
        if ((lc_1 > 7e3 || li > 24576) && (rem > 423 || !lst)) {
          pos2 = wblk(dat, w, 0, syms, lf, df, eb, li, bs, i2 - bs, pos2);
          li = lc_1 = eb = 0, bs = i2;
          for (var j = 0; j < 286; ++j)
            lf[j] = 0;
          for (var j = 0; j < 30; ++j)
            df[j] = 0;
        }
        var l = 2, d = 0, ch_1 = c, dif = imod - pimod & 32767;
        if (rem > 2 && hv == hsh(i2 - dif)) {
          var maxn = Math.min(n, rem) - 1;
          var maxd = Math.min(32767, i2);
          var ml = Math.min(258, rem);
          while (dif <= maxd && --ch_1 && imod != pimod) {
            if (dat[i2 + l] == dat[i2 + l - dif]) {
              var nl = 0;
              for (; nl < ml && dat[i2 + nl] == dat[i2 + nl - dif]; ++nl)
                ;
              if (nl > l) {
                l = nl, d = dif;
                if (nl > maxn)
                  break;
                var mmd = Math.min(dif, nl - 2);
                var md = 0;
                for (var j = 0; j < mmd; ++j) {
                  var ti = i2 - dif + j & 32767;
                  var pti = prev[ti];
                  var cd = ti - pti & 32767;
                  if (cd > md)
                    md = cd, pimod = ti;
                }
              }
            }
            imod = pimod, pimod = prev[imod];
            dif += imod - pimod & 32767;
          }
        }
        if (d) {
          syms[li++] = 268435456 | revfl[l] << 18 | revfd[d];
          var lin = revfl[l] & 31, din = revfd[d] & 31;
          eb += fleb[lin] + fdeb[din];
          ++lf[257 + lin];
          ++df[din];
          wi = i2 + l;
          ++lc_1;
        } else {
          syms[li++] = dat[i2];
          ++lf[dat[i2]];
        }
      }
    }
    for (i2 = Math.max(i2, wi); i2 < s; ++i2) {
      syms[li++] = dat[i2];
      ++lf[dat[i2]];
    }
    pos2 = wblk(dat, w, lst, syms, lf, df, eb, li, bs, i2 - bs, pos2);
    if (!lst) {
      st.r = pos2 & 7 | w[pos2 / 8 | 0] << 3;
      pos2 -= 7;
      st.h = head, st.p = prev, st.i = i2, st.w = wi;
    }
  } else {
    for (var i2 = st.w || 0; i2 < s + lst; i2 += 65535) {
      var e = i2 + 65535;
      if (e >= s) {
        w[pos2 / 8 | 0] = lst;
        e = s;
      }
      pos2 = wfblk(w, pos2 + 1, dat.subarray(i2, e));
    }
    st.i = s;
  }
  return slc(o, 0, pre + shft(pos2) + post);
};
var crct = /* @__PURE__ */ (function() {
  var t = new Int32Array(256);
  for (var i2 = 0; i2 < 256; ++i2) {
    var c = i2, k = 9;
    while (--k)
      c = (c & 1 && -306674912) ^ c >>> 1;
    t[i2] = c;
  }
  return t;
})();
var crc = function() {
  var c = -1;
  return {
    p: function(d) {
      var cr = c;
      for (var i2 = 0; i2 < d.length; ++i2)
        cr = crct[cr & 255 ^ d[i2]] ^ cr >>> 8;
      c = cr;
    },
    d: function() {
      return ~c;
    }
  };
};
var dopt = function(dat, opt, pre, post, st) {
  if (!st) {
    st = { l: 1 };
    if (opt.dictionary) {
      var dict = opt.dictionary.subarray(-32768);
      var newDat = new u8(dict.length + dat.length);
      newDat.set(dict);
      newDat.set(dat, dict.length);
      dat = newDat;
      st.w = dict.length;
    }
  }
  return dflt(dat, opt.level == null ? 6 : opt.level, opt.mem == null ? st.l ? Math.ceil(Math.max(8, Math.min(13, Math.log(dat.length))) * 1.5) : 20 : 12 + opt.mem, pre, post, st);
};
var wbytes = function(d, b, v) {
  for (; v; ++b)
    d[b] = v, v >>>= 8;
};
var gzh = function(c, o) {
  var fn = o.filename;
  c[0] = 31, c[1] = 139, c[2] = 8, c[8] = o.level < 2 ? 4 : o.level == 9 ? 2 : 0, c[9] = 3;
  if (o.mtime != 0)
    wbytes(c, 4, Math.floor(new Date(o.mtime || Date.now()) / 1e3));
  if (fn) {
    c[3] = 8;
    for (var i2 = 0; i2 <= fn.length; ++i2)
      c[i2 + 10] = fn.charCodeAt(i2);
  }
};
var gzhl = function(o) {
  return 10 + (o.filename ? o.filename.length + 1 : 0);
};
var Deflate = /* @__PURE__ */ (function() {
  function Deflate2(opts, cb) {
    if (typeof opts == "function")
      cb = opts, opts = {};
    this.ondata = cb;
    this.o = opts || {};
    this.s = { l: 0, i: 32768, w: 32768, z: 32768 };
    this.b = new u8(98304);
    if (this.o.dictionary) {
      var dict = this.o.dictionary.subarray(-32768);
      this.b.set(dict, 32768 - dict.length);
      this.s.i = 32768 - dict.length;
    }
  }
  Deflate2.prototype.p = function(c, f) {
    this.ondata(dopt(c, this.o, 0, 0, this.s), f);
  };
  Deflate2.prototype.push = function(chunk, final) {
    if (!this.ondata)
      err(5);
    if (this.s.l)
      err(4);
    var endLen = chunk.length + this.s.z;
    if (endLen > this.b.length) {
      if (endLen > 2 * this.b.length - 32768) {
        var newBuf = new u8(endLen & -32768);
        newBuf.set(this.b.subarray(0, this.s.z));
        this.b = newBuf;
      }
      var split = this.b.length - this.s.z;
      this.b.set(chunk.subarray(0, split), this.s.z);
      this.s.z = this.b.length;
      this.p(this.b, false);
      this.b.set(this.b.subarray(-32768));
      this.b.set(chunk.subarray(split), 32768);
      this.s.z = chunk.length - split + 32768;
      this.s.i = 32766, this.s.w = 32768;
    } else {
      this.b.set(chunk, this.s.z);
      this.s.z += chunk.length;
    }
    this.s.l = final & 1;
    if (this.s.z > this.s.w + 8191 || final) {
      this.p(this.b, final || false);
      this.s.w = this.s.i, this.s.i -= 2;
    }
    if (final) {
      this.s = this.o = {};
      this.b = et;
    }
  };
  Deflate2.prototype.flush = function(sync) {
    if (!this.ondata)
      err(5);
    if (this.s.l)
      err(4);
    this.p(this.b, false);
    this.s.w = this.s.i, this.s.i -= 2;
    if (sync) {
      var c = new u8(6);
      c[0] = this.s.r >> 3;
      var ep = wfblk(c, this.s.r, et);
      this.s.r = 0;
      this.ondata(c.subarray(0, ep >> 3), false);
    }
  };
  return Deflate2;
})();
var Gzip2 = /* @__PURE__ */ (function() {
  function Gzip3(opts, cb) {
    this.c = crc();
    this.l = 0;
    this.v = 1;
    Deflate.call(this, opts, cb);
  }
  Gzip3.prototype.push = function(chunk, final) {
    this.c.p(chunk);
    this.l += chunk.length;
    Deflate.prototype.push.call(this, chunk, final);
  };
  Gzip3.prototype.p = function(c, f) {
    var raw = dopt(c, this.o, this.v && gzhl(this.o), f && 8, this.s);
    if (this.v)
      gzh(raw, this.o), this.v = 0;
    if (f)
      wbytes(raw, raw.length - 8, this.c.d()), wbytes(raw, raw.length - 4, this.l);
    this.ondata(raw, f);
  };
  Gzip3.prototype.flush = function(sync) {
    Deflate.prototype.flush.call(this, sync);
  };
  return Gzip3;
})();
var td = typeof TextDecoder != "undefined" && /* @__PURE__ */ new TextDecoder();
var tds = 0;
try {
  td.decode(et, { stream: true });
  tds = 1;
} catch (e) {
}

// src/chart/tar-write.ts
var BLOCK = 512;
var COMPRESSION_LEVEL = 6;
var MEMORY_LEVEL = 6;
var WRITE_BATCH_BYTES = 1024 * 1024;
var DeterministicTarGz = class {
  gzip;
  mtime;
  finished = false;
  /** `ondata` receives the compressed bytes as they are made. */
  constructor(mtime, ondata) {
    this.mtime = new Date(Math.floor(mtime.getTime() / 1e3) * 1e3);
    this.gzip = new Gzip2({ level: COMPRESSION_LEVEL, mem: MEMORY_LEVEL, mtime: 0 }, (chunk) => ondata(chunk));
  }
  /** Appends one file; `path` is the full path inside the archive, `/`-separated. */
  addFile(path, data) {
    if (this.finished) throw new Error("the archive is already finished");
    const ustarSafe = Buffer.byteLength(path) < 100 && /^[\x20-\x7e]*$/.test(path);
    if (!ustarSafe) {
      this.push(new Pax({ path, mtime: this.mtime }).encode());
    }
    const header = new Header({
      path: ustarSafe ? path : standIn(path),
      mode: 420,
      uid: 0,
      gid: 0,
      size: data.length,
      mtime: this.mtime,
      type: "File"
    });
    header.encode();
    this.push(header.block);
    this.push(data);
    const padding = (BLOCK - data.length % BLOCK) % BLOCK;
    if (padding > 0) this.push(new Uint8Array(padding));
  }
  /** Writes the end-of-archive blocks and the gzip trailer. */
  finish() {
    if (this.finished) return;
    this.finished = true;
    this.gzip.push(new Uint8Array(BLOCK * 2), true);
  }
  push(data) {
    if (data.length > 0) this.gzip.push(data, false);
  }
};
var ArchiveMemory = class {
  constructor(perArchive, left) {
    this.perArchive = perArchive;
    this.left = left;
  }
  perArchive;
  left;
  /** Takes `bytes` from what is left; false (and nothing taken) when that is not enough. */
  take(bytes) {
    if (bytes > this.left) return false;
    this.left -= bytes;
    return true;
  }
  giveBack(bytes) {
    this.left += bytes;
  }
};
var TarGzOutput = class {
  constructor(mtime, createFile, memory) {
    this.createFile = createFile;
    this.memory = memory;
    this.tar = new DeterministicTarGz(mtime, (chunk) => {
      this.hash.update(chunk);
      this.size += chunk.length;
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
    });
  }
  createFile;
  memory;
  tar;
  hash = createHash2("sha256");
  pending = [];
  pendingBytes = 0;
  size = 0;
  /** Bytes taken from `memory` for the pending chunks, while the archive is in memory. */
  held = 0;
  file;
  async addFile(path, data) {
    this.tar.addFile(path, data);
    await this.place();
  }
  /** Ends the archive; a file is closed. */
  async finish() {
    this.tar.finish();
    await this.place();
    const digest = `sha256:${this.hash.digest("hex")}`;
    if (!this.file) return { digest, size: this.size, bytes: Buffer.concat(this.pending) };
    try {
      await this.flush();
    } finally {
      await this.file.handle.close();
    }
    return { digest, size: this.size, path: this.file.path };
  }
  /** Lets go of the archive after an error: the file is closed, the memory given back. */
  async abandon() {
    this.memory?.giveBack(this.held);
    this.held = 0;
    await this.file?.handle.close().catch(() => {
    });
  }
  // Keeps the new bytes in memory if they fit, else moves the archive to its file.
  async place() {
    if (!this.file) {
      const more = this.pendingBytes - this.held;
      if (this.memory && this.pendingBytes <= this.memory.perArchive && this.memory.take(more)) {
        this.held = this.pendingBytes;
        return;
      }
      this.memory?.giveBack(this.held);
      this.held = 0;
      const path = await this.createFile();
      this.file = { path, handle: await open(path, "w") };
    }
    if (this.pendingBytes >= WRITE_BATCH_BYTES) await this.flush();
  }
  async flush() {
    const chunks = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    let rest = chunks;
    while (rest.length > 0) {
      let { bytesWritten } = await this.file.handle.writev(rest);
      const left = [];
      for (const chunk of rest) {
        if (bytesWritten >= chunk.length) bytesWritten -= chunk.length;
        else {
          left.push(chunk.subarray(bytesWritten));
          bytesWritten = 0;
        }
      }
      rest = left;
    }
  }
};
function standIn(path) {
  return path.replace(/[^\x20-\x7e]/g, "_").slice(0, 99);
}

// src/chart/package.ts
async function checkChart(dir, opts) {
  const { files, ignore } = await readChartDirectory(dir);
  if (!files.some((f) => f.name === "Chart.yaml")) {
    const rule = ignore.ruleIgnoring("Chart.yaml", false);
    throw new ChartError(
      rule ? `${dir}: Chart.yaml is excluded by the .helmignore rule ${JSON.stringify(rule)}` + (rule.startsWith("!") ? ' (in .helmignore, "!pattern" ignores every path that does not match pattern; it does not re-include)' : "") : `${dir} has no Chart.yaml; give the chart's folder`
    );
  }
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total >= MAX_CHART_BYTES) throw new ChartError(`${dir} holds ${total} bytes of files; Helm refuses to load charts over 100 MiB: add large files to .helmignore`);
  const loaded = await loadChartFiles(files, dir, { strict: true });
  const metadata = withOverrides(loaded.metadata, opts);
  checkDependencies(loaded, metadata);
  return { metadata, dir, chart: { ...loaded, metadata } };
}
async function writeChartPackage(checked, opts) {
  if (!(opts.mtime instanceof Date) || Number.isNaN(opts.mtime.getTime())) throw new ChartError(`chart ${checked.dir}: the package time is not a valid date`);
  const { metadata, dir, chart } = checked;
  const fileName = `${metadata.name}-${metadata.version}.tgz`;
  const outDir = opts.outDir ?? tmpdir();
  let folder;
  const createFile = async () => {
    folder = await mkdtemp(join2(outDir, "chart-")).catch((error) => {
      throw new ChartError(`cannot write the chart archive of ${dir} in ${outDir} (${isFsError(error) ? error.code : error.message})`, { cause: error });
    });
    return join2(folder, fileName);
  };
  const out = new TarGzOutput(opts.mtime, createFile, opts.memory);
  try {
    try {
      await writeChart(out, chart, "", /* @__PURE__ */ new Set());
    } catch (error) {
      await out.abandon();
      throw error;
    }
    return { metadata, fileName, ...await out.finish() };
  } catch (error) {
    if (folder) await rm(folder, { recursive: true, force: true });
    if (isFsError(error)) throw new ChartError(`cannot write the chart archive ${folder ? join2(folder, fileName) : fileName} (${error.code}: ${error.message})`, { cause: error });
    throw error;
  }
}
function checkDependencies(chart, metadata) {
  const present = new Set(chart.subcharts.map((s) => s.metadata.name));
  const missing = (metadata.dependencies ?? []).map((d) => d.name).filter((name2) => !present.has(name2));
  if (missing.length === 0) return;
  const list = [...new Set(missing)].map((n) => JSON.stringify(n)).join(", ");
  throw new ChartError(
    `${chart.where}: ${missing.length === 1 ? "dependency" : "dependencies"} ${list} ${missing.length === 1 ? "is" : "are"} listed in Chart.yaml but missing from charts/; set the action input "dependency-update: true" to run "helm dependency update", or commit the charts/ folder`
  );
}
async function writeChart(writer, chart, prefix, written) {
  const base = `${prefix}${chart.metadata.name}`;
  const add = async (name2, data) => {
    const path = `${base}/${name2}`;
    if (written.has(path)) throw new ChartError(`${chart.where}: two files would both be packaged as ${path}; rename or remove one`);
    written.add(path);
    await writer.addFile(path, typeof data === "function" ? await data() : data);
  };
  await add("Chart.yaml", Buffer.from(chartYamlText(chart.metadata), "utf8"));
  if (chart.lock !== void 0) await add("Chart.lock", Buffer.from(chart.lock, "utf8"));
  if (chart.values) await add("values.yaml", chart.values);
  if (chart.schema) await add("values.schema.json", chart.schema);
  for (const f of chart.templates) await add(f.name, () => f.read());
  for (const f of chart.files) await add(f.name, () => f.read());
  const subcharts = [...chart.subcharts].sort((a, b) => Buffer.compare(Buffer.from(a.metadata.name), Buffer.from(b.metadata.name)));
  for (let i2 = 1; i2 < subcharts.length; i2++) {
    if (subcharts[i2].metadata.name === subcharts[i2 - 1].metadata.name) {
      throw new ChartError(`${chart.where}: ${subcharts[i2 - 1].where} and ${subcharts[i2].where} are both the chart ${JSON.stringify(subcharts[i2].metadata.name)}; keep only one in charts/`);
    }
  }
  for (const sub of subcharts) await writeChart(writer, sub, `${base}/charts/`, written);
}

// src/helm/version.ts
var import_semver2 = __toESM(require_semver(), 1);
var DEFAULT_HELM_VERSION = "4.1.4";
var MINIMUM_HELM_VERSION = "3.8.0";
var DEFAULT_HELM_MIRROR = "https://get.helm.sh";
function parseHelmVersion(input) {
  const bare = input.trim().replace(/^v/, "");
  if (import_semver2.default.valid(bare) !== bare) {
    throw new HelmError(
      `helm-version "${input}" is not an exact Helm version: give a full x.y.z such as ${DEFAULT_HELM_VERSION} or v${DEFAULT_HELM_VERSION} (ranges are not accepted), or leave it empty`
    );
  }
  if (import_semver2.default.lt(bare, MINIMUM_HELM_VERSION)) {
    throw new HelmError(`helm-version ${bare} is too old: OCI registries need Helm ${MINIMUM_HELM_VERSION} or newer`);
  }
  return bare;
}
function normalizeMirror(input) {
  const trimmed = input.trim().replace(/\/+$/, "");
  if (trimmed === "") return DEFAULT_HELM_MIRROR;
  if (urlUserInfo(trimmed) !== void 0) {
    throw new HelmError("helm-mirror must not contain credentials: give a mirror that needs none, or one on the runner's network");
  }
  let url;
  try {
    url = new URL(trimmed);
  } catch {
    throw new HelmError(`helm-mirror "${input}" is not a URL: give a base URL such as ${DEFAULT_HELM_MIRROR}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new HelmError(`helm-mirror "${input}" must be an http(s) URL`);
  }
  if (url.username || url.password) {
    throw new HelmError("helm-mirror must not contain credentials");
  }
  return trimmed;
}

export {
  isStrictSemver,
  parseChartYaml,
  configJson,
  readChartArchive,
  archiveFileDigests,
  ArchiveMemory,
  checkChart,
  writeChartPackage,
  DEFAULT_HELM_VERSION,
  MINIMUM_HELM_VERSION,
  parseHelmVersion,
  normalizeMirror
};
