// Proves the test support library against the real things: Distribution in every auth/TLS
// variant, the token server, real Helm 4.1.4 pushing and pulling, and the forward proxy.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Agent, ProxyAgent, fetch } from 'undici';
import { makeCa, issueClientCert, issueServerCert } from '../support/certs.js';
import { writeMinimalChart } from '../support/charts.js';
import { startForwardProxy } from '../support/forward-proxy.js';
import { helmBinary, helmHome, helmOk, helmRegistryFlags, runHelm, type HelmVersion } from '../support/helm.js';
import { freePort } from '../support/ports.js';
import { startRegistry, type RegistryOptions, type TestRegistry } from '../support/registry.js';
import { Cleanup, makeTempDir, removeDir } from '../support/tmp.js';

const HELM: HelmVersion = '4.1.4';
const cleanup = new Cleanup();
after(() => cleanup.run());

let chartTgz: string;

before(async () => {
  const work = await cleanup.tempDir('support-chart-');
  const chartDir = await writeMinimalChart(work, { name: 'tiny', version: '0.1.0' });
  await helmOk(HELM, ['package', chartDir, '-d', work]);
  chartTgz = join(work, 'tiny-0.1.0.tgz');
});

async function registry(options: RegistryOptions): Promise<TestRegistry> {
  const started = await startRegistry(options);
  cleanup.add(() => started.stop());
  return started;
}

async function freshHome() {
  const home = await helmHome();
  cleanup.add(() => home.remove());
  return home;
}

async function login(reg: TestRegistry, home: Awaited<ReturnType<typeof helmHome>>, password = reg.password, username = reg.username) {
  return runHelm(HELM, ['registry', 'login', reg.host, '--username', username, '--password-stdin', ...helmRegistryFlags(HELM, reg, { login: true })], {
    home,
    input: password,
  });
}

async function push(reg: TestRegistry, home: Awaited<ReturnType<typeof helmHome>>, namespace = 'charts') {
  return runHelm(HELM, ['push', chartTgz, `oci://${reg.host}/${namespace}`, ...helmRegistryFlags(HELM, reg)], { home });
}

async function pull(reg: TestRegistry, home: Awaited<ReturnType<typeof helmHome>>, namespace = 'charts') {
  // Helm 4 does not create the destination directory.
  const dest = join(home.dir, 'pulled');
  await mkdir(dest, { recursive: true });
  const result = await runHelm(HELM, ['pull', `oci://${reg.host}/${namespace}/tiny`, '--version', '0.1.0', '-d', dest, ...helmRegistryFlags(HELM, reg)], { home });
  return { ...result, file: join(dest, 'tiny-0.1.0.tgz') };
}

/** Logs in when the registry has auth, pushes, pulls back into a fresh dir; returns the digest. */
async function roundTrip(reg: TestRegistry): Promise<string> {
  const home = await freshHome();
  if (reg.auth !== 'none') {
    const loggedIn = await login(reg, home);
    assert.equal(loggedIn.code, 0, `login failed: ${loggedIn.stderr}\n${reg.logs()}`);
    const config = await readFile(home.registryConfig, 'utf8');
    assert.ok(config.includes(reg.host), 'helm wrote the credentials into the isolated home');
  }
  const pushed = await push(reg, home);
  assert.equal(pushed.code, 0, `push failed: ${pushed.stderr}\n${reg.logs()}`);
  assert.match(pushed.stdout + pushed.stderr, new RegExp(`Pushed: ${reg.host}/charts/tiny:0\\.1\\.0`));
  const digest = /Digest: (sha256:[0-9a-f]{64})/.exec(pushed.stdout + pushed.stderr)?.[1];
  assert.ok(digest, 'helm printed the digest');
  const pulled = await pull(reg, home);
  assert.equal(pulled.code, 0, `pull failed: ${pulled.stderr}`);
  assert.ok(existsSync(pulled.file));
  assert.deepEqual(await readFile(pulled.file), await readFile(chartTgz), 'pulled chart is the pushed archive');
  return digest;
}

function assertNoSecrets(text: string, secrets: string[]) {
  for (const secret of secrets) assert.ok(!text.includes(secret), 'a secret appeared in the logs');
}

