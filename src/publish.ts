// The orchestration: chart sources → checked charts (before any network traffic) → packaged
// artifacts (while the registry's tokens and tag checks travel) → concurrent pushes → one result per chart. A failed chart never stops the others. Packaged
// charts wait on disk, not in memory, and are streamed from there to the registry.
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';
import {
  archiveFileDigests,
  checkChart,
  configJson,
  readChartArchive,
  writeChartPackage,
  type ChartMetadata,
  type CheckedChart,
  type PackagedChart,
} from './chart/index.js';
import { helmArtifact, pushChart, repositoryFor, tagForVersion, type HelmArtifact, type RegistryClient, type StreamedBlob } from './oci/index.js';
import type { ChartSource } from './chart-sources.js';
import { mapConcurrent } from './concurrency.js';
import { describeError, naming } from './errors.js';
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
  artifact: HelmArtifact<StreamedBlob>;
  /** The folder packageChart made for the archive (none for a given .tgz): see discardPrepared. */
  scratch?: string;
}

export interface PrepareOptions {
  /** Where packaged archives wait until they are pushed: RUNNER_TEMP on a runner, else the OS temp folder. */
  tempDir?: string;
}

/** Charts packaged at once: each holds one source file in memory while the others wait on disk. */
const PACKAGE_CONCURRENCY = 4;

export interface PublishLog {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
}

export class PreparationError extends Error {
  override name = 'PreparationError';
}

/** A chart that passed every check: where it goes, and what is left to write. */
export interface CheckedSource {
  source: ChartSource;
  metadata: ChartMetadata;
  repository: string;
  tag: string;
  /** A chart directory, loaded and checked, to be packaged by prepareCharts. */
  directory?: CheckedChart;
  /** A packaged .tgz, read (hashed, metadata) and pushed as it is. */
  archive?: PackagedChart;
}

/**
 * Everything that can refuse a chart, before anything is written or sent: inputs that do not fit,
 * Chart.yaml, .helmignore, dependencies, a packaged chart's contents, two charts on one tag.
 * Throws one error listing every bad chart.
 */
export async function checkCharts(sources: ChartSource[], config: ActionConfig): Promise<CheckedSource[]> {
  if (config.version && sources.length > 1) {
    throw new PreparationError(`input "version" applies to a single chart, but "chart" selected ${sources.length}: ${sources.map((s) => s.path).join(', ')}. Publish them in separate steps or drop "version"`);
  }
  const checked = await settleAll(sources, (source) => checkOne(source, config));
  rejectDuplicateTargets(checked);
  return checked;
}

async function checkOne(source: ChartSource, config: ActionConfig): Promise<CheckedSource> {
  const directory = source.kind === 'directory' ? await checkChart(source.path, { version: config.version, appVersion: config.appVersion }) : undefined;
  const archive = source.kind === 'archive' ? await readArchive(source.path, config) : undefined;
  const metadata = (directory ?? archive)!.metadata;
  return { source, metadata, repository: repositoryFor(config.registry, metadata.name), tag: tagForVersion(metadata.version), directory, archive };
}

/**
 * Packages the checked chart directories (a few at a time), signs, and builds every manifest. The
 * archives are written under `tempDir`; pushCharts removes each once it is pushed, discardPrepared
 * all of them.
 */
export async function prepareCharts(checked: CheckedSource[], config: ActionConfig, created: Date, sign?: Signer, options: PrepareOptions = {}): Promise<PreparedChart[]> {
  const outDir = options.tempDir ?? (process.env.RUNNER_TEMP || tmpdir());
  await mkdir(outDir, { recursive: true }).catch((error: unknown) => {
    throw new PreparationError(`cannot create ${outDir} for the packaged charts (${describeError(error)})`);
  });
  const written: PreparedChart[] = [];
  try {
    return await settleAll(checked.map((c) => c.source), (_source, i) => prepareOne(checked[i]!, config, created, outDir, sign).then((p) => (written.push(p), p)));
  } catch (error) {
    await discardPrepared(written);
    throw error;
  }
}

