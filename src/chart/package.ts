// `helm package`, reproducibly: load the chart folder as Helm does, check its dependencies are
// in charts/, and write <name>-<version>.tgz in Helm's entry order with one fixed mtime. The
// archive is made one source file at a time, straight to a file or, when small, in memory.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChartError, isFsError } from './errors.js';
import { MAX_CHART_BYTES } from './limits.js';
import { loadChartFiles, type LoadedChart } from './loader.js';
import { withOverrides, type ChartMetadata } from './metadata.js';
import { chartYamlText } from './metadata-text.js';
import { TarGzOutput, type ArchiveMemory } from './tar-write.js';
import { readChartDirectory } from './walk.js';

interface PackageOptions {
  /** Replaces Chart.yaml's version (must be strict SemVer 2), as `helm package --version`. */
  version?: string;
  /** Replaces Chart.yaml's appVersion, as `helm package --app-version`. */
  appVersion?: string;
  /** The mtime of every entry, e.g. SOURCE_DATE_EPOCH or the commit time. */
  mtime: Date;
  /**
   * Where the archive is written: in a new folder of its own inside this one (default: the OS
   * temp folder). The caller removes it when done (see PackagedChart.path).
   */
  outDir?: string;
}

/** A chart archive on disk: made by packageChart, or given (readChartArchive). */
export interface PackagedChart {
  metadata: ChartMetadata;
  /** `<name>-<version>.tgz`; for a given archive, its own file name. */
  fileName: string;
  /** The .tgz file; packageChart puts it alone in a new folder under `outDir`. */
  path: string;
  /** `sha256:<hex>` of the file */
  digest: string;
  size: number;
}

/** A chart archive small enough to have stayed in memory (see ArchiveMemory). */
export type PackagedInMemory = Omit<PackagedChart, 'path'> & { bytes: Buffer };

interface WriteOptions extends Pick<PackageOptions, 'mtime' | 'outDir'> {
  /** Lets small archives stay in memory instead of a temp file. */
  memory?: ArchiveMemory;
}

/** A chart folder loaded and checked as `helm package` checks it, ready to be written. */
export interface CheckedChart {
  metadata: ChartMetadata;
  dir: string;
  chart: LoadedChart;
}

/**
 * Packages the chart folder `dir` like `helm package`, byte-for-byte reproducibly, into
 * `<outDir>/<new folder>/<name>-<version>.tgz`. Memory holds one chart file at a time.
 */
export async function packageChart(dir: string, opts: PackageOptions): Promise<PackagedChart> {
  return writeChartPackage(await checkChart(dir, opts), opts);
}

/**
 * Everything of packageChart that can refuse a chart (Chart.yaml, .helmignore, size, dependencies),
 * without writing anything: every chart can be checked before any is written or pushed.
 */
export async function checkChart(dir: string, opts: Pick<PackageOptions, 'version' | 'appVersion'>): Promise<CheckedChart> {
  const { files, ignore } = await readChartDirectory(dir);
  if (!files.some((f) => f.name === 'Chart.yaml')) {
    const rule = ignore.ruleIgnoring('Chart.yaml', false);
    throw new ChartError(
      rule
        ? `${dir}: Chart.yaml is excluded by the .helmignore rule ${JSON.stringify(rule)}` +
            (rule.startsWith('!') ? ' (in .helmignore, "!pattern" ignores every path that does not match pattern; it does not re-include)' : '')
        : `${dir} has no Chart.yaml; give the chart's folder`,
    );
  }
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total >= MAX_CHART_BYTES) throw new ChartError(`${dir} holds ${total} bytes of files; Helm refuses to load charts over 100 MiB: add large files to .helmignore`);

  const loaded = await loadChartFiles(files, dir, { strict: true });
  const metadata = withOverrides(loaded.metadata, opts);
  checkDependencies(loaded, metadata);
  return { metadata, dir, chart: { ...loaded, metadata } };
}

/**
 * Writes a checked chart to `<outDir>/<new folder>/<name>-<version>.tgz`, or keeps it in memory
 * when `memory` allows.
 */
