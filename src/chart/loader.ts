// Helm's LoadFiles / LoadArchive: sorts a chart's files into Chart.yaml, lock, values, schema,
// templates, other files and subcharts, and loads each subchart (a folder or a .tgz under
// charts/) the same way, recursively. What Helm refuses is refused here, as a ChartError.
import { posix } from 'node:path';
import { PackagedEntries } from './archive-entries.js';
import { ChartError, readingYaml } from './errors.js';
import { GoMap, loadAllGoYaml } from './go/yaml-load.js';
import { MAX_CHART_BYTES, MAX_FILE_BYTES } from './limits.js';
import { lockFileText } from './lock.js';
import { decodeMetadataYaml, validateMetadata, type ChartMetadata, type RawMetadata } from './metadata.js';
import { isDirectoryEntry, scanTarGz, TarFormatError, TarReader, type TarEntryInfo } from './tar-read.js';
import { stripBom, type ChartFile } from './walk.js';

export interface LoadedChart {
  metadata: ChartMetadata;
  /** Chart.lock as Helm re-writes it (v2 charts only). */
  lock?: string;
  values?: Buffer;
  schema?: Buffer;
  templates: ChartFile[];
  /** Everything else, in load order (crds/, README, .helmignore, charts/*.prov, …). */
  files: ChartFile[];
  subcharts: LoadedChart[];
  /** Where the chart came from, for messages. */
  where: string;
}

interface LoadOptions {
  /** Strict Chart.yaml rules (the chart being published); subcharts are always lenient. */
  strict: boolean;
  /**
   * The archive is pushed as it is: refuse every entry `helm package` never writes (see
   * archive-entries.ts), in it and in the subchart archives it holds.
   */
  asPackaged?: boolean;
}

const READ_BY_LOADER = new Set(['Chart.yaml', 'Chart.lock', 'values.yaml', 'values.schema.json', 'requirements.yaml', 'requirements.lock']);

/**
 * Whether loadChartFiles reads this file's content (the rest it only sorts and passes on):
 * Chart.yaml, lock, values and schema of the chart and of every folder subchart, and whatever
 * lies directly in charts/ (packaged subcharts).
 */
export function loaderReads(name: string): boolean {
  if (READ_BY_LOADER.has(name)) return true;
  if (!name.startsWith('charts/')) return false;
  const inCharts = name.slice('charts/'.length);
  const slash = inCharts.indexOf('/');
  return slash < 0 || loaderReads(inCharts.slice(slash + 1));
}

/** LoadFiles: builds a chart from its files (paths relative to the chart). */
export async function loadChartFiles(files: ChartFile[], where: string, options: LoadOptions): Promise<LoadedChart> {
  let raw: RawMetadata | undefined;
  for (const f of files) {
    if (f.name === 'Chart.yaml') raw = decodeMetadataYaml((await f.read()).toString('utf8'), `${where}/Chart.yaml`, raw ?? {});
  }
  const apiVersion = () => (typeof raw?.apiVersion === 'string' && raw.apiVersion !== '' ? raw.apiVersion : 'v1');

  const chart: Omit<LoadedChart, 'metadata'> = { templates: [], files: [], subcharts: [], where };
  let lockSource: ChartFile | undefined;
  const subchartFiles = new Map<string, ChartFile[]>();
  for (const f of files) {
    switch (f.name) {
      case 'Chart.yaml':
        continue;
      case 'Chart.lock':
        lockSource = f;
        continue;
      case 'values.yaml':
        chart.values = await f.read();
        checkValues(chart.values, `${where}/values.yaml`);
        continue;
      case 'values.schema.json':
        chart.schema = await f.read();
        continue;
      case 'requirements.yaml':
        // Helm 2 style dependencies: read into the metadata; only a v1 chart keeps the file.
        raw = decodeMetadataYaml((await f.read()).toString('utf8'), `${where}/requirements.yaml`, raw ?? {});
        if (apiVersion() === 'v1') chart.files.push(f);
        continue;
      case 'requirements.lock':
        lockSource = f;
        if (apiVersion() === 'v1') chart.files.push(f);
        continue;
    }
    if (f.name.startsWith('templates/')) {
      chart.templates.push(f);
    } else if (f.name.startsWith('charts/')) {
      // A provenance file under charts/ stays with this chart; the rest belongs to a subchart.
      if (posix.extname(f.name) === '.prov') {
        chart.files.push(f);
        continue;
      }
      const inCharts = f.name.slice('charts/'.length);
      const first = inCharts.split('/', 1)[0]!;
      const group = subchartFiles.get(first) ?? [];
      group.push({ ...f, name: inCharts });
      subchartFiles.set(first, group);
    } else {
      chart.files.push(f);
    }
  }

  if (raw === undefined) throw new ChartError(`${where}: Chart.yaml is missing`);
  const metadata = validateMetadata(raw, `${where}/Chart.yaml`, options);
  if (lockSource && metadata.apiVersion === 'v2') chart.lock = lockFileText((await lockSource.read()).toString('utf8'), `${where}/${lockSource.name}`);
  if (chart.schema) checkSchema(chart.schema, `${where}/values.schema.json`);

  for (const [entry, group] of subchartFiles) {
    // Helm drops charts/ entries whose name starts with "_" or ".".
    if (entry.startsWith('_') || entry.startsWith('.')) continue;
    const subWhere = `${where}/charts/${entry}`;
    if (posix.extname(entry) === '.tgz') {
      const file = group[0]!;
      if (file.name !== entry) throw new ChartError(`${subWhere} is a folder, but a name ending in .tgz must be a packaged chart; rename the folder`);
      chart.subcharts.push(await loadChartArchive(await file.read(), subWhere, { strict: false, asPackaged: options.asPackaged }));
      continue;
    }
    // A folder subchart; a plain file directly in charts/ is not a chart and Helm fails on it.
    const inner = group.filter((f) => f.name.includes('/')).map((f) => ({ ...f, name: f.name.slice(f.name.indexOf('/') + 1) }));
    if (inner.length === 0) {
      throw new ChartError(`${subWhere} is a file in charts/ but not a chart (.tgz); Helm fails on it: remove it, or add "charts/${entry}" to .helmignore`);
    }
    chart.subcharts.push(await loadChartFiles(inner, subWhere, { strict: false, asPackaged: options.asPackaged }));
  }
  return { ...chart, metadata };
}

