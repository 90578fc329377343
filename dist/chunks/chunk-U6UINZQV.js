import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  ChartError,
  GoYamlError,
  formatGoFloat,
  isFsError,
  jsonToGoYaml,
  resolvePlainScalar
} from "./chunk-AMSNIPQQ.js";
import {
  goJsonObject,
  goJsonString,
  goJsonValue,
  require_dist,
  require_semver,
  sortedByUtf8
} from "./chunk-KO26MPYU.js";
import {
  HttpClient,
  cp,
  debug,
  exec,
  getExecOutput,
  info,
  isDebug,
  mkdirP,
  rmRF,
  which
} from "./chunk-7PAE4VLK.js";
import {
  __toESM
} from "./chunk-6DG7BXTN.js";

// src/chart/metadata.ts
var import_semver = __toESM(require_semver(), 1);

// src/chart/go-yaml-load.ts
var import_yaml = __toESM(require_dist(), 1);
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
var GoYamlError2 = class extends Error {
  name = "GoYamlError";
};
var STR_TAG = "tag:yaml.org,2002:str";
var MAX_DEPTH = 200;
function loadGoYaml(text) {
  const first = parseDocuments(text)[0];
  return first ? decodeDocument(first) : null;
}
function loadAllGoYaml(text) {
  return parseDocuments(text).map(decodeDocument);
}
function parseDocuments(text) {
  const docs = (0, import_yaml.parseAllDocuments)(text, { schema: "failsafe", version: "1.1", uniqueKeys: false, prettyErrors: false });
  return Array.isArray(docs) ? docs : [];
}
function decodeDocument(doc) {
  const error = doc.errors[0];
  if (error) throw new GoYamlError2(error.message.split("\n")[0] ?? error.message);
  return convert(doc.contents, doc, 0);
}
function convert(node, doc, depth) {
  if (depth > MAX_DEPTH) throw new GoYamlError2("the YAML nests too deep (an alias that refers to itself?)");
  if (node === null || node === void 0) return null;
  if ((0, import_yaml.isAlias)(node)) return convert(node.resolve(doc), doc, depth + 1);
  if ((0, import_yaml.isScalar)(node)) {
    const text = node.value === null || node.value === void 0 ? "" : String(node.value);
    const plain = node.type === "PLAIN" || node.type === void 0;
    if (node.tag === STR_TAG || !plain && !node.tag) return text;
    return typed(resolvePlainScalar(text));
  }
  if ((0, import_yaml.isSeq)(node)) return node.items.map((item) => convert(item, doc, depth + 1));
  if ((0, import_yaml.isMap)(node)) {
    const map = new GoMap();
    for (const pair of node.items) {
      const keyNode = pair.key;
      const value = pair.value;
      if ((0, import_yaml.isScalar)(keyNode) && keyNode.type === "PLAIN" && !keyNode.tag && keyNode.value === "<<") {
        merge(map, convert(value, doc, depth + 1));
        continue;
      }
      map.entries.set(jsonKey(convert(keyNode, doc, depth + 1)), convert(value, doc, depth + 1));
    }
    return map;
  }
  throw new GoYamlError2("unsupported YAML node");
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
    if (!(item instanceof GoMap)) throw new GoYamlError2('a "<<" merge key needs a mapping or a list of mappings');
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
  throw new GoYamlError2(`a mapping key must be a string, number or boolean, not ${key === null ? "null" : "a collection"}`);
}

// src/chart/go-decode.ts
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
      return value.map((item, i2) => decodeShape(item, shape.of, `${field}[${i2}]`) ?? zero(shape.of));
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
  return [...map.entries].sort(([a], [b2]) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b2, "utf8")));
}
function toJson(value, field) {
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (value instanceof GoInt) return Number(value.value);
  if (value instanceof GoFloat) {
    if (!Number.isFinite(value.value)) throw new DecodeError(field, "a finite number (JSON has no NaN or infinity)", String(value.value));
    return value.value;
  }
  if (Array.isArray(value)) return value.map((item, i2) => toJson(item, `${field}[${i2}]`));
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
  let decoded;
  try {
    decoded = decodeShape(loadGoYaml(text), METADATA_SHAPE);
  } catch (error) {
    if (error instanceof GoYamlError2) throw new ChartError(`${where} is not valid YAML: ${error.message}`, { cause: error });
    if (error instanceof DecodeError) throw new ChartError(`${where}: ${error.message}`, { cause: error });
    throw error;
  }
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
  const name = sanitize(text("name") ?? "");
  if (name === "") throw new ChartError(`${where}: name is missing; add "name: <chart name>" to Chart.yaml`);
  if (name === "." || name === ".." || name.includes("/") || name.includes("\\")) {
    throw new ChartError(`${where}: name ${JSON.stringify(name)} is not a valid chart name; it must not be "." or ".." or contain "/" or "\\"`);
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
  const meta = { apiVersion, name, version };
  setText(meta, "home", text("home"));
  if (strings("sources")) meta.sources = strings("sources").map(sanitize);
  setText(meta, "description", text("description"));
  if (strings("keywords")) meta.keywords = strings("keywords").map(sanitize);
  if (Array.isArray(raw.maintainers)) meta.maintainers = raw.maintainers.map((m2, i2) => validateMaintainer(m2, i2, where));
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
  const clean2 = sanitize(value);
  if (clean2 !== "") meta[key] = clean2;
}
function validateMaintainer(raw, index, where) {
  if (raw === null) throw new ChartError(`${where}: maintainers[${index}] is empty; remove the empty "-" entry`);
  const m2 = { name: sanitize(typeof raw.name === "string" ? raw.name : "") };
  for (const key of ["email", "url"]) {
    const value = typeof raw[key] === "string" ? sanitize(raw[key]) : "";
    if (value !== "") m2[key] = value;
  }
  return m2;
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
function toDependency(raw, clean2) {
  const s3 = (key) => {
    const value = typeof raw[key] === "string" ? raw[key] : "";
    return clean2 ? sanitize(value) : value;
  };
  const dep = { name: s3("name") };
  if (s3("version") !== "") dep.version = s3("version");
  if (s3("repository") !== "") dep.repository = s3("repository");
  if (s3("condition") !== "") dep.condition = s3("condition");
  if (Array.isArray(raw.tags)) dep.tags = raw.tags.map((t) => clean2 ? sanitize(t) : t);
  if (raw.enabled === true) dep.enabled = true;
  if (Array.isArray(raw["import-values"])) dep["import-values"] = raw["import-values"].map(toPlain);
  if (typeof raw.alias === "string" && raw.alias !== "") dep.alias = raw.alias;
  return dep;
}
function isStrictSemver(version) {
  const parsed = import_semver.default.parse(version);
  if (!parsed) return false;
  const canonical = parsed.version + (parsed.build.length > 0 ? `+${parsed.build.join(".")}` : "");
  return canonical === version;
}
var LOOSE_SEMVER = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;
function isHelmSemver(version) {
  const m2 = LOOSE_SEMVER.exec(version);
  if (!m2) return false;
  const tooBig = (n) => n !== void 0 && BigInt(n) > 2n ** 64n - 1n;
  if (tooBig(m2[1]) || tooBig(m2[2]) || tooBig(m2[3])) return false;
  return (m2[4] ?? "").split(".").every((id) => !/^0\d+$/.test(id));
}
function semverHint(version) {
  const coerced = import_semver.default.coerce(version, { includePrerelease: true });
  const suggestion = coerced && coerced.version !== version ? `, e.g. ${JSON.stringify(coerced.version)}` : ', e.g. "1.2.3"';
  return `: write MAJOR.MINOR.PATCH with an optional -prerelease and +build${suggestion}; quote it in YAML if it could read as a number`;
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
    const appVersion = sanitize(overrides.appVersion);
    if (appVersion === "") delete out.appVersion;
    else out.appVersion = appVersion;
  }
  return out;
}
function configJson(meta) {
  const str = (v2) => v2 ? goJsonString(v2) : void 0;
  const strs = (v2) => v2 && v2.length > 0 ? `[${v2.map(goJsonString).join(",")}]` : void 0;
  const maintainers = meta.maintainers && meta.maintainers.length > 0 ? `[${meta.maintainers.map((m2) => goJsonObject([["name", str(m2.name)], ["email", str(m2.email)], ["url", str(m2.url)]])).join(",")}]` : void 0;
  const annotations = meta.annotations && Object.keys(meta.annotations).length > 0 ? `{${sortedByUtf8(Object.keys(meta.annotations)).map((k2) => `${goJsonString(k2)}:${goJsonString(meta.annotations[k2])}`).join(",")}}` : void 0;
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
  const str = (v2) => v2 ? goJsonString(v2) : void 0;
  const importValues = dep["import-values"];
  return goJsonObject([
    ["name", goJsonString(dep.name ?? "")],
    ["version", str(dep.version)],
    ["repository", goJsonString(dep.repository ?? "")],
    ["condition", str(dep.condition)],
    ["tags", dep.tags && dep.tags.length > 0 ? `[${dep.tags.map(goJsonString).join(",")}]` : void 0],
    ["enabled", dep.enabled ? "true" : void 0],
    ["import-values", importValues && importValues.length > 0 ? `[${importValues.map((v2) => goJsonValue(toJsonValue(v2))).join(",")}]` : void 0],
    ["alias", str(dep.alias)]
  ]);
}
function chartYamlText(meta) {
  const written = meta.apiVersion === "v1" ? { ...meta, dependencies: void 0 } : meta;
  return goYaml(configJson(written), `chart ${meta.name}`);
}
function goYaml(json, what) {
  try {
    return jsonToGoYaml(json);
  } catch (error) {
    if (error instanceof GoYamlError) throw new ChartError(`${what}: ${error.message}`, { cause: error });
    throw error;
  }
}
function toPlain(value) {
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k2, v2]) => [k2, toPlain(v2)]));
  return value;
}
function toJsonValue(value) {
  if (value === null || value === void 0) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(toJsonValue);
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
  return new Map(entries.map(([k2, v2]) => [String(k2), toJsonValue(v2)]));
}
var GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
var GO_PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;
function sanitize(value) {
  let out = "";
  for (const char of value) {
    if (GO_SPACE.test(char)) out += " ";
    else if (GO_PRINTABLE.test(char)) out += char;
  }
  return out;
}

// src/chart/package.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";

