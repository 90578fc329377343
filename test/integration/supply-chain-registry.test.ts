// The registry side of the supply chain against a real Distribution 2.8 registry: Artifact Hub's
// metadata manifest, and the `sha256-<hex>` referrers tag index kept with what others wrote there.
import assert from 'node:assert/strict';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { blobOf, OCI_INDEX_MEDIA_TYPE, OCI_MANIFEST_MEDIA_TYPE, type Descriptor } from '../../src/oci/helm-manifest.js';
import { RegistryClient } from '../../src/oci/index.js';
import { addToReferrersIndex, listReferrers, pushReferrer, referrersTag } from '../../src/oci/referrers.js';
import { ARTIFACTHUB_TAG, parseArtifactHubRepo, pushArtifactHubRepo } from '../../src/supply-chain/index.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { Cleanup } from '../support/tmp.js';

const cleanup = new Cleanup();
after(() => cleanup.run());

let reg: TestRegistry;
let client: RegistryClient;

/** A small image-like manifest to refer to. */
async function subject(repository: string, seed: string): Promise<Descriptor> {
  const config = blobOf(Buffer.from(`{"seed":"${seed}"}`));
  await client.pushBlob(repository, config);
  const body = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST_MEDIA_TYPE, config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: config.digest, size: config.size }, layers: [] }));
  const digest = await client.putManifest(repository, seed, body, OCI_MANIFEST_MEDIA_TYPE);
  return { mediaType: OCI_MANIFEST_MEDIA_TYPE, digest, size: body.length };
}

before(async () => {
  reg = await startRegistry({ auth: 'token' });
  cleanup.add(() => reg.stop());
  client = new RegistryClient({ host: reg.host, credentials: { username: reg.username, password: reg.password }, transport: { plainHttp: true } });
  cleanup.add(() => client.close());
});

describe('Artifact Hub repository metadata in Distribution 2.8', () => {
  it('is the artifacthub.io tag Artifact Hub reads, pushed once', async () => {
    const content = Buffer.from('repositoryID: 5b1e2bc2-58b5-4b1a-a3f4-8a7c9e0d1f23\nowners:\n  - name: Ann\n    email: ann@example.com\n');
    const metadata = parseArtifactHubRepo(content);
    const first = await pushArtifactHubRepo(client, 'charts/app', metadata);
    assert.equal(first.pushed, true);
    const manifest = await client.getManifest('charts/app', ARTIFACTHUB_TAG);
    assert.ok(manifest);
    assert.equal(manifest.digest, first.digest);
    const parsed = JSON.parse(manifest.body.toString());
    assert.equal(parsed.config.mediaType, 'application/vnd.cncf.artifacthub.config.v1+yaml');
    assert.equal((await client.getBlob('charts/app', parsed.config.digest)).toString(), '{}');
    assert.equal(parsed.layers[0].mediaType, 'application/vnd.cncf.artifacthub.repository-metadata.layer.v1.yaml');
    assert.deepEqual(await client.getBlob('charts/app', parsed.layers[0].digest), content);
    const again = await pushArtifactHubRepo(client, 'charts/app', metadata);
    assert.deepEqual(again, { digest: first.digest, pushed: false });
  });
});

