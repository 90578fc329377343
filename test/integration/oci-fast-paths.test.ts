// The client's shortcuts against the real Distribution registry with token auth: tag checks sent
// ahead (prepare) and a chart layer streamed from a file instead of held in memory.
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { helmArtifact, pushChart, RegistryClient, sha256Digest, type HelmArtifact, type StreamedBlob } from '../../src/oci/index.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { Cleanup } from '../support/tmp.js';

const cleanup = new Cleanup();
after(() => cleanup.run());

let reg: TestRegistry;
const CREATED = new Date('2026-03-04T05:06:07Z');

function newClient(): RegistryClient {
  const user = reg.users[0]!;
  const client = new RegistryClient({
    host: reg.host,
    credentials: { username: user.username, password: user.password },
    transport: { plainHttp: true },
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
  reg = await startRegistry({ auth: 'token', users: [{ username: 'ci', password: 'ci-secret-1' }] });
  cleanup.add(() => reg.stop());
});

describe('RegistryClient shortcuts (Distribution, token auth)', () => {
  it('prepare fetches one token and sends the tag checks ahead: same requests, each answer used once', async () => {
    const client = newClient();
    const artifacts = Array.from({ length: 5 }, (_, i) => chart(`ahead/chart-${i}`));
    await push(newClient(), artifacts[0]!);
    void client.prepare(artifacts.map((a) => ({ repository: a.repository, reference: a.tag })));
    const results = await Promise.all(artifacts.map((a) => push(client, a)));
    assert.deepEqual(results.map((r) => r.status), ['unchanged', 'pushed', 'pushed', 'pushed', 'pushed']);
    // GET /v2/, 1 for the unchanged chart, 6 for each new one: what it costs without prefetching
    assert.deepEqual(client.stats, { registryRequests: 1 + 1 + 4 * 6, tokenRequests: 1, otherRequests: 0 });
    // the prefetched answers are gone: a second round asks again
    const again = await Promise.all(artifacts.map((a) => push(client, a)));
    assert.ok(again.every((r) => r.status === 'unchanged'));
    assert.equal(client.stats.registryRequests, 1 + 1 + 4 * 6 + 5);
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
