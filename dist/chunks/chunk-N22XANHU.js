import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/helm/registry-config.ts
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, readlink, realpath, rename, rmdir, stat, unlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
function helmRegistryConfigPath(env = process.env, platform = process.platform, home = env.HOME || os.homedir()) {
  const p = platform === "win32" ? path.win32 : path.posix;
  if (env.HELM_REGISTRY_CONFIG) return env.HELM_REGISTRY_CONFIG;
  if (env.HELM_CONFIG_HOME) return p.join(env.HELM_CONFIG_HOME, "registry", "config.json");
  let base = env.XDG_CONFIG_HOME;
  if (!base) {
    if (platform === "win32") base = env.APPDATA;
    else if (platform === "darwin") base = home && p.join(home, "Library", "Preferences");
    else base = home && p.join(home, ".config");
  }
  if (!base) {
    const missing = platform === "win32" ? "APPDATA" : "HOME";
    throw new Error(`cannot locate Helm's registry config: ${missing} is not set (set HELM_REGISTRY_CONFIG)`);
  }
  return p.join(base, "helm", "registry", "config.json");
}
function registryConfigKey(host) {
  if (!/^[^\s/\\]+$/.test(host) || host.includes("@")) {
    throw new Error(`registry login needs a bare host[:port] (no scheme, path or user), got ${JSON.stringify(host)}`);
  }
  if (host === "docker.io" || host === "registry-1.docker.io") return "https://index.docker.io/v1/";
  return host;
}
function authValue(username, password) {
  if (!username || !password) throw new Error("registry login needs both a username and a password");
  if (username.includes(":")) throw new Error('registry login: the username must not contain ":"');
  return Buffer.from(`${username}:${password}`, "utf8").toString("base64");
}
async function planLogin(configPath, host) {
  const file = path.resolve(configPath);
  const key = registryConfigKey(host);
  const text = await readConfig(file);
  if (text === void 0) {
    return { path: file, host, fileExisted: false, hadAuths: false, hadEntry: false, createdDirs: await missingDirs(path.dirname(file)) };
  }
  const doc = parseConfig(text, file);
  const entry = doc.auths && lastMember(doc.auths.span, key);
  const mode = (await stat(file)).mode & 511;
  return {
    path: file,
    host,
    fileExisted: true,
    fileMode: mode,
    hadAuths: doc.auths !== void 0,
    hadEntry: entry !== void 0,
    ...entry ? { previousEntry: text.slice(entry.valueStart, entry.valueEnd) } : {},
    createdDirs: []
  };
}
async function writeLogin(record, username, password) {
  const key = registryConfigKey(record.host);
  const entry = { auth: authValue(username, password) };
  const target = await resolveTarget(record.path);
  const text = await readConfig(target);
  const warnings = [];
  let next;
  if (text === void 0) {
    next = JSON.stringify({ auths: { [key]: entry } }, null, "	");
    await mkdir(path.dirname(target), { recursive: true, mode: 448 });
  } else {
    const doc = parseConfig(text, target);
    warnings.push(...helperWarnings(doc.value, key, target));
    next = putEntry(doc, key, (indent) => formatJson(entry, indent), entry);
  }
  await writeAtomic(target, next, 384);
  return warnings;
}
async function undoLogin(record) {
  try {
    return await undo(record);
  } catch (error) {
    return [`could not undo the registry login for ${record.host} in ${record.path}: ${describeError(error)}`];
  }
}
async function undo(record) {
  const key = registryConfigKey(record.host);
  const target = await resolveTarget(record.path);
  const text = await readConfig(target);
  if (text === void 0) {
    return record.fileExisted ? [`${record.path} was removed after login; nothing to restore for ${record.host}`] : [];
  }
  let doc;
  try {
    doc = parseConfig(text, target);
  } catch (error) {
    return [`${describeError(error)}; the login entry for ${record.host} may still be in it`];
  }
  let next = text;
  if (record.hadEntry && record.previousEntry !== void 0) {
    const previous = record.previousEntry;
    next = putEntry(doc, key, () => previous, JSON.parse(previous));
  } else if (doc.auths) {
    next = deleteMember(text, doc.auths.span, key);
    const after = parseConfig(next, target);
    if (!record.hadAuths && after.auths && after.auths.span.members.length === 0) {
      next = deleteMember(next, after.root, "auths");
    }
  }
  if (!record.fileExisted && parseConfig(next, target).root.members.length === 0) {
    await unlink(target);
    for (const dir of record.createdDirs) {
      if (!await rmdir(dir).then(() => true, () => false)) break;
    }
    return [];
  }
  if (next !== text) await writeAtomic(target, next, record.fileExisted ? record.fileMode ?? 384 : 384);
  return [];
}
function recordSecrets(record) {
  if (record.previousEntry === void 0) return [];
  const secrets = /* @__PURE__ */ new Set();
  try {
    const entry = JSON.parse(record.previousEntry);
    if (entry && typeof entry === "object") {
      for (const [field, value] of Object.entries(entry)) {
        if (typeof value !== "string" || value === "") continue;
        if (["auth", "password", "identitytoken", "registrytoken"].includes(field)) secrets.add(value);
        if (field === "auth") {
          const decoded = Buffer.from(value, "base64").toString("utf8");
          const colon = decoded.indexOf(":");
          if (colon >= 0 && colon < decoded.length - 1) secrets.add(decoded.slice(colon + 1));
        }
      }
    }
  } catch {
  }
  secrets.add(record.previousEntry);
  return [...secrets];
}
function parseLoginRecord(text) {
  if (!text) return void 0;
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return void 0;
  }
  if (!value || typeof value !== "object") return void 0;
  const r = value;
  const ok = typeof r.path === "string" && typeof r.host === "string" && typeof r.fileExisted === "boolean" && typeof r.hadAuths === "boolean" && typeof r.hadEntry === "boolean" && (r.fileMode === void 0 || typeof r.fileMode === "number") && (r.previousEntry === void 0 || typeof r.previousEntry === "string") && Array.isArray(r.createdDirs) && r.createdDirs.every((d) => typeof d === "string");
  return ok ? r : void 0;
}
async function readConfig(file) {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return void 0;
    throw new Error(`cannot read Helm registry config ${file}: ${describeError(error)}`, { cause: error });
  }
}
function parseConfig(text, file) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const at = /position \d+/.exec(describeError(error));
    throw new Error(`Helm registry config ${file} is not valid JSON${at ? ` (at ${at[0]})` : ""}; not changing it`);
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new Error(`Helm registry config ${file} is not a JSON object; not changing it`);
  }
  const root = scanObject(text, skipSpace(text, 0));
  const authsMember = lastMember(root, "auths");
  if (!authsMember) return { text, value, root };
  if (text[authsMember.valueStart] !== "{") {
    throw new Error(`Helm registry config ${file} has an "auths" that is not an object; not changing it`);
  }
  return { text, value, root, auths: { member: authsMember, span: scanObject(text, authsMember.valueStart) } };
}
function helperWarnings(config, key, file) {
  const helpers = config.credHelpers;
  const forHost = helpers && typeof helpers === "object" ? helpers[key] : void 0;
  const [helper, field] = typeof forHost === "string" && forHost !== "" ? [forHost, "credHelpers"] : typeof config.credsStore === "string" && config.credsStore !== "" ? [config.credsStore, "credsStore"] : [];
  if (!helper) return [];
  return [
    `${file} names the credential helper docker-credential-${helper} (${field}) for ${key}: later helm commands ask that helper, not the login written here, and fail if it is not installed`
  ];
}
function skipSpace(text, i) {
  while (i < text.length && (text[i] === " " || text[i] === "	" || text[i] === "\n" || text[i] === "\r")) i++;
  return i;
}
function stringEnd(text, start) {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i + 1;
  }
  throw new Error("unterminated JSON string");
}
function valueEnd(text, start) {
  const c = text[start];
  if (c === '"') return stringEnd(text, start);
  if (c === "{" || c === "[") {
    let depth = 0;
    for (let i2 = start; i2 < text.length; i2++) {
      const d = text[i2];
      if (d === '"') i2 = stringEnd(text, i2) - 1;
      else if (d === "{" || d === "[") depth++;
      else if ((d === "}" || d === "]") && --depth === 0) return i2 + 1;
    }
    throw new Error("unterminated JSON value");
  }
  let i = start;
  while (i < text.length && !",}] 	\n\r".includes(text[i])) i++;
  return i;
}
function scanObject(text, open2) {
  const members = [];
  let i = skipSpace(text, open2 + 1);
  while (text[i] !== "}") {
    const keyEnd = stringEnd(text, i);
    const valueStart = skipSpace(text, skipSpace(text, keyEnd) + 1);
    const end = valueEnd(text, valueStart);
    members.push({ key: JSON.parse(text.slice(i, keyEnd)), keyStart: i, keyEnd, valueStart, valueEnd: end });
    i = skipSpace(text, end);
    if (text[i] === ",") i = skipSpace(text, i + 1);
  }
  return { open: open2, close: i, members };
}
function lastMember(object, key) {
  const index = lastIndex(object, key);
  return index < 0 ? void 0 : object.members[index];
}
function lastIndex(object, key) {
  for (let i = object.members.length - 1; i >= 0; i--) if (object.members[i].key === key) return i;
  return -1;
}
function formatJson(value, indent) {
  return indent === null ? JSON.stringify(value) : JSON.stringify(value, null, "	").replaceAll("\n", `
${indent}`);
}
function indentBefore(text, pos) {
  const lineStart = text.lastIndexOf("\n", pos - 1) + 1;
  const prefix = text.slice(lineStart, pos);
  return lineStart > 0 && /^[ \t]*$/.test(prefix) ? prefix : null;
}
function putEntry(doc, key, entryText, entry) {
  if (doc.auths) return setMember(doc.text, doc.auths.span, key, entryText);
  return setMember(doc.text, doc.root, "auths", (indent) => formatJson({ [key]: entry }, indent));
}
function setMember(text, object, key, valueText) {
  const existing = lastMember(object, key);
  if (existing) {
    return splice(text, existing.valueStart, existing.valueEnd, valueText(indentBefore(text, existing.keyStart)));
  }
  const first = object.members[0];
  const last = object.members.at(-1);
  if (first && last) {
    const separator = text.slice(object.open + 1, first.keyStart);
    const colon = text.slice(first.keyEnd, first.valueStart);
    const member = `,${separator}${JSON.stringify(key)}${colon}${valueText(indentBefore(text, first.keyStart))}`;
    return splice(text, last.valueEnd, last.valueEnd, member);
  }
  const compact = !text.includes("\n") && text.trim() !== "{}";
  if (compact) return splice(text, object.open + 1, object.close, `${JSON.stringify(key)}:${valueText(null)}`);
  const lineStart = text.lastIndexOf("\n", object.open) + 1;
  const outer = /^[ \t]*/.exec(text.slice(lineStart))[0];
  const inner = `${outer}	`;
  return splice(text, object.open + 1, object.close, `
${inner}${JSON.stringify(key)}: ${valueText(inner)}
${outer}`);
}
function deleteMember(text, object, key) {
  const index = lastIndex(object, key);
  if (index < 0) return text;
  const member = object.members[index];
  if (object.members.length === 1) return splice(text, object.open + 1, object.close, "");
  if (index === 0) return splice(text, member.keyStart, object.members[1].keyStart, "");
  return splice(text, object.members[index - 1].valueEnd, member.valueEnd, "");
}
function splice(text, start, end, insert) {
  return text.slice(0, start) + insert + text.slice(end);
}
async function resolveTarget(file) {
  try {
    return await realpath(file);
  } catch {
    const target = await readlink(file).catch(() => void 0);
    return target === void 0 ? file : path.resolve(path.dirname(file), target);
  }
}
async function writeAtomic(file, text, mode) {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temp, "wx", mode);
  try {
    try {
      await handle.writeFile(text, "utf8");
      await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => void 0);
    throw new Error(`cannot write Helm registry config ${file}: ${describeError(error)}`, { cause: error });
  }
}
async function missingDirs(dir) {
  const missing = [];
  for (let current = dir; ; current = path.dirname(current)) {
    try {
      await stat(current);
      return missing;
    } catch (error) {
      if (errorCode(error) !== "ENOENT" || path.dirname(current) === current) return missing;
      missing.push(current);
    }
  }
}
function errorCode(error) {
  return error && typeof error === "object" && "code" in error ? String(error.code) : void 0;
}
function describeError(error) {
  return error instanceof Error ? error.message : String(error);
}

export {
  helmRegistryConfigPath,
  authValue,
  planLogin,
  writeLogin,
  undoLogin,
  recordSecrets,
  parseLoginRecord
};
