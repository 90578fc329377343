// `dependency-update`: runs the real `helm dependency update` for the chart directories that
// declare dependencies, with the registry credentials available to Helm, before packaging.
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseChartYaml } from './chart/index.js';
import type { ChartSource } from './chart-sources.js';
import { dependencyUpdate } from './helm/dependency-update.js';
import { resolveHelm, type HelmTool } from './helm/install.js';
import { helmRegistryConfigPath, planLogin, writeLogin } from './helm/registry-config.js';

export interface DependencyUpdateSettings {
  helmVersion: string;
  helmMirror: string;
  /** Helm registry config holding the login for the target registry (written by `login`), if any. */
  registryConfig?: string;
  /** Credentials for a temporary registry config when `login` wrote none. */
  credentials?: { host: string; username: string; password: string };
  log: (message: string) => void;
}

/** Directories whose Chart.yaml lists dependencies: only these need Helm. */
export async function chartsWithDependencies(sources: ChartSource[]): Promise<string[]> {
  const dirs: string[] = [];
  for (const source of sources) {
    if (source.kind !== 'directory') continue;
    const path = join(source.path, 'Chart.yaml');
    const meta = parseChartYaml(await readFile(path, 'utf8'), path);
    if ((meta.dependencies ?? []).length > 0) dirs.push(source.path);
  }
  return dirs;
}

/** Updates dependencies of `dirs` one after another (Helm's repository cache is not safe to share). */
export async function updateDependencies(dirs: string[], settings: DependencyUpdateSettings): Promise<HelmTool> {
  const helm = await resolveHelm({ version: settings.helmVersion, mirror: settings.helmMirror, log: settings.log });
  const temporary = !settings.registryConfig && settings.credentials ? await temporaryRegistryConfig(settings.credentials) : undefined;
  try {
    for (const dir of dirs) {
      await dependencyUpdate(helm, dir, { registryConfig: settings.registryConfig ?? temporary?.path, log: settings.log });
    }
  } finally {
    await temporary?.remove();
  }
  return helm;
}

// With `login: false` nothing is written for later steps, yet Helm still needs the credentials:
// a private copy of the user's registry config plus our entry, removed right after.
async function temporaryRegistryConfig(credentials: { host: string; username: string; password: string }) {
  const dir = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), 'helm-oci-publish-'));
  const path = join(dir, 'config.json');
  const existing = helmRegistryConfigPath();
  if (existsSync(existing)) await copyFile(existing, path);
  await writeLogin(await planLogin(path, credentials.host), credentials.username, credentials.password);
  return { path, remove: () => rm(dir, { recursive: true, force: true }) };
}
