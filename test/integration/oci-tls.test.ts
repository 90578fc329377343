// TLS and proxies against the real Distribution registry: a private CA given as `ca` (added to the
// default CAs), for the registry and its token realm alike; insecure mode; mutual TLS; the hints a
// user gets for each misconfiguration; HTTPS_PROXY / NO_PROXY from the environment.
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { helmArtifact, pushChart, RegistryClient, RegistryError, type HelmArtifact, type TransportOptions } from '../../src/oci/index.js';
import { makeCa } from '../support/certs.js';
import { writeMinimalChart } from '../support/charts.js';
import { startForwardProxy } from '../support/forward-proxy.js';
import { helmHome, helmOk, helmRegistryFlags } from '../support/helm.js';
import { freePort } from '../support/ports.js';
import { startRegistry, type RegistryOptions, type TestRegistry } from '../support/registry.js';
import { Cleanup } from '../support/tmp.js';

const cleanup = new Cleanup();
after(() => cleanup.run());

let tls: TestRegistry;
let tgz: Buffer;
let work: string;

async function registry(options: RegistryOptions): Promise<TestRegistry> {
  const reg = await startRegistry(options);
  cleanup.add(() => reg.stop());
  return reg;
}

function client(reg: TestRegistry, transport: TransportOptions): RegistryClient {
  const c = new RegistryClient({
    host: reg.host,
    credentials: { username: reg.username, password: reg.password },
    transport,
    retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 50 },
  });
  cleanup.add(() => c.close());
  return c;
}

function artifact(repository: string, chart: Buffer = tgz): HelmArtifact {
  return helmArtifact({
    repository,
    tag: '0.1.0',
    config: '{"name":"tiny","version":"0.1.0","apiVersion":"v2"}',
    chart,
    meta: { name: 'tiny', version: '0.1.0' },
    created: new Date('2026-01-01T00:00:00Z'),
  });
}

const push = (c: RegistryClient, a: HelmArtifact) => pushChart(c, a, { ifExists: 'fail', sameChartFiles: async () => false });