// src/chart/loader.ts
import { posix } from "node:path";

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
  let raw;
  try {
    raw = decodeShape(loadGoYaml(text), LOCK_SHAPE) ?? {};
  } catch (error) {
    if (error instanceof GoYamlError2) throw new ChartError(`${where} is not valid YAML: ${error.message}`, { cause: error });
    if (error instanceof DecodeError) throw new ChartError(`${where}: ${error.message}`, { cause: error });
    throw error;
  }
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
var RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|([+-])(\d{2}):(\d{2}))$/;
function goTimeJson(value, where) {
  if (value === null || value === void 0) return "0001-01-01T00:00:00Z";
  const bad = () => new ChartError(`${where}: "generated" must be an RFC 3339 time such as "2024-05-01T12:00:00Z", not ${JSON.stringify(value)}; run "helm dependency update" to rewrite Chart.lock`);
  if (typeof value !== "string") throw bad();
  const m2 = RFC3339.exec(value);
  if (!m2) throw bad();
  const [, year, month, day, hour, minute, second, fraction, zone, , zoneHour, zoneMinute] = m2;
  const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > daysInMonth) throw bad();
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) throw bad();
  if (zone !== "Z" && (Number(zoneHour) >= 24 || Number(zoneMinute) >= 60)) throw bad();
  const nanos = (fraction ?? "").slice(0, 9).replace(/0+$/, "");
  const offsetZero = zone === "Z" || Number(zoneHour) === 0 && Number(zoneMinute) === 0;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${nanos ? `.${nanos}` : ""}${offsetZero ? "Z" : zone}`;
}

// src/chart/tar-read.ts
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";

// node_modules/tar/dist/esm/index.min.js
import Qr from "events";
import I from "fs";
import { EventEmitter as Di } from "node:events";
import Cs from "node:stream";
import { StringDecoder as Hr } from "node:string_decoder";
import cr from "node:path";
import Kt from "node:fs";
import { dirname as Fn, parse as kn } from "path";
import { EventEmitter as Dn } from "events";
import zi from "assert";
import { Buffer as Ot } from "buffer";
import * as Ps from "zlib";
import en from "zlib";
import { posix as Zt } from "node:path";
import { basename as _n } from "node:path";
import mi from "fs";
import X from "fs";
import js from "path";
import { win32 as Pn } from "node:path";
import ar from "path";
import Br from "node:fs";
import co from "node:assert";
import { randomBytes as Mr } from "node:crypto";
import u from "node:fs";
import R from "node:path";
import pr from "fs";
import wi from "node:fs";
import we from "node:path";
import k from "node:fs";
import ro from "node:fs/promises";
import Si from "node:path";
import { join as xr } from "node:path";
import v from "node:fs";
import Pr from "node:path";
var zr = Object.defineProperty;
var Ur = (s3, t) => {
  for (var e in t) zr(s3, e, { get: t[e], enumerable: true });
};
var Ds = typeof process == "object" && process ? process : { stdout: null, stderr: null };
var Wr = (s3) => !!s3 && typeof s3 == "object" && (s3 instanceof A || s3 instanceof Cs || Gr(s3) || Zr(s3));
var Gr = (s3) => !!s3 && typeof s3 == "object" && s3 instanceof Di && typeof s3.pipe == "function" && s3.pipe !== Cs.Writable.prototype.pipe;
var Zr = (s3) => !!s3 && typeof s3 == "object" && s3 instanceof Di && typeof s3.write == "function" && typeof s3.end == "function";
var Q = /* @__PURE__ */ Symbol("EOF");
var J = /* @__PURE__ */ Symbol("maybeEmitEnd");
var nt = /* @__PURE__ */ Symbol("emittedEnd");
var De = /* @__PURE__ */ Symbol("emittingEnd");
var qt = /* @__PURE__ */ Symbol("emittedError");
var Ne = /* @__PURE__ */ Symbol("closed");
var Ns = /* @__PURE__ */ Symbol("read");
var Ae = /* @__PURE__ */ Symbol("flush");
var As = /* @__PURE__ */ Symbol("flushChunk");
var z = /* @__PURE__ */ Symbol("encoding");
var Mt = /* @__PURE__ */ Symbol("decoder");
var g = /* @__PURE__ */ Symbol("flowing");
var Qt = /* @__PURE__ */ Symbol("paused");
var Bt = /* @__PURE__ */ Symbol("resume");
var b = /* @__PURE__ */ Symbol("buffer");
var N = /* @__PURE__ */ Symbol("pipes");
var _ = /* @__PURE__ */ Symbol("bufferLength");
var bi = /* @__PURE__ */ Symbol("bufferPush");
var Ie = /* @__PURE__ */ Symbol("bufferShift");
var L = /* @__PURE__ */ Symbol("objectMode");
var S = /* @__PURE__ */ Symbol("destroyed");
var _i = /* @__PURE__ */ Symbol("error");
var Oi = /* @__PURE__ */ Symbol("emitData");
var Is = /* @__PURE__ */ Symbol("emitEnd");
var Ti = /* @__PURE__ */ Symbol("emitEnd2");
var Z = /* @__PURE__ */ Symbol("async");
var xi = /* @__PURE__ */ Symbol("abort");
var Ce = /* @__PURE__ */ Symbol("aborted");
var Jt = /* @__PURE__ */ Symbol("signal");
var Rt = /* @__PURE__ */ Symbol("dataListeners");
var C = /* @__PURE__ */ Symbol("discarded");
var jt = (s3) => Promise.resolve().then(s3);
var Yr = (s3) => s3();
var Kr = (s3) => s3 === "end" || s3 === "finish" || s3 === "prefinish";
var Vr = (s3) => s3 instanceof ArrayBuffer || !!s3 && typeof s3 == "object" && s3.constructor && s3.constructor.name === "ArrayBuffer" && s3.byteLength >= 0;
var $r = (s3) => !Buffer.isBuffer(s3) && ArrayBuffer.isView(s3);
var Fe = class {
  src;
  dest;
  opts;
  ondrain;
  constructor(t, e, i2) {
    this.src = t, this.dest = e, this.opts = i2, this.ondrain = () => t[Bt](), this.dest.on("drain", this.ondrain);
  }
  unpipe() {
    this.dest.removeListener("drain", this.ondrain);
  }
  proxyErrors(t) {
  }
  end() {
    this.unpipe(), this.opts.end && this.dest.end();
  }
};
var Li = class extends Fe {
  unpipe() {
    this.src.removeListener("error", this.proxyErrors), super.unpipe();
  }
  constructor(t, e, i2) {
    super(t, e, i2), this.proxyErrors = (r) => this.dest.emit("error", r), t.on("error", this.proxyErrors);
  }
};
var Xr = (s3) => !!s3.objectMode;
var qr = (s3) => !s3.objectMode && !!s3.encoding && s3.encoding !== "buffer";
var A = class extends Di {
  [g] = false;
  [Qt] = false;
  [N] = [];
  [b] = [];
  [L];
  [z];
  [Z];
  [Mt];
  [Q] = false;
  [nt] = false;
  [De] = false;
  [Ne] = false;
  [qt] = null;
  [_] = 0;
  [S] = false;
  [Jt];
  [Ce] = false;
  [Rt] = 0;
  [C] = false;
  writable = true;
  readable = true;
  constructor(...t) {
    let e = t[0] || {};
    if (super(), e.objectMode && typeof e.encoding == "string") throw new TypeError("Encoding and objectMode may not be used together");
    Xr(e) ? (this[L] = true, this[z] = null) : qr(e) ? (this[z] = e.encoding, this[L] = false) : (this[L] = false, this[z] = null), this[Z] = !!e.async, this[Mt] = this[z] ? new Hr(this[z]) : null, e && e.debugExposeBuffer === true && Object.defineProperty(this, "buffer", { get: () => this[b] }), e && e.debugExposePipes === true && Object.defineProperty(this, "pipes", { get: () => this[N] });
    let { signal: i2 } = e;
    i2 && (this[Jt] = i2, i2.aborted ? this[xi]() : i2.addEventListener("abort", () => this[xi]()));
  }
  get bufferLength() {
    return this[_];
  }
  get encoding() {
    return this[z];
  }
  set encoding(t) {
    throw new Error("Encoding must be set at instantiation time");
  }
  setEncoding(t) {
    throw new Error("Encoding must be set at instantiation time");
  }
  get objectMode() {
    return this[L];
  }
  set objectMode(t) {
    throw new Error("objectMode must be set at instantiation time");
  }
  get async() {
    return this[Z];
  }
  set async(t) {
    this[Z] = this[Z] || !!t;
  }
  [xi]() {
    this[Ce] = true, this.emit("abort", this[Jt]?.reason), this.destroy(this[Jt]?.reason);
  }
  get aborted() {
    return this[Ce];
  }
  set aborted(t) {
  }
  write(t, e, i2) {
    if (this[Ce]) return false;
    if (this[Q]) throw new Error("write after end");
    if (this[S]) return this.emit("error", Object.assign(new Error("Cannot call write after a stream was destroyed"), { code: "ERR_STREAM_DESTROYED" })), true;
    typeof e == "function" && (i2 = e, e = "utf8"), e || (e = "utf8");
    let r = this[Z] ? jt : Yr;
    if (!this[L] && !Buffer.isBuffer(t)) {
      if ($r(t)) t = Buffer.from(t.buffer, t.byteOffset, t.byteLength);
      else if (Vr(t)) t = Buffer.from(t);
      else if (typeof t != "string") throw new Error("Non-contiguous data written to non-objectMode stream");
    }
    return this[L] ? (this[g] && this[_] !== 0 && this[Ae](true), this[g] ? this.emit("data", t) : this[bi](t), this[_] !== 0 && this.emit("readable"), i2 && r(i2), this[g]) : t.length ? (typeof t == "string" && !(e === this[z] && !this[Mt]?.lastNeed) && (t = Buffer.from(t, e)), Buffer.isBuffer(t) && this[z] && (t = this[Mt].write(t)), this[g] && this[_] !== 0 && this[Ae](true), this[g] ? this.emit("data", t) : this[bi](t), this[_] !== 0 && this.emit("readable"), i2 && r(i2), this[g]) : (this[_] !== 0 && this.emit("readable"), i2 && r(i2), this[g]);
  }
  read(t) {
    if (this[S]) return null;
    if (this[C] = false, this[_] === 0 || t === 0 || t && t > this[_]) return this[J](), null;
    this[L] && (t = null), this[b].length > 1 && !this[L] && (this[b] = [this[z] ? this[b].join("") : Buffer.concat(this[b], this[_])]);
    let e = this[Ns](t || null, this[b][0]);
    return this[J](), e;
  }
  [Ns](t, e) {
    if (this[L]) this[Ie]();
    else {
      let i2 = e;
      t === i2.length || t === null ? this[Ie]() : typeof i2 == "string" ? (this[b][0] = i2.slice(t), e = i2.slice(0, t), this[_] -= t) : (this[b][0] = i2.subarray(t), e = i2.subarray(0, t), this[_] -= t);
    }
    return this.emit("data", e), !this[b].length && !this[Q] && this.emit("drain"), e;
  }
  end(t, e, i2) {
    return typeof t == "function" && (i2 = t, t = void 0), typeof e == "function" && (i2 = e, e = "utf8"), t !== void 0 && this.write(t, e), i2 && this.once("end", i2), this[Q] = true, this.writable = false, (this[g] || !this[Qt]) && this[J](), this;
  }
  [Bt]() {
    this[S] || (!this[Rt] && !this[N].length && (this[C] = true), this[Qt] = false, this[g] = true, this.emit("resume"), this[b].length ? this[Ae]() : this[Q] ? this[J]() : this.emit("drain"));
  }
  resume() {
    return this[Bt]();
  }
  pause() {
    this[g] = false, this[Qt] = true, this[C] = false;
  }
  get destroyed() {
    return this[S];
  }
  get flowing() {
    return this[g];
  }
  get paused() {
    return this[Qt];
  }
  [bi](t) {
    this[L] ? this[_] += 1 : this[_] += t.length, this[b].push(t);
  }
  [Ie]() {
    return this[L] ? this[_] -= 1 : this[_] -= this[b][0].length, this[b].shift();
  }
  [Ae](t = false) {
    do
      ;
    while (this[As](this[Ie]()) && this[b].length);
    !t && !this[b].length && !this[Q] && this.emit("drain");
  }
  [As](t) {
    return this.emit("data", t), this[g];
  }
  pipe(t, e) {
    if (this[S]) return t;
    this[C] = false;
    let i2 = this[nt];
    return e = e || {}, t === Ds.stdout || t === Ds.stderr ? e.end = false : e.end = e.end !== false, e.proxyErrors = !!e.proxyErrors, i2 ? e.end && t.end() : (this[N].push(e.proxyErrors ? new Li(this, t, e) : new Fe(this, t, e)), this[Z] ? jt(() => this[Bt]()) : this[Bt]()), t;
  }
  unpipe(t) {
    let e = this[N].find((i2) => i2.dest === t);
    e && (this[N].length === 1 ? (this[g] && this[Rt] === 0 && (this[g] = false), this[N] = []) : this[N].splice(this[N].indexOf(e), 1), e.unpipe());
  }
  addListener(t, e) {
    return this.on(t, e);
  }
  on(t, e) {
    let i2 = super.on(t, e);
    if (t === "data") this[C] = false, this[Rt]++, !this[N].length && !this[g] && this[Bt]();
    else if (t === "readable" && this[_] !== 0) super.emit("readable");
    else if (Kr(t) && this[nt]) super.emit(t), this.removeAllListeners(t);
    else if (t === "error" && this[qt]) {
      let r = e;
      this[Z] ? jt(() => r.call(this, this[qt])) : r.call(this, this[qt]);
    }
    return i2;
  }
  removeListener(t, e) {
    return this.off(t, e);
  }
  off(t, e) {
    let i2 = super.off(t, e);
    return t === "data" && (this[Rt] = this.listeners("data").length, this[Rt] === 0 && !this[C] && !this[N].length && (this[g] = false)), i2;
  }
  removeAllListeners(t) {
    let e = super.removeAllListeners(t);
    return (t === "data" || t === void 0) && (this[Rt] = 0, !this[C] && !this[N].length && (this[g] = false)), e;
  }
  get emittedEnd() {
    return this[nt];
  }
  [J]() {
    !this[De] && !this[nt] && !this[S] && this[b].length === 0 && this[Q] && (this[De] = true, this.emit("end"), this.emit("prefinish"), this.emit("finish"), this[Ne] && this.emit("close"), this[De] = false);
  }
  emit(t, ...e) {
    let i2 = e[0];
    if (t !== "error" && t !== "close" && t !== S && this[S]) return false;
    if (t === "data") return !this[L] && !i2 ? false : this[Z] ? (jt(() => this[Oi](i2)), true) : this[Oi](i2);
    if (t === "end") return this[Is]();
    if (t === "close") {
      if (this[Ne] = true, !this[nt] && !this[S]) return false;
      let n = super.emit("close");
      return this.removeAllListeners("close"), n;
    } else if (t === "error") {
      this[qt] = i2, super.emit(_i, i2);
      let n = !this[Jt] || this.listeners("error").length ? super.emit("error", i2) : false;
      return this[J](), n;
    } else if (t === "resume") {
      let n = super.emit("resume");
      return this[J](), n;
    } else if (t === "finish" || t === "prefinish") {
      let n = super.emit(t);
      return this.removeAllListeners(t), n;
    }
    let r = super.emit(t, ...e);
    return this[J](), r;
  }
  [Oi](t) {
    for (let i2 of this[N]) i2.dest.write(t) === false && this.pause();
    let e = this[C] ? false : super.emit("data", t);
    return this[J](), e;
  }
  [Is]() {
    return this[nt] ? false : (this[nt] = true, this.readable = false, this[Z] ? (jt(() => this[Ti]()), true) : this[Ti]());
  }
  [Ti]() {
    if (this[Mt]) {
      let e = this[Mt].end();
      if (e) {
        for (let i2 of this[N]) i2.dest.write(e);
        this[C] || super.emit("data", e);
      }
    }
    for (let e of this[N]) e.end();
    let t = super.emit("end");
    return this.removeAllListeners("end"), t;
  }
  async collect() {
    let t = Object.assign([], { dataLength: 0 });
    this[L] || (t.dataLength = 0);
    let e = this.promise();
    return this.on("data", (i2) => {
      t.push(i2), this[L] || (t.dataLength += i2.length);
    }), await e, t;
  }
  async concat() {
    if (this[L]) throw new Error("cannot concat in objectMode");
    let t = await this.collect();
    return this[z] ? t.join("") : Buffer.concat(t, t.dataLength);
  }
  async promise() {
    return new Promise((t, e) => {
      this.on(S, () => e(new Error("stream destroyed"))), this.on("error", (i2) => e(i2)), this.on("end", () => t());
    });
  }
  [Symbol.asyncIterator]() {
    this[C] = false;
    let t = false, e = async () => (this.pause(), t = true, { value: void 0, done: true });
    return { next: () => {
      if (t) return e();
      let r = this.read();
      if (r !== null) return Promise.resolve({ done: false, value: r });
      if (this[Q]) return e();
      let n, o, h = (d) => {
        this.off("data", a), this.off("end", l), this.off(S, c), e(), o(d);
      }, a = (d) => {
        this.off("error", h), this.off("end", l), this.off(S, c), this.pause(), n({ value: d, done: !!this[Q] });
      }, l = () => {
        this.off("error", h), this.off("data", a), this.off(S, c), e(), n({ done: true, value: void 0 });
      }, c = () => h(new Error("stream destroyed"));
      return new Promise((d, y) => {
        o = y, n = d, this.once(S, c), this.once("error", h), this.once("end", l), this.once("data", a);
      });
    }, throw: e, return: e, [Symbol.asyncIterator]() {
      return this;
    }, [Symbol.asyncDispose]: async () => {
    } };
  }
  [Symbol.iterator]() {
    this[C] = false;
    let t = false, e = () => (this.pause(), this.off(_i, e), this.off(S, e), this.off("end", e), t = true, { done: true, value: void 0 }), i2 = () => {
      if (t) return e();
      let r = this.read();
      return r === null ? e() : { done: false, value: r };
    };
    return this.once("end", e), this.once(_i, e), this.once(S, e), { next: i2, throw: e, return: e, [Symbol.iterator]() {
      return this;
    }, [Symbol.dispose]: () => {
    } };
  }
  destroy(t) {
    if (this[S]) return t ? this.emit("error", t) : this.emit(S), this;
    this[S] = true, this[C] = true, this[b].length = 0, this[_] = 0;
    let e = this;
    return typeof e.close == "function" && !this[Ne] && e.close(), t ? this.emit("error", t) : this.emit(S), this;
  }
  static get isStream() {
    return Wr;
  }
};
var Jr = I.writev;
var ht = /* @__PURE__ */ Symbol("_autoClose");
var H = /* @__PURE__ */ Symbol("_close");
var te = /* @__PURE__ */ Symbol("_ended");
var m = /* @__PURE__ */ Symbol("_fd");
var Ni = /* @__PURE__ */ Symbol("_finished");
var tt = /* @__PURE__ */ Symbol("_flags");
var Ai = /* @__PURE__ */ Symbol("_flush");
var ki = /* @__PURE__ */ Symbol("_handleChunk");
var vi = /* @__PURE__ */ Symbol("_makeBuf");
var ie = /* @__PURE__ */ Symbol("_mode");
var ke = /* @__PURE__ */ Symbol("_needDrain");
var Ut = /* @__PURE__ */ Symbol("_onerror");
var Ht = /* @__PURE__ */ Symbol("_onopen");
var Ii = /* @__PURE__ */ Symbol("_onread");
var Pt = /* @__PURE__ */ Symbol("_onwrite");
var at = /* @__PURE__ */ Symbol("_open");
var U = /* @__PURE__ */ Symbol("_path");
var ot = /* @__PURE__ */ Symbol("_pos");
var Y = /* @__PURE__ */ Symbol("_queue");
var zt = /* @__PURE__ */ Symbol("_read");
var Ci = /* @__PURE__ */ Symbol("_readSize");
var j = /* @__PURE__ */ Symbol("_reading");
var ee = /* @__PURE__ */ Symbol("_remain");
var Fi = /* @__PURE__ */ Symbol("_size");
var ve = /* @__PURE__ */ Symbol("_write");
var gt = /* @__PURE__ */ Symbol("_writing");
var Me = /* @__PURE__ */ Symbol("_defaultFlag");
var bt = /* @__PURE__ */ Symbol("_errored");
var _t = class extends A {
  [bt] = false;
  [m];
  [U];
  [Ci];
  [j] = false;
  [Fi];
  [ee];
  [ht];
  constructor(t, e) {
    if (e = e || {}, super(e), this.readable = true, this.writable = false, typeof t != "string") throw new TypeError("path must be a string");
    this[bt] = false, this[m] = typeof e.fd == "number" ? e.fd : void 0, this[U] = t, this[Ci] = e.readSize || 16 * 1024 * 1024, this[j] = false, this[Fi] = typeof e.size == "number" ? e.size : 1 / 0, this[ee] = this[Fi], this[ht] = typeof e.autoClose == "boolean" ? e.autoClose : true, typeof this[m] == "number" ? this[zt]() : this[at]();
  }
  get fd() {
    return this[m];
  }
  get path() {
    return this[U];
  }
  write() {
    throw new TypeError("this is a readable stream");
  }
  end() {
    throw new TypeError("this is a readable stream");
  }
  [at]() {
    I.open(this[U], "r", (t, e) => this[Ht](t, e));
  }
  [Ht](t, e) {
    t ? this[Ut](t) : (this[m] = e, this.emit("open", e), this[zt]());
  }
  [vi]() {
    return Buffer.allocUnsafe(Math.min(this[Ci], this[ee]));
  }
  [zt]() {
    if (!this[j]) {
      this[j] = true;
      let t = this[vi]();
      if (t.length === 0) return process.nextTick(() => this[Ii](null, 0, t));
      I.read(this[m], t, 0, t.length, null, (e, i2, r) => this[Ii](e, i2, r));
    }
  }
  [Ii](t, e, i2) {
    this[j] = false, t ? this[Ut](t) : this[ki](e, i2) && this[zt]();
  }
  [H]() {
    if (this[ht] && typeof this[m] == "number") {
      let t = this[m];
      this[m] = void 0, I.close(t, (e) => e ? this.emit("error", e) : this.emit("close"));
    }
  }
  [Ut](t) {
    this[j] = true, this[H](), this.emit("error", t);
  }
  [ki](t, e) {
    let i2 = false;
    return this[ee] -= t, t > 0 && (i2 = super.write(t < e.length ? e.subarray(0, t) : e)), (t === 0 || this[ee] <= 0) && (i2 = false, this[H](), super.end()), i2;
  }
  emit(t, ...e) {
    switch (t) {
      case "prefinish":
      case "finish":
        return false;
      case "drain":
        return typeof this[m] == "number" && this[zt](), false;
      case "error":
        return this[bt] ? false : (this[bt] = true, super.emit(t, ...e));
      default:
        return super.emit(t, ...e);
    }
  }
};
var Be = class extends _t {
  [at]() {
    let t = true;
    try {
      this[Ht](null, I.openSync(this[U], "r")), t = false;
    } finally {
      t && this[H]();
    }
  }
  [zt]() {
    let t = true;
    try {
      if (!this[j]) {
        this[j] = true;
        do {
          let e = this[vi](), i2 = e.length === 0 ? 0 : I.readSync(this[m], e, 0, e.length, null);
          if (!this[ki](i2, e)) break;
        } while (true);
        this[j] = false;
      }
      t = false;
    } finally {
      t && this[H]();
    }
  }
  [H]() {
    if (this[ht] && typeof this[m] == "number") {
      let t = this[m];
      this[m] = void 0, I.closeSync(t), this.emit("close");
    }
  }
};
var et = class extends Qr {
  readable = false;
  writable = true;
  [bt] = false;
  [gt] = false;
  [te] = false;
  [Y] = [];
  [ke] = false;
  [U];
  [ie];
  [ht];
  [m];
  [Me];
  [tt];
  [Ni] = false;
  [ot];
  constructor(t, e) {
    e = e || {}, super(e), this[U] = t, this[m] = typeof e.fd == "number" ? e.fd : void 0, this[ie] = e.mode === void 0 ? 438 : e.mode, this[ot] = typeof e.start == "number" ? e.start : void 0, this[ht] = typeof e.autoClose == "boolean" ? e.autoClose : true;
    let i2 = this[ot] !== void 0 ? "r+" : "w";
    this[Me] = e.flags === void 0, this[tt] = e.flags === void 0 ? i2 : e.flags, this[m] === void 0 && this[at]();
  }
  emit(t, ...e) {
    if (t === "error") {
      if (this[bt]) return false;
      this[bt] = true;
    }
    return super.emit(t, ...e);
  }
  get fd() {
    return this[m];
  }
  get path() {
    return this[U];
  }
  [Ut](t) {
    this[H](), this[gt] = true, this.emit("error", t);
  }
  [at]() {
    I.open(this[U], this[tt], this[ie], (t, e) => this[Ht](t, e));
  }
  [Ht](t, e) {
    this[Me] && this[tt] === "r+" && t && t.code === "ENOENT" ? (this[tt] = "w", this[at]()) : t ? this[Ut](t) : (this[m] = e, this.emit("open", e), this[gt] || this[Ai]());
  }
  end(t, e) {
    return t && this.write(t, e), this[te] = true, !this[gt] && !this[Y].length && typeof this[m] == "number" && this[Pt](null, 0), this;
  }
  write(t, e) {
    return typeof t == "string" && (t = Buffer.from(t, e)), this[te] ? (this.emit("error", new Error("write() after end()")), false) : this[m] === void 0 || this[gt] || this[Y].length ? (this[Y].push(t), this[ke] = true, false) : (this[gt] = true, this[ve](t), true);
  }
  [ve](t) {
    I.write(this[m], t, 0, t.length, this[ot], (e, i2) => this[Pt](e, i2));
  }
  [Pt](t, e) {
    t ? this[Ut](t) : (this[ot] !== void 0 && typeof e == "number" && (this[ot] += e), this[Y].length ? this[Ai]() : (this[gt] = false, this[te] && !this[Ni] ? (this[Ni] = true, this[H](), this.emit("finish")) : this[ke] && (this[ke] = false, this.emit("drain"))));
  }
  [Ai]() {
    if (this[Y].length === 0) this[te] && this[Pt](null, 0);
    else if (this[Y].length === 1) this[ve](this[Y].pop());
    else {
      let t = this[Y];
      this[Y] = [], Jr(this[m], t, this[ot], (e, i2) => this[Pt](e, i2));
    }
  }
  [H]() {
    if (this[ht] && typeof this[m] == "number") {
      let t = this[m];
      this[m] = void 0, I.close(t, (e) => e ? this.emit("error", e) : this.emit("close"));
    }
  }
};
var Wt = class extends et {
  [at]() {
    let t;
    if (this[Me] && this[tt] === "r+") try {
      t = I.openSync(this[U], this[tt], this[ie]);
    } catch (e) {
      if (e?.code === "ENOENT") return this[tt] = "w", this[at]();
      throw e;
    }
    else t = I.openSync(this[U], this[tt], this[ie]);
    this[Ht](null, t);
  }
  [H]() {
    if (this[ht] && typeof this[m] == "number") {
      let t = this[m];
      this[m] = void 0, I.closeSync(t), this.emit("close");
    }
  }
  [ve](t) {
    let e = true;
    try {
      this[Pt](null, I.writeSync(this[m], t, 0, t.length, this[ot])), e = false;
    } finally {
      if (e) try {
        this[H]();
      } catch {
      }
    }
  }
};
var jr = /* @__PURE__ */ new Map([["C", "cwd"], ["f", "file"], ["z", "gzip"], ["P", "preservePaths"], ["U", "unlink"], ["strip-components", "strip"], ["stripComponents", "strip"], ["keep-newer", "newer"], ["keepNewer", "newer"], ["keep-newer-files", "newer"], ["keepNewerFiles", "newer"], ["k", "keep"], ["keep-existing", "keep"], ["keepExisting", "keep"], ["m", "noMtime"], ["no-mtime", "noMtime"], ["p", "preserveOwner"], ["L", "follow"], ["h", "follow"], ["onentry", "onReadEntry"]]);
var Fs = (s3) => !!s3.sync && !!s3.file;
var ks = (s3) => !s3.sync && !!s3.file;
var vs = (s3) => !!s3.sync && !s3.file;
var Ms = (s3) => !s3.sync && !s3.file;
var Bs = (s3) => !!s3.file;
var tn = (s3) => {
  let t = jr.get(s3);
  return t || s3;
};
var se = (s3 = {}) => {
  if (!s3) return {};
  let t = {};
  for (let [e, i2] of Object.entries(s3)) {
    let r = tn(e);
    t[r] = i2;
  }
  return t.chmod === void 0 && t.noChmod === false && (t.chmod = true), delete t.noChmod, t;
};
var K = (s3, t, e, i2, r) => Object.assign((n = [], o, h) => {
  Array.isArray(n) && (o = n, n = {}), typeof o == "function" && (h = o, o = void 0), o = o ? Array.from(o) : [];
  let a = se(n);
  if (r?.(a, o), Fs(a)) {
    if (typeof h == "function") throw new TypeError("callback not supported for sync tar functions");
    return s3(a, o);
  } else if (ks(a)) {
    let l = t(a, o);
    return h ? l.then(() => h(), h) : l;
  } else if (vs(a)) {
    if (typeof h == "function") throw new TypeError("callback not supported for sync tar functions");
    return e(a, o);
  } else if (Ms(a)) {
    if (typeof h == "function") throw new TypeError("callback only supported with file option");
    return i2(a, o);
  }
  throw new Error("impossible options??");
}, { syncFile: s3, asyncFile: t, syncNoFile: e, asyncNoFile: i2, validate: r });
var sn = en.constants || { ZLIB_VERNUM: 4736 };
var M = Object.freeze(Object.assign(/* @__PURE__ */ Object.create(null), { Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5, Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6, Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1, Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0, DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7, BROTLI_DECODE: 8, BROTLI_ENCODE: 9, Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15, Z_MIN_CHUNK: 64, Z_MAX_CHUNK: 1 / 0, Z_DEFAULT_CHUNK: 16384, Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8, Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1, BROTLI_OPERATION_PROCESS: 0, BROTLI_OPERATION_FLUSH: 1, BROTLI_OPERATION_FINISH: 2, BROTLI_OPERATION_EMIT_METADATA: 3, BROTLI_MODE_GENERIC: 0, BROTLI_MODE_TEXT: 1, BROTLI_MODE_FONT: 2, BROTLI_DEFAULT_MODE: 0, BROTLI_MIN_QUALITY: 0, BROTLI_MAX_QUALITY: 11, BROTLI_DEFAULT_QUALITY: 11, BROTLI_MIN_WINDOW_BITS: 10, BROTLI_MAX_WINDOW_BITS: 24, BROTLI_LARGE_MAX_WINDOW_BITS: 30, BROTLI_DEFAULT_WINDOW: 22, BROTLI_MIN_INPUT_BLOCK_BITS: 16, BROTLI_MAX_INPUT_BLOCK_BITS: 24, BROTLI_PARAM_MODE: 0, BROTLI_PARAM_QUALITY: 1, BROTLI_PARAM_LGWIN: 2, BROTLI_PARAM_LGBLOCK: 3, BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4, BROTLI_PARAM_SIZE_HINT: 5, BROTLI_PARAM_LARGE_WINDOW: 6, BROTLI_PARAM_NPOSTFIX: 7, BROTLI_PARAM_NDIRECT: 8, BROTLI_DECODER_RESULT_ERROR: 0, BROTLI_DECODER_RESULT_SUCCESS: 1, BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: 3, BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0, BROTLI_DECODER_PARAM_LARGE_WINDOW: 1, BROTLI_DECODER_NO_ERROR: 0, BROTLI_DECODER_SUCCESS: 1, BROTLI_DECODER_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_NEEDS_MORE_OUTPUT: 3, BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE: -1, BROTLI_DECODER_ERROR_FORMAT_RESERVED: -2, BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE: -3, BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET: -4, BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME: -5, BROTLI_DECODER_ERROR_FORMAT_CL_SPACE: -6, BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE: -7, BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT: -8, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1: -9, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2: -10, BROTLI_DECODER_ERROR_FORMAT_TRANSFORM: -11, BROTLI_DECODER_ERROR_FORMAT_DICTIONARY: -12, BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS: -13, BROTLI_DECODER_ERROR_FORMAT_PADDING_1: -14, BROTLI_DECODER_ERROR_FORMAT_PADDING_2: -15, BROTLI_DECODER_ERROR_FORMAT_DISTANCE: -16, BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET: -19, BROTLI_DECODER_ERROR_INVALID_ARGUMENTS: -20, BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES: -21, BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS: -22, BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP: -25, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1: -26, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2: -27, BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES: -30, BROTLI_DECODER_ERROR_UNREACHABLE: -31 }, sn));
var rn = Ot.concat;
var zs = Object.getOwnPropertyDescriptor(Ot, "concat");
var nn = (s3) => s3;
var Bi = zs?.writable === true || zs?.set !== void 0 ? (s3) => {
  Ot.concat = s3 ? nn : rn;
} : (s3) => {
};
var Tt = /* @__PURE__ */ Symbol("_superWrite");
var Gt = class extends Error {
  code;
  errno;
  constructor(t, e) {
    super("zlib: " + t.message, { cause: t }), this.code = t.code, this.errno = t.errno, this.code || (this.code = "ZLIB_ERROR"), this.message = "zlib: " + t.message, Error.captureStackTrace(this, e ?? this.constructor);
  }
  get name() {
    return "ZlibError";
  }
};
var Pi = /* @__PURE__ */ Symbol("flushFlag");
var re = class extends A {
  #t = false;
  #i = false;
  #s;
  #n;
  #r;
  #e;
  #o;
  get sawError() {
    return this.#t;
  }
  get handle() {
    return this.#e;
  }
  get flushFlag() {
    return this.#s;
  }
  constructor(t, e) {
    if (!t || typeof t != "object") throw new TypeError("invalid options for ZlibBase constructor");
    if (super(t), this.#s = t.flush ?? 0, this.#n = t.finishFlush ?? 0, this.#r = t.fullFlushFlag ?? 0, typeof Ps[e] != "function") throw new TypeError("Compression method not supported: " + e);
    try {
      this.#e = new Ps[e](t);
    } catch (i2) {
      throw new Gt(i2, this.constructor);
    }
    this.#o = (i2) => {
      this.#t || (this.#t = true, this.close(), this.emit("error", i2));
    }, this.#e?.on("error", (i2) => this.#o(new Gt(i2))), this.once("end", () => this.close);
  }
  close() {
    this.#e && (this.#e.close(), this.#e = void 0, this.emit("close"));
  }
  reset() {
    if (!this.#t) return zi(this.#e, "zlib binding closed"), this.#e.reset?.();
  }
  flush(t) {
    this.ended || (typeof t != "number" && (t = this.#r), this.write(Object.assign(Ot.alloc(0), { [Pi]: t })));
  }
  end(t, e, i2) {
    return typeof t == "function" && (i2 = t, e = void 0, t = void 0), typeof e == "function" && (i2 = e, e = void 0), t && (e ? this.write(t, e) : this.write(t)), this.flush(this.#n), this.#i = true, super.end(i2);
  }
  get ended() {
    return this.#i;
  }
  [Tt](t) {
    return super.write(t);
  }
  write(t, e, i2) {
    if (typeof e == "function" && (i2 = e, e = "utf8"), typeof t == "string" && (t = Ot.from(t, e)), this.#t) return;
    zi(this.#e, "zlib binding closed");
    let r = this.#e._handle, n = r.close;
    r.close = () => {
    };
    let o = this.#e.close;
    this.#e.close = () => {
    }, Bi(true);
    let h;
    try {
      let l = typeof t[Pi] == "number" ? t[Pi] : this.#s;
      h = this.#e._processChunk(t, l), Bi(false);
    } catch (l) {
      Bi(false), this.#o(new Gt(l, this.write));
    } finally {
      this.#e && (this.#e._handle = r, r.close = n, this.#e.close = o, this.#e.removeAllListeners("error"));
    }
    this.#e && this.#e.on("error", (l) => this.#o(new Gt(l, this.write)));
    let a;
    if (h) if (Array.isArray(h) && h.length > 0) {
      let l = h[0];
      a = this[Tt](Ot.from(l));
      for (let c = 1; c < h.length; c++) a = this[Tt](h[c]);
    } else a = this[Tt](Ot.from(h));
    return i2 && i2(), a;
  }
};
var Pe = class extends re {
  #t;
  #i;
  constructor(t, e) {
    t = t || {}, t.flush = t.flush || M.Z_NO_FLUSH, t.finishFlush = t.finishFlush || M.Z_FINISH, t.fullFlushFlag = M.Z_FULL_FLUSH, super(t, e), this.#t = t.level, this.#i = t.strategy;
  }
  params(t, e) {
    if (!this.sawError) {
      if (!this.handle) throw new Error("cannot switch params when binding is closed");
      if (!this.handle.params) throw new Error("not supported in this implementation");
      if (this.#t !== t || this.#i !== e) {
        this.flush(M.Z_SYNC_FLUSH), zi(this.handle, "zlib binding closed");
        let i2 = this.handle.flush;
        this.handle.flush = (r, n) => {
          typeof r == "function" && (n = r, r = this.flushFlag), this.flush(r), n?.();
        };
        try {
          this.handle.params(t, e);
        } finally {
          this.handle.flush = i2;
        }
        this.handle && (this.#t = t, this.#i = e);
      }
    }
  }
};
var ze = class extends Pe {
  #t;
  constructor(t) {
    super(t, "Gzip"), this.#t = t && !!t.portable;
  }
  [Tt](t) {
    return this.#t ? (this.#t = false, t[9] = 255, super[Tt](t)) : super[Tt](t);
  }
};
var Ue = class extends Pe {
  constructor(t) {
    super(t, "Unzip");
  }
};
var He = class extends re {
  constructor(t, e) {
    t = t || {}, t.flush = t.flush || M.BROTLI_OPERATION_PROCESS, t.finishFlush = t.finishFlush || M.BROTLI_OPERATION_FINISH, t.fullFlushFlag = M.BROTLI_OPERATION_FLUSH, super(t, e);
  }
};
var We = class extends He {
  constructor(t) {
    super(t, "BrotliCompress");
  }
};
var Ge = class extends He {
  constructor(t) {
    super(t, "BrotliDecompress");
  }
};
var Ze = class extends re {
  constructor(t, e) {
    t = t || {}, t.flush = t.flush || M.ZSTD_e_continue, t.finishFlush = t.finishFlush || M.ZSTD_e_end, t.fullFlushFlag = M.ZSTD_e_flush, super(t, e);
  }
};
var Ye = class extends Ze {
  constructor(t) {
    super(t, "ZstdCompress");
  }
};
var Ke = class extends Ze {
  constructor(t) {
    super(t, "ZstdDecompress");
  }
};
var Us = (s3, t) => {
  if (Number.isSafeInteger(s3)) s3 < 0 ? an(s3, t) : hn(s3, t);
  else throw Error("cannot encode number outside of javascript safe integer range");
  return t;
};
var hn = (s3, t) => {
  t[0] = 128;
  for (var e = t.length; e > 1; e--) t[e - 1] = s3 & 255, s3 = Math.floor(s3 / 256);
};
var an = (s3, t) => {
  t[0] = 255;
  var e = false;
  s3 = s3 * -1;
  for (var i2 = t.length; i2 > 1; i2--) {
    var r = s3 & 255;
    s3 = Math.floor(s3 / 256), e ? t[i2 - 1] = Ws(r) : r === 0 ? t[i2 - 1] = 0 : (e = true, t[i2 - 1] = Gs(r));
  }
};
var Hs = (s3) => {
  let t = s3[0], e = t === 128 ? cn(s3.subarray(1, s3.length)) : t === 255 ? ln(s3) : null;
  if (e === null) throw Error("invalid base256 encoding");
  if (!Number.isSafeInteger(e)) throw Error("parsed number outside of javascript safe integer range");
  return e;
};
var ln = (s3) => {
  for (var t = s3.length, e = 0, i2 = false, r = t - 1; r > -1; r--) {
    var n = Number(s3[r]), o;
    i2 ? o = Ws(n) : n === 0 ? o = n : (i2 = true, o = Gs(n)), o !== 0 && (e -= o * Math.pow(256, t - r - 1));
  }
  return e;
};
var cn = (s3) => {
  for (var t = s3.length, e = 0, i2 = t - 1; i2 > -1; i2--) {
    var r = Number(s3[i2]);
    r !== 0 && (e += r * Math.pow(256, t - i2 - 1));
  }
  return e;
};
var Ws = (s3) => (255 ^ s3) & 255;
var Gs = (s3) => (255 ^ s3) + 1 & 255;
var Hi = {};
Ur(Hi, { code: () => Ve, isCode: () => ne, isName: () => dn, name: () => oe, normalFsTypes: () => Ui });
var ne = (s3) => oe.has(s3);
var dn = (s3) => Ve.has(s3);
var Ui = /* @__PURE__ */ new Set(["0", "", "1", "2", "3", "4", "5", "6", "7", "D"]);
var oe = /* @__PURE__ */ new Map([["0", "File"], ["", "OldFile"], ["1", "Link"], ["2", "SymbolicLink"], ["3", "CharacterDevice"], ["4", "BlockDevice"], ["5", "Directory"], ["6", "FIFO"], ["7", "ContiguousFile"], ["g", "GlobalExtendedHeader"], ["x", "ExtendedHeader"], ["A", "SolarisACL"], ["D", "GNUDumpDir"], ["I", "Inode"], ["K", "NextFileHasLongLinkpath"], ["L", "NextFileHasLongPath"], ["M", "ContinuationFile"], ["N", "OldGnuLongPath"], ["S", "SparseFile"], ["V", "TapeVolumeHeader"], ["X", "OldExtendedHeader"]]);
var Ve = new Map(Array.from(oe).map((s3) => [s3[1], s3[0]]));
var un = (s3) => s3 === void 0 || s3 < 0 ? void 0 : s3;
var F = class {
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
  #t = "Unsupported";
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
  constructor(t, e = 0, i2, r) {
    Buffer.isBuffer(t) ? this.decode(t, e || 0, i2, r) : t && this.#i(t);
  }
  decode(t, e, i2, r) {
    if (e || (e = 0), !t || !(t.length >= e + 512)) throw new Error("need 512 bytes for header");
    let n = xt(t, e + 156, 1), o = Ui.has(n), h = o ? i2 : void 0, a = o ? r : void 0;
    if (this.path = h?.path ?? xt(t, e, 100), this.mode = h?.mode ?? a?.mode ?? lt(t, e + 100, 8), this.uid = h?.uid ?? a?.uid ?? lt(t, e + 108, 8), this.gid = h?.gid ?? a?.gid ?? lt(t, e + 116, 8), this.size = un(h?.size ?? a?.size ?? lt(t, e + 124, 12)), this.mtime = h?.mtime ?? a?.mtime ?? Wi(t, e + 136, 12), this.cksum = lt(t, e + 148, 12), a && this.#i(a, true), h && this.#i(h), ne(n) && (this.#t = n || "0"), this.#t === "0" && this.path.slice(-1) === "/" && (this.#t = "5"), this.#t === "5" && (this.size = 0), this.linkpath = xt(t, e + 157, 100), t.subarray(e + 257, e + 265).toString() === "ustar\x0000") if (this.uname = h?.uname ?? a?.uname ?? xt(t, e + 265, 32), this.gname = h?.gname ?? a?.gname ?? xt(t, e + 297, 32), this.devmaj = h?.devmaj ?? a?.devmaj ?? lt(t, e + 329, 8) ?? 0, this.devmin = h?.devmin ?? a?.devmin ?? lt(t, e + 337, 8) ?? 0, t[e + 475] !== 0) {
      let c = xt(t, e + 345, 155);
      this.path = c + "/" + this.path;
    } else {
      let c = xt(t, e + 345, 130);
      c && (this.path = c + "/" + this.path), this.atime = i2?.atime ?? r?.atime ?? Wi(t, e + 476, 12), this.ctime = i2?.ctime ?? r?.ctime ?? Wi(t, e + 488, 12);
    }
    let l = 256;
    for (let c = e; c < e + 148; c++) l += t[c];
    for (let c = e + 156; c < e + 512; c++) l += t[c];
    this.cksumValid = l === this.cksum, this.cksum === void 0 && l === 256 && (this.nullBlock = true);
  }
  #i(t, e = false) {
    Object.assign(this, Object.fromEntries(Object.entries(t).filter(([i2, r]) => !(r == null || i2 === "size" && Number(r) < 0 || i2 === "path" && e || i2 === "linkpath" && e || i2 === "global"))));
  }
  encode(t, e = 0) {
    if (t || (t = this.block = Buffer.alloc(512)), this.#t === "Unsupported" && (this.#t = "0"), !(t.length >= e + 512)) throw new Error("need 512 bytes for header");
    let i2 = this.ctime || this.atime ? 130 : 155, r = mn(this.path || "", i2), n = r[0], o = r[1];
    this.needPax = !!r[2], this.needPax = Lt(t, e, 100, n) || this.needPax, this.needPax = ct(t, e + 100, 8, this.mode) || this.needPax, this.needPax = ct(t, e + 108, 8, this.uid) || this.needPax, this.needPax = ct(t, e + 116, 8, this.gid) || this.needPax, this.needPax = ct(t, e + 124, 12, this.size) || this.needPax, this.needPax = Gi(t, e + 136, 12, this.mtime) || this.needPax, t[e + 156] = Number(this.#t.codePointAt(0)), this.needPax = Lt(t, e + 157, 100, this.linkpath) || this.needPax, t.write("ustar\x0000", e + 257, 8), this.needPax = Lt(t, e + 265, 32, this.uname) || this.needPax, this.needPax = Lt(t, e + 297, 32, this.gname) || this.needPax, this.needPax = ct(t, e + 329, 8, this.devmaj) || this.needPax, this.needPax = ct(t, e + 337, 8, this.devmin) || this.needPax, this.needPax = Lt(t, e + 345, i2, o) || this.needPax, t[e + 475] !== 0 ? this.needPax = Lt(t, e + 345, 155, o) || this.needPax : (this.needPax = Lt(t, e + 345, 130, o) || this.needPax, this.needPax = Gi(t, e + 476, 12, this.atime) || this.needPax, this.needPax = Gi(t, e + 488, 12, this.ctime) || this.needPax);
    let h = 256;
    for (let a = e; a < e + 148; a++) h += t[a];
    for (let a = e + 156; a < e + 512; a++) h += t[a];
    return this.cksum = h, ct(t, e + 148, 8, this.cksum), this.cksumValid = true, this.needPax;
  }
  get type() {
    return this.#t === "Unsupported" ? this.#t : oe.get(this.#t);
  }
  get typeKey() {
    return this.#t;
  }
  set type(t) {
    let e = String(Ve.get(t));
    if (ne(e) || e === "Unsupported") this.#t = e;
    else if (ne(t)) this.#t = t;
    else throw new TypeError("invalid entry type: " + t);
  }
};
var mn = (s3, t) => {
  let i2 = s3, r = "", n, o = Zt.parse(s3).root || ".";
  if (Buffer.byteLength(i2) < 100) n = [i2, r, false];
  else {
    r = Zt.dirname(i2), i2 = Zt.basename(i2);
    do
      Buffer.byteLength(i2) <= 100 && Buffer.byteLength(r) <= t ? n = [i2, r, false] : Buffer.byteLength(i2) > 100 && Buffer.byteLength(r) <= t ? n = [i2.slice(0, 99), r, true] : (i2 = Zt.join(Zt.basename(r), i2), r = Zt.dirname(r));
    while (r !== o && n === void 0);
    n || (n = [s3.slice(0, 99), "", true]);
  }
  return n;
};
var xt = (s3, t, e) => s3.subarray(t, t + e).toString("utf8").replace(/\0.*/, "");
var Wi = (s3, t, e) => pn(lt(s3, t, e));
var pn = (s3) => s3 === void 0 ? void 0 : new Date(s3 * 1e3);
var lt = (s3, t, e) => Number(s3[t]) & 128 ? Hs(s3.subarray(t, t + e)) : wn(s3, t, e);
var En = (s3) => isNaN(s3) ? void 0 : s3;
var wn = (s3, t, e) => En(parseInt(s3.subarray(t, t + e).toString("utf8").replace(/\0.*$/, "").trim(), 8));
var Sn = { 12: 8589934591, 8: 2097151 };
var ct = (s3, t, e, i2) => i2 === void 0 ? false : i2 > Sn[e] || i2 < 0 ? (Us(i2, s3.subarray(t, t + e)), true) : (yn(s3, t, e, i2), false);
var yn = (s3, t, e, i2) => s3.write(Rn(i2, e), t, e, "ascii");
var Rn = (s3, t) => gn(Math.floor(s3).toString(8), t);
var gn = (s3, t) => (s3.length === t - 1 ? s3 : new Array(t - s3.length - 1).join("0") + s3 + " ") + "\0";
var Gi = (s3, t, e, i2) => i2 === void 0 ? false : ct(s3, t, e, i2.getTime() / 1e3);
var bn = new Array(156).join("\0");
var Lt = (s3, t, e, i2) => i2 === void 0 ? false : (s3.write(i2 + bn, t, e, "utf8"), i2.length !== Buffer.byteLength(i2) || i2.length > e);
var ft = class s {
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
  constructor(t, e = false) {
    this.atime = t.atime, this.charset = t.charset, this.comment = t.comment, this.ctime = t.ctime, this.dev = t.dev, this.gid = t.gid, this.global = e, this.gname = t.gname, this.ino = t.ino, this.linkpath = t.linkpath, this.mtime = t.mtime, this.nlink = t.nlink, this.path = t.path, this.size = t.size, this.uid = t.uid, this.uname = t.uname;
  }
  encode() {
    let t = this.encodeBody();
    if (t === "") return Buffer.allocUnsafe(0);
    let e = Buffer.byteLength(t), i2 = 512 * Math.ceil(1 + e / 512), r = Buffer.allocUnsafe(i2);
    for (let n = 0; n < 512; n++) r[n] = 0;
    new F({ path: ("PaxHeader/" + _n(this.path ?? "")).slice(0, 99), mode: this.mode || 420, uid: this.uid, gid: this.gid, size: e, mtime: this.mtime, type: this.global ? "GlobalExtendedHeader" : "ExtendedHeader", linkpath: "", uname: this.uname || "", gname: this.gname || "", devmaj: 0, devmin: 0, atime: this.atime, ctime: this.ctime }).encode(r), r.write(t, 512, e, "utf8");
    for (let n = e + 512; n < r.length; n++) r[n] = 0;
    return r;
  }
  encodeBody() {
    return this.encodeField("path") + this.encodeField("ctime") + this.encodeField("atime") + this.encodeField("dev") + this.encodeField("ino") + this.encodeField("nlink") + this.encodeField("charset") + this.encodeField("comment") + this.encodeField("gid") + this.encodeField("gname") + this.encodeField("linkpath") + this.encodeField("mtime") + this.encodeField("size") + this.encodeField("uid") + this.encodeField("uname");
  }
  encodeField(t) {
    if (this[t] === void 0) return "";
    let e = this[t], i2 = e instanceof Date ? e.getTime() / 1e3 : e, r = " " + (t === "dev" || t === "ino" || t === "nlink" ? "SCHILY." : "") + t + "=" + i2 + `
