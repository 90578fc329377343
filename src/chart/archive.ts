// Charts that are already packaged (a .tgz from `helm package`): pushed as they are, so their
// bytes and file time are kept; their metadata is read the way `helm push` reads it. Archives
// stream through once, hashed on the way; only the files the loader reads are held.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ChartError, isFsError } from './errors.js';
import { MAX_FILE_BYTES } from './limits.js';
import { loadChartArchive, loaderReads } from './loader.js';
import type { PackagedChart } from './package.js';
import { isDirectoryEntry, scanTarGz, TarFormatError, TarReader, type EntrySink } from './tar-read.js';

/**
 * Reads a chart archive: its metadata from the Chart.yaml inside (checked strictly, as for a
 * chart folder), its digest and size, and the file's mtime (Helm 3.17+ stamps the OCI manifest's
 * creation time with it). `fileName` is the file's own name, which a provenance file refers to.
 */
export async function readChartArchive(path: string): Promise<PackagedChart & { mtime: Date }> {
  let mtime: Date;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ChartError(`${path} is not a file; give a chart archive (.tgz) made by "helm package"`);
    mtime = info.mtime;
  } catch (error) {
    throw readError(error, path);
  }
  const hash = createHash('sha256');
  let size = 0;
  async function* hashed(): AsyncGenerator<Buffer> {
    for await (const chunk of createReadStream(path)) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  }
  let chart;
  try {
    // Pushed as it is, so it must hold only what `helm package` writes.
    chart = await loadChartArchive(hashed(), path, { strict: true, asPackaged: true }, loaderReads);
  } catch (error) {
    throw readError(error, path);
  }
  return { metadata: chart.metadata, fileName: basename(path), path, digest: `sha256:${hash.digest('hex')}`, size, mtime };
}

function readError(error: unknown, path: string): unknown {
  if (error instanceof ChartError || !isFsError(error)) return error;
  if (error.code === 'ENOENT') return new ChartError(`chart archive ${path} does not exist`, { cause: error });
  return new ChartError(`chart archive ${path} cannot be read (${error.message})`, { cause: error });
}

/**
 * The files of a chart archive by path without the top folder, each with the SHA-256 of its bytes
 * as stored: two archives hold the same chart files when these maps are equal. The archive
 * streams through; nothing is held.
 */
export async function archiveFileDigests(source: Buffer | AsyncIterable<Uint8Array>): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  await eachArchiveFile(source, (path) => {
    const hash = createHash('sha256');
    return { data: (chunk) => void hash.update(chunk), end: () => void digests.set(path, hash.digest('hex')) };
  });
  return digests;
}

interface FileSink {
  data: EntrySink;
  end(): void;
}

async function eachArchiveFile(source: Buffer | AsyncIterable<Uint8Array>, onFile: (path: string) => FileSink): Promise<void> {
  let open: FileSink | undefined;
  const reader = new TarReader((entry) => {
    open?.end();
    open = undefined;
    if (isDirectoryEntry(entry)) return undefined;
    if (entry.size > MAX_FILE_BYTES) throw new TarFormatError(`${entry.path} is ${entry.size} bytes; Helm refuses chart files over 5 MiB`);
    const slash = entry.path.indexOf('/');
    open = onFile(slash >= 0 ? entry.path.slice(slash + 1) : entry.path);
    return open.data;
  });
  try {
    await scanTarGz(source, reader);
  } catch (error) {
    if (error instanceof TarFormatError) throw new ChartError(`not a chart archive: ${error.message}`, { cause: error });
    throw error;
  }
  open?.end();
}
