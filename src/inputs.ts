// Every action input becomes one typed, validated config here; all input errors come from this file.
// Parsing takes a getter instead of reading @actions/core so it can be tested without a runner.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isStrictSemver } from './chart/index.js';
import { normalizeMirror, parseHelmVersion } from './helm/version.js';
import { parseRegistryUrl, urlUserInfo, type IfExists, type RegistryTarget, type TlsOptions } from './oci/index.js';
import { checkSourceInputs, parseSourceLine, type RemoteSource, type SourceSettings } from './sources/index.js';

/** Inputs whose values are masked before any input is parsed or printed. */
export const SECRET_INPUTS = ['password', 'source-password', 'signing-key', 'signing-passphrase', 'github-token'] as const;

export interface ActionConfig {
  /** Local chart lines: directories, .tgz files, globs, `!` exclusions. */
  chartPatterns: string[];
  /** Chart lines naming a classic chart repository or an OCI reference, with their inputs. */
  remoteSources: RemoteSource[];
  sourceSettings: SourceSettings;
  registry: RegistryTarget;
  username: string;
  password: string;
  version?: string;
  appVersion?: string;
  ifExists: IfExists;
  dryRun: boolean;
  plainHttp: boolean;
  /** TLS settings for every request, token realms included (PEM contents, not paths). */
  tls: TlsOptions;
  /** The same settings as paths, for the helm binary (dependency-update). */
  tlsFiles: TlsFiles;
  login: boolean;
  logout: boolean;
  /** Also write the credentials to Docker's config.json (`docker-login`). */
  dockerLogin: boolean;
  sign: boolean;
  signingKey: string;
  signingPassphrase: string;
  dependencyUpdate: boolean;
  helmVersion: string;
  helmMirror: string;
  concurrency: number;
  /** The whole step's bound. */
  timeoutMs: number;
  /** How long one request is retried while the registry answers 429/5xx or cannot be reached. */
  retryTimeoutMs: number;
  /** Keyless signing, provenance and Artifact Hub metadata: checked by the supply-chain module. */
  supplyChain: SupplyChainSettings;
}

export interface SupplyChainSettings {
  sigstoreSign: boolean;
  attest: boolean;
  sigstore: string;
  fulcioUrl: string;
  rekorUrl: string;
  tsaUrl: string;
  sigstoreFormat: string;
  /** Sign and attest an unchanged chart again. */
  resign: boolean;
  githubToken: string;
  /** Absolute path of artifacthub-repo.yml, or ''. */
  artifacthubRepo: string;
}

export interface TlsFiles {
  caFile?: string;
  certFile?: string;
  keyFile?: string;
}

export class InputError extends Error {
  override name = 'InputError';
}

export type InputGetter = (name: string) => string;

