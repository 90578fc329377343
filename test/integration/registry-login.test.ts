// Login/logout against real things: a Distribution registry (Basic and token auth) and real Helm
// binaries that must pull with nothing but the entry writeLogin put in their registry config.
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  helmRegistryConfigPath,
  parseLoginRecord,
  planLogin,
  undoLogin,
  writeLogin,
  type LoginRecord,
} from '../../src/helm/registry-config.js';
import { writeMinimalChart } from '../support/charts.js';
import { helmHome, helmOk, helmRegistryFlags, runHelm, type HelmHome, type HelmVersion } from '../support/helm.js';
import { startRegistry, type RegistryAuth, type TestRegistry } from '../support/registry.js';
import { Cleanup } from '../support/tmp.js';

const PULLERS: HelmVersion[] = ['3.16.1', '3.18.0', '4.1.4'];
const PUSHER: HelmVersion = '4.1.4';
const b64 = (s: string): string => Buffer.from(s).toString('base64');
// How Helm 3.16 (oras-go v1), 3.18 and 4.x say the registry wanted credentials.
const UNAUTHORIZED = /unauthorized|\b401\b|basic credential not found|no basic auth credentials/i;

const cleanup = new Cleanup();
after(() => cleanup.run());

async function freshHome(): Promise<HelmHome> {
  const home = await helmHome();
  cleanup.add(() => home.remove());
  return home;
}

/** `helm pull` in a brand-new home (no cache, no login, empty Docker config) reading `registryConfig`. */
async function pull(version: HelmVersion, reg: TestRegistry, registryConfig: string): Promise<{ code: number; stderr: string }> {
  const home = await freshHome();
  const dest = join(home.dir, 'pulled');
  await mkdir(dest);
  const args = ['pull', `oci://${reg.host}/charts/tiny`, '--version', '0.1.0', '-d', dest, ...helmRegistryFlags(version, reg)];
  return runHelm(version, args, { home, env: { HELM_REGISTRY_CONFIG: registryConfig } });
}

async function assertPulls(reg: TestRegistry, registryConfig: string): Promise<void> {
  for (const version of PULLERS) {
    const result = await pull(version, reg, registryConfig);
    assert.equal(result.code, 0, `helm ${version} pull failed: ${result.stderr}`);
  }
}

async function assertRefused(reg: TestRegistry, registryConfig: string): Promise<void> {
  for (const version of PULLERS) {
    const result = await pull(version, reg, registryConfig);
    assert.notEqual(result.code, 0, `helm ${version} pulled without credentials`);
    assert.match(result.stderr, UNAUTHORIZED, `helm ${version}: ${result.stderr}`);
  }
}

// The action's sequence: plan, record to state (as JSON), write; later the post step undoes.
async function actionLogin(path: string, reg: TestRegistry): Promise<LoginRecord> {
  const record = parseLoginRecord(JSON.stringify(await planLogin(path, reg.host)));
  assert.ok(record);
  assert.deepEqual(await writeLogin(record, reg.username, reg.password), []);
  return record;
}

for (const auth of ['basic', 'token'] satisfies RegistryAuth[]) {
  describe(`registry login with ${auth} auth`, () => {
    let reg: TestRegistry;

    before(async () => {
      reg = await startRegistry({ auth });
      cleanup.add(() => reg.stop());
      // A chart to pull, pushed by real Helm logged in from a separate home.
      const home = await freshHome();
      const chartDir = await writeMinimalChart(home.dir);
      await helmOk(PUSHER, ['package', chartDir, '-d', home.dir], { home });
      await helmOk(PUSHER, ['registry', 'login', reg.host, '--username', reg.username, '--password-stdin', ...helmRegistryFlags(PUSHER, reg, { login: true })], {
        home,
        input: reg.password,
      });
      await helmOk(PUSHER, ['push', join(home.dir, 'tiny-0.1.0.tgz'), `oci://${reg.host}/charts`, ...helmRegistryFlags(PUSHER, reg)], { home });
    });

    test('a new file: Helm pulls with it, and is refused once undo removed it', async () => {
      const work = await freshHome();
      const path = join(work.dir, 'action', 'helm', 'registry', 'config.json');
      await assertRefused(reg, path);
      const record = await actionLogin(path, reg);
      await assertPulls(reg, path);
      assert.deepEqual(await undoLogin(record), []);
      await assert.rejects(readFile(path), { code: 'ENOENT' });
      await assertRefused(reg, path);
    });

    test('stale creds for the same host and another host survive byte for byte', async () => {
      const work = await freshHome();
      const path = join(work.dir, 'registry.json');
      const original =
        `{\n\t"auths": {\n\t\t"${reg.host}": {\n\t\t\t"auth": "${b64(`${reg.username}:expired-password`)}"\n\t\t},\n` +
        `\t\t"other.example:5000": {\n\t\t\t"auth": "${b64('someone:else')}"\n\t\t}\n\t},\n\t"currentContext": "default"\n}`;
      await writeFile(path, original, { mode: 0o600 });
      await assertRefused(reg, path);
      const record = await actionLogin(path, reg);
      await assertPulls(reg, path);
      assert.deepEqual(await undoLogin(record), []);
      assert.equal(await readFile(path, 'utf8'), original);
      await assertRefused(reg, path);
    });
  });
}

