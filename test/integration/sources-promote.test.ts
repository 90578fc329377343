// Promoting charts between repositories by digest, against real Distribution registries: within one
// registry the blobs are mounted (the registry's log shows no blob upload), between two registries
// with different credentials they are streamed; the digest at the destination is the source's,
// real Helm 4.1 pulls and verifies the provenance there, and what refers to the digest (a
// signature-like referrer with its referrers tag, a cosign .sig tag) comes along.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { copyArtifact, type CopyResult } from '../../src/oci/copy.js';
import type { Manifest } from '../../src/oci/client.js';
import { blobOf, OCI_INDEX_MEDIA_TYPE, OCI_MANIFEST_MEDIA_TYPE } from '../../src/oci/helm-manifest.js';
import { RegistryClient } from '../../src/oci/index.js';
import { ociSourceReferences, parseSourceLine, readOciChart, type OciSource } from '../../src/sources/index.js';
import { writeMinimalChart } from '../support/charts.js';
import { GpgHome, type GpgKey } from '../support/gpg.js';
import { helmHome, helmOk, type HelmHome } from '../support/helm.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { Cleanup } from '../support/tmp.js';

const cleanup = new Cleanup();
after(() => cleanup.run());

const DEV_USER = { username: 'dev-ci', password: randomBytes(9).toString('hex') };
const PROD_USER = { username: 'prod-ci', password: randomBytes(9).toString('hex') };
const BUNDLE_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';

let work: string;
let dev: TestRegistry;
let prod: TestRegistry;
let home: HelmHome;
let key: GpgKey;
let devClient: RegistryClient;
let prodClient: RegistryClient;
let chart: Manifest;
let referrerDigest: string;

function client(reg: TestRegistry, user: { username: string; password: string }): RegistryClient {
  const c = new RegistryClient({ host: reg.host, credentials: user, transport: { plainHttp: true, proxy: {} } });
  cleanup.add(() => c.close());
  return c;
}

async function pushManifest(c: RegistryClient, repository: string, reference: string, manifest: object, blobs: Buffer[]): Promise<string> {
  for (const data of blobs) await c.pushBlob(repository, blobOf(data));
  const body = Buffer.from(JSON.stringify(manifest));
  return c.putManifest(repository, reference, body, (manifest as { mediaType?: string }).mediaType ?? OCI_MANIFEST_MEDIA_TYPE);
}

// A signature-like referrer as cosign 3 / @sigstore/oci store it (simulated: no Fulcio or Rekor
// here, so the bundle is a placeholder), listed in the referrers tag Distribution 2.8 needs, and a
// legacy cosign .sig tag.
async function attachSignatures(repository: string, subject: Manifest): Promise<void> {
  const hex = subject.digest.slice('sha256:'.length);
  const empty = Buffer.from('{}');
  const bundle = Buffer.from(JSON.stringify({ mediaType: BUNDLE_TYPE, simulated: true, subject: subject.digest }));
  const annotations = { 'dev.sigstore.bundle.content': 'dsse-envelope', 'dev.sigstore.bundle.predicateType': 'https://sigstore.dev/cosign/sign/v1' };
  const referrer = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    artifactType: BUNDLE_TYPE,
    config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: blobOf(empty).digest, size: 2 },
    layers: [{ mediaType: BUNDLE_TYPE, digest: blobOf(bundle).digest, size: bundle.length }],
    subject: { mediaType: OCI_MANIFEST_MEDIA_TYPE, digest: subject.digest, size: subject.size },
    annotations,
  };
  const referrerBody = Buffer.from(JSON.stringify(referrer));
  referrerDigest = blobOf(referrerBody).digest;
  await pushManifest(devClient, repository, referrerDigest, referrer, [empty, bundle]);
  const index = { schemaVersion: 2, mediaType: OCI_INDEX_MEDIA_TYPE, manifests: [{ mediaType: OCI_MANIFEST_MEDIA_TYPE, digest: referrerDigest, size: referrerBody.length, artifactType: BUNDLE_TYPE, annotations }] };
  await pushManifest(devClient, repository, `sha256-${hex}`, index, []);
  const payload = Buffer.from(JSON.stringify({ critical: { image: { 'docker-manifest-digest': subject.digest }, type: 'cosign container image signature' } }));
  const sigConfig = Buffer.from('{"architecture":"","os":"","config":{},"rootfs":{"type":"layers","diff_ids":[]}}');
  await pushManifest(devClient, repository, `sha256-${hex}.sig`, {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: blobOf(sigConfig).digest, size: sigConfig.length },
    layers: [{ mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json', digest: blobOf(payload).digest, size: payload.length, annotations: { 'dev.cosignproject.cosign/signature': 'c2ltdWxhdGVk' } }],
  }, [sigConfig, payload]);
}

