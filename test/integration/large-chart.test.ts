// A 50 MB chart (ten 5 MB files of random bytes, Helm's per-file limit) is packaged and pushed
// without being held in memory: the archive is written to disk as it is made and streamed to the
// registry from there. Measured in a process of its own; real Helm pulls back the same bytes.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { projectRoot } from '../support/action-runner.js';
import { helmHome, helmOk, type HelmHome } from '../support/helm.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { Cleanup } from '../support/tmp.js';

const FILES = 10;
const FILE_BYTES = 5_000_000;
const CHART_BYTES = FILES * FILE_BYTES;
const MB = 1024 * 1024;

const cleanup = new Cleanup();
after(() => cleanup.run());

let reg: TestRegistry;
let home: HelmHome;
let work: string;

before(async () => {
  reg = await startRegistry();
  cleanup.add(() => reg.stop());
  home = await helmHome();
  cleanup.add(() => home.remove());
  work = await cleanup.tempDir('large-chart-');
});

describe('a 50 MB chart', () => {
  it('is packaged and pushed with far less memory than the chart, and Helm 4.1 pulls the same archive', { timeout: 60_000 }, async () => {
    const chart = join(work, 'big');
    await mkdir(join(chart, 'files'), { recursive: true });
    await writeFile(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: big\nversion: 1.0.0\n');
    for (let i = 0; i < FILES; i++) await writeFile(join(chart, 'files', `blob-${i}.bin`), randomBytes(FILE_BYTES));
    const out = join(work, 'out');
    await mkdir(out);

    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(projectRoot, 'test', 'support', 'large-chart-child.ts'), chart, out, reg.host], {
      cwd: projectRoot,
    });
    const pushed = JSON.parse(stdout) as { status: string; manifestDigest: string; chartDigest: string; size: number; repository: string; tag: string; peakGrowth: number };
    assert.equal(pushed.status, 'pushed');
    assert.ok(pushed.size > CHART_BYTES, `random data does not compress: ${pushed.size} bytes`);
    // Built in memory it was held twice (the pieces and the whole), over 2 × 50 MB. Streamed, what
    // is live is one source file and its compressed bytes; the rest of the growth is garbage that
    // V8 collects in steps of about 64 MB of freed buffers, whatever the chart's size.
    assert.ok(pushed.peakGrowth < 1.5 * CHART_BYTES, `peak memory grew by ${(pushed.peakGrowth / MB).toFixed(1)} MiB for a ${(CHART_BYTES / MB).toFixed(1)} MiB chart`);

    const dest = join(work, 'pulled');
    await mkdir(dest);
    const pulled = await helmOk('4.1.4', ['pull', `oci://${reg.host}/${pushed.repository}`, '--version', pushed.tag, '-d', dest, '--plain-http'], { home });
    assert.match(pulled.stdout + pulled.stderr, new RegExp(`Digest: ${pushed.manifestDigest}`));
    const [file] = await readdir(dest);
    assert.equal(file, 'big-1.0.0.tgz');
    const data = await readFile(join(dest, file));
    assert.equal(`sha256:${createHash('sha256').update(data).digest('hex')}`, pushed.chartDigest);
  });
});
