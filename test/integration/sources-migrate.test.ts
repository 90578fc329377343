// Migrating a classic chart repository into a real Distribution registry: charts made by real
// `helm package` (some signed with --sign) and indexed by real `helm repo index`, served with Basic
// auth, plus a second host for absolute URLs. A run killed half-way and started again completes;
// every version is then pulled by real Helm 4.1 (--verify for the signed ones) with the bytes the
// repository had; the version whose bytes do not match its index digest is reported, not pushed;
// a further run pushes nothing.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { mapConcurrent } from '../../src/concurrency.js';
import { RegistryClient } from '../../src/oci/index.js';
import { Transport } from '../../src/oci/transport.js';
import { parseSourceLine, type ClassicRepoSource } from '../../src/sources/index.js';
import { startChartRepoServer, type ChartRepoServer } from '../support/chart-repo-server.js';
import { writeMinimalChart } from '../support/charts.js';
import { GpgHome, type GpgKey } from '../support/gpg.js';
import { helmHome, helmOk, type HelmHome } from '../support/helm.js';
import { migrateClassic, type MigratedVersion } from '../support/migrate-classic.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { Cleanup } from '../support/tmp.js';

const cleanup = new Cleanup();
after(() => cleanup.run());

const REPO_USER = { username: 'chart-reader', password: 'repo-secret-41' };
const APP_VERSIONS = ['1.0.0', '1.1.0', '1.2.0', '1.3.0', '1.3.0+build.5', '1.4.0', '1.5.0', '1.6.0', '1.7.0', '1.8.0', '1.9.0'];
const DB_VERSIONS = ['2.0.0', '2.1.0', '2.2.0', '2.3.0', '2.4.0', '2.5.0', '2.6.0', '2.7.0'];
const TOOLS_VERSIONS = ['0.1.0', '0.2.0', '0.3.0', '0.4.0', '0.5.0'];
const BAD = { name: 'db', version: '2.7.0' };
const TOTAL = APP_VERSIONS.length + DB_VERSIONS.length + TOOLS_VERSIONS.length;

let work: string;
let repoDir: string;
let cdnDir: string;
let repo: ChartRepoServer;
let cdn: ChartRepoServer;
let reg: TestRegistry;
let key: GpgKey;
let home: HelmHome;
let temp: string;

before(async () => {
  work = await cleanup.tempDir('migrate-');
  repoDir = join(work, 'repo');
  cdnDir = join(work, 'cdn');
  temp = join(work, 'tmp');
  await Promise.all([mkdir(repoDir), mkdir(cdnDir), mkdir(temp)]);
  const gpg = await GpgHome.create();
  cleanup.add(() => gpg.remove());
  key = await gpg.makeKey({ name: 'Repo Signer', algorithm: 'rsa' });
  reg = await startRegistry({ auth: 'basic' });
  cleanup.add(() => reg.stop());
  repo = await startChartRepoServer({ root: repoDir, auth: REPO_USER });
  cleanup.add(() => repo.stop());
  cdn = await startChartRepoServer({ root: cdnDir });
  cleanup.add(() => cdn.stop());
  home = await helmHome();
  cleanup.add(() => home.remove());

  const sources = join(work, 'src');
  const app = await writeMinimalChart(sources, { name: 'app', description: 'the app' });
  const db = await writeMinimalChart(sources, { name: 'db', appVersion: '16.1' });
  const tools = await writeMinimalChart(sources, { name: 'tools' });
  const sign = ['--sign', '--key', 'Repo Signer', '--keyring', key.secretKeyring];
  await mapConcurrent(
    [
      ...APP_VERSIONS.map((v) => ['package', app, '--version', v, '-d', repoDir, ...sign]),
      ...DB_VERSIONS.map((v) => ['package', db, '--version', v, '-d', repoDir]),
      ...TOOLS_VERSIONS.map((v) => ['package', tools, '--version', v, '-d', cdnDir]),
    ],
    2,
    (args) => helmOk('4.1.4', args),
  );
  // Relative URLs for app and db; tools indexed on the other host with absolute URLs, then merged.
  await helmOk('4.1.4', ['repo', 'index', cdnDir, '--url', cdn.url.replace(/\/$/, '')]);
  await helmOk('4.1.4', ['repo', 'index', repoDir, '--merge', join(cdnDir, 'index.yaml')]);
  // One archive replaced after indexing: its bytes no longer match the index digest.
  await copyFile(join(repoDir, 'db-2.6.0.tgz'), join(repoDir, 'db-2.7.0.tgz'));
  await helmOk('4.1.4', ['registry', 'login', reg.host, '--username', reg.username, '--password-stdin', '--plain-http'], { home, input: reg.password });
});

function newClient(): RegistryClient {
  const client = new RegistryClient({ host: reg.host, credentials: { username: reg.username, password: reg.password }, transport: { plainHttp: true, proxy: {} } });
  cleanup.add(() => client.close());
  return client;
}

async function migrate(client: RegistryClient): Promise<MigratedVersion[]> {
  const transport = new Transport({ plainHttp: true, proxy: {} });
  cleanup.add(() => transport.close());
  return migrateClassic({
    source: parseSourceLine(repo.url) as ClassicRepoSource,
    http: { transport, plainHttp: true, credentials: REPO_USER },
    client,
    namespace: 'migrated',
    tempDir: temp,
    concurrency: 4,
  });
}