function rejectsWith(kind: string, pattern: RegExp) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof RegistryError, `RegistryError expected, got ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    assert.match(error.message, pattern);
    assert.ok(error.cause !== undefined || kind === 'protocol', 'the original error is kept');
    return true;
  };
}

before(async () => {
  tls = await registry({ auth: 'token', tls: 'server' });
  work = await cleanup.tempDir('oci-tls-');
  const dir = await writeMinimalChart(work, { name: 'tiny', version: '0.1.0' });
  await helmOk('4.1.4', ['package', dir, '-d', work]);
  tgz = await readFile(join(work, 'tiny-0.1.0.tgz'));
});

describe('TLS', () => {
  it('trusts a private CA given as ca, for the registry and its HTTPS token realm; Helm pulls the result', async () => {
    assert.ok(tls.tokenServer!.realm.startsWith('https://'));
    const c = client(tls, { ca: tls.caPem });
    const result = await push(c, artifact('secure/tiny'));
    assert.equal(result.status, 'pushed');
    assert.equal(c.stats.tokenRequests, 1);

    const home = await helmHome();
    cleanup.add(() => home.remove());
    const flags = helmRegistryFlags('4.1.4', tls);
    await helmOk('4.1.4', ['registry', 'login', tls.host, '--username', tls.username, '--password-stdin', ...flags], { home, input: tls.password });
    const dest = join(work, 'pulled');
    await mkdir(dest, { recursive: true });
    await helmOk('4.1.4', ['pull', `oci://${tls.host}/secure/tiny@${result.digest}`, '-d', dest, ...flags], { home });
    const [file] = await readdir(dest);
    assert.ok((await readFile(join(dest, file!))).equals(tgz));
  });

  it('without the CA: the TLS hint names ca-file and insecure-skip-tls-verify', async () => {
    await assert.rejects(push(client(tls, {}), artifact('secure/a')), rejectsWith('tls', /not trusted.*ca-file input.*insecure-skip-tls-verify/));
  });

  it('with the wrong CA: the same hint', async () => {
    const other = await makeCa({ commonName: 'unrelated CA' });
    cleanup.add(() => import('../support/tmp.js').then((m) => m.removeDir(other.dir)));
    await assert.rejects(push(client(tls, { ca: other.certPem }), artifact('secure/a')), rejectsWith('tls', /not trusted.*ca-file/));
  });

  it('insecureSkipTlsVerify accepts the certificate (token realm included)', async () => {
    assert.equal((await push(client(tls, { insecureSkipTlsVerify: true }), artifact('secure/insecure'))).status, 'pushed');
  });

  it('plain-http against a TLS registry: says to remove plain-http', async () => {
    await assert.rejects(push(client(tls, { plainHttp: true }), artifact('secure/a')), rejectsWith('protocol', /serves HTTPS.*remove the plain-http input/));
  });

  it('TLS against a plain-HTTP registry: says to set plain-http', async () => {
    const plain = await registry({ auth: 'none' });
    await assert.rejects(push(client(plain, {}), artifact('x/a')), rejectsWith('tls', /did not answer with TLS.*plain-http: true/));
  });

  it('connection refused: check host and port, for every chart of a parallel push, quickly', async () => {
    const port = await freePort();
    const c = new RegistryClient({ host: `127.0.0.1:${port}`, transport: { plainHttp: true } });
    cleanup.add(() => c.close());
    const started = Date.now();
    const results = await Promise.allSettled(['a', 'b', 'c', 'd'].map((n) => push(c, artifact(`x/${n}`))));
    for (const result of results) {
      assert.equal(result.status, 'rejected');
      rejectsWith('connection', /connection refused\. Check the host and port/)((result as PromiseRejectedResult).reason);
    }
    assert.ok(Date.now() - started < 2000, 'refusals are not retried');
  });

  describe('mutual TLS', () => {
    let mtls: TestRegistry;
    before(async () => {
      mtls = await registry({ auth: 'basic', tls: 'mutual' });
    });

    it('pushes with the client certificate', async () => {
      const c = client(mtls, { ca: mtls.caPem, cert: mtls.clientCertPem, key: mtls.clientKeyPem });
      assert.equal((await push(c, artifact('m/tiny'))).status, 'pushed');
    });

    it('without it: points at the client certificate', async () => {
      await assert.rejects(push(client(mtls, { ca: mtls.caPem }), artifact('m/other')), (error: unknown) => {
        assert.ok(error instanceof RegistryError);
        assert.match(error.message, /client certificate.*cert-file and key-file inputs/);
        return true;
      });
    });
  });
});

describe('proxies from the environment', () => {
  const saved = { ...process.env };
  after(() => {
    for (const key of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy']) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });

  it('tunnels registry and token realm through HTTPS_PROXY, TLS settings applied inside the tunnel', async () => {
    const proxy = await startForwardProxy();
    cleanup.add(() => proxy.stop());
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    process.env.https_proxy = proxy.url;
    const c = client(tls, { ca: tls.caPem });
    delete process.env.https_proxy;
    assert.equal((await push(c, artifact('proxied/tiny'))).status, 'pushed');
    const realm = new URL(tls.tokenServer!.realm).host;
    assert.deepEqual(new Set(proxy.targets()), new Set([tls.host, realm]));
    assert.ok(proxy.records.every((r) => r.kind === 'connect'));
  });

  it('NO_PROXY bypasses the proxy', async () => {
    const proxy = await startForwardProxy();
    cleanup.add(() => proxy.stop());
    process.env.HTTPS_PROXY = proxy.url;
    process.env.NO_PROXY = '127.0.0.1';
    const c = client(tls, { ca: tls.caPem });
    assert.equal((await push(c, artifact('direct/tiny'))).status, 'pushed');
    assert.deepEqual(proxy.records, []);
  });

  it('plain-HTTP registries go through HTTP_PROXY', async () => {
    const plain = await registry({ auth: 'basic' });
    const proxy = await startForwardProxy();
    cleanup.add(() => proxy.stop());
    delete process.env.NO_PROXY;
    process.env.HTTP_PROXY = proxy.url;
    const c = client(plain, { plainHttp: true });
    delete process.env.HTTP_PROXY;
    assert.equal((await push(c, artifact('via/http'))).status, 'pushed');
    assert.deepEqual(proxy.targets(), [plain.host]);
  });
});
