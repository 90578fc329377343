// Authentication against the real Distribution registry: htpasswd Basic auth and token auth
// (credentials, anonymous pull tokens, users without push rights), and the messages users get.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { helmArtifact, pushChart, RegistryClient, RegistryError, type HelmArtifact } from '../../src/oci/index.js';
import { startRegistry, type RegistryOptions, type TestRegistry } from '../support/registry.js';
import { Cleanup } from '../support/tmp.js';

const cleanup = new Cleanup();
after(() => cleanup.run());

async function registry(options: RegistryOptions): Promise<TestRegistry> {
  const reg = await startRegistry(options);
  cleanup.add(() => reg.stop());
  return reg;
}

function client(reg: TestRegistry, options: { username?: string; password?: string; anonymous?: boolean; access?: 'push' | 'pull' } = {}) {
  const secrets: string[] = [];
  const debug: string[] = [];
  const c = new RegistryClient({
    host: reg.host,
    credentials: options.anonymous ? undefined : { username: options.username ?? reg.username, password: options.password ?? reg.password },
    transport: { plainHttp: true },
    access: options.access,
    onSecret: (s) => secrets.push(s),
    debug: (m) => debug.push(m),
  });
  cleanup.add(() => c.close());
  return { c, secrets, debug };
}

function chart(repository: string, text = repository): HelmArtifact {
  const name = repository.split('/').at(-1)!;
  return helmArtifact({
    repository,
    tag: '0.1.0',
    config: JSON.stringify({ name, version: '0.1.0', apiVersion: 'v2' }),
    chart: Buffer.from(`chart bytes of ${text}`),
    meta: { name, version: '0.1.0' },
    created: new Date('2026-01-01T00:00:00Z'),
  });
}

const push = (c: RegistryClient, a: HelmArtifact) => pushChart(c, a, { ifExists: 'fail', sameChartFiles: async () => false });

function rejectsWith(kind: string, pattern: RegExp) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof RegistryError, `RegistryError expected, got ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    assert.match(error.message, pattern);
    return true;
  };
}

describe('Basic auth (htpasswd)', () => {
  it('pushes with credentials after one challenge, then sends them up front', async () => {
    const reg = await registry({ auth: 'basic' });
    const { c, secrets, debug } = client(reg);
    const first = await push(c, chart('team/one'));
    assert.equal(first.status, 'pushed');
    // 401 probe + GET tag + 2 × (POST + PUT) + PUT manifest
    assert.equal(c.stats.registryRequests, 7);
    const before = c.stats.registryRequests;
    await push(c, chart('team/two'));
    assert.equal(c.stats.registryRequests - before, 6, 'no 401 for the second repository');
    const encoded = Buffer.from(`${reg.username}:${reg.password}`).toString('base64');
    assert.ok(secrets.includes(reg.password) && secrets.includes(encoded));
    assert.ok(debug.every((line) => !line.includes(reg.password) && !line.includes(encoded)), 'no secret in debug output');

    // a plain HTTP client with the same credentials reads back exactly what we pushed
    const raw = await fetch(`${reg.baseUrl}/v2/team/one/manifests/0.1.0`, {
      headers: { authorization: `Basic ${encoded}`, accept: 'application/vnd.oci.image.manifest.v1+json' },
    });
    assert.equal(raw.status, 200);
    assert.equal(await raw.text(), chart('team/one').manifest.body.toString());
  });

  it('a wrong password: "refused the credentials", naming the inputs', async () => {
    const reg = await registry({ auth: 'basic' });
    const { c } = client(reg, { password: 'wrong-password' });
    await assert.rejects(push(c, chart('team/x')), rejectsWith('unauthorized', /the registry 127\.0\.0\.1:\d+ refused the credentials.*username and password inputs/));
  });

  it('no credentials: asks for them', async () => {
    const reg = await registry({ auth: 'basic' });
    const { c } = client(reg, { anonymous: true });
    await assert.rejects(push(c, chart('team/x')), rejectsWith('unauthorized', /requires credentials.*none were given/));
  });
});

describe('token auth', () => {
  it('a wrong password is refused by the token service', async () => {
    const reg = await registry({ auth: 'token' });
    const { c } = client(reg, { password: 'nope' });
    await assert.rejects(push(c, chart('team/x')), rejectsWith('unauthorized', /get a token from 127\.0\.0\.1:\d+.*refused the credentials/));
  });

  it('a user without push rights: no push permission (403-like), not "bad password"', async () => {
    const reg = await registry({
      auth: 'token',
      users: [
        { username: 'writer', password: 'w-pass' },
        { username: 'reader', password: 'r-pass', actions: ['pull'] },
      ],
    });
    const writer = client(reg, { username: 'writer', password: 'w-pass' });
    await push(writer.c, chart('team/shared'));
    const reader = client(reg, { username: 'reader', password: 'r-pass' });
    // reading works with the same (pull-only) token …
    assert.equal((await push(reader.c, chart('team/shared'))).status, 'unchanged');
    // … writing does not
    await assert.rejects(push(reader.c, chart('team/new')), rejectsWith('denied', /denied access.*no permission to push to 127\.0\.0\.1:\d+\/team\/new/));
  });

  it('anonymous pull tokens: reads work without credentials, pushes ask for credentials', async () => {
    const reg = await registry({ auth: 'token', anonymousPull: true });
    const writer = client(reg);
    const pushed = await push(writer.c, chart('public/app'));

    const anonymous = client(reg, { anonymous: true, access: 'pull' });
    const seen = await anonymous.c.getManifest('public/app', '0.1.0');
    assert.equal(seen?.digest, pushed.digest);
    const tokenRequests = reg.tokenServer!.requests.filter((r) => !r.withCredentials);
    assert.ok(tokenRequests.length >= 1);
    assert.deepEqual(tokenRequests.at(-1)!.scopes, ['repository:public/app:pull']);

    const anonymousPusher = client(reg, { anonymous: true });
    await assert.rejects(push(anonymousPusher.c, chart('public/new')), rejectsWith('unauthorized', /requires credentials.*none were given/));
  });

  it('tokens are cached per scope until they expire, then renewed without a 401', async () => {
    const reg = await registry({ auth: 'token', tokenExpiresIn: 2 });
    const { c } = client(reg);
    await push(c, chart('team/a'));
    assert.equal(c.stats.tokenRequests, 1);
    const before = c.stats.registryRequests;
    await push(c, chart('team/a'));
    assert.equal(c.stats.tokenRequests, 1, 'cached');
    await new Promise((r) => setTimeout(r, 2100));
    await push(c, chart('team/a'));
    assert.equal(c.stats.tokenRequests, 2, 'renewed after expires_in');
    assert.equal(c.stats.registryRequests - before, 2, 'and no 401 on the way');
  });
});
