// SIMULATED registries: small local HTTP servers standing in for behaviours the real Distribution
// registry cannot show — accepting a blob in the upload POST, refusing it with an error, an upload
// Location on another host, blob storage redirects, 429 with Retry-After, wrong digests, 5xx.
// Everything Distribution can do is tested against Distribution in the other oci-*.test.ts files.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { helmArtifact, pushChart, RegistryClient, RegistryError, type HelmArtifact, type RetryPolicy, type StreamedBlob } from '../../src/oci/index.js';
import { Cleanup } from '../support/tmp.js';

const cleanup = new Cleanup();
after(() => cleanup.run());

const USER = 'sim';
const PASS = 'sim-secret';
const BASIC = `Basic ${Buffer.from(`${USER}:${PASS}`).toString('base64')}`;
const FAST_RETRY: RetryPolicy = { maxAttempts: 3, maxElapsedMs: 5000, baseDelayMs: 5, factor: 2, jitter: 0.1, maxDelayMs: 20 };

interface Seen {
  method: string;
  url: string;
  authorization?: string;
  bodyLength: number;
}

interface Sim {
  origin: string;
  host: string;
  seen: Seen[];
  blobs: Map<string, Buffer>;
  manifests: Map<string, Buffer>;
}

type Handler = (req: IncomingMessage, body: Buffer, res: ServerResponse, sim: Sim) => boolean | void;

const digestOf = (data: Buffer): string => `sha256:${createHash('sha256').update(data).digest('hex')}`;

function error(res: ServerResponse, status: number, code: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ errors: [{ code, message: code.toLowerCase() }] }));
}

/** A server that records requests and answers with `handler` first, then the default registry behaviour. */
async function simulate(handler: Handler = () => false, options: { auth?: boolean } = {}): Promise<Sim> {
  const sim: Sim = { origin: '', host: '', seen: [], blobs: new Map(), manifests: new Map() };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      sim.seen.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, bodyLength: body.length });
      if ((options.auth ?? true) && req.headers.authorization !== BASIC && !req.url!.startsWith('/storage/')) {
        error(res, 401, 'UNAUTHORIZED', { 'www-authenticate': 'Basic realm="sim"' });
        return;
      }
      if (handler(req, body, res, sim)) return;
      defaultRegistry(req, body, res, sim);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  sim.host = `127.0.0.1:${port}`;
  sim.origin = `http://${sim.host}`;
  cleanup.add(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));
  return sim;
}

// The spec's behaviour, with POST+PUT uploads and no monolithic POST (like Distribution).
function defaultRegistry(req: IncomingMessage, body: Buffer, res: ServerResponse, sim: Sim): void {
  const url = new URL(req.url!, sim.origin);
  const manifest = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(url.pathname);
  if (manifest) {
    const key = `${manifest[1]}:${manifest[2]}`;
    if (req.method === 'PUT') {
      sim.manifests.set(key, body);
      res.writeHead(201, { 'docker-content-digest': digestOf(body) }).end();
      return;
    }
    const stored = sim.manifests.get(key);
    if (!stored) return error(res, 404, 'MANIFEST_UNKNOWN');
    res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'docker-content-digest': digestOf(stored) });
    res.end(req.method === 'HEAD' ? undefined : stored);
    return;
  }
  if (req.method === 'POST' && /\/blobs\/uploads\/$/.test(url.pathname)) {
    res.writeHead(202, { location: `${url.pathname}session-${sim.seen.length}?_state=a%2Bb%3D` }).end();
    return;
  }
  if (req.method === 'PUT' && /\/blobs\/uploads\/session-/.test(url.pathname)) {
    assert.equal(url.searchParams.get('_state'), 'a+b=', 'the upload URL keeps its own query');
    const digest = url.searchParams.get('digest')!;
    if (digestOf(body) !== digest) return error(res, 400, 'DIGEST_INVALID');
    sim.blobs.set(digest, body);
    res.writeHead(201, { 'docker-content-digest': digest }).end();
    return;
  }
  const blob = /\/blobs\/(sha256:[0-9a-f]{64})$/.exec(url.pathname);
  if (blob && (req.method === 'GET' || req.method === 'HEAD')) {
    const data = sim.blobs.get(blob[1]!);
    if (!data) return error(res, 404, 'BLOB_UNKNOWN');
    res.writeHead(200, { 'content-length': String(data.length) }).end(req.method === 'HEAD' ? undefined : data);
    return;
  }
  error(res, 404, 'NOT_FOUND');
}

