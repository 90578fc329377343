// Helm's registry credentials file (Docker's config.json format): where it lives, writing a login
// entry into it, and putting back exactly what was there before. Plain functions, no @actions
// imports: the caller saves the LoginRecord to state before writing, and masks secrets.
//
// Edits are made in the file's text, not by re-serialising it: only the bytes of the one entry
// change, so undoing restores the user's file byte for byte whatever tool formatted it.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readlink, realpath, rename, rmdir, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * The file Helm reads registry credentials from, resolved the way Helm 3 and 4 do
 * (cli/environment.go and helmpath/lazypath*.go).
 */
export function helmRegistryConfigPath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = env.HOME || os.homedir(),
): string {
  const p = platform === 'win32' ? path.win32 : path.posix;
  // Helm takes the variable as is; an empty value makes its registry client use the default.
  if (env.HELM_REGISTRY_CONFIG) return env.HELM_REGISTRY_CONFIG;
  if (env.HELM_CONFIG_HOME) return p.join(env.HELM_CONFIG_HOME, 'registry', 'config.json');
  // XDG_CONFIG_HOME is honoured on every OS, macOS and Windows included.
  let base = env.XDG_CONFIG_HOME;
  if (!base) {
    if (platform === 'win32') base = env.APPDATA;
    else if (platform === 'darwin') base = home && p.join(home, 'Library', 'Preferences');
    else base = home && p.join(home, '.config');
  }
  // Helm would fall back to a path relative to the working directory: never put secrets there.
  if (!base) {
    const missing = platform === 'win32' ? 'APPDATA' : 'HOME';
    throw new Error(`cannot locate Helm's registry config: ${missing} is not set (set HELM_REGISTRY_CONFIG)`);
  }
  return p.join(base, 'helm', 'registry', 'config.json');
}

/** The key Helm (oras-go) files a registry's credentials under in `auths`. */
export function registryConfigKey(host: string): string {
  if (!/^[^\s/\\]+$/.test(host) || host.includes('@')) {
    throw new Error(`registry login needs a bare host[:port] (no scheme, path or user), got ${JSON.stringify(host)}`);
  }
  // Docker Hub lives under Docker's legacy key, as `helm registry login docker.io` writes it.
  if (host === 'docker.io' || host === 'registry-1.docker.io') return 'https://index.docker.io/v1/';
  return host;
}

/** What login found, saved to state before the file is touched so the post step can undo it. */
export interface LoginRecord {
  /** Absolute path of the registry config file. */
  path: string;
  /** Registry host[:port]; the entry key is registryConfigKey(host). */
  host: string;
  fileExisted: boolean;
  /** Permission bits of the file before login (login itself writes 0600). */
  fileMode?: number;
  /** Whether the file had an `auths` object. */
  hadAuths: boolean;
  hadEntry: boolean;
  /** The entry's JSON text exactly as it was (a secret: it holds credentials). */
  previousEntry?: string;
  /** Directories login creates for the file, deepest first. */
  createdDirs: string[];
}

/** base64("user:pass"), the `auth` value Docker and Helm store. The caller masks it. */
export function authValue(username: string, password: string): string {
  if (!username || !password) throw new Error('registry login needs both a username and a password');
  // Basic auth splits at the first colon, so a colon in the username could never round-trip.
  if (username.includes(':')) throw new Error('registry login: the username must not contain ":"');
  return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}

/** Reads the current state of the file and the host's entry; changes nothing. */
export async function planLogin(configPath: string, host: string): Promise<LoginRecord> {
  const file = path.resolve(configPath);
  const key = registryConfigKey(host);
  const text = await readConfig(file);
  if (text === undefined) {
    return { path: file, host, fileExisted: false, hadAuths: false, hadEntry: false, createdDirs: await missingDirs(path.dirname(file)) };
  }
  const doc = parseConfig(text, file);
  const entry = doc.auths && lastMember(doc.auths.span, key);
  const mode = (await stat(file)).mode & 0o777;
  return {
    path: file,
    host,
    fileExisted: true,
    fileMode: mode,
    hadAuths: doc.auths !== undefined,
    hadEntry: entry !== undefined,
    ...(entry ? { previousEntry: text.slice(entry.valueStart, entry.valueEnd) } : {}),
    createdDirs: [],
  };
}

