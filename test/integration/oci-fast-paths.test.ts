// The client's opt-in shortcuts against the real Distribution registry with token auth: the early
// probe, tag checks sent ahead (prefetchManifests), the catalog proving repositories new (and the
// fallback when it is refused), and a chart layer streamed from a file instead of held in memory.
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { helmArtifact, pushChart, RegistryClient, RegistryError, sha256Digest, type HelmArtifact, type StreamedBlob } from '../../src/oci/index.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { Cleanup } from '../support/tmp.js';

const cleanup = new Cleanup();
after(() => cleanup.run());

let reg: TestRegistry;
const CREATED = new Date('2026-03-04T05:06:07Z');

function newClient(options: { catalog?: boolean; user?: number } = {}): RegistryClient {
  const user = reg.users[options.user ?? 0]!;
  const client = new RegistryClient({
    host: reg.host,
    credentials: { username: user.username, password: user.password },
    transport: { plainHttp: true },
    catalog: options.catalog,
  });
  cleanup.add(() => client.close());
  return client;
}

function chart(repository: string, content = repository): HelmArtifact {
  const name = repository.slice(repository.lastIndexOf('/') + 1);
  return helmArtifact({
    repository,
    tag: '1.0.0',
    config: `{"name":"${name}","version":"1.0.0","apiVersion":"v2"}`,
    chart: gzipSync(Buffer.from(`chart ${content}`)),
    meta: { name, version: '1.0.0' },
    created: CREATED,
  });
}

const push = (client: RegistryClient, artifact: HelmArtifact) => pushChart(client, artifact, { ifExists: 'fail', sameChartFiles: async () => false });

before(async () => {
  reg = await startRegistry({
    auth: 'token',
    users: [
      { username: 'ci', password: 'ci-secret-1' },
      // May push, may not read the catalog (the token server grants only these actions).
      { username: 'pusher', password: 'pusher-secret-2', actions: ['pull', 'push'] },
    ],
  });
  cleanup.add(() => reg.stop());
});

describe('RegistryClient shortcuts (Distribution, token auth)', () => {
  it('probe learns the scheme once; authorizeRepositories then needs no GET /v2/', async () => {
    const client = newClient();
    await Promise.all([client.probe(), client.probe()]);
    assert.deepEqual(client.stats, { registryRequests: 1, tokenRequests: 0, otherRequests: 0 });
    await client.authorizeRepositories(['probe/a', 'probe/b']);
    assert.deepEqual(client.stats, { registryRequests: 1, tokenRequests: 1, otherRequests: 0 });
  });

  it('prefetchManifests sends the tag checks ahead: same requests, each answer used once', async () => {
    const client = newClient();
    const artifacts = Array.from({ length: 5 }, (_, i) => chart(`ahead/chart-${i}`));
    await push(newClient(), artifacts[0]!);
    await client.authorizeRepositories(artifacts.map((a) => a.repository));
    const start = client.stats.registryRequests;
    client.prefetchManifests(artifacts.map((a) => ({ repository: a.repository, reference: a.tag })));
    const results = await Promise.all(artifacts.map((a) => push(client, a)));
    assert.deepEqual(results.map((r) => r.status), ['unchanged', 'pushed', 'pushed', 'pushed', 'pushed']);
    // 1 for the unchanged chart, 6 for each new one: what it costs without prefetching
    assert.equal(client.stats.registryRequests - start, 1 + 4 * 6);
    // the prefetched answers are gone: a second round asks again
    const again = await Promise.all(artifacts.map((a) => push(client, a)));
    assert.ok(again.every((r) => r.status === 'unchanged'));
    assert.equal(client.stats.registryRequests - start, 1 + 4 * 6 + 5);
  });

  it('the catalog proves new repositories: 5 requests a chart, existing tags still checked', async () => {
    const existing = chart('cat/chart-0');
    await push(newClient(), existing);
    const client = newClient({ catalog: true });
    const artifacts = [chart('cat/chart-0', 'different content'), ...Array.from({ length: 4 }, (_, i) => chart(`cat/chart-${i + 1}`))];
    await client.authorizeRepositories(artifacts.map((a) => a.repository));
    // GET /v2/ and the catalog; one token for the repositories, one for the catalog
    assert.deepEqual(client.stats, { registryRequests: 2, tokenRequests: 2, otherRequests: 0 });
    const results = await Promise.allSettled(artifacts.map((a) => push(client, a)));
    const first = results[0]!;
    assert.equal(first.status, 'rejected', 'the existing tag with other content is still refused');
    assert.ok(first.status === 'rejected' && first.reason instanceof RegistryError && first.reason.kind === 'tag-exists');
    assert.ok(results.slice(1).every((r) => r.status === 'fulfilled' && r.value.status === 'pushed'));
    // chart-0: GET tag + GET its chart layer (compared, refused); 4 new charts × 5 (no tag check)
    assert.equal(client.stats.registryRequests, 2 + 2 + 4 * 5);
    assert.deepEqual(await client.absentRepositories(['cat/chart-1', 'cat/chart-9']), new Set(['cat/chart-9']));
  });

  it('a catalog the token does not cover changes nothing but one request', async () => {
    const client = newClient({ catalog: true, user: 1 });
    const artifacts = Array.from({ length: 3 }, (_, i) => chart(`nocat/chart-${i}`));
    await client.authorizeRepositories(artifacts.map((a) => a.repository));
    const results = await Promise.all(artifacts.map((a) => push(client, a)));
    assert.ok(results.every((r) => r.status === 'pushed'));
    // GET /v2/, the refused catalog (401, not retried), then 6 a chart with the tag check
    assert.equal(client.stats.registryRequests, 2 + 3 * 6);
  });

  it('repositories in several namespaces are not decided by the catalog', async () => {
    const client = newClient({ catalog: true });
    assert.deepEqual(await client.absentRepositories(['one/a', 'two/b']), new Set());
  });

  it('streams a chart layer from a file, opening it again for each attempt', async () => {
    const work = await cleanup.tempDir('oci-stream-');
    const data = gzipSync(Buffer.alloc(3 * 1024 * 1024, 7), { level: 0 });
    const file = join(work, 'big.tgz');
    await writeFile(file, data);
    let opened = 0;
    const streamed: StreamedBlob = {
      digest: sha256Digest(data),
      size: data.length,
      open: () => {
        opened++;
        return createReadStream(file);
      },
    };
    const inMemory = helmArtifact({ repository: 'stream/big', tag: '1.0.0', config: '{"name":"big","version":"1.0.0"}', chart: data, meta: { name: 'big', version: '1.0.0' }, created: CREATED });
    const client = newClient();
    const result = await pushChart(client, { ...inMemory, chart: streamed }, { ifExists: 'fail', sameChartFiles: async () => false });
    assert.equal(result.status, 'pushed');
    assert.ok(opened >= 1);
    assert.ok((await client.getBlob('stream/big', streamed.digest)).equals(data));
  });
});