describe('registry variants with real Helm 4.1.4', () => {
  test('no auth, plain HTTP', async () => {
    const reg = await registry({});
    assert.match(reg.host, /^127\.0\.0\.1:\d+$/);
    assert.equal(reg.baseUrl, `http://${reg.host}`);
    await roundTrip(reg);
    assert.match(reg.logs(), /listening on 127\.0\.0\.1/);
    assert.ok(existsSync(join(reg.dataDir, 'docker', 'registry', 'v2', 'repositories', 'charts', 'tiny')), 'stored on disk');
  });

  test('basic auth (htpasswd bcrypt): login, push, pull; a wrong password is refused', async () => {
    const reg = await registry({ auth: 'basic' });
    assert.equal(reg.username, 'ci');
    assert.ok(reg.password.length >= 16);
    const anonymous = await fetch(`${reg.baseUrl}/v2/`);
    assert.equal(anonymous.status, 401);
    assert.match(anonymous.headers.get('www-authenticate') ?? '', /^Basic realm=/);
    await roundTrip(reg);

    const wrong = await login(reg, await freshHome(), 'not-the-password');
    assert.notEqual(wrong.code, 0);
    assert.match(wrong.stderr, /401|unauthorized/i);
    assertNoSecrets(reg.logs(), [reg.password]);
  });

  test('token auth: Bearer challenge, tokens from the token server, records kept', async () => {
    const reg = await registry({ auth: 'token' });
    const server = reg.tokenServer!;
    const challenge = (await fetch(`${reg.baseUrl}/v2/`)).headers.get('www-authenticate') ?? '';
    assert.match(challenge, new RegExp(`^Bearer realm="${server.realm}",service="${server.service}"`));

    await roundTrip(reg);
    assert.ok(server.issuedTokens.length >= 2);
    const pushRequest = server.requests.find((r) => r.scopes.includes('repository:charts/tiny:pull,push'));
    assert.ok(pushRequest, `a push scope was requested: ${JSON.stringify(server.requests)}`);
    assert.equal(pushRequest.withCredentials, true);
    assert.equal(pushRequest.username, 'ci');
    assert.deepEqual(pushRequest.granted, [{ type: 'repository', name: 'charts/tiny', actions: ['pull', 'push'] }]);

    // The JWT has what Distribution needs: x5c header and aud = service.
    const [header, claims] = server.issuedTokens.at(-1)!.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
    assert.equal(header.alg, 'RS256');
    assert.equal(header.x5c.length, 1);
    assert.equal(claims.aud, server.service);
    assert.equal(claims.iss, server.issuer);
    assert.ok(claims.exp > claims.iat);

    const wrong = await login(reg, await freshHome(), 'not-the-password');
    assert.notEqual(wrong.code, 0);
    assert.ok(server.requests.some((r) => r.status === 401 && r.withCredentials));
    assertNoSecrets(reg.logs(), [reg.password, ...server.issuedTokens]);
  });

  test('token auth with anonymous pull: pull without login works, push without login does not', async () => {
    const reg = await registry({ auth: 'token', anonymousPull: true });
    await roundTrip(reg);

    const anonymous = await freshHome();
    const pulled = await pull(reg, anonymous);
    assert.equal(pulled.code, 0, pulled.stderr);
    const refused = await push(reg, anonymous, 'anon');
    assert.notEqual(refused.code, 0);
    const anonymousRequests = reg.tokenServer!.requests.filter((r) => !r.withCredentials);
    assert.ok(anonymousRequests.length > 0);
    for (const r of anonymousRequests) {
      assert.equal(r.status, 200);
      assert.ok(r.granted.every((g) => g.actions.join() === 'pull'), 'anonymous tokens are pull-only');
    }
  });

  test('token auth: a read-only user cannot push', async () => {
    const reg = await registry({
      auth: 'token',
      users: [{ username: 'reader', password: 'reader-secret-1', actions: ['pull'] }],
    });
    const home = await freshHome();
    assert.equal((await login(reg, home)).code, 0);
    const refused = await push(reg, home);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /401|403|denied|unauthorized/i);
  });

  test('TLS server certificate from a test CA', async () => {
    const reg = await registry({ tls: 'server', auth: 'basic' });
    assert.equal(reg.baseUrl, `https://${reg.host}`);
    assert.ok(reg.caFile && reg.caPem?.includes('BEGIN CERTIFICATE'));
    await roundTrip(reg);

    // Without the CA, Helm refuses the certificate.
    const home = await freshHome();
    const untrusted = await runHelm(HELM, ['registry', 'login', reg.host, '--username', reg.username, '--password-stdin'], { home, input: reg.password });
    assert.notEqual(untrusted.code, 0);
    assert.match(untrusted.stderr, /certificate|x509/i);
  });

  test('mutual TLS: client certificate required', async () => {
    const reg = await registry({ tls: 'mutual' });
    assert.ok(reg.clientCertFile && reg.clientKeyFile && reg.clientCertPem && reg.clientKeyPem);
    await roundTrip(reg);

    const home = await freshHome();
    const noCert = await runHelm(HELM, ['pull', `oci://${reg.host}/charts/tiny`, '--version', '0.1.0', '-d', home.dir, '--ca-file', reg.caFile!], { home });
    assert.notEqual(noCert.code, 0);
    assert.match(noCert.stderr, /certificate|tls/i);

    const withoutCert = new Agent({ connect: { ca: reg.caPem } });
    cleanup.add(() => withoutCert.close());
    await assert.rejects(fetch(`${reg.baseUrl}/v2/`, { dispatcher: withoutCert }));
    const withCert = new Agent({ connect: { ca: reg.caPem, cert: reg.clientCertPem, key: reg.clientKeyPem } });
    cleanup.add(() => withCert.close());
    assert.equal((await fetch(`${reg.baseUrl}/v2/`, { dispatcher: withCert })).status, 200);
  });

  test('token auth over TLS with mutual TLS registry', async () => {
    const reg = await registry({ tls: 'mutual', auth: 'token' });
    assert.match(reg.tokenServer!.realm, /^https:\/\/127\.0\.0\.1:\d+\/token$/);
    await roundTrip(reg);
  });
});