export function parseInputs(get: InputGetter): ActionConfig {
  const chartLines = lines(get('chart'));
  if (chartLines.length === 0) chartLines.push('.');
  const remoteSources: RemoteSource[] = [];
  const chartPatterns: string[] = [];
  for (const line of chartLines) {
    const remote = parseSourceLine(line);
    if (remote) remoteSources.push(remote);
    else chartPatterns.push(line);
  }

  const registryInput = get('registry').trim();
  if (!registryInput) {
    throw new InputError('input "registry" is required: set it to oci://host[/namespace], for example oci://ghcr.io/${{ github.repository_owner }}/charts');
  }
  if (urlUserInfo(registryInput) !== undefined) {
    // The value is not echoed: what precedes the @ may be a password.
    throw new InputError('input "registry" holds credentials before an "@": put the user name in "username" and the password or token in "password" (from a secret), and write the registry as oci://host[/namespace]');
  }
  const registry = parseRegistryUrl(registryInput);

  const username = get('username').trim();
  const password = get('password');
  if (username && !password) {
    throw new InputError(`input "username" is set but "password" is empty: pass the registry password or token (for example \${{ secrets.REGISTRY_TOKEN }}), or leave both empty for anonymous access`);
  }
  if (password && !username) {
    throw new InputError('input "password" is set but "username" is empty: registries need a user name with a token too (for GHCR use ${{ github.actor }})');
  }

  const version = optionalVersion(get('version'));
  const appVersion = get('app-version').trim() || undefined;

  const plainHttp = bool('plain-http', get('plain-http'), false);
  const { tls, tlsFiles } = tlsInputs(get, plainHttp);

  const sign = bool('sign', get('sign'), false);
  const signingKey = get('signing-key').trim();
  if (sign && !signingKey) {
    throw new InputError('input "sign" is true but "signing-key" is empty: pass an ASCII-armored OpenPGP secret key from a secret (gpg --armor --export-secret-keys <key id>), for example ${{ secrets.HELM_SIGNING_KEY }}');
  }

  const sourceSettings = checkSourceInputs({
    sources: remoteSources,
    sourceCharts: lines(get('source-charts')),
    sourceVersions: get('source-versions'),
    sourceUsername: get('source-username'),
    sourcePassword: get('source-password'),
    plainHttp,
    registryHost: registry.host,
    version,
    appVersion,
    sign,
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
    ifExists: oneOf('if-exists', get('if-exists'), ['fail', 'skip', 'overwrite'] as const, 'fail'),
    dryRun: bool('dry-run', get('dry-run'), false),
    plainHttp,
    tls,
    tlsFiles,
    login: bool('login', get('login'), true),
    logout: bool('logout', get('logout'), true),
    dockerLogin: bool('docker-login', get('docker-login'), false),
    sign,
    signingKey,
    signingPassphrase: get('signing-passphrase'),
    dependencyUpdate: bool('dependency-update', get('dependency-update'), false),
    helmVersion: checked(() => get('helm-version').trim() && parseHelmVersion(get('helm-version'))),
    helmMirror: checked(() => normalizeMirror(get('helm-mirror'))),
    concurrency: positiveInt('concurrency', get('concurrency'), 8),
    timeoutMs: parseDuration('timeout', get('timeout'), 30 * 60_000),
    retryTimeoutMs: parseDuration('retry-timeout', get('retry-timeout'), 60_000),
    supplyChain: {
      sigstoreSign: bool('sigstore-sign', get('sigstore-sign'), false),
      attest: bool('attest', get('attest'), false),
      sigstore: get('sigstore').trim(),
      fulcioUrl: get('fulcio-url').trim(),
      rekorUrl: get('rekor-url').trim(),
      tsaUrl: get('tsa-url').trim(),
      sigstoreFormat: get('sigstore-format').trim(),
      resign: bool('sigstore-resign', get('sigstore-resign'), false),
      githubToken: get('github-token').trim(),
      artifacthubRepo: get('artifacthub-repo').trim() ? resolve(get('artifacthub-repo').trim()) : '',
    },
  };
}

function tlsInputs(get: InputGetter, plainHttp: boolean): { tls: TlsOptions; tlsFiles: TlsFiles } {
  const insecureSkipTlsVerify = bool('insecure-skip-tls-verify', get('insecure-skip-tls-verify'), false);
  const caFile = get('ca-file').trim();
  const certFile = get('cert-file').trim();
  const keyFile = get('key-file').trim();
  const set = [
    insecureSkipTlsVerify && 'insecure-skip-tls-verify',
    caFile && 'ca-file',
    certFile && 'cert-file',
    keyFile && 'key-file',
  ].filter(Boolean);
  if (plainHttp && set.length > 0) {
    throw new InputError(`"plain-http" talks HTTP, which has no TLS, so ${set.map((n) => `"${n}"`).join(' and ')} cannot apply: drop ${set.length === 1 ? 'it' : 'them'} or "plain-http"`);
  }
  if (insecureSkipTlsVerify && caFile) {
    throw new InputError('"insecure-skip-tls-verify" accepts any server certificate, so "ca-file" would be ignored: keep "ca-file" (safer) and drop "insecure-skip-tls-verify"');
  }
  if (Boolean(certFile) !== Boolean(keyFile)) {
    throw new InputError(`mutual TLS needs both "cert-file" and "key-file", but only "${certFile ? 'cert-file' : 'key-file'}" is set`);
  }
  const tls: TlsOptions = {
    insecureSkipTlsVerify,
    ca: caFile ? pemFile('ca-file', caFile, 'CERTIFICATE') : undefined,
    cert: certFile ? pemFile('cert-file', certFile, 'CERTIFICATE') : undefined,
    key: keyFile ? pemFile('key-file', keyFile, 'PRIVATE KEY') : undefined,
  };
  const absolute = (path: string) => (path ? resolve(path) : undefined);
  return { tls, tlsFiles: { caFile: absolute(caFile), certFile: absolute(certFile), keyFile: absolute(keyFile) } };
}

function pemFile(input: string, path: string, kind: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`input "${input}" names ${path}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): write the PEM file in an earlier step and pass its path`);
  }
  if (!new RegExp(`-----BEGIN [A-Z ]*${kind}-----`).test(text)) {
    throw new InputError(`input "${input}" names ${path}, which holds no PEM ${kind.toLowerCase()} ("-----BEGIN ... ${kind}-----")`);
  }
  return text;
}

