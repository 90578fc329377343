// The orchestration: chart sources → packaged artifacts (all checked before any network traffic)
// → concurrent pushes → one result per chart. A failed chart never stops the others.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import {
  archiveFiles,
  configJson,
  packageChart,
  readChartArchive,
  type ChartMetadata,
  type PackagedChart,
} from './chart/index.js';
import {
  buildHelmManifest,
  helmAnnotations,
  pushChart,
  repositoryFor,
  tagForVersion,
  type RegistryClient,
} from './oci/index.js';
import type { ChartSource } from './chart-sources.js';
import { mapConcurrent } from './concurrency.js';
import { describeError } from './errors.js';
import type { ActionConfig } from './inputs.js';

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
  status: ChartStatus;
  error?: string;
}

interface Blob {
  data: Buffer;
  digest: string;
  size: number;
}

export interface PreparedChart {
  source: ChartSource;
  packaged: PackagedChart;
  repository: string;
  tag: string;
  config: Blob;
  chart: Blob;
  manifest: { body: Buffer; digest: string };
}

export interface PublishLog {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
}

export class PreparationError extends Error {
  override name = 'PreparationError';
}

function blob(data: Buffer): Blob {
  return { data, size: data.length, digest: `sha256:${createHash('sha256').update(data).digest('hex')}` };
}

/** Packages or reads every chart and builds its manifest; throws one error listing every bad chart. */
export async function prepareCharts(sources: ChartSource[], config: ActionConfig, created: Date): Promise<PreparedChart[]> {
  if (config.version && sources.length > 1) {
    throw new PreparationError(`input "version" applies to a single chart, but "chart" selected ${sources.length}: ${sources.map((s) => s.path).join(', ')}. Publish them in separate steps or drop "version"`);
  }
  const settled = await Promise.allSettled(sources.map((source) => prepareOne(source, config, created)));
  const problems = settled.flatMap((s, i) => (s.status === 'rejected' ? [`${sources[i]!.path}: ${describeError(s.reason)}`] : []));
  if (problems.length > 0) throw new PreparationError(problems.join('\n'));
  const prepared = settled.map((s) => (s as PromiseFulfilledResult<PreparedChart>).value);
  rejectDuplicateTargets(prepared);
  return prepared;
}

async function prepareOne(source: ChartSource, config: ActionConfig, created: Date): Promise<PreparedChart> {
  const packaged = source.kind === 'directory'
    ? await packageChart(source.path, { version: config.version, appVersion: config.appVersion, mtime: created })
    : await readArchive(source.path, config);
  const meta = packaged.metadata;
  const repository = repositoryFor(config.registry, meta.name);
  const tag = tagForVersion(meta.version);
  const configBlob = blob(Buffer.from(configJson(meta)));
  const chartBlob: Blob = { data: packaged.data, digest: packaged.digest, size: packaged.size };
  const manifest = buildHelmManifest({
    config: configBlob,
    chart: chartBlob,
    annotations: helmAnnotations(meta, created),
  });
  return { source, packaged, repository, tag, config: configBlob, chart: chartBlob, manifest };
}

async function readArchive(path: string, config: ActionConfig): Promise<PackagedChart> {
  if (config.version || config.appVersion) {
    throw new PreparationError(`${basename(path)} is an already packaged chart, pushed as it is: "version" and "app-version" cannot change it. Pass the chart directory instead, or set the version when running helm package`);
  }
  return readChartArchive(path);
}

function rejectDuplicateTargets(prepared: PreparedChart[]): void {
  const seen = new Map<string, string>();
  for (const p of prepared) {
    const target = `${p.repository}:${p.tag}`;
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
    if (config.dryRun || !client) {
      log.info(`${base.repository}:${chart.tag}: dry run, would push ${chart.manifest.digest}`);
      return { ...base, digest: chart.manifest.digest, ref: `${base.url}@${chart.manifest.digest}`, pushed: false, status: 'dry-run' };
    }
    try {
      const outcome = await pushChart(
        client,
        { repository: chart.repository, tag: chart.tag, config: chart.config, chart: chart.chart, manifest: chart.manifest },
        { ifExists: config.ifExists, sameChartFiles: (remote) => sameChartFiles(chart.chart.data, remote) },
      );
      if (outcome.warning) log.warning(`${base.repository}:${chart.tag}: ${outcome.warning}`);
      log.info(`${base.repository}:${chart.tag}: ${outcome.status} ${outcome.digest}`);
      return { ...base, digest: outcome.digest, ref: `${base.url}@${outcome.digest}`, pushed: outcome.status === 'pushed', status: outcome.status };
    } catch (error) {
      const message = describeError(error);
      log.warning(`${base.repository}:${chart.tag}: ${message}`);
      return { ...base, digest: '', ref: '', pushed: false, status: 'failed', error: message };
    }
  });
}

function describeTarget(chart: PreparedChart, config: ActionConfig): Omit<ChartResult, 'digest' | 'ref' | 'pushed' | 'status'> {
  const meta: ChartMetadata = chart.packaged.metadata;
  const repository = `${config.registry.host}/${chart.repository}`;
  return { source: chart.source.path, name: meta.name, version: meta.version, tag: chart.tag, repository, url: `oci://${repository}` };
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
