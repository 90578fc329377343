// prepareCharts / pushCharts / discardPrepared: packaged charts wait on disk in the temp folder
// given, not in memory, and are gone once pushed; every bad chart is reported at once.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { packageChart } from '../../src/chart/index.js';
import type { ChartSource } from '../../src/chart-sources.js';
import { parseInputs } from '../../src/inputs.js';
import { checkCharts, discardPrepared, PreparationError, prepareCharts, pushCharts, type PublishLog } from '../../src/publish.js';
import { Cleanup } from '../support/tmp.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/charts/', import.meta.url));
const CREATED = new Date('2026-05-06T07:08:09Z');
const cleanup = new Cleanup();
let work: string;
let counter = 0;

before(async () => {
  work = await cleanup.tempDir('publish-prepare-');
});
after(() => cleanup.run());

const config = (inputs: Record<string, string> = {}) =>
  parseInputs((name) => ({ chart: '.', registry: 'oci://registry.example.com/charts', 'if-exists': 'fail', 'dry-run': 'true', concurrency: '8', ...inputs })[name] ?? '');
const quiet: PublishLog = { info: () => {}, warning: () => {}, debug: () => {} };

async function emptyDir(): Promise<string> {
  const dir = join(work, `d${counter++}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** A copy of the fixture `app` chart named `name`, with `extra` files written over it. */
async function appChart(name: string, extra: Record<string, string> = {}): Promise<ChartSource> {
  const dir = join(await emptyDir(), name);
  await cp(join(FIXTURES, 'app'), dir, { recursive: true });
  await writeFile(join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`);
  for (const [path, text] of Object.entries(extra)) await writeFile(join(dir, path), text);
  return { kind: 'directory', path: dir };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('checkCharts and prepareCharts', () => {
  test('archives wait in the temp folder, stream from there, and are removed once pushed', async () => {
    const tempDir = await emptyDir();
    const given = await packageChart(join(FIXTURES, 'library'), { mtime: CREATED, outDir: await emptyDir() });
    const sources = [...(await Promise.all(['one', 'two', 'three', 'four', 'five', 'six'].map((n) => appChart(n)))), { kind: 'archive' as const, path: given.path }];
    const prepared = await prepareCharts(await checkCharts(sources, config()), config(), CREATED, undefined, { tempDir });
    assert.equal(prepared.length, 7);
    assert.equal((await readdir(tempDir)).length, 6, 'one folder per packaged chart; the given .tgz stays where it is');
    for (const { packaged, artifact } of prepared) {
      const data = await readAll(artifact.chart.open());
      assert.equal(artifact.chart.digest, `sha256:${createHash('sha256').update(data).digest('hex')}`, packaged.fileName);
      assert.equal(artifact.chart.size, data.length);
    }

    const results = await pushCharts(prepared, undefined, config(), quiet);
    assert.deepEqual(results.map((r) => r.status), Array(7).fill('dry-run'));
    assert.deepEqual(await readdir(tempDir), []);
    assert.ok((await stat(given.path)).isFile(), 'a given archive is never removed');
    await discardPrepared(prepared); // again: nothing left, no error
  });

  test('every bad chart is named in one error before anything is written', async () => {
    const badValues = await appChart('bad-values', { 'values.yaml': '- not a map\n' });
    const badSemver = await appChart('bad-version');
    await writeFile(join(badSemver.path, 'Chart.yaml'), 'apiVersion: v2\nname: bad-version\nversion: v1\n');
    const good = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((n) => appChart(n)));
    await assert.rejects(checkCharts([...good, badValues, badSemver], config()), (error: unknown) => {
      assert.ok(error instanceof PreparationError);
      assert.match(error.message, /bad-values.*values\.yaml must be a mapping/);
      assert.match(error.message, /bad-version.*"v1" is not a strict SemVer 2 version/);
      return true;
    });
  });

  test('two charts for the same tag are refused before anything is written', async () => {
    const sources = [await appChart('same'), await appChart('same')];
    await assert.rejects(checkCharts(sources, config()), /would overwrite each other at charts\/same:1\.0\.0/);
  });
});
