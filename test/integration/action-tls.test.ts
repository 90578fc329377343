// The TLS inputs and proxy variables reach the registry client, through the bundle as a runner
// runs it, one case each: ca-file (for the HTTPS token realm too), insecure-skip-tls-verify,
// cert-file/key-file, a contradiction refused before any connection, HTTPS_PROXY. What the client
// does with them (wrong CAs, hints, NO_PROXY, HTTP_PROXY, plain-HTTP realms, upload Locations on
// other hosts) is tested once, in oci-tls.test.ts, oci-simulated.test.ts and oci-auth.test.ts.
import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { makeCa } from '../support/certs.js';
import { writeMinimalChart } from '../support/charts.js';
import { startForwardProxy } from '../support/forward-proxy.js';
import { startRegistry, type RegistryOptions, type TestRegistry } from '../support/registry.js';
import { Cleanup } from '../support/tmp.js';
import {
  assertClean,
  assertFailed,
  assertHelmPulls,
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

describe('a registry with a certificate from a private CA (token auth, HTTPS token realm), directly and through a proxy', () => {
  let reg: TestRegistry;
  before(async () => {
    reg = await registry({ auth: 'token', tls: 'server' });
    assert.ok(reg.tokenServer!.realm.startsWith('https://'));
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

  test('HTTPS_PROXY: registry and token realm go through it, TLS checked end to end through the tunnel', async () => {
    const proxy = await startForwardProxy();
    cleanup.add(() => proxy.stop());
    const result = await main(reg, { inputs: { 'ca-file': reg.caFile! }, env: { HTTPS_PROXY: proxy.url } });
    assertClean(result);
    assert.deepEqual(new Set(proxy.targets()), new Set([reg.host, new URL(reg.tokenServer!.realm).host]));
    assert.ok(proxy.records.every((r) => r.kind === 'connect' && r.status === 200), JSON.stringify(proxy.records));
  });
});

describe('a registry that requires a client certificate', () => {
  let reg: TestRegistry;
  before(async () => {
    reg = await registry({ auth: 'basic', tls: 'mutual' });
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
  test('fail the step before any connection, naming both inputs', async () => {
    const listener = await countingListener();
    const dir = await cleanup.tempDir('action-tls-pem-');
    // A real PEM file, so only the contradiction can be the error.
    const testCa = await makeCa({ dir: join(dir, 'ca') });
    const result = await mainStep({
      workspace,
      host: listener.host,
      namespace: 'never',
      user: { username: 'u', password: 'p' },
      inputs: { 'plain-http': 'true', 'ca-file': testCa.certFile },
      config: join(dir, 'config.json'),
    });
    assertFailed(result, /"plain-http".*"ca-file"/);
    assert.equal(listener.connections(), 0, 'no connection was made');
    assert.equal(await exists(join(dir, 'config.json')), false);
  });
});