`, n = Buffer.byteLength(r), o = Math.floor(Math.log(n) / Math.log(10)) + 1;
    return n + o >= Math.pow(10, o) && (o += 1), o + n + r;
  }
  static parse(t, e, i2 = false) {
    return new s(On(Tn(t), e), i2);
  }
};
var On = (s3, t) => t ? Object.assign({}, t, s3) : s3;
var Tn = (s3) => s3.replace(/\n$/, "").split(`
`).reduce(xn, /* @__PURE__ */ Object.create(null));
var xn = (s3, t) => {
  let e = parseInt(t, 10);
  if (e !== Buffer.byteLength(t) + 1) return s3;
  t = t.slice((e + " ").length);
  let i2 = t.split("="), r = i2.shift();
  if (!r) return s3;
  let n = r.replace(/^SCHILY\.(dev|ino|nlink)/, "$1"), o = i2.join("=").replace(/\0.*/, "");
  switch (n) {
    case "path":
    case "linkpath":
    case "type":
    case "charset":
    case "comment":
    case "gname":
    case "uname":
      s3[n] = o;
      break;
    case "ctime":
    case "atime":
    case "mtime":
      s3[n] = new Date(Number(o) * 1e3);
      break;
    case "size":
      let h = +o;
      h >= 0 && (s3[n] = h);
      break;
    case "gid":
    case "uid":
    case "dev":
    case "ino":
    case "nlink":
    case "mode":
      s3[n] = +o;
      break;
  }
  return s3;
};
var Ln = process.env.TESTING_TAR_FAKE_PLATFORM || process.platform;
var f = Ln !== "win32" ? (s3) => String(s3) : (s3) => String(s3).replaceAll(/\\/g, "/");
var $e = class extends A {
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
  constructor(t, e, i2) {
    switch (super({}), this.pause(), this.extended = e, this.globalExtended = i2, this.header = t, this.remain = t.size ?? 0, this.startBlockSize = 512 * Math.ceil(this.remain / 512), this.blockRemain = this.startBlockSize, this.type = t.type, this.type) {
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
      default:
        this.ignore = true;
    }
    if (!t.path) throw new Error("no path provided for tar.ReadEntry");
    this.path = f(t.path), this.mode = t.mode, this.mode && (this.mode = this.mode & 4095), this.uid = t.uid, this.gid = t.gid, this.uname = t.uname, this.gname = t.gname, this.size = this.remain, this.mtime = t.mtime, this.atime = t.atime, this.ctime = t.ctime, this.linkpath = t.linkpath ? f(t.linkpath) : void 0, this.uname = t.uname, this.gname = t.gname, e && this.#t(e), i2 && this.#t(i2, true);
  }
  write(t) {
    let e = t.length;
    if (e > this.blockRemain) throw new Error("writing more to entry than is appropriate");
    let i2 = this.remain, r = this.blockRemain;
    return this.remain = Math.max(0, i2 - e), this.blockRemain = Math.max(0, r - e), this.ignore ? true : i2 >= e ? super.write(t) : super.write(t.subarray(0, i2));
  }
  #t(t, e = false) {
    t.path && (t.path = f(t.path)), t.linkpath && (t.linkpath = f(t.linkpath)), Object.assign(this, Object.fromEntries(Object.entries(t).filter(([i2, r]) => !(r == null || i2 === "path" && e))));
  }
};
var Dt = (s3, t, e, i2 = {}) => {
  s3.file && (i2.file = s3.file), s3.cwd && (i2.cwd = s3.cwd), i2.code = e instanceof Error && e.code || t, i2.tarCode = t, !s3.strict && i2.recoverable !== false ? (e instanceof Error && (i2 = Object.assign(e, i2), e = e.message), s3.emit("warn", t, e, i2)) : e instanceof Error ? s3.emit("error", Object.assign(e, i2)) : s3.emit("error", Object.assign(new Error(`${t}: ${e}`), i2));
};
var Nn = 1024 * 1024;
var Xi = Buffer.from([31, 139]);
var qi = Buffer.from([40, 181, 47, 253]);
var An = Math.max(Xi.length, qi.length);
var B = /* @__PURE__ */ Symbol("state");
var Nt = /* @__PURE__ */ Symbol("writeEntry");
var it = /* @__PURE__ */ Symbol("readEntry");
var Zi = /* @__PURE__ */ Symbol("nextEntry");
var Zs = /* @__PURE__ */ Symbol("processEntry");
var V = /* @__PURE__ */ Symbol("extendedHeader");
var he = /* @__PURE__ */ Symbol("globalExtendedHeader");
var dt = /* @__PURE__ */ Symbol("meta");
var Ys = /* @__PURE__ */ Symbol("emitMeta");
var p = /* @__PURE__ */ Symbol("buffer");
var st = /* @__PURE__ */ Symbol("queue");
var ut = /* @__PURE__ */ Symbol("ended");
var Yi = /* @__PURE__ */ Symbol("emittedEnd");
var At = /* @__PURE__ */ Symbol("emit");
var w = /* @__PURE__ */ Symbol("unzip");
var Xe = /* @__PURE__ */ Symbol("consumeChunk");
var qe = /* @__PURE__ */ Symbol("consumeChunkSub");
var Ki = /* @__PURE__ */ Symbol("consumeBody");
var Ks = /* @__PURE__ */ Symbol("consumeMeta");
var Vs = /* @__PURE__ */ Symbol("consumeHeader");
var ae = /* @__PURE__ */ Symbol("consuming");
var Vi = /* @__PURE__ */ Symbol("bufferConcat");
var Qe = /* @__PURE__ */ Symbol("maybeEnd");
var Yt = /* @__PURE__ */ Symbol("writing");
var $ = /* @__PURE__ */ Symbol("aborted");
var Je = /* @__PURE__ */ Symbol("onDone");
var It = /* @__PURE__ */ Symbol("sawValidEntry");
var je = /* @__PURE__ */ Symbol("sawNullBlock");
var ti = /* @__PURE__ */ Symbol("sawEOF");
var $s = /* @__PURE__ */ Symbol("closeStream");
var In = 1e3;
var le = /* @__PURE__ */ Symbol("compressedBytesRead");
var $i = /* @__PURE__ */ Symbol("decompressedBytesRead");
var Xs = /* @__PURE__ */ Symbol("checkDecompressionRatio");
var Cn = () => true;
var rt = class extends Dn {
  file;
  strict;
  maxMetaEntrySize;
  filter;
  brotli;
  zstd;
  maxDecompressionRatio;
  writable = true;
  readable = false;
  [st] = [];
  [p];
  [it];
  [Nt];
  [B] = "begin";
  [dt] = "";
  [V];
  [he];
  [ut] = false;
  [w];
  [$] = false;
  [It];
  [je] = false;
  [ti] = false;
  [Yt] = false;
  [ae] = false;
  [Yi] = false;
  [le] = 0;
  [$i] = 0;
  constructor(t = {}) {
    super(), this.file = t.file || "", this.on(Je, () => {
      (this[B] === "begin" || this[It] === false) && this.warn("TAR_BAD_ARCHIVE", "Unrecognized archive format");
    }), t.ondone ? this.on(Je, t.ondone) : this.on(Je, () => {
      this.emit("prefinish"), this.emit("finish"), this.emit("end");
    }), this.strict = !!t.strict, this.maxDecompressionRatio = typeof t.maxDecompressionRatio == "number" ? t.maxDecompressionRatio : In, this.maxMetaEntrySize = t.maxMetaEntrySize || Nn, this.filter = typeof t.filter == "function" ? t.filter : Cn;
    let e = t.file && (t.file.endsWith(".tar.br") || t.file.endsWith(".tbr"));
    this.brotli = !(t.gzip || t.zstd) && t.brotli !== void 0 ? t.brotli : e ? void 0 : false;
    let i2 = t.file && (t.file.endsWith(".tar.zst") || t.file.endsWith(".tzst"));
    this.zstd = !(t.gzip || t.brotli) && t.zstd !== void 0 ? t.zstd : i2 ? true : void 0, this.on("end", () => this[$s]()), typeof t.onwarn == "function" && this.on("warn", t.onwarn), typeof t.onReadEntry == "function" && this.on("entry", t.onReadEntry);
  }
  warn(t, e, i2 = {}) {
    Dt(this, t, e, i2);
  }
  [Vs](t, e) {
    this[It] === void 0 && (this[It] = false);
    let i2;
    try {
      i2 = new F(t, e, this[V], this[he]);
    } catch (r) {
      return this.warn("TAR_ENTRY_INVALID", r);
    }
    if (i2.nullBlock) this[je] ? (this[ti] = true, this[B] === "begin" && (this[B] = "header"), this[At]("eof")) : (this[je] = true, this[At]("nullBlock"));
    else if (this[je] = false, !i2.cksumValid) this.warn("TAR_ENTRY_INVALID", "checksum failure", { header: i2 });
    else if (!i2.path) this.warn("TAR_ENTRY_INVALID", "path is required", { header: i2 });
    else {
      let r = i2.type;
      if (/^(Symbolic)?Link$/.test(r) && !i2.linkpath) this.warn("TAR_ENTRY_INVALID", "linkpath required", { header: i2 });
      else if (!/^(Symbolic)?Link$/.test(r) && !/^(Global)?ExtendedHeader$/.test(r) && i2.linkpath) this.warn("TAR_ENTRY_INVALID", "linkpath forbidden", { header: i2 });
      else {
        let n = this[Nt] = new $e(i2, this[V], this[he]);
        if (!this[It]) if (n.remain) {
          let o = () => {
            n.invalid || (this[It] = true);
          };
          n.on("end", o);
        } else this[It] = true;
        n.meta ? n.size > this.maxMetaEntrySize ? (n.ignore = true, this[At]("ignoredEntry", n), this[B] = "ignore", n.resume()) : n.size > 0 && (this[dt] = "", n.on("data", (o) => this[dt] += o), this[B] = "meta") : (this[V] = void 0, n.ignore = n.ignore || !this.filter(n.path, n), n.ignore ? (this[At]("ignoredEntry", n), this[B] = n.remain ? "ignore" : "header", n.resume()) : (n.remain ? this[B] = "body" : (this[B] = "header", n.end()), this[it] ? this[st].push(n) : (this[st].push(n), this[Zi]())));
      }
    }
  }
  [$s]() {
    queueMicrotask(() => this.emit("close"));
  }
  [Zs](t) {
    let e = true;
    if (!t) this[it] = void 0, e = false;
    else if (Array.isArray(t)) {
      let [i2, ...r] = t;
      this.emit(i2, ...r);
    } else this[it] = t, this.emit("entry", t), t.emittedEnd || (t.on("end", () => this[Zi]()), e = false);
    return e;
  }
  [Zi]() {
    do
      ;
    while (this[Zs](this[st].shift()));
    if (this[st].length === 0) {
      let t = this[it];
      !t || t.flowing || t.size === t.remain ? this[Yt] || this.emit("drain") : t.once("drain", () => this.emit("drain"));
    }
  }
  [Ki](t, e) {
    let i2 = this[Nt];
    if (!i2) throw new Error("attempt to consume body without entry??");
    let r = i2.blockRemain ?? 0, n = r >= t.length && e === 0 ? t : t.subarray(e, e + r);
    return i2.write(n), i2.blockRemain || (this[B] = "header", this[Nt] = void 0, i2.end()), n.length;
  }
  [Ks](t, e) {
    let i2 = this[Nt], r = this[Ki](t, e);
    return !this[Nt] && i2 && this[Ys](i2), r;
  }
  [At](t, e, i2) {
    this[st].length === 0 && !this[it] ? this.emit(t, e, i2) : this[st].push([t, e, i2]);
  }
  [Ys](t) {
    switch (this[At]("meta", this[dt]), t.type) {
      case "ExtendedHeader":
      case "OldExtendedHeader":
        this[V] = ft.parse(this[dt], this[V], false);
        break;
      case "GlobalExtendedHeader":
        this[he] = ft.parse(this[dt], this[he], true);
        break;
      case "NextFileHasLongPath":
      case "OldGnuLongPath": {
        let e = this[V] ?? /* @__PURE__ */ Object.create(null);
        this[V] = e, e.path = this[dt].replace(/\0.*/, "");
        break;
      }
      case "NextFileHasLongLinkpath": {
        let e = this[V] || /* @__PURE__ */ Object.create(null);
        this[V] = e, e.linkpath = this[dt].replace(/\0.*/, "");
        break;
      }
      default:
        throw new Error("unknown meta: " + t.type);
    }
  }
  abort(t) {
    if (!this[$]) {
      if (this[w]) {
        let e = this[w];
        e.write = () => true, e.end = () => e, e.emit = () => false, e.destroy?.();
      }
      this[$] = true, this.emit("abort", t), this.warn("TAR_ABORT", t, { recoverable: false });
    }
  }
  [Xs](t) {
    this[$i] += t.length;
    let e = this[$i] / this[le];
    return e > this.maxDecompressionRatio ? (this.abort(new Error(`max decompression ratio exceeded: ${e.toFixed(2)} > ${this.maxDecompressionRatio}`)), false) : true;
  }
  write(t, e, i2) {
    if (typeof e == "function" && (i2 = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, typeof e == "string" ? e : "utf8")), this[$]) return i2?.(), false;
    if ((this[w] === void 0 || this.brotli === void 0 && this[w] === false) && t) {
      if (this[p] && (t = Buffer.concat([this[p], t]), this[p] = void 0), t.length < An) return this[p] = t, i2?.(), true;
      for (let a = 0; this[w] === void 0 && a < Xi.length; a++) t[a] !== Xi[a] && (this[w] = false);
      let o = false;
      if (this[w] === false && this.zstd !== false) {
        o = true;
        for (let a = 0; a < qi.length; a++) if (t[a] !== qi[a]) {
          o = false;
          break;
        }
      }
      let h = this.brotli === void 0 && !o;
      if (this[w] === false && h) if (t.length < 512) if (this[ut]) this.brotli = true;
      else return this[p] = t, i2?.(), true;
      else try {
        new F(t.subarray(0, 512)), this.brotli = false;
      } catch {
        this.brotli = true;
      }
      if (this[w] === void 0 || this[w] === false && (this.brotli || o)) {
        let a = this[ut];
        this[ut] = false, this[w] = this[w] === void 0 ? new Ue({}) : o ? new Ke({}) : new Ge({}), this[w].on("data", (c) => {
          this[Xs](c) && this[Xe](c);
        }), this[w].on("error", (c) => {
          this[$] || this.abort(c);
        }), this[w].on("end", () => {
          this[ut] = true, this[Xe]();
        }), this[Yt] = true, this[le] += t.length;
        let l = !!this[w][a ? "end" : "write"](t);
        return this[Yt] = false, i2?.(), l;
      }
    }
    this[Yt] = true, this[w] ? (this[le] += t.length, this[w].write(t)) : this[Xe](t), this[Yt] = false;
    let n = this[st].length > 0 ? false : this[it] ? this[it].flowing : true;
    return !n && this[st].length === 0 && this[it]?.once("drain", () => this.emit("drain")), i2?.(), n;
  }
  [Vi](t) {
    t && !this[$] && (this[p] = this[p] ? Buffer.concat([this[p], t]) : t);
  }
  [Qe]() {
    if (this[ut] && !this[Yi] && !this[$] && !this[ae]) {
      this[Yi] = true;
      let t = this[Nt];
      if (t?.blockRemain) {
        let e = this[p] ? this[p].length : 0;
        this.warn("TAR_BAD_ARCHIVE", `Truncated input (needed ${t.blockRemain} more bytes, only ${e} available)`, { entry: t }), this[p] && t.write(this[p]), t.end();
      }
      this[At](Je);
    }
  }
  [Xe](t) {
    if (this[ae] && t) this[Vi](t);
    else if (!t && !this[p]) this[Qe]();
    else if (t) {
      if (this[ae] = true, this[p]) {
        this[Vi](t);
        let e = this[p];
        this[p] = void 0, this[qe](e);
      } else this[qe](t);
      for (; this[p] && this[p]?.length >= 512 && !this[$] && !this[ti]; ) {
        let e = this[p];
        this[p] = void 0, this[qe](e);
      }
      this[ae] = false;
    }
    (!this[p] || this[ut]) && this[Qe]();
  }
  [qe](t) {
    let e = 0, i2 = t.length;
    for (; e + 512 <= i2 && !this[$] && !this[ti]; ) switch (this[B]) {
      case "begin":
      case "header":
        this[Vs](t, e), e += 512;
        break;
      case "ignore":
      case "body":
        e += this[Ki](t, e);
        break;
      case "meta":
        e += this[Ks](t, e);
        break;
      default:
        throw new Error("invalid state: " + this[B]);
    }
    e < i2 && (this[p] = this[p] ? Buffer.concat([t.subarray(e), this[p]]) : t.subarray(e));
  }
  end(t, e, i2) {
    return typeof t == "function" && (i2 = t, e = void 0, t = void 0), typeof e == "function" && (i2 = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, e)), i2 && this.once("finish", i2), this[$] || (this[w] ? (t && (this[le] += t.length, this[w].write(t)), this[w].end()) : (this[ut] = true, (this.brotli === void 0 || this.zstd === void 0) && (t = t || Buffer.alloc(0)), t && this.write(t), this[Qe]())), this;
  }
};
var mt = (s3) => {
  let t = s3.length - 1, e = -1;
  for (; t > -1 && s3.charAt(t) === "/"; ) e = t, t--;
  return e === -1 ? s3 : s3.slice(0, e);
};
var vn = (s3) => {
  let t = s3.onReadEntry;
  s3.onReadEntry = t ? (e) => {
    t(e), e.resume();
  } : (e) => e.resume();
};
var Qi = (s3, t) => {
  let e = new Map(t.map((o) => [mt(o), true])), i2 = s3.filter, r = 100, n = (o, h = "", a = 0) => {
    if (a >= r) return e.set(o, false), false;
    let l = h || kn(o).root || ".", c;
    if (o === l) c = false;
    else {
      let d = e.get(o);
      c = d !== void 0 ? d : n(Fn(o), l, a + 1);
    }
    return e.set(o, c), c;
  };
  s3.filter = i2 ? (o, h) => i2(o, h) && n(mt(o)) : (o) => n(mt(o));
};
var Mn = (s3) => {
  let t = new rt(s3), e = s3.file, i2;
  try {
    i2 = Kt.openSync(e, "r");
    let r = Kt.fstatSync(i2), n = s3.maxReadSize || 16 * 1024 * 1024;
    if (r.size < n) {
      let o = Buffer.allocUnsafe(r.size), h = Kt.readSync(i2, o, 0, r.size, 0);
      t.end(h === o.byteLength ? o : o.subarray(0, h));
    } else {
      let o = 0, h = Buffer.allocUnsafe(n);
      for (; o < r.size; ) {
        let a = Kt.readSync(i2, h, 0, n, o);
        if (a === 0) break;
        o += a, t.write(h.subarray(0, a));
      }
      t.end();
    }
  } finally {
    if (typeof i2 == "number") try {
      Kt.closeSync(i2);
    } catch {
    }
  }
};
var Bn = (s3, t) => {
  let e = new rt(s3), i2 = s3.maxReadSize || 16 * 1024 * 1024, r = s3.file;
  return new Promise((o, h) => {
    e.on("error", h), e.on("end", o), Kt.stat(r, (a, l) => {
      if (a) h(a);
      else {
        let c = new _t(r, { readSize: i2, size: l.size });
        c.on("error", h), c.pipe(e);
      }
    });
  });
};
var Ct = K(Mn, Bn, (s3) => new rt(s3), (s3) => new rt(s3), (s3, t) => {
  t?.length && Qi(s3, t), s3.noResume || vn(s3);
});
var Ji = (s3, t, e) => (s3 &= 4095, e && (s3 = (s3 | 384) & -19), t && (s3 & 256 && (s3 |= 64), s3 & 32 && (s3 |= 8), s3 & 4 && (s3 |= 1)), s3);
var { isAbsolute: zn, parse: qs } = Pn;
var ce = (s3) => {
  let t = "", e = qs(s3);
  for (; zn(s3) || e.root; ) {
    let i2 = s3.charAt(0) === "/" && s3.slice(0, 4) !== "//?/" ? "/" : e.root;
    s3 = s3.slice(i2.length), t += i2, e = qs(s3);
  }
  return [t, s3];
};
var ei = ["|", "<", ">", "?", ":"];
var ji = ei.map((s3) => String.fromCodePoint(61440 + Number(s3.codePointAt(0))));
var Un = new Map(ei.map((s3, t) => [s3, ji[t]]));
var Hn = new Map(ji.map((s3, t) => [s3, ei[t]]));
var ts = (s3) => ei.reduce((t, e) => t.split(e).join(Un.get(e)), s3);
var Qs = (s3) => ji.reduce((t, e) => t.split(e).join(Hn.get(e)), s3);
var rr = (s3, t) => t ? (s3 = f(s3).replace(/^\.(\/|$)/, ""), mt(t) + "/" + s3) : f(s3);
var Wn = 16 * 1024 * 1024;
var tr = /* @__PURE__ */ Symbol("process");
var er = /* @__PURE__ */ Symbol("file");
var ir = /* @__PURE__ */ Symbol("directory");
var is = /* @__PURE__ */ Symbol("symlink");
var sr = /* @__PURE__ */ Symbol("hardlink");
var fe = /* @__PURE__ */ Symbol("header");
var ii = /* @__PURE__ */ Symbol("read");
var ss = /* @__PURE__ */ Symbol("lstat");
var si = /* @__PURE__ */ Symbol("onlstat");
var rs = /* @__PURE__ */ Symbol("onread");
var ns = /* @__PURE__ */ Symbol("onreadlink");
var os = /* @__PURE__ */ Symbol("openfile");
var hs = /* @__PURE__ */ Symbol("onopenfile");
var pt = /* @__PURE__ */ Symbol("close");
var ri = /* @__PURE__ */ Symbol("mode");
var as = /* @__PURE__ */ Symbol("awaitDrain");
var es = /* @__PURE__ */ Symbol("ondrain");
var q = /* @__PURE__ */ Symbol("prefix");
var de = class extends A {
  path;
  portable;
  myuid = process.getuid && process.getuid() || 0;
  myuser = process.env.USER || "";
  maxReadSize;
  linkCache;
  statCache;
  preservePaths;
  cwd;
  strict;
  mtime;
  noPax;
  noMtime;
  prefix;
  fd;
  blockLen = 0;
  blockRemain = 0;
  buf;
  pos = 0;
  remain = 0;
  length = 0;
  offset = 0;
  win32;
  absolute;
  header;
  type;
  linkpath;
  stat;
  onWriteEntry;
  #t = false;
  constructor(t, e = {}) {
    let i2 = se(e);
    super(), this.path = f(t), this.portable = !!i2.portable, this.maxReadSize = i2.maxReadSize || Wn, this.linkCache = i2.linkCache || /* @__PURE__ */ new Map(), this.statCache = i2.statCache || /* @__PURE__ */ new Map(), this.preservePaths = !!i2.preservePaths, this.cwd = f(i2.cwd || process.cwd()), this.strict = !!i2.strict, this.noPax = !!i2.noPax, this.noMtime = !!i2.noMtime, this.mtime = i2.mtime, this.prefix = i2.prefix ? f(i2.prefix) : void 0, this.onWriteEntry = i2.onWriteEntry, typeof i2.onwarn == "function" && this.on("warn", i2.onwarn);
    let r = false;
    if (!this.preservePaths) {
      let [o, h] = ce(this.path);
      o && typeof h == "string" && (this.path = h, r = o);
    }
    this.win32 = !!i2.win32 || process.platform === "win32", this.win32 && (this.path = Qs(this.path.replaceAll(/\\/g, "/")), t = t.replaceAll(/\\/g, "/")), this.absolute = f(i2.absolute || js.resolve(this.cwd, t)), this.path === "" && (this.path = "./"), r && this.warn("TAR_ENTRY_INFO", `stripping ${r} from absolute path`, { entry: this, path: r + this.path });
    let n = this.statCache.get(this.absolute);
    n ? this[si](n) : this[ss]();
  }
  warn(t, e, i2 = {}) {
    return Dt(this, t, e, i2);
  }
  emit(t, ...e) {
    return t === "error" && (this.#t = true), super.emit(t, ...e);
  }
  [ss]() {
    X.lstat(this.absolute, (t, e) => {
      if (t) return this.emit("error", t);
      this[si](e);
    });
  }
  [si](t) {
    this.statCache.set(this.absolute, t), this.stat = t, t.isFile() || (t.size = 0), this.type = Gn(t), this.emit("stat", t), this[tr]();
  }
  [tr]() {
    switch (this.type) {
      case "File":
        return this[er]();
      case "Directory":
        return this[ir]();
      case "SymbolicLink":
        return this[is]();
      default:
        return this.end();
    }
  }
  [ri](t) {
    return Ji(t, this.type === "Directory", this.portable);
  }
  [q](t) {
    return rr(t, this.prefix);
  }
  [fe]() {
    if (!this.stat) throw new Error("cannot write header before stat");
    this.type === "Directory" && this.portable && (this.noMtime = true), this.onWriteEntry?.(this), this.header = new F({ path: this[q](this.path), linkpath: this.type === "Link" && this.linkpath !== void 0 ? this[q](this.linkpath) : this.linkpath, mode: this[ri](this.stat.mode), uid: this.portable ? void 0 : this.stat.uid, gid: this.portable ? void 0 : this.stat.gid, size: this.stat.size, mtime: this.noMtime ? void 0 : this.mtime || this.stat.mtime, type: this.type === "Unsupported" ? void 0 : this.type, uname: this.portable ? void 0 : this.stat.uid === this.myuid ? this.myuser : "", atime: this.portable ? void 0 : this.stat.atime, ctime: this.portable ? void 0 : this.stat.ctime }), this.header.encode() && !this.noPax && super.write(new ft({ atime: this.portable ? void 0 : this.header.atime, ctime: this.portable ? void 0 : this.header.ctime, gid: this.portable ? void 0 : this.header.gid, mtime: this.noMtime ? void 0 : this.mtime || this.header.mtime, path: this[q](this.path), linkpath: this.type === "Link" && this.linkpath !== void 0 ? this[q](this.linkpath) : this.linkpath, size: this.header.size, uid: this.portable ? void 0 : this.header.uid, uname: this.portable ? void 0 : this.header.uname, dev: this.portable ? void 0 : this.stat.dev, ino: this.portable ? void 0 : this.stat.ino, nlink: this.portable ? void 0 : this.stat.nlink }).encode());
    let t = this.header?.block;
    if (!t) throw new Error("failed to encode header");
    super.write(t);
  }
  [ir]() {
    if (!this.stat) throw new Error("cannot create directory entry without stat");
    this.path.slice(-1) !== "/" && (this.path += "/"), this.stat.size = 0, this[fe](), this.end();
  }
  [is]() {
    X.readlink(this.absolute, (t, e) => {
      if (t) return this.emit("error", t);
      this[ns](e);
    });
  }
  [ns](t) {
    this.linkpath = f(t), this[fe](), this.end();
  }
  [sr](t) {
    if (!this.stat) throw new Error("cannot create link entry without stat");
    this.type = "Link", this.linkpath = f(js.relative(this.cwd, t)), this.stat.size = 0, this[fe](), this.end();
  }
  [er]() {
    if (!this.stat) throw new Error("cannot create file entry without stat");
    if (this.stat.nlink > 1) {
      let t = `${this.stat.dev}:${this.stat.ino}`, e = this.linkCache.get(t);
      if (e?.indexOf(this.cwd) === 0) return this[sr](e);
      this.linkCache.set(t, this.absolute);
    }
    if (this[fe](), this.stat.size === 0) return this.end();
    this[os]();
  }
  [os]() {
    X.open(this.absolute, "r", (t, e) => {
      if (t) return this.emit("error", t);
      this[hs](e);
    });
  }
  [hs](t) {
    if (this.fd = t, this.#t) return this[pt]();
    if (!this.stat) throw new Error("should stat before calling onopenfile");
    this.blockLen = 512 * Math.ceil(this.stat.size / 512), this.blockRemain = this.blockLen;
    let e = Math.min(this.blockLen, this.maxReadSize);
    this.buf = Buffer.allocUnsafe(e), this.offset = 0, this.pos = 0, this.remain = this.stat.size, this.length = this.buf.length, this[ii]();
  }
  [ii]() {
    let { fd: t, buf: e, offset: i2, length: r, pos: n } = this;
    if (t === void 0 || e === void 0) throw new Error("cannot read file without first opening");
    X.read(t, e, i2, r, n, (o, h) => {
      if (o) return this[pt](() => this.emit("error", o));
      this[rs](h);
    });
  }
  [pt](t = () => {
  }) {
    this.fd !== void 0 && X.close(this.fd, t);
  }
  [rs](t) {
    if (t <= 0 && this.remain > 0) {
      let r = Object.assign(new Error("encountered unexpected EOF"), { path: this.absolute, syscall: "read", code: "EOF" });
      return this[pt](() => this.emit("error", r));
    }
    if (t > this.remain) {
      let r = Object.assign(new Error("did not encounter expected EOF"), { path: this.absolute, syscall: "read", code: "EOF" });
      return this[pt](() => this.emit("error", r));
    }
    if (!this.buf) throw new Error("should have created buffer prior to reading");
    if (t === this.remain) for (let r = t; r < this.length && t < this.blockRemain; r++) this.buf[r + this.offset] = 0, t++, this.remain++;
    let e = this.offset === 0 && t === this.buf.length ? this.buf : this.buf.subarray(this.offset, this.offset + t);
    this.write(e) ? this[es]() : this[as](() => this[es]());
  }
  [as](t) {
    this.once("drain", t);
  }
  write(t, e, i2) {
    if (typeof e == "function" && (i2 = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, typeof e == "string" ? e : "utf8")), this.blockRemain < t.length) {
      let r = Object.assign(new Error("writing more data than expected"), { path: this.absolute });
      return this.emit("error", r);
    }
    return this.remain -= t.length, this.blockRemain -= t.length, this.pos += t.length, this.offset += t.length, super.write(t, null, i2);
  }
  [es]() {
    if (!this.remain) return this.blockRemain && super.write(Buffer.alloc(this.blockRemain)), this[pt]((t) => t ? this.emit("error", t) : this.end());
    if (!this.buf) throw new Error("buffer lost somehow in ONDRAIN");
    this.offset >= this.length && (this.buf = Buffer.allocUnsafe(Math.min(this.blockRemain, this.buf.length)), this.offset = 0), this.length = this.buf.length - this.offset, this[ii]();
  }
};
var ni = class extends de {
  sync = true;
  [ss]() {
    this[si](X.lstatSync(this.absolute));
  }
  [is]() {
    this[ns](X.readlinkSync(this.absolute));
  }
  [os]() {
    this[hs](X.openSync(this.absolute, "r"));
  }
  [ii]() {
    let t = true;
    try {
      let { fd: e, buf: i2, offset: r, length: n, pos: o } = this;
      if (e === void 0 || i2 === void 0) throw new Error("fd and buf must be set in READ method");
      let h = X.readSync(e, i2, r, n, o);
      this[rs](h), t = false;
    } finally {
      if (t) try {
        this[pt](() => {
        });
      } catch {
      }
    }
  }
  [as](t) {
    t();
  }
  [pt](t = () => {
  }) {
    this.fd !== void 0 && X.closeSync(this.fd), t();
  }
};
var oi = class extends A {
  blockLen = 0;
  blockRemain = 0;
  buf = 0;
  pos = 0;
  remain = 0;
  length = 0;
  preservePaths;
  portable;
  strict;
  noPax;
  noMtime;
  readEntry;
  type;
  prefix;
  path;
  mode;
  uid;
  gid;
  uname;
  gname;
  header;
  mtime;
  atime;
  ctime;
  linkpath;
  size;
  onWriteEntry;
  warn(t, e, i2 = {}) {
    return Dt(this, t, e, i2);
  }
  constructor(t, e = {}) {
    let i2 = se(e);
    super(), this.preservePaths = !!i2.preservePaths, this.portable = !!i2.portable, this.strict = !!i2.strict, this.noPax = !!i2.noPax, this.noMtime = !!i2.noMtime, this.onWriteEntry = i2.onWriteEntry, this.readEntry = t;
    let { type: r } = t;
    if (r === "Unsupported") throw new Error("writing entry that should be ignored");
    this.type = r, this.type === "Directory" && this.portable && (this.noMtime = true), this.prefix = i2.prefix, this.path = f(t.path), this.mode = t.mode !== void 0 ? this[ri](t.mode) : void 0, this.uid = this.portable ? void 0 : t.uid, this.gid = this.portable ? void 0 : t.gid, this.uname = this.portable ? void 0 : t.uname, this.gname = this.portable ? void 0 : t.gname, this.size = t.size, this.mtime = this.noMtime ? void 0 : i2.mtime || t.mtime, this.atime = this.portable ? void 0 : t.atime, this.ctime = this.portable ? void 0 : t.ctime, this.linkpath = t.linkpath !== void 0 ? f(t.linkpath) : void 0, typeof i2.onwarn == "function" && this.on("warn", i2.onwarn);
    let n = false;
    if (!this.preservePaths) {
      let [h, a] = ce(this.path);
      h && typeof a == "string" && (this.path = a, n = h);
    }
    this.remain = t.size, this.blockRemain = t.startBlockSize, this.onWriteEntry?.(this), this.header = new F({ path: this[q](this.path), linkpath: this.type === "Link" && this.linkpath !== void 0 ? this[q](this.linkpath) : this.linkpath, mode: this.mode, uid: this.portable ? void 0 : this.uid, gid: this.portable ? void 0 : this.gid, size: this.size, mtime: this.noMtime ? void 0 : this.mtime, type: this.type, uname: this.portable ? void 0 : this.uname, atime: this.portable ? void 0 : this.atime, ctime: this.portable ? void 0 : this.ctime }), n && this.warn("TAR_ENTRY_INFO", `stripping ${n} from absolute path`, { entry: this, path: n + this.path }), this.header.encode() && !this.noPax && super.write(new ft({ atime: this.portable ? void 0 : this.atime, ctime: this.portable ? void 0 : this.ctime, gid: this.portable ? void 0 : this.gid, mtime: this.noMtime ? void 0 : this.mtime, path: this[q](this.path), linkpath: this.type === "Link" && this.linkpath !== void 0 ? this[q](this.linkpath) : this.linkpath, size: this.size, uid: this.portable ? void 0 : this.uid, uname: this.portable ? void 0 : this.uname, dev: this.portable ? void 0 : this.readEntry.dev, ino: this.portable ? void 0 : this.readEntry.ino, nlink: this.portable ? void 0 : this.readEntry.nlink }).encode());
    let o = this.header?.block;
    if (!o) throw new Error("failed to encode header");
    super.write(o), t.pipe(this);
  }
  [q](t) {
    return rr(t, this.prefix);
  }
  [ri](t) {
    return Ji(t, this.type === "Directory", this.portable);
  }
  write(t, e, i2) {
    typeof e == "function" && (i2 = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, typeof e == "string" ? e : "utf8"));
    let r = t.length;
    if (r > this.blockRemain) throw new Error("writing more to entry than is appropriate");
    return this.blockRemain -= r, super.write(t, i2);
  }
  end(t, e, i2) {
    return this.blockRemain && super.write(Buffer.alloc(this.blockRemain)), typeof t == "function" && (i2 = t, e = void 0, t = void 0), typeof e == "function" && (i2 = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, e ?? "utf8")), i2 && this.once("finish", i2), t ? super.end(t, i2) : super.end(i2), this;
  }
};
var Gn = (s3) => s3.isFile() ? "File" : s3.isDirectory() ? "Directory" : s3.isSymbolicLink() ? "SymbolicLink" : "Unsupported";
var hi = class s2 {
  tail;
  head;
  length = 0;
  static create(t = []) {
    return new s2(t);
  }
  constructor(t = []) {
    for (let e of t) this.push(e);
  }
  *[Symbol.iterator]() {
    for (let t = this.head; t; t = t.next) yield t.value;
  }
  removeNode(t) {
    if (t.list !== this) throw new Error("removing node which does not belong to this list");
    let e = t.next, i2 = t.prev;
    return e && (e.prev = i2), i2 && (i2.next = e), t === this.head && (this.head = e), t === this.tail && (this.tail = i2), this.length--, t.next = void 0, t.prev = void 0, t.list = void 0, e;
  }
  unshiftNode(t) {
    if (t === this.head) return;
    t.list && t.list.removeNode(t);
    let e = this.head;
    t.list = this, t.next = e, e && (e.prev = t), this.head = t, this.tail || (this.tail = t), this.length++;
  }
  pushNode(t) {
    if (t === this.tail) return;
    t.list && t.list.removeNode(t);
    let e = this.tail;
    t.list = this, t.prev = e, e && (e.next = t), this.tail = t, this.head || (this.head = t), this.length++;
  }
  push(...t) {
    for (let e = 0, i2 = t.length; e < i2; e++) Yn(this, t[e]);
    return this.length;
  }
  unshift(...t) {
    for (var e = 0, i2 = t.length; e < i2; e++) Kn(this, t[e]);
    return this.length;
  }
  pop() {
    if (!this.tail) return;
    let t = this.tail.value, e = this.tail;
    return this.tail = this.tail.prev, this.tail ? this.tail.next = void 0 : this.head = void 0, e.list = void 0, this.length--, t;
  }
  shift() {
    if (!this.head) return;
    let t = this.head.value, e = this.head;
    return this.head = this.head.next, this.head ? this.head.prev = void 0 : this.tail = void 0, e.list = void 0, this.length--, t;
  }
  forEach(t, e) {
    e = e || this;
    for (let i2 = this.head, r = 0; i2; r++) t.call(e, i2.value, r, this), i2 = i2.next;
  }
  forEachReverse(t, e) {
    e = e || this;
    for (let i2 = this.tail, r = this.length - 1; i2; r--) t.call(e, i2.value, r, this), i2 = i2.prev;
  }
  get(t) {
    let e = 0, i2 = this.head;
    for (; i2 && e < t; e++) i2 = i2.next;
    if (e === t && i2) return i2.value;
  }
  getReverse(t) {
    let e = 0, i2 = this.tail;
    for (; i2 && e < t; e++) i2 = i2.prev;
    if (e === t && i2) return i2.value;
  }
  map(t, e) {
    e = e || this;
    let i2 = new s2();
    for (let r = this.head; r; ) i2.push(t.call(e, r.value, this)), r = r.next;
    return i2;
  }
  mapReverse(t, e) {
    e = e || this;
    var i2 = new s2();
    for (let r = this.tail; r; ) i2.push(t.call(e, r.value, this)), r = r.prev;
    return i2;
  }
  reduce(t, e) {
    let i2, r = this.head;
    if (arguments.length > 1) i2 = e;
    else if (this.head) r = this.head.next, i2 = this.head.value;
    else throw new TypeError("Reduce of empty list with no initial value");
    for (var n = 0; r; n++) i2 = t(i2, r.value, n), r = r.next;
    return i2;
  }
  reduceReverse(t, e) {
    let i2, r = this.tail;
    if (arguments.length > 1) i2 = e;
    else if (this.tail) r = this.tail.prev, i2 = this.tail.value;
    else throw new TypeError("Reduce of empty list with no initial value");
    for (let n = this.length - 1; r; n--) i2 = t(i2, r.value, n), r = r.prev;
    return i2;
  }
  toArray() {
    let t = new Array(this.length);
    for (let e = 0, i2 = this.head; i2; e++) t[e] = i2.value, i2 = i2.next;
    return t;
  }
  toArrayReverse() {
    let t = new Array(this.length);
    for (let e = 0, i2 = this.tail; i2; e++) t[e] = i2.value, i2 = i2.prev;
    return t;
  }
  slice(t = 0, e = this.length) {
    e < 0 && (e += this.length), t < 0 && (t += this.length);
    let i2 = new s2();
    if (e < t || e < 0) return i2;
    t < 0 && (t = 0), e > this.length && (e = this.length);
    let r = this.head, n = 0;
    for (n = 0; r && n < t; n++) r = r.next;
    for (; r && n < e; n++, r = r.next) i2.push(r.value);
    return i2;
  }
  sliceReverse(t = 0, e = this.length) {
    e < 0 && (e += this.length), t < 0 && (t += this.length);
    let i2 = new s2();
    if (e < t || e < 0) return i2;
    t < 0 && (t = 0), e > this.length && (e = this.length);
    let r = this.length, n = this.tail;
    for (; n && r > e; r--) n = n.prev;
    for (; n && r > t; r--, n = n.prev) i2.push(n.value);
    return i2;
  }
  splice(t, e = 0, ...i2) {
    t > this.length && (t = this.length - 1), t < 0 && (t = this.length + t);
    let r = this.head;
    for (let o = 0; r && o < t; o++) r = r.next;
    let n = [];
    for (let o = 0; r && o < e; o++) n.push(r.value), r = this.removeNode(r);
    r ? r !== this.tail && (r = r.prev) : r = this.tail;
    for (let o of i2) r = Zn(this, r, o);
    return n;
  }
  reverse() {
    let t = this.head, e = this.tail;
    for (let i2 = t; i2; i2 = i2.prev) {
      let r = i2.prev;
      i2.prev = i2.next, i2.next = r;
    }
    return this.head = e, this.tail = t, this;
  }
};
function Zn(s3, t, e) {
  let i2 = t, r = t ? t.next : s3.head, n = new ue(e, i2, r, s3);
  return n.next === void 0 && (s3.tail = n), n.prev === void 0 && (s3.head = n), s3.length++, n;
}
function Yn(s3, t) {
  s3.tail = new ue(t, s3.tail, void 0, s3), s3.head || (s3.head = s3.tail), s3.length++;
}
function Kn(s3, t) {
  s3.head = new ue(t, void 0, s3.head, s3), s3.tail || (s3.tail = s3.head), s3.length++;
}
var ue = class {
  list;
  next;
  prev;
  value;
  constructor(t, e, i2, r) {
    this.list = r, this.value = t, e ? (e.next = this, this.prev = e) : this.prev = void 0, i2 ? (i2.prev = this, this.next = i2) : this.next = void 0;
  }
};
var pi = class {
  path;
  absolute;
  entry;
  stat;
  readdir;
  pending = false;
  pendingLink = false;
  ignore = false;
  piped = false;
  constructor(t, e) {
    this.path = t || "./", this.absolute = e;
  }
};
var nr = Buffer.alloc(1024);
var li = /* @__PURE__ */ Symbol("onStat");
var me = /* @__PURE__ */ Symbol("ended");
var W = /* @__PURE__ */ Symbol("queue");
var pe = /* @__PURE__ */ Symbol("pendingLinks");
var Et = /* @__PURE__ */ Symbol("current");
var Ft = /* @__PURE__ */ Symbol("process");
var Ee = /* @__PURE__ */ Symbol("processing");
var ai = /* @__PURE__ */ Symbol("processJob");
var G = /* @__PURE__ */ Symbol("jobs");
var ls = /* @__PURE__ */ Symbol("jobDone");
var ci = /* @__PURE__ */ Symbol("addFSEntry");
var or = /* @__PURE__ */ Symbol("addTarEntry");
var ds = /* @__PURE__ */ Symbol("stat");
var us = /* @__PURE__ */ Symbol("readdir");
var fi = /* @__PURE__ */ Symbol("onreaddir");
var di = /* @__PURE__ */ Symbol("pipe");
var hr = /* @__PURE__ */ Symbol("entry");
var cs = /* @__PURE__ */ Symbol("entryOpt");
var ui = /* @__PURE__ */ Symbol("writeEntryClass");
var lr = /* @__PURE__ */ Symbol("write");
var fs = /* @__PURE__ */ Symbol("ondrain");
var wt = class extends A {
  sync = false;
  opt;
  cwd;
  maxReadSize;
  preservePaths;
  strict;
  noPax;
  prefix;
  linkCache;
  statCache;
  file;
  portable;
  zip;
  readdirCache;
  noDirRecurse;
  follow;
  noMtime;
  mtime;
  filter;
  jobs;
  [ui];
  onWriteEntry;
  [W];
  [pe] = /* @__PURE__ */ new Map();
  [G] = 0;
  [Ee] = false;
  [me] = false;
  constructor(t = {}) {
    if (super(), this.opt = t, this.file = t.file || "", this.cwd = t.cwd || process.cwd(), this.maxReadSize = t.maxReadSize, this.preservePaths = !!t.preservePaths, this.strict = !!t.strict, this.noPax = !!t.noPax, this.prefix = f(t.prefix || ""), this.linkCache = t.linkCache || /* @__PURE__ */ new Map(), this.statCache = t.statCache || /* @__PURE__ */ new Map(), this.readdirCache = t.readdirCache || /* @__PURE__ */ new Map(), this.onWriteEntry = t.onWriteEntry, this[ui] = de, typeof t.onwarn == "function" && this.on("warn", t.onwarn), this.portable = !!t.portable, t.gzip || t.brotli || t.zstd) {
      if ((t.gzip ? 1 : 0) + (t.brotli ? 1 : 0) + (t.zstd ? 1 : 0) > 1) throw new TypeError("gzip, brotli, zstd are mutually exclusive");
      if (t.gzip && (typeof t.gzip != "object" && (t.gzip = {}), this.portable && (t.gzip.portable = true), this.zip = new ze(t.gzip)), t.brotli && (typeof t.brotli != "object" && (t.brotli = {}), this.zip = new We(t.brotli)), t.zstd && (typeof t.zstd != "object" && (t.zstd = {}), this.zip = new Ye(t.zstd)), !this.zip) throw new Error("impossible");
      let e = this.zip;
      e.on("data", (i2) => super.write(i2)), e.on("end", () => super.end()), e.on("drain", () => this[fs]()), this.on("resume", () => e.resume());
    } else this.on("drain", this[fs]);
    this.noDirRecurse = !!t.noDirRecurse, this.follow = !!t.follow, this.noMtime = !!t.noMtime, t.mtime && (this.mtime = t.mtime), this.filter = typeof t.filter == "function" ? t.filter : () => true, this[W] = new hi(), this[G] = 0, this.jobs = Number(t.jobs) || 4, this[Ee] = false, this[me] = false;
  }
  [lr](t) {
    return super.write(t);
  }
  add(t) {
    return this.write(t), this;
  }
  end(t, e, i2) {
    return typeof t == "function" && (i2 = t, t = void 0), typeof e == "function" && (i2 = e, e = void 0), t && this.add(t), this[me] = true, this[Ft](), i2 && i2(), this;
  }
  write(t) {
    if (this[me]) throw new Error("write after end");
    return typeof t == "string" ? this[ci](t) : this[or](t), this.flowing;
  }
  [or](t) {
    let e = f(ar.resolve(this.cwd, t.path));
    if (!this.filter(t.path, t)) t.resume();
    else {
      let i2 = new pi(t.path, e);
      i2.entry = new oi(t, this[cs](i2)), i2.entry.on("end", () => this[ls](i2)), this[G] += 1, this[W].push(i2);
    }
    this[Ft]();
  }
  [ci](t) {
    let e = f(ar.resolve(this.cwd, t));
    this[W].push(new pi(t, e)), this[Ft]();
  }
  [ds](t) {
    t.pending = true, this[G] += 1;
    let e = this.follow ? "stat" : "lstat";
    mi[e](t.absolute, (i2, r) => {
      t.pending = false, this[G] -= 1, i2 ? this.emit("error", i2) : this[li](t, r);
    });
  }
  [li](t, e) {
    if (this.statCache.set(t.absolute, e), t.stat = e, !this.filter(t.path, e)) t.ignore = true;
    else if (e.isFile() && e.nlink > 1 && !this.linkCache.get(`${e.dev}:${e.ino}`) && !this.sync) if (t === this[Et]) this[ai](t);
    else {
      let i2 = `${e.dev}:${e.ino}`, r = this[pe].get(i2);
      r ? r.push(t) : this[pe].set(i2, [t]), t.pendingLink = true, t.pending = true;
    }
    this[Ft]();
  }
  [us](t) {
    t.pending = true, this[G] += 1, mi.readdir(t.absolute, (e, i2) => {
      if (t.pending = false, this[G] -= 1, e) return this.emit("error", e);
      this[fi](t, i2);
    });
  }
  [fi](t, e) {
    this.readdirCache.set(t.absolute, e), t.readdir = e, this[Ft]();
  }
  [Ft]() {
    if (!this[Ee]) {
      this[Ee] = true;
      for (let t = this[W].head; t && this[G] < this.jobs; t = t.next) if (this[ai](t.value), t.value.ignore) {
        let e = t.next;
        this[W].removeNode(t), t.next = e;
      }
      this[Ee] = false, this[me] && this[W].length === 0 && this[G] === 0 && (this.zip ? this.zip.end(nr) : (super.write(nr), super.end()));
    }
  }
  get [Et]() {
    return this[W] && this[W].head && this[W].head.value;
  }
  [ls](t) {
    this[W].shift(), this[G] -= 1;
    let { stat: e } = t;
    if (e && e.isFile() && e.nlink > 1) {
      let i2 = `${e.dev}:${e.ino}`, r = this[pe].get(i2);
      if (r) {
        this[pe].delete(i2);
        for (let n of r) n.pending = false, this[ai](n);
      }
    }
    this[Ft]();
  }
  [ai](t) {
    if (t.pending && t.pendingLink && t === this[Et] && (t.pending = false, t.pendingLink = false), !t.pending) {
      if (t.entry) {
        t === this[Et] && !t.piped && this[di](t);
        return;
      }
      if (!t.stat) {
        let e = this.statCache.get(t.absolute);
        e ? this[li](t, e) : this[ds](t);
      }
      if (t.stat && !t.ignore) {
        if (!this.noDirRecurse && t.stat.isDirectory() && !t.readdir) {
          let e = this.readdirCache.get(t.absolute);
          if (e ? this[fi](t, e) : this[us](t), !t.readdir) return;
        }
        if (t.entry = this[hr](t), !t.entry) {
          t.ignore = true;
          return;
        }
        t === this[Et] && !t.piped && this[di](t);
      }
    }
  }
  [cs](t) {
    return { onwarn: (e, i2, r) => this.warn(e, i2, r), noPax: this.noPax, cwd: this.cwd, absolute: t.absolute, preservePaths: this.preservePaths, maxReadSize: this.maxReadSize, strict: this.strict, portable: this.portable, linkCache: this.linkCache, statCache: this.statCache, noMtime: this.noMtime, mtime: this.mtime, prefix: this.prefix, onWriteEntry: this.onWriteEntry };
  }
  [hr](t) {
    this[G] += 1;
    try {
      return new this[ui](t.path, this[cs](t)).on("end", () => this[ls](t)).on("error", (i2) => this.emit("error", i2));
    } catch (e) {
      this.emit("error", e);
    }
  }
  [fs]() {
    this[Et] && this[Et].entry && this[Et].entry.resume();
  }
  [di](t) {
    t.piped = true, t.readdir && t.readdir.forEach((r) => {
      let n = t.path, o = n === "./" ? "" : n.replace(/\/*$/, "/");
      this[ci](o + r);
    });
    let e = t.entry, i2 = this.zip;
    if (!e) throw new Error("cannot pipe without source");
    i2 ? e.on("data", (r) => {
      i2.write(r) || e.pause();
    }) : e.on("data", (r) => {
      super.write(r) || e.pause();
    });
  }
  pause() {
    return this.zip && this.zip.pause(), super.pause();
  }
  warn(t, e, i2 = {}) {
    Dt(this, t, e, i2);
  }
};
var kt = class extends wt {
  sync = true;
  constructor(t) {
    super(t), this[ui] = ni;
  }
  pause() {
  }
  resume() {
  }
  [ds](t) {
    let e = this.follow ? "statSync" : "lstatSync";
    this[li](t, mi[e](t.absolute));
  }
  [us](t) {
    this[fi](t, mi.readdirSync(t.absolute));
  }
  [di](t) {
    let e = t.entry, i2 = this.zip;
    if (t.readdir && t.readdir.forEach((r) => {
      let n = t.path, o = n === "./" ? "" : n.replace(/\/*$/, "/");
      this[ci](o + r);
    }), !e) throw new Error("Cannot pipe without source");
    i2 ? e.on("data", (r) => {
      i2.write(r);
    }) : e.on("data", (r) => {
      super[lr](r);
    });
  }
};
var Vn = (s3, t) => {
  let e = new kt(s3), i2 = new Wt(s3.file, { mode: s3.mode || 438 });
  e.pipe(i2), fr(e, t);
};
var $n = (s3, t) => {
  let e = new wt(s3), i2 = new et(s3.file, { mode: s3.mode || 438 });
  e.pipe(i2);
  let r = new Promise((n, o) => {
    i2.on("error", o), i2.on("close", n), e.on("error", o);
  });
  return dr(e, t).catch((n) => e.emit("error", n)), r;
};
var fr = (s3, t) => {
  t.forEach((e) => {
    e.charAt(0) === "@" ? Ct({ file: cr.resolve(s3.cwd, e.slice(1)), sync: true, noResume: true, onReadEntry: (i2) => s3.add(i2) }) : s3.add(e);
  }), s3.end();
};
var dr = async (s3, t) => {
  for (let e of t) e.charAt(0) === "@" ? await Ct({ file: cr.resolve(String(s3.cwd), e.slice(1)), noResume: true, onReadEntry: (i2) => {
    s3.add(i2);
  } }) : s3.add(e);
  s3.end();
};
var Xn = (s3, t) => {
  let e = new kt(s3);
  return fr(e, t), e;
};
var qn = (s3, t) => {
  let e = new wt(s3);
  return dr(e, t).catch((i2) => e.emit("error", i2)), e;
};
var Qn = K(Vn, $n, Xn, qn, (s3, t) => {
  if (!t?.length) throw new TypeError("no paths specified to add to archive");
});
var Jn = process.env.__FAKE_PLATFORM__ || process.platform;
var Er = Jn === "win32";
var { O_CREAT: wr, O_NOFOLLOW: ur, O_TRUNC: Sr, O_WRONLY: yr } = pr.constants;
var Rr = Number(process.env.__FAKE_FS_O_FILENAME__) || pr.constants.UV_FS_O_FILEMAP || 0;
var jn = Er && !!Rr;
var to = 512 * 1024;
var eo = Rr | Sr | wr | yr;
var mr = !Er && typeof ur == "number" ? ur | Sr | wr | yr : null;
var ms = mr !== null ? () => mr : jn ? (s3) => s3 < to ? eo : "w" : () => "w";
var ps = (s3, t, e) => {
  try {
    return wi.lchownSync(s3, t, e);
  } catch (i2) {
    if (i2?.code !== "ENOENT") throw i2;
  }
};
var Ei = (s3, t, e, i2) => {
  wi.lchown(s3, t, e, (r) => {
    i2(r && r?.code !== "ENOENT" ? r : null);
  });
};
var io = (s3, t, e, i2, r) => {
  if (t.isDirectory()) Es(we.resolve(s3, t.name), e, i2, (n) => {
    if (n) return r(n);
    let o = we.resolve(s3, t.name);
    Ei(o, e, i2, r);
  });
  else {
    let n = we.resolve(s3, t.name);
    Ei(n, e, i2, r);
  }
};
var Es = (s3, t, e, i2) => {
  wi.readdir(s3, { withFileTypes: true }, (r, n) => {
    if (r) {
      if (r.code === "ENOENT") return i2();
      if (r.code !== "ENOTDIR" && r.code !== "ENOTSUP") return i2(r);
    }
    if (r || !n.length) return Ei(s3, t, e, i2);
    let o = n.length, h = null, a = (l) => {
      if (!h) {
        if (l) return i2(h = l);
        if (--o === 0) return Ei(s3, t, e, i2);
      }
    };
    for (let l of n) io(s3, l, t, e, a);
  });
};
var so = (s3, t, e, i2) => {
  t.isDirectory() && ws(we.resolve(s3, t.name), e, i2), ps(we.resolve(s3, t.name), e, i2);
};
var ws = (s3, t, e) => {
  let i2;
  try {
    i2 = wi.readdirSync(s3, { withFileTypes: true });
  } catch (r) {
    let n = r;
    if (n?.code === "ENOENT") return;
    if (n?.code === "ENOTDIR" || n?.code === "ENOTSUP") return ps(s3, t, e);
    throw n;
  }
  for (let r of i2) so(s3, r, t, e);
  return ps(s3, t, e);
};
var Se = class extends Error {
  path;
  code;
  syscall = "chdir";
  constructor(t, e) {
    super(`${e}: Cannot cd into '${t}'`), this.path = t, this.code = e;
  }
  get name() {
    return "CwdError";
  }
};
var St = class extends Error {
  path;
  symlink;
  syscall = "symlink";
  code = "TAR_SYMLINK_ERROR";
  constructor(t, e) {
    super("TAR_SYMLINK_ERROR: Cannot extract through symbolic link"), this.symlink = t, this.path = e;
  }
  get name() {
    return "SymlinkError";
  }
};
var no = (s3, t) => {
  k.stat(s3, (e, i2) => {
    (e || !i2.isDirectory()) && (e = new Se(s3, e?.code || "ENOTDIR")), t(e);
  });
};
var gr = (s3, t, e) => {
  s3 = f(s3);
  let i2 = t.umask ?? 18, r = t.mode | 448, n = (r & i2) !== 0, o = t.uid, h = t.gid, a = typeof o == "number" && typeof h == "number" && (o !== t.processUid || h !== t.processGid), l = t.preserve, c = t.unlink, d = f(t.cwd), y = (E, x2) => {
    E ? e(E) : x2 && a ? Es(x2, o, h, (Le) => y(Le)) : n ? k.chmod(s3, r, e) : e();
  };
  if (s3 === d) return no(s3, y);
  if (l) return ro.mkdir(s3, { mode: r, recursive: true }).then((E) => y(null, E ?? void 0), y);
  let D = f(Si.relative(d, s3)).split("/");
  Ss(d, D, r, c, d, void 0, y);
};
var Ss = (s3, t, e, i2, r, n, o) => {
  if (t.length === 0) return o(null, n);
  let h = t.shift(), a = f(Si.resolve(s3 + "/" + h));
  k.mkdir(a, e, br(a, t, e, i2, r, n, o));
};
var br = (s3, t, e, i2, r, n, o) => (h) => {
  h ? k.lstat(s3, (a, l) => {
    if (a) a.path = a.path && f(a.path), o(a);
    else if (l.isDirectory()) Ss(s3, t, e, i2, r, n, o);
    else if (i2) k.unlink(s3, (c) => {
      if (c) return o(c);
      k.mkdir(s3, e, br(s3, t, e, i2, r, n, o));
    });
    else {
      if (l.isSymbolicLink()) return o(new St(s3, s3 + "/" + t.join("/")));
      o(h);
    }
  }) : (n = n || s3, Ss(s3, t, e, i2, r, n, o));
};
var oo = (s3) => {
  let t = false, e;
  try {
    t = k.statSync(s3).isDirectory();
  } catch (i2) {
    e = i2?.code;
  } finally {
    if (!t) throw new Se(s3, e ?? "ENOTDIR");
  }
};
var _r = (s3, t) => {
  s3 = f(s3);
  let e = t.umask ?? 18, i2 = t.mode | 448, r = (i2 & e) !== 0, n = t.uid, o = t.gid, h = typeof n == "number" && typeof o == "number" && (n !== t.processUid || o !== t.processGid), a = t.preserve, l = t.unlink, c = f(t.cwd), d = (E) => {
    E && h && ws(E, n, o), r && k.chmodSync(s3, i2);
  };
  if (s3 === c) return oo(c), d();
  if (a) return d(k.mkdirSync(s3, { mode: i2, recursive: true }) ?? void 0);
  let T = f(Si.relative(c, s3)).split("/"), D;
  for (let E = T.shift(), x2 = c; E && (x2 += "/" + E); E = T.shift()) {
    x2 = f(Si.resolve(x2));
    try {
      k.mkdirSync(x2, i2), D = D || x2;
    } catch {
      let Le = k.lstatSync(x2);
      if (Le.isDirectory()) continue;
      if (l) {
        k.unlinkSync(x2), k.mkdirSync(x2, i2), D = D || x2;
        continue;
      } else if (Le.isSymbolicLink()) return new St(x2, x2 + "/" + T.join("/"));
    }
  }
  return d(D);
};
var ys = /* @__PURE__ */ Object.create(null);
var Or = 1e4;
var Vt = /* @__PURE__ */ new Set();
var Tr = (s3) => {
  Vt.has(s3) ? Vt.delete(s3) : ys[s3] = s3.normalize("NFD").toLocaleLowerCase("en").toLocaleUpperCase("en"), Vt.add(s3);
  let t = ys[s3], e = Vt.size - Or;
  if (e > Or / 10) {
    for (let i2 of Vt) if (Vt.delete(i2), delete ys[i2], --e <= 0) break;
  }
  return t;
};
var ho = process.env.TESTING_TAR_FAKE_PLATFORM || process.platform;
var ao = ho === "win32";
var lo = (s3) => s3.split("/").slice(0, -1).reduce((e, i2) => {
  let r = e.at(-1);
  return r !== void 0 && (i2 = xr(r, i2)), e.push(i2 || "/"), e;
}, []);
var yi = class {
  #t = /* @__PURE__ */ new Map();
  #i = /* @__PURE__ */ new Map();
  #s = /* @__PURE__ */ new Set();
  reserve(t, e) {
    t = ao ? ["win32 parallelization disabled"] : t.map((r) => mt(xr(Tr(r))));
    let i2 = new Set(t.map((r) => lo(r)).reduce((r, n) => r.concat(n)));
    this.#i.set(e, { dirs: i2, paths: t });
    for (let r of t) {
      let n = this.#t.get(r);
      n ? n.push(e) : this.#t.set(r, [e]);
    }
    for (let r of i2) {
      let n = this.#t.get(r);
      if (!n) this.#t.set(r, [/* @__PURE__ */ new Set([e])]);
      else {
        let o = n.at(-1);
        o instanceof Set ? o.add(e) : n.push(/* @__PURE__ */ new Set([e]));
      }
    }
    return this.#r(e);
  }
  #n(t) {
    let e = this.#i.get(t);
    if (!e) throw new Error("function does not have any path reservations");
    return { paths: e.paths.map((i2) => this.#t.get(i2)), dirs: [...e.dirs].map((i2) => this.#t.get(i2)) };
  }
  check(t) {
    let { paths: e, dirs: i2 } = this.#n(t);
    return e.every((r) => r && r[0] === t) && i2.every((r) => r && r[0] instanceof Set && r[0].has(t));
  }
  #r(t) {
    return this.#s.has(t) || !this.check(t) ? false : (this.#s.add(t), t(() => this.#e(t)), true);
  }
  #e(t) {
    if (!this.#s.has(t)) return false;
    let e = this.#i.get(t);
    if (!e) throw new Error("invalid reservation");
    let { paths: i2, dirs: r } = e, n = /* @__PURE__ */ new Set();
    for (let o of i2) {
      let h = this.#t.get(o);
      if (!h || h?.[0] !== t) continue;
      let a = h[1];
      if (!a) {
        this.#t.delete(o);
        continue;
      }
      if (h.shift(), typeof a == "function") n.add(a);
      else for (let l of a) n.add(l);
    }
    for (let o of r) {
      let h = this.#t.get(o), a = h?.[0];
      if (!(!h || !(a instanceof Set))) if (a.size === 1 && h.length === 1) {
        this.#t.delete(o);
        continue;
      } else if (a.size === 1) {
        h.shift();
        let l = h[0];
        typeof l == "function" && n.add(l);
      } else a.delete(t);
    }
    return this.#s.delete(t), n.forEach((o) => this.#r(o)), true;
  }
};
var Lr = () => process.umask();
var Dr = /* @__PURE__ */ Symbol("onEntry");
var _s = /* @__PURE__ */ Symbol("checkFs");
var Nr = /* @__PURE__ */ Symbol("checkFs2");
var Os = /* @__PURE__ */ Symbol("isReusable");
var P = /* @__PURE__ */ Symbol("makeFs");
var Ts = /* @__PURE__ */ Symbol("file");
var xs = /* @__PURE__ */ Symbol("directory");
var gi = /* @__PURE__ */ Symbol("link");
var Ar = /* @__PURE__ */ Symbol("symlink");
var Ir = /* @__PURE__ */ Symbol("hardlink");
var Re = /* @__PURE__ */ Symbol("ensureNoSymlink");
var Cr = /* @__PURE__ */ Symbol("unsupported");
var Fr = /* @__PURE__ */ Symbol("checkPath");
var Rs = /* @__PURE__ */ Symbol("stripAbsolutePath");
var yt = /* @__PURE__ */ Symbol("mkdir");
var O = /* @__PURE__ */ Symbol("onError");
var Ri = /* @__PURE__ */ Symbol("pending");
var kr = /* @__PURE__ */ Symbol("pend");
var $t = /* @__PURE__ */ Symbol("unpend");
var gs = /* @__PURE__ */ Symbol("ended");
var bs = /* @__PURE__ */ Symbol("maybeClose");
var Ls = /* @__PURE__ */ Symbol("skip");
var ge = /* @__PURE__ */ Symbol("doChown");
var be = /* @__PURE__ */ Symbol("uid");
var _e = /* @__PURE__ */ Symbol("gid");
var Oe = /* @__PURE__ */ Symbol("checkedCwd");
var fo = process.env.TESTING_TAR_FAKE_PLATFORM || process.platform;
var Te = fo === "win32";
var uo = 1024;
var mo = (s3, t) => {
  if (!Te) return u.unlink(s3, t);
  let e = s3 + ".DELETE." + Mr(16).toString("hex");
  u.rename(s3, e, (i2) => {
    if (i2) return t(i2);
    u.unlink(e, t);
  });
};
var po = (s3) => {
  if (!Te) return u.unlinkSync(s3);
  let t = s3 + ".DELETE." + Mr(16).toString("hex");
  u.renameSync(s3, t), u.unlinkSync(t);
};
var vr = (s3, t, e) => s3 !== void 0 && s3 === s3 >>> 0 ? s3 : t !== void 0 && t === t >>> 0 ? t : e;
var Xt = class extends rt {
  [gs] = false;
  [Oe] = false;
  [Ri] = 0;
  reservations = new yi();
  transform;
  writable = true;
  readable = false;
  uid;
  gid;
  setOwner;
  preserveOwner;
  processGid;
  processUid;
  maxDepth;
  forceChown;
  win32;
  newer;
  keep;
  noMtime;
  preservePaths;
  unlink;
  cwd;
  strip;
  processUmask;
  umask;
  dmode;
  fmode;
  chmod;
  constructor(t = {}) {
    if (t.ondone = () => {
      this[gs] = true, this[bs]();
    }, super(t), this.transform = t.transform, this.chmod = !!t.chmod, typeof t.uid == "number" || typeof t.gid == "number") {
      if (typeof t.uid != "number" || typeof t.gid != "number") throw new TypeError("cannot set owner without number uid and gid");
      if (t.preserveOwner) throw new TypeError("cannot preserve owner in archive and also set owner explicitly");
      this.uid = t.uid, this.gid = t.gid, this.setOwner = true;
    } else this.uid = void 0, this.gid = void 0, this.setOwner = false;
    this.preserveOwner = t.preserveOwner === void 0 && typeof t.uid != "number" ? process.getuid?.() === 0 : !!t.preserveOwner, this.processUid = (this.preserveOwner || this.setOwner) && process.getuid ? process.getuid() : void 0, this.processGid = (this.preserveOwner || this.setOwner) && process.getgid ? process.getgid() : void 0, this.maxDepth = typeof t.maxDepth == "number" ? t.maxDepth : uo, this.forceChown = t.forceChown === true, this.win32 = !!t.win32 || Te, this.newer = !!t.newer, this.keep = !!t.keep, this.noMtime = !!t.noMtime, this.preservePaths = !!t.preservePaths, this.unlink = !!t.unlink, this.cwd = f(R.resolve(t.cwd || process.cwd())), this.strip = Number(t.strip) || 0, this.processUmask = this.chmod ? typeof t.processUmask == "number" ? t.processUmask : Lr() : 0, this.umask = typeof t.umask == "number" ? t.umask : this.processUmask, this.dmode = t.dmode || 511 & ~this.umask, this.fmode = t.fmode || 438 & ~this.umask, this.on("entry", (e) => this[Dr](e));
  }
  warn(t, e, i2 = {}) {
    return (t === "TAR_BAD_ARCHIVE" || t === "TAR_ABORT") && (i2.recoverable = false), super.warn(t, e, i2);
  }
  [bs]() {
    this[gs] && this[Ri] === 0 && (this.emit("prefinish"), this.emit("finish"), this.emit("end"));
  }
  [Rs](t, e) {
    let i2 = t[e], { type: r } = t;
    if (!i2 || this.preservePaths) return true;
    let [n, o] = ce(i2), h = o.replaceAll(/\\/g, "/").split("/");
    if (h.includes("..") || Te && /^[a-z]:\.\.$/i.test(h[0] ?? "")) {
      if (e === "path" || r === "Link") return this.warn("TAR_ENTRY_ERROR", `${e} contains '..'`, { entry: t, [e]: i2 }), false;
      let a = R.posix.dirname(t.path), l = R.posix.normalize(R.posix.join(a, h.join("/")));
      if (l.startsWith("../") || l === "..") return this.warn("TAR_ENTRY_ERROR", `${e} escapes extraction directory`, { entry: t, [e]: i2 }), false;
    }
    return n && (t[e] = String(o), this.warn("TAR_ENTRY_INFO", `stripping ${n} from absolute ${e}`, { entry: t, [e]: i2 })), true;
  }
  [Fr](t) {
    let e = f(t.path), i2 = e.split("/");
    if (this.strip) {
      if (i2.length < this.strip) return false;
      if (t.type === "Link") {
        let r = f(String(t.linkpath)).split("/");
        if (r.length >= this.strip) t.linkpath = r.slice(this.strip).join("/");
        else return false;
      }
      i2.splice(0, this.strip), t.path = i2.join("/");
    }
    if (isFinite(this.maxDepth) && i2.length > this.maxDepth) return this.warn("TAR_ENTRY_ERROR", "path excessively deep", { entry: t, path: e, depth: i2.length, maxDepth: this.maxDepth }), false;
    if (!this[Rs](t, "path") || !this[Rs](t, "linkpath")) return false;
    if (t.absolute = R.isAbsolute(t.path) ? f(R.resolve(t.path)) : f(R.resolve(this.cwd, t.path)), !this.preservePaths && typeof t.absolute == "string" && t.absolute.indexOf(this.cwd + "/") !== 0 && t.absolute !== this.cwd) return this.warn("TAR_ENTRY_ERROR", "path escaped extraction target", { entry: t, path: f(t.path), resolvedPath: t.absolute, cwd: this.cwd }), false;
    if (t.absolute === this.cwd && t.type !== "Directory" && t.type !== "GNUDumpDir") return false;
    if (this.win32) {
      let { root: r } = R.win32.parse(String(t.absolute));
      t.absolute = r + ts(String(t.absolute).slice(r.length));
      let { root: n } = R.win32.parse(t.path);
      t.path = n + ts(t.path.slice(n.length));
    }
    return true;
  }
  [Dr](t) {
    if (!this[Fr](t)) return t.resume();
    switch (co.equal(typeof t.absolute, "string"), t.type) {
      case "Directory":
      case "GNUDumpDir":
        t.mode && (t.mode = t.mode | 448);
      case "File":
      case "OldFile":
      case "ContiguousFile":
      case "Link":
      case "SymbolicLink":
        return this[_s](t);
      default:
        return this[Cr](t);
    }
  }
  [O](t, e) {
    t.name === "CwdError" ? this.emit("error", t) : (this.warn("TAR_ENTRY_ERROR", t, { entry: e }), this[$t](), e.resume());
  }
  [yt](t, e, i2) {
    gr(f(t), { uid: this.uid, gid: this.gid, processUid: this.processUid, processGid: this.processGid, umask: this.processUmask, preserve: this.preservePaths, unlink: this.unlink, cwd: this.cwd, mode: e }, i2);
  }
  [ge](t) {
    return this.forceChown || this.preserveOwner && (typeof t.uid == "number" && t.uid !== this.processUid || typeof t.gid == "number" && t.gid !== this.processGid) || typeof this.uid == "number" && this.uid !== this.processUid || typeof this.gid == "number" && this.gid !== this.processGid;
  }
  [be](t) {
    return vr(this.uid, t.uid, this.processUid);
  }
  [_e](t) {
    return vr(this.gid, t.gid, this.processGid);
  }
  [Ts](t, e) {
    let i2 = typeof t.mode == "number" ? t.mode & 4095 : this.fmode, r = new et(String(t.absolute), { flags: ms(t.size), mode: i2, autoClose: false });
    r.on("error", (a) => {
      r.fd && u.close(r.fd, () => {
      }), r.write = () => true, this[O](a, t), e();
    });
    let n = 1, o = (a) => {
      if (a) {
        r.fd && u.close(r.fd, () => {
        }), this[O](a, t), e();
        return;
      }
      --n === 0 && r.fd !== void 0 && u.close(r.fd, (l) => {
        l ? this[O](l, t) : this[$t](), e();
      });
    };
    r.on("finish", () => {
      let a = String(t.absolute), l = r.fd;
      if (typeof l == "number" && t.mtime && !this.noMtime) {
        n++;
        let c = t.atime || /* @__PURE__ */ new Date(), d = t.mtime;
        u.futimes(l, c, d, (y) => y ? u.utimes(a, c, d, (T) => o(T && y)) : o());
      }
      if (typeof l == "number" && this[ge](t)) {
        n++;
        let c = this[be](t), d = this[_e](t);
        typeof c == "number" && typeof d == "number" && u.fchown(l, c, d, (y) => y ? u.chown(a, c, d, (T) => o(T && y)) : o());
      }
      o();
    });
    let h = this.transform && this.transform(t) || t;
    h !== t && (h.on("error", (a) => {
      this[O](a, t), e();
    }), t.pipe(h)), h.pipe(r);
  }
  [xs](t, e) {
    let i2 = typeof t.mode == "number" ? t.mode & 4095 : this.dmode;
    this[yt](String(t.absolute), i2, (r) => {
      if (r) {
        this[O](r, t), e();
        return;
      }
      let n = 1, o = () => {
        --n === 0 && (e(), this[$t](), t.resume());
      };
      t.mtime && !this.noMtime && (n++, u.utimes(String(t.absolute), t.atime || /* @__PURE__ */ new Date(), t.mtime, o)), this[ge](t) && (n++, u.chown(String(t.absolute), Number(this[be](t)), Number(this[_e](t)), o)), o();
    });
  }
  [Cr](t) {
    t.unsupported = true, this.warn("TAR_ENTRY_UNSUPPORTED", `unsupported entry type: ${t.type}`, { entry: t }), t.resume();
  }
  [Ar](t, e) {
    let i2 = f(R.relative(this.cwd, R.resolve(R.dirname(String(t.absolute)), String(t.linkpath)))).split("/");
    this[Re](t, this.cwd, i2, () => this[gi](t, String(t.linkpath), "symlink", e), (r) => {
      this[O](r, t), e();
    });
  }
  [Ir](t, e) {
    let i2 = f(R.resolve(this.cwd, String(t.linkpath))), r = f(String(t.linkpath)).split("/");
    this[Re](t, this.cwd, r, () => this[gi](t, i2, "link", e), (n) => {
      this[O](n, t), e();
    });
  }
  [Re](t, e, i2, r, n) {
    let o = i2.shift();
    if (this.preservePaths || o === void 0) return r();
    let h = R.resolve(e, o);
    u.lstat(h, (a, l) => {
      if (a) return r();
      if (l?.isSymbolicLink()) return n(new St(h, R.resolve(h, i2.join("/"))));
      this[Re](t, h, i2, r, n);
    });
  }
  [kr]() {
    this[Ri]++;
  }
  [$t]() {
    this[Ri]--, this[bs]();
  }
  [Ls](t) {
    this[$t](), t.resume();
  }
  [Os](t, e) {
    return t.type === "File" && !this.unlink && e.isFile() && e.nlink <= 1 && !Te;
  }
  [_s](t) {
    this[kr]();
    let e = [t.path];
    t.linkpath && e.push(t.linkpath), this.reservations.reserve(e, (i2) => this[Nr](t, i2));
  }
  [Nr](t, e) {
    let i2 = (h) => {
      e(h);
    }, r = () => {
      this[yt](this.cwd, this.dmode, (h) => {
        if (h) {
          this[O](h, t), i2();
          return;
        }
        this[Oe] = true, n();
      });
    }, n = () => {
      if (t.absolute !== this.cwd) {
        let h = f(R.dirname(String(t.absolute)));
        if (h !== this.cwd) return this[yt](h, this.dmode, (a) => {
          if (a) {
            this[O](a, t), i2();
            return;
          }
          o();
        });
      }
      o();
    }, o = () => {
      u.lstat(String(t.absolute), (h, a) => {
        if (a && (this.keep || this.newer && a.mtime > (t.mtime ?? a.mtime))) {
          this[Ls](t), i2();
          return;
        }
        if (h || this[Os](t, a)) return this[P](null, t, i2);
        if (a.isDirectory()) {
          if (t.type === "Directory") {
            let l = this.chmod && t.mode && (a.mode & 4095) !== t.mode, c = (d) => this[P](d ?? null, t, i2);
            return l ? u.chmod(String(t.absolute), Number(t.mode), c) : c();
          }
          if (t.absolute !== this.cwd) return u.rmdir(String(t.absolute), (l) => this[P](l ?? null, t, i2));
        }
        if (t.absolute === this.cwd) return this[P](null, t, i2);
        mo(String(t.absolute), (l) => this[P](l ?? null, t, i2));
      });
    };
    this[Oe] ? n() : r();
  }
  [P](t, e, i2) {
    if (t) {
      this[O](t, e), i2();
      return;
    }
    switch (e.type) {
      case "File":
      case "OldFile":
      case "ContiguousFile":
        return this[Ts](e, i2);
      case "Link":
        return this[Ir](e, i2);
      case "SymbolicLink":
        return this[Ar](e, i2);
      case "Directory":
      case "GNUDumpDir":
        return this[xs](e, i2);
    }
  }
  [gi](t, e, i2, r) {
    u[i2](e, String(t.absolute), (n) => {
      n ? this[O](n, t) : (this[$t](), t.resume()), r();
    });
  }
};
var ye = (s3) => {
  try {
    return [null, s3()];
  } catch (t) {
    return [t, null];
  }
};
var xe = class extends Xt {
  sync = true;
  [P](t, e) {
    return super[P](t, e, () => {
    });
  }
  [_s](t) {
    if (!this[Oe]) {
      let n = this[yt](this.cwd, this.dmode);
      if (n) return this[O](n, t);
      this[Oe] = true;
    }
    if (t.absolute !== this.cwd) {
      let n = f(R.dirname(String(t.absolute)));
      if (n !== this.cwd) {
        let o = this[yt](n, this.dmode);
        if (o) return this[O](o, t);
      }
    }
    let [e, i2] = ye(() => u.lstatSync(String(t.absolute)));
    if (i2 && (this.keep || this.newer && i2.mtime > (t.mtime ?? i2.mtime))) return this[Ls](t);
    if (e || this[Os](t, i2)) return this[P](null, t);
    if (i2.isDirectory()) {
      if (t.type === "Directory") {
        let o = this.chmod && t.mode && (i2.mode & 4095) !== t.mode, [h] = o ? ye(() => {
          u.chmodSync(String(t.absolute), Number(t.mode));
        }) : [];
        return this[P](h, t);
      }
      let [n] = ye(() => u.rmdirSync(String(t.absolute)));
      this[P](n, t);
    }
    let [r] = t.absolute === this.cwd ? [] : ye(() => po(String(t.absolute)));
    this[P](r, t);
  }
  [Ts](t, e) {
    let i2 = typeof t.mode == "number" ? t.mode & 4095 : this.fmode, r = (h) => {
      let a;
      try {
        u.closeSync(n);
      } catch (l) {
        a = l;
      }
      (h || a) && this[O](h || a, t), e();
    }, n;
    try {
      n = u.openSync(String(t.absolute), ms(t.size), i2);
    } catch (h) {
      return r(h);
    }
    let o = this.transform && this.transform(t) || t;
    o !== t && (o.on("error", (h) => this[O](h, t)), t.pipe(o)), o.on("data", (h) => {
      try {
        u.writeSync(n, h, 0, h.length);
      } catch (a) {
        r(a);
      }
    }), o.on("end", () => {
      let h = null;
      if (t.mtime && !this.noMtime) {
        let a = t.atime || /* @__PURE__ */ new Date(), l = t.mtime;
        try {
          u.futimesSync(n, a, l);
        } catch (c) {
          try {
            u.utimesSync(String(t.absolute), a, l);
          } catch {
            h = c;
          }
        }
      }
      if (this[ge](t)) {
        let a = this[be](t), l = this[_e](t);
        try {
          u.fchownSync(n, Number(a), Number(l));
        } catch (c) {
          try {
            u.chownSync(String(t.absolute), Number(a), Number(l));
          } catch {
            h = h || c;
          }
        }
      }
      r(h);
    });
  }
  [xs](t, e) {
    let i2 = typeof t.mode == "number" ? t.mode & 4095 : this.dmode, r = this[yt](String(t.absolute), i2);
    if (r) {
      this[O](r, t), e();
      return;
    }
    if (t.mtime && !this.noMtime) try {
      u.utimesSync(String(t.absolute), t.atime || /* @__PURE__ */ new Date(), t.mtime);
    } catch {
    }
    if (this[ge](t)) try {
      u.chownSync(String(t.absolute), Number(this[be](t)), Number(this[_e](t)));
    } catch {
    }
    e(), t.resume();
  }
  [yt](t, e) {
    try {
      return _r(f(t), { uid: this.uid, gid: this.gid, processUid: this.processUid, processGid: this.processGid, umask: this.processUmask, preserve: this.preservePaths, unlink: this.unlink, cwd: this.cwd, mode: e });
    } catch (i2) {
      return i2;
    }
  }
  [Re](t, e, i2, r, n) {
    if (this.preservePaths || i2.length === 0) return r();
    let o = e;
    for (let h of i2) {
      o = R.resolve(o, h);
      let [a, l] = ye(() => u.lstatSync(o));
      if (a) return r();
      if (l.isSymbolicLink()) return n(new St(o, R.resolve(e, i2.join("/"))));
    }
    r();
  }
  [gi](t, e, i2, r) {
    let n = `${i2}Sync`;
    try {
      u[n](e, String(t.absolute)), r(), t.resume();
    } catch (o) {
      return this[O](o, t);
    }
  }
};
var Eo = (s3) => {
  let t = new xe(s3), e = s3.file, i2 = Br.statSync(e), r = s3.maxReadSize || 16 * 1024 * 1024;
  new Be(e, { readSize: r, size: i2.size }).pipe(t);
};
var wo = (s3, t) => {
  let e = new Xt(s3), i2 = s3.maxReadSize || 16 * 1024 * 1024, r = s3.file;
  return new Promise((o, h) => {
    e.on("error", h), e.on("close", o), Br.stat(r, (a, l) => {
      if (a) h(a);
      else {
        let c = new _t(r, { readSize: i2, size: l.size });
        c.on("error", h), c.pipe(e);
      }
    });
  });
};
var So = K(Eo, wo, (s3) => new xe(s3), (s3) => new Xt(s3), (s3, t) => {
  t?.length && Qi(s3, t);
});
var yo = (s3, t) => {
  let e = new kt(s3), i2 = true, r, n;
  try {
    try {
      r = v.openSync(s3.file, "r+");
    } catch (a) {
      if (a?.code === "ENOENT") r = v.openSync(s3.file, "w+");
      else throw a;
    }
    let o = v.fstatSync(r), h = Buffer.alloc(512);
    t: for (n = 0; n < o.size; n += 512) {
      for (let c = 0, d = 0; c < 512; c += d) {
        if (d = v.readSync(r, h, c, h.length - c, n + c), n === 0 && h[0] === 31 && h[1] === 139) throw new Error("cannot append to compressed archives");
        if (!d) break t;
      }
      let a = new F(h);
      if (!a.cksumValid) break;
      let l = 512 * Math.ceil((a.size || 0) / 512);
      if (n + l + 512 > o.size) break;
      n += l, s3.mtimeCache && a.mtime && s3.mtimeCache.set(String(a.path), a.mtime);
    }
    i2 = false, Ro(s3, e, n, r, t);
  } finally {
    if (i2) try {
      v.closeSync(r);
    } catch {
    }
  }
};
var Ro = (s3, t, e, i2, r) => {
  let n = new Wt(s3.file, { fd: i2, start: e });
  t.pipe(n), bo(t, r);
};
var go = (s3, t) => {
  t = Array.from(t);
  let e = new wt(s3), i2 = (n, o, h) => {
    let a = (T, D) => {
      T ? v.close(n, (E) => h(T)) : h(null, D);
    }, l = 0;
    if (o === 0) return a(null, 0);
    let c = 0, d = Buffer.alloc(512), y = (T, D) => {
      if (T || D === void 0) return a(T);
      if (c += D, c < 512 && D) return v.read(n, d, c, d.length - c, l + c, y);
      if (l === 0 && d[0] === 31 && d[1] === 139) return a(new Error("cannot append to compressed archives"));
      if (c < 512) return a(null, l);
      let E = new F(d);
      if (!E.cksumValid) return a(null, l);
      let x2 = 512 * Math.ceil((E.size ?? 0) / 512);
      if (l + x2 + 512 > o || (l += x2 + 512, l >= o)) return a(null, l);
      s3.mtimeCache && E.mtime && s3.mtimeCache.set(String(E.path), E.mtime), c = 0, v.read(n, d, 0, 512, l, y);
    };
    v.read(n, d, 0, 512, l, y);
  };
  return new Promise((n, o) => {
    e.on("error", o);
    let h = "r+", a = (l, c) => {
      if (l && l.code === "ENOENT" && h === "r+") return h = "w+", v.open(s3.file, h, a);
      if (l || !c) return o(l);
      v.fstat(c, (d, y) => {
        if (d) return v.close(c, () => o(d));
        i2(c, y.size, (T, D) => {
          if (T) return o(T);
          let E = new et(s3.file, { fd: c, start: D });
          e.pipe(E), E.on("error", o), E.on("close", n), _o(e, t);
        });
      });
    };
    v.open(s3.file, h, a);
  });
};
var bo = (s3, t) => {
  t.forEach((e) => {
    e.charAt(0) === "@" ? Ct({ file: Pr.resolve(s3.cwd, e.slice(1)), sync: true, noResume: true, onReadEntry: (i2) => s3.add(i2) }) : s3.add(e);
  }), s3.end();
};
var _o = async (s3, t) => {
  for (let e of t) e.charAt(0) === "@" ? await Ct({ file: Pr.resolve(String(s3.cwd), e.slice(1)), noResume: true, onReadEntry: (i2) => s3.add(i2) }) : s3.add(e);
  s3.end();
};
var vt = K(yo, go, () => {
  throw new TypeError("file is required");
}, () => {
  throw new TypeError("file is required");
}, (s3, t) => {
  if (!Bs(s3)) throw new TypeError("file is required");
  if (s3.gzip || s3.brotli || s3.zstd || s3.file.endsWith(".br") || s3.file.endsWith(".tbr")) throw new TypeError("cannot append to compressed archives");
  if (!t?.length) throw new TypeError("no paths specified to add/replace");
});
var Oo = K(vt.syncFile, vt.asyncFile, vt.syncNoFile, vt.asyncNoFile, (s3, t = []) => {
  vt.validate?.(s3, t), To(s3);
});
var To = (s3) => {
  let t = s3.filter;
  s3.mtimeCache || (s3.mtimeCache = /* @__PURE__ */ new Map()), s3.filter = t ? (e, i2) => t(e, i2) && !((s3.mtimeCache?.get(e) ?? i2.mtime ?? 0) > (i2.mtime ?? 0)) : (e, i2) => !((s3.mtimeCache?.get(e) ?? i2.mtime ?? 0) > (i2.mtime ?? 0));
};

// src/chart/tar-read.ts
var BLOCK = 512;
var MAX_META_BYTES = 1024 * 1024;
var TarFormatError = class extends Error {
  name = "TarFormatError";
};
var TarScanner = class {
  constructor(onEntry) {
    this.onEntry = onEntry;
  }
  onEntry;
  header = Buffer.alloc(BLOCK);
  headerFill = 0;
  /** Bytes before the current header, for messages. */
  offset = 0;
  body;
  extended;
  global;
  ended = false;
  push(chunk) {
    let pos = 0;
    while (pos < chunk.length && !this.ended) {
      const body = this.body;
      if (body) {
        const data = Math.min(body.remaining, chunk.length - pos);
        if (data > 0) {
          const piece = chunk.subarray(pos, pos + data);
          if (body.meta) body.meta.chunks.push(Buffer.from(piece));
          else body.sink?.(piece);
          body.remaining -= data;
          pos += data;
        }
        if (body.remaining === 0) {
          const skip = Math.min(body.padding, chunk.length - pos);
          body.padding -= skip;
          pos += skip;
          if (body.padding === 0) this.finishEntry();
        }
        continue;
      }
      const take = Math.min(BLOCK - this.headerFill, chunk.length - pos);
      chunk.copy(this.header, this.headerFill, pos, pos + take);
      this.headerFill += take;
      pos += take;
      if (this.headerFill === BLOCK) {
        this.headerFill = 0;
        this.readHeader();
      }
    }
  }
  /** Call when the input is over: an entry cut short is an error. */
  end() {
    if (this.body && this.body.remaining > 0) {
      throw new TarFormatError(`it is truncated (${this.body.name} ends past the end of the archive)`);
    }
  }
  readHeader() {
    if (this.header.every((byte) => byte === 0)) {
      this.ended = true;
      return;
    }
    const header = new F(this.header, 0, this.extended, this.global);
    if (!header.cksumValid) throw new TarFormatError(`it is not a tar archive (bad header checksum at byte ${this.offset})`);
    const size = header.size ?? 0;
    const name = header.path ?? "an entry";
    const padding = (BLOCK - size % BLOCK) % BLOCK;
    const body = { name, span: BLOCK + size + padding, remaining: size, padding };
    switch (header.type) {
      case "ExtendedHeader":
      case "OldExtendedHeader":
      case "GlobalExtendedHeader":
      case "NextFileHasLongPath":
      case "OldGnuLongPath":
      case "NextFileHasLongLinkpath":
        if (size > MAX_META_BYTES) throw new TarFormatError(`it has an extended header of ${size} bytes, more than the ${MAX_META_BYTES} allowed`);
        body.meta = { type: header.type, chunks: [] };
        break;
      default:
        this.extended = void 0;
        body.sink = this.onEntry({ path: header.path ?? "", type: header.type, mode: header.mode ?? 0, size });
    }
    this.body = body;
    if (size === 0) this.finishEntry();
  }
  finishEntry() {
    const body = this.body;
    this.body = void 0;
    this.offset += body.span;
    if (!body.meta) return;
    const text = Buffer.concat(body.meta.chunks).toString("utf8");
    switch (body.meta.type) {
      case "GlobalExtendedHeader":
        this.global = ft.parse(text, this.global, true);
        break;
      case "NextFileHasLongPath":
      case "OldGnuLongPath":
        this.extended = { ...this.extended, path: text.replace(/\0.*/s, "") };
        break;
      case "NextFileHasLongLinkpath":
        this.extended = { ...this.extended, linkpath: text.replace(/\0.*/s, "") };
        break;
      default:
        this.extended = ft.parse(text, this.extended, false);
    }
  }
};
async function scanTarGz(source, maxBytes, scanner) {
  let total = 0;
  let scanError;
  const feed = async (tar) => {
    try {
      for await (const chunk of tar) {
        total += chunk.length;
        if (total > maxBytes) throw new TarFormatError(`it inflates to more than ${maxBytes} bytes`);
        scanner.push(chunk);
      }
      scanner.end();
    } catch (error) {
      scanError = error;
      throw error;
    }
  };
  try {
    await pipeline(gzipOnly(Buffer.isBuffer(source) ? [source] : source), createGunzip(), feed);
  } catch (error) {
    if (error === scanError || error instanceof TarFormatError) throw error;
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

// src/chart/walk.ts
import { lstat, readdir, readFile, readlink, realpath, stat } from "node:fs/promises";
import { join } from "node:path";

// src/chart/go-glob.ts
var GlobSyntaxError = class extends Error {
  name = "GlobSyntaxError";
};
function compileGoGlob(pattern) {
  const segments = parseSegments([...pattern], pattern);
  return { pattern, matches: (name) => matchSegments(segments, [...name]) };
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
    const code = chars[i2].codePointAt(0);
    i2++;
    if (i2 >= chars.length) bad("the [class] is not closed");
    return code;
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
        const lo2 = classChar();
        let hi2 = lo2;
        if (chars[i2] === "-") {
          i2++;
          hi2 = classChar();
        }
        ranges.push([lo2, hi2]);
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
function matchAtoms(atoms, name, start) {
  let pos = start;
  for (const atom of atoms) {
    if (pos >= name.length) return -1;
    const ch = name[pos];
    switch (atom.kind) {
      case "literal":
        if (ch !== atom.char) return -1;
        break;
      case "any":
        if (ch === "/") return -1;
        break;
      case "class": {
        const code = ch.codePointAt(0);
        const inside = atom.ranges.some(([lo2, hi2]) => lo2 <= code && code <= hi2);
        if (inside === atom.negated) return -1;
        break;
      }
    }
    pos++;
  }
  return pos;
}
function matchSegments(segments, name) {
  let rest = name;
  for (let k2 = 0; k2 < segments.length; k2++) {
    const { star, atoms } = segments[k2];
    const last = k2 === segments.length - 1;
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

// src/chart/helmignore.ts
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
  ignores(path2, isDir) {
    return this.ruleIgnoring(path2, isDir) !== void 0;
  }
  /** The rule (as written) that makes Helm skip `path`, or undefined when the path is kept. */
  ruleIgnoring(path2, isDir) {
    if (path2 === "" || path2 === "." || path2 === "./") return void 0;
    for (const rule of this.rules) {
      const subject = rule.baseName ? baseName(path2) : path2;
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
function baseName(path2) {
  const trimmed = path2.replace(/\/+$/, "");
  if (trimmed === "") return "/";
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}
var GO_SPACE2 = "	\n\v\f\r \x85\xA0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";
function trimGoSpace(s3) {
  let start = 0;
  let end = s3.length;
  while (start < end && GO_SPACE2.includes(s3[start])) start++;
  while (end > start && GO_SPACE2.includes(s3[end - 1])) end--;
  return s3.slice(start, end);
}

// src/chart/walk.ts
var MAX_FILE_BYTES = 5 * 1024 * 1024;
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
  const path2 = join(dir, ".helmignore");
  let text;
  try {
    if (!(await stat(path2)).isFile()) return HelmIgnore.defaults();
    text = await readFile(path2, "utf8");
  } catch (error) {
    if (isFsError(error) && (error.code === "ENOENT" || error.code === "ENOTDIR")) return HelmIgnore.defaults();
    throw fsError(error, path2);
  }
  try {
    return HelmIgnore.parse(text);
  } catch (error) {
    if (error instanceof HelmIgnoreSyntaxError) throw new ChartError(`${path2} ${error.message}`, { cause: error });
    throw error;
  }
}
async function walk(absDir, relDir, ignore, files, ancestors, shownRoot) {
  const names = await readdir(absDir, { encoding: "buffer" }).catch((error) => {
    throw fsError(error, absDir);
  });
  names.sort(Buffer.compare);
  for (const rawName of names) {
    const name = rawName.toString("utf8");
    const rel = relDir === "" ? name : `${relDir}/${name}`;
    const abs = join(absDir, name);
    const shown = join(shownRoot, rel);
    if (!Buffer.from(name, "utf8").equals(rawName)) {
      throw new ChartError(`${join(shownRoot, relDir)} holds a file whose name is not valid UTF-8 (${JSON.stringify(name)}); rename it or add it to .helmignore`);
    }
    let info2 = await lstat(abs).catch((error) => {
      throw fsError(error, shown);
    });
    if (info2.isSymbolicLink()) {
      let target;
      try {
        target = await realpath(abs);
        info2 = await stat(target);
      } catch (error) {
        if (ignore.ignores(rel, false)) continue;
        const pointsTo = await readlink(abs).catch(() => "?");
        throw new ChartError(`${shown} is a symbolic link to ${pointsTo}, which cannot be read (${error.message}); fix or remove the link, or add it to .helmignore`, { cause: error });
      }
    }
    if (info2.isDirectory()) {
      if (ignore.ignores(rel, true)) continue;
      const key = `${info2.dev}:${info2.ino}`;
      if (ancestors.has(key)) throw new ChartError(`${shown} links back to a folder that contains it (a symbolic link loop); remove the link or add it to .helmignore`);
      await walk(abs, rel, ignore, files, /* @__PURE__ */ new Set([...ancestors, key]), shownRoot);
      continue;
    }
    if (ignore.ignores(rel, false)) continue;
    if (!info2.isFile()) {
      throw new ChartError(`${shown} is not a regular file (a device, socket or pipe) and Helm cannot package it; remove it or add it to .helmignore`);
    }
    if (info2.size > MAX_FILE_BYTES) {
      throw new ChartError(`${shown} is ${info2.size} bytes; Helm refuses chart files over 5 MiB (${MAX_FILE_BYTES} bytes): add it to .helmignore or make it smaller`);
    }
    files.push({
      name: rel,
      size: info2.size,
      read: () => readFile(abs).then(stripBom, (error) => {
        throw fsError(error, shown);
      })
    });
  }
}
function fsError(error, path2) {
  if (isFsError(error)) {
    const what = error.code === "EACCES" || error.code === "EPERM" ? "cannot be read (permission denied)" : `cannot be read (${error.code})`;
    return new ChartError(`${path2} ${what}`, { cause: error });
  }
  return error;
}

// src/chart/loader.ts
var MAX_CHART_BYTES = 100 * 1024 * 1024;
var READ_BY_LOADER = /* @__PURE__ */ new Set(["Chart.yaml", "Chart.lock", "values.yaml", "values.schema.json", "requirements.yaml", "requirements.lock"]);
function loaderReads(name) {
  if (READ_BY_LOADER.has(name)) return true;
  if (!name.startsWith("charts/")) return false;
  const inCharts = name.slice("charts/".length);
  const slash = inCharts.indexOf("/");
  return slash < 0 || loaderReads(inCharts.slice(slash + 1));
}
async function loadChartFiles(files, where, options) {
  let raw;
  for (const f2 of files) {
    if (f2.name === "Chart.yaml") raw = decodeMetadataYaml((await f2.read()).toString("utf8"), `${where}/Chart.yaml`, raw ?? {});
  }
  const apiVersion = () => typeof raw?.apiVersion === "string" && raw.apiVersion !== "" ? raw.apiVersion : "v1";
  const chart = { templates: [], files: [], subcharts: [], where };
  let lockSource;
  const subchartFiles = /* @__PURE__ */ new Map();
  for (const f2 of files) {
    switch (f2.name) {
      case "Chart.yaml":
        continue;
      case "Chart.lock":
        lockSource = f2;
        continue;
      case "values.yaml":
        chart.values = await f2.read();
        checkValues(chart.values, `${where}/values.yaml`);
        continue;
      case "values.schema.json":
        chart.schema = await f2.read();
        continue;
      case "requirements.yaml":
        raw = decodeMetadataYaml((await f2.read()).toString("utf8"), `${where}/requirements.yaml`, raw ?? {});
        if (apiVersion() === "v1") chart.files.push(f2);
        continue;
      case "requirements.lock":
        lockSource = f2;
        if (apiVersion() === "v1") chart.files.push(f2);
        continue;
    }
    if (f2.name.startsWith("templates/")) {
      chart.templates.push(f2);
    } else if (f2.name.startsWith("charts/")) {
      if (posix.extname(f2.name) === ".prov") {
        chart.files.push(f2);
        continue;
      }
      const inCharts = f2.name.slice("charts/".length);
      const first = inCharts.split("/", 1)[0];
      const group = subchartFiles.get(first) ?? [];
      group.push({ ...f2, name: inCharts });
      subchartFiles.set(first, group);
    } else {
      chart.files.push(f2);
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
      chart.subcharts.push(await loadChartArchive(await file.read(), subWhere));
      continue;
    }
    const inner = group.filter((f2) => f2.name.includes("/")).map((f2) => ({ ...f2, name: f2.name.slice(f2.name.indexOf("/") + 1) }));
    if (inner.length === 0) {
      throw new ChartError(`${subWhere} is a file in charts/ but not a chart (.tgz); Helm fails on it: remove it, or add "charts/${entry}" to .helmignore`);
    }
    chart.subcharts.push(await loadChartFiles(inner, subWhere, { strict: false }));
  }
  return { ...chart, metadata };
}
async function loadChartArchive(data, where, options = { strict: false }) {
  return loadChartFiles(await readArchiveFiles(data, where), where, options);
}
async function readArchiveFiles(source, where, keep = () => true) {
  const files = [];
  let remaining = MAX_CHART_BYTES;
  const onEntry = (entry) => {
    if (entry.type === "Directory" || (entry.mode & 61440) === 16384) return void 0;
    const name = archiveName(entry.path, where);
    if (entry.size > MAX_FILE_BYTES) throw new ChartError(`${where}: ${entry.path} is ${entry.size} bytes; Helm refuses chart files over 5 MiB`);
    remaining -= entry.size;
    if (remaining <= 0) throw new ChartError(`${where} holds more than ${MAX_CHART_BYTES} bytes of files; Helm refuses to load it`);
    if (!keep(name)) {
      files.push({ name, size: entry.size, read: () => Promise.reject(new Error(`${where}: the content of ${name} was not kept`)) });
      return void 0;
    }
    const chunks = [];
    files.push({ name, size: entry.size, read: async () => stripBom(Buffer.concat(chunks)) });
    return (chunk) => void chunks.push(Buffer.from(chunk));
  };
  try {
    await scanTarGz(source, MAX_CHART_BYTES + 64 * 1024 * 1024, new TarScanner(onEntry));
  } catch (error) {
    if (error instanceof TarFormatError) throw new ChartError(`${where} is not a chart archive: ${error.message}`, { cause: error });
    throw error;
  }
  if (files.length === 0) throw new ChartError(`${where} is not a chart archive: it holds no files`);
  return files;
}
function archiveName(path2, where) {
  const delimiter = path2.includes("\\") ? "\\" : "/";
  const parts = path2.split(delimiter);
  let name = parts.slice(1).join("/");
  if (name.startsWith("/")) throw new ChartError(`${where} is not a safe chart archive: ${JSON.stringify(path2)} is an absolute path`);
  name = cleanPath(name);
  if (name === ".") throw new ChartError(`${where} is not a chart archive: ${JSON.stringify(path2)} is not inside the chart's top folder`);
  if (name.startsWith("..")) throw new ChartError(`${where} is not a safe chart archive: ${JSON.stringify(path2)} points outside the chart`);
  if (/^[a-zA-Z]:\//.test(name)) throw new ChartError(`${where} is not a safe chart archive: ${JSON.stringify(path2)} is a drive path`);
  if (parts[0] === "Chart.yaml") throw new ChartError(`${where} is not a chart archive: Chart.yaml must be inside a top folder named after the chart`);
  return name;
}
function cleanPath(path2) {
  if (path2 === "") return ".";
  const cleaned = posix.normalize(path2);
  return cleaned.length > 1 && cleaned.endsWith("/") ? cleaned.slice(0, -1) : cleaned;
}
function checkValues(data, where) {
  let docs;
  try {
    docs = loadAllGoYaml(data.toString("utf8"));
  } catch (error) {
    if (error instanceof GoYamlError2) throw new ChartError(`${where} is not valid YAML: ${error.message}`, { cause: error });
    throw error;
  }
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

// src/chart/tar-write.ts
import { createHash } from "node:crypto";
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
  var b2 = new u16(31);
  for (var i2 = 0; i2 < 31; ++i2) {
    b2[i2] = start += 1 << eb[i2 - 1];
  }
  var r = new i32(b2[30]);
  for (var i2 = 1; i2 < 30; ++i2) {
    for (var j2 = b2[i2]; j2 < b2[i2 + 1]; ++j2) {
      r[j2] = j2 - b2[i2] << 5 | i2;
    }
  }
  return { b: b2, r };
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
  var s3 = cd.length;
  var i2 = 0;
  var l = new u16(mb);
  for (; i2 < s3; ++i2) {
    if (cd[i2])
      ++l[cd[i2] - 1];
  }
  var le2 = new u16(mb);
  for (i2 = 1; i2 < mb; ++i2) {
    le2[i2] = le2[i2 - 1] + l[i2 - 1] << 1;
  }
  var co2;
  if (r) {
    co2 = new u16(1 << mb);
    var rvb = 15 - mb;
    for (i2 = 0; i2 < s3; ++i2) {
      if (cd[i2]) {
        var sv = i2 << 4 | cd[i2];
        var r_1 = mb - cd[i2];
        var v2 = le2[cd[i2] - 1]++ << r_1;
        for (var m2 = v2 | (1 << r_1) - 1; v2 <= m2; ++v2) {
          co2[rev[v2] >> rvb] = sv;
        }
      }
    }
  } else {
    co2 = new u16(s3);
    for (i2 = 0; i2 < s3; ++i2) {
      if (cd[i2]) {
        co2[i2] = rev[le2[cd[i2] - 1]++] >> 15 - cd[i2];
      }
    }
  }
  return co2;
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
var shft = function(p2) {
  return (p2 + 7) / 8 | 0;
};
var slc = function(v2, s3, e) {
  if (s3 == null || s3 < 0)
    s3 = 0;
  if (e == null || e > v2.length)
    e = v2.length;
  return new u8(v2.subarray(s3, e));
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
var err = function(ind, msg, nt2) {
  var e = new Error(msg || ec[ind]);
  e.code = ind;
  if (Error.captureStackTrace)
    Error.captureStackTrace(e, err);
  if (!nt2)
    throw e;
  return e;
};
var wbits = function(d, p2, v2) {
  v2 <<= p2 & 7;
  var o = p2 / 8 | 0;
  d[o] |= v2;
  d[o + 1] |= v2 >> 8;
};
var wbits16 = function(d, p2, v2) {
  v2 <<= p2 & 7;
  var o = p2 / 8 | 0;
  d[o] |= v2;
  d[o + 1] |= v2 >> 8;
  d[o + 2] |= v2 >> 16;
};
var hTree = function(d, mb) {
  var t = [];
  for (var i2 = 0; i2 < d.length; ++i2) {
    if (d[i2])
      t.push({ s: i2, f: d[i2] });
  }
  var s3 = t.length;
  var t2 = t.slice();
  if (!s3)
    return { t: et2, l: 0 };
  if (s3 == 1) {
    var v2 = new u8(t[0].s + 1);
    v2[t[0].s] = 1;
    return { t: v2, l: 1 };
  }
  t.sort(function(a, b2) {
    return a.f - b2.f;
  });
  t.push({ s: -1, f: 25001 });
  var l = t[0], r = t[1], i0 = 0, i1 = 1, i22 = 2;
  t[0] = { s: -1, f: l.f + r.f, l, r };
  while (i1 != s3 - 1) {
    l = t[t[i0].f < t[i22].f ? i0++ : i22++];
    r = t[i0 != i1 && t[i0].f < t[i22].f ? i0++ : i22++];
    t[i1++] = { s: -1, f: l.f + r.f, l, r };
  }
  var maxSym = t2[0].s;
  for (var i2 = 1; i2 < s3; ++i2) {
    if (t2[i2].s > maxSym)
      maxSym = t2[i2].s;
  }
  var tr2 = new u16(maxSym + 1);
  var mbt = ln2(t[i1 - 1], tr2, 0);
  if (mbt > mb) {
    var i2 = 0, dt2 = 0;
    var lft = mbt - mb, cst = 1 << lft;
    t2.sort(function(a, b2) {
      return tr2[b2.s] - tr2[a.s] || a.f - b2.f;
    });
    for (; i2 < s3; ++i2) {
      var i2_1 = t2[i2].s;
      if (tr2[i2_1] > mb) {
        dt2 += cst - (1 << mbt - tr2[i2_1]);
        tr2[i2_1] = mb;
      } else
        break;
    }
    dt2 >>= lft;
    while (dt2 > 0) {
      var i2_2 = t2[i2].s;
      if (tr2[i2_2] < mb)
        dt2 -= 1 << mb - tr2[i2_2]++ - 1;
      else
        ++i2;
    }
    for (; i2 >= 0 && dt2; --i2) {
      var i2_3 = t2[i2].s;
      if (tr2[i2_3] == mb) {
        --tr2[i2_3];
        ++dt2;
      }
    }
    mbt = mb;
  }
  return { t: new u8(tr2), l: mbt };
};
var ln2 = function(n, l, d) {
  return n.s == -1 ? Math.max(ln2(n.l, l, d + 1), ln2(n.r, l, d + 1)) : l[n.s] = d;
};
var lc = function(c) {
  var s3 = c.length;
  while (s3 && !c[--s3])
    ;
  var cl = new u16(++s3);
  var cli = 0, cln = c[0], cls = 1;
  var w2 = function(v2) {
    cl[cli++] = v2;
  };
  for (var i2 = 1; i2 <= s3; ++i2) {
    if (c[i2] == cln && i2 != s3)
      ++cls;
    else {
      if (!cln && cls > 2) {
        for (; cls > 138; cls -= 138)
          w2(32754);
        if (cls > 2) {
          w2(cls > 10 ? cls - 11 << 5 | 28690 : cls - 3 << 5 | 12305);
          cls = 0;
        }
      } else if (cls > 3) {
        w2(cln), --cls;
        for (; cls > 6; cls -= 6)
          w2(8304);
        if (cls > 2)
          w2(cls - 3 << 5 | 8208), cls = 0;
      }
      while (cls--)
        w2(cln);
      cls = 1;
      cln = c[i2];
    }
  }
  return { c: cl.subarray(0, cli), n: s3 };
};
var clen = function(cf, cl) {
  var l = 0;
  for (var i2 = 0; i2 < cl.length; ++i2)
    l += cf[i2] * cl[i2];
  return l;
};
var wfblk = function(out, pos, dat) {
  var s3 = dat.length;
  var o = shft(pos + 2);
  out[o] = s3 & 255;
  out[o + 1] = s3 >> 8;
  out[o + 2] = out[o] ^ 255;
  out[o + 3] = out[o + 1] ^ 255;
  for (var i2 = 0; i2 < s3; ++i2)
    out[o + i2 + 4] = dat[i2];
  return (o + 4 + s3) * 8;
};
var wblk = function(dat, out, final, syms, lf, df, eb, li2, bs2, bl, p2) {
  wbits(out, p2++, final);
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
  var _e2 = hTree(lcfreq, 7), lct = _e2.t, mlcb = _e2.l;
  var nlcc = 19;
  for (; nlcc > 4 && !lct[clim[nlcc - 1]]; --nlcc)
    ;
  var flen = bl + 5 << 3;
  var ftlen = clen(lf, flt) + clen(df, fdt) + eb;
  var dtlen = clen(lf, dlt) + clen(df, ddt) + eb + 14 + 3 * nlcc + clen(lcfreq, lct) + 2 * lcfreq[16] + 3 * lcfreq[17] + 7 * lcfreq[18];
  if (bs2 >= 0 && flen <= ftlen && flen <= dtlen)
    return wfblk(out, p2, dat.subarray(bs2, bs2 + bl));
  var lm, ll, dm, dl;
  wbits(out, p2, 1 + (dtlen < ftlen)), p2 += 2;
  if (dtlen < ftlen) {
    lm = hMap(dlt, mlb, 0), ll = dlt, dm = hMap(ddt, mdb, 0), dl = ddt;
    var llm = hMap(lct, mlcb, 0);
    wbits(out, p2, nlc - 257);
    wbits(out, p2 + 5, ndc - 1);
    wbits(out, p2 + 10, nlcc - 4);
    p2 += 14;
    for (var i2 = 0; i2 < nlcc; ++i2)
      wbits(out, p2 + 3 * i2, lct[clim[i2]]);
    p2 += 3 * nlcc;
    var lcts = [lclt, lcdt];
    for (var it2 = 0; it2 < 2; ++it2) {
      var clct = lcts[it2];
      for (var i2 = 0; i2 < clct.length; ++i2) {
        var len = clct[i2] & 31;
        wbits(out, p2, llm[len]), p2 += lct[len];
        if (len > 15)
          wbits(out, p2, clct[i2] >> 5 & 127), p2 += clct[i2] >> 12;
      }
    }
  } else {
    lm = flm, ll = flt, dm = fdm, dl = fdt;
  }
  for (var i2 = 0; i2 < li2; ++i2) {
    var sym = syms[i2];
    if (sym > 255) {
      var len = sym >> 18 & 31;
      wbits16(out, p2, lm[len + 257]), p2 += ll[len + 257];
      if (len > 7)
        wbits(out, p2, sym >> 23 & 31), p2 += fleb[len];
      var dst = sym & 31;
      wbits16(out, p2, dm[dst]), p2 += dl[dst];
      if (dst > 3)
        wbits16(out, p2, sym >> 5 & 8191), p2 += fdeb[dst];
    } else {
      wbits16(out, p2, lm[sym]), p2 += ll[sym];
    }
  }
  wbits16(out, p2, lm[256]);
  return p2 + ll[256];
};
var deo = /* @__PURE__ */ new i32([65540, 131080, 131088, 131104, 262176, 1048704, 1048832, 2114560, 2117632]);
var et2 = /* @__PURE__ */ new u8(0);
var dflt = function(dat, lvl, plvl, pre, post, st2) {
  var s3 = st2.z || dat.length;
  var o = new u8(pre + s3 + 5 * (1 + Math.ceil(s3 / 7e3)) + post);
  var w2 = o.subarray(pre, o.length - post);
  var lst = st2.l;
  var pos = (st2.r || 0) & 7;
  if (lvl) {
    if (pos)
      w2[0] = st2.r >> 3;
    var opt = deo[lvl - 1];
    var n = opt >> 13, c = opt & 8191;
    var msk_1 = (1 << plvl) - 1;
    var prev = st2.p || new u16(32768), head = st2.h || new u16(msk_1 + 1);
    var bs1_1 = Math.ceil(plvl / 3), bs2_1 = 2 * bs1_1;
    var hsh = function(i3) {
      return (dat[i3] ^ dat[i3 + 1] << bs1_1 ^ dat[i3 + 2] << bs2_1) & msk_1;
    };
    var syms = new i32(25e3);
    var lf = new u16(288), df = new u16(32);
    var lc_1 = 0, eb = 0, i2 = st2.i || 0, li2 = 0, wi2 = st2.w || 0, bs2 = 0;
    for (; i2 + 2 < s3; ++i2) {
      var hv = hsh(i2);
      var imod = i2 & 32767, pimod = head[hv];
      prev[imod] = pimod;
      head[hv] = imod;
      if (wi2 <= i2) {
        var rem = s3 - i2;
        if ((lc_1 > 7e3 || li2 > 24576) && (rem > 423 || !lst)) {
          pos = wblk(dat, w2, 0, syms, lf, df, eb, li2, bs2, i2 - bs2, pos);
          li2 = lc_1 = eb = 0, bs2 = i2;
          for (var j2 = 0; j2 < 286; ++j2)
            lf[j2] = 0;
          for (var j2 = 0; j2 < 30; ++j2)
            df[j2] = 0;
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
                for (var j2 = 0; j2 < mmd; ++j2) {
                  var ti2 = i2 - dif + j2 & 32767;
                  var pti = prev[ti2];
                  var cd = ti2 - pti & 32767;
                  if (cd > md)
                    md = cd, pimod = ti2;
                }
              }
            }
            imod = pimod, pimod = prev[imod];
            dif += imod - pimod & 32767;
          }
        }
        if (d) {
          syms[li2++] = 268435456 | revfl[l] << 18 | revfd[d];
          var lin = revfl[l] & 31, din = revfd[d] & 31;
          eb += fleb[lin] + fdeb[din];
          ++lf[257 + lin];
          ++df[din];
          wi2 = i2 + l;
          ++lc_1;
        } else {
          syms[li2++] = dat[i2];
          ++lf[dat[i2]];
        }
      }
    }
    for (i2 = Math.max(i2, wi2); i2 < s3; ++i2) {
      syms[li2++] = dat[i2];
      ++lf[dat[i2]];
    }
    pos = wblk(dat, w2, lst, syms, lf, df, eb, li2, bs2, i2 - bs2, pos);
    if (!lst) {
      st2.r = pos & 7 | w2[pos / 8 | 0] << 3;
      pos -= 7;
      st2.h = head, st2.p = prev, st2.i = i2, st2.w = wi2;
    }
  } else {
    for (var i2 = st2.w || 0; i2 < s3 + lst; i2 += 65535) {
      var e = i2 + 65535;
      if (e >= s3) {
        w2[pos / 8 | 0] = lst;
        e = s3;
      }
      pos = wfblk(w2, pos + 1, dat.subarray(i2, e));
    }
    st2.i = s3;
  }
  return slc(o, 0, pre + shft(pos) + post);
};
var crct = /* @__PURE__ */ (function() {
  var t = new Int32Array(256);
  for (var i2 = 0; i2 < 256; ++i2) {
    var c = i2, k2 = 9;
    while (--k2)
      c = (c & 1 && -306674912) ^ c >>> 1;
    t[i2] = c;
  }
  return t;
})();
var crc = function() {
  var c = -1;
  return {
    p: function(d) {
      var cr2 = c;
      for (var i2 = 0; i2 < d.length; ++i2)
        cr2 = crct[cr2 & 255 ^ d[i2]] ^ cr2 >>> 8;
      c = cr2;
    },
    d: function() {
      return ~c;
    }
  };
};
var dopt = function(dat, opt, pre, post, st2) {
  if (!st2) {
    st2 = { l: 1 };
    if (opt.dictionary) {
      var dict = opt.dictionary.subarray(-32768);
      var newDat = new u8(dict.length + dat.length);
      newDat.set(dict);
      newDat.set(dat, dict.length);
      dat = newDat;
      st2.w = dict.length;
    }
  }
  return dflt(dat, opt.level == null ? 6 : opt.level, opt.mem == null ? st2.l ? Math.ceil(Math.max(8, Math.min(13, Math.log(dat.length))) * 1.5) : 20 : 12 + opt.mem, pre, post, st2);
};
var wbytes = function(d, b2, v2) {
  for (; v2; ++b2)
    d[b2] = v2, v2 >>>= 8;
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
  Deflate2.prototype.p = function(c, f2) {
    this.ondata(dopt(c, this.o, 0, 0, this.s), f2);
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
      this.b = et2;
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
      var ep = wfblk(c, this.s.r, et2);
      this.s.r = 0;
      this.ondata(c.subarray(0, ep >> 3), false);
    }
  };
  return Deflate2;
})();
var Gzip = /* @__PURE__ */ (function() {
  function Gzip2(opts, cb) {
    this.c = crc();
    this.l = 0;
    this.v = 1;
    Deflate.call(this, opts, cb);
  }
  Gzip2.prototype.push = function(chunk, final) {
    this.c.p(chunk);
    this.l += chunk.length;
    Deflate.prototype.push.call(this, chunk, final);
  };
  Gzip2.prototype.p = function(c, f2) {
    var raw = dopt(c, this.o, this.v && gzhl(this.o), f2 && 8, this.s);
    if (this.v)
      gzh(raw, this.o), this.v = 0;
    if (f2)
      wbytes(raw, raw.length - 8, this.c.d()), wbytes(raw, raw.length - 4, this.l);
    this.ondata(raw, f2);
  };
  Gzip2.prototype.flush = function(sync) {
    Deflate.prototype.flush.call(this, sync);
  };
  return Gzip2;
})();
var td = typeof TextDecoder != "undefined" && /* @__PURE__ */ new TextDecoder();
var tds = 0;
try {
  td.decode(et2, { stream: true });
  tds = 1;
} catch (e) {
}

