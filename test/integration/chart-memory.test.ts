// A legal Chart.yaml with a 4 MiB description (Helm's file limit is 5 MiB) goes through what a
// dry run does in bounded memory and time: the YAML writer, the Go JSON encoder, sanitizing and
// the provenance text all work on whole slices of the text. Built one character at a time, as
// they once were, this took ~30 s and ~530 MB above the starting RSS.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { projectRoot } from '../support/action-runner.js';
import { Cleanup } from '../support/tmp.js';

const MB = 1024 * 1024;
const DESCRIPTION_BYTES = 4 * MB;

const cleanup = new Cleanup();
after(() => cleanup.run());
let work: string;
before(async () => {
  work = await cleanup.tempDir('chart-memory-');
});

describe('a 4 MiB description', () => {
  it('is checked, packaged and signed-text-ready within 30× its size in memory and seconds, not minutes', { timeout: 60_000 }, async () => {
    const chart = join(work, 'wordy');
    await mkdir(chart, { recursive: true });
    const words = 'lorem ipsum dolor sit amet, consectetur adipiscing elit: a <chart> & "quotes" ';
    const description = words.repeat(Math.ceil(DESCRIPTION_BYTES / words.length)).slice(0, DESCRIPTION_BYTES).trim();
    await writeFile(join(chart, 'Chart.yaml'), `apiVersion: v2\nname: wordy\nversion: 1.0.0\ndescription: '${description}'\n`);
    const out = join(work, 'out');
    await mkdir(out);

    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(projectRoot, 'test', 'support', 'chart-memory-child.ts'), chart, out], {
      cwd: projectRoot,
    });
    const run = JSON.parse(stdout) as { seconds: number; peakGrowth: number; configBytes: number; messageBytes: number };
    assert.ok(run.configBytes > DESCRIPTION_BYTES && run.messageBytes > DESCRIPTION_BYTES, 'the description went through whole');
    assert.ok(run.peakGrowth < 30 * DESCRIPTION_BYTES, `peak memory grew by ${(run.peakGrowth / MB).toFixed(0)} MiB for a ${DESCRIPTION_BYTES / MB} MiB description`);
    assert.ok(run.seconds < 15, `took ${run.seconds.toFixed(1)} s`);
  });
});