before(async () => {
  work = await cleanup.tempDir('promote-');
  [dev, prod] = await Promise.all([startRegistry({ auth: 'token', users: [DEV_USER] }), startRegistry({ auth: 'basic', users: [PROD_USER] })]);
  cleanup.add(() => dev.stop());
  cleanup.add(() => prod.stop());
  home = await helmHome();
  cleanup.add(() => home.remove());
  const gpg = await GpgHome.create();
  cleanup.add(() => gpg.remove());
  key = await gpg.makeKey({ name: 'Release Signer', algorithm: 'rsa' });
  devClient = client(dev, DEV_USER);
  prodClient = client(prod, PROD_USER);

  // Charts pushed to dev by real Helm: a signed app in two versions and a large, incompressible one.
  const app = await writeMinimalChart(join(work, 'src'), { name: 'app', description: 'promoted' });
  const big = await writeMinimalChart(join(work, 'src'), { name: 'big' });
  await writeFile(join(big, 'blob.bin'), randomBytes(3 * 1024 * 1024));
  const out = join(work, 'out');
  await mkdir(out);
  for (const version of ['1.0.0', '1.1.0', '2.0.0-rc.1']) {
    await helmOk('4.1.4', ['package', app, '--version', version, '-d', out, '--sign', '--key', 'Release Signer', '--keyring', key.secretKeyring]);
  }
  await helmOk('4.1.4', ['package', big, '--version', '0.1.0', '-d', out]);
  for (const [reg, user] of [[dev, DEV_USER], [prod, PROD_USER]] as const) {
    await helmOk('4.1.4', ['registry', 'login', reg.host, '--username', user.username, '--password-stdin', '--plain-http'], { home, input: user.password });
  }
  for (const file of ['app-1.0.0.tgz', 'app-1.1.0.tgz', 'app-2.0.0-rc.1.tgz', 'big-0.1.0.tgz']) {
    await helmOk('4.1.4', ['push', join(out, file), `oci://${dev.host}/dev`, '--plain-http'], { home });
  }
  chart = (await devClient.getManifest('dev/app', '1.0.0'))!;
  await devClient.putManifest('dev/app', 'latest', chart.body, OCI_MANIFEST_MEDIA_TYPE);
  await attachSignatures('dev/app', chart);
});

async function promote(from: RegistryClient, sourceRepo: string, reference: string, to: RegistryClient, destinationRepo: string, ifExists: 'fail' | 'skip' | 'overwrite' = 'fail'): Promise<CopyResult & { version: string }> {
  const read = await readOciChart(from, sourceRepo, reference);
  const result = await copyArtifact({ client: from, repository: sourceRepo, manifest: read.manifest }, { client: to, repository: destinationRepo, tag: read.version.replace('+', '_') }, { ifExists });
  return { ...result, version: read.version };
}

async function assertPulledAndVerified(reg: TestRegistry, repository: string, version: string): Promise<void> {
  const dest = join(work, 'pulled', reg.host.replace(':', '_'), repository, version);
  await mkdir(dest, { recursive: true });
  const pulled = await helmOk('4.1.4', ['pull', `oci://${reg.host}/${repository}`, '--version', version, '-d', dest, '--plain-http', '--verify', '--keyring', key.publicKeyring], { home });
  assert.match(pulled.stdout + pulled.stderr, /Signed by: Release Signer/);
}

async function assertSignaturesAt(c: RegistryClient, repository: string): Promise<void> {
  const hex = chart.digest.slice('sha256:'.length);
  const index = await c.getManifest(repository, `sha256-${hex}`);
  assert.ok(index, 'the referrers tag is there');
  assert.deepEqual((JSON.parse(index.body.toString()) as { manifests: { digest: string }[] }).manifests.map((m) => m.digest), [referrerDigest]);
  const referrer = (await c.getManifest(repository, referrerDigest))!;
  assert.equal((JSON.parse(referrer.body.toString()) as { subject: { digest: string } }).subject.digest, chart.digest, 'the referrer still points at the chart');
  assert.equal((await c.checkManifest(repository, `sha256-${hex}.sig`))?.digest, (await devClient.checkManifest('dev/app', `sha256-${hex}.sig`))?.digest, 'the cosign .sig tag came along, same bytes');
}

const uploadsTo = (reg: TestRegistry, repository: string): number => (reg.logs().match(new RegExp(`http\\.request\\.method=PUT[^\\n]*http\\.request\\.uri="/v2/${repository}/blobs/uploads/`, 'g')) ?? []).length;
const writes = (reg: TestRegistry): number => (reg.logs().match(/http\.request\.method=(PUT|POST|PATCH)/g) ?? []).length;

