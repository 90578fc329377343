// Migration from a classic chart repository: read its index.yaml, and download each selected
// version once into its own temp folder, checked against the index digest and read like a packaged
// .tgz, with its .prov when the repository has one. Each version fails on its own.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { configJson, readChartArchive, type PackagedChart } from '../chart/index.js';
import { helmArtifact, type HelmArtifact, type StreamedBlob } from '../oci/index.js';
import { displayUrl, SourceError } from './errors.js';
import { RepoHttp, type RepoHttpOptions } from './repo-http.js';
import { parseRepoIndex, selectVersions, type IndexEntry, type RepoIndex, type SelectOptions, type Selection } from './repo-index.js';
import type { ClassicRepoSource } from './spec.js';

export interface ClassicRepositoryOptions extends RepoHttpOptions {
  /** index.yaml larger than this is refused (default 64 MiB). */
  maxIndexBytes?: number;
}

export interface ClassicRepository {
  source: ClassicRepoSource;
  index: RepoIndex;
  http: RepoHttp;
  select(options: SelectOptions): Selection;
}

export interface DownloadedChart {
  entry: IndexEntry;
  /** Where the .tgz came from (after resolving a relative URL). */
  url: URL;
  /** The .tgz on disk, alone in a temp folder (see discardDownload), with the metadata read from it. */
  archive: PackagedChart & { mtime: Date };
  /** The repository's `<url>.prov`, when it has one. */
  prov?: Buffer;
  /** Something the user should hear about (e.g. no digest in index.yaml to check against). */
  warning?: string;
}

const DEFAULT_MAX_INDEX_BYTES = 64 * 1024 * 1024;
/** Helm refuses charts that unpack to more than 100 MiB; the archive is smaller still. */
const MAX_ARCHIVE_BYTES = 100 * 1024 * 1024;
const MAX_PROV_BYTES = 1024 * 1024;

/** Reads the repository's index.yaml (bounded in size and YAML complexity). */
export async function openClassicRepository(source: ClassicRepoSource, options: ClassicRepositoryOptions): Promise<ClassicRepository> {
  const http = new RepoHttp(source.indexUrl, options);
  const where = displayUrl(source.indexUrl);
  let body: Buffer;
  try {
    body = (await http.fetch(source.indexUrl, 'read the chart repository index', options.maxIndexBytes ?? DEFAULT_MAX_INDEX_BYTES))!;
  } catch (error) {
    if (!(error instanceof SourceError) || !/ 404 /.test(error.message)) throw error;
    throw new SourceError(`${error.message}: give the URL of the folder that holds index.yaml (as in helm repo add), or of the index.yaml itself`, { cause: error });
  }
  const index = await parseRepoIndex(body.toString('utf8'), where);
  return { source, index, http, select: (selectOptions) => selectVersions(index, selectOptions) };
}

/**
 * Downloads one version into a new folder under `tempDir`: the .tgz streamed to disk and checked
 * against the index digest, its .prov (404 = none), its metadata read from the archive and checked
 * against the index entry. Throws SourceError (or ChartError) for this version only; nothing is
 * left on disk then.
 */
export async function downloadChartVersion(repository: ClassicRepository, entry: IndexEntry, tempDir: string): Promise<DownloadedChart> {
  const what = `${entry.name} ${entry.version}`;
  let url: URL;
  try {
    url = new URL(entry.urls[0]!, repository.source.indexUrl);
  } catch {
    throw new SourceError(`${what}: index.yaml gives "${entry.urls[0]}" as its URL, which is not a valid URL`);
  }
  const dir = await mkdtemp(join(tempDir, 'chart-'));
  try {
    const path = join(dir, `${entry.name}-${entry.version}.tgz`.replace(/[^\w.+-]/g, '_'));
    const got = await repository.http.download(url, path, `download ${what}`, MAX_ARCHIVE_BYTES);
    if (entry.digest && got.digest !== entry.digest) {
      throw new SourceError(`${what}: the archive downloaded from ${displayUrl(url)} has digest ${got.digest}, but index.yaml gives ${entry.digest}; it is not migrated`);
    }
    const prov = await fetchProvenance(repository, url, what, got.digest);
    // The manifest's creation time is the .tgz file's time (as helm push does): the index's
    // `created`, so every run and every machine builds the same manifest.
    if (entry.created) await utimes(path, entry.created, entry.created);
    const archive = await readChartArchive(path);
    const { name, version } = archive.metadata;
    if (name !== entry.name || version !== entry.version) {
      throw new SourceError(`${what}: the archive at ${displayUrl(url)} holds ${name} ${version}, not what index.yaml says; it is not migrated`);
    }
    const warning = entry.digest ? undefined : `${what}: index.yaml gives no digest, so the download could not be checked against it`;
    return { entry, url, archive, ...(prov ? { prov } : {}), ...(warning ? { warning } : {}) };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function fetchProvenance(repository: ClassicRepository, chartUrl: URL, what: string, digest: string): Promise<Buffer | undefined> {
  const url = new URL(chartUrl);
  url.pathname += '.prov';
  const prov = await repository.http.fetch(url, `download the provenance of ${what}`, MAX_PROV_BYTES, true);
  // A .prov that signs another archive would fail `helm verify` after the push: refuse it now.
  if (prov && !prov.toString('utf8').includes(digest)) {
    throw new SourceError(`${what}: ${displayUrl(url)} does not sign the archive beside it (no ${digest} in it); it is not migrated`);
  }
  return prov;
}

/** Removes what downloadChartVersion wrote; safe to call twice. */
export async function discardDownload(download: DownloadedChart): Promise<void> {
  await rm(join(download.archive.path, '..'), { recursive: true, force: true });
}

/** The artifact `helm push` would make of the downloaded .tgz (and .prov), streamed from disk. */
export function classicArtifact(download: DownloadedChart, repository: string, tag: string): HelmArtifact<StreamedBlob> {
  const { archive } = download;
  return helmArtifact({
    repository,
    tag,
    config: configJson(archive.metadata),
    chart: { digest: archive.digest, size: archive.size, open: () => createReadStream(archive.path) },
    prov: download.prov,
    meta: archive.metadata,
    created: archive.mtime,
  });
}