export async function writeChartPackage(checked: CheckedChart, opts: WriteOptions & { memory: ArchiveMemory }): Promise<PackagedChart | PackagedInMemory>;
export async function writeChartPackage(checked: CheckedChart, opts: Omit<WriteOptions, 'memory'>): Promise<PackagedChart>;
export async function writeChartPackage(checked: CheckedChart, opts: WriteOptions): Promise<PackagedChart | PackagedInMemory> {
  if (!(opts.mtime instanceof Date) || Number.isNaN(opts.mtime.getTime())) throw new ChartError(`chart ${checked.dir}: the package time is not a valid date`);
  const { metadata, dir, chart } = checked;
  const fileName = `${metadata.name}-${metadata.version}.tgz`;
  const outDir = opts.outDir ?? tmpdir();
  let folder: string | undefined;
  const createFile = async (): Promise<string> => {
    folder = await mkdtemp(join(outDir, 'chart-')).catch((error: unknown) => {
      throw new ChartError(`cannot write the chart archive of ${dir} in ${outDir} (${isFsError(error) ? error.code : (error as Error).message})`, { cause: error });
    });
    return join(folder, fileName);
  };
  const out = new TarGzOutput(opts.mtime, createFile, opts.memory);
  try {
    try {
      await writeChart(out, chart, '', new Set());
    } catch (error) {
      await out.abandon();
      throw error;
    }
    return { metadata, fileName, ...(await out.finish()) };
  } catch (error) {
    if (folder) await rm(folder, { recursive: true, force: true });
    if (isFsError(error)) throw new ChartError(`cannot write the chart archive ${folder ? join(folder, fileName) : fileName} (${error.code}: ${error.message})`, { cause: error });
    throw error;
  }
}

// Helm's CheckDependencies: each Chart.yaml dependency needs a subchart of that chart name
// (the alias does not count), whatever its version.
function checkDependencies(chart: LoadedChart, metadata: ChartMetadata): void {
  const present = new Set(chart.subcharts.map((s) => s.metadata.name));
  const missing = (metadata.dependencies ?? []).map((d) => d.name).filter((name) => !present.has(name));
  if (missing.length === 0) return;
  const list = [...new Set(missing)].map((n) => JSON.stringify(n)).join(', ');
  throw new ChartError(
    `${chart.where}: ${missing.length === 1 ? 'dependency' : 'dependencies'} ${list} ${missing.length === 1 ? 'is' : 'are'} listed in Chart.yaml but missing from charts/; ` +
      'set the action input "dependency-update: true" to run "helm dependency update", or commit the charts/ folder',
  );
}

// Helm's writeTarContents: Chart.yaml, Chart.lock, values.yaml, values.schema.json, templates,
// other files, then each subchart under charts/<its name>/. Helm orders subcharts by Go map
// iteration (random); here they are sorted by name so the archive is reproducible.
async function writeChart(writer: TarGzOutput, chart: LoadedChart, prefix: string, written: Set<string>): Promise<void> {
  const base = `${prefix}${chart.metadata.name}`;
  const add = async (name: string, data: Buffer | (() => Promise<Buffer>)) => {
    const path = `${base}/${name}`;
    if (written.has(path)) throw new ChartError(`${chart.where}: two files would both be packaged as ${path}; rename or remove one`);
    written.add(path);
    await writer.addFile(path, typeof data === 'function' ? await data() : data);
  };
  await add('Chart.yaml', Buffer.from(chartYamlText(chart.metadata), 'utf8'));
  if (chart.lock !== undefined) await add('Chart.lock', Buffer.from(chart.lock, 'utf8'));
  if (chart.values) await add('values.yaml', chart.values);
  if (chart.schema) await add('values.schema.json', chart.schema);
  for (const f of chart.templates) await add(f.name, () => f.read());
  for (const f of chart.files) await add(f.name, () => f.read());
  const subcharts = [...chart.subcharts].sort((a, b) => Buffer.compare(Buffer.from(a.metadata.name), Buffer.from(b.metadata.name)));
  for (let i = 1; i < subcharts.length; i++) {
    if (subcharts[i]!.metadata.name === subcharts[i - 1]!.metadata.name) {
      throw new ChartError(`${chart.where}: ${subcharts[i - 1]!.where} and ${subcharts[i]!.where} are both the chart ${JSON.stringify(subcharts[i]!.metadata.name)}; keep only one in charts/`);
    }
  }
  for (const sub of subcharts) await writeChart(writer, sub, `${base}/charts/`, written);
}