describe('promotion within one registry', () => {
  it('mounts every blob, keeps the digest, and Helm 4.1 verifies the chart at the destination', async () => {
    const result = await promote(devClient, 'dev/app', '1.0.0', devClient, 'prod/app');
    assert.equal(result.status, 'pushed');
    assert.equal(result.digest, chart.digest);
    assert.equal((await devClient.checkManifest('prod/app', '1.0.0'))?.digest, chart.digest);
    assert.deepEqual({ mounted: result.stats.mounted, uploaded: result.stats.uploaded }, { mounted: 7, uploaded: 0 }, 'config, chart and prov, the referrer\'s two blobs and the .sig\'s two');
    assert.equal(uploadsTo(dev, 'prod/app'), 0, 'the registry saw no blob upload into prod/app');
    assert.match(dev.logs(), /http\.request\.method=POST[^\n]*uri="\/v2\/prod\/app\/blobs\/uploads\/\?(from=dev%2Fapp&mount=sha256|mount=sha256%3A\w+&from=dev%2Fapp)[^\n]*http\.response\.status=201/);
    assert.equal(result.referrers, 2, 'the referrer and the .sig tag');
    await assertSignaturesAt(devClient, 'prod/app');
    await assertPulledAndVerified(dev, 'prod/app', '1.0.0');
  });

  it('a second promotion is unchanged and writes nothing', async () => {
    const before = writes(dev);
    const result = await promote(devClient, 'dev/app', '1.0.0', devClient, 'prod/app');
    assert.equal(result.status, 'unchanged');
    assert.equal(result.digest, chart.digest);
    assert.deepEqual(result.stats, { mounted: 0, uploaded: 0, present: 0, manifests: 0 });
    assert.equal(writes(dev), before);
  });

  it('every SemVer tag in a range, by tag listing (not latest, not signature tags, no prerelease)', async () => {
    const source = parseSourceLine(`oci://${dev.host}/dev/app`) as OciSource;
    assert.deepEqual(await ociSourceReferences(devClient, source, '>=1.0.0'), ['1.0.0', '1.1.0']);
    assert.deepEqual(await ociSourceReferences(devClient, source), ['1.0.0', '1.1.0', '2.0.0-rc.1']);
  });

  it('a destination tag holding other content fails by default, and is kept with if-exists: skip', async () => {
    const other = (await devClient.getManifest('dev/app', '1.1.0'))!;
    await promote(devClient, 'dev/app', '1.1.0', devClient, 'clash/app');
    await devClient.putManifest('clash/app', '1.0.0', other.body, OCI_MANIFEST_MEDIA_TYPE);
    await assert.rejects(promote(devClient, 'dev/app', '1.0.0', devClient, 'clash/app'), /clash\/app:1.0.0 already exists with other content .*if-exists: overwrite/);
    const skipped = await promote(devClient, 'dev/app', '1.0.0', devClient, 'clash/app', 'skip');
    assert.deepEqual([skipped.status, skipped.digest], ['skipped', other.digest]);
    const replaced = await promote(devClient, 'dev/app', '1.0.0', devClient, 'clash/app', 'overwrite');
    assert.deepEqual([replaced.status, replaced.digest], ['pushed', chart.digest]);
  });
});

describe('promotion between registries with different credentials', () => {
  it('streams the blobs, keeps the digest and the signatures, and Helm 4.1 verifies at the destination', async () => {
    const source = parseSourceLine(`oci://${dev.host}/dev/app@${chart.digest}`) as OciSource;
    const [reference] = await ociSourceReferences(devClient, source);
    const result = await promote(devClient, source.repository, reference!, prodClient, 'charts/app');
    assert.deepEqual([result.status, result.digest, result.version], ['pushed', chart.digest, '1.0.0']);
    assert.deepEqual({ mounted: result.stats.mounted, uploaded: result.stats.uploaded }, { mounted: 0, uploaded: 7 });
    await assertSignaturesAt(prodClient, 'charts/app');
    await assertPulledAndVerified(prod, 'charts/app', '1.0.0');
    assert.doesNotMatch(prod.logs(), new RegExp(DEV_USER.username), 'prod never saw the dev user');
    assert.ok(!dev.tokenServer!.requests.some((r) => r.username === PROD_USER.username), 'dev never saw the prod user');
  });

  it('streams a blob larger than 1 MiB and finds it there on the next run', async () => {
    const first = await promote(devClient, 'dev/big', '0.1.0', prodClient, 'charts/big');
    assert.equal(first.status, 'pushed');
    assert.equal((await prodClient.checkManifest('charts/big', '0.1.0'))?.digest, first.digest);
    const chartLayer = (JSON.parse((await prodClient.getManifest('charts/big', '0.1.0'))!.body.toString()) as { layers: { size: number }[] }).layers[0]!;
    assert.ok(chartLayer.size > 3 * 1024 * 1024);
    // Delete the manifest (the blobs stay): the next promotion finds the large blob there.
    const auth = `Basic ${Buffer.from(`${PROD_USER.username}:${PROD_USER.password}`).toString('base64')}`;
    const deleted = await fetch(`${prod.baseUrl}/v2/charts/big/manifests/${first.digest}`, { method: 'DELETE', headers: { authorization: auth } });
    assert.equal(deleted.status, 202);
    assert.equal(await prodClient.checkManifest('charts/big', '0.1.0'), undefined);
    const again = await promote(devClient, 'dev/big', '0.1.0', prodClient, 'charts/big');
    assert.deepEqual([again.status, again.digest], ['pushed', first.digest]);
    assert.equal(again.stats.present, 1, 'the large blob is already there: not sent again');
    assert.equal(again.stats.uploaded, 1, 'only the small config is sent again (small blobs are not checked first)');
  });
});

describe('simulated: a registry that pages its tag list', () => {
  it('follows Link: rel="next" and refuses a next page on another host', async () => {
    const pages: Record<string, { tags: string[]; next?: string }> = {
      '/v2/ns/app/tags/list?n=1000': { tags: ['0.1.0', 'latest'], next: '/v2/ns/app/tags/list?last=latest&n=2' },
      '/v2/ns/app/tags/list?last=latest&n=2': { tags: ['1.0.0', '1.0.0_build.1'], next: '/v2/ns/app/tags/list?last=1.0.0_build.1&n=2' },
      '/v2/ns/app/tags/list?last=1.0.0_build.1&n=2': { tags: ['2.0.0'] },
      '/v2/ns/evil/tags/list?n=1000': { tags: ['1.0.0'], next: 'http://elsewhere.example/v2/ns/evil/tags/list?n=2' },
    };
    const server = createServer((req, res) => {
      const page = pages[req.url ?? ''];
      if (req.url === '/v2/') return void res.writeHead(200).end('{}');
      if (!page) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json', ...(page.next ? { link: `<${page.next}>; rel="next"` } : {}) }).end(JSON.stringify({ name: 'ns/app', tags: page.tags }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanup.add(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const c = new RegistryClient({ host: `127.0.0.1:${(server.address() as AddressInfo).port}`, transport: { plainHttp: true, proxy: {} } });
    cleanup.add(() => c.close());
    assert.deepEqual(await c.listTags('ns/app'), ['0.1.0', 'latest', '1.0.0', '1.0.0_build.1', '2.0.0']);
    assert.deepEqual(await ociSourceReferences(c, { kind: 'oci', line: '', host: c.host, repository: 'ns/app' }, '>=1'), ['1.0.0', '1.0.0_build.1', '2.0.0']);
    await assert.rejects(c.listTags('ns/evil'), /next page is on another host \(elsewhere.example\)/);
  });
});

describe('simulated: a source registry that serves corrupted blob bytes', () => {
  it('the streamed copy fails on the digest check and the destination gets no tag', async () => {
    const config = Buffer.from('{"name":"app","version":"1.0.0","apiVersion":"v2"}');
    const layer = randomBytes(2 * 1024 * 1024);
    const corrupted = Buffer.from(layer);
    corrupted[corrupted.length - 1] ^= 0xff;
    const manifest = Buffer.from(JSON.stringify({
      schemaVersion: 2,
      config: { mediaType: 'application/vnd.cncf.helm.config.v1+json', digest: blobOf(config).digest, size: config.length },
      layers: [{ mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', digest: blobOf(layer).digest, size: layer.length }],
    }));
    const routes = new Map<string, Buffer>([
      ['/v2/x/app/manifests/1.0.0', manifest],
      [`/v2/x/app/blobs/${blobOf(config).digest}`, config],
      [`/v2/x/app/blobs/${blobOf(layer).digest}`, corrupted],
    ]);
    const server = createServer((req, res) => {
      if (req.url === '/v2/') return void res.writeHead(200).end('{}');
      const body = routes.get(req.url ?? '');
      if (!body) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"code":"MANIFEST_UNKNOWN","message":"unknown"}]}');
      const type = req.url?.includes('/manifests/') ? OCI_MANIFEST_MEDIA_TYPE : 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'content-length': String(body.length) }).end(req.method === 'HEAD' ? undefined : body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanup.add(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const source = new RegistryClient({ host: `127.0.0.1:${(server.address() as AddressInfo).port}`, transport: { plainHttp: true, proxy: {} } });
    cleanup.add(() => source.close());
    await assert.rejects(promote(source, 'x/app', '1.0.0', prodClient, 'corrupt/app'), /download blob sha256:\w+… \(127\.0\.0\.1:\d+\/x\/app\): the content received does not match its digest/);
    assert.equal(await prodClient.checkManifest('corrupt/app', '1.0.0'), undefined, 'no tag at the destination');
    assert.equal(await prodClient.blobExists('corrupt/app', blobOf(layer).digest), false, 'and no blob under that digest');
  });
});
