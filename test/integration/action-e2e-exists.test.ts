// dist/main.js when the tag is already there: an identical re-run pushes nothing, a changed chart
// at the same version fails by default, is kept with if-exists: skip and replaced with overwrite;
// a chart pushed by real `helm push` is recognised as the same chart. And several charts where one
// fails: the others are pushed, the step fails, the charts output lists them all.
import assert from 'node:assert/strict';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeMinimalChart } from '../support/charts.js';
import { helmOk, helmRegistryFlags } from '../support/helm.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { Cleanup } from '../support/tmp.js';
import {
  assertSucceeded,
  chartsOutput,
  errorLines,
  getManifest,
  helmPull,
  helmReportedDigest,
  loggedInHome,
  publish,
  PULLERS,
  transcript,
  warningLines,
} from './action-e2e-shared.js';

const cleanup = new Cleanup();
let reg: TestRegistry;

before(async () => {
  reg = await startRegistry({ auth: 'basic' });
  cleanup.add(() => reg.stop());
});
after(() => cleanup.run());

describe('a tag that already exists', { concurrency: true }, () => {
  test('re-run unchanged; changed chart: fail by default, skip keeps, overwrite replaces', async () => {
    const ws = await cleanup.tempDir('action-e2e-exists-');
    const chartDir = await writeMinimalChart(ws, { name: 'stable', version: '1.0.0' });
    const run = (inputs: Record<string, string> = {}) =>
      publish({ workspace: ws, registry: reg, inputs: { chart: 'stable', registry: `oci://${reg.host}/exists`, ...inputs } });

    const first = await run();
    assertSucceeded(first);
    assert.equal(first.outputs.pushed, 'true');
    const original = first.outputs.digest!;

    const again = await run();
    assertSucceeded(again);
    assert.equal(again.outputs.pushed, 'false');
    assert.equal(again.outputs.digest, original);
    assert.deepEqual(chartsOutput(again).map((c) => [c.status, c.pushed, c.digest]), [['unchanged', false, original]]);

    // Same name and version, other content.
    await writeFile(join(chartDir, 'values.yaml'), 'greeting: changed\n');

    const refused = await run();
    assert.equal(refused.code, 1, transcript(refused));
    const errors = errorLines(refused);
    assert.equal(errors.length, 1, transcript(refused));
    assert.match(errors[0]!, /if-exists/);
    assert.match(errors[0]!, new RegExp(`${reg.host}/exists/stable:1\\.0\\.0`));
    assert.deepEqual(chartsOutput(refused).map((c) => [c.status, c.pushed]), [['failed', false]]);
    assert.equal((await getManifest(reg, 'exists/stable', '1.0.0')).digest, original, 'the refused run changed the tag');

    const skipped = await run({ 'if-exists': 'skip' });
    assertSucceeded(skipped);
    assert.equal(skipped.outputs.pushed, 'false');
    assert.equal(skipped.outputs.digest, original, 'skip must name the digest that is in the registry');
    assert.deepEqual(chartsOutput(skipped).map((c) => [c.status, c.pushed, c.digest]), [['skipped', false, original]]);
    assert.ok(warningLines(skipped).some((w) => w.includes('exists/stable:1.0.0')), `no warning:\n${transcript(skipped)}`);
    assert.equal((await getManifest(reg, 'exists/stable', '1.0.0')).digest, original, 'skip changed the tag');

    const overwritten = await run({ 'if-exists': 'overwrite' });
    assertSucceeded(overwritten);
    assert.equal(overwritten.outputs.pushed, 'true');
    const replaced = overwritten.outputs.digest!;
    assert.notEqual(replaced, original);
    assert.deepEqual(chartsOutput(overwritten).map((c) => [c.status, c.pushed, c.digest]), [['pushed', true, replaced]]);

    await Promise.all(
      PULLERS.map(async (version) => {
        const home = await loggedInHome(version, reg, cleanup);
        const pulled = await helmPull(version, reg, home, [overwritten.outputs.url!, '--version', '1.0.0']);
        assert.equal(pulled.digest, replaced, `Helm ${version} pulled the old chart`);
        const values = await helmOk(version, ['show', 'values', pulled.file], { home });
        assert.match(values.stdout, /greeting: changed/);
      }),
    );
  });

  test('a chart pushed by helm push, then published from the same folder: unchanged, with the registry digest', async () => {
    const ws = await cleanup.tempDir('action-e2e-helm-push-');
    const chartDir = await writeMinimalChart(ws, { name: 'by-helm', version: '3.2.1', appVersion: '1.0' });
    const home = await loggedInHome('4.1.4', reg, cleanup);
    const out = join(ws, 'out');
    await mkdir(out);
    await helmOk('4.1.4', ['package', chartDir, '-d', out], { home });
    const [tgz] = await readdir(out);
    const pushed = await helmOk('4.1.4', ['push', join(out, tgz!), `oci://${reg.host}/helm-first`, ...helmRegistryFlags('4.1.4', reg)], { home });
    const helmDigest = helmReportedDigest(`${pushed.stdout}${pushed.stderr}`);

    // Our archive differs from Helm's (Helm stamps file times), so the manifests differ too.
    const dry = await publish({ workspace: ws, registry: reg, inputs: { chart: 'by-helm', registry: `oci://${reg.host}/helm-first`, 'dry-run': 'true' } });
    assertSucceeded(dry);
    assert.notEqual(dry.outputs.digest, helmDigest, 'the test needs an archive that differs from Helm\'s');

    const result = await publish({ workspace: ws, registry: reg, inputs: { chart: 'by-helm', registry: `oci://${reg.host}/helm-first` } });
    assertSucceeded(result);
    assert.equal(result.outputs.pushed, 'false');
    assert.equal(result.outputs.digest, helmDigest);
    assert.equal(result.outputs.ref, `oci://${reg.host}/helm-first/by-helm@${helmDigest}`);
    assert.deepEqual(chartsOutput(result).map((c) => c.status), ['unchanged']);
    assert.equal((await getManifest(reg, 'helm-first/by-helm', '3.2.1')).digest, helmDigest, 'the tag was re-pushed');
  });

  test('two charts, one fails: the other is pushed, the step fails naming the failed one, charts lists both', async () => {
    const ws = await cleanup.tempDir('action-e2e-partial-');
    const namespace = `oci://${reg.host}/partial`;
    await writeMinimalChart(join(ws, 'charts'), { name: 'good', version: '0.1.0' });
    const taken = await writeMinimalChart(join(ws, 'charts'), { name: 'taken', version: '0.1.0' });
    // Someone already published taken 0.1.0 with other content.
    const earlier = await publish({ workspace: ws, registry: reg, inputs: { chart: 'charts/taken', registry: namespace } });
    assertSucceeded(earlier);
    await writeFile(join(taken, 'values.yaml'), 'greeting: other\n');

    const result = await publish({ workspace: ws, registry: reg, inputs: { chart: 'charts/*', registry: namespace } });
    assert.notEqual(result.code, 0, transcript(result));
    const errors = errorLines(result);
    assert.equal(errors.length, 1, transcript(result));
    assert.match(errors[0]!, new RegExp(`1 of 2 charts failed`));
    assert.match(errors[0]!, new RegExp(`${reg.host}/partial/taken:0\\.1\\.0`));
    assert.doesNotMatch(errors[0]!, /partial\/good/);

    const charts = chartsOutput(result);
    assert.deepEqual(charts.map((c) => [c.name, c.status, c.pushed]).sort(), [['good', 'pushed', true], ['taken', 'failed', false]]);
    const good = charts.find((c) => c.name === 'good')!;
    assert.equal(good.digest, (await getManifest(reg, 'partial/good', '0.1.0')).digest);
    assert.equal(good.ref, `oci://${reg.host}/partial/good@${good.digest}`);
    assert.match(charts.find((c) => c.name === 'taken')!.error ?? '', /if-exists/);
    assert.equal(result.outputs.pushed, 'true', 'pushed says whether anything was pushed');
    assert.equal(result.outputs.digest, undefined, 'single-value outputs are for one chart only');
    assert.equal((await getManifest(reg, 'partial/taken', '0.1.0')).digest, earlier.outputs.digest);

    const pulled = await helmPull('4.1.4', reg, await loggedInHome('4.1.4', reg, cleanup), [good.ref]);
    assert.equal(pulled.digest, good.digest);
  });
});
