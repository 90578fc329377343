// Plan: every chart source becomes a planned chart — checked, with one metadata and one target —
// before anything is written or sent. Everything that can refuse a chart refuses it here, and
// one error names every bad chart.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { checkChart, readChartArchive, type ChartMetadata, type CheckedChart, type PackagedChart } from '../chart/index.js';
import { mapConcurrent } from '../concurrency.js';
import { describeError, naming } from '../errors.js';
import type { ActionConfig } from '../inputs.js';
import type { Manifest, RegistryClient } from '../oci/index.js';
import type { ClassicRepository, IndexEntry } from '../sources/index.js';
import type { ChartSource } from './sources.js';
import { targetFor, taggedName, type Target } from './target.js';

interface Planned {
  source: ChartSource;
  metadata: ChartMetadata;
  target: Target;
}

/** A chart directory, loaded and checked: packaged by the prepare step. */
export interface PlannedDirectory extends Planned {
  kind: 'directory';
  chart: CheckedChart;
}

/** A packaged .tgz, read (hashed, metadata), pushed as it is with the .prov beside it if any. */
export interface PlannedArchive extends Planned {
  kind: 'archive';
  archive: PackagedChart;
  prov?: Buffer;
}

/** A version in a classic chart repository: downloaded by the prepare step, pushed byte for byte. */
interface PlannedClassic extends Planned {
  kind: 'classic';
  repository: ClassicRepository;
  entry: IndexEntry;
}

/** A chart in another OCI repository: its manifest copied as it is, same digest. */
export interface PlannedCopy extends Planned {
  kind: 'oci-copy';
  from: { client: RegistryClient; repository: string; manifest: Manifest };
  signed: boolean;
}

export type PlannedChart = PlannedDirectory | PlannedArchive | PlannedClassic | PlannedCopy;

export class PreparationError extends Error {
  override name = 'PreparationError';
}

/** Charts checked at once: each holds one source file in memory at a time. */
export const PLAN_CONCURRENCY = 4;
/** A .prov is a page of text; anything larger is not one. */
const MAX_PROV_BYTES = 1024 * 1024;

export type PlanInputs = Pick<ActionConfig, 'registry' | 'version' | 'appVersion' | 'sign'>;

export async function planCharts(sources: ChartSource[], config: PlanInputs): Promise<Array<PlannedDirectory | PlannedArchive>> {
  if (config.version && sources.length > 1) {
    throw new PreparationError(`input "version" applies to a single chart, but "chart" selected ${sources.length}: ${sources.map((s) => s.path).join(', ')}. Publish them in separate steps or drop "version"`);
  }
  const planned = await settleAll(sources, PLAN_CONCURRENCY, (source) => planOne(source, config));
  rejectDuplicateTargets(planned);
  return planned;
}

async function planOne(source: ChartSource, config: PlanInputs): Promise<PlannedDirectory | PlannedArchive> {
  if (source.kind === 'directory') {
    const chart = await checkChart(source.path, { version: config.version, appVersion: config.appVersion });
    return { kind: 'directory', source, chart, metadata: chart.metadata, target: targetFor(config.registry, chart.metadata.name, chart.metadata.version) };
  }
  const name = basename(source.path);
  if (config.version || config.appVersion) {
    throw new PreparationError(`${name} is an already packaged chart, pushed as it is: "version" and "app-version" cannot change it. Pass the chart directory instead, or set the version when running helm package`);
  }
  const prov = await provenanceBeside(source.path);
  if (config.sign && prov) {
    throw new PreparationError(`${name} already has a signature beside it (${name}.prov), which is pushed with it as helm push does: set "sign: false" to push that one, or remove the .prov file to sign again`);
  }
  const archive = await readChartArchive(source.path);
  const { metadata } = archive;
  return { kind: 'archive', source, archive, metadata, ...(prov ? { prov } : {}), target: targetFor(config.registry, metadata.name, metadata.version) };
}

// `helm push chart.tgz` pushes chart.tgz.prov with it when it is there; so do we.
async function provenanceBeside(path: string): Promise<Buffer | undefined> {
  const provPath = `${path}.prov`;
  if (!existsSync(provPath)) return undefined;
  const { size } = await stat(provPath);
  if (size > MAX_PROV_BYTES) throw new PreparationError(`${basename(provPath)} is ${size} bytes, too large for a Helm provenance file: remove it or put the right file there`);
  return readFile(provPath);
}

export function rejectDuplicateTargets(planned: readonly PlannedChart[]): void {
  const seen = new Map<string, string>();
  for (const chart of planned) {
    const at = taggedName(chart.target);
    const other = seen.get(at);
    if (other) throw new PreparationError(`${other} and ${chart.source.path} are both ${chart.metadata.name} ${chart.metadata.version}: they would overwrite each other at ${at}`);
    seen.set(at, chart.source.path);
  }
}

/**
 * Runs `work` over the sources a few at a time and waits for all of them; one PreparationError
 * names every source that failed.
 */
export async function settleAll<S extends { source: ChartSource } | ChartSource, T>(items: readonly S[], limit: number, work: (item: S) => Promise<T>): Promise<T[]> {
  const settled = await mapConcurrent(items, limit, (item) =>
    work(item).then(
      (value): PromiseSettledResult<T> => ({ status: 'fulfilled', value }),
      (reason: unknown): PromiseSettledResult<T> => ({ status: 'rejected', reason }),
    ),
  );
  const pathOf = (item: S): string => ('source' in item ? item.source.path : item.path);
  const problems = settled.flatMap((s, i) => (s.status === 'rejected' ? [naming(pathOf(items[i]!), describeError(s.reason))] : []));
  if (problems.length > 0) throw new PreparationError(problems.join('\n'));
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}