// Validators shared with the Helm installer throw plain Errors; here they become input errors.
function checked<T>(validate: () => T): T {
  try {
    return validate();
  } catch (error) {
    throw new InputError(error instanceof Error ? error.message : String(error));
  }
}

function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

// A leading `v` is stripped so a tag like `v1.2.3` can be passed straight from github.ref_name.
function optionalVersion(raw: string): string | undefined {
  const value = raw.trim();
  if (!value) return undefined;
  const bare = /^v\d/.test(value) ? value.slice(1) : value;
  if (!isStrictSemver(bare)) {
    throw new InputError(`input "version" is "${value}", which is not a SemVer 2 version: use MAJOR.MINOR.PATCH with optional -prerelease and +build, for example 1.4.0 or 1.4.0-rc.1+sha.5114f85`);
  }
  return bare;
}

function bool(name: string, raw: string, fallback: boolean): boolean {
  const value = raw.trim();
  if (!value) return fallback;
  if (/^(true|True|TRUE)$/.test(value)) return true;
  if (/^(false|False|FALSE)$/.test(value)) return false;
  throw new InputError(`input "${name}" is "${value}": use true or false`);
}

function oneOf<T extends string>(name: string, raw: string, allowed: readonly T[], fallback: T): T {
  const value = raw.trim();
  if (!value) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`input "${name}" is "${value}": use one of ${allowed.join(', ')}`);
}

function positiveInt(name: string, raw: string, fallback: number): number {
  const value = raw.trim();
  if (!value) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 64) {
    throw new InputError(`input "${name}" is "${value}": use a whole number from 1 to 64`);
  }
  return Number(value);
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3600_000 };

const DURATION_BOUNDS: Record<string, { min: number; max: number }> = {
  timeout: { min: 10_000, max: 6 * 3600_000 },
  'retry-timeout': { min: 0, max: 30 * 60_000 },
};

/** `90s`, `10m`, `1h`, `1h30m` (a bare number is seconds) as milliseconds, within the input's bounds. */
export function parseDuration(name: keyof typeof DURATION_BOUNDS, raw: string, fallback: number): number {
  const bounds = DURATION_BOUNDS[name]!;
  const value = raw.trim();
  if (!value) return fallback;
  const bare = /^\d+$/.test(value) ? `${value}s` : value;
  const parts = [...bare.matchAll(/(\d+)(ms|s|m|h)/g)];
  const total = parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * DURATION_UNITS[unit!]!, 0);
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== bare || total < bounds.min || total > bounds.max) {
    throw new InputError(`input "${name}" is "${value}": use a duration such as 90s, 10m or 1h30m, from ${formatDuration(bounds.min)} to ${formatDuration(bounds.max)}`);
  }
  return total;
}

function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms % 3600_000 === 0) return `${ms / 3600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${ms / 1000}s`;
}
