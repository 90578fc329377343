// login / logout through the bundle, as a runner runs it: dist/main.js logs in for the rest of the
// job, real Helm 3.18 and 4.1 (and skopeo, for docker-login) then pull the private chart with no
// login of their own, and dist/post.js puts the config files back exactly as they were. The file-editing rules
// themselves are tested in test/unit/registry-config*.test.ts and against Helm in
// registry-login.test.ts; this file proves the action wires them up the way users run it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeMinimalChart } from '../support/charts.js';
import { startRegistry, type RegistryAuth, type TestRegistry } from '../support/registry.js';
import { Cleanup } from '../support/tmp.js';
import {
  assertClean,
  assertFailed,
  assertHelmPulls,
  assertHelmRefused,
  b64,
  commandLines,
  LOGIN_STATE,
  mainStep,
  newConfigText,
  postStep,
  transcript,
  userOf,
  type MainOptions,
  type StepResult,
} from './action-auth-shared.js';

const cleanup = new Cleanup();
after(() => cleanup.run());

let workspace: string;
let namespaces = 0;

before(async () => {
  workspace = await cleanup.tempDir('action-login-ws-');
  await writeMinimalChart(workspace, { name: 'tiny', version: '0.1.0' });
});

async function registry(auth: RegistryAuth): Promise<TestRegistry> {
  const reg = await startRegistry({
    auth,
    users: [
      { username: 'ci', password: `pw-${Math.random().toString(36).slice(2)}` },
      { username: 'ci2', password: `pw-${Math.random().toString(36).slice(2)}` },
    ],
  });
  cleanup.add(() => reg.stop());
  return reg;
}

/** The main step pushing `tiny` to a namespace of its own, as the registry's first user by default. */
function main(reg: TestRegistry, options: Partial<MainOptions> = {}): Promise<StepResult> {
  return mainStep({ workspace, host: reg.host, namespace: `login-${++namespaces}`, user: userOf(reg), ...options });
}