describe('the referrers tag index of Distribution 2.8', () => {
  it('keeps entries and fields other tools wrote, and lists ours once', async () => {
    const repo = 'charts/indexed';
    const target = await subject(repo, 'one');
    const tag = referrersTag(target.digest);
    // What another tool (oras, cosign) left there: an entry of its own and a field we do not know.
    const sbom = await subject(repo, 'sbom');
    const foreign = { ...sbom, artifactType: 'application/spdx+json' };
    await client.putManifest(repo, tag, Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX_MEDIA_TYPE, manifests: [foreign], annotations: { keep: 'me' } })), OCI_INDEX_MEDIA_TYPE);

    const pushed = await pushReferrer(client, {
      repository: repo,
      subject: target,
      artifactType: 'application/vnd.example+json',
      layers: [{ mediaType: 'application/vnd.example+json', data: Buffer.from('{"a":1}') }],
      annotations: { 'org.example': 'x' },
    });
    await addToReferrersIndex(client, repo, target.digest, pushed); // a second add changes nothing
    const index = JSON.parse((await client.getManifest(repo, tag))!.body.toString());
    assert.deepEqual(index.annotations, { keep: 'me' });
    assert.deepEqual(index.manifests[0], foreign);
    assert.equal(index.manifests.length, 2);
    assert.deepEqual(index.manifests[1], { ...pushed });
    assert.equal(index.manifests[1].artifactType, 'application/vnd.example+json');
    const listed = await listReferrers(client, repo, target.digest);
    assert.equal(listed.api, false);
    assert.deepEqual(listed.manifests.map((m) => m.digest), [foreign.digest, pushed.digest]);
    const stored = JSON.parse((await client.getManifest(repo, pushed.digest))!.body.toString());
    assert.deepEqual(stored.subject, { mediaType: target.mediaType, size: target.size, digest: target.digest });
  });

  it('refuses to overwrite a sha256-<hex> tag that is not an index', async () => {
    const repo = 'charts/clash';
    const target = await subject(repo, 'two');
    const other = await subject(repo, 'three');
    const image = await client.getManifest(repo, other.digest);
    await client.putManifest(repo, referrersTag(target.digest), image!.body, OCI_MANIFEST_MEDIA_TYPE);
    await assert.rejects(
      addToReferrersIndex(client, repo, target.digest, { mediaType: OCI_MANIFEST_MEDIA_TYPE, digest: `sha256:${'2'.repeat(64)}`, size: 1 }),
      /holds a application\/vnd\.oci\.image\.manifest\.v1\+json, not an OCI image index: .*delete that tag/,
    );
  });
});

/**
 * Distribution 2.8 in front of which a small proxy answers the referrers API from the manifests
 * with a `subject` pushed through it, as registries with the API (zot, Distribution 3, Harbor 2.8+) do.
 */
async function withReferrersApi(upstream: TestRegistry): Promise<{ host: string; close(): Promise<void> }> {
  const referrers = new Map<string, unknown[]>();
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const api = /^\/v2\/(.+)\/referrers\/(sha256:[a-f0-9]{64})$/.exec(req.url ?? '');
      if (api && req.method === 'GET') {
        res.writeHead(200, { 'content-type': OCI_INDEX_MEDIA_TYPE });
        res.end(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX_MEDIA_TYPE, manifests: referrers.get(`${api[1]}@${api[2]}`) ?? [] }));
        return;
      }
      const forward = request({ host: '127.0.0.1', port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } }, (up) => {
        const manifest = /^\/v2\/(.+)\/manifests\//.exec(req.url ?? '');
        if (req.method === 'PUT' && manifest && up.statusCode === 201) {
          const parsed = JSON.parse(body.toString()) as { subject?: { digest: string }; artifactType?: string; annotations?: Record<string, string> };
          if (parsed.subject) {
            const key = `${manifest[1]}@${parsed.subject.digest}`;
            referrers.set(key, [...(referrers.get(key) ?? []), { mediaType: OCI_MANIFEST_MEDIA_TYPE, digest: up.headers['docker-content-digest'], size: body.length, artifactType: parsed.artifactType, annotations: parsed.annotations }]);
          }
        }
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { host: `127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

describe('simulated: a registry with the referrers API', () => {
  it('lists the referrer by itself: no sha256-<hex> tag is written', async () => {
    const open = await startRegistry({ auth: 'none' });
    cleanup.add(() => open.stop());
    const front = await withReferrersApi(open);
    cleanup.add(() => front.close());
    const apiClient = new RegistryClient({ host: front.host, transport: { plainHttp: true } });
    cleanup.add(() => apiClient.close());
    const config = blobOf(Buffer.from('{"seed":"api"}'));
    await apiClient.pushBlob('charts/api', config);
    const body = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST_MEDIA_TYPE, config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: config.digest, size: config.size }, layers: [] }));
    const target = { mediaType: OCI_MANIFEST_MEDIA_TYPE, digest: await apiClient.putManifest('charts/api', 'v1', body, OCI_MANIFEST_MEDIA_TYPE), size: body.length };
    const pushed = await pushReferrer(apiClient, { repository: 'charts/api', subject: target, artifactType: 'application/vnd.example+json', layers: [{ mediaType: 'application/vnd.example+json', data: Buffer.from('{}') }], annotations: {} });
    const listed = await listReferrers(apiClient, 'charts/api', target.digest);
    assert.equal(listed.api, true);
    assert.deepEqual(listed.manifests.map((m) => m.digest), [pushed.digest]);
    assert.equal(await apiClient.headManifest('charts/api', referrersTag(target.digest)), undefined, 'no fallback tag');
  });
});