// Runs `work` over the sources a few at a time; one error names every source that failed.
async function settleAll<T>(sources: ChartSource[], work: (source: ChartSource, index: number) => Promise<T>): Promise<T[]> {
  const settled = await mapConcurrent(sources, PACKAGE_CONCURRENCY, (source, i) =>
    work(source, i).then(
      (value): PromiseSettledResult<T> => ({ status: 'fulfilled', value }),
      (reason: unknown): PromiseSettledResult<T> => ({ status: 'rejected', reason }),
    ),
  );
  const problems = settled.flatMap((s, i) => (s.status === 'rejected' ? [naming(sources[i]!.path, describeError(s.reason))] : []));
  if (problems.length > 0) throw new PreparationError(problems.join('\n'));
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}

/** Removes the archives prepareCharts wrote (a given .tgz is never touched); safe to call twice. */
export async function discardPrepared(prepared: readonly PreparedChart[]): Promise<void> {
  await Promise.all(prepared.map((p) => (p.scratch ? rm(p.scratch, { recursive: true, force: true }) : undefined)));
}

async function prepareOne(checked: CheckedSource, config: ActionConfig, created: Date, outDir: string, sign?: Signer): Promise<PreparedChart> {
  const { source, metadata: meta } = checked;
  const packaged = checked.directory ? await writeChartPackage(checked.directory, { mtime: created, outDir }) : checked.archive!;
  const scratch = checked.directory ? dirname(packaged.path) : undefined;
  try {
    const config_ = configJson(meta);
    const prov = sign
      ? await sign(config_, packaged.fileName, packaged.digest)
      : source.kind === 'archive' ? await provenanceBeside(source.path) : undefined;
    const { path, digest, size } = packaged;
    const artifact = helmArtifact({
      repository: checked.repository,
      tag: checked.tag,
      config: config_,
      chart: { digest, size, open: () => createReadStream(path) },
      prov,
      meta,
      created,
    });
    return { source, packaged, artifact, ...(scratch ? { scratch } : {}) };
  } catch (error) {
    if (scratch) await rm(scratch, { recursive: true, force: true });
    throw error;
  }
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

function rejectDuplicateTargets(checked: CheckedSource[]): void {
  const seen = new Map<string, string>();
  for (const c of checked) {
    const target = `${c.repository}:${c.tag}`;
    const other = seen.get(target);
    if (other) throw new PreparationError(`${other} and ${c.source.path} are both ${c.metadata.name} ${c.metadata.version}: they would overwrite each other at ${target}`);
    seen.set(target, c.source.path);
  }
}

/**
 * Pushes prepared charts concurrently; every chart gets a result, failures included. Each chart's
 * packaged archive is removed once its push is over.
 */
export async function pushCharts(
  prepared: PreparedChart[],
  client: RegistryClient | undefined,
  config: ActionConfig,
  log: PublishLog,
): Promise<ChartResult[]> {
  return mapConcurrent(prepared, config.concurrency, async (chart) => {
    try {
      return await pushOne(chart, client, config, log);
    } finally {
      await discardPrepared([chart]);
    }
  });
}

async function pushOne(chart: PreparedChart, client: RegistryClient | undefined, config: ActionConfig, log: PublishLog): Promise<ChartResult> {
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
      sameChartFiles: (remote) => sameChartFiles(chart.packaged.path, remote),
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

// Compared by each file's digest, so neither archive is unpacked into memory.
async function sameChartFiles(oursPath: string, theirs: Buffer): Promise<boolean> {
  const [a, b] = await Promise.all([archiveFileDigests(createReadStream(oursPath)), archiveFileDigests(theirs)]);
  if (a.size !== b.size) return false;
  for (const [path, digest] of a) {
    if (b.get(path) !== digest) return false;
  }
  return true;
}
