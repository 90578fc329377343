// Network faults one at a time, against a real Distribution registry behind the fault proxy:
// trickling and stalled answers, the step's time running out, a registry restarted mid-upload,
// refused connections, long 503 bursts, and answers that lie or never end. Each ends in a push
// that the registry really holds, or in one clear line, in bounded time.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { helmArtifact, pushChart, RegistryClient, RegistryError, type HelmArtifact, type RegistryClientOptions } from '../../src/oci/index.js';
import { startFaultProxy, type Fault, type FaultProxy, type ProxiedRequest } from '../support/fault-proxy.js';
import { freePort } from '../support/ports.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { Cleanup } from '../support/tmp.js';
import { randomBytes } from 'node:crypto';

const cleanup = new Cleanup();
let reg: TestRegistry;
let proxy: FaultProxy;
let direct: RegistryClient;
let counter = 0;

before(async () => {
  reg = await startRegistry({ auth: 'basic' });
  cleanup.add(() => reg.stop());
  proxy = await startFaultProxy({ registry: reg });
  cleanup.add(() => proxy.stop());
  direct = new RegistryClient({ host: reg.host, credentials: { username: reg.username, password: reg.password }, transport: { plainHttp: true } });
  cleanup.add(() => direct.close());
});
after(() => cleanup.run());

/** A new chart (its own repository) with a chart layer of `size` random bytes. */
function chart(size = 64 * 1024): HelmArtifact {
  const name = `net-${++counter}`;
  return helmArtifact({
    repository: `faults/${name}`,
    tag: '1.0.0',
    config: JSON.stringify({ name, version: '1.0.0', apiVersion: 'v2' }),
    chart: randomBytes(size),
    meta: { name, version: '1.0.0' },
    created: new Date('2026-01-01T00:00:00Z'),
  });
}

function client(options: Partial<RegistryClientOptions> = {}, messages: string[] = []): RegistryClient {
  const c = new RegistryClient({
    host: proxy.host,
    credentials: { username: reg.username, password: reg.password },
    debug: (m) => messages.push(m),
    ...options,
    transport: { plainHttp: true, ...options.transport },
  });
  cleanup.add(() => c.close());
  return c;
}

const push = (c: RegistryClient, a: HelmArtifact) => pushChart(c, a, { ifExists: 'fail', sameChartFiles: async () => false });

/** Injects `fault` into the requests `match` picks, for the length of `body`. */
async function withFaults<T>(decide: (r: ProxiedRequest) => Fault | undefined, body: () => Promise<T>): Promise<T> {
  proxy.setDecide(decide);
  try {
    return await body();
  } finally {
    proxy.setDecide(undefined);
    await proxy.settled();
  }
}

/** The registry itself (no proxy) holds `a` under its tag. */
async function assertStored(a: HelmArtifact): Promise<void> {
  const stored = await direct.getManifest(a.repository, a.tag);
  assert.equal(stored?.digest, a.manifest.digest);
  assert.ok((await direct.getBlob(a.repository, a.chart.digest)).equals((a.chart as { data: Buffer }).data));
}

async function timed<T>(body: () => Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
  const started = Date.now();
  try {
    const value = await body();
    return { ms: Date.now() - started, value };
  } catch (error) {
    return { ms: Date.now() - started, error };
  }
}

function assertOneLine(error: unknown, pattern: RegExp): asserts error is RegistryError {
  assert.ok(error instanceof RegistryError, String(error));
  // eslint-disable-next-line no-control-regex -- the check is that no control character reaches the message
  assert.doesNotMatch(error.message, /[\n\r\u0000<]/, error.message);
  assert.match(error.message, pattern);
}

// A hang fails its own test instead of stopping the file.
const BOUND = { timeout: 30_000 };

const tagCheck = (r: ProxiedRequest): boolean => r.method === 'GET' && r.path.includes('/manifests/');
const uploadPut = (r: ProxiedRequest): boolean => r.method === 'PUT' && r.path.includes('/blobs/uploads/');