/**
 * Writes the host's entry (replacing any entry for it, as `helm registry login` does).
 * Returns warnings, e.g. when a credential helper in the file will make Helm ignore the entry.
 */
export async function writeLogin(record: LoginRecord, username: string, password: string): Promise<string[]> {
  const key = registryConfigKey(record.host);
  const entry = { auth: authValue(username, password) };
  const target = await resolveTarget(record.path);
  const text = await readConfig(target);
  const warnings: string[] = [];
  let next: string;
  if (text === undefined) {
    // A new file looks exactly like the one Helm itself would write.
    next = JSON.stringify({ auths: { [key]: entry } }, null, '\t');
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  } else {
    const doc = parseConfig(text, target);
    warnings.push(...helperWarnings(doc.value, key, target));
    next = putEntry(doc, key, (indent) => formatJson(entry, indent), entry);
  }
  await writeAtomic(target, next, 0o600);
  return warnings;
}

/**
 * Puts the host's entry back to what planLogin saw, keeping everything else in the file as it is
 * now; removes the file if login created it and nothing else is in it. Never throws: problems come
 * back as warnings for the post step to log.
 */
export async function undoLogin(record: LoginRecord): Promise<string[]> {
  try {
    return await undo(record);
  } catch (error) {
    return [`could not undo the registry login for ${record.host} in ${record.path}: ${describeError(error)}`];
  }
}

async function undo(record: LoginRecord): Promise<string[]> {
  const key = registryConfigKey(record.host);
  const target = await resolveTarget(record.path);
  const text = await readConfig(target);
  if (text === undefined) {
    return record.fileExisted ? [`${record.path} was removed after login; nothing to restore for ${record.host}`] : [];
  }
  let doc: ConfigDoc;
  try {
    doc = parseConfig(text, target);
  } catch (error) {
    return [`${describeError(error)}; the login entry for ${record.host} may still be in it`];
  }

  let next = text;
  if (record.hadEntry && record.previousEntry !== undefined) {
    const previous = record.previousEntry;
    next = putEntry(doc, key, () => previous, JSON.parse(previous));
  } else if (doc.auths) {
    next = deleteMember(text, doc.auths.span, key);
    const after = parseConfig(next, target);
    // Login added the `auths` object: drop it again once it is empty.
    if (!record.hadAuths && after.auths && after.auths.span.members.length === 0) {
      next = deleteMember(next, after.root, 'auths');
    }
  }

  // A file login created and nothing else uses any more goes away, with the directories made for it.
  if (!record.fileExisted && parseConfig(next, target).root.members.length === 0) {
    await unlink(target);
    for (const dir of record.createdDirs) {
      // Stops at the first directory something else has put files in.
      if (!(await rmdir(dir).then(() => true, () => false))) break;
    }
    return [];
  }
  if (next !== text) await writeAtomic(target, next, record.fileExisted ? (record.fileMode ?? 0o600) : 0o600);
  return [];
}

/** Values in a record that must be masked if it is ever printed: the previous entry's secrets. */
export function recordSecrets(record: LoginRecord): string[] {
  if (record.previousEntry === undefined) return [];
  const secrets = new Set<string>();
  try {
    const entry = JSON.parse(record.previousEntry) as unknown;
    if (entry && typeof entry === 'object') {
      for (const [field, value] of Object.entries(entry)) {
        if (typeof value !== 'string' || value === '') continue;
        if (['auth', 'password', 'identitytoken', 'registrytoken'].includes(field)) secrets.add(value);
        if (field === 'auth') {
          const decoded = Buffer.from(value, 'base64').toString('utf8');
          const colon = decoded.indexOf(':');
          if (colon >= 0 && colon < decoded.length - 1) secrets.add(decoded.slice(colon + 1));
        }
      }
    }
  } catch {
    // Not JSON: mask the text as a whole.
  }
  secrets.add(record.previousEntry);
  return [...secrets];
}