/** LoadArchive: a packaged chart (.tgz) as a subchart, or to read one back. */
export async function loadChartArchive(source: Buffer | AsyncIterable<Uint8Array>, where: string, options: LoadOptions = { strict: false }, keep?: (name: string) => boolean): Promise<LoadedChart> {
  const entries = options.asPackaged ? new PackagedEntries(where) : undefined;
  const chart = await loadChartFiles(await readArchiveFiles(source, where, { keep, entries }), where, options);
  entries?.checkTopFolder(chart.metadata.name);
  return chart;
}

/**
 * Helm's LoadArchiveFiles: the files of a chart archive with the top folder cut off, after its
 * path-safety and size checks (and `entries`' checks when given); BOMs stripped, folders and
 * extension headers skipped. The archive streams through; only files `keep` selects are held
 * (the others' read() fails).
 */
async function readArchiveFiles(
  source: Buffer | AsyncIterable<Uint8Array>,
  where: string,
  { keep = () => true, entries }: { keep?: (name: string) => boolean; entries?: PackagedEntries } = {},
): Promise<ChartFile[]> {
  const files: ChartFile[] = [];
  let remaining = MAX_CHART_BYTES;
  const onEntry = (entry: TarEntryInfo) => {
    entries?.check(entry);
    if (isDirectoryEntry(entry)) return undefined;
    const name = archiveName(entry.path, where);
    if (entry.size > MAX_FILE_BYTES) throw new ChartError(`${where}: ${entry.path} is ${entry.size} bytes; Helm refuses chart files over 5 MiB`);
    remaining -= entry.size;
    if (remaining <= 0) throw new ChartError(`${where} holds more than ${MAX_CHART_BYTES} bytes of files; Helm refuses to load it`);
    if (!keep(name)) {
      files.push({ name, size: entry.size, read: () => Promise.reject(new Error(`${where}: the content of ${name} was not kept`)) });
      return undefined;
    }
    const chunks: Buffer[] = [];
    files.push({ name, size: entry.size, read: () => Promise.resolve(stripBom(Buffer.concat(chunks))) });
    return (chunk: Buffer) => void chunks.push(Buffer.from(chunk));
  };
  try {
    await scanTarGz(source, new TarReader(onEntry));
  } catch (error) {
    if (error instanceof TarFormatError) throw new ChartError(`${where} is not a chart archive: ${error.message}`, { cause: error });
    throw error;
  }
  if (files.length === 0) throw new ChartError(`${where} is not a chart archive: it holds no files`);
  return files;
}

// An entry's path inside the chart (top folder cut off), refused when it is not safe.
function archiveName(path: string, where: string): string {
  // Archives made on Windows may use backslashes.
  const delimiter = path.includes('\\') ? '\\' : '/';
  const parts = path.split(delimiter);
  let name = parts.slice(1).join('/');
  if (name.startsWith('/')) throw new ChartError(`${where} is not a safe chart archive: ${JSON.stringify(path)} is an absolute path`);
  name = cleanPath(name);
  if (name === '.') throw new ChartError(`${where} is not a chart archive: ${JSON.stringify(path)} is not inside the chart's top folder`);
  if (name.startsWith('..')) throw new ChartError(`${where} is not a safe chart archive: ${JSON.stringify(path)} points outside the chart`);
  if (/^[a-zA-Z]:\//.test(name)) throw new ChartError(`${where} is not a safe chart archive: ${JSON.stringify(path)} is a drive path`);
  if (parts[0] === 'Chart.yaml') throw new ChartError(`${where} is not a chart archive: Chart.yaml must be inside a top folder named after the chart`);
  return name;
}

/** Go's path.Clean for `/`-separated relative paths. */
function cleanPath(path: string): string {
  if (path === '') return '.';
  const cleaned = posix.normalize(path);
  return cleaned.length > 1 && cleaned.endsWith('/') ? cleaned.slice(0, -1) : cleaned;
}

// Helm reads values.yaml into a map (every document of it since Helm 4); a list, a scalar or bad
// YAML stops the chart from loading.
function checkValues(data: Buffer, where: string): void {
  const docs = readingYaml(where, () => loadAllGoYaml(data.toString('utf8')));
  for (const doc of docs) {
    if (doc !== null && !(doc instanceof GoMap)) throw new ChartError(`${where} must be a mapping of values (key: value) at the top level`);
  }
}

function checkSchema(data: Buffer, where: string): void {
  try {
    JSON.parse(data.toString('utf8'));
  } catch (error) {
    throw new ChartError(`${where} is not valid JSON (${(error as Error).message}); Helm refuses to package it`, { cause: error });
  }
}
