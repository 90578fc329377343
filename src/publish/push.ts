// Push: prepared charts go to the registry concurrently; every chart gets a result, failures
// included, and a failed chart never stops the others. Each archive is removed once its push is
// over. A copy keeps the source's bytes and digest.
import { archiveFileDigests } from '../chart/index.js';
import { mapConcurrent } from '../concurrency.js';
import { describeError, naming } from '../errors.js';
import { copyArtifact } from '../oci/copy.js';
import { pushChart, type IfExists, type RegistryClient } from '../oci/index.js';
import type { Descriptor } from '../oci/helm-manifest.js';
import type { Secure } from '../supply-chain-step.js';
import { discard, type PreparedArtifact, type PreparedChart, type PreparedCopy } from './prepare.js';
import { chartResult, type ChartResult, type ChartStatus, type SupplyChainFields } from './result.js';
import { taggedName } from './target.js';

export interface PublishLog {
  info: (message: string) => void;
  warning: (message: string) => void;
  debug: (message: string) => void;
}

export interface PushSettings {
  ifExists: IfExists;
  concurrency: number;
  log: PublishLog;
  /** Signs, attests and publishes metadata for each chart in the registry (pushed or unchanged). */
  secure?: Secure;
  /** Called with each result as it comes, for progress. */
  onResult?: (result: ChartResult) => void;
}

interface Outcome {
  status: Exclude<ChartStatus, 'failed' | 'dry-run'>;
  digest: string;
  manifest: Descriptor;
  signed: boolean;
}

export async function pushCharts(prepared: readonly PreparedChart[], registry: RegistryClient, settings: PushSettings): Promise<ChartResult[]> {
  return mapConcurrent(prepared, settings.concurrency, async (chart) => {
    try {
      const result = await pushOne(chart, registry, settings);
      settings.onResult?.(result);
      return result;
    } finally {
      await discard([chart]);
    }
  });
}

/** What a dry run reports: the digest the push would have produced (a copy: the source's). */
export function dryRunResult(chart: PreparedChart, log: PublishLog): ChartResult {
  const { planned } = chart;
  if (chart.kind === 'failed') return failedResult(chart, chart.error, log);
  const digest = chart.kind === 'copy' ? chart.planned.from.manifest.digest : chart.artifact.manifest.digest;
  const signed = chart.kind === 'copy' ? chart.planned.signed : chart.artifact.prov !== undefined;
  log.info(`${taggedName(planned.target)}: dry run, would ${chart.kind === 'copy' ? 'copy' : 'push'} ${digest}`);
  return chartResult(planned.source.label, planned.metadata, planned.target, { status: 'dry-run', digest, signed });
}

function failedResult(chart: PreparedChart, message: string, log: PublishLog): ChartResult {
  const { planned } = chart;
  log.warning(naming(taggedName(planned.target), message));
  return chartResult(planned.source.label, planned.metadata, planned.target, { status: 'failed', digest: '', signed: false, error: message });
}

async function pushOne(chart: PreparedChart, registry: RegistryClient, settings: PushSettings): Promise<ChartResult> {
  if (chart.kind === 'failed') return failedResult(chart, chart.error, settings.log);
  const { planned } = chart;
  const at = taggedName(planned.target);
  let outcome: Outcome;
  try {
    outcome = chart.kind === 'copy' ? await copyOne(chart, registry, settings) : await pushArtifact(chart, registry, settings);
  } catch (error) {
    return failedResult(chart, describeError(error), settings.log);
  }
  settings.log.info(`${at}: ${outcome.status} ${outcome.digest}`);
  // `signed` describes what the outputs point to: the registry's copy when it was kept.
  const pushed = chartResult(planned.source.label, planned.metadata, planned.target, outcome);
  if (!settings.secure || outcome.status === 'skipped') return pushed;
  try {
    const done = await settings.secure(registry, { registryHost: registry.host, repository: planned.target.repository, manifest: outcome.manifest, unchanged: outcome.status === 'unchanged' });
    return { ...pushed, ...supplyChainFields(done) };
  } catch (error) {
    // The chart is in the registry: the result says so, with what did succeed, and fails the step.
    const message = describeError(error);
    settings.log.warning(naming(at, message));
    const done = (error as { done?: Parameters<typeof supplyChainFields>[0] }).done ?? {};
    return { ...pushed, ...supplyChainFields(done), error: message };
  }
}

async function pushArtifact(chart: PreparedArtifact, registry: RegistryClient, { ifExists, log }: PushSettings): Promise<Outcome> {
  const outcome = await pushChart(registry, chart.artifact, {
    ifExists,
    sameChartFiles: (remote) => sameChartFiles('open' in chart.artifact.chart ? chart.artifact.chart.open() : chart.artifact.chart.data, remote),
  });
  if (outcome.warning) log.warning(`${taggedName(chart.planned.target)}: ${outcome.warning}`);
  return outcome;
}

async function copyOne(chart: PreparedCopy, registry: RegistryClient, { ifExists, log }: PushSettings): Promise<Outcome> {
  const { from, target, signed } = chart.planned;
  const copied = await copyArtifact({ client: from.client, repository: from.repository, manifest: from.manifest }, { client: registry, repository: target.repository, tag: target.tag }, { ifExists });
  for (const warning of copied.warnings) log.warning(`${taggedName(target)}: ${warning}`);
  if (copied.status !== 'skipped' && copied.digest !== from.manifest.digest) {
    throw new Error(`the copy has digest ${copied.digest}, not the source's ${from.manifest.digest}`);
  }
  const manifest = { mediaType: from.manifest.mediaType, digest: from.manifest.digest, size: from.manifest.size };
  return { status: copied.status, digest: copied.digest, manifest, signed };
}

function supplyChainFields(done: SupplyChainFields & { artifactHubDigest?: string }): SupplyChainFields {
  const { artifactHubDigest: _metadata, ...fields } = done;
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

// Compared by each file's digest, so neither archive is unpacked into memory.
async function sameChartFiles(ours: Buffer | AsyncIterable<Uint8Array>, theirs: Buffer): Promise<boolean> {
  const [a, b] = await Promise.all([archiveFileDigests(ours), archiveFileDigests(theirs)]);
  if (a.size !== b.size) return false;
  for (const [path, digest] of a) {
    if (b.get(path) !== digest) return false;
  }
  return true;
}
