// Interop over the chart corpus in test/fixtures/charts: every chart real Helm can package and push
// is published by dist/main.js in ONE step (a multi-line `chart` input), pulled back by Helm 3.18.0
// and 4.1.4, and must show and render exactly like `helm package` of the same folder. A chart Helm
// itself refuses (a deliberately broken fixture, and always a copy of the umbrella without its
// packaged subchart) must be refused by the action too, naming it.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { helmHome, runHelm, type HelmHome, type HelmResult, type HelmVersion } from '../support/helm.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { Cleanup } from '../support/tmp.js';
import { chartsOutput, errorLines, helmPull, publish, PULLERS, STACK_FRAME, transcript, visibleOutput, type ChartOutput } from './action-e2e-shared.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/charts/', import.meta.url));
// What an OCI repository path component may be: Helm packages other names but cannot push them.
const REPOSITORY_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

interface CorpusChart {
  /** Folder name under the corpus (also the path in the workspace). */
  dir: string;
  /** Helm's own package of the folder, per Helm version (absent when that Helm refused it). */
  helmPackage: Partial<Record<HelmVersion, string>>;
  refusal?: string;
  name?: string;
  version?: string;
}

const cleanup = new Cleanup();
let ws: string;
let reg: TestRegistry;
let home: HelmHome;
const charts: CorpusChart[] = [];
let published: ChartOutput[] = [];

function helm(version: HelmVersion, args: string[], cwd?: string): Promise<HelmResult> {
  return runHelm(version, args, { home, cwd });
}

