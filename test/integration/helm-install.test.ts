// Finding and installing Helm against a local get.helm.sh-style mirror built from real binaries.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { which } from '@actions/io';
import { startHelmMirror, realHelmBinary, type HelmMirror } from '../support/helm-mirror.js';
import { Cleanup } from '../support/tmp.js';

const run = promisify(execFile);
const skip =
  process.platform !== 'linux' || process.arch !== 'x64'
    ? 'the real Helm binaries in .cache/helm are linux amd64'
    : !realHelmBinary('3.18.0') || !realHelmBinary('4.1.4') || !realHelmBinary('3.16.1')
      ? 'run `npm test` (its pretest fetches the Helm binaries)'
      : false;

describe('resolveHelm', { skip }, () => {
  const cleanup = new Cleanup();
  const savedEnv = { PATH: process.env.PATH, RUNNER_TOOL_CACHE: process.env.RUNNER_TOOL_CACHE, RUNNER_TEMP: process.env.RUNNER_TEMP };
  let install: typeof import('../../src/helm/install.js');
  let mirror: HelmMirror;
  let tools: string; // tar, gzip and node only: a PATH without any helm
  const logs: string[] = [];
  const log = (m: string) => logs.push(m);

  /** A fresh, empty tool cache and temp dir, as a new runner would have. */
  async function freshRunner(): Promise<{ toolCache: string; temp: string }> {
    const toolCache = await cleanup.tempDir('tool-cache');
    const temp = await cleanup.tempDir('runner-temp');
    process.env.RUNNER_TOOL_CACHE = toolCache;
    process.env.RUNNER_TEMP = temp;
    return { toolCache, temp };
  }

  async function pathDir(name: string, files: Record<string, string>): Promise<string> {
    const dir = await cleanup.tempDir(name);
    for (const [file, target] of Object.entries(files)) await symlink(target, join(dir, file));
    return dir;
  }

  before(async () => {
    // tool-cache 4 reads RUNNER_TOOL_CACHE/RUNNER_TEMP on every call, but older releases read them
    // when imported: set them first so either works.
    await freshRunner();
    install = await import('../../src/helm/install.js');
    mirror = await startHelmMirror({ prefix: '/mirrors/helm' });
    cleanup.add(() => mirror.stop());
    tools = await pathDir('tools', { tar: await which('tar', true), gzip: await which('gzip', true), node: process.execPath });
  });

  after(async () => {
    for (const [key, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await cleanup.run();
  });

  it('downloads, verifies and caches an exact version, then serves it from the cache', async () => {
    const { toolCache, temp } = await freshRunner();
    const asset = 'helm-v3.18.0-linux-amd64.tar.gz';
    const first = await install.resolveHelm({ version: 'v3.18.0', mirror: `${mirror.url}/`, log });
    assert.equal(first.source, 'download');
    assert.equal(first.version, '3.18.0');
    assert.equal(first.path, join(toolCache, 'helm', '3.18.0', 'x64', 'helm'));
    assert.equal((await run(first.path, ['version', '--short'])).stdout.trim().split('+')[0], 'v3.18.0');
    assert.equal(mirror.requests(`/mirrors/helm/${asset}`), 1);
    assert.equal(mirror.requests(`/mirrors/helm/${asset}.sha256sum`), 1);
    assert.deepEqual(await readdir(temp), [], 'the archive and the unpacked copy are removed');

    const before = mirror.requests();
    const second = await install.resolveHelm({ version: '3.18.0', mirror: mirror.url, log });
    assert.deepEqual(second, { ...first, source: 'cache' });
    assert.equal(mirror.requests(), before, 'no request to the mirror on the second use');
  });

  it('refuses a tarball whose checksum does not match, and caches nothing', async (t) => {
    const tampered = await startHelmMirror({ tamper: true });
    t.after(() => tampered.stop());
    const { toolCache, temp } = await freshRunner();
    await assert.rejects(install.resolveHelm({ version: '4.1.4', mirror: tampered.url, log }), (error: Error) => {
      assert.match(error.message, /checksum mismatch for helm-v4\.1\.4-linux-amd64\.tar\.gz from http:\/\/127\.0\.0\.1:\d+: /);
      assert.match(error.message, /nothing was installed/);
      return true;
    });
    assert.equal(tampered.requests('helm-v4.1.4-linux-amd64.tar.gz'), 1);
    assert.equal(existsSync(join(toolCache, 'helm')), false, 'nothing in the tool cache');
    assert.deepEqual(await readdir(temp), [], 'the download is deleted');
  });

  it('refuses version strings that are not exact, before any download', async () => {
    await freshRunner();
    const before = mirror.requests();
    for (const version of ['3.18', 'latest', '^4.1.4', 'v3']) {
      await assert.rejects(install.resolveHelm({ version, mirror: mirror.url, log }), /is not an exact Helm version/);
    }
    await assert.rejects(install.resolveHelm({ version: '3.7.0', mirror: mirror.url, log }), /too old/);
    assert.equal(mirror.requests(), before);
  });

  it('says which version and mirror to check when the mirror lacks the release', async () => {
    await freshRunner();
    await assert.rejects(
      install.resolveHelm({ version: '3.99.0', mirror: mirror.url, log }),
      /could not download http:\/\/127\.0\.0\.1:\d+\/mirrors\/helm\/helm-v3\.99\.0-linux-amd64\.tar\.gz\.sha256sum: Unexpected HTTP response: 404 \(does the mirror publish Helm 3\.99\.0 for linux-amd64\? check helm-version and helm-mirror\)/,
    );
  });

  it('uses a helm 3.8+ found on PATH when no version is asked for', async () => {
    await freshRunner();
    const binary = realHelmBinary('3.18.0')!;
    process.env.PATH = [await pathDir('path-helm', { helm: binary }), tools].join(delimiter);
    const before = mirror.requests();
    const helm = await install.resolveHelm({ version: '', mirror: mirror.url, log });
    assert.deepEqual(helm, { path: join(process.env.PATH.split(delimiter)[0]!, 'helm'), version: '3.18.0', source: 'path' });
    assert.equal(mirror.requests(), before);
  });

  it('installs the default version when the helm on PATH is older than 3.8, or missing', async () => {
    const { toolCache } = await freshRunner();
    // Stands in for an old release: answers `helm version` like Helm 3.7 would.
    const old = await cleanup.tempDir('path-old-helm');
    await writeFile(join(old, 'helm'), "#!/usr/bin/env node\nprocess.stdout.write('v3.7.2');\n");
    await chmod(join(old, 'helm'), 0o755);
    process.env.PATH = [old, tools].join(delimiter);
    const fromOld = await install.resolveHelm({ version: '', mirror: mirror.url, log });
    assert.deepEqual(fromOld, { path: join(toolCache, 'helm', '4.1.4', 'x64', 'helm'), version: '4.1.4', source: 'download' });
    assert.ok(logs.some((m) => m.includes('helm 3.7.2 on PATH is older than 3.8.0')));

    process.env.PATH = tools;
    const fromNone = await install.resolveHelm({ version: '', mirror: mirror.url, log });
    assert.deepEqual(fromNone, { ...fromOld, source: 'cache' });
    assert.ok(logs.some((m) => m.includes('no helm on PATH')));
  });

  it("finds a cached helm kept in the archive's <os>-<arch> folder, as other setup actions cache it", async () => {
    const { toolCache } = await freshRunner();
    const entry = join(toolCache, 'helm', '3.16.1', 'x64');
    await mkdir(join(entry, 'linux-amd64'), { recursive: true });
    await symlink(realHelmBinary('3.16.1')!, join(entry, 'linux-amd64', 'helm'));
    await writeFile(`${entry}.complete`, '');
    const helm = await install.resolveHelm({ version: '3.16.1', mirror: mirror.url, log });
    assert.deepEqual(helm, { path: join(entry, 'linux-amd64', 'helm'), version: '3.16.1', source: 'cache' });
  });
});
