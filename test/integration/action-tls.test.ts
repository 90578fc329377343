// TLS, proxies and credentials on the move, through the committed bundle as a runner runs it:
// a Distribution registry with a certificate from a test CA (and its HTTPS token realm), one that
// requires a client certificate, contradictory inputs, HTTPS_PROXY / HTTP_PROXY / NO_PROXY with a
// real forward proxy, and (simulated, as Distribution cannot do it) an upload Location on another
// loopback host. The library-level behaviour is in oci-tls.test.ts and oci-simulated.test.ts.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { issueClientCert, makeCa } from '../support/certs.js';
import { writeMinimalChart } from '../support/charts.js';
import { startForwardProxy } from '../support/forward-proxy.js';
import { startRegistry, type RegistryOptions, type TestRegistry } from '../support/registry.js';
import { Cleanup } from '../support/tmp.js';
import {
  assertClean,
  assertFailed,
  assertHelmPulls,
  LOGIN_STATE,
  mainStep,
  userOf,
  type MainOptions,
  type StepResult,
} from './action-auth-shared.js';

const cleanup = new Cleanup();
after(() => cleanup.run());

let workspace: string;
let namespaces = 0;

before(async () => {
  workspace = await cleanup.tempDir('action-tls-ws-');
  await writeMinimalChart(workspace, { name: 'tiny', version: '0.1.0' });
});

async function registry(options: RegistryOptions): Promise<TestRegistry> {
  const reg = await startRegistry(options);
  cleanup.add(() => reg.stop());
  return reg;
}

/** A fresh HELM_REGISTRY_CONFIG path (not created) for one step. */
async function configPath(): Promise<string> {
  return join(await cleanup.tempDir('action-tls-cfg-'), 'config.json');
}

