// The orchestration: chart sources → packaged artifacts (all checked before any network traffic)
// → concurrent pushes → one result per chart. A failed chart never stops the others.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  archiveFiles,
  configJson,
  packageChart,
  readChartArchive,
  type PackagedChart,
} from './chart/index.js';
import { helmArtifact, pushChart, repositoryFor, tagForVersion, type HelmArtifact, type RegistryClient } from './oci/index.js';
import type { ChartSource } from './chart-sources.js';
import { mapConcurrent } from './concurrency.js';
import { describeError } from './errors.js';
import type { ActionConfig } from './inputs.js';
import type { Signer } from './signing.js';

export type ChartStatus = 'pushed' | 'unchanged' | 'skipped' | 'failed' | 'dry-run';

export interface ChartResult {
  source: string;
  name: string;
  version: string;
  tag: string;
  digest: string;
  repository: string;
  url: string;
  ref: string;
  pushed: boolean;
  signed: boolean;
  status: ChartStatus;
  error?: string;
}

export interface PreparedChart {
  source: ChartSource;
  packaged: PackagedChart;
  artifact: HelmArtifact;
}

export interface PublishLog {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
}

export class PreparationError extends Error {
  override name = 'PreparationError';
}

/**
 * Packages (or reads) and signs every chart and builds its manifest; throws one error listing
 * every bad chart, so nothing is pushed when any input is wrong.
 */
export async function prepareCharts(sources: ChartSource[], config: ActionConfig, created: Date, sign?: Signer): Promise<PreparedChart[]> {
  if (config.version && sources.length > 1) {
    throw new PreparationError(`input "version" applies to a single chart, but "chart" selected ${sources.length}: ${sources.map((s) => s.path).join(', ')}. Publish them in separate steps or drop "version"`);
  }
  const settled = await Promise.allSettled(sources.map((source) => prepareOne(source, config, created, sign)));
  const problems = settled.flatMap((s, i) => (s.status === 'rejected' ? [naming(sources[i]!.path, describeError(s.reason))] : []));
  if (problems.length > 0) throw new PreparationError(problems.join('\n'));
  const prepared = settled.map((s) => (s as PromiseFulfilledResult<PreparedChart>).value);
  rejectDuplicateTargets(prepared);
  return prepared;
}

// Chart errors usually name their file already; others get the chart's path in front.
function naming(path: string, message: string): string {
  return message.includes(path) ? message : `${path}: ${message}`;
}

async function prepareOne(source: ChartSource, config: ActionConfig, created: Date, sign?: Signer): Promise<PreparedChart> {
  const packaged = source.kind === 'directory'
    ? await packageChart(source.path, { version: config.version, appVersion: config.appVersion, mtime: created })
    : await readArchive(source.path, config);
  const meta = packaged.metadata;
  const config_ = configJson(meta);
  const prov = sign
    ? await sign(config_, packaged.fileName, packaged.data)
    : source.kind === 'archive' ? await provenanceBeside(source.path) : undefined;
  const artifact = helmArtifact({
    repository: repositoryFor(config.registry, meta.name),
    tag: tagForVersion(meta.version),
    config: config_,
    chart: packaged.data,
    prov,
    meta,
    created,
  });
  return { source, packaged, artifact };
}

async function readArchive(path: string, config: ActionConfig): Promise<PackagedChart> {
  if (config.version || config.appVersion) {
    throw new PreparationError(`${basename(path)} is an already packaged chart, pushed as it is: "version" and "app-version" cannot change it. Pass the chart directory instead, or set the version when running helm package`);
  }
  if (config.sign && existsSync(`${path}.prov`)) {
    throw new PreparationError(`${basename(path)} already has a signature beside it (${basename(path)}.prov), which is pushed with it as helm push does: set "sign: false" to push that one, or remove the .prov file to sign again`);
  }
  return readChartArchive(path);
}

// `helm push chart.tgz` pushes chart.tgz.prov with it when it is there; so do we.
async function provenanceBeside(path: string): Promise<Buffer | undefined> {
  const provPath = `${path}.prov`;
  return existsSync(provPath) ? readFile(provPath) : undefined;
}

function rejectDuplicateTargets(prepared: PreparedChart[]): void {
  const seen = new Map<string, string>();
  for (const p of prepared) {
    const target = `${p.artifact.repository}:${p.artifact.tag}`;
    const other = seen.get(target);
    if (other) throw new PreparationError(`${other} and ${p.source.path} are both ${p.packaged.metadata.name} ${p.packaged.metadata.version}: they would overwrite each other at ${target}`);
    seen.set(target, p.source.path);
  }
}

/** Pushes prepared charts concurrently; every chart gets a result, failures included. */
export async function pushCharts(
  prepared: PreparedChart[],
  client: RegistryClient | undefined,
  config: ActionConfig,
  log: PublishLog,
): Promise<ChartResult[]> {
  return mapConcurrent(prepared, config.concurrency, async (chart) => {
    const base = describeTarget(chart, config);
    const { artifact } = chart;
    const at = `${base.repository}:${artifact.tag}`;
    if (config.dryRun || !client) {
      log.info(`${at}: dry run, would push ${artifact.manifest.digest}`);
      return { ...base, digest: artifact.manifest.digest, ref: `${base.url}@${artifact.manifest.digest}`, pushed: false, status: 'dry-run' };
    }
    try {
      const outcome = await pushChart(client, artifact, {
        ifExists: config.ifExists,
        sameChartFiles: (remote) => sameChartFiles(artifact.chart.data, remote),
      });
      if (outcome.warning) log.warning(`${at}: ${outcome.warning}`);
      log.info(`${at}: ${outcome.status} ${outcome.digest}`);
      // `signed` describes what the outputs point to: the registry's copy when it was kept.
      return { ...base, digest: outcome.digest, ref: `${base.url}@${outcome.digest}`, pushed: outcome.status === 'pushed', signed: outcome.signed, status: outcome.status };
    } catch (error) {
      const message = describeError(error);
      log.warning(naming(at, message));
      return { ...base, digest: '', ref: '', pushed: false, signed: false, status: 'failed', error: message };
    }
  });
}

function describeTarget(chart: PreparedChart, config: ActionConfig): Omit<ChartResult, 'digest' | 'ref' | 'pushed' | 'status'> {
  const meta = chart.packaged.metadata;
  const repository = `${config.registry.host}/${chart.artifact.repository}`;
  return {
    source: chart.source.path,
    name: meta.name,
    version: meta.version,
    tag: chart.artifact.tag,
    repository,
    url: `oci://${repository}`,
    signed: chart.artifact.prov !== undefined,
  };
}

async function sameChartFiles(ours: Buffer, theirs: Buffer): Promise<boolean> {
  const [a, b] = await Promise.all([archiveFiles(ours), archiveFiles(theirs)]);
  if (a.size !== b.size) return false;
  for (const [path, content] of a) {
    const other = b.get(path);
    if (!other || !other.equals(content)) return false;
  }
  return true;
}
