// The publish pipeline: plan (every chart checked, before any request) → prepare (packaged,
// signed, manifest built, while the registry's token and tag checks travel) → push. Whether this
// is a dry run is decided here, once: a dry run never opens a registry client.
import type { ActionConfig } from '../inputs.js';
import { RegistryClient } from '../oci/index.js';
import type { Signer } from '../signing.js';
import type { Secure } from '../supply-chain-step.js';
import { planCharts, type PlannedChart } from './plan.js';
import { discard, prepareCharts, type PreparedChart } from './prepare.js';
import { dryRunResult, pushCharts, type PublishLog } from './push.js';
import type { ChartResult } from './result.js';
import type { ChartSource } from './sources.js';
import { taggedName } from './target.js';

export type { ChartResult, ChartStatus } from './result.js';
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
  phase<T>(title: string, work: () => Promise<T>): Promise<T>;
  /** Called with every secret the registry session learns (tokens), before it could be logged. */
  onSecret(secret: string): void;
  /** Bounds the whole step: in-flight requests stop when it fires. */
  signal?: AbortSignal;
}

export async function publish(sources: ChartSource[], config: ActionConfig, env: PublishEnvironment): Promise<ChartResult[]> {
  const planned = await planCharts(sources, config);
  if (config.dryRun) {
    const prepared = await packageAll(planned, env);
    try {
      return await env.phase('Dry run: nothing is pushed', () => Promise.resolve(prepared.map((chart) => dryRunResult(chart, env.log))));
    } finally {
      await discard(prepared);
    }
  }

  const registry = openRegistry(config, env);
  let prepared: PreparedChart[] = [];
  try {
    // One token for every repository and every tag check travel while the charts are packaged.
    void registry.prepare(planned.map(({ target }) => ({ repository: target.repository, reference: target.tag })));
    prepared = await packageAll(planned, env);
    return await env.phase(`Push to ${config.registry.host}`, () => pushCharts(prepared, registry, { ifExists: config.ifExists, concurrency: config.concurrency, log: env.log, secure: env.secure }));
  } finally {
    await registry.close();
    // Each push removes its archive; this covers an error before it got there.
    await discard(prepared);
  }
}

function packageAll(planned: PlannedChart[], env: PublishEnvironment): Promise<PreparedChart[]> {
  return env.phase(`Package ${plural(planned.length, 'chart')}`, async () => {
    const prepared = await prepareCharts(planned, { created: env.created, tempDir: env.tempDir, sign: env.sign });
    for (const { packaged, artifact, planned: chart } of prepared) {
      env.log.info(`${packaged.fileName}: ${packaged.digest} (${packaged.size} bytes${artifact.prov ? ', signed' : ''}) → ${taggedName(chart.target)}`);
    }
    return prepared;
  });
}

function openRegistry(config: ActionConfig, env: PublishEnvironment): RegistryClient {
  return new RegistryClient({
    host: config.registry.host,
    credentials: config.username ? { username: config.username, password: config.password } : undefined,
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
