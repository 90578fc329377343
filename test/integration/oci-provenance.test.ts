// A signed chart (helm package --sign) pushed with its provenance layer: the manifest equals the
// one `helm push` writes for the same .tgz + .prov, and Helm 3.16 and 4.1 pull and verify it.
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { helmArtifact, HELM_PROV_LAYER_MEDIA_TYPE, pushChart, RegistryClient, type HelmChartInfo } from '../../src/oci/index.js';
import { writeMinimalChart } from '../support/charts.js';
import { GpgHome, type GpgKey } from '../support/gpg.js';
import { helmHome, helmOk, helmRegistryFlags, type HelmHome, type HelmVersion } from '../support/helm.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { Cleanup } from '../support/tmp.js';

/** A push result without its manifest descriptor, once that is checked to name the same digest. */
function outcome<R extends { digest: string; manifest: { digest: string } }>(result: R): Omit<R, 'manifest'> {
  const { manifest, ...rest } = result;
  assert.equal(manifest.digest, rest.digest, 'the manifest descriptor names the digest behind the tag');
  return rest;
}

const cleanup = new Cleanup();
after(() => cleanup.run());

const CREATED = new Date('2026-05-06T07:08:09Z');
let reg: TestRegistry;
let home: HelmHome;
let key: GpgKey;
let work: string;
let tgz: Buffer;
let prov: Buffer;

before(async () => {
  reg = await startRegistry({ auth: 'basic' });
  cleanup.add(() => reg.stop());
  home = await helmHome();
  cleanup.add(() => home.remove());
  const gpg = await GpgHome.create();
  cleanup.add(() => gpg.remove());
  key = await gpg.makeKey({ name: 'Chart Signer', algorithm: 'rsa' });
  work = await cleanup.tempDir('oci-prov-');
  const dir = await writeMinimalChart(work, { name: 'signed', version: '0.3.0', description: 'signed chart' });
  await helmOk('4.1.4', ['package', dir, '-d', work, '--sign', '--key', 'Chart Signer', '--keyring', key.secretKeyring]);
  const tgzPath = join(work, 'signed-0.3.0.tgz');
  await utimes(tgzPath, CREATED, CREATED);
  [tgz, prov] = await Promise.all([readFile(tgzPath), readFile(`${tgzPath}.prov`)]);
  await helmOk('4.1.4', ['registry', 'login', reg.host, '--username', reg.username, '--password-stdin', '--plain-http'], { home, input: reg.password });
  await helmOk('4.1.4', ['push', tgzPath, `oci://${reg.host}/golden`, '--plain-http'], { home });
});

describe('charts with provenance', () => {
  it('match helm push, and Helm 3.16.1 and 4.1.4 verify the signature on pull', async () => {
    const client = new RegistryClient({ host: reg.host, credentials: { username: reg.username, password: reg.password }, transport: { plainHttp: true } });
    cleanup.add(() => client.close());
    const golden = (await client.getManifest('golden/signed', '0.3.0'))!;
    const goldenJson = JSON.parse(golden.body.toString()) as { config: { digest: string }; layers: { mediaType: string }[] };
    assert.ok(goldenJson.layers.some((l) => l.mediaType === HELM_PROV_LAYER_MEDIA_TYPE));
    const config = await client.getBlob('golden/signed', goldenJson.config.digest);

    const artifact = helmArtifact({ repository: 'charts/signed', tag: '0.3.0', config, chart: tgz, prov, meta: JSON.parse(config.toString()) as HelmChartInfo, created: CREATED });
    assert.equal(artifact.manifest.body.toString(), golden.body.toString());

    const before = client.stats.registryRequests;
    const result = await pushChart(client, artifact, { ifExists: 'fail', sameChartFiles: async () => false });
    assert.deepEqual(outcome(result), { status: 'pushed', digest: golden.digest, signed: true });
    assert.ok(client.stats.registryRequests - before <= 9, 'GET tag, 3 × (POST + PUT), PUT manifest (+ the first 401)');

    for (const version of ['3.16.1', '4.1.4'] as HelmVersion[]) {
      const dest = join(work, `verify-${version}`);
      await mkdir(dest, { recursive: true });
      const pulled = await helmOk(
        version,
        ['pull', `oci://${reg.host}/charts/signed`, '--version', '0.3.0', '--verify', '--keyring', key.publicKeyring, '-d', dest, ...helmRegistryFlags(version, reg)],
        { home },
      );
      assert.match(pulled.stdout + pulled.stderr, /Signed by: Chart Signer/);
      assert.ok((await readdir(dest)).includes('signed-0.3.0.tgz.prov'));
    }
  });

  it('an unsigned copy already there counts as unchanged, with a warning that the signature is missing', async () => {
    const client = new RegistryClient({ host: reg.host, credentials: { username: reg.username, password: reg.password }, transport: { plainHttp: true } });
    cleanup.add(() => client.close());
    const config = Buffer.from('{"name":"signed","version":"0.3.0","apiVersion":"v2"}');
    const meta = { name: 'signed', version: '0.3.0' };
    const unsigned = helmArtifact({ repository: 'other/signed', tag: '0.3.0', config, chart: tgz, meta, created: CREATED });
    assert.equal((await pushChart(client, unsigned, { ifExists: 'fail', sameChartFiles: async () => false })).status, 'pushed');
    const signed = helmArtifact({ repository: 'other/signed', tag: '0.3.0', config, chart: tgz, prov, meta, created: CREATED });
    const result = await pushChart(client, signed, { ifExists: 'fail', sameChartFiles: async () => false });
    assert.equal(result.status, 'unchanged');
    assert.equal(result.digest, unsigned.manifest.digest);
    assert.match(result.warning ?? '', /without a provenance file.*if-exists: overwrite/);
  });
});
