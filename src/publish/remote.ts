// Charts from elsewhere, planned like local ones: every selected version of a classic chart
// repository (downloaded later, by the prepare step) and every chart of an OCI source (copied as
// it is by the push step). A source or a version that cannot be read becomes a failed result of
// its own; the others go on.
import type { ChartMetadata } from '../chart/index.js';
import { describeError } from '../errors.js';
import type { ActionConfig } from '../inputs.js';
import { RegistryClient } from '../oci/index.js';
import {
  credentialsForSourceRegistry,
  ociSourceReferences,
  openClassicRepository,
  readOciChart,
  type ClassicRepoSource,
  type ClassicRepositoryOptions,
  type OciSource,
  type RemoteSource,
  type SourceSettings,
} from '../sources/index.js';
import type { PlannedChart } from './plan.js';
import { chartResult, type ChartResult } from './result.js';
import type { ChartSource } from './sources.js';
import { targetFor } from './target.js';

export interface RemotePlan {
  planned: PlannedChart[];
  failed: ChartResult[];
}

export interface RemoteEnvironment {
  /** The destination's client: a source on the same host shares it (blobs are mounted). */
  registry?: RegistryClient;
  /** A client for a source registry on another host; the caller closes it when the step is over. */
  openClient(host: string, credentials: SourceSettings['credentials']): RegistryClient;
  /** HTTP settings for classic repositories: TLS, proxies, retries, the source credentials. */
  repoOptions: ClassicRepositoryOptions;
  warning(message: string): void;
}

export async function planRemote(sources: readonly RemoteSource[], settings: SourceSettings, config: ActionConfig, env: RemoteEnvironment): Promise<RemotePlan> {
  const plan: RemotePlan = { planned: [], failed: [] };
  for (const source of sources) {
    const origin: ChartSource = { kind: source.kind, path: source.line, label: source.line };
    try {
      if (source.kind === 'classic-repo') await planClassic(source, origin, settings, config, env, plan);
      else await planOci(source, origin, settings, config, env, plan);
    } catch (error) {
      plan.failed.push(failedSource(origin, source, config, describeError(error)));
    }
  }
  return plan;
}

async function planClassic(source: ClassicRepoSource, origin: ChartSource, settings: SourceSettings, config: ActionConfig, env: RemoteEnvironment, plan: RemotePlan): Promise<void> {
  const repository = await openClassicRepository(source, env.repoOptions);
  const selection = repository.select({ charts: settings.charts, range: settings.range });
  for (const name of selection.missing) env.warning(`${source.line} has no chart named ${name} (source-charts)`);
  for (const entry of selection.selected) {
    const metadata = { name: entry.name, version: entry.version } as ChartMetadata;
    const label = `${source.line} ${entry.name} ${entry.version}`;
    // A version whose name cannot be a repository fails on its own.
    try {
      plan.planned.push({ kind: 'classic', source: { ...origin, label }, repository, entry, metadata, target: targetFor(config.registry, entry.name, entry.version) });
    } catch (error) {
      plan.failed.push(failed(label, metadata, config, describeError(error)));
    }
  }
  for (const rejected of selection.rejected) {
    const metadata = { name: rejected.name, version: rejected.version } as ChartMetadata;
    plan.failed.push(failed(`${source.line} ${rejected.name} ${rejected.version}`, metadata, config, rejected.reason));
  }
}

async function planOci(source: OciSource, origin: ChartSource, settings: SourceSettings, config: ActionConfig, env: RemoteEnvironment, plan: RemotePlan): Promise<void> {
  const sameHost = source.host === config.registry.host;
  let client = sameHost ? env.registry : undefined;
  if (!client) {
    const main = config.username ? { username: config.username, password: config.password } : undefined;
    client = env.openClient(source.host, credentialsForSourceRegistry(source.host, config.registry.host, main, settings.credentials));
  }
  const references = await ociSourceReferences(client, source, settings.range);
  if (references.length === 0) throw new Error(`${source.line} has no SemVer tag${settings.range ? ` in ${settings.range}` : ''} to promote`);
  for (const reference of references) {
    // A tag that is not a readable chart fails on its own; the other tags go on.
    const at = `oci://${source.host}/${source.repository}${reference.startsWith('sha256:') ? '@' : ':'}${reference}`;
    try {
      const chart = await readOciChart(client, source.repository, reference);
      const metadata = { name: chart.name, version: chart.version } as ChartMetadata;
      const label = `oci://${source.host}/${source.repository}@${chart.manifest.digest}`;
      plan.planned.push({ kind: 'oci-copy', source: { ...origin, label }, from: { client, repository: source.repository, manifest: chart.manifest }, signed: chart.signed, metadata, target: targetFor(config.registry, chart.name, chart.version) });
    } catch (error) {
      plan.failed.push(failed(at, { name: source.repository.split('/').pop()!, version: '' } as ChartMetadata, config, describeError(error)));
    }
  }
}

function failedSource(origin: ChartSource, source: RemoteSource, config: ActionConfig, error: string): ChartResult {
  const name = source.kind === 'oci' ? source.repository.split('/').pop()! : '';
  return failed(origin.label, { name, version: '' } as ChartMetadata, config, error);
}

// A version that was never planned may have a name no repository can take: then the result names
// the registry's namespace.
function failed(label: string, metadata: ChartMetadata, config: ActionConfig, error: string): ChartResult {
  let target = { host: config.registry.host, repository: config.registry.namespace, tag: '' };
  try {
    if (metadata.name && metadata.version) target = targetFor(config.registry, metadata.name, metadata.version);
  } catch {
    // keep the namespace
  }
  return chartResult(label, metadata, target, { status: 'failed', digest: '', signed: false, error });
}
