// The committed dist/main.js, run as a GitHub runner runs it, against real Distribution registries
// (Basic and token auth), with what it pushed judged by real Helm 3.18.0 and 4.1.4: outputs and
// job summary, pulls by version and by digest, reproducible digests, a .tgz pushed as it is, and a
// dry run that talks to no registry. (If-exists, failures, bad input and the chart corpus are in
// the other action-e2e-*.test.ts files.)
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { writeMinimalChart } from '../support/charts.js';
import { helmHome, helmOk, helmRegistryFlags } from '../support/helm.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { Cleanup } from '../support/tmp.js';
import {
  assertSucceeded,
  chartsOutput,
  DEFAULT_EPOCH,
  getManifest,
  helmPull,
  loggedInHome,
  publish,
  PULLERS,
  rfc3339,
  sha256,
  startCountingForwarder,
  transcript,
} from './action-e2e-shared.js';

const cleanup = new Cleanup();
let basic: TestRegistry;
let token: TestRegistry;

before(async () => {
  [basic, token] = await Promise.all([startRegistry({ auth: 'basic' }), startRegistry({ auth: 'token' })]);
  cleanup.add(() => basic.stop());
  cleanup.add(() => token.stop());
});
after(() => cleanup.run());

async function workspace(): Promise<string> {
  return cleanup.tempDir('action-e2e-ws-');
}

function pick<T extends object, K extends string>(from: T, keys: K[]): Record<K, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (from as Record<string, unknown>)[k]])) as Record<K, unknown>;
}

async function publishAndPull(reg: TestRegistry): Promise<void> {
  const ws = await workspace();
  await writeMinimalChart(ws, { name: 'demo', version: '0.0.1', description: 'A chart published by the action' });
  const result = await publish({ workspace: ws, registry: reg, inputs: { chart: 'demo', registry: `oci://${reg.host}/ns`, version: 'v1.2.3+build.7' } });
  assertSucceeded(result);

  const { outputs } = result;
  assert.match(outputs.digest ?? '', /^sha256:[0-9a-f]{64}$/, transcript(result));
  const digest = outputs.digest!;
  const repository = `${reg.host}/ns/demo`;
  const expected = {
    name: 'demo',
    version: '1.2.3+build.7',
    tag: '1.2.3_build.7',
    digest,
    repository,
    url: `oci://${repository}`,
    ref: `oci://${repository}@${digest}`,
  };
  const keys = Object.keys(expected) as Array<keyof typeof expected>;
  assert.deepEqual(pick(outputs, keys), expected);
  assert.equal(outputs.pushed, 'true');
  const charts = chartsOutput(result);
  assert.equal(charts.length, 1);
  assert.deepEqual(pick(charts[0]!, [...keys, 'pushed', 'status']), { ...expected, pushed: true, status: 'pushed' });

  // The digest is the one the registry serves for the tag.
  const served = await getManifest(reg, 'ns/demo', '1.2.3_build.7');
  assert.equal(served.digest, digest);
  assert.equal(served.manifest.annotations?.['org.opencontainers.image.version'], '1.2.3+build.7');

  assert.ok(result.summary.includes(digest), `summary without the digest:\n${result.summary}`);
  assert.ok(result.summary.includes(`helm upgrade --install demo ${expected.ref}`), `summary without the install line:\n${result.summary}`);

  await Promise.all(
    PULLERS.map(async (version) => {
      const home = await loggedInHome(version, reg, cleanup);
      const [byVersion, byDigest, shown] = await Promise.all([
        helmPull(version, reg, home, [expected.url, '--version', '1.2.3+build.7']),
        helmPull(version, reg, home, [expected.ref]),
        helmOk(version, ['show', 'chart', expected.url, '--version', '1.2.3+build.7', ...helmRegistryFlags(version, reg)], { home }),
      ]);
      assert.equal(byVersion.digest, digest, `Helm ${version} pulled another digest by version`);
      assert.equal(byDigest.digest, digest, `Helm ${version} pulled another digest by digest`);
      assert.ok(byVersion.data.equals(byDigest.data), `Helm ${version}: by version and by digest gave different archives`);
      assert.equal(sha256(byVersion.data), served.manifest.layers[0]!.digest);
      const chart = parse(shown.stdout) as Record<string, unknown>;
      assert.equal(chart.name, 'demo');
      assert.equal(chart.version, '1.2.3+build.7', `Helm ${version} show chart:\n${shown.stdout}`);
      assert.equal(chart.description, 'A chart published by the action');
    }),
  );
}

