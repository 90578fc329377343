// `helm package`, reproducibly: load the chart folder as Helm does, check its dependencies are
// in charts/, and write <name>-<version>.tgz in Helm's entry order with one fixed mtime.
import { createHash } from 'node:crypto';
import { ChartError } from './errors.js';
import { loadChartFiles, MAX_CHART_BYTES, type LoadedChart } from './loader.js';
import { chartYamlText, withOverrides, type ChartMetadata } from './metadata.js';
import { DeterministicTarGz } from './tar-write.js';
import { readChartDirectory } from './walk.js';

export interface PackageOptions {
  /** Replaces Chart.yaml's version (must be strict SemVer 2), as `helm package --version`. */
  version?: string;
  /** Replaces Chart.yaml's appVersion, as `helm package --app-version`. */
  appVersion?: string;
  /** The mtime of every entry, e.g. SOURCE_DATE_EPOCH or the commit time. */
  mtime: Date;
}

export interface PackagedChart {
  metadata: ChartMetadata;
  /** `<name>-<version>.tgz` */
  fileName: string;
  data: Buffer;
  /** `sha256:<hex>` of `data` */
  digest: string;
  size: number;
}

/** Packages the chart folder `dir` like `helm package`, byte-for-byte reproducibly. */
export async function packageChart(dir: string, opts: PackageOptions): Promise<PackagedChart> {
  if (!(opts.mtime instanceof Date) || Number.isNaN(opts.mtime.getTime())) throw new ChartError(`chart ${dir}: the package time is not a valid date`);
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
  const total = files.reduce((sum, f) => sum + f.data.length, 0);
  if (total >= MAX_CHART_BYTES) throw new ChartError(`${dir} holds ${total} bytes of files; Helm refuses to load charts over 100 MiB: add large files to .helmignore`);

  const loaded = loadChartFiles(files, dir, { strict: true });
  const metadata = withOverrides(loaded.metadata, opts);
  checkDependencies(loaded, metadata);
  const chart = { ...loaded, metadata };
  const writer = new DeterministicTarGz(opts.mtime);
  writeChart(writer, chart, '', new Set());
  const data = writer.finish();
  return {
    metadata,
    fileName: `${metadata.name}-${metadata.version}.tgz`,
    data,
    digest: `sha256:${createHash('sha256').update(data).digest('hex')}`,
    size: data.length,
  };
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
function writeChart(writer: DeterministicTarGz, chart: LoadedChart, prefix: string, written: Set<string>): void {
  const base = `${prefix}${chart.metadata.name}`;
  const add = (name: string, data: Buffer) => {
    const path = `${base}/${name}`;
    if (written.has(path)) throw new ChartError(`${chart.where}: two files would both be packaged as ${path}; rename or remove one`);
    written.add(path);
    writer.addFile(path, data);
  };
  add('Chart.yaml', Buffer.from(chartYamlText(chart.metadata), 'utf8'));
  if (chart.lock !== undefined) add('Chart.lock', Buffer.from(chart.lock, 'utf8'));
  if (chart.values) add('values.yaml', chart.values);
  if (chart.schema) add('values.schema.json', chart.schema);
  for (const f of chart.templates) add(f.name, f.data);
  for (const f of chart.files) add(f.name, f.data);
  const subcharts = [...chart.subcharts].sort((a, b) => Buffer.compare(Buffer.from(a.metadata.name), Buffer.from(b.metadata.name)));
  for (let i = 1; i < subcharts.length; i++) {
    if (subcharts[i]!.metadata.name === subcharts[i - 1]!.metadata.name) {
      throw new ChartError(`${chart.where}: ${subcharts[i - 1]!.where} and ${subcharts[i]!.where} are both the chart ${JSON.stringify(subcharts[i]!.metadata.name)}; keep only one in charts/`);
    }
  }
  for (const sub of subcharts) writeChart(writer, sub, `${base}/charts/`, written);
}