// src/chart/tar-write.ts
var BLOCK2 = 512;
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
    this.gzip = new Gzip({ level: COMPRESSION_LEVEL, mem: MEMORY_LEVEL, mtime: 0 }, (chunk) => ondata(chunk));
  }
  /** Appends one file; `path` is the full path inside the archive, `/`-separated. */
  addFile(path2, data) {
    if (this.finished) throw new Error("the archive is already finished");
    const ustarSafe = Buffer.byteLength(path2) < 100 && /^[\x20-\x7e]*$/.test(path2);
    if (!ustarSafe) {
      this.push(new ft({ path: path2, mtime: this.mtime }).encode());
    }
    const header = new F({
      path: ustarSafe ? path2 : standIn(path2),
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
    const padding = (BLOCK2 - data.length % BLOCK2) % BLOCK2;
    if (padding > 0) this.push(new Uint8Array(padding));
  }
  /** Writes the end-of-archive blocks and the gzip trailer. */
  finish() {
    if (this.finished) return;
    this.finished = true;
    this.gzip.push(new Uint8Array(BLOCK2 * 2), true);
  }
  push(data) {
    if (data.length > 0) this.gzip.push(data, false);
  }
};
var TarGzFile = class _TarGzFile {
  constructor(handle, mtime) {
    this.handle = handle;
    this.tar = new DeterministicTarGz(mtime, (chunk) => {
      this.hash.update(chunk);
      this.size += chunk.length;
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
    });
  }
  handle;
  tar;
  hash = createHash("sha256");
  pending = [];
  pendingBytes = 0;
  size = 0;
  /** Creates (or truncates) the file at `path`. */
  static async create(path2, mtime) {
    return new _TarGzFile(await open(path2, "w"), mtime);
  }
  async addFile(path2, data) {
    this.tar.addFile(path2, data);
    if (this.pendingBytes >= WRITE_BATCH_BYTES) await this.flush();
  }
  /** Ends the archive and closes the file. */
  async finish() {
    try {
      this.tar.finish();
      await this.flush();
    } finally {
      await this.handle.close();
    }
    return { digest: `sha256:${this.hash.digest("hex")}`, size: this.size };
  }
  /** Closes the file without finishing it (after an error). */
  async abandon() {
    await this.handle.close().catch(() => {
    });
  }
  async flush() {
    const chunks = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    let rest = chunks;
    while (rest.length > 0) {
      let { bytesWritten } = await this.handle.writev(rest);
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
function standIn(path2) {
  return path2.replace(/[^\x20-\x7e]/g, "_").slice(0, 99);
}

// src/chart/package.ts
async function checkChart(dir, opts) {
  const { files, ignore } = await readChartDirectory(dir);
  if (!files.some((f2) => f2.name === "Chart.yaml")) {
    const rule = ignore.ruleIgnoring("Chart.yaml", false);
    throw new ChartError(
      rule ? `${dir}: Chart.yaml is excluded by the .helmignore rule ${JSON.stringify(rule)}` + (rule.startsWith("!") ? ' (in .helmignore, "!pattern" ignores every path that does not match pattern; it does not re-include)' : "") : `${dir} has no Chart.yaml; give the chart's folder`
    );
  }
  const total = files.reduce((sum, f2) => sum + f2.size, 0);
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
  const folder = await mkdtemp(join2(outDir, "chart-")).catch((error) => {
    throw new ChartError(`cannot write the chart archive of ${dir} in ${outDir} (${isFsError(error) ? error.code : error.message})`, { cause: error });
  });
  const path2 = join2(folder, fileName);
  try {
    const out = await TarGzFile.create(path2, opts.mtime);
    try {
      await writeChart(out, chart, "", /* @__PURE__ */ new Set());
    } catch (error) {
      await out.abandon();
      throw error;
    }
    const { digest, size } = await out.finish();
    return { metadata, fileName, path: path2, digest, size };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    if (isFsError(error)) throw new ChartError(`cannot write the chart archive ${path2} (${error.code}: ${error.message})`, { cause: error });
    throw error;
  }
}
function checkDependencies(chart, metadata) {
  const present = new Set(chart.subcharts.map((s3) => s3.metadata.name));
  const missing = (metadata.dependencies ?? []).map((d) => d.name).filter((name) => !present.has(name));
  if (missing.length === 0) return;
  const list = [...new Set(missing)].map((n) => JSON.stringify(n)).join(", ");
  throw new ChartError(
    `${chart.where}: ${missing.length === 1 ? "dependency" : "dependencies"} ${list} ${missing.length === 1 ? "is" : "are"} listed in Chart.yaml but missing from charts/; set the action input "dependency-update: true" to run "helm dependency update", or commit the charts/ folder`
  );
}
async function writeChart(writer, chart, prefix, written) {
  const base = `${prefix}${chart.metadata.name}`;
  const add = async (name, data) => {
    const path2 = `${base}/${name}`;
    if (written.has(path2)) throw new ChartError(`${chart.where}: two files would both be packaged as ${path2}; rename or remove one`);
    written.add(path2);
    await writer.addFile(path2, typeof data === "function" ? await data() : data);
  };
  await add("Chart.yaml", Buffer.from(chartYamlText(chart.metadata), "utf8"));
  if (chart.lock !== void 0) await add("Chart.lock", Buffer.from(chart.lock, "utf8"));
  if (chart.values) await add("values.yaml", chart.values);
  if (chart.schema) await add("values.schema.json", chart.schema);
  for (const f2 of chart.templates) await add(f2.name, f2.read);
  for (const f2 of chart.files) await add(f2.name, f2.read);
  const subcharts = [...chart.subcharts].sort((a, b2) => Buffer.compare(Buffer.from(a.metadata.name), Buffer.from(b2.metadata.name)));
  for (let i2 = 1; i2 < subcharts.length; i2++) {
    if (subcharts[i2].metadata.name === subcharts[i2 - 1].metadata.name) {
      throw new ChartError(`${chart.where}: ${subcharts[i2 - 1].where} and ${subcharts[i2].where} are both the chart ${JSON.stringify(subcharts[i2].metadata.name)}; keep only one in charts/`);
    }
  }
  for (const sub of subcharts) await writeChart(writer, sub, `${base}/charts/`, written);
}

// src/chart/archive.ts
import { createHash as createHash2 } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat as stat2 } from "node:fs/promises";
import { basename } from "node:path";
async function readChartArchive(path2) {
  let mtime;
  try {
    const info2 = await stat2(path2);
    if (!info2.isFile()) throw new ChartError(`${path2} is not a file; give a chart archive (.tgz) made by "helm package"`);
    mtime = info2.mtime;
  } catch (error) {
    throw readError(error, path2);
  }
  const hash = createHash2("sha256");
  let size = 0;
  async function* hashed() {
    for await (const chunk of createReadStream(path2)) {
      hash.update(chunk);
      size += chunk.length;
      yield chunk;
    }
  }
  let files;
  try {
    files = await readArchiveFiles(hashed(), path2, loaderReads);
  } catch (error) {
    throw readError(error, path2);
  }
  const chart = await loadChartFiles(files, path2, { strict: true });
  return { metadata: chart.metadata, fileName: basename(path2), path: path2, digest: `sha256:${hash.digest("hex")}`, size, mtime };
}
function readError(error, path2) {
  if (error instanceof ChartError || !isFsError(error)) return error;
  if (error.code === "ENOENT") return new ChartError(`chart archive ${path2} does not exist`, { cause: error });
  return new ChartError(`chart archive ${path2} cannot be read (${error.message})`, { cause: error });
}
async function archiveFileDigests(source) {
  const digests = /* @__PURE__ */ new Map();
  await eachArchiveFile(source, (path2) => {
    const hash = createHash2("sha256");
    return { data: (chunk) => void hash.update(chunk), end: () => void digests.set(path2, hash.digest("hex")) };
  });
  return digests;
}
async function eachArchiveFile(source, onFile) {
  let open2;
  const scanner = new TarScanner((entry) => {
    open2?.end();
    open2 = void 0;
    if (entry.type === "Directory" || (entry.mode & 61440) === 16384) return void 0;
    const slash = entry.path.indexOf("/");
    open2 = onFile(slash >= 0 ? entry.path.slice(slash + 1) : entry.path);
    return open2.data;
  });
  try {
    await scanTarGz(source, MAX_CHART_BYTES + 64 * 1024 * 1024, scanner);
  } catch (error) {
    if (error instanceof TarFormatError) throw new ChartError(`not a chart archive: ${error.message}`, { cause: error });
    throw error;
  }
  open2?.end();
}

// src/helm/install.ts
import { createHash as createHash3 } from "node:crypto";
import { createReadStream as createReadStream2, existsSync as existsSync2 } from "node:fs";
import { readFile as readFile2, rm as rm2 } from "node:fs/promises";
import { join as join4 } from "node:path";

// node_modules/@actions/tool-cache/lib/tool-cache.js
import * as crypto from "crypto";
import * as fs2 from "fs";

// node_modules/@actions/tool-cache/lib/manifest.js
var semver2 = __toESM(require_semver(), 1);

// node_modules/@actions/tool-cache/lib/tool-cache.js
import * as os2 from "os";
import * as path from "path";
var semver3 = __toESM(require_semver(), 1);
import * as stream from "stream";
import * as util from "util";
import { ok } from "assert";

// node_modules/@actions/tool-cache/lib/retry-helper.js
var __awaiter = function(thisArg, _arguments, P2, generator) {
  function adopt(value) {
    return value instanceof P2 ? value : new P2(function(resolve) {
      resolve(value);
    });
  }
  return new (P2 || (P2 = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var RetryHelper = class {
  constructor(maxAttempts, minSeconds, maxSeconds) {
    if (maxAttempts < 1) {
      throw new Error("max attempts should be greater than or equal to 1");
    }
    this.maxAttempts = maxAttempts;
    this.minSeconds = Math.floor(minSeconds);
    this.maxSeconds = Math.floor(maxSeconds);
    if (this.minSeconds > this.maxSeconds) {
      throw new Error("min seconds should be less than or equal to max seconds");
    }
  }
  execute(action, isRetryable) {
    return __awaiter(this, void 0, void 0, function* () {
      let attempt = 1;
      while (attempt < this.maxAttempts) {
        try {
          return yield action();
        } catch (err2) {
          if (isRetryable && !isRetryable(err2)) {
            throw err2;
          }
          info(err2.message);
        }
        const seconds = this.getSleepAmount();
        info(`Waiting ${seconds} seconds before trying again`);
        yield this.sleep(seconds);
        attempt++;
      }
      return yield action();
    });
  }
  getSleepAmount() {
    return Math.floor(Math.random() * (this.maxSeconds - this.minSeconds + 1)) + this.minSeconds;
  }
  sleep(seconds) {
    return __awaiter(this, void 0, void 0, function* () {
      return new Promise((resolve) => setTimeout(resolve, seconds * 1e3));
    });
  }
};

// node_modules/@actions/tool-cache/lib/tool-cache.js
var __awaiter2 = function(thisArg, _arguments, P2, generator) {
  function adopt(value) {
    return value instanceof P2 ? value : new P2(function(resolve) {
      resolve(value);
    });
  }
  return new (P2 || (P2 = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var HTTPError = class extends Error {
  constructor(httpStatusCode) {
    super(`Unexpected HTTP response: ${httpStatusCode}`);
    this.httpStatusCode = httpStatusCode;
    Object.setPrototypeOf(this, new.target.prototype);
  }
};
var IS_WINDOWS = process.platform === "win32";
var IS_MAC = process.platform === "darwin";
var userAgent = "actions/tool-cache";
function downloadTool(url, dest, auth, headers) {
  return __awaiter2(this, void 0, void 0, function* () {
    dest = dest || path.join(_getTempDirectory(), crypto.randomUUID());
    yield mkdirP(path.dirname(dest));
    debug(`Downloading ${url}`);
    debug(`Destination ${dest}`);
    const maxAttempts = 3;
    const minSeconds = _getGlobal("TEST_DOWNLOAD_TOOL_RETRY_MIN_SECONDS", 10);
    const maxSeconds = _getGlobal("TEST_DOWNLOAD_TOOL_RETRY_MAX_SECONDS", 20);
    const retryHelper = new RetryHelper(maxAttempts, minSeconds, maxSeconds);
    return yield retryHelper.execute(() => __awaiter2(this, void 0, void 0, function* () {
      return yield downloadToolAttempt(url, dest || "", auth, headers);
    }), (err2) => {
      if (err2 instanceof HTTPError && err2.httpStatusCode) {
        if (err2.httpStatusCode < 500 && err2.httpStatusCode !== 408 && err2.httpStatusCode !== 429) {
          return false;
        }
      }
      return true;
    });
  });
}
function downloadToolAttempt(url, dest, auth, headers) {
  return __awaiter2(this, void 0, void 0, function* () {
    if (fs2.existsSync(dest)) {
      throw new Error(`Destination file path ${dest} already exists`);
    }
    const http = new HttpClient(userAgent, [], {
      allowRetries: false
    });
    if (auth) {
      debug("set auth");
      if (headers === void 0) {
        headers = {};
      }
      headers.authorization = auth;
    }
    const response = yield http.get(url, headers);
    if (response.message.statusCode !== 200) {
      const err2 = new HTTPError(response.message.statusCode);
      debug(`Failed to download from "${url}". Code(${response.message.statusCode}) Message(${response.message.statusMessage})`);
      throw err2;
    }
    const pipeline3 = util.promisify(stream.pipeline);
    const responseMessageFactory = _getGlobal("TEST_DOWNLOAD_TOOL_RESPONSE_MESSAGE_FACTORY", () => response.message);
    const readStream = responseMessageFactory();
    let succeeded = false;
    try {
      yield pipeline3(readStream, fs2.createWriteStream(dest));
      debug("download complete");
      succeeded = true;
      return dest;
    } finally {
      if (!succeeded) {
        debug("download failed");
        try {
          yield rmRF(dest);
        } catch (err2) {
          debug(`Failed to delete '${dest}'. ${err2.message}`);
        }
      }
    }
  });
}
function extractTar(file_1, dest_1) {
  return __awaiter2(this, arguments, void 0, function* (file, dest, flags = "xz") {
    if (!file) {
      throw new Error("parameter 'file' is required");
    }
    dest = yield _createExtractFolder(dest);
    debug("Checking tar --version");
    let versionOutput = "";
    yield exec("tar --version", [], {
      ignoreReturnCode: true,
      silent: true,
      listeners: {
        stdout: (data) => versionOutput += data.toString(),
        stderr: (data) => versionOutput += data.toString()
      }
    });
    debug(versionOutput.trim());
    const isGnuTar = versionOutput.toUpperCase().includes("GNU TAR");
    let args;
    if (flags instanceof Array) {
      args = flags;
    } else {
      args = [flags];
    }
    if (isDebug() && !flags.includes("v")) {
      args.push("-v");
    }
    let destArg = dest;
    let fileArg = file;
    if (IS_WINDOWS && isGnuTar) {
      args.push("--force-local");
      destArg = dest.replace(/\\/g, "/");
      fileArg = file.replace(/\\/g, "/");
    }
    if (isGnuTar) {
      args.push("--warning=no-unknown-keyword");
      args.push("--overwrite");
    }
    args.push("-C", destArg, "-f", fileArg);
    yield exec(`tar`, args);
    return dest;
  });
}
function extractZip(file, dest) {
  return __awaiter2(this, void 0, void 0, function* () {
    if (!file) {
      throw new Error("parameter 'file' is required");
    }
    dest = yield _createExtractFolder(dest);
    if (IS_WINDOWS) {
      yield extractZipWin(file, dest);
    } else {
      yield extractZipNix(file, dest);
    }
    return dest;
  });
}
function extractZipWin(file, dest) {
  return __awaiter2(this, void 0, void 0, function* () {
    const escapedFile = file.replace(/'/g, "''").replace(/"|\n|\r/g, "");
    const escapedDest = dest.replace(/'/g, "''").replace(/"|\n|\r/g, "");
    const pwshPath = yield which("pwsh", false);
    if (pwshPath) {
      const pwshCommand = [
        `$ErrorActionPreference = 'Stop' ;`,
        `try { Add-Type -AssemblyName System.IO.Compression.ZipFile } catch { } ;`,
        `try { [System.IO.Compression.ZipFile]::ExtractToDirectory('${escapedFile}', '${escapedDest}', $true) }`,
        `catch { if (($_.Exception.GetType().FullName -eq 'System.Management.Automation.MethodException') -or ($_.Exception.GetType().FullName -eq 'System.Management.Automation.RuntimeException') ){ Expand-Archive -LiteralPath '${escapedFile}' -DestinationPath '${escapedDest}' -Force } else { throw $_ } } ;`
      ].join(" ");
      const args = [
        "-NoLogo",
        "-NoProfile",
        "-NonInteractive",
        "-ExecutionPolicy",
        "Unrestricted",
        "-Command",
        pwshCommand
      ];
      debug(`Using pwsh at path: ${pwshPath}`);
      yield exec(`"${pwshPath}"`, args);
    } else {
      const powershellCommand = [
        `$ErrorActionPreference = 'Stop' ;`,
        `try { Add-Type -AssemblyName System.IO.Compression.FileSystem } catch { } ;`,
        `if ((Get-Command -Name Expand-Archive -Module Microsoft.PowerShell.Archive -ErrorAction Ignore)) { Expand-Archive -LiteralPath '${escapedFile}' -DestinationPath '${escapedDest}' -Force }`,
        `else {[System.IO.Compression.ZipFile]::ExtractToDirectory('${escapedFile}', '${escapedDest}', $true) }`
      ].join(" ");
      const args = [
        "-NoLogo",
        "-Sta",
        "-NoProfile",
        "-NonInteractive",
        "-ExecutionPolicy",
        "Unrestricted",
        "-Command",
        powershellCommand
      ];
      const powershellPath = yield which("powershell", true);
      debug(`Using powershell at path: ${powershellPath}`);
      yield exec(`"${powershellPath}"`, args);
    }
  });
}
function extractZipNix(file, dest) {
  return __awaiter2(this, void 0, void 0, function* () {
    const unzipPath = yield which("unzip", true);
    const args = [file];
    if (!isDebug()) {
      args.unshift("-q");
    }
    args.unshift("-o");
    yield exec(`"${unzipPath}"`, args, { cwd: dest });
  });
}
function cacheDir(sourceDir, tool, version, arch2) {
  return __awaiter2(this, void 0, void 0, function* () {
    version = semver3.clean(version) || version;
    arch2 = arch2 || os2.arch();
    debug(`Caching tool ${tool} ${version} ${arch2}`);
    debug(`source dir: ${sourceDir}`);
    if (!fs2.statSync(sourceDir).isDirectory()) {
      throw new Error("sourceDir is not a directory");
    }
    const destPath = yield _createToolPath(tool, version, arch2);
    for (const itemName of fs2.readdirSync(sourceDir)) {
      const s3 = path.join(sourceDir, itemName);
      yield cp(s3, destPath, { recursive: true });
    }
    _completeToolPath(tool, version, arch2);
    return destPath;
  });
}
function find(toolName, versionSpec, arch2) {
  if (!toolName) {
    throw new Error("toolName parameter is required");
  }
  if (!versionSpec) {
    throw new Error("versionSpec parameter is required");
  }
  arch2 = arch2 || os2.arch();
  if (!isExplicitVersion(versionSpec)) {
    const localVersions = findAllVersions(toolName, arch2);
    const match = evaluateVersions(localVersions, versionSpec);
    versionSpec = match;
  }
  let toolPath = "";
  if (versionSpec) {
    versionSpec = semver3.clean(versionSpec) || "";
    const cachePath = path.join(_getCacheDirectory(), toolName, versionSpec, arch2);
    debug(`checking cache: ${cachePath}`);
    if (fs2.existsSync(cachePath) && fs2.existsSync(`${cachePath}.complete`)) {
      debug(`Found tool in cache ${toolName} ${versionSpec} ${arch2}`);
      toolPath = cachePath;
    } else {
      debug("not found");
    }
  }
  return toolPath;
}
function findAllVersions(toolName, arch2) {
  const versions = [];
  arch2 = arch2 || os2.arch();
  const toolPath = path.join(_getCacheDirectory(), toolName);
  if (fs2.existsSync(toolPath)) {
    const children = fs2.readdirSync(toolPath);
    for (const child of children) {
      if (isExplicitVersion(child)) {
        const fullPath = path.join(toolPath, child, arch2 || "");
        if (fs2.existsSync(fullPath) && fs2.existsSync(`${fullPath}.complete`)) {
          versions.push(child);
        }
      }
    }
  }
  return versions;
}
function _createExtractFolder(dest) {
  return __awaiter2(this, void 0, void 0, function* () {
    if (!dest) {
      dest = path.join(_getTempDirectory(), crypto.randomUUID());
    }
    yield mkdirP(dest);
    return dest;
  });
}
function _createToolPath(tool, version, arch2) {
  return __awaiter2(this, void 0, void 0, function* () {
    const folderPath = path.join(_getCacheDirectory(), tool, semver3.clean(version) || version, arch2 || "");
    debug(`destination ${folderPath}`);
    const markerPath = `${folderPath}.complete`;
    yield rmRF(folderPath);
    yield rmRF(markerPath);
    yield mkdirP(folderPath);
    return folderPath;
  });
}
function _completeToolPath(tool, version, arch2) {
  const folderPath = path.join(_getCacheDirectory(), tool, semver3.clean(version) || version, arch2 || "");
  const markerPath = `${folderPath}.complete`;
  fs2.writeFileSync(markerPath, "");
  debug("finished caching tool");
}
function isExplicitVersion(versionSpec) {
  const c = semver3.clean(versionSpec) || "";
  debug(`isExplicit: ${c}`);
  const valid2 = semver3.valid(c) != null;
  debug(`explicit? ${valid2}`);
  return valid2;
}
function evaluateVersions(versions, versionSpec) {
  let version = "";
  debug(`evaluating ${versions.length} versions`);
  versions = versions.sort((a, b2) => {
    if (semver3.gt(a, b2)) {
      return 1;
    }
    return -1;
  });
  for (let i2 = versions.length - 1; i2 >= 0; i2--) {
    const potential = versions[i2];
    const satisfied = semver3.satisfies(potential, versionSpec);
    if (satisfied) {
      version = potential;
      break;
    }
  }
  if (version) {
    debug(`matched: ${version}`);
  } else {
    debug("match not found");
  }
  return version;
}
function _getCacheDirectory() {
  const cacheDirectory = process.env["RUNNER_TOOL_CACHE"] || "";
  ok(cacheDirectory, "Expected RUNNER_TOOL_CACHE to be defined");
  return cacheDirectory;
}
function _getTempDirectory() {
  const tempDirectory = process.env["RUNNER_TEMP"] || "";
  ok(tempDirectory, "Expected RUNNER_TEMP to be defined");
  return tempDirectory;
}
function _getGlobal(key, defaultValue) {
  const value = global[key];
  return value !== void 0 ? value : defaultValue;
}

// src/helm/install.ts
var import_semver2 = __toESM(require_semver(), 1);

// src/helm/platform.ts
var OS = { linux: "linux", darwin: "darwin", win32: "windows" };
var ARCH = { x64: "amd64", arm64: "arm64" };
function helmPlatform(platform = process.platform, arch2 = process.arch) {
  const os3 = OS[platform];
  const helmArch = ARCH[arch2];
  if (!os3 || !helmArch) {
    throw new Error(
      `no Helm download for this runner (${platform}/${arch2}): supported are linux, darwin and windows on x64 or arm64. Put a helm 3.8+ binary on PATH and leave helm-version empty to use it instead`
    );
  }
  const windows = os3 === "windows";
  return { os: os3, arch: helmArch, archive: windows ? "zip" : "tar.gz", binary: windows ? "helm.exe" : "helm" };
}
function helmAssetName(version, p2) {
  return `helm-v${version}-${p2.os}-${p2.arch}.${p2.archive}`;
}
function helmArchiveFolder(p2) {
  return `${p2.os}-${p2.arch}`;
}

// src/helm/install.ts
var DEFAULT_HELM_VERSION = "4.1.4";
var MINIMUM_HELM_VERSION = "3.8.0";
var DEFAULT_HELM_MIRROR = "https://get.helm.sh";
var TOOL_NAME = "helm";
async function resolveHelm(opts) {
  const log = opts.log ?? info;
  const mirror = normalizeMirror(opts.mirror);
  if (opts.version.trim() === "") {
    const onPath = await helmOnPath(log);
    if (onPath) return onPath;
    return installHelm(DEFAULT_HELM_VERSION, mirror, log);
  }
  return installHelm(parseHelmVersion(opts.version), mirror, log);
}
function parseHelmVersion(input) {
  const bare = input.trim().replace(/^v/, "");
  if (import_semver2.default.valid(bare) !== bare) {
    throw new Error(
      `helm-version "${input}" is not an exact Helm version: give a full x.y.z such as ${DEFAULT_HELM_VERSION} or v${DEFAULT_HELM_VERSION} (ranges are not accepted), or leave it empty`
    );
  }
  if (import_semver2.default.lt(bare, MINIMUM_HELM_VERSION)) {
    throw new Error(`helm-version ${bare} is too old: OCI registries need Helm ${MINIMUM_HELM_VERSION} or newer`);
  }
  return bare;
}
function normalizeMirror(input) {
  const trimmed = input.trim().replace(/\/+$/, "");
  if (trimmed === "") return DEFAULT_HELM_MIRROR;
  let url;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(`helm-mirror "${input}" is not a URL: give a base URL such as ${DEFAULT_HELM_MIRROR}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`helm-mirror "${input}" must be an http(s) URL`);
  }
  if (url.username || url.password) {
    throw new Error("helm-mirror must not contain credentials");
  }
  return trimmed;
}
async function reportedHelmVersion(path2) {
  const out = await getExecOutput(path2, ["version", "--template", "{{.Version}}"], { silent: true, ignoreReturnCode: true });
  if (out.exitCode !== 0) {
    throw new Error(`"${path2} version" exited with code ${out.exitCode}: ${out.stderr.trim() || out.stdout.trim()}`);
  }
  const text = out.stdout.trim();
  const version = import_semver2.default.valid(text.replace(/^v/, ""));
  if (!version) throw new Error(`"${path2} version" printed "${text}", which is not a version`);
  return version;
}
async function helmOnPath(log) {
  const path2 = await which("helm", false);
  if (!path2) {
    log(`no helm on PATH: installing Helm ${DEFAULT_HELM_VERSION}`);
    return void 0;
  }
  let version;
  try {
    version = await reportedHelmVersion(path2);
  } catch (error) {
    log(`ignoring the helm on PATH (${errorText(error)}): installing Helm ${DEFAULT_HELM_VERSION}`);
    return void 0;
  }
  if (import_semver2.default.lt(version, MINIMUM_HELM_VERSION)) {
    log(`helm ${version} on PATH is older than ${MINIMUM_HELM_VERSION}: installing Helm ${DEFAULT_HELM_VERSION}`);
    return void 0;
  }
  log(`using helm ${version} from PATH: ${path2}`);
  return { path: path2, version, source: "path" };
}
async function installHelm(version, mirror, log) {
  for (const name of ["RUNNER_TOOL_CACHE", "RUNNER_TEMP"]) {
    if (!process.env[name]) throw new Error(`installing Helm needs ${name}, which every GitHub runner sets`);
  }
  const platform = helmPlatform();
  const cached = await fromToolCache(version, platform, log);
  if (cached) return cached;
  return download(version, mirror, platform, log);
}
async function fromToolCache(version, platform, log) {
  const dir = find(TOOL_NAME, version, process.arch);
  if (!dir) return void 0;
  const path2 = [join4(dir, platform.binary), join4(dir, helmArchiveFolder(platform), platform.binary)].find((p2) => existsSync2(p2));
  if (path2) {
    try {
      const reported = await reportedHelmVersion(path2);
      if (reported === version) {
        log(`using Helm ${version} from the tool cache: ${path2}`);
        return { path: path2, version, source: "cache" };
      }
      log(`the tool cache entry ${dir} holds Helm ${reported}, not ${version}: downloading again`);
    } catch (error) {
      log(`the tool cache entry ${dir} is unusable (${errorText(error)}): downloading again`);
    }
  } else {
    log(`the tool cache entry ${dir} has no ${platform.binary}: downloading again`);
  }
  return void 0;
}
async function download(version, mirror, platform, log) {
  const asset = helmAssetName(version, platform);
  const url = `${mirror}/${asset}`;
  log(`downloading Helm ${version} from ${url}`);
  const expected = await publishedChecksum(`${url}.sha256sum`, version, platform);
  let archive;
  let extracted;
  try {
    archive = await fetchFile(url, version, platform);
    const actual = await sha256File(archive);
    if (actual !== expected) {
      throw new Error(
        `checksum mismatch for ${asset} from ${mirror}: ${asset}.sha256sum says ${expected}, the download is ${actual}. The mirror serves a file other than the one it publishes a checksum for; nothing was installed`
      );
    }
    extracted = platform.archive === "zip" ? await extractZip(archive) : await extractTar(archive);
    const folder = join4(extracted, helmArchiveFolder(platform));
    const binary = join4(folder, platform.binary);
    if (!existsSync2(binary)) {
      throw new Error(`${asset} from ${mirror} has no ${helmArchiveFolder(platform)}/${platform.binary}`);
    }
    const reported = await reportedHelmVersion(binary);
    if (reported !== version) throw new Error(`${asset} from ${mirror} holds Helm ${reported}, not ${version}`);
    const cachedDir = await cacheDir(folder, TOOL_NAME, version, process.arch);
    log(`installed Helm ${version} in the tool cache: ${cachedDir}`);
    return { path: join4(cachedDir, platform.binary), version, source: "download" };
  } finally {
    if (archive) await rm2(archive, { force: true });
    if (extracted) await rm2(extracted, { recursive: true, force: true });
  }
}
async function publishedChecksum(url, version, platform) {
  const file = await fetchFile(url, version, platform);
  try {
    const text = await readFile2(file, "utf8");
    const hex = text.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${url} does not start with a sha256 checksum`);
    return hex;
  } finally {
    await rm2(file, { force: true });
  }
}
async function fetchFile(url, version, platform) {
  try {
    return await downloadTool(url);
  } catch (error) {
    const hint = error instanceof HTTPError && error.httpStatusCode === 404 ? ` (does the mirror publish Helm ${version} for ${platform.os}-${platform.arch}? check helm-version and helm-mirror)` : "";
    throw new Error(`could not download ${url}: ${errorText(error)}${hint}`, { cause: error });
  }
}
async function sha256File(path2) {
  const hash = createHash3("sha256");
  for await (const chunk of createReadStream2(path2)) hash.update(chunk);
  return hash.digest("hex");
}
function errorText(error) {
  return error instanceof Error ? error.message : String(error);
}

export {
  parseChartYaml,
  isStrictSemver,
  configJson,
  checkChart,
  writeChartPackage,
  readChartArchive,
  archiveFileDigests,
  resolveHelm,
  parseHelmVersion,
  normalizeMirror
};
