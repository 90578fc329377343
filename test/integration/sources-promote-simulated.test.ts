// Promotion paths the local Distribution 2.8 cannot show, against a simulated in-memory registry
// (test/support/mini-registry.ts): the OCI referrers API on either side, and a registry that
// declines a cross-repository mount, where the copy must continue the upload session it was given.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { copyArtifact } from '../../src/oci/copy.js';
import { listReferrers } from '../../src/oci/referrers.js';
import type { Manifest } from '../../src/oci/client.js';
import { blobOf, OCI_INDEX_MEDIA_TYPE, OCI_MANIFEST_MEDIA_TYPE } from '../../src/oci/helm-manifest.js';
import { RegistryClient } from '../../src/oci/index.js';
import { readOciChart } from '../../src/sources/index.js';
import { startMiniRegistry, type MiniRegistry } from '../support/mini-registry.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { Cleanup } from '../support/tmp.js';

const cleanup = new Cleanup();
after(() => cleanup.run());

const BUNDLE_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';

function clientFor(host: string): RegistryClient {
  const c = new RegistryClient({ host, transport: { plainHttp: true, proxy: {} } });
  cleanup.add(() => c.close());
  return c;
}

/** A Helm chart and one referrer pointing at it, pushed to `repository`; returns the chart manifest and the referrer digest. */
async function seed(c: RegistryClient, repository: string): Promise<{ chart: Manifest; referrer: string }> {
  const config = Buffer.from('{"name":"app","version":"1.0.0","apiVersion":"v2"}');
  const layer = Buffer.from('not really a tgz, but bytes with a digest');
  for (const data of [config, layer]) await c.pushBlob(repository, blobOf(data));
  const chartBody = Buffer.from(JSON.stringify({
    schemaVersion: 2,
    config: { mediaType: 'application/vnd.cncf.helm.config.v1+json', digest: blobOf(config).digest, size: config.length },
    layers: [{ mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', digest: blobOf(layer).digest, size: layer.length }],
  }));
  await c.putManifest(repository, '1.0.0', chartBody, OCI_MANIFEST_MEDIA_TYPE);
  const chart = (await c.getManifest(repository, '1.0.0'))!;
  const empty = Buffer.from('{}');
  const bundle = Buffer.from('{"simulated":"bundle"}');
  for (const data of [empty, bundle]) await c.pushBlob(repository, blobOf(data));
  const referrerBody = Buffer.from(JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    artifactType: BUNDLE_TYPE,
    config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: blobOf(empty).digest, size: 2 },
    layers: [{ mediaType: BUNDLE_TYPE, digest: blobOf(bundle).digest, size: bundle.length }],
    subject: { mediaType: OCI_MANIFEST_MEDIA_TYPE, digest: chart.digest, size: chart.size },
  }));
  const referrer = await c.putManifest(repository, blobOf(referrerBody).digest, referrerBody, OCI_MANIFEST_MEDIA_TYPE);
  return { chart, referrer };
}

let withApi: MiniRegistry;
let declining: MiniRegistry;
let distribution: TestRegistry;

before(async () => {
  withApi = await startMiniRegistry({ referrersApi: true });
  cleanup.add(() => withApi.stop());
  declining = await startMiniRegistry({ declineMounts: true });
  cleanup.add(() => declining.stop());
  distribution = await startRegistry();
  cleanup.add(() => distribution.stop());
});

describe('simulated: registries with the referrers API', () => {
  it('finds referrers through the API and leaves the listing to a destination that has it too', async () => {
    const c = clientFor(withApi.host);
    const { chart, referrer } = await seed(c, 'dev/app');
    const result = await copyArtifact({ client: c, repository: 'dev/app', manifest: chart }, { client: c, repository: 'prod/app', tag: '1.0.0' }, { ifExists: 'fail' });
    assert.deepEqual([result.status, result.digest, result.referrers], ['pushed', chart.digest, 1]);
    const listed = await listReferrers(c, 'prod/app', chart.digest);
    assert.deepEqual([listed.api, listed.manifests.map((d) => [d.digest, d.artifactType])], [true, [[referrer, BUNDLE_TYPE]]]);
    assert.equal(await c.getManifest('prod/app', `sha256-${chart.digest.slice(7)}`), undefined, 'no referrers tag where the API lists them');
    assert.ok(withApi.requests.some((r) => r.url.startsWith('/v2/dev/app/referrers/sha256:') && r.status === 200));
  });

  it('writes the referrers tag at a destination without the API (Distribution 2.8)', async () => {
    const source = clientFor(withApi.host);
    const { chart, referrer } = await seed(source, 'stage/app');
    const dest = clientFor(distribution.host);
    const read = await readOciChart(source, 'stage/app', '1.0.0');
    const result = await copyArtifact({ client: source, repository: 'stage/app', manifest: read.manifest }, { client: dest, repository: 'charts/app', tag: '1.0.0' }, { ifExists: 'fail' });
    assert.deepEqual([result.status, result.digest], ['pushed', chart.digest]);
    const index = (await dest.getManifest('charts/app', `sha256-${chart.digest.slice(7)}`))!;
    assert.equal(index.mediaType, OCI_INDEX_MEDIA_TYPE);
    assert.deepEqual((JSON.parse(index.body.toString()) as { manifests: Array<{ digest: string; artifactType: string }> }).manifests.map((m) => [m.digest, m.artifactType]), [[referrer, BUNDLE_TYPE]]);
    assert.ok(await dest.checkManifest('charts/app', referrer), 'the referrer itself is there by digest');
  });
});

describe('simulated: a registry that declines cross-repository mounts', () => {
  it('continues each upload session the mount opened, one PUT per blob and no second POST', async () => {
    const c = clientFor(declining.host);
    const { chart } = await seed(c, 'dev/app');
    declining.requests.length = 0;
    const result = await copyArtifact({ client: c, repository: 'dev/app', manifest: chart }, { client: c, repository: 'prod/app', tag: '1.0.0' }, { ifExists: 'fail' });
    assert.equal(result.digest, chart.digest);
    // This registry has no referrers API and the seed wrote no referrers tag: only the chart's two blobs.
    assert.deepEqual({ mounted: result.stats.mounted, uploaded: result.stats.uploaded }, { mounted: 0, uploaded: 2 });
    const uploads = declining.requests.filter((r) => r.url.startsWith('/v2/prod/app/blobs/uploads/'));
    assert.equal(uploads.filter((r) => r.method === 'POST').length, 2, 'one mount attempt per blob');
    assert.ok(uploads.filter((r) => r.method === 'POST').every((r) => r.url.includes('mount=') && r.status === 202));
    assert.equal(uploads.filter((r) => r.method === 'PUT' && r.status === 201).length, 2, 'each finished in the session the registry opened');
    assert.equal((await c.checkManifest('prod/app', '1.0.0'))?.digest, chart.digest);
  });
});