describe('what real Helm reads and writes', () => {
  let reg: TestRegistry;
  before(async () => {
    reg = await startRegistry({ auth: 'basic' });
    cleanup.add(() => reg.stop());
  });

  for (const version of PULLERS) {
    test(`a login written into a missing file is byte for byte what helm ${version} registry login writes`, async () => {
      const helms = await freshHome();
      // An empty PATH: no docker-credential-* helper for Helm to prefer over the file.
      await helmOk(version, ['registry', 'login', reg.host, '--username', reg.username, '--password-stdin', ...helmRegistryFlags(version, reg, { login: true })], {
        home: helms,
        input: reg.password,
        env: { PATH: join(helms.dir, 'no-bin') },
      });
      const ours = join((await freshHome()).dir, 'config.json');
      await writeLogin(await planLogin(ours, reg.host), reg.username, reg.password);
      assert.equal(await readFile(ours, 'utf8'), await readFile(helms.registryConfig, 'utf8'));
    });
  }

  test('the credsStore warning is true: Helm asks the helper and fails without it', async () => {
    const path = join((await freshHome()).dir, 'config.json');
    await writeFile(path, '{"credsStore":"desktop"}');
    const record = await planLogin(path, reg.host);
    const warnings = await writeLogin(record, reg.username, reg.password);
    assert.match(warnings.join('\n'), /docker-credential-desktop \(credsStore\)/);
    for (const version of ['3.18.0', '4.1.4'] satisfies HelmVersion[]) {
      const result = await pull(version, reg, path);
      assert.notEqual(result.code, 0);
      assert.match(result.stderr, /docker-credential-desktop/, `helm ${version}: ${result.stderr}`);
    }
    // Helm 3.16 (oras-go v1) asks the helper too and so sends no credentials.
    assert.match((await pull('3.16.1', reg, path)).stderr, UNAUTHORIZED);
    assert.deepEqual(await undoLogin(record), []);
    assert.equal(await readFile(path, 'utf8'), '{"credsStore":"desktop"}');
  });

  test('the default location (HELM_CONFIG_HOME, then XDG_CONFIG_HOME) is where Helm looks', async () => {
    const configHome = await freshHome();
    const xdgHome = await freshHome();
    const cases: Array<Record<string, string>> = [
      // Empty variables count as unset, for Helm and for us.
      { HELM_REGISTRY_CONFIG: '', HELM_CONFIG_HOME: join(configHome.dir, 'helm-config') },
      { HELM_REGISTRY_CONFIG: '', HELM_CONFIG_HOME: '', XDG_CONFIG_HOME: join(xdgHome.dir, 'xdg') },
    ];
    const pullWith = async (version: HelmVersion, env: Record<string, string>): Promise<string> => {
      const home = await freshHome();
      const dest = join(home.dir, 'pulled');
      await mkdir(dest);
      const args = ['pull', `oci://${reg.host}/charts/tiny`, '--version', '0.1.0', '-d', dest, ...helmRegistryFlags(version, reg)];
      return (await runHelm(version, args, { home, env })).stderr;
    };
    for (const env of cases) {
      const path = helmRegistryConfigPath({ HOME: '/nonexistent', ...env }, 'linux');
      for (const version of PULLERS) assert.match(await pullWith(version, env), UNAUTHORIZED, `helm ${version} before login`);
      const record = await actionLogin(path, reg);
      for (const version of PULLERS) {
        // Nothing was pushed here: "not found" instead of 401 proves Helm sent our credentials.
        const stderr = await pullWith(version, env);
        assert.doesNotMatch(stderr, UNAUTHORIZED, `helm ${version} ${JSON.stringify(env)}: ${stderr}`);
        assert.match(stderr, /not found|unknown/i, `helm ${version}: ${stderr}`);
      }
      assert.deepEqual(await undoLogin(record), []);
    }
  });
});
