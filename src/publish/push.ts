// Push: prepared charts go to the registry concurrently; every chart gets a result, failures
// included, and a failed chart never stops the others. Each archive is removed once its push is over.
import { createReadStream } from 'node:fs';
import { archiveFileDigests } from '../chart/index.js';
import { mapConcurrent } from '../concurrency.js';
import { describeError, naming } from '../errors.js';
import { pushChart, type IfExists, type RegistryClient } from '../oci/index.js';
import type { Secure } from '../supply-chain-step.js';
import { discard, type PreparedChart } from './prepare.js';
import { chartResult, type ChartResult, type SupplyChainFields } from './result.js';
import { taggedName } from './target.js';

export interface PublishLog {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
}

export interface PushSettings {
  ifExists: IfExists;
  concurrency: number;
  log: PublishLog;
  /** Signs, attests and publishes metadata for each chart in the registry (pushed or unchanged). */
  secure?: Secure;
}

export async function pushCharts(prepared: PreparedChart[], registry: RegistryClient, settings: PushSettings): Promise<ChartResult[]> {
  return mapConcurrent(prepared, settings.concurrency, async (chart) => {
    try {
      return await pushOne(chart, registry, settings);
    } finally {
      await discard([chart]);
    }
  });
}

/** What a dry run reports: the digest the push would have produced. */
export function dryRunResult(chart: PreparedChart, log: PublishLog): ChartResult {
  const { planned, artifact } = chart;
  log.info(`${taggedName(planned.target)}: dry run, would push ${artifact.manifest.digest}`);
  return chartResult(planned.source.label, planned.metadata, planned.target, { status: 'dry-run', digest: artifact.manifest.digest, signed: artifact.prov !== undefined });
}

async function pushOne(chart: PreparedChart, registry: RegistryClient, { ifExists, log, secure }: PushSettings): Promise<ChartResult> {
  const { planned, artifact } = chart;
  const at = taggedName(planned.target);
  const result = (outcome: Parameters<typeof chartResult>[3]) => chartResult(planned.source.label, planned.metadata, planned.target, outcome);
  try {
    const outcome = await pushChart(registry, artifact, {
      ifExists,
      sameChartFiles: (remote) => sameChartFiles(chart.packaged.path, remote),
    });
    if (outcome.warning) log.warning(`${at}: ${outcome.warning}`);
    log.info(`${at}: ${outcome.status} ${outcome.digest}`);
    // `signed` describes what the outputs point to: the registry's copy when it was kept.
    const pushed = result({ status: outcome.status, digest: outcome.digest, signed: outcome.signed });
    if (!secure || outcome.status === 'skipped') return pushed;
    try {
      const done = await secure(registry, { registryHost: registry.host, repository: planned.target.repository, manifest: outcome.manifest, unchanged: outcome.status === 'unchanged' });
      return { ...pushed, ...supplyChainFields(done) };
    } catch (error) {
      // The chart is in the registry: the result says so, with what did succeed, and fails the step.
      const message = describeError(error);
      log.warning(naming(at, message));
      const done = (error as { done?: Parameters<typeof supplyChainFields>[0] }).done ?? {};
      return { ...pushed, ...supplyChainFields(done), error: message };
    }
  } catch (error) {
    const message = describeError(error);
    log.warning(naming(at, message));
    return result({ status: 'failed', digest: '', signed: false, error: message });
  }
}

function supplyChainFields(done: SupplyChainFields & { artifactHubDigest?: string }): SupplyChainFields {
  const { artifactHubDigest: _metadata, ...fields } = done;
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

// Compared by each file's digest, so neither archive is unpacked into memory.
async function sameChartFiles(oursPath: string, theirs: Buffer): Promise<boolean> {
  const [a, b] = await Promise.all([archiveFileDigests(createReadStream(oursPath)), archiveFileDigests(theirs)]);
  if (a.size !== b.size) return false;
  for (const [path, digest] of a) {
    if (b.get(path) !== digest) return false;
  }
  return true;
}