describe('publish, then real Helm pulls it', { concurrency: true }, () => {
  test('Basic auth registry: outputs, summary, helm pull by version and by digest, helm show chart', () => publishAndPull(basic));
  test('token auth registry: outputs, summary, helm pull by version and by digest, helm show chart', () => publishAndPull(token));

  test('the same SOURCE_DATE_EPOCH gives the same digest from another folder with other mtimes; another epoch, another digest and created time', async () => {
    const first = await workspace();
    const second = await workspace();
    await writeMinimalChart(first, { name: 'repro', version: '0.4.0', appVersion: '9.9' });
    // A copy elsewhere, every file and folder stamped with another time.
    await cp(join(first, 'repro'), join(second, 'somewhere', 'else'), { recursive: true });
    const old = new Date('2001-09-09T01:46:40Z');
    for (const entry of await readdir(join(second, 'somewhere'), { recursive: true })) await utimes(join(second, 'somewhere', entry), old, old);

    const [a, b] = await Promise.all([
      publish({ workspace: first, registry: basic, inputs: { chart: 'repro', registry: `oci://${basic.host}/repro-a` } }),
      publish({ workspace: second, registry: token, inputs: { chart: 'somewhere/else', registry: `oci://${token.host}/repro-b` } }),
    ]);
    assertSucceeded(a);
    assertSucceeded(b);
    assert.equal(a.outputs.pushed, 'true');
    assert.equal(b.outputs.pushed, 'true');
    assert.equal(a.outputs.digest, b.outputs.digest, 'same source and time, two registries: the digests differ');

    const later = '1800000000';
    const c = await publish({ workspace: first, registry: token, inputs: { chart: 'repro', registry: `oci://${token.host}/repro-c` }, env: { SOURCE_DATE_EPOCH: later } });
    assertSucceeded(c);
    assert.notEqual(c.outputs.digest, a.outputs.digest, 'another SOURCE_DATE_EPOCH gave the same digest');

    const [manifestA, manifestC] = await Promise.all([getManifest(basic, 'repro-a/repro', a.outputs.digest!), getManifest(token, 'repro-c/repro', c.outputs.digest!)]);
    assert.equal(manifestA.manifest.annotations?.['org.opencontainers.image.created'], rfc3339(DEFAULT_EPOCH));
    assert.equal(manifestC.manifest.annotations?.['org.opencontainers.image.created'], rfc3339(later));
    assert.equal(rfc3339(later), '2027-01-15T08:00:00Z');
  });

  test('a .tgz made by helm package is pushed as it is: the chart layer is the file', async () => {
    const ws = await workspace();
    const chartDir = await writeMinimalChart(ws, { name: 'packaged', version: '2.1.0' });
    const home = await helmHome();
    cleanup.add(() => home.remove());
    await mkdir(join(ws, 'out'));
    await helmOk('4.1.4', ['package', chartDir, '-d', join(ws, 'out')], { home });
    const file = await readFile(join(ws, 'out', 'packaged-2.1.0.tgz'));

    const result = await publish({ workspace: ws, registry: basic, inputs: { chart: 'out/packaged-2.1.0.tgz', registry: `oci://${basic.host}/tgz` } });
    assertSucceeded(result);
    assert.equal(result.outputs.name, 'packaged');
    assert.equal(result.outputs.version, '2.1.0');

    const { manifest, digest } = await getManifest(basic, 'tgz/packaged', '2.1.0');
    assert.equal(result.outputs.digest, digest);
    assert.equal(manifest.layers.length, 1);
    assert.deepEqual(manifest.layers[0], { mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', digest: sha256(file), size: file.length });

    const pulled = await helmPull('4.1.4', basic, await loggedInHome('4.1.4', basic, cleanup), [result.outputs.ref!]);
    assert.ok(pulled.data.equals(file), 'Helm pulled other bytes than the .tgz');
  });

  test('dry-run contacts no registry and reports the digest a real push then produces', async () => {
    const ws = await workspace();
    await writeMinimalChart(ws, { name: 'dry', version: '0.2.0' });
    const forwarder = await startCountingForwarder(basic);
    cleanup.add(() => forwarder.stop());
    const inputs = { chart: 'dry', registry: `oci://${forwarder.host}/dry` };
    const registryConfig = join(ws, 'registry-config.json');

    const dry = await publish({ workspace: ws, registry: basic, inputs: { ...inputs, 'dry-run': 'true' }, env: { HELM_REGISTRY_CONFIG: registryConfig } });
    assertSucceeded(dry);
    assert.equal(forwarder.connections(), 0, 'the dry run connected to the registry');
    assert.equal(existsSync(registryConfig), false, 'the dry run logged in to the registry for later steps');
    assert.equal(dry.outputs.pushed, 'false');
    assert.match(dry.outputs.digest ?? '', /^sha256:[0-9a-f]{64}$/);
    assert.deepEqual(
      chartsOutput(dry).map((c) => [c.status, c.pushed, c.digest, c.ref]),
      [['dry-run', false, dry.outputs.digest, `oci://${forwarder.host}/dry/dry@${dry.outputs.digest}`]],
    );

    const real = await publish({ workspace: ws, registry: basic, inputs, env: { HELM_REGISTRY_CONFIG: registryConfig } });
    assertSucceeded(real);
    assert.ok(forwarder.connections() > 0, 'the real push did not go through the counting forwarder');
    assert.equal(real.outputs.pushed, 'true');
    assert.equal(real.outputs.digest, dry.outputs.digest, 'the dry run predicted another digest');
    assert.equal((await getManifest(basic, 'dry/dry', '0.2.0')).digest, dry.outputs.digest);
  });
});
