// The publish pipeline: plan (every local chart checked before any request; remote sources read)
// → prepare (packaged, signed, downloaded, manifest built, while the registry's token and tag
// checks travel) → push (or copy). Whether this is a dry run is decided here, once: a dry run never
// opens a client for the destination.
import type { ActionConfig } from '../inputs.js';
import { RegistryClient } from '../oci/index.js';
import { DEFAULT_RETRY_POLICY } from '../oci/retry.js';
import { Transport } from '../oci/transport.js';
import type { Signer } from '../signing.js';
import type { RemoteSource, SourceSettings } from '../sources/index.js';
import type { Secure } from '../supply-chain-step.js';
import { planCharts, rejectDuplicateTargets, type PlannedChart } from './plan.js';
import { discard, prepareCharts, type PreparedChart } from './prepare.js';
import { progressReporter } from './progress.js';
import { dryRunResult, pushCharts, type PublishLog } from './push.js';
import { planRemote } from './remote.js';
import type { ChartResult } from './result.js';
import type { ChartSource } from './sources.js';
import { taggedName } from './target.js';

export type { ChartResult } from './result.js';
export type { PublishLog } from './push.js';
export { resolveChartSources, type ChartSource } from './sources.js';

export interface PublishEnvironment {
  /** The time stamped on archives and manifests (SOURCE_DATE_EPOCH, the commit time, or now). */
  created: Date;
  /** Where packaged archives wait for their push. */
  tempDir: string;
  sign?: Signer;
  /** Keyless signing, provenance and Artifact Hub metadata for each chart in the registry. */
  secure?: Secure;
  log: PublishLog;
  /** Runs a phase under a heading (a log group on a runner). */
  phase: <T>(title: string, work: () => Promise<T>) => Promise<T>;
  /** Called with every secret the registry sessions learn (tokens), before it could be logged. */
  onSecret: (secret: string) => void;
  /** Bounds the whole step: in-flight requests stop when it fires. */
  signal?: AbortSignal;
}

/** What the `chart` input names: local charts, and remote sources with their settings. */
export interface PublishSources {
  local: ChartSource[];
  remote?: { sources: readonly RemoteSource[]; settings: SourceSettings };
}

export async function publish(sources: PublishSources, config: ActionConfig, env: PublishEnvironment): Promise<ChartResult[]> {
  const local = await planCharts(sources.local, config);
  const registry = config.dryRun ? undefined : openRegistry(config, config.registry.host, config.username ? { username: config.username, password: config.password } : undefined, env);
  const opened: Array<{ close(): Promise<void> }> = registry ? [registry] : [];
  let prepared: PreparedChart[] = [];
  try {
    const remote = sources.remote?.sources.length
      ? await env.phase('Read the chart sources', () => planRemote(sources.remote!.sources, sources.remote!.settings, config, remoteEnvironment(config, sources.remote!.settings, registry, env, opened)))
      : { planned: [], failed: [] };
    const planned: PlannedChart[] = [...local, ...remote.planned];
    rejectDuplicateTargets(planned);
    // One token for every repository and every tag check travel while the charts are packaged.
    if (registry) void registry.prepare(planned.map(({ target }) => ({ repository: target.repository, reference: target.tag })));
    prepared = await packageAll(planned, env);
    const results = registry
      ? await env.phase(`Push to ${config.registry.host}`, async () => {
          const progress = progressReporter(prepared.length, env.log);
          try {
            return await pushCharts(prepared, registry, { ifExists: config.ifExists, concurrency: config.concurrency, log: env.log, secure: env.secure, onResult: progress.add });
          } finally {
            progress.stop();
          }
        })
      : await env.phase('Dry run: nothing is pushed', () => Promise.resolve(prepared.map((chart) => dryRunResult(chart, env.log))));
    return [...results, ...remote.failed];
  } finally {
    await Promise.all(opened.map((client) => client.close()));
    // Each push removes its archive; this covers a dry run and an error before it got there.
    await discard(prepared);
  }
}

function packageAll(planned: PlannedChart[], env: PublishEnvironment): Promise<PreparedChart[]> {
  return env.phase(`Package ${plural(planned.length, 'chart')}`, () =>
    prepareCharts(planned, {
      created: env.created,
      tempDir: env.tempDir,
      sign: env.sign,
      onPrepared: (chart) => {
        if (chart.kind === 'artifact') env.log.info(`${chart.packaged.fileName}: ${chart.packaged.digest} (${chart.packaged.size} bytes${chart.artifact.prov ? ', signed' : ''}) → ${taggedName(chart.planned.target)}`);
      },
    }),
  );
}

function remoteEnvironment(config: ActionConfig, settings: SourceSettings, registry: RegistryClient | undefined, env: PublishEnvironment, opened: Array<{ close(): Promise<void> }>) {
  const transport = new Transport({ plainHttp: config.plainHttp, ...config.tls });
  opened.push(transport);
  return {
    registry,
    openClient: (host: string, credentials: SourceSettings['credentials']) => {
      // A source on another host is only read: its tokens ask for pull alone.
      const client = openRegistry(config, host, credentials, env, 'pull');
      opened.push(client);
      return client;
    },
    repoOptions: { transport, plainHttp: config.plainHttp, credentials: settings.credentials, retry: { ...DEFAULT_RETRY_POLICY, maxElapsedMs: config.retryTimeoutMs }, debug: env.log.debug, onSecret: env.onSecret, signal: env.signal },
    warning: env.log.warning,
  };
}

function openRegistry(config: ActionConfig, host: string, credentials: { username: string; password: string } | undefined, env: PublishEnvironment, access: 'push' | 'pull' = 'push'): RegistryClient {
  return new RegistryClient({
    host,
    access,
    credentials,
    transport: { plainHttp: config.plainHttp, ...config.tls },
    retry: { maxElapsedMs: config.retryTimeoutMs },
    signal: env.signal,
    onSecret: env.onSecret,
    debug: env.log.debug,
  });
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
