// Prepare: each planned chart becomes the artifact Helm would push — directories packaged to a
// file in the temp folder (a few at a time, one source file in memory each), signed when asked,
// and the manifest built. Archives wait on disk and are streamed from there by the push.
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { configJson, writeChartPackage, type PackagedChart } from '../chart/index.js';
import { describeError } from '../errors.js';
import { helmArtifact, type HelmArtifact, type StreamedBlob } from '../oci/index.js';
import type { Signer } from '../signing.js';
import { PLAN_CONCURRENCY, PreparationError, settleAll, type PlannedChart } from './plan.js';

export interface PreparedChart {
  planned: PlannedChart;
  packaged: PackagedChart;
  artifact: HelmArtifact<StreamedBlob>;
  /** The folder the prepare step made for the archive (none for a given .tgz): see discard. */
  scratch?: string;
}

export interface PrepareSettings {
  /** The time stamped on every archive entry and in the manifest. */
  created: Date;
  /** Where packaged archives wait until they are pushed. */
  tempDir: string;
  sign?: Signer;
}

/** Prepares every planned chart; on any failure, removes what it wrote and names every bad chart. */
export async function prepareCharts(planned: PlannedChart[], settings: PrepareSettings): Promise<PreparedChart[]> {
  await mkdir(settings.tempDir, { recursive: true }).catch((error: unknown) => {
    throw new PreparationError(`cannot create ${settings.tempDir} for the packaged charts (${describeError(error)}): check RUNNER_TEMP`);
  });
  const written: PreparedChart[] = [];
  try {
    return await settleAll(planned, PLAN_CONCURRENCY, async (chart) => {
      const prepared = await prepareOne(chart, settings);
      written.push(prepared);
      return prepared;
    });
  } catch (error) {
    await discard(written);
    throw error;
  }
}

/** Removes the archives the prepare step wrote (a given .tgz is never touched); safe to call twice. */
export async function discard(prepared: readonly PreparedChart[]): Promise<void> {
  await Promise.all(prepared.map((p) => (p.scratch ? rm(p.scratch, { recursive: true, force: true }) : undefined)));
}

async function prepareOne(planned: PlannedChart, settings: PrepareSettings): Promise<PreparedChart> {
  const packaged = planned.kind === 'directory' ? await writeChartPackage(planned.chart, { mtime: settings.created, outDir: settings.tempDir }) : planned.archive;
  const scratch = planned.kind === 'directory' ? dirname(packaged.path) : undefined;
  try {
    const config = configJson(planned.metadata);
    const prov = settings.sign ? await settings.sign(config, packaged.fileName, packaged.digest) : planned.kind === 'archive' ? planned.prov : undefined;
    const { path, digest, size } = packaged;
    const artifact = helmArtifact({
      repository: planned.target.repository,
      tag: planned.target.tag,
      config,
      chart: { digest, size, open: () => createReadStream(path) },
      prov,
      meta: planned.metadata,
      created: settings.created,
    });
    return { planned, packaged, artifact, ...(scratch ? { scratch } : {}) };
  } catch (error) {
    if (scratch) await rm(scratch, { recursive: true, force: true });
    throw error;
  }
}