describe('building blocks', () => {
  test('certificates have IP and DNS SANs and the right key types', async () => {
    const ca = await makeCa();
    cleanup.add(() => removeDir(ca.dir));
    const server = await issueServerCert(ca, { hosts: ['127.0.0.1', 'localhost'] });
    const cert = new X509Certificate(server.certPem);
    assert.match(cert.subjectAltName ?? '', /IP Address:127\.0\.0\.1/);
    assert.match(cert.subjectAltName ?? '', /DNS:localhost/);
    assert.ok(cert.verify(new X509Certificate(ca.certPem).publicKey));
    assert.equal(cert.publicKey.asymmetricKeyType, 'ec');
    assert.ok(cert.checkIP('127.0.0.1'));
    const client = await issueClientCert(ca, 'ci-client', { keyType: 'rsa' });
    const clientCert = new X509Certificate(client.certPem);
    assert.match(clientCert.subject, /CN=ci-client/);
    assert.equal(clientCert.publicKey.asymmetricKeyType, 'rsa');
    assert.equal(clientCert.publicKey.asymmetricKeyDetails?.modulusLength, 2048);
    assert.ok(existsSync(client.keyFile));
  });

  test('free ports, temp dirs, and the Helm binary check', async () => {
    const port = await freePort();
    assert.ok(port > 0 && port < 65536);
    const dir = await makeTempDir('support-check-');
    await removeDir(dir);
    assert.equal(existsSync(dir), false);
    assert.ok(existsSync(helmBinary(HELM)));
    assert.throws(() => helmBinary('9.9.9' as HelmVersion), /unknown Helm version/);
    const home = await freshHome();
    assert.ok(home.env.HELM_CONFIG_HOME!.startsWith(home.dir));
    const env = await helmOk(HELM, ['env'], { home });
    assert.match(env.stdout, new RegExp(`HELM_REGISTRY_CONFIG="${home.registryConfig}"`));
  });

  test('forward proxy: absolute-URI forwarding, CONNECT tunnels, loopback only', async () => {
    const plain = await registry({});
    const secure = await registry({ tls: 'server' });
    const proxy = await startForwardProxy();
    cleanup.add(() => proxy.stop());

    const forwarding = new ProxyAgent({ uri: proxy.url, proxyTunnel: false });
    cleanup.add(() => forwarding.close());
    assert.equal((await fetch(`${plain.baseUrl}/v2/`, { dispatcher: forwarding })).status, 200);

    const tunnelling = new ProxyAgent({ uri: proxy.url, requestTls: { ca: secure.caPem } });
    cleanup.add(() => tunnelling.close());
    assert.equal((await fetch(`${secure.baseUrl}/v2/`, { dispatcher: tunnelling })).status, 200);

    assert.deepEqual(
      proxy.records.map((r) => [r.kind, r.target, r.status]),
      [
        ['forward', plain.host, 200],
        ['connect', secure.host, 200],
      ],
    );
    assert.deepEqual(proxy.targets(), [plain.host, secure.host]);

    // Anything that is not loopback is refused without a connection attempt.
    await assert.rejects(fetch('https://registry.example.invalid/v2/', { dispatcher: tunnelling }));
    assert.deepEqual(proxy.records.at(-1), { kind: 'connect', target: 'registry.example.invalid:443', method: 'CONNECT', withProxyAuth: false, status: 403 });
  });

  // Go's net/http never proxies loopback hosts, whatever HTTPS_PROXY says, so Helm cannot be
  // made to use this proxy for a 127.0.0.1 registry; proxy tests must use a Node client.
  test('Helm (Go) bypasses HTTPS_PROXY for loopback registries', async () => {
    const reg = await registry({ tls: 'server' });
    const proxy = await startForwardProxy();
    cleanup.add(() => proxy.stop());
    const home = await freshHome();
    const pushed = await runHelm(HELM, ['push', chartTgz, `oci://${reg.host}/proxied`, '--ca-file', reg.caFile!], {
      home,
      env: { HTTPS_PROXY: proxy.url },
    });
    assert.equal(pushed.code, 0, pushed.stderr);
    assert.deepEqual(proxy.records, []);
  });
});