const key_ = (r: { name: string; version: string }): string => `${r.name}@${r.version}`;
const writes = (): number => (reg.logs().match(/http\.request\.method=(PUT|POST|PATCH)/g) ?? []).length;

/** Runs the migration in a child process and kills it (SIGKILL) once `killAfter` versions are done. */
function interruptedRun(killAfter: number): Promise<{ lines: string[] }> {
  const settings = {
    repoUrl: repo.url,
    repoCredentials: REPO_USER,
    registryHost: reg.host,
    registryCredentials: { username: reg.username, password: reg.password },
    namespace: 'migrated',
    tempDir: temp,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', 'support', 'migrate-classic-child.ts')], {
      env: { PATH: process.env.PATH ?? '', MIGRATE_SETTINGS: JSON.stringify(settings) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let stderr = '';
    let buffer = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      lines.push(...parts);
      if (lines.filter((l) => / pushed$/.test(l)).length >= killAfter) child.kill('SIGKILL');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`the migration was not interrupted (exit ${code}):\n${lines.join('\n')}\n${stderr}`));
      else resolve({ lines });
    });
  });
}

describe('migrating a classic chart repository', () => {
  let results: MigratedVersion[];

  it('completes when started again after being killed half-way', async () => {
    const { lines } = await interruptedRun(6);
    assert.ok(!lines.includes('finished'), 'the first run did not finish');
    // A killed process cannot clean up; the runner's temp folder goes with the job.
    const leftovers = await readdir(temp);
    const client = newClient();
    const there = await Promise.all([...APP_VERSIONS.map((v) => ['app', v]), ...DB_VERSIONS.map((v) => ['db', v]), ...TOOLS_VERSIONS.map((v) => ['tools', v])]
      .map(([name, version]) => client.checkManifest(`migrated/${name}`, version!.replace('+', '_'))));
    const before = there.filter(Boolean).length;
    assert.ok(before >= 6 && before < TOTAL - 1, `killed half-way: ${before} of ${TOTAL - 1} versions were in the registry`);

    results = await migrate(client);
    assert.equal(results.length, TOTAL);
    const byKey = new Map(results.map((r) => [key_(r), r]));
    const bad = byKey.get(key_(BAD))!;
    assert.equal(bad.status, 'failed');
    assert.match(bad.error!, /db 2.7.0: the archive downloaded from http:\/\/127.0.0.1:\d+\/db-2.7.0.tgz has digest sha256:\w+, but index.yaml gives sha256:\w+; it is not migrated/);
    assert.equal(await client.checkManifest('migrated/db', '2.7.0'), undefined, 'the bad version is not in the registry');
    const good = results.filter((r) => key_(r) !== key_(BAD));
    assert.deepEqual(good.filter((r) => r.status !== 'pushed' && r.status !== 'unchanged'), []);
    assert.equal(good.filter((r) => r.status === 'unchanged').length, before, 'what the first run pushed is left alone');
    assert.deepEqual(results.filter((r) => r.signed).map((r) => r.name).sort(), APP_VERSIONS.map(() => 'app'), 'every app version carries its .prov');
    assert.ok(cdn.requests.length >= TOOLS_VERSIONS.length && cdn.requests.every((r) => r.authorization === undefined), 'the repository credentials never went to the other host');
    assert.deepEqual(await readdir(temp), leftovers, 'the second run left no download in the temp folder');
  });

  it('Helm 4.1 pulls every version with the bytes the repository had, and verifies the signed ones', async () => {
    const pulled = join(work, 'pulled');
    const versions = [...APP_VERSIONS.map((v) => ({ name: 'app', version: v, dir: repoDir })), ...DB_VERSIONS.filter((v) => v !== BAD.version).map((v) => ({ name: 'db', version: v, dir: repoDir })), ...TOOLS_VERSIONS.map((v) => ({ name: 'tools', version: v, dir: cdnDir }))];
    await mapConcurrent(versions, 3, async ({ name, version, dir }) => {
      const dest = join(pulled, `${name}-${version}`);
      await mkdir(dest, { recursive: true });
      const verify = name === 'app' ? ['--verify', '--keyring', key.publicKeyring] : [];
      const result = await helmOk('4.1.4', ['pull', `oci://${reg.host}/migrated/${name}`, '--version', version, '-d', dest, '--plain-http', ...verify], { home });
      if (name === 'app') assert.match(result.stdout + result.stderr, /Signed by: Repo Signer/);
      const file = `${name}-${version}.tgz`;
      const sha = async (path: string): Promise<string> => createHash('sha256').update(await readFile(path)).digest('hex');
      assert.equal(await sha(join(dest, file)), await sha(join(dir, file)), `${file} is pushed byte for byte`);
    });
  });

  it('a further run pushes nothing', async () => {
    const client = newClient();
    const writesBefore = writes();
    const again = await migrate(client);
    assert.deepEqual(
      again.filter((r) => key_(r) !== key_(BAD)).map((r) => r.status),
      Array(TOTAL - 1).fill('unchanged'),
    );
    assert.equal(again.find((r) => key_(r) === key_(BAD))!.status, 'failed');
    assert.deepEqual(
      new Map(again.map((r) => [key_(r), r.digest])),
      new Map(results.map((r) => [key_(r), r.digest])),
      'same manifests: the index entry time is their creation time',
    );
    assert.equal(writes(), writesBefore, 'no PUT or POST reached the registry');
    assert.ok(client.stats.registryRequests <= TOTAL + 2, `about one request per version (${client.stats.registryRequests})`);
  });
});