describe('network faults (Distribution behind a fault-injecting proxy)', () => {
  it('a trickling answer (one byte every 300 ms) ends at its deadline and is retried: the push succeeds', BOUND, async () => {
    const a = chart();
    let trickled = 0;
    const c = client({ transport: { deadline: { baseMs: 1_000, perMiBMs: 1_000 } } });
    const { ms, error } = await timed(() =>
      withFaults((r) => (tagCheck(r) && trickled++ === 0 ? { kind: 'trickle', intervalMs: 300 } : undefined), () => push(c, a)),
    );
    assert.equal(error, undefined);
    assert.ok(ms < 10_000, `${ms} ms`);
    await assertStored(a);
  });

  it('a registry that trickles every answer fails with a clear timeout, within the retry time', BOUND, async () => {
    const c = client({ transport: { deadline: { baseMs: 800, perMiBMs: 1_000 } }, retry: { maxElapsedMs: 3_000, baseDelayMs: 50 } });
    const { ms, error } = await timed(() => withFaults((r) => (tagCheck(r) ? { kind: 'trickle', intervalMs: 500 } : undefined), () => push(c, chart())));
    assertOneLine(error, /could not read the manifest faults\/net-\d+:1\.0\.0 \(127\.0\.0\.1:\d+\/faults\/net-\d+\): .*did not answer in time/);
    assert.equal(error.kind, 'timeout');
    assert.ok(ms < 8_000, `${ms} ms`);
  });

  it('when the step\'s signal fires, requests in flight stop and the error says what was waited for', BOUND, async () => {
    const c = client({ signal: AbortSignal.timeout(1_000) });
    const a = chart();
    const { ms, error } = await timed(() => withFaults(() => ({ kind: 'stall' }), () => push(c, a)));
    assertOneLine(error, new RegExp(`could not .* \\(${proxy.host.replace(/\./g, '\\.')}(/${a.repository})?\\): the step ran out of time while waiting for ${proxy.host.replace(/\./g, '\\.')}`));
    assert.equal(error.kind, 'aborted');
    assert.ok(ms < 5_000, `${ms} ms: the default deadlines (a minute) did not hold it`);
  });

  it('a registry killed mid-upload and restarted: a new upload session, and the push succeeds', BOUND, async () => {
    const a = chart(512 * 1024);
    const messages: string[] = [];
    const c = client({}, messages);
    const start = proxy.requests.length;
    let killed = 0;
    const { error } = await timed(() =>
      withFaults((r) => (uploadPut(r) && r.path.length > 0 && killed++ === 0 ? { kind: 'kill-registry', downMs: 1_000, afterBytes: 200 * 1024 } : undefined), () => push(c, a)),
    );
    assert.equal(error, undefined, String(error));
    await assertStored(a);
    assert.ok(messages.some((m) => /retry \d+ of .* after connect ECONNREFUSED/.test(m)), 'refused connections were waited out');
    assert.ok(messages.some((m) => /lost the upload session/.test(m)), messages.join('\n'));
    const posts = proxy.requests.slice(start).filter((r) => r.method === 'POST' && r.path.includes('/blobs/uploads/'));
    assert.ok(posts.length >= 3, `${posts.length} upload sessions: config, chart, and the chart again`);
  });

  it('connection refused on first contact: one clear error at once, no retries', BOUND, async () => {
    const port = await freePort();
    const messages: string[] = [];
    const c = new RegistryClient({ host: `127.0.0.1:${port}`, transport: { plainHttp: true }, debug: (m) => messages.push(m) });
    cleanup.add(() => c.close());
    const { ms, error } = await timed(() => push(c, chart()));
    assertOneLine(error, /connection refused\. Check the host and port in the registry URL/);
    assert.ok(ms < 1_000, `${ms} ms`);
    assert.equal(messages.filter((m) => m.startsWith('retry')).length, 0);
  });

  it('a 503 burst of 5 s is waited for with the default retry policy', BOUND, async () => {
    const until = Date.now() + 5_000;
    const a = chart();
    const c = client();
    const { ms, error } = await timed(() =>
      withFaults(() => (Date.now() < until ? { kind: 'status', status: 503, body: 'html' } : undefined), () => push(c, a)),
    );
    assert.equal(error, undefined, String(error));
    assert.ok(ms >= 4_500, `${ms} ms`);
    await assertStored(a);
  });

  it('a lying Docker-Content-Digest is a digest mismatch, in one line', BOUND, async () => {
    const c = client();
    const { error } = await timed(() => withFaults((r) => (r.method === 'PUT' && r.path.includes('/manifests/') ? { kind: 'lying-digest' } : undefined), () => push(c, chart())));
    assertOneLine(error, /could not push the manifest .*: the registry stored it as sha256:[0-9a-f]{64}, not sha256:/);
    assert.equal(error.kind, 'digest-mismatch');
  });

  it('an endless body is cut at the size a manifest may have', BOUND, async () => {
    const c = client();
    const { ms, error } = await timed(() => withFaults((r) => (tagCheck(r) ? { kind: 'endless' } : undefined), () => push(c, chart())));
    assertOneLine(error, /could not read the manifest .*sent a response of more than the 4194304 bytes expected; refusing to read it/);
    assert.ok(ms < 5_000, `${ms} ms`);
  });

  it('HTML and invalid JSON error bodies: one line, no markup, no control characters', BOUND, async () => {
    const c = client({ retry: { maxElapsedMs: 300, baseDelayMs: 20 } });
    const html = await timed(() => withFaults(() => ({ kind: 'status', status: 502, body: 'html' }), () => push(c, chart())));
    assertOneLine(html.error, /failed with HTTP 502, also after retries \(the registry sent an HTML page instead of an error\); if it is restarting or overloaded, raise the retry-timeout input/);
    const broken = await timed(() => withFaults(() => ({ kind: 'status', status: 400, body: 'invalid-json' }), () => push(c, chart())));
    assertOneLine(broken.error, /answered HTTP 400\. \(registry said: \{"errors": \[\{"code": "UNAVAILABLE", "mess\)$/);
  });

  it('reads redirected to another origin are followed without credentials', BOUND, async () => {
    const a = chart();
    const leaks = proxy.credentialLeaks;
    const c = client();
    const { error } = await timed(() => withFaults((r) => (r.method === 'GET' && r.path !== '/v2/' ? { kind: 'redirect' } : undefined), () => push(c, a)));
    assert.equal(error, undefined, String(error));
    assert.equal(proxy.credentialLeaks, leaks, 'no Authorization reached the other origin');
    assert.ok(proxy.injected.includes('redirect'));
    await assertStored(a);
  });

  it('many pushes waiting on one step signal: no listener warning', BOUND, async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const c = client({ signal: AbortSignal.timeout(20_000), retry: { baseDelayMs: 500 } });
      let failed = 0;
      const charts = Array.from({ length: 20 }, () => chart(1024));
      await withFaults((r) => (r.method === 'PUT' && failed++ < 40 ? { kind: 'status', status: 503, body: 'json' } : undefined), () => Promise.all(charts.map((a) => push(c, a))));
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    assert.deepEqual(warnings, []);
  });
});
