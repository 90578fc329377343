// Prepare: each planned chart becomes what the push sends. Directories are packaged (a few at a
// time, one source file in memory each), signed when asked, and the manifest built; a classic
// repository's version is downloaded and checked; an OCI copy needs nothing. Small archives wait
// in memory (ARCHIVE_MEMORY); the others wait in the temp folder and are streamed from there.
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ArchiveMemory, configJson, writeChartPackage, type PackagedChart, type PackagedInMemory } from '../chart/index.js';
import { describeError } from '../errors.js';
import { helmArtifact, type Blob, type HelmArtifact, type StreamedBlob } from '../oci/index.js';
import type { Signer } from '../signing.js';
import { classicArtifact, downloadChartVersion } from '../sources/index.js';
import { PLAN_CONCURRENCY, PreparationError, settleAll, type PlannedChart, type PlannedCopy } from './plan.js';

/** A chart archive ready to push as Helm would. */
export interface PreparedArtifact {
  kind: 'artifact';
  planned: PlannedChart;
  packaged: PackagedChart | PackagedInMemory;
  artifact: HelmArtifact<Blob | StreamedBlob>;
  /** The folder the prepare step made for the archive (none for a given .tgz): see discard. */
  scratch?: string;
}

/** A manifest to copy as it is. */
export interface PreparedCopy {
  kind: 'copy';
  planned: PlannedCopy;
}

/** A remote chart that could not be fetched: reported on its own, the others go on. */
interface PreparationFailure {
  kind: 'failed';
  planned: PlannedChart;
  error: string;
}

export type PreparedChart = PreparedArtifact | PreparedCopy | PreparationFailure;

/**
 * Archives of up to 1 MiB stay in memory, 64 MiB of them in all (a `helm create` chart is about
 * 5 KB: 13,000 of them); larger ones, and the rest, go to temp files.
 */
const ARCHIVE_MEMORY = { perArchive: 1024 * 1024, total: 64 * 1024 * 1024 };

export interface PrepareSettings {
  /** The time stamped on every archive entry and in the manifest. */
  created: Date;
  /** Where packaged archives wait until they are pushed. */
  tempDir: string;
  sign?: Signer;
  /** Called with each chart prepared, for progress. */
  onPrepared?: (chart: PreparedChart) => void;
}

/**
 * Prepares every planned chart. A local chart that fails fails the step (after removing what was
 * written, naming every bad chart); a remote one becomes a PreparationFailure.
 */
export async function prepareCharts(planned: readonly PlannedChart[], settings: PrepareSettings): Promise<PreparedChart[]> {
  await mkdir(settings.tempDir, { recursive: true }).catch((error: unknown) => {
    throw new PreparationError(`cannot create ${settings.tempDir} for the packaged charts (${describeError(error)}): check RUNNER_TEMP`);
  });
  const written: PreparedChart[] = [];
  const memory = new ArchiveMemory(ARCHIVE_MEMORY.perArchive, ARCHIVE_MEMORY.total);
  try {
    return await settleAll(planned, PLAN_CONCURRENCY, async (chart) => {
      const prepared = await prepareOne(chart, settings, memory);
      written.push(prepared);
      settings.onPrepared?.(prepared);
      return prepared;
    });
  } catch (error) {
    await discard(written);
    throw error;
  }
}

/** Removes the archives the prepare step wrote (a given .tgz is never touched); safe to call twice. */
export async function discard(prepared: readonly PreparedChart[]): Promise<void> {
  const scratch = prepared.flatMap((p) => (p.kind === 'artifact' && p.scratch ? [p.scratch] : []));
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
}

// A remote chart fails on its own; a local chart's error propagates (collected by settleAll).
async function prepareOne(planned: PlannedChart, settings: PrepareSettings, memory: ArchiveMemory): Promise<PreparedChart> {
  if (planned.kind === 'oci-copy') return { kind: 'copy', planned };
  if (planned.kind !== 'classic') return prepareLocal(planned, settings, memory);
  try {
    const download = await downloadChartVersion(planned.repository, planned.entry, settings.tempDir);
    return { kind: 'artifact', planned, packaged: download.archive, artifact: classicArtifact(download, planned.target.repository, planned.target.tag), scratch: dirname(download.archive.path) };
  } catch (error) {
    return { kind: 'failed', planned, error: describeError(error) };
  }
}

async function prepareLocal(planned: Extract<PlannedChart, { kind: 'directory' | 'archive' }>, settings: PrepareSettings, memory: ArchiveMemory): Promise<PreparedArtifact> {
  const packaged = planned.kind === 'directory' ? await writeChartPackage(planned.chart, { mtime: settings.created, outDir: settings.tempDir, memory }) : planned.archive;
  const scratch = planned.kind === 'directory' && 'path' in packaged ? dirname(packaged.path) : undefined;
  try {
    const config = configJson(planned.metadata);
    const prov = settings.sign ? await settings.sign(config, packaged.fileName, packaged.digest) : planned.kind === 'archive' ? planned.prov : undefined;
    const artifact = helmArtifact({
      repository: planned.target.repository,
      tag: planned.target.tag,
      config,
      chart: 'bytes' in packaged ? packaged.bytes : streamedFile(packaged),
      prov,
      meta: planned.metadata,
      created: settings.created,
    });
    return { kind: 'artifact', planned, packaged, artifact, ...(scratch ? { scratch } : {}) };
  } catch (error) {
    if (scratch) await rm(scratch, { recursive: true, force: true });
    throw error;
  }
}

function streamedFile({ path, digest, size }: PackagedChart): StreamedBlob {
  return { digest, size, open: () => createReadStream(path) };
}
