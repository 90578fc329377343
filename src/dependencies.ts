// `dependency-update`: runs the real `helm dependency update` for the chart directories that
// declare dependencies, with the registry credentials available to Helm, before packaging.
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { parseChartYaml } from './chart/index.js';
import type { ChartSource } from './publish/index.js';
import { dependencyUpdate, dependencyUpdateFlags } from './helm/dependency-update.js';
import { resolveHelm, type HelmTool } from './helm/install.js';
import { helmRegistryConfigPath, planLogin, writeLogin } from './helm/registry-config.js';
import type { TlsFiles } from './inputs.js';

export interface DependencyUpdateSettings {
  helmVersion: string;
  helmMirror: string;
  /** Credentials for the target registry, given to Helm in a temporary registry config. */
  credentials?: { host: string; username: string; password: string };
  plainHttp: boolean;
  insecureSkipTlsVerify: boolean;
  tlsFiles: TlsFiles;
  log: (message: string) => void;
  warning: (message: string) => void;
}

/** Directories whose Chart.yaml lists dependencies: only these need Helm. */
export async function chartsWithDependencies(sources: ChartSource[]): Promise<string[]> {
  const dirs: string[] = [];
  for (const source of sources) {
    if (source.kind !== 'directory') continue;
    const path = join(source.path, 'Chart.yaml');
    const meta = parseChartYaml(await readFile(path, 'utf8'), path);
    // apiVersion v1 charts list their dependencies in requirements.yaml.
    const v1Requirements = meta.apiVersion === 'v1' && existsSync(join(source.path, 'requirements.yaml'));
    if ((meta.dependencies ?? []).length > 0 || v1Requirements) dirs.push(source.path);
  }
  return dirs;
}

/** Updates dependencies of `dirs` one after another (Helm's repository cache is not safe to share). */
export async function updateDependencies(dirs: string[], settings: DependencyUpdateSettings): Promise<HelmTool> {
  const helm = await resolveHelm({ version: settings.helmVersion, mirror: settings.helmMirror, log: settings.log });
  const scratch = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), 'helm-oci-publish-'));
  try {
    const registryConfig = settings.credentials ? await temporaryRegistryConfig(scratch, settings.credentials) : undefined;
    const args = await tlsFlags(helm, settings);
    const env = settings.tlsFiles.caFile ? { SSL_CERT_FILE: await trustBundle(scratch, settings.tlsFiles.caFile) } : undefined;
    for (const dir of dirs) await dependencyUpdate(helm, dir, { registryConfig, args, env, log: settings.log });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return helm;
}

// The registry's TLS settings, for Helm versions that take them on `dependency update` (3.17+).
async function tlsFlags(helm: HelmTool, settings: DependencyUpdateSettings): Promise<string[]> {
  const wanted: Array<[string, string?]> = [];
  if (settings.plainHttp) wanted.push(['--plain-http']);
  if (settings.insecureSkipTlsVerify) wanted.push(['--insecure-skip-tls-verify']);
  if (settings.tlsFiles.certFile && settings.tlsFiles.keyFile) wanted.push(['--cert-file', settings.tlsFiles.certFile], ['--key-file', settings.tlsFiles.keyFile]);
  if (wanted.length === 0) return [];
  const supported = await dependencyUpdateFlags(helm);
  const args: string[] = [];
  for (const [flag, value] of wanted) {
    if (supported.has(flag)) args.push(flag, ...(value ? [value] : []));
    else settings.warning(`Helm ${helm.version} has no ${flag} for dependency update: set helm-version to 3.17.0 or newer if dependencies live in this registry`);
  }
  return args;
}

// Helm's --ca-file would replace the system roots for every repository, public ones included;
// a bundle of the system roots plus ca-file, given as SSL_CERT_FILE, adds to them instead.
async function trustBundle(dir: string, caFile: string): Promise<string> {
  const system = [process.env.SSL_CERT_FILE, '/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/cert.pem']
    .filter((p): p is string => Boolean(p))
    .find((p) => existsSync(p));
  const roots = system ? readFileSync(system, 'utf8') : rootCertificates.join('\n');
  const path = join(dir, 'ca-bundle.pem');
  await writeFile(path, `${roots.trimEnd()}\n${readFileSync(caFile, 'utf8')}`, { mode: 0o600 });
  return path;
}

// Helm needs the credentials before the registry has accepted them: a private copy of the user's
// registry config plus our entry, removed right after.
async function temporaryRegistryConfig(dir: string, credentials: { host: string; username: string; password: string }): Promise<string> {
  const path = join(dir, 'config.json');
  const existing = helmRegistryConfigPath();
  if (existsSync(existing)) await copyFile(existing, path);
  await writeLogin(await planLogin(path, credentials.host), credentials.username, credentials.password);
  return path;
}