function client(sim: Sim, retry: RetryPolicy = FAST_RETRY): RegistryClient {
  const c = new RegistryClient({ host: sim.host, credentials: { username: USER, password: PASS }, transport: { plainHttp: true }, retry });
  cleanup.add(() => c.close());
  return c;
}

function artifact(name: string, chartSize = 64): HelmArtifact {
  return helmArtifact({
    repository: `sim/${name}`,
    tag: '1.0.0',
    config: JSON.stringify({ name, version: '1.0.0', apiVersion: 'v2' }),
    chart: Buffer.alloc(chartSize, name),
    meta: { name, version: '1.0.0' },
    created: new Date('2026-01-01T00:00:00Z'),
  });
}

const push = (c: RegistryClient, a: HelmArtifact) => pushChart(c, a, { ifExists: 'fail', sameChartFiles: async () => false });
const writes = (sim: Sim) => sim.seen.filter((s) => s.method === 'POST' || s.method === 'PUT');

describe('simulated registries', () => {
  it('simulated: a registry that takes the blob in the POST gets 4 requests per new chart, large blobs too', async () => {
    const sim = await simulate((req, body, res, s) => {
      const url = new URL(req.url!, s.origin);
      if (req.method !== 'POST' || !url.searchParams.has('digest')) return false;
      const digest = url.searchParams.get('digest')!;
      assert.equal(digestOf(body), digest);
      s.blobs.set(digest, body);
      res.writeHead(201, { 'docker-content-digest': digest, location: `/v2/x/blobs/${digest}` }).end();
      return true;
    });
    const c = client(sim);
    await push(c, artifact('first'));
    const before = c.stats.registryRequests;
    const big = artifact('big', 2 * 1024 * 1024);
    await push(c, big);
    // GET tag, HEAD (big chart layer, worth checking), POST config, POST chart, PUT manifest
    assert.equal(c.stats.registryRequests - before, 5);
    const fresh = c.stats.registryRequests;
    await push(c, artifact('small'));
    assert.equal(c.stats.registryRequests - fresh, 4, 'GET tag, POST config, POST chart, PUT manifest');
    assert.ok(sim.blobs.get(big.chart.digest)?.equals(big.chart.data));
  });

  it('simulated: a chart layer streamed from a file is read afresh when its upload is retried, and the file is closed', async () => {
    const work = await cleanup.tempDir('oci-sim-stream-');
    const data = randomBytes(3 * 1024 * 1024);
    const file = join(work, 'chart.tgz');
    await writeFile(file, data);
    const digest = digestOf(data);
    let attempts = 0;
    const sim = await simulate((req, _body, res, s) => {
      const url = new URL(req.url!, s.origin);
      if (req.method === 'PUT' && url.searchParams.get('digest') === digest && attempts++ === 0) {
        error(res, 503, 'UNAVAILABLE');
        return true;
      }
      return false;
    });
    const opened: ReadStream[] = [];
    const streamed: StreamedBlob = {
      digest,
      size: data.length,
      open: () => {
        const stream = createReadStream(file);
        opened.push(stream);
        return stream;
      },
    };
    const c = client(sim);
    const result = await pushChart(c, { ...artifact('streamed'), chart: streamed }, { ifExists: 'fail', sameChartFiles: async () => false });
    assert.equal(result.status, 'pushed');
    assert.equal(attempts, 2, 'the first upload failed, the second went through');
    assert.equal(opened.length, 2, 'one read of the file per attempt');
    assert.ok(sim.blobs.get(streamed.digest)?.equals(data));
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(opened.every((s) => s.destroyed), 'no file left open');
  });

  it('simulated: a registry refusing the one-request upload (415 UNSUPPORTED): POST + PUT, learned once', async () => {
    const sim = await simulate((req, _body, res, s) => {
      if (req.method === 'POST' && new URL(req.url!, s.origin).searchParams.has('digest')) {
        error(res, 415, 'UNSUPPORTED');
        return true;
      }
      return false;
    });
    const c = client(sim);
    await push(c, artifact('one'));
    const refusals = sim.seen.filter((s) => s.method === 'POST' && s.url.includes('digest='));
    assert.ok(refusals.length >= 1 && refusals.length <= 2, 'tried only for the first uploads');
    const before = sim.seen.length;
    await push(c, artifact('two'));
    assert.equal(sim.seen.slice(before).filter((s) => s.url.includes('?digest=')).length, 0, 'not tried again');
    assert.equal(sim.seen.length - before, 6);
  });

  it('simulated: an upload Location on another host gets the PUT without credentials, digest appended to its query', async () => {
    const storage = await simulate((req, body, res, s) => {
      const url = new URL(req.url!, s.origin);
      assert.equal(url.searchParams.get('sig'), 'x/y+z');
      s.blobs.set(url.searchParams.get('digest')!, body);
      res.writeHead(201, { 'docker-content-digest': url.searchParams.get('digest')! }).end();
      return true;
    }, { auth: false });
    let sessions = 0;
    const sim = await simulate((req, _body, res) => {
      if (req.method === 'POST' && req.url!.includes('/blobs/uploads/')) {
        res.writeHead(202, { location: `${storage.origin}/storage/upload-${++sessions}?sig=x%2Fy%2Bz` }).end();
        return true;
      }
      return false;
    });
    const c = client(sim);
    const a = artifact('elsewhere');
    assert.equal((await push(c, a)).status, 'pushed');
    assert.equal(storage.seen.length, 2);
    assert.ok(storage.seen.every((s) => s.authorization === undefined), 'no Authorization to another host');
    assert.ok(storage.blobs.get(a.chart.digest)?.equals(a.chart.data));
    assert.ok(sim.seen.filter((s) => s.authorization === BASIC).length > 0, 'the registry itself got credentials');
    assert.equal(c.stats.otherRequests, 2);
  });

  it('simulated: a blob download redirected to storage on another host is followed without credentials', async () => {
    const payload = Buffer.from('stored elsewhere');
    const digest = digestOf(payload);
    const storage = await simulate((_req, _body, res) => {
      res.writeHead(200).end(payload);
      return true;
    }, { auth: false });
    const sim = await simulate((req, _body, res) => {
      if (req.method === 'GET' && req.url!.endsWith(`/blobs/${digest}`)) {
        res.writeHead(307, { location: `${storage.origin}/storage/blob?X-Amz-Signature=abc` }).end();
        return true;
      }
      return false;
    });
    const c = client(sim);
    assert.ok((await c.getBlob('sim/x', digest)).equals(payload));
    assert.equal(storage.seen.length, 1);
    assert.equal(storage.seen[0]!.authorization, undefined);
  });

  it('simulated: a storage redirect serving the wrong bytes is a digest mismatch', async () => {
    const sim = await simulate((req, _body, res) => {
      if (req.url!.includes('/blobs/')) {
        res.writeHead(200).end('tampered');
        return true;
      }
      return false;
    });
    await assert.rejects(client(sim).getBlob('sim/x', digestOf(Buffer.from('original'))), (e: unknown) => e instanceof RegistryError && e.kind === 'digest-mismatch');
  });

  it('simulated: 429 with Retry-After is waited for, then the push goes on', async () => {
    let limited = 0;
    const sim = await simulate((req, _body, res) => {
      if (req.method === 'PUT' && req.url!.includes('/manifests/') && limited++ === 0) {
        error(res, 429, 'TOOMANYREQUESTS', { 'retry-after': '1' });
        return true;
      }
      return false;
    });
    const started = Date.now();
    assert.equal((await push(client(sim), artifact('limited'))).status, 'pushed');
    assert.ok(Date.now() - started >= 1000, 'waited the Retry-After second');
    assert.equal(sim.seen.filter((s) => s.method === 'PUT' && s.url.includes('/manifests/')).length, 2, 'the manifest body was sent again');
  });

  it('simulated: rate limiting that does not end: a TOOMANYREQUESTS error after bounded attempts', async () => {
    const sim = await simulate((_req, _body, res) => {
      error(res, 429, 'TOOMANYREQUESTS', { 'retry-after': '0' });
      return true;
    }, { auth: false });
    await assert.rejects(push(client(sim), artifact('x')), (e: unknown) => e instanceof RegistryError && e.kind === 'rate-limited' && /rate limiting/.test(e.message));
    assert.equal(sim.seen.length, FAST_RETRY.maxAttempts);
  });

  it('simulated: 503 is retried with backoff; 501 is not', async () => {
    let failures = 0;
    const flaky = await simulate((_req, _body, res) => {
      if (failures++ < 2) {
        error(res, 503, 'UNAVAILABLE');
        return true;
      }
      return false;
    });
    assert.equal((await push(client(flaky), artifact('flaky'))).status, 'pushed');
    const broken = await simulate((_req, _body, res) => {
      error(res, 501, 'UNSUPPORTED');
      return true;
    }, { auth: false });
    await assert.rejects(push(client(broken), artifact('x')), (e: unknown) => e instanceof RegistryError && e.status === 501);
    assert.equal(broken.seen.length, 1);
  });

  it('simulated: a registry storing the manifest under another digest is an error', async () => {
    const sim = await simulate((req, _body, res) => {
      if (req.method === 'PUT' && req.url!.includes('/manifests/')) {
        res.writeHead(201, { 'docker-content-digest': `sha256:${'0'.repeat(64)}` }).end();
        return true;
      }
      return false;
    });
    await assert.rejects(push(client(sim), artifact('x')), (e: unknown) => e instanceof RegistryError && e.kind === 'digest-mismatch' && /stored it as sha256:0{64}/.test(e.message));
  });

  it('simulated: a connection reset mid-request is retried and the Buffer body resent', async () => {
    let resets = 0;
    const sim = await simulate((req, _body, res) => {
      if (req.method === 'PUT' && req.url!.includes('/manifests/') && resets++ === 0) {
        res.socket?.destroy();
        return true;
      }
      return false;
    });
    assert.equal((await push(client(sim), artifact('reset'))).status, 'pushed');
    assert.equal(resets, 2);
    assert.equal(writes(sim).filter((s) => s.url.includes('/manifests/')).every((s) => s.bodyLength > 0), true);
  });

  it('simulated: a request\'s deadline grows with what it carries: a slow 2 MiB upload completes, a slow small answer times out', async () => {
    const slow = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const sim = await simulate((req, _body, res) => {
      if (req.method === 'PUT' || req.url!.includes('/manifests/')) {
        void slow(1_200).then(() => defaultRegistry(req, _body, res, sim));
        return true;
      }
      return false;
    });
    const deadline = { baseMs: 600, perMiBMs: 1_000 };
    const big = new RegistryClient({ host: sim.host, credentials: { username: USER, password: PASS }, transport: { plainHttp: true, deadline }, retry: FAST_RETRY });
    cleanup.add(() => big.close());
    await big.pushBlob('sim/big', artifact('big', 2 * 1024 * 1024).chart);
    const started = Date.now();
    await assert.rejects(big.getManifest('sim/big', '1.0.0'), (e: unknown) => e instanceof RegistryError && e.kind === 'timeout' && /did not complete the request within 1 s/.test(e.message));
    assert.ok(Date.now() - started < FAST_RETRY.maxAttempts * 1_000, 'each attempt ended at its deadline');
  });
});