/** The main step as the registry's first user; plain-http only for a registry without TLS. */
async function main(reg: TestRegistry, options: Partial<MainOptions> = {}): Promise<StepResult & { config: string }> {
  const config = options.config ?? (await configPath());
  const result = await mainStep({
    workspace,
    host: reg.host,
    namespace: `tls-${++namespaces}`,
    user: userOf(reg),
    config,
    ...options,
    inputs: { 'plain-http': reg.tls === 'none' ? 'true' : 'false', ...options.inputs },
  });
  return { ...result, config };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/** Failed before writing any login. */
async function assertNoLogin(result: StepResult & { config: string }): Promise<void> {
  assert.equal(result.state[LOGIN_STATE], undefined);
  assert.equal(await exists(result.config), false, 'no registry config written');
}

describe('a registry with a certificate from a private CA (token auth, HTTPS token realm)', () => {
  let reg: TestRegistry;
  before(async () => {
    reg = await registry({ auth: 'token', tls: 'server' });
    assert.ok(reg.tokenServer!.realm.startsWith('https://'));
  });

  test('refused without ca-file: the error says what to set', async () => {
    const result = await main(reg);
    assertFailed(result, /ca-file/);
    await assertNoLogin(result);
  });

  test('accepted with ca-file, token realm included; Helm then pulls with the login the action wrote', async () => {
    const before = reg.tokenServer!.requests.length;
    const result = await main(reg, { inputs: { 'ca-file': reg.caFile! } });
    assertClean(result);
    const tokens = reg.tokenServer!.requests.slice(before);
    assert.ok(tokens.some((r) => r.status === 200 && r.withCredentials), 'a token came from the HTTPS realm, trusted through ca-file');
    await assertHelmPulls(reg, result.outputs.ref!, { HELM_REGISTRY_CONFIG: result.config }, 'TLS registry');
  });

  test('accepted with insecure-skip-tls-verify', async () => {
    const result = await main(reg, { inputs: { 'insecure-skip-tls-verify': 'true' } });
    assertClean(result);
    assert.equal(result.outputs.pushed, 'true');
  });

  test('a token realm on plain HTTP gets no credentials from a TLS registry', async () => {
    const plainRealm = await registry({ auth: 'token', tls: 'server', tokenServerTls: false });
    assert.ok(plainRealm.tokenServer!.realm.startsWith('http://'));
    const result = await main(plainRealm, { inputs: { 'ca-file': plainRealm.caFile! } });
    assertFailed(result, /not HTTPS/);
    assert.deepEqual(plainRealm.tokenServer!.requests.filter((r) => r.withCredentials), [], 'the password never went to the plain-HTTP realm');
    await assertNoLogin(result);
  });
});

describe('a registry that requires a client certificate', () => {
  let reg: TestRegistry;
  before(async () => {
    reg = await registry({ auth: 'basic', tls: 'mutual' });
  });

  test('refused without cert-file/key-file: the error points at them', async () => {
    const result = await main(reg, { inputs: { 'ca-file': reg.caFile! } });
    assertFailed(result, /cert-file and key-file/);
    await assertNoLogin(result);
  });

  test('accepted with cert-file and key-file; Helm with the same certificate pulls with the action\'s login', async () => {
    const result = await main(reg, { inputs: { 'ca-file': reg.caFile!, 'cert-file': reg.clientCertFile!, 'key-file': reg.clientKeyFile! } });
    assertClean(result);
    await assertHelmPulls(reg, result.outputs.ref!, { HELM_REGISTRY_CONFIG: result.config }, 'mutual TLS');
  });
});

/** A TCP listener that counts connections and closes them: proof that a step contacted nothing. */
async function countingListener(): Promise<{ host: string; connections: () => number }> {
  let count = 0;
  const server = createTcpServer((socket) => {
    count++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.add(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { host: `127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => count };
}

describe('contradictory TLS inputs', () => {
  test('fail the step before any request, naming both inputs', async () => {
    const listener = await countingListener();
    const dir = await cleanup.tempDir('action-tls-pem-');
    // Real PEM files, so only the contradiction can be the error.
    const testCa = await makeCa({ dir: join(dir, 'ca') });
    const client = await issueClientCert(testCa, 'contradictions');
    const [ca, cert, key] = [testCa.certFile, client.certFile, client.keyFile];
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ 'plain-http': 'true', 'ca-file': ca }, /"plain-http".*"ca-file"/],
      [{ 'plain-http': 'true', 'insecure-skip-tls-verify': 'true' }, /"plain-http".*"insecure-skip-tls-verify"/],
      [{ 'plain-http': 'true', 'cert-file': cert, 'key-file': key }, /"plain-http".*"cert-file".*"key-file"/],
      [{ 'plain-http': 'false', 'insecure-skip-tls-verify': 'true', 'ca-file': ca }, /"insecure-skip-tls-verify".*"ca-file"/],
      [{ 'plain-http': 'false', 'cert-file': cert }, /both "cert-file" and "key-file".*only "cert-file"/],
      [{ 'plain-http': 'false', 'key-file': key }, /both "cert-file" and "key-file".*only "key-file"/],
    ];
    const results = await Promise.all(
      cases.map(([inputs]) => mainStep({ workspace, host: listener.host, namespace: 'never', user: { username: 'u', password: 'p' }, inputs, config: join(dir, 'config.json') })),
    );
    results.forEach((result, i) => assertFailed(result, cases[i]![1]));
    assert.equal(listener.connections(), 0, 'no connection was made');
    assert.equal(await exists(join(dir, 'config.json')), false);
  });
});

describe('proxies from the environment', () => {
  let reg: TestRegistry;
  let realmHost: string;
  before(async () => {
    reg = await registry({ auth: 'token', tls: 'server' });
    realmHost = new URL(reg.tokenServer!.realm).host;
  });

  async function proxy() {
    const p = await startForwardProxy();
    cleanup.add(() => p.stop());
    return p;
  }

  test('HTTPS_PROXY: registry and token realm go through it, TLS checked end to end through the tunnel', async () => {
    const p = await proxy();
    const result = await main(reg, { inputs: { 'ca-file': reg.caFile! }, env: { HTTPS_PROXY: p.url } });
    assertClean(result);
    assert.deepEqual(new Set(p.targets()), new Set([reg.host, realmHost]));
    assert.ok(p.records.every((r) => r.kind === 'connect' && r.status === 200), JSON.stringify(p.records));
  });

  test('NO_PROXY bypasses it: for the IP, and per host:port', async () => {
    const p = await proxy();
    const all = await main(reg, { inputs: { 'ca-file': reg.caFile! }, env: { HTTPS_PROXY: p.url, NO_PROXY: '127.0.0.1' } });
    assertClean(all);
    assert.deepEqual(p.records, []);

    const registryOnly = await main(reg, { inputs: { 'ca-file': reg.caFile! }, env: { HTTPS_PROXY: p.url, NO_PROXY: `example.invalid,${reg.host}` } });
    assertClean(registryOnly);
    assert.deepEqual(p.targets(), [realmHost], 'only the token realm, not in NO_PROXY, went through the proxy');
  });

  test('HTTP_PROXY for a plain-HTTP registry', async () => {
    const plain = await registry({ auth: 'basic' });
    const p = await proxy();
    const result = await main(plain, { env: { HTTP_PROXY: p.url } });
    assertClean(result);
    assert.deepEqual(p.targets(), [plain.host]);
  });
});

// ---- simulated: an upload Location on another host ----

interface Seen {
  method: string;
  path: string;
  authorization?: string;
}

/** Forwards every request to the registry on `upstreamPort`, letting `rewrite` adjust headers both ways. */
async function front(
  listenHost: string,
  upstreamPort: number,
  hooks: {
    request?: (url: URL, headers: IncomingHttpHeaders) => { path: string; headers: IncomingHttpHeaders } | { refuse: number };
    response?: (method: string, status: number, headers: IncomingHttpHeaders) => IncomingHttpHeaders;
  },
): Promise<{ host: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url!, `http://${req.headers.host}`);
    seen.push({ method: req.method!, path: url.pathname, authorization: req.headers.authorization });
    const forwarded = hooks.request?.(url, { ...req.headers }) ?? { path: `${url.pathname}${url.search}`, headers: req.headers };
    if ('refuse' in forwarded) {
      req.resume();
      res.writeHead(forwarded.refuse).end();
      return;
    }
    const upstream = request({ host: '127.0.0.1', port: upstreamPort, method: req.method, path: forwarded.path, headers: forwarded.headers }, (upstreamRes) => {
      const headers = hooks.response?.(req.method!, upstreamRes.statusCode!, { ...upstreamRes.headers }) ?? upstreamRes.headers;
      res.writeHead(upstreamRes.statusCode!, headers);
      upstreamRes.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, listenHost, resolve));
  cleanup.add(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));
  return { host: `${listenHost}:${(server.address() as AddressInfo).port}`, seen };
}

describe('simulated: an upload Location on another loopback host', () => {
  test('simulated: the PUT there carries no Authorization header, and the chart still lands in the registry', async () => {
    // Real Distribution with Basic auth behind two fronts: the registry's (127.0.0.1) sends upload
    // Locations to "storage" on 127.0.0.2 with a signature, as registries with pre-signed storage
    // URLs do; storage checks the signature and only then lets the upload into the registry.
    const reg = await registry({ auth: 'basic' });
    const signature = randomBytes(16).toString('hex');
    const basic = `Basic ${Buffer.from(`${reg.username}:${reg.password}`).toString('base64')}`;
    const storage = await front('127.0.0.2', reg.port, {
      request(url, headers) {
        if (url.searchParams.get('sig') !== signature) return { refuse: 403 };
        url.searchParams.delete('sig');
        return { path: `${url.pathname}${url.search}`, headers: { ...headers, authorization: basic } };
      },
    });
    const registryFront = await front('127.0.0.1', reg.port, {
      response(method, status, headers) {
        if (method === 'POST' && status === 202 && typeof headers.location === 'string') {
          const location = new URL(headers.location, 'http://placeholder');
          const moved = new URL(`http://${storage.host}${location.pathname}${location.search}`);
          moved.searchParams.set('sig', signature);
          return { ...headers, location: moved.href };
        }
        return headers;
      },
    });

    const config = await configPath();
    const result = await mainStep({ workspace, host: registryFront.host, namespace: 'located', user: userOf(reg), config });
    assertClean(result);
    const uploads = storage.seen.filter((s) => s.method === 'PUT');
    assert.equal(uploads.length, 2, `config and chart uploaded to storage: ${JSON.stringify(storage.seen)}`);
    assert.deepEqual(storage.seen.filter((s) => s.authorization !== undefined), [], 'no Authorization header went to the other host');
    assert.ok(registryFront.seen.some((s) => s.authorization === basic), 'the registry itself got the credentials');

    // Real Helm, with the login the action wrote for the registry's host, pulls what was pushed.
    await assertHelmPulls({ tls: 'none' }, result.outputs.ref!, { HELM_REGISTRY_CONFIG: config }, 'after uploads through storage');
  });
});
