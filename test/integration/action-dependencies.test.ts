// `dependency-update` through the committed dist/ bundle, run as a runner would: the real
// `helm dependency update` (Helm 3.18 and 4.1 as the resolver) installed by the action from a local
// get.helm.sh-style mirror into the runner's tool cache, a private OCI dependency in the same
// token-auth Distribution registry the chart is pushed to, a classic chart repository served over
// loopback HTTP, and the published chart pulled and rendered by real Helm 4.1. How the installer
// finds, downloads, verifies and caches Helm is tested once, in helm-install.test.ts.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { which } from '@actions/io';
import { projectRoot, runStep, type StepResult } from '../support/action-runner.js';
import { helmHome, helmOk, helmRegistryFlags, HELM_VERSIONS, type HelmHome, type HelmVersion } from '../support/helm.js';
import { realHelmBinary, startHelmMirror, type HelmMirror } from '../support/helm-mirror.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { Cleanup } from '../support/tmp.js';

const run = promisify(execFile);

const skip =
  process.platform !== 'linux' || process.arch !== 'x64'
    ? 'the real Helm binaries in .cache/helm are linux amd64'
    : !realHelmBinary('3.18.0') || !realHelmBinary('4.1.4')
      ? 'run `npm test` (its pretest fetches the Helm binaries)'
      : !existsSync(join(projectRoot, 'dist', 'main.js'))
        ? 'run `npm run build` first'
        : false;

const EPOCH = '1700000000';
const asset = (version: string) => `helm-v${version}-linux-amd64.tar.gz`;
// A registry config the user already had, with another registry's login: it must come out unchanged.
const USER_REGISTRY_CONFIG = '{\n\t"auths": {\n\t\t"other.example:5000": {\n\t\t\t"auth": "b3RoZXI6c2VjcmV0"\n\t\t}\n\t}\n}\n';

const configMap = (suffix: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-${suffix}\ndata:\n  chart: {{ .Chart.Name }}-{{ .Chart.Version }}\n`;

async function writeChart(dir: string, chartYaml: string, extra: Record<string, string> = {}): Promise<string> {
  await mkdir(join(dir, 'templates'), { recursive: true });
  await writeFile(join(dir, 'Chart.yaml'), chartYaml);
  await writeFile(join(dir, 'templates', 'cm.yaml'), configMap(/^name: (\S+)$/m.exec(chartYaml)![1]!));
  for (const [name, text] of Object.entries(extra)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

/** The `::error::` lines the step printed, decoded as the runner shows them. */
function errorLines(result: StepResult): string[] {
  return `${result.stdout}\n${result.stderr}`
    .split('\n')
    .filter((line) => line.startsWith('::error'))
    .map((line) => line.replace(/^::error(?: [^:]*)?::/, '').replaceAll('%0A', '\n').replaceAll('%0D', '\r').replaceAll('%25', '%'));
}

function transcript(result: StepResult): string {
  return `exit ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

function assertSucceeded(result: StepResult): void {
  assert.equal(result.code, 0, transcript(result));
  assert.deepEqual(errorLines(result), [], transcript(result));
}

/** Every file under `dir` whose bytes contain one of `needles`. */
async function filesContaining(dir: string, needles: string[]): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const hits: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if ((await stat(path)).size > 32 * 1024 * 1024) continue;
    const text = (await readFile(path)).toString('latin1');
    if (needles.some((n) => text.includes(n))) hits.push(path);
  }
  return hits;
}

