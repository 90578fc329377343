// The publish pipeline without a registry: plan refuses every bad chart at once, before anything
// is written; small packaged charts wait in memory, large ones on disk in the temp folder given,
// and those are gone once the step is over.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { packageChart } from '../../src/chart/index.js';
import { parseInputs } from '../../src/inputs.js';
import { publish, type ChartSource, type PublishEnvironment } from '../../src/publish/index.js';
import { PreparationError, planCharts } from '../../src/publish/plan.js';
import { discard, prepareCharts } from '../../src/publish/prepare.js';
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
const environment = (tempDir: string): PublishEnvironment => ({
  created: CREATED,
  tempDir,
  log: { info: () => {}, warning: () => {}, debug: () => {} },
  phase: (_title, work) => work(),
  onSecret: () => {},
});

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
  return { kind: 'directory', path: dir, label: name };
}

/** A chart whose archive is over a MiB (random bytes do not compress): it cannot wait in memory. */
async function largeChart(name: string): Promise<ChartSource> {
  const chart = await appChart(name);
  await writeFile(join(chart.path, 'blob.bin'), randomBytes(1200 * 1024));
  return chart;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('the publish pipeline without a registry', () => {
  test('small archives wait in memory, large ones in the temp folder; all are removed when the step is over', async () => {
    const tempDir = await emptyDir();
    const given = await packageChart(join(FIXTURES, 'library'), { mtime: CREATED, outDir: await emptyDir() });
    const small = await Promise.all(['one', 'two', 'three', 'four'].map((n) => appChart(n)));
    const large = await Promise.all(['five', 'six'].map((n) => largeChart(n)));
    const sources = [...small, ...large, { kind: 'archive' as const, path: given.path, label: 'given.tgz' }];
    const prepared = await prepareCharts(await planCharts(sources, config()), { created: CREATED, tempDir });
    assert.equal(prepared.length, 7);
    assert.equal((await readdir(tempDir)).length, 2, 'one folder per large packaged chart; the given .tgz stays where it is');
    for (const [i, chart] of prepared.entries()) {
      assert.equal(chart.kind, 'artifact');
      if (chart.kind !== 'artifact') continue;
      const { packaged, artifact } = chart;
      const data = 'open' in artifact.chart ? await readAll(artifact.chart.open()) : artifact.chart.data;
      assert.equal('open' in artifact.chart, i >= small.length, `${packaged.fileName}: streamed from a file only when large or given`);
      assert.equal(artifact.chart.digest, `sha256:${createHash('sha256').update(data).digest('hex')}`, packaged.fileName);
      assert.equal(artifact.chart.size, data.length);
    }
    // In memory or on disk, the same chart gives the same bytes.
    const onDisk = await packageChart(small[0]!.path, { mtime: CREATED, outDir: await emptyDir() });
    assert.equal(prepared[0]!.kind === 'artifact' && prepared[0].packaged.digest, onDisk.digest);

    await discard(prepared);
    assert.deepEqual(await readdir(tempDir), []);
    assert.ok((await stat(given.path)).isFile(), 'a given archive is never removed');
    await discard(prepared); // again: nothing left, no error

    const results = await publish({ local: sources }, config(), environment(tempDir));
    assert.deepEqual(results.map((r) => r.status), Array(7).fill('dry-run'));
    assert.deepEqual(results.map((r) => r.digest), prepared.map((p) => (p.kind === 'artifact' ? p.artifact.manifest.digest : '')), 'a dry run reports the digests a push would produce');
    assert.deepEqual(await readdir(tempDir), [], 'nothing is left in the temp folder after a dry run');
  });

  test('a packaged chart is pushed as it is: version and app-version are refused for it', async () => {
    const given = await packageChart(join(FIXTURES, 'library'), { mtime: CREATED, outDir: await emptyDir() });
    const source: ChartSource = { kind: 'archive', path: given.path, label: 'given.tgz' };
    for (const input of [{ version: '9.9.9' }, { 'app-version': '2.0' }] as Record<string, string>[]) {
      await assert.rejects(planCharts([source], config(input)), /already packaged chart, pushed as it is: "version" and "app-version" cannot change it/);
    }
  });

  test('a temp folder that cannot be created fails with what to check, and nothing is left behind', async () => {
    const blocker = join(await emptyDir(), 'file');
    await writeFile(blocker, 'not a folder');
    const planned = await planCharts([await appChart('blocked')], config());
    await assert.rejects(prepareCharts(planned, { created: CREATED, tempDir: join(blocker, 'temp') }), (error: unknown) => {
      assert.ok(error instanceof PreparationError);
      assert.match(error.message, /cannot create .*file\/temp for the packaged charts .*check RUNNER_TEMP/);
      return true;
    });
  });

  test('a failed prepare removes the archives it already wrote', async () => {
    const tempDir = await emptyDir();
    const planned = await planCharts(await Promise.all(['p1', 'p2', 'p3'].map((n) => largeChart(n))), config());
    let calls = 0;
    const sign = async (): Promise<string> => {
      if (++calls === 3) throw new Error('the signing service is down');
      return 'signed';
    };
    await assert.rejects(prepareCharts(planned, { created: CREATED, tempDir, sign }), /the signing service is down/);
    assert.deepEqual(await readdir(tempDir), [], 'the archives of the charts that were prepared are removed');
  });

  test('every bad chart is named in one error before anything is written', async () => {
    const badValues = await appChart('bad-values', { 'values.yaml': '- not a map\n' });
    const badSemver = await appChart('bad-version');
    await writeFile(join(badSemver.path, 'Chart.yaml'), 'apiVersion: v2\nname: bad-version\nversion: v1\n');
    const good = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((n) => appChart(n)));
    await assert.rejects(planCharts([...good, badValues, badSemver], config()), (error: unknown) => {
      assert.ok(error instanceof PreparationError);
      assert.match(error.message, /bad-values.*values\.yaml must be a mapping/);
      assert.match(error.message, /bad-version.*"v1" is not a strict SemVer 2 version/);
      return true;
    });
  });

  test('two charts for the same tag are refused before anything is written', async () => {
    const sources = [await appChart('same'), await appChart('same')];
    await assert.rejects(planCharts(sources, config()), /would overwrite each other at registry\.example\.com\/charts\/same:1\.0\.0/);
  });
});