/** A LoginRecord from state text, or undefined when there is none or it is malformed. */
export function parseLoginRecord(text: string | undefined): LoginRecord | undefined {
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  const r = value as Record<string, unknown>;
  const ok =
    typeof r.path === 'string' &&
    typeof r.host === 'string' &&
    typeof r.fileExisted === 'boolean' &&
    typeof r.hadAuths === 'boolean' &&
    typeof r.hadEntry === 'boolean' &&
    (r.fileMode === undefined || typeof r.fileMode === 'number') &&
    (r.previousEntry === undefined || typeof r.previousEntry === 'string') &&
    Array.isArray(r.createdDirs) &&
    r.createdDirs.every((d) => typeof d === 'string');
  return ok ? (r as unknown as LoginRecord) : undefined;
}

// ---- reading and checking the file ----

async function readConfig(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw new Error(`cannot read Helm registry config ${file}: ${describeError(error)}`, { cause: error });
  }
}

interface ConfigDoc {
  text: string;
  value: Record<string, unknown>;
  root: ObjectSpan;
  auths?: { member: Member; span: ObjectSpan };
}

function parseConfig(text: string, file: string): ConfigDoc {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8's message can quote the file (and so a secret): keep only the position.
    const at = /position \d+/.exec(describeError(error));
    throw new Error(`Helm registry config ${file} is not valid JSON${at ? ` (at ${at[0]})` : ''}; not changing it`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`Helm registry config ${file} is not a JSON object; not changing it`);
  }
  const root = scanObject(text, skipSpace(text, 0));
  const authsMember = lastMember(root, 'auths');
  if (!authsMember) return { text, value: value as Record<string, unknown>, root };
  if (text[authsMember.valueStart] !== '{') {
    throw new Error(`Helm registry config ${file} has an "auths" that is not an object; not changing it`);
  }
  return { text, value: value as Record<string, unknown>, root, auths: { member: authsMember, span: scanObject(text, authsMember.valueStart) } };
}

// Helm sends a host to a credential helper instead of reading `auths` when the file names one for
// that host (credHelpers) or for all hosts (credsStore); 3.18+ then fails if the helper is missing.
function helperWarnings(config: Record<string, unknown>, key: string, file: string): string[] {
  const helpers = config.credHelpers;
  const forHost = helpers && typeof helpers === 'object' ? (helpers as Record<string, unknown>)[key] : undefined;
  const [helper, field] =
    typeof forHost === 'string' && forHost !== ''
      ? [forHost, 'credHelpers']
      : typeof config.credsStore === 'string' && config.credsStore !== ''
        ? [config.credsStore, 'credsStore']
        : [];
  if (!helper) return [];
  return [
    `${file} names the credential helper docker-credential-${helper} (${field}) for ${key}: ` +
      'later helm commands ask that helper, not the login written here, and fail if it is not installed',
  ];
}

// ---- locating members in JSON text (only ever called on text JSON.parse accepted) ----

interface Member {
  key: string;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

interface ObjectSpan {
  open: number;
  close: number;
  members: Member[];
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  return i;
}

function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  throw new Error('unterminated JSON string');
}

function valueEnd(text: string, start: number): number {
  const c = text[start];
  if (c === '"') return stringEnd(text, start);
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let i = start; i < text.length; i++) {
      const d = text[i];
      if (d === '"') i = stringEnd(text, i) - 1;
      else if (d === '{' || d === '[') depth++;
      else if ((d === '}' || d === ']') && --depth === 0) return i + 1;
    }
    throw new Error('unterminated JSON value');
  }
  let i = start;
  while (i < text.length && !',}] \t\n\r'.includes(text[i]!)) i++;
  return i;
}