function post(published: StepResult, options: { config?: string; env?: Record<string, string | undefined> }): Promise<StepResult> {
  return postStep(published, { workspace, ...options });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

async function mode(path: string): Promise<number> {
  return (await stat(path)).mode & 0o777;
}

/** The state key src/login.ts saves the Docker config record under. */
const DOCKER_LOGIN_STATE = 'docker-login';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A Helm-formatted file with stale credentials for `host`, another host's entry and an unknown key. */
function existingConfig(host: string): string {
  return (
    `{\n\t"auths": {\n\t\t"${host}": {\n\t\t\t"auth": "${b64('ci:an-expired-password')}"\n\t\t},\n` +
    `\t\t"other.example:5000": {\n\t\t\t"auth": "${b64('someone:else')}"\n\t\t}\n\t},\n\t"currentContext": "default"\n}`
  );
}

for (const auth of ['basic', 'token'] satisfies RegistryAuth[]) {
  describe(`login for the job, logout in the post step (${auth} auth)`, () => {
    let reg: TestRegistry;
    before(async () => {
      reg = await registry(auth);
    });

    test("Helm pulls with the action's login and is refused after the post step; the file comes back byte for byte, mode too", async () => {
      const dir = await cleanup.tempDir('action-login-cfg-');
      const config = join(dir, 'registry.json');
      const original = existingConfig(reg.host);
      await writeFile(config, original);
      await chmod(config, 0o644);
      const helmEnv = { HELM_REGISTRY_CONFIG: config };

      const published = await main(reg, { config });
      assertClean(published);
      const ref = published.outputs.ref ?? '';
      assert.match(ref, /^oci:\/\/.+@sha256:[0-9a-f]{64}$/, transcript(published));
      assert.match(published.stdout, new RegExp(`Logged in to ${escape(reg.host)} .*the post step logs out`));
      assert.ok(published.state[LOGIN_STATE], 'the main step left state for the post step');
      // The stale entry is what stops Helm now.
      const during = JSON.parse(await readFile(config, 'utf8')) as { auths: Record<string, unknown>; currentContext: string };
      assert.deepEqual(during.auths[reg.host], { auth: b64(`${reg.username}:${reg.password}`) });
      assert.deepEqual(during.auths['other.example:5000'], { auth: b64('someone:else') });
      assert.equal(during.currentContext, 'default');
      assert.equal(await mode(config), 0o600, 'the file holding the new credentials is private');
      await assertHelmPulls(reg, ref, helmEnv, 'after the main step');

      const cleaned = await post(published, { config });
      assertClean(cleaned);
      assert.match(cleaned.stdout, new RegExp(`Logged out of ${escape(reg.host)}`));
      assert.equal(await readFile(config, 'utf8'), original);
      assert.equal(await mode(config), 0o644);
      await assertHelmRefused(reg, ref, helmEnv, 'after the post step');
    });
  });
}

describe('login and logout options', () => {
  let reg: TestRegistry;
  before(async () => {
    reg = await registry('basic');
  });

  test('no HELM_REGISTRY_CONFIG: written where Helm looks ($HOME/.config, then XDG_CONFIG_HOME), removed with the folders made for it', async () => {
    // HOME only: Helm's Linux default ~/.config/helm/registry/config.json.
    const home = await cleanup.tempDir('action-login-home-');
    const expected = join(home, '.config', 'helm', 'registry', 'config.json');
    const byHome = { HOME: home };
    const helmByHome = { HOME: home, HELM_CONFIG_HOME: '', HELM_REGISTRY_CONFIG: '' };
    const first = await main(reg, { env: byHome });
    assertClean(first);
    // A new file is what `helm registry login` writes (tab-indented), and private.
    assert.equal(await readFile(expected, 'utf8'), newConfigText(reg.host, reg.username, reg.password));
    assert.equal(await mode(expected), 0o600);
    await assertHelmPulls(reg, first.outputs.ref!, helmByHome, 'HOME default after main');
    assertClean(await post(first, { env: byHome }));
    assert.deepEqual(await readdir(home), [], 'the file and the .config/helm/registry folders made for it are gone');
    await assertHelmRefused(reg, first.outputs.ref!, helmByHome, 'HOME default after post');

    // XDG_CONFIG_HOME wins over HOME (GitHub's Ubuntu runners set it).
    const xdgRoot = await cleanup.tempDir('action-login-xdg-');
    const otherHome = await cleanup.tempDir('action-login-home2-');
    const xdg = join(xdgRoot, 'xdg-config');
    const byXdg = { HOME: otherHome, XDG_CONFIG_HOME: xdg };
    const second = await main(reg, { env: byXdg });
    assertClean(second);
    assert.ok(await exists(join(xdg, 'helm', 'registry', 'config.json')));
    assert.deepEqual(await readdir(otherHome), [], 'nothing written under HOME');
    await assertHelmPulls(reg, second.outputs.ref!, { XDG_CONFIG_HOME: xdg, HELM_CONFIG_HOME: '', HELM_REGISTRY_CONFIG: '' }, 'XDG after main');
    assertClean(await post(second, { env: byXdg }));
    assert.deepEqual(await readdir(xdgRoot), []);
  });

  test('two runs in one job (main, main, post, post as a runner orders them): the later post gives back the first login, the earlier the original file', async () => {
    const dir = await cleanup.tempDir('action-login-nested-');
    const config = join(dir, 'config.json');
    const original = existingConfig(reg.host);
    await writeFile(config, original, { mode: 0o600 });
    const helmEnv = { HELM_REGISTRY_CONFIG: config };
    const [first, second] = reg.users as [{ username: string; password: string }, { username: string; password: string }];

    const main1 = await main(reg, { config, user: first });
    assertClean(main1);
    const afterMain1 = await readFile(config, 'utf8');
    assert.ok(afterMain1.includes(b64(`${first.username}:${first.password}`)));

    const main2 = await main(reg, { config, user: second });
    assertClean(main2);
    assert.ok((await readFile(config, 'utf8')).includes(b64(`${second.username}:${second.password}`)));

    assertClean(await post(main2, { config }));
    assert.equal(await readFile(config, 'utf8'), afterMain1, "the first run's login is back, byte for byte");
    // The steps between the first run and its post step are still logged in.
    await assertHelmPulls(reg, main2.outputs.ref!, helmEnv, 'after the later post step');

    assertClean(await post(main1, { config }));
    assert.equal(await readFile(config, 'utf8'), original);
    await assertHelmRefused(reg, main1.outputs.ref!, helmEnv, 'after both post steps');
  });

  test('logout: false keeps the login after the post step', async () => {
    const dir = await cleanup.tempDir('action-login-keep-');
    const config = join(dir, 'config.json');
    const published = await main(reg, { config, inputs: { logout: 'false' } });
    assertClean(published);
    assert.equal(published.state[LOGIN_STATE], undefined, 'nothing for the post step to undo');
    assert.match(published.stdout, /Logged in to/);
    assert.doesNotMatch(published.stdout, /post step logs out/);
    const written = await readFile(config, 'utf8');
    assert.equal(written, newConfigText(reg.host, reg.username, reg.password));

    const cleaned = await post(published, { config });
    assertClean(cleaned);
    assert.doesNotMatch(cleaned.stdout, /Logged out/);
    assert.equal(await readFile(config, 'utf8'), written);
    await assertHelmPulls(reg, published.outputs.ref!, { HELM_REGISTRY_CONFIG: config }, 'after the post step with logout: false');
  });

  test('login: false pushes but writes nothing, and the post step has nothing to do', async () => {
    const dir = await cleanup.tempDir('action-login-none-');
    const config = join(dir, 'helm', 'config.json');
    const published = await main(reg, { config, inputs: { login: 'false' } });
    assertClean(published);
    assert.equal(published.outputs.pushed, 'true');
    assert.deepEqual(published.state, {});
    assert.doesNotMatch(published.stdout, /Logged in/);
    assert.deepEqual(await readdir(dir), [], 'no file, no folder');
    await assertHelmRefused(reg, published.outputs.ref!, { HELM_REGISTRY_CONFIG: config }, 'login: false');

    const cleaned = await post(published, { config });
    assertClean(cleaned);
    assert.equal(cleaned.stdout.trim(), '');
    assert.deepEqual(await readdir(dir), []);
  });

  test('a wrong password fails the step and writes no entry; the post step is a no-op that exits 0', async () => {
    const dir = await cleanup.tempDir('action-login-fail-');
    // An earlier step's valid login for the same host must survive the failed run.
    const config = join(dir, 'config.json');
    const earlier = newConfigText(reg.host, reg.username, reg.password);
    await writeFile(config, earlier, { mode: 0o600 });
    const missing = join(dir, 'new', 'config.json');

    for (const path of [config, missing]) {
      const failed = await main(reg, { config: path, user: { username: reg.username, password: 'not-the-password' } });
      assertFailed(failed, /refused the credentials/);
      assert.equal(failed.state[LOGIN_STATE], undefined, 'no login, nothing to undo');
      assert.doesNotMatch(failed.stdout, /Logged in/);

      const cleaned = await post(failed, { config: path });
      assertClean(cleaned);
      assert.equal(cleaned.stdout.trim(), '', 'the post step did and said nothing');
    }
    assert.equal(await readFile(config, 'utf8'), earlier);
    assert.equal(await exists(join(dir, 'new')), false, 'no file or folder created');
  });

  // /sys (sysfs) refuses mkdir even to root, so the write fails after the plan was made; (Node's
  // recursive mkdir loops forever under /proc, so not there).
  const sysfs = existsSync('/proc/mounts') && /^\S+ \/sys sysfs /m.test(readFileSync('/proc/mounts', 'utf8'));
  const unwritable = (): string => `/sys/helm-oci-publish-test-${Math.random().toString(36).slice(2)}/config.json`;

  test('state is saved before the file is touched: a login that cannot be written fails the step, and the post step still exits clean', { skip: !sysfs && 'needs /sys mounted as sysfs' }, async () => {
    const config = unwritable();
    const result = await main(reg, { config });
    assertFailed(result, new RegExp(escape(dirname(config))));
    const record = JSON.parse(result.state[LOGIN_STATE] ?? 'null') as { path: string; fileExisted: boolean } | null;
    assert.ok(record, `the state was saved before the write failed\n${transcript(result)}`);
    assert.equal(record.path, config);
    assert.equal(record.fileExisted, false);
    assertClean(await post(result, { config }));
  });

  test('a pushed chart keeps its outputs and summary when the login cannot be written', { skip: !sysfs && 'needs /sys mounted as sysfs' }, async () => {
    const result = await main(reg, { config: unwritable() });
    assert.match(result.outputs.digest ?? '', /^sha256:[0-9a-f]{64}$/, transcript(result));
    assert.match(result.summary, /pushed/);
  });

  test('the post step only warns when it cannot restore (a later step broke the file), and leaves the file alone', async () => {
    const dir = await cleanup.tempDir('action-login-broken-');
    const config = join(dir, 'config.json');
    const published = await main(reg, { config });
    assertClean(published);
    const broken = '{"auths": {"half-written';
    await writeFile(config, broken);

    const cleaned = await post(published, { config });
    assert.equal(cleaned.code, 0, transcript(cleaned));
    assert.deepEqual(commandLines(cleaned, 'error'), []);
    const warnings = commandLines(cleaned, 'warning').join('\n');
    assert.match(warnings, /not valid JSON/, transcript(cleaned));
    assert.ok(warnings.includes(reg.host), 'the warning names the registry whose login may remain');
    assert.equal(await readFile(config, 'utf8'), broken);
  });
});

// docker-login: Docker's config.json, read by cosign, crane, oras, skopeo and docker. Here skopeo
// (containers/image, a client that is not Helm) is the later step that reads it.
describe('docker-login', () => {
  let reg: TestRegistry;
  before(async () => {
    reg = await registry('basic');
  });

  /** skopeo reading the chart's manifest with no credentials but the Docker config in `dockerConfig`. */
  async function skopeoInspect(ref: string, dockerConfig: string): Promise<{ code: number; stdout: string; stderr: string }> {
    const home = await cleanup.tempDir('action-login-skopeo-home-');
    const image = `docker://${ref.replace(/^oci:\/\//, '')}`;
    return new Promise((resolve) => {
      execFile(
        'skopeo',
        ['inspect', '--raw', '--tls-verify=false', image],
        { env: { PATH: process.env.PATH, HOME: home, DOCKER_CONFIG: dockerConfig } },
        (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
      );
    });
  }

  test('skopeo reads the private chart with the login the action wrote to $DOCKER_CONFIG/config.json, and is refused after the post step', async () => {
    const dockerConfig = join(await cleanup.tempDir('action-login-docker-'), 'docker');
    const config = join(await cleanup.tempDir('action-login-helm-'), 'config.json');
    const published = await main(reg, { config, inputs: { 'docker-login': 'true' }, env: { DOCKER_CONFIG: dockerConfig } });
    assertClean(published);
    assert.ok(published.state[DOCKER_LOGIN_STATE], 'the Docker config record is in the state before the post step');
    // A new file as `docker login` writes it: keyed by the bare host, tab-indented, private.
    const file = join(dockerConfig, 'config.json');
    assert.equal(await readFile(file, 'utf8'), newConfigText(reg.host, reg.username, reg.password));
    assert.equal(await mode(file), 0o600);

    const ref = published.outputs.ref!.replace(/@sha256:.*$/, ':0.1.0');
    const inspected = await skopeoInspect(ref, dockerConfig);
    assert.equal(inspected.code, 0, inspected.stderr);
    const manifest = JSON.parse(inspected.stdout) as { config: { mediaType: string } };
    assert.equal(manifest.config.mediaType, 'application/vnd.cncf.helm.config.v1+json');

    const cleaned = await post(published, { config });
    assertClean(cleaned);
    assert.equal(await exists(dockerConfig), false, 'the file and the folder made for it are gone');
    const refused = await skopeoInspect(ref, dockerConfig);
    assert.notEqual(refused.code, 0, 'skopeo still got in after the post step');
    assert.match(refused.stderr, /unauthorized|authentication required/i);
  });

  test('an existing config.json (other hosts, credsStore, unknown keys, odd indentation) comes back byte for byte', async () => {
    const dockerConfig = await cleanup.tempDir('action-login-docker-existing-');
    const file = join(dockerConfig, 'config.json');
    const original =
      `{\n   "auths": {\n      "ghcr.io": {\n         "auth": "${b64('someone:else')}"\n      },\n      "${reg.host}": {}\n   },\n` +
      `   "credsStore": "desktop",\n   "HttpHeaders": {"User-Agent": "Docker-Client/24.0"},\n   "plugins": {"buildx": {"x": [1, 2]}}\n}\n`;
    await writeFile(file, original, { mode: 0o644 });
    await chmod(file, 0o644);
    const config = join(await cleanup.tempDir('action-login-helm-'), 'config.json');

    const published = await main(reg, { config, inputs: { 'docker-login': 'true' }, env: { DOCKER_CONFIG: dockerConfig } });
    assert.equal(published.code, 0, transcript(published));
    // docker and the tools like it ask the credential store first: the action says so.
    assert.match(commandLines(published, 'warning').join('\n'), /docker-credential-desktop \(credsStore\)/);
    const during = await readFile(file, 'utf8');
    // The file's own three-space indentation for the new entry; everything else as it was.
    assert.ok(during.includes(`      "${reg.host}": {\n         "auth": "${b64(`${reg.username}:${reg.password}`)}"\n      }\n`), during);
    assert.ok(during.includes('"plugins": {"buildx": {"x": [1, 2]}}'));

    assertClean(await post(published, { config }));
    assert.equal(await readFile(file, 'utf8'), original);
    assert.equal(await mode(file), 0o644);
  });

  test('docker-login: false (the default) leaves Docker\'s config alone', async () => {
    const home = await cleanup.tempDir('action-login-docker-home-');
    const published = await main(reg, { config: join(home, 'helm.json'), env: { HOME: home, DOCKER_CONFIG: undefined } });
    assertClean(published);
    assert.equal(published.state[DOCKER_LOGIN_STATE], undefined);
    assert.deepEqual(await readdir(home), ['helm.json']);
  });
});