before(async () => {
  ws = await cleanup.tempDir('action-e2e-corpus-');
  home = await helmHome();
  cleanup.add(() => home.remove());
  const registryStarted = startRegistry({ auth: 'none' });

  // A copy, so the packaged subchart the umbrella needs can be made by the real Helm, not committed.
  await cp(FIXTURES, ws, { recursive: true });
  // One chart Helm refuses is always there: the umbrella without the subchart it lists.
  await cp(join(ws, 'umbrella'), join(ws, 'zz-missing-dependency'), { recursive: true });
  if (existsSync(join(ws, '_sources', 'frontend')) && existsSync(join(ws, 'umbrella', 'charts'))) {
    const made = await helm('4.1.4', ['package', join(ws, '_sources', 'frontend'), '-d', join(ws, 'umbrella', 'charts')]);
    assert.equal(made.code, 0, made.stderr);
  }

  const dirs = (await readdir(ws, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && existsSync(join(ws, e.name, 'Chart.yaml')))
    .map((e) => e.name)
    .sort();
  assert.ok(dirs.length >= 5, `only ${dirs.length} charts in the corpus`);

  await Promise.all(
    dirs.map(async (dir) => {
      const chart: CorpusChart = { dir, helmPackage: {} };
      charts.push(chart);
      for (const version of PULLERS) {
        const out = join(ws, '.helm-packages', version, dir);
        await mkdir(out, { recursive: true });
        const result = await helm(version, ['package', join(ws, dir), '-d', out]);
        if (result.code !== 0) {
          chart.refusal ??= `Helm ${version}: ${result.stderr.trim()}`;
          continue;
        }
        chart.helmPackage[version] = join(out, (await readdir(out))[0]!);
      }
      const packaged = chart.helmPackage['4.1.4'];
      if (!packaged) return;
      const meta = parse((await helm('4.1.4', ['show', 'chart', packaged])).stdout) as { name: string; version: string };
      chart.name = meta.name;
      chart.version = String(meta.version);
      if (!REPOSITORY_COMPONENT.test(meta.name)) chart.refusal = `Helm packages it, but "${meta.name}" cannot be an OCI repository name`;
    }),
  );
  charts.sort((a, b) => (a.dir < b.dir ? -1 : 1));

  reg = await registryStarted;
  cleanup.add(() => reg.stop());
});
after(() => cleanup.run());

const valid = (): CorpusChart[] => charts.filter((c) => c.refusal === undefined);

describe('the chart corpus through the action and back through Helm', () => {
  test('one step publishes every chart Helm can push; the charts output lists each', async () => {
    const publishable = valid();
    assert.ok(publishable.length >= 5, `only ${publishable.length} publishable charts: ${charts.map((c) => `${c.dir} (${c.refusal ?? 'ok'})`).join(', ')}`);
    const result = await publish({
      workspace: ws,
      registry: reg,
      inputs: { chart: publishable.map((c) => c.dir).join('\n'), registry: `oci://${reg.host}/corpus` },
    });
    assert.equal(result.code, 0, transcript(result));
    published = chartsOutput(result);
    assert.deepEqual(
      published.map((c) => [c.name, c.version, c.status]).sort(),
      publishable.map((c) => [c.name, c.version, 'pushed']).sort(),
    );
    for (const c of published) {
      assert.equal(c.pushed, true);
      assert.equal(c.tag, c.version.replaceAll('+', '_'));
      assert.equal(c.url, `oci://${reg.host}/corpus/${c.name}`);
      assert.equal(c.ref, `${c.url}@${c.digest}`);
    }
    assert.equal(result.outputs.pushed, 'true');
    assert.equal(result.outputs.digest, undefined, 'single-value outputs are for one chart only');
  });

  test('each published chart, pulled by Helm 3.18.0 and 4.1.4, shows and renders like helm package of its folder', { concurrency: 8 }, async (t) => {
    assert.ok(published.length > 0, 'nothing was published');
    const cases: Promise<void>[] = [];
    for (const chart of valid()) {
      for (const version of PULLERS) {
        cases.push(t.test(`${chart.dir}, Helm ${version}`, async (tt) => {
          const theirs = chart.helmPackage[version];
          if (!theirs) {
            tt.skip(`Helm ${version} cannot package it`);
            return;
          }
          const out = published.find((p) => p.name === chart.name)!;
          // A home of its own: concurrent pulls must not share Helm's cache.
          const own = await helmHome();
          cleanup.add(() => own.remove());
          const pulled = await helmPull(version, reg, own, [out.url, '--version', chart.version!]);
          assert.equal(pulled.digest, out.digest, 'Helm pulled another digest than the action reported');

          const run = (args: string[]) => runHelm(version, args, { home: own });
          const both = (args: (path: string) => string[]) => Promise.all([run(args(pulled.file)), run(args(theirs))]);
          for (const what of ['chart', 'values', 'all']) {
            const [ours, helms] = await both((path) => ['show', what, path]);
            assert.equal(ours.code, 0, ours.stderr);
            assert.equal(ours.stdout, helms.stdout, `helm show ${what} differs`);
          }
          const [ours, helms] = await both((path) => ['template', 'rel', path, '--namespace', 'ns']);
          assert.equal(ours.code, helms.code, `helm template: ours ${ours.stderr} / helm package's ${helms.stderr}`);
          assert.equal(ours.stdout, helms.stdout, 'helm template differs');
        }));
      }
    }
    await Promise.all(cases);
  });

  test('a chart Helm refuses is refused by the action too, naming it', { concurrency: true }, async (t) => {
    const refused = charts.filter((c) => c.refusal !== undefined);
    assert.ok(refused.some((c) => c.dir === 'zz-missing-dependency'), 'Helm packaged an umbrella chart without its subchart');
    await Promise.all(refused.map((chart) =>
      t.test(chart.dir, async () => {
        const result = await publish({ workspace: ws, registry: reg, inputs: { chart: chart.dir, registry: `oci://${reg.host}/refused` } });
        assert.equal(result.code, 1, `${chart.refusal}\n${transcript(result)}`);
        const errors = errorLines(result);
        assert.equal(errors.length, 1, transcript(result));
        assert.ok(errors[0]!.includes(chart.dir), `the error does not name ${chart.dir}: ${errors[0]}`);
        assert.doesNotMatch(visibleOutput(result), STACK_FRAME);
      }),
    ));
  });
});