function scanObject(text: string, open: number): ObjectSpan {
  const members: Member[] = [];
  let i = skipSpace(text, open + 1);
  while (text[i] !== '}') {
    const keyEnd = stringEnd(text, i);
    const valueStart = skipSpace(text, skipSpace(text, keyEnd) + 1);
    const end = valueEnd(text, valueStart);
    members.push({ key: JSON.parse(text.slice(i, keyEnd)) as string, keyStart: i, keyEnd, valueStart, valueEnd: end });
    i = skipSpace(text, end);
    if (text[i] === ',') i = skipSpace(text, i + 1);
  }
  return { open, close: i, members };
}

// JSON.parse and Go both let the last of duplicate keys win.
function lastMember(object: ObjectSpan, key: string): Member | undefined {
  const index = lastIndex(object, key);
  return index < 0 ? undefined : object.members[index];
}

function lastIndex(object: ObjectSpan, key: string): number {
  for (let i = object.members.length - 1; i >= 0; i--) if (object.members[i]!.key === key) return i;
  return -1;
}

// ---- editing ----

/** `indent` is the indentation of the line the value starts on; null means compact JSON. */
function formatJson(value: unknown, indent: string | null): string {
  return indent === null ? JSON.stringify(value) : JSON.stringify(value, null, '\t').replaceAll('\n', `\n${indent}`);
}

function indentBefore(text: string, pos: number): string | null {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  const prefix = text.slice(lineStart, pos);
  return lineStart > 0 && /^[ \t]*$/.test(prefix) ? prefix : null;
}

/** Sets auths[key], creating `auths` if needed. */
function putEntry(doc: ConfigDoc, key: string, entryText: (indent: string | null) => string, entry: unknown): string {
  if (doc.auths) return setMember(doc.text, doc.auths.span, key, entryText);
  return setMember(doc.text, doc.root, 'auths', (indent) => formatJson({ [key]: entry }, indent));
}

// A new member goes last, after a copy of the separator the first member has, so deleting it
// (from the end of the previous value) gives back the exact original text.
function setMember(text: string, object: ObjectSpan, key: string, valueText: (indent: string | null) => string): string {
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
  // Empty object: pretty, Helm style, unless the whole file is one line with something in it.
  const compact = !text.includes('\n') && text.trim() !== '{}';
  if (compact) return splice(text, object.open + 1, object.close, `${JSON.stringify(key)}:${valueText(null)}`);
  const lineStart = text.lastIndexOf('\n', object.open) + 1;
  const outer = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const inner = `${outer}\t`;
  return splice(text, object.open + 1, object.close, `\n${inner}${JSON.stringify(key)}: ${valueText(inner)}\n${outer}`);
}

function deleteMember(text: string, object: ObjectSpan, key: string): string {
  const index = lastIndex(object, key);
  if (index < 0) return text;
  const member = object.members[index]!;
  if (object.members.length === 1) return splice(text, object.open + 1, object.close, '');
  if (index === 0) return splice(text, member.keyStart, object.members[1]!.keyStart, '');
  return splice(text, object.members[index - 1]!.valueEnd, member.valueEnd, '');
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

// ---- file system ----

/** Writes through a symlink (as Docker does) rather than replacing the link with a file. */
async function resolveTarget(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    // A link to a file that does not exist yet: write the file it names, keep the link.
    const target = await readlink(file).catch(() => undefined);
    return target === undefined ? file : path.resolve(path.dirname(file), target);
  }
}

/** Temp file in the same directory, then rename: a concurrent reader sees the old or the new file. */
async function writeAtomic(file: string, text: string, mode: number): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    try {
      await handle.writeFile(text, 'utf8');
      await handle.chmod(mode); // the umask may have narrowed it
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new Error(`cannot write Helm registry config ${file}: ${describeError(error)}`, { cause: error });
  }
}

async function missingDirs(dir: string): Promise<string[]> {
  const missing: string[] = [];
  for (let current = dir; ; current = path.dirname(current)) {
    try {
      await stat(current);
      return missing;
    } catch (error) {
      if (errorCode(error) !== 'ENOENT' || path.dirname(current) === current) return missing;
      missing.push(current);
    }
  }
}

function errorCode(error: unknown): string | undefined {
  return error && typeof error === 'object' && 'code' in error ? String(error.code) : undefined;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