describe('action: dependency-update with a Helm the action installs', { skip }, () => {
  const cleanup = new Cleanup();
  let registry: TestRegistry;
  let mirror: HelmMirror;
  let repoDir: string;
  let repoUrl: string;
  /** tar and gzip only: a PATH on which there is no helm. */
  let noHelmPath: string;
  /** tar, gzip and a real helm: a PATH with the given Helm on it. */
  const helmPath: Partial<Record<HelmVersion, string>> = {};
  let puller: HelmHome;

  /** Requests the registry and its token service have seen so far (the access log counts each one). */
  const registryRequests = () =>
    registry.logs().split('\n').filter((line) => /"(?:GET|HEAD|POST|PUT|PATCH|DELETE) \/v2\/|TLS handshake error/.test(line)).length +
    registry.tokenServer!.requests.length;

  before(async () => {
    const work = await cleanup.tempDir('action-deps');
    const pending: Array<Promise<unknown>> = [];

    registry = await startRegistry({ auth: 'token', tls: 'server' });
    cleanup.add(() => registry.stop());
    mirror = await startHelmMirror();
    cleanup.add(() => mirror.stop());

    // The private OCI dependency, pushed to the same registry with real `helm push`.
    const pusher = await helmHome();
    cleanup.add(() => pusher.remove());
    const flags = helmRegistryFlags('4.1.4', registry);
    await writeChart(join(work, 'src', 'ocidep'), 'apiVersion: v2\nname: ocidep\nversion: 0.3.0\n');
    await helmOk('4.1.4', ['package', join(work, 'src', 'ocidep'), '-d', join(work, 'src')], { home: pusher });
    await helmOk('4.1.4', ['registry', 'login', registry.host, '--username', registry.username, '--password-stdin', ...flags], {
      home: pusher,
      input: registry.password,
    });
    pending.push(helmOk('4.1.4', ['push', join(work, 'src', 'ocidep-0.3.0.tgz'), `oci://${registry.host}/deps`, ...flags], { home: pusher }));

    // A classic chart repository: `helm package` + `helm repo index`, served over loopback HTTP.
    repoDir = join(work, 'repo');
    await mkdir(repoDir);
    const server = createServer((req, res) => {
      const name = new URL(req.url ?? '/', 'http://repo').pathname.slice(1);
      if (!/^[\w.-]+$/.test(name) || !existsSync(join(repoDir, name))) return void res.writeHead(404).end();
      readFile(join(repoDir, name)).then((body) => res.writeHead(200).end(body), () => res.writeHead(500).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanup.add(() => new Promise<void>((resolve) => server.close(() => resolve())));
    repoUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    await writeChart(join(work, 'src', 'webdep'), 'apiVersion: v2\nname: webdep\nversion: 1.2.0\n');
    await helmOk('4.1.4', ['package', join(work, 'src', 'webdep'), '-d', repoDir]);
    await helmOk('4.1.4', ['repo', 'index', repoDir, '--url', repoUrl]);

    const tools = { tar: await which('tar', true), gzip: await which('gzip', true) };
    const pathDir = async (name: string, files: Record<string, string>) => {
      const dir = await cleanup.tempDir(name);
      for (const [file, target] of Object.entries(files)) await symlink(target, join(dir, file));
      return dir;
    };
    noHelmPath = await pathDir('path-no-helm', tools);
    for (const version of ['3.18.0', '4.1.4'] as const) helmPath[version] = await pathDir(`path-helm-${version}`, { ...tools, helm: HELM_VERSIONS[version] });

    // Real Helm 4.1 logged in to the registry, to pull what the action published.
    puller = await helmHome();
    cleanup.add(() => puller.remove());
    await helmOk('4.1.4', ['registry', 'login', registry.host, '--username', registry.username, '--password-stdin', ...flags], {
      home: puller,
      input: registry.password,
    });
    await Promise.all(pending);
  });
  after(() => cleanup.run());

  /** Chart.yaml of `app`, depending on the OCI chart and/or the classic repository's chart. */
  function appChartYaml(deps: Array<'oci' | 'web'>, name = 'app'): string {
    const lines = ['apiVersion: v2', `name: ${name}`, 'version: 1.0.0'];
    if (deps.length > 0) lines.push('dependencies:');
    if (deps.includes('oci')) lines.push('  - name: ocidep', '    version: "~0.3.0"', `    repository: oci://${registry.host}/deps`);
    if (deps.includes('web')) lines.push('  - name: webdep', '    version: "^1.0.0"', `    repository: ${repoUrl}`);
    return `${lines.join('\n')}\n`;
  }

  /** A Chart.lock from before Chart.yaml changed: out of sync with it (other version, other digest). */
  const staleLock = () =>
    `dependencies:\n- name: webdep\n  repository: ${repoUrl}\n  version: 0.9.0\ndigest: sha256:${'0'.repeat(64)}\ngenerated: "2020-01-01T00:00:00Z"\n`;

  interface Runner {
    workspace: string;
    home: string;
    temp: string;
    toolCache: string;
    registryConfig: string;
    env: Record<string, string | undefined>;
  }

  /** A fresh runner: workspace, HOME, RUNNER_TEMP and (unless shared) RUNNER_TOOL_CACHE of its own. */
  async function newRunner(opts: { path: string; toolCache?: string; userConfig?: boolean }): Promise<Runner> {
    const [workspace, home, temp] = await Promise.all([cleanup.tempDir('ws'), cleanup.tempDir('home'), cleanup.tempDir('runner-temp')]);
    const toolCache = opts.toolCache ?? (await cleanup.tempDir('tool-cache'));
    const registryConfig = join(home, 'registry-config.json');
    if (opts.userConfig) await writeFile(registryConfig, USER_REGISTRY_CONFIG, { mode: 0o600 });
    const env: Record<string, string | undefined> = {
      PATH: opts.path,
      HOME: home,
      RUNNER_TEMP: temp,
      RUNNER_TOOL_CACHE: toolCache,
      HELM_REGISTRY_CONFIG: registryConfig,
      SOURCE_DATE_EPOCH: EPOCH,
      // Helm trusts the test CA the way a runner trusts its own bundle; the action gets ca-file.
      SSL_CERT_FILE: registry.caFile,
    };
    for (const key of ['XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_DATA_HOME', 'HELM_CONFIG_HOME', 'HELM_CACHE_HOME', 'HELM_DATA_HOME', 'HELM_REPOSITORY_CONFIG', 'HELM_REPOSITORY_CACHE', 'DOCKER_CONFIG']) {
      env[key] = undefined;
    }
    return { workspace, home, temp, toolCache, registryConfig, env };
  }

  function main(runner: Runner, inputs: Record<string, string>): Promise<StepResult> {
    return runStep('main', { inputs: { chart: 'app', 'ca-file': registry.caFile!, ...inputs }, env: runner.env, cwd: runner.workspace });
  }

  function post(runner: Runner, state: Record<string, string>, inputs: Record<string, string>): Promise<StepResult> {
    return runStep('post', { inputs: { chart: 'app', ...inputs }, state, env: runner.env, cwd: runner.workspace });
  }

  const credentials = () => ({ username: registry.username, password: registry.password });

  /** Pulls `ref` with real Helm 4.1 and renders it; returns the manifests and the packaged Chart.lock. */
  async function pullAndTemplate(ref: string): Promise<{ rendered: string; lock: string }> {
    const dest = join(puller.dir, `pulled-${Math.random().toString(36).slice(2)}`);
    await mkdir(dest);
    await helmOk('4.1.4', ['pull', ref, '-d', dest, ...helmRegistryFlags('4.1.4', registry)], { home: puller });
    const [file] = await readdir(dest);
    const tgz = join(dest, file!);
    const rendered = (await helmOk('4.1.4', ['template', 'rel', tgz], { home: puller })).stdout;
    const lock = (await run('tar', ['-xzOf', tgz, 'app/Chart.lock'])).stdout;
    return { rendered, lock };
  }

  for (const [version, login] of [
    ['3.18.0', true],
    ['4.1.4', false],
  ] as const) {
    it(`publishes a chart whose OCI and classic dependencies Helm ${version} resolved (installed from the mirror, login: ${login})`, async () => {
      const runner = await newRunner({ path: noHelmPath, userConfig: true });
      await writeChart(join(runner.workspace, 'app'), appChartYaml(['oci', 'web']), { 'Chart.lock': staleLock() });
      const tarballsBefore = mirror.requests(asset(version));
      const checksumsBefore = mirror.requests(`${asset(version)}.sha256sum`);
      const inputs = {
        registry: `oci://${registry.host}/h${version.replaceAll('.', '-')}`,
        ...credentials(),
        login: String(login),
        'dependency-update': 'true',
        'helm-version': version,
        'helm-mirror': mirror.url,
      };

      const result = await main(runner, inputs);
      assertSucceeded(result);
      // Helm was installed from the mirror into the runner's tool cache, verified, and reported.
      assert.equal(result.outputs['helm-version'], version);
      assert.equal(result.outputs['helm-path'], join(runner.toolCache, 'helm', version, 'x64', 'helm'));
      assert.equal((await run(result.outputs['helm-path']!, ['version', '--template', '{{.Version}}'])).stdout, `v${version}`);
      assert.equal(mirror.requests(asset(version)) - tarballsBefore, 1, 'the tarball is downloaded once');
      assert.equal(mirror.requests(`${asset(version)}.sha256sum`) - checksumsBefore, 1, 'its checksum is fetched');
      assert.equal(result.outputs.pushed, 'true');

      // What was published renders with both subcharts, and carries the lock Helm rewrote.
      const { rendered, lock } = await pullAndTemplate(result.outputs.ref!);
      assert.match(rendered, /name: rel-app\ndata:\n\s+chart: app-1\.0\.0/);
      assert.match(rendered, /name: rel-ocidep\ndata:\n\s+chart: ocidep-0\.3\.0/);
      assert.match(rendered, /name: rel-webdep\ndata:\n\s+chart: webdep-1\.2\.0/);
      assert.match(lock, new RegExp(`- name: ocidep\n  repository: oci://${registry.host.replaceAll('.', '\\.')}/deps\n  version: 0\\.3\\.0\n`));
      assert.match(lock, /- name: webdep\n {2}repository: http:\/\/127\.0\.0\.1:\d+\n {2}version: 1\.2\.0\n/);
      assert.doesNotMatch(lock, /0\.9\.0|sha256:0{64}/, 'the out-of-sync Chart.lock was rewritten by helm dependency update');

      const auth = Buffer.from(`${registry.username}:${registry.password}`).toString('base64');
      if (login) {
        // Later steps are logged in; the post step puts the user's file back byte for byte.
        const config = JSON.parse(await readFile(runner.registryConfig, 'utf8')) as { auths: Record<string, { auth: string }> };
        assert.equal(config.auths[registry.host]?.auth, auth);
        assert.equal(config.auths['other.example:5000']?.auth, 'b3RoZXI6c2VjcmV0');
        const cleaned = await post(runner, result.state, inputs);
        assertSucceeded(cleaned);
        assert.equal(await readFile(runner.registryConfig, 'utf8'), USER_REGISTRY_CONFIG);
      } else {
        // Helm had the credentials only for the dependency update: nothing is left for later steps.
        assert.equal(await readFile(runner.registryConfig, 'utf8'), USER_REGISTRY_CONFIG);
        assert.equal(result.state['helm-login'], undefined, 'no login for the post step to undo');
        assert.deepEqual(await readdir(runner.temp), [], 'the temporary registry config (and the Helm download) are gone from RUNNER_TEMP');
        assert.deepEqual(await filesContaining(runner.home, [auth, registry.password]), [], 'no credentials anywhere under HOME');
        const cleaned = await post(runner, result.state, inputs);
        assertSucceeded(cleaned);
        assert.equal(await readFile(runner.registryConfig, 'utf8'), USER_REGISTRY_CONFIG);
      }
    });
  }

  it('refuses a tarball that does not match the published checksum: nothing cached, nothing pushed', async () => {
    const tampered = await startHelmMirror({ tamper: true });
    cleanup.add(() => tampered.stop());
    const runner = await newRunner({ path: noHelmPath });
    await writeChart(join(runner.workspace, 'app'), appChartYaml(['oci', 'web']));
    const inputs = {
      registry: `oci://${registry.host}/tampered`,
      ...credentials(),
      'dependency-update': 'true',
      'helm-version': '3.18.0',
      'helm-mirror': tampered.url,
    };
    const requestsBefore = registryRequests();

    const result = await main(runner, inputs);
    assert.equal(result.code, 1, transcript(result));
    const errors = errorLines(result);
    assert.equal(errors.length, 1, transcript(result));
    assert.match(errors[0]!, /^helm-oci-publish: checksum mismatch for helm-v3\.18\.0-linux-amd64\.tar\.gz from http:\/\/127\.0\.0\.1:\d+: /);
    assert.match(errors[0]!, /nothing was installed/);
    assert.equal(tampered.requests(asset('3.18.0')), 1, 'the tarball was fetched');
    assert.deepEqual(await readdir(runner.toolCache), [], 'nothing in the tool cache');
    assert.deepEqual(await readdir(runner.temp), [], 'the download is deleted');
    assert.equal(result.outputs['helm-path'], undefined);
    assert.equal(result.outputs.digest, undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(registryRequests(), requestsBefore, 'the registry was not contacted');
    assert.ok(!existsSync(join(registry.dataDir, 'docker', 'registry', 'v2', 'repositories', 'tampered')), 'nothing was pushed');
    assert.ok(!existsSync(join(runner.workspace, 'app', 'charts')), 'no dependency was fetched');

    // The login written for Helm before the failure is undone by the post step.
    assertSucceeded(await post(runner, result.state, inputs));
    assert.ok(!existsSync(runner.registryConfig), 'the registry config the step created is gone');
  });

  it('does not look for or install Helm when no chart has dependencies', async () => {
    const runner = await newRunner({ path: noHelmPath });
    await writeChart(join(runner.workspace, 'app'), appChartYaml([]));
    const requestsBefore = mirror.requests();
    const registryBefore = registryRequests();
    const result = await main(runner, {
      registry: `oci://${registry.host}/nodeps`,
      ...credentials(),
      'dependency-update': 'true',
      'helm-mirror': mirror.url,
    });
    assertSucceeded(result);
    assert.equal(result.outputs.pushed, 'true');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.ok(registryRequests() > registryBefore, 'a push is seen by the request count the other tests rely on');
    assert.equal(result.outputs['helm-path'], undefined);
    assert.equal(result.outputs['helm-version'], undefined);
    assert.equal(mirror.requests(), requestsBefore, 'no request to the mirror');
    assert.deepEqual(await readdir(runner.toolCache), []);
    assert.doesNotMatch(result.stdout, /helm dependency update|no helm on PATH/);
  });

  it('without dependency-update, names a dependency missing from charts/ and suggests dependency-update: true, before any request', async () => {
    const runner = await newRunner({ path: noHelmPath });
    const chart = await writeChart(join(runner.workspace, 'app'), appChartYaml(['oci', 'web']));
    await mkdir(join(chart, 'charts'));
    await copyFile(join(repoDir, 'webdep-1.2.0.tgz'), join(chart, 'charts', 'webdep-1.2.0.tgz'));
    const requestsBefore = registryRequests();
    const mirrorBefore = mirror.requests();

    const result = await main(runner, { registry: `oci://${registry.host}/missing`, ...credentials(), 'helm-mirror': mirror.url });
    assert.equal(result.code, 1, transcript(result));
    const errors = errorLines(result);
    assert.equal(errors.length, 1, transcript(result));
    assert.match(errors[0]!, /dependency "ocidep" is listed in Chart\.yaml but missing from charts\//);
    assert.match(errors[0]!, /"dependency-update: true"/);
    assert.doesNotMatch(errors[0]!, /webdep/, 'the dependency that is present is not blamed');
    assert.doesNotMatch(`${result.stdout}${result.stderr}`, /^\s+at .+:\d+:\d+\)?$/m, 'no stack trace');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(registryRequests(), requestsBefore, 'the registry was not contacted');
    assert.equal(mirror.requests(), mirrorBefore);
    assert.equal(result.outputs['helm-path'], undefined);
    assert.ok(!existsSync(runner.registryConfig), 'no login was written');
  });

  it('without dependency-update, packages a chart whose Chart.lock is out of sync, as helm package does', async () => {
    const runner = await newRunner({ path: noHelmPath });
    const chart = await writeChart(join(runner.workspace, 'app'), appChartYaml(['web']), { 'Chart.lock': staleLock() });
    await mkdir(join(chart, 'charts'));
    await copyFile(join(repoDir, 'webdep-1.2.0.tgz'), join(chart, 'charts', 'webdep-1.2.0.tgz'));
    // Only `helm dependency build` checks the lock against Chart.yaml; `helm package` does not.
    const out = await cleanup.tempDir('helm-package');
    await helmOk('4.1.4', ['package', chart, '-d', out]);
    const built = await helmOk('4.1.4', ['dependency', 'build', chart]).catch((error: Error) => error);
    assert.ok(built instanceof Error && /the lock file \(Chart\.lock\) is out of sync/.test(built.message), 'the lock really is out of sync');

    const result = await main(runner, { registry: `oci://${registry.host}/stale`, 'dry-run': 'true' });
    assertSucceeded(result);
    assert.equal((JSON.parse(result.outputs.charts!) as Array<{ status: string }>)[0]!.status, 'dry-run');
    assert.equal(await readFile(join(chart, 'Chart.lock'), 'utf8'), staleLock(), 'the lock is left as it is');
  });

  it("fails with Helm's own message when helm dependency update cannot read Chart.lock", async () => {
    const runner = await newRunner({ path: helmPath['4.1.4']! });
    await writeChart(join(runner.workspace, 'app'), appChartYaml(['web']), { 'Chart.lock': 'dependencies: [\n' });
    const result = await main(runner, { registry: `oci://${registry.host}/badlock`, 'dry-run': 'true', 'dependency-update': 'true' });
    assert.equal(result.code, 1, transcript(result));
    const errors = errorLines(result);
    assert.equal(errors.length, 1, transcript(result));
    // One line, no stack: Helm's error and the hint; Helm's full output is in the log before it.
    assert.match(errors[0]!, /^helm-oci-publish: helm dependency update failed for .*\/app \(Helm 4\.1\.4, exit code 1\): Error: cannot load Chart\.lock: error converting YAML to JSON[^\n]*Hint: Chart\.lock could not be used: fix or delete it[^\n]*$/);
    assert.doesNotMatch(result.stdout, /^\s+at /m, 'no stack trace');
    assert.equal(result.outputs.charts, undefined, 'nothing was packaged');
  });

  // The registry's settings reach Helm too: plain HTTP, the CA from ca-file, v1 requirements.yaml.
  describe('registry settings and chart layouts Helm must see', () => {
    it('resolves an OCI dependency in the same plain-http registry with Helm 4', async () => {
      const plain = await startRegistry();
      cleanup.add(() => plain.stop());
      const pushed = await helmHome();
      cleanup.add(() => pushed.remove());
      await helmOk('4.1.4', ['pull', `oci://${registry.host}/deps/ocidep`, '--version', '0.3.0', '-d', pushed.dir, ...helmRegistryFlags('4.1.4', registry)], { home: puller });
      await helmOk('4.1.4', ['push', join(pushed.dir, 'ocidep-0.3.0.tgz'), `oci://${plain.host}/deps`, '--plain-http'], { home: pushed });
      const runner = await newRunner({ path: helmPath['4.1.4']! });
      await writeChart(
        join(runner.workspace, 'app'),
        `apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n  - name: ocidep\n    version: "~0.3.0"\n    repository: oci://${plain.host}/deps\n`,
      );
      const result = await main(runner, { registry: `oci://${plain.host}/apps`, 'plain-http': 'true', 'ca-file': '', 'dependency-update': 'true' });
      assertSucceeded(result);
      assert.ok(existsSync(join(runner.workspace, 'app', 'charts', 'ocidep-0.3.0.tgz')));
    });

    it('trusts ca-file for an OCI dependency in the same registry', async () => {
      const runner = await newRunner({ path: helmPath['4.1.4']! });
      runner.env.SSL_CERT_FILE = undefined; // the runner's own CA bundle, which does not hold the registry's CA
      await writeChart(join(runner.workspace, 'app'), appChartYaml(['oci']));
      const result = await main(runner, { registry: `oci://${registry.host}/cafile`, ...credentials(), login: 'false', 'dry-run': 'true', 'dependency-update': 'true' });
      assertSucceeded(result);
      assert.ok(existsSync(join(runner.workspace, 'app', 'charts', 'ocidep-0.3.0.tgz')));
    });

    it('updates the dependencies of an apiVersion v1 chart (requirements.yaml)', async () => {
      const runner = await newRunner({ path: helmPath['3.18.0']! });
      await writeChart(join(runner.workspace, 'app'), 'apiVersion: v1\nname: app\nversion: 1.0.0\n', {
        'requirements.yaml': `dependencies:\n  - name: webdep\n    version: "^1.0.0"\n    repository: ${repoUrl}\n`,
      });
      const result = await main(runner, { registry: `oci://${registry.host}/v1`, 'dry-run': 'true', 'dependency-update': 'true' });
      assertSucceeded(result);
      assert.ok(existsSync(join(runner.workspace, 'app', 'charts', 'webdep-1.2.0.tgz')));
    });
  });
});
