// Charts that are already packaged (a .tgz from `helm package`): pushed as they are, so their
// bytes and file time are kept; their metadata is read the way `helm push` reads it.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ChartError, isFsError } from './errors.js';
import { loadChartArchive, MAX_CHART_BYTES } from './loader.js';
import type { PackagedChart } from './package.js';
import { gunzip, readTarEntries, TarFormatError } from './tar-read.js';

/**
 * Reads a chart archive: its bytes unchanged, its metadata from the Chart.yaml inside (checked
 * strictly, as for a chart folder), and the file's mtime (Helm 3.17+ stamps the OCI manifest's
 * creation time with it). `fileName` is the file's own name, which a provenance file refers to.
 */
export async function readChartArchive(path: string): Promise<PackagedChart & { mtime: Date }> {
  let data: Buffer;
  let mtime: Date;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ChartError(`${path} is not a file; give a chart archive (.tgz) made by "helm package"`);
    mtime = info.mtime;
    data = await readFile(path);
  } catch (error) {
    if (error instanceof ChartError) throw error;
    if (isFsError(error) && error.code === 'ENOENT') throw new ChartError(`chart archive ${path} does not exist`, { cause: error });
    throw new ChartError(`chart archive ${path} cannot be read (${(error as Error).message})`, { cause: error });
  }
  const chart = loadChartArchive(data, path, { strict: true });
  return {
    metadata: chart.metadata,
    fileName: basename(path),
    data,
    digest: `sha256:${createHash('sha256').update(data).digest('hex')}`,
    size: data.length,
    mtime,
  };
}

/**
 * The files of a chart archive by path without the top folder, bytes as stored (no BOM
 * stripping), for checking that two archives hold the same chart files.
 */
export async function archiveFiles(data: Buffer): Promise<Map<string, Buffer>> {
  let entries;
  try {
    entries = readTarEntries(gunzip(data, MAX_CHART_BYTES + 64 * 1024 * 1024));
  } catch (error) {
    if (error instanceof TarFormatError) throw new ChartError(`not a chart archive: ${error.message}`, { cause: error });
    throw error;
  }
  const files = new Map<string, Buffer>();
  for (const entry of entries) {
    if (entry.type === 'Directory' || (entry.mode & 0o170000) === 0o040000) continue;
    const slash = entry.path.indexOf('/');
    files.set(slash >= 0 ? entry.path.slice(slash + 1) : entry.path, entry.data);
  }
  return files;
}
