// The credentials files later steps read (Helm's registry config; Docker's config.json, which
// cosign, crane, oras, skopeo and docker read): where they live, writing a login entry into one,
// and putting back exactly what was there before. Both share one format and one implementation.
// Plain functions, no @actions imports: the caller saves the LoginRecord to state before writing,
// and masks secrets.
import { mkdir, rmdir, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describeError } from '../errors.js';
import { missingDirs, readConfig, resolveTarget, writeAtomic } from './config-file.js';
import { RegistryConfigError } from './errors.js';
import { entryText, isEmpty, parseConfig, removeEntry, restoreEntry, setEntry, type ConfigDoc } from './registry-config-text.js';

/** Which credentials file: Helm's registry config or Docker's config.json. */
export type ConfigKind = 'helm' | 'docker';

const LABELS: Record<ConfigKind, string> = { helm: 'Helm registry config', docker: 'Docker config' };
const label = (kind: ConfigKind, file: string): string => `${LABELS[kind]} ${file}`;

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
    throw new RegistryConfigError(`cannot locate Helm's registry config: ${missing} is not set (set HELM_REGISTRY_CONFIG)`);
  }
  return p.join(base, 'helm', 'registry', 'config.json');
}

/** Docker's config.json, as docker and the tools built on its config package find it. */
export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = env.HOME || os.homedir()): string {
  const p = platform === 'win32' ? path.win32 : path.posix;
  if (env.DOCKER_CONFIG) return p.join(env.DOCKER_CONFIG, 'config.json');
  if (!home) throw new RegistryConfigError('cannot locate Docker\'s config.json: HOME is not set (set DOCKER_CONFIG)');
  return p.join(home, '.docker', 'config.json');
}

/** The key Helm (oras-go) and `docker login` file a registry's credentials under in `auths`. */
export function registryConfigKey(host: string): string {
  if (!/^[^\s/\\]+$/.test(host) || host.includes('@')) {
    throw new RegistryConfigError(`registry login needs a bare host[:port] (no scheme, path or user), got ${JSON.stringify(host)}`);
  }
  // Docker Hub lives under Docker's legacy key, as `helm registry login docker.io` writes it.
  if (host === 'docker.io' || host === 'registry-1.docker.io') return 'https://index.docker.io/v1/';
  return host;
}

/** What login found, saved to state before the file is touched so the post step can undo it. */
export interface LoginRecord {
  kind: ConfigKind;
  /** Absolute path of the credentials file. */
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
  if (!username || !password) throw new RegistryConfigError('registry login needs both a username and a password');
  // Basic auth splits at the first colon, so a colon in the username could never round-trip.
  if (username.includes(':')) throw new RegistryConfigError('registry login: the username must not contain ":"');
  return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}

/** Reads the current state of the file and the host's entry; changes nothing. */
export async function planLogin(configPath: string, host: string, kind: ConfigKind = 'helm'): Promise<LoginRecord> {
  const file = path.resolve(configPath);
  const key = registryConfigKey(host);
  const text = await readConfig(file, label(kind, file));
  if (text === undefined) {
    return { kind, path: file, host, fileExisted: false, hadAuths: false, hadEntry: false, createdDirs: await missingDirs(path.dirname(file)) };
  }
  const doc = parseConfig(text, label(kind, file));
  const previousEntry = entryText(doc, key, label(kind, file));
  return {
    kind,
    path: file,
    host,
    fileExisted: true,
    fileMode: (await stat(file)).mode & 0o777,
    hadAuths: doc.auths !== undefined,
    hadEntry: previousEntry !== undefined,
    ...(previousEntry !== undefined ? { previousEntry } : {}),
    createdDirs: [],
  };
}

/**
 * Writes the host's entry (replacing any entry for it, as `helm registry login` and `docker login`
 * do). Returns warnings, e.g. when a credential helper in the file will make tools ignore the entry.
 */
export async function writeLogin(record: LoginRecord, username: string, password: string): Promise<string[]> {
  const key = registryConfigKey(record.host);
  const entry = { auth: authValue(username, password) };
  const target = await resolveTarget(record.path);
  const where = label(record.kind, target);
  const text = await readConfig(target, where);
  const warnings: string[] = [];
  let next: string;
  if (text === undefined) {
    // A new file looks exactly like the one Helm or Docker would write.
    next = JSON.stringify({ auths: { [key]: entry } }, null, '\t');
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  } else {
    const doc = parseConfig(text, where);
    warnings.push(...helperWarnings(doc, key, record.kind, target));
    next = setEntry(doc, key, entry);
  }
  await writeAtomic(target, next, 0o600, where);
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
  const where = label(record.kind, target);
  const text = await readConfig(target, where);
  if (text === undefined) {
    return record.fileExisted ? [`${record.path} was removed after login; nothing to restore for ${record.host}`] : [];
  }
  let doc: ConfigDoc;
  try {
    doc = parseConfig(text, where);
  } catch (error) {
    return [`${describeError(error)}; the login entry for ${record.host} may still be in it`];
  }

  const next =
    record.hadEntry && record.previousEntry !== undefined
      ? restoreEntry(doc, key, record.previousEntry, where)
      : removeEntry(doc, key, !record.hadAuths, where);

  // A file login created and nothing else uses any more goes away, with the directories made for it.
  if (!record.fileExisted && isEmpty(parseConfig(next, where))) {
    await unlink(target);
    for (const dir of record.createdDirs) {
      // Stops at the first directory something else has put files in.
      if (!(await rmdir(dir).then(() => true, () => false))) break;
    }
    return [];
  }
  if (next !== text) await writeAtomic(target, next, record.fileExisted ? (record.fileMode ?? 0o600) : 0o600, where);
  return [];
}

// Helm and Docker send a host to a credential helper instead of reading `auths` when the file
// names one for that host (credHelpers) or for all hosts (credsStore); they fail if it is missing.
function helperWarnings({ value: config }: ConfigDoc, key: string, kind: ConfigKind, file: string): string[] {
  const helpers = config.credHelpers;
  const forHost = helpers && typeof helpers === 'object' ? (helpers as Record<string, unknown>)[key] : undefined;
  const [helper, field] =
    typeof forHost === 'string' && forHost !== ''
      ? [forHost, 'credHelpers']
      : typeof config.credsStore === 'string' && config.credsStore !== ''
        ? [config.credsStore, 'credsStore']
        : [];
  if (!helper) return [];
  const readers = kind === 'helm' ? 'helm commands' : 'docker, cosign, crane, oras and skopeo';
  return [
    `${file} names the credential helper docker-credential-${helper} (${field}) for ${key}: ` +
      `later ${readers} ask that helper, not the login written here, and fail if it is not installed`,
  ];
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
    (r.kind === 'helm' || r.kind === 'docker') &&
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
