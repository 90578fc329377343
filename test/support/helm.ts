// Real Helm binaries (fetched by scripts/setup-test-deps.mjs) run in an isolated home, so tests
// never read or write the developer's ~/.config/helm, ~/.cache/helm or ~/.docker.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestRegistry } from './registry.js';
import { makeTempDir, removeDir } from './tmp.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Helm version → path of its binary under .cache/helm. */
export const HELM_VERSIONS = {
  '3.16.1': join(repoRoot, '.cache', 'helm', '3.16.1', 'helm'),
  '3.18.0': join(repoRoot, '.cache', 'helm', '3.18.0', 'helm'),
  '4.1.4': join(repoRoot, '.cache', 'helm', '4.1.4', 'helm'),
} as const;

export type HelmVersion = keyof typeof HELM_VERSIONS;

/** Every Helm version the tests cover, oldest first. */
export const ALL_HELM_VERSIONS = Object.keys(HELM_VERSIONS) as HelmVersion[];

/** The binary for `version`; throws with the fix if it has not been fetched. */
export function helmBinary(version: HelmVersion): string {
  const path = HELM_VERSIONS[version];
  if (!path) throw new Error(`unknown Helm version ${version}; known: ${ALL_HELM_VERSIONS.join(', ')}`);
  if (!existsSync(path)) throw new Error(`Helm ${version} is missing at ${path}: run node scripts/setup-test-deps.mjs`);
  return path;
}

/** An isolated set of Helm (and Docker) config/cache/data dirs; `env` points Helm at them. */
export interface HelmHome {
  dir: string;
  /** Where `helm registry login` writes credentials. */
  registryConfig: string;
  env: Record<string, string>;
  remove(): Promise<void>;
}

/** Creates a fresh Helm home in a temp dir; call `remove()` when done. */
export async function helmHome(): Promise<HelmHome> {
  const dir = await makeTempDir('helm-home-');
  const paths = {
    HOME: dir,
    HELM_CONFIG_HOME: join(dir, 'config'),
    HELM_CACHE_HOME: join(dir, 'cache'),
    HELM_DATA_HOME: join(dir, 'data'),
    DOCKER_CONFIG: join(dir, 'docker'),
  };
  await Promise.all(Object.values(paths).map((p) => mkdir(p, { recursive: true })));
  const registryConfig = join(paths.HELM_CONFIG_HOME, 'registry', 'config.json');
  return {
    dir,
    registryConfig,
    env: {
      ...paths,
      HELM_REGISTRY_CONFIG: registryConfig,
      HELM_REPOSITORY_CONFIG: join(paths.HELM_CONFIG_HOME, 'repositories.yaml'),
      HELM_REPOSITORY_CACHE: join(paths.HELM_CACHE_HOME, 'repository'),
    },
    remove: () => removeDir(dir),
  };
}

export interface HelmResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunHelmOptions {
  /** Extra environment (e.g. HTTPS_PROXY); wins over the isolated home's variables. */
  env?: Record<string, string>;
  cwd?: string;
  /** Helm home to use; without one a temporary home is made and removed. */
  home?: HelmHome;
  /** Written to stdin (e.g. the password for `--password-stdin`). */
  input?: string;
  timeoutMs?: number;
}

/**
 * Runs Helm without a shell and never throws for a non-zero exit. The environment is only PATH,
 * TMPDIR and the Helm home: proxy and registry variables of the calling process do not leak in.
 */
export async function runHelm(version: HelmVersion, args: string[], options: RunHelmOptions = {}): Promise<HelmResult> {
  const binary = helmBinary(version);
  const home = options.home ?? (await helmHome());
  try {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
      ...home.env,
      ...options.env,
    };
    return await new Promise<HelmResult>((resolve, reject) => {
      const child = execFile(
        binary,
        args,
        { cwd: options.cwd, env, timeout: options.timeoutMs ?? 60_000, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' },
        (error, stdout, stderr) => {
          if (error && typeof error.code !== 'number' && !error.killed) {
            reject(new Error(`could not run ${binary}: ${error.message}`, { cause: error }));
            return;
          }
          const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
          resolve({ code, stdout, stderr: error?.killed ? `${stderr}\n(helm killed: ${error.signal ?? 'timeout'})` : stderr });
        },
      );
      // Helm may exit without reading stdin; a broken pipe then is not an error (and must not crash the test process).
      child.stdin?.on('error', () => {});
      child.stdin?.end(options.input ?? '');
    });
  } finally {
    if (!options.home) await home.remove();
  }
}

// Values after password flags are masked in error messages.
function describeArgs(args: string[]): string {
  return args
    .map((arg, i) => (/^--?p(assword)?$/.test(args[i - 1] ?? '') ? '***' : arg.replace(/^(--password=).*/, '$1***')))
    .join(' ');
}

/** Like `runHelm`, but throws (with stdout and stderr) unless Helm exits 0. */
export async function helmOk(version: HelmVersion, args: string[], options: RunHelmOptions = {}): Promise<HelmResult> {
  const result = await runHelm(version, args, options);
  if (result.code !== 0) {
    throw new Error(`helm ${version} ${describeArgs(args)} exited ${result.code}\nstderr: ${result.stderr}\nstdout: ${result.stdout}`);
  }
  return result;
}

/**
 * The connection flags Helm needs for a test registry: `--plain-http` for plain HTTP, the CA
 * (and client certificate for mutual TLS) otherwise. `login` matters because Helm 3.16's
 * `registry login` has no `--plain-http` (it, like all of Helm 3.16, always speaks plain HTTP to
 * loopback hosts, which is also why Helm 3.16 cannot reach a TLS registry on 127.0.0.1).
 */
export function helmRegistryFlags(
  version: HelmVersion,
  registry: Pick<TestRegistry, 'tls' | 'caFile' | 'clientCertFile' | 'clientKeyFile'>,
  options: { login?: boolean } = {},
): string[] {
  if (registry.tls === 'none') return version === '3.16.1' && options.login ? [] : ['--plain-http'];
  if (version === '3.16.1') throw new Error('Helm 3.16 always uses plain HTTP for loopback registries; test TLS with Helm 3.18 or 4.x');
  const flags = ['--ca-file', registry.caFile!];
  if (registry.tls === 'mutual') flags.push('--cert-file', registry.clientCertFile!, '--key-file', registry.clientKeyFile!);
  return flags;
}
