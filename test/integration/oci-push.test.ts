// pushChart against the real Distribution registry with token auth, proved with real Helm:
// our manifest is byte-identical to `helm push`'s, Helm 3.16/3.18/4.1 pull what we push (by tag and
// by digest), and the request counts per new / unchanged chart are what the design promises.
import assert from 'node:assert/strict';
import diagnostics from 'node:diagnostics_channel';
import { readdir, readFile, utimes, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { helmArtifact, pushChart, RegistryClient, RegistryError, tagForVersion, type HelmArtifact, type HelmChartInfo } from '../../src/oci/index.js';
import { helmHome, helmOk, helmRegistryFlags, runHelm, type HelmHome, type HelmVersion } from '../support/helm.js';
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

const NAME = 'pushdemo';
const VERSION = '1.2.3+build.7';
const TAG = tagForVersion(VERSION);
const CREATED = new Date('2026-03-04T05:06:07Z');

let reg: TestRegistry;
let home: HelmHome;
let work: string;
let tgzPath: string;
let tgz: Buffer;
let helmDigest: string;
let helmManifest: Buffer;
let configBytes: Buffer;
let meta: HelmChartInfo;

const CHART_YAML = `apiVersion: v2
name: ${NAME}
version: ${VERSION}
appVersion: "2.0"
description: Demo <b> & "quotes"
home: https://example.com/demo
sources:
  - https://github.com/example/demo
  - https://github.com/example/other
maintainers:
  - name: Ann
    email: ann@example.com
  - name: Bob
annotations:
  artifacthub.io/license: MIT
  org.opencontainers.image.title: not-allowed
  "10": ten
  "9": nine
`;

function newClient(options: { access?: 'push' | 'pull'; credentials?: boolean } = {}): RegistryClient {
  const client = new RegistryClient({
    host: reg.host,
    credentials: options.credentials === false ? undefined : { username: reg.username, password: reg.password },
    transport: { plainHttp: true },
    access: options.access,
  });
  cleanup.add(() => client.close());
  return client;
}

function artifact(repository: string, chart: Buffer = tgz, created: Date = CREATED): HelmArtifact {
  return helmArtifact({ repository, tag: TAG, config: configBytes, chart, meta, created });
}

/** Requests the registry logged (completed or refused) since `mark`, as "METHOD uri". */
async function registryRequestsSince(mark: number): Promise<string[]> {
  await new Promise((r) => setTimeout(r, 300)); // the registry logs after it answers
  return reg
    .logs()
    .slice(mark)
    .split('\n')
    .filter((line) => /msg="(response completed|error authorizing context)/.test(line))
    .map((line) => `${/http\.request\.method=(\w+)/.exec(line)?.[1]} ${/http\.request\.uri="?([^" ]+)/.exec(line)?.[1]}`);
}

const writes = (requests: string[]): string[] => requests.filter((r) => /^(PUT|POST|PATCH|DELETE) /.test(r));

// Different files inside the same chart version.
async function changedChart(): Promise<Buffer> {
  const dir = join(work, 'changed', NAME);
  await mkdir(join(dir, 'templates'), { recursive: true });
  await writeFile(join(dir, 'Chart.yaml'), CHART_YAML);
  await writeFile(join(dir, 'values.yaml'), 'greeting: changed\n');
  await writeFile(join(dir, 'templates', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
  await helmOk('4.1.4', ['package', dir, '-d', join(work, 'changed')]);
  return readFile(join(work, 'changed', `${NAME}-${VERSION}.tgz`));
}

async function helmPull(version: HelmVersion, ref: string, extra: string[] = []): Promise<Buffer> {
  const dest = join(work, `pull-${version}-${Math.random().toString(36).slice(2)}`);
  await mkdir(dest, { recursive: true });
  await helmOk(version, ['pull', ref, '-d', dest, ...extra, ...helmRegistryFlags(version, reg)], { home });
  const files = (await readdir(dest)).filter((f) => f.endsWith('.tgz'));
  assert.equal(files.length, 1, `one .tgz pulled by Helm ${version}: ${files.join(', ')}`);
  return readFile(join(dest, files[0]!));
}

before(async () => {
  reg = await startRegistry({ auth: 'token' });
  cleanup.add(() => reg.stop());
  home = await helmHome();
  cleanup.add(() => home.remove());
  work = await cleanup.tempDir('oci-push-');

  const chartDir = join(work, 'src', NAME);
  await mkdir(join(chartDir, 'templates'), { recursive: true });
  await writeFile(join(chartDir, 'Chart.yaml'), CHART_YAML);
  await writeFile(join(chartDir, 'values.yaml'), 'greeting: hello\n');
  await writeFile(join(chartDir, 'templates', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n');
  await helmOk('4.1.4', ['package', chartDir, '-d', work]);
  tgzPath = join(work, `${NAME}-${VERSION}.tgz`);
  await utimes(tgzPath, CREATED, CREATED);
  tgz = await readFile(tgzPath);

  // The reference: real `helm push` (4.1.4) of the same .tgz into another namespace.
  await helmOk('4.1.4', ['registry', 'login', reg.host, '--username', reg.username, '--password-stdin', '--plain-http'], { home, input: reg.password });
  const pushed = await helmOk('4.1.4', ['push', tgzPath, `oci://${reg.host}/golden`, '--plain-http'], { home });
  helmDigest = /Digest: (sha256:[0-9a-f]{64})/.exec(pushed.stdout + pushed.stderr)![1]!;

  const reader = newClient({ access: 'pull' });
  const manifest = await reader.getManifest(`golden/${NAME}`, TAG);
  assert.ok(manifest);
  helmManifest = manifest.body;
  const config = (JSON.parse(helmManifest.toString()) as { config: { digest: string } }).config;
  configBytes = await reader.getBlob(`golden/${NAME}`, config.digest);
  meta = JSON.parse(configBytes.toString()) as HelmChartInfo;
});

describe('pushChart against Distribution (token auth)', () => {
  it('builds the manifest helm push builds, byte for byte', () => {
    const ours = artifact('charts/pushdemo');
    assert.equal(ours.manifest.body.toString(), helmManifest.toString());
    assert.equal(ours.manifest.digest, helmDigest);
    // what that means for the annotations Helm wrote
    const annotations = (JSON.parse(helmManifest.toString()) as { annotations: Record<string, string> }).annotations;
    assert.equal(annotations['org.opencontainers.image.title'], NAME);
    assert.equal(annotations['org.opencontainers.image.created'], '2026-03-04T05:06:07Z');
    assert.equal(annotations['org.opencontainers.image.authors'], 'Ann (ann@example.com), Bob');
    assert.ok(helmManifest.includes('\\u003cb\\u003e \\u0026'), 'Go escaping of < > &');
  });

  it('pushes a new chart in 1 auth round trip + 6 requests, and real Helm pulls it by tag and by digest', async () => {
    const client = newClient();
    const mark = reg.logs().length;
    const tokensBefore = reg.tokenServer!.requests.length;
    const result = await pushChart(client, artifact('charts/pushdemo'), { ifExists: 'fail', sameChartFiles: async () => false });
    assert.deepEqual(outcome(result), { status: 'pushed', digest: helmDigest, signed: false });

    // first request learns the challenge (401), one token, then HEAD-free: GET tag, 2 × (POST + PUT), PUT manifest
    assert.deepEqual(client.stats, { registryRequests: 7, tokenRequests: 1, otherRequests: 0 });
    assert.equal(reg.tokenServer!.requests.length - tokensBefore, 1);
    assert.deepEqual(reg.tokenServer!.requests.at(-1)!.scopes, ['repository:charts/pushdemo:pull,push']);
    const seen = await registryRequestsSince(mark);
    assert.equal(seen.length, 7, seen.join('\n'));
    assert.equal(writes(seen).length, 5);
    assert.ok(seen.at(-1)!.startsWith(`PUT /v2/charts/pushdemo/manifests/${TAG}`), 'the manifest is PUT once, by tag');

    for (const version of ['3.16.1', '3.18.0', '4.1.4'] as const) {
      assert.ok((await helmPull(version, `oci://${reg.host}/charts/${NAME}`, ['--version', VERSION])).equals(tgz), `Helm ${version} by tag`);
    }
    for (const version of ['3.18.0', '4.1.4'] as const) {
      assert.ok((await helmPull(version, `oci://${reg.host}/charts/${NAME}@${helmDigest}`)).equals(tgz), `Helm ${version} by digest`);
    }
    const show = await helmOk('4.1.4', ['show', 'chart', `oci://${reg.host}/charts/${NAME}`, '--version', VERSION, '--plain-http'], { home });
    assert.match(show.stdout, /Digest: sha256|name: pushdemo/);
  });

  it('re-pushing the same chart is 1 request after the client is prepared, and no writes', async () => {
    const client = newClient();
    const mark = reg.logs().length;
    await client.prepare([{ repository: 'charts/pushdemo', reference: TAG }]);
    const result = await pushChart(client, artifact('charts/pushdemo'), { ifExists: 'fail', sameChartFiles: async () => false });
    assert.deepEqual(outcome(result), { status: 'unchanged', digest: helmDigest, signed: false });
    assert.deepEqual(client.stats, { registryRequests: 2, tokenRequests: 1, otherRequests: 0 }, 'GET /v2/ and one token to prepare, then the tag check');
    const seen = await registryRequestsSince(mark);
    assert.deepEqual(seen, ['GET /v2/', `GET /v2/charts/pushdemo/manifests/${TAG}`]);
  });

  it('the same files in another archive are unchanged, and the registry\'s digest is reported', async () => {
    const client = newClient();
    const repacked = gzipSync(gunzipSync(tgz), { level: 1 });
    assert.notDeepEqual(repacked, tgz);
    const mark = reg.logs().length;
    const result = await pushChart(client, artifact('charts/pushdemo', repacked), {
      ifExists: 'fail',
      sameChartFiles: async (remote) => gunzipSync(remote).equals(gunzipSync(repacked)),
    });
    assert.deepEqual(outcome(result), { status: 'unchanged', digest: helmDigest, signed: false });
    assert.deepEqual(writes(await registryRequestsSince(mark)), []);
  });

  describe('a tag that exists with different content', () => {
    let changed: HelmArtifact;
    before(async () => {
      changed = artifact('charts/pushdemo', await changedChart());
    });

    it('fail: refuses with a message naming both digests and the if-exists choices, writing nothing', async () => {
      const client = newClient();
      const mark = reg.logs().length;
      await client.prepare([{ repository: 'charts/pushdemo', reference: TAG }]);
      await assert.rejects(pushChart(client, changed, { ifExists: 'fail', sameChartFiles: async () => false }), (error: unknown) => {
        assert.ok(error instanceof RegistryError);
        assert.equal(error.kind, 'tag-exists');
        assert.match(error.message, new RegExp(`${reg.host}/charts/pushdemo:${TAG} already exists with a different chart`));
        assert.match(error.message, new RegExp(`registry digest ${helmDigest}, this chart ${changed.manifest.digest}`));
        assert.match(error.message, /bump the chart version.*if-exists: overwrite.*if-exists: skip/);
        return true;
      });
      const seen = await registryRequestsSince(mark);
      assert.deepEqual(writes(seen), []);
      // GET /v2/ to prepare, GET by tag (brings the manifest), GET of their chart layer for the file comparison
      assert.equal(seen.filter((r) => r.startsWith('GET ')).length, 3, seen.join('\n'));
    });

    it('skip: keeps the registry\'s copy, reports its digest and warns', async () => {
      const client = newClient();
      const mark = reg.logs().length;
      const result = await pushChart(client, changed, { ifExists: 'skip', sameChartFiles: async () => false });
      assert.equal(result.status, 'skipped');
      assert.equal(result.digest, helmDigest);
      assert.match(result.warning ?? '', /already exists with a different chart.*if-exists is skip/);
      assert.deepEqual(writes(await registryRequestsSince(mark)), []);
    });

    it('overwrite: pushes only the blobs the registry lacks and moves the tag', async () => {
      const client = newClient();
      const mark = reg.logs().length;
      const result = await pushChart(client, changed, { ifExists: 'overwrite', sameChartFiles: async () => false });
      assert.deepEqual(outcome(result), { status: 'pushed', digest: changed.manifest.digest, signed: false });
      const w = writes(await registryRequestsSince(mark));
      // the config blob is the same as the one already there: only the chart layer and manifest
      assert.equal(w.filter((r) => r.startsWith('PUT /v2/charts/pushdemo/blobs/uploads/')).length, 1, w.join('\n'));
      assert.ok(w.at(-1)!.startsWith(`PUT /v2/charts/pushdemo/manifests/${TAG}`));
      assert.ok((await helmPull('4.1.4', `oci://${reg.host}/charts/${NAME}`, ['--version', VERSION])).equals(changed.chart.data));
    });
  });

  it('pushes many charts in parallel: one token for all, 6 requests each, few connections', async () => {
    const count = 12;
    const client = newClient();
    const artifacts = Array.from({ length: count }, (_, i) => {
      const chart = gzipSync(Buffer.concat([gunzipSync(tgz), Buffer.from(`pad ${i}`)]));
      return helmArtifact({ repository: `parallel/chart-${i}`, tag: TAG, config: configBytes, chart, meta, created: CREATED });
    });

    let connections = 0;
    const onConnect = (): void => void connections++;
    diagnostics.subscribe('undici:client:connected', onConnect);
    const started = performance.now();
    try {
      void client.prepare(artifacts.map((a) => ({ repository: a.repository, reference: TAG })));
      const results = await Promise.all(artifacts.map((a) => pushChart(client, a, { ifExists: 'fail', sameChartFiles: async () => false })));
      assert.ok(results.every((r) => r.status === 'pushed'));
      // one GET /v2/ and one token for all, then 6 requests per chart
      assert.equal((client.stats.registryRequests - 1) / count, 6);
      assert.equal(client.stats.tokenRequests, 1);

      const again = client.stats.registryRequests;
      const unchanged = await Promise.all(artifacts.map((a) => pushChart(client, a, { ifExists: 'fail', sameChartFiles: async () => false })));
      assert.ok(unchanged.every((r) => r.status === 'unchanged'));
      assert.equal(client.stats.registryRequests - again, count, '1 request per unchanged chart');
    } finally {
      diagnostics.unsubscribe('undici:client:connected', onConnect);
    }
    const ms = performance.now() - started;
    // keep-alive: far fewer connections than requests (12 × 7 + 2)
    assert.ok(connections <= count * 3, `${connections} connections`);
    console.log(`# ${count} charts: ${client.stats.registryRequests} registry requests, ${client.stats.tokenRequests} token request(s), ${connections} connections, ${ms.toFixed(0)} ms`);

    const pulled = await runHelm('4.1.4', ['pull', `oci://${reg.host}/parallel/chart-7`, '--version', VERSION, '-d', work, '--plain-http'], { home });
    assert.equal(pulled.code, 0, pulled.stderr);
  });
});
