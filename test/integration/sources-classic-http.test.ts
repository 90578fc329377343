// Reading a classic chart repository over HTTP: index.yaml and .tgz files made by real Helm,
// served by a local server with Basic auth. Credentials go to the repository's origin only (never
// to another host an absolute URL or a redirect leads to); transient failures are retried; every
// way a download can be wrong fails that version alone, with nothing left on disk.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse, stringify } from 'yaml';
import { Transport } from '../../src/oci/transport.js';
import { discardDownload, downloadChartVersion, openClassicRepository, parseSourceLine, SourceError, type ClassicRepoSource, type ClassicRepositoryOptions } from '../../src/sources/index.js';
import { makeCa, issueServerCert } from '../support/certs.js';
import { startChartRepoServer, type ChartRepoServer } from '../support/chart-repo-server.js';
import { writeMinimalChart } from '../support/charts.js';
import { helmOk } from '../support/helm.js';
import { Cleanup } from '../support/tmp.js';

const cleanup = new Cleanup();
after(() => cleanup.run());

const USER = { username: 'reader', password: 'pa55-for-charts' };
const FAST_RETRY = { maxAttempts: 4, maxElapsedMs: 5_000, baseDelayMs: 5, factor: 2, jitter: 0, maxDelayMs: 20 };
type Fault = (req: IncomingMessage, res: ServerResponse, count: number) => boolean;
const faults = new Map<string, Fault>();

let repoDir: string;
let repo: ChartRepoServer;
let cdn: ChartRepoServer;
let transport: Transport;
let temp: string;
const secrets: string[] = [];

function options(extra: Partial<ClassicRepositoryOptions> = {}): ClassicRepositoryOptions {
  return { transport, plainHttp: true, credentials: USER, retry: FAST_RETRY, onSecret: (s) => secrets.push(s), ...extra };
}

function source(): ClassicRepoSource {
  return parseSourceLine(repo.url) as ClassicRepoSource;
}

before(async () => {
  const work = await cleanup.tempDir('classic-http-');
  repoDir = join(work, 'repo');
  const cdnDir = join(work, 'cdn');
  temp = join(work, 'tmp');
  const chart = await writeMinimalChart(join(work, 'src'), { name: 'app', version: '0.0.1' });
  for (const version of ['1.0.0', '1.1.0', '2.0.0', '3.0.0']) await helmOk('4.1.4', ['package', chart, '--version', version, '-d', repoDir]);
  await helmOk('4.1.4', ['package', chart, '--version', '9.9.9', '-d', cdnDir]);
  for (const version of ['1.1.0', '2.0.0']) await copyFile(join(repoDir, `app-${version}.tgz`), join(cdnDir, `app-${version}.tgz`));
  await mkdir(temp);

  cdn = await startChartRepoServer({ root: cdnDir });
  cleanup.add(() => cdn.stop());
  repo = await startChartRepoServer({
    root: repoDir,
    auth: USER,
    intercept: (req, res, count) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path.startsWith('/redirected/')) {
        res.writeHead(302, { location: `${cdn.url}${path.slice('/redirected/'.length)}` }).end();
        return true;
      }
      return faults.get(path)?.(req, res, count) ?? false;
    },
  });
  cleanup.add(() => repo.stop());
  transport = new Transport({ plainHttp: true, proxy: {} });
  cleanup.add(() => transport.close());

  // helm repo index writes relative URLs; one entry is moved to another host, one behind a redirect.
  await helmOk('4.1.4', ['repo', 'index', repoDir]);
  const index = parse(await readFile(join(repoDir, 'index.yaml'), 'utf8')) as { entries: { app: Array<{ version: string; urls: string[] }> } };
  for (const entry of index.entries.app) {
    if (entry.version === '1.1.0') entry.urls = [`${cdn.url}app-1.1.0.tgz`];
    if (entry.version === '2.0.0') entry.urls = ['redirected/app-2.0.0.tgz'];
  }
  await writeFile(join(repoDir, 'index.yaml'), stringify(index));
});

async function download(version: string, extra: Partial<ClassicRepositoryOptions> = {}) {
  const repository = await openClassicRepository(source(), options(extra));
  const entry = repository.select({ range: version }).selected[0]!;
  return downloadChartVersion(repository, entry, temp);
}

async function expectFailure(version: string, pattern: RegExp, extra: Partial<ClassicRepositoryOptions> = {}): Promise<void> {
  await assert.rejects(download(version, extra), (error: Error) => {
    assert.ok(error instanceof SourceError, String(error));
    assert.match(error.message, pattern);
    return true;
  });
  assert.deepEqual(await readdir(temp), [], 'nothing is left on disk');
}

describe('classic repository over HTTP', () => {
  it('downloads relative, absolute and redirected URLs, sending credentials to the repository only', async () => {
    repo.requests.length = 0;
    cdn.requests.length = 0;
    for (const version of ['1.0.0', '1.1.0', '2.0.0']) {
      const got = await download(version);
      assert.equal(got.archive.metadata.version, version);
      assert.equal(got.archive.digest, `sha256:${createHash('sha256').update(await readFile(join(repoDir, `app-${version}.tgz`))).digest('hex')}`);
      assert.equal(got.prov, undefined, '404 on the .prov means unsigned');
      assert.equal(got.warning, undefined);
      assert.equal(got.archive.mtime.getTime(), got.entry.created!.getTime(), 'the file time is the index entry time');
      await discardDownload(got);
    }
    assert.ok(repo.requests.every((r) => r.authorization !== undefined), 'the repository got credentials');
    assert.ok(cdn.requests.length >= 4, 'the absolute URL and the redirect were fetched from the other host');
    assert.deepEqual(cdn.requests.filter((r) => r.authorization !== undefined), [], 'the other host never saw them');
    assert.ok(secrets.includes(USER.password) && secrets.includes(Buffer.from(`${USER.username}:${USER.password}`).toString('base64')), 'password and Basic value are handed out for masking');
    assert.deepEqual(await readdir(temp), []);
  });

  it('says what to set when the repository wants credentials, or refuses them', async () => {
    await assert.rejects(openClassicRepository(source(), options({ credentials: undefined })), /answered HTTP 401: the repository needs credentials; set source-username and source-password/);
    await assert.rejects(openClassicRepository(source(), options({ credentials: { username: 'reader', password: 'wrong' } })), /answered HTTP 401: check source-username and source-password/);
  });

  it('points at the folder holding index.yaml when there is none, and refuses http:// without plain-http', async () => {
    const wrong = parseSourceLine(`${repo.url}nowhere/`) as ClassicRepoSource;
    await assert.rejects(openClassicRepository(wrong, options()), /nowhere\/index.yaml answered HTTP 404 \(not found\): give the URL of the folder that holds index.yaml/);
    await assert.rejects(openClassicRepository(source(), options({ plainHttp: false })), /is not HTTPS; set plain-http: true/);
    await assert.rejects(openClassicRepository(source(), options({ maxIndexBytes: 100 })), /index.yaml: .*more than the 100 (bytes )?(allowed|expected)/);
  });

  it('retries 5xx answers and a connection dropped in the middle of a download', async () => {
    let indexAsked = 0;
    let chartAsked = 0;
    faults.set('/index.yaml', (_req, res) => ++indexAsked <= 2 && (res.writeHead(503, { 'retry-after': '0' }).end('busy'), true));
    faults.set('/app-1.0.0.tgz', (_req, res) => {
      if (++chartAsked > 1) return false;
      res.writeHead(200, { 'content-length': '100000' });
      res.write(Buffer.alloc(1000));
      setTimeout(() => res.destroy(), 10);
      return true;
    });
    try {
      const got = await download('1.0.0');
      assert.equal(got.archive.metadata.version, '1.0.0');
      assert.deepEqual([indexAsked, chartAsked], [3, 2], 'two 503s and one dropped download, each followed by another attempt');
      await discardDownload(got);
    } finally {
      faults.clear();
    }
  });

  it('gives up on a download that stalls past its deadline', async () => {
    faults.set('/app-1.0.0.tgz', (_req, res) => {
      res.writeHead(200, { 'content-length': '100000' });
      res.write(Buffer.alloc(1000));
      return true;
    });
    try {
      const started = Date.now();
      await expectFailure('1.0.0', /could not download app 1.0.0: http:\/\/127.0.0.1:\d+\/app-1.0.0.tgz took longer than 1 s/, { downloadDeadlineMs: 1000 });
      assert.ok(Date.now() - started < 10_000);
    } finally {
      faults.clear();
    }
  });

  it('stops a download in progress when the step runs out of time', async () => {
    faults.set('/app-1.0.0.tgz', (_req, res) => {
      res.writeHead(200, { 'content-length': '100000' });
      res.write(Buffer.alloc(1000));
      return true;
    });
    const step = new AbortController();
    const reason = new Error('the step ran out of time (simulated timeout)');
    setTimeout(() => step.abort(reason), 500);
    try {
      await assert.rejects(download('1.0.0', { signal: step.signal }), (error) => error === reason);
      assert.deepEqual(await readdir(temp), []);
      await assert.rejects(openClassicRepository(source(), options({ signal: step.signal })), (error) => error === reason, 'no request starts afterwards');
    } finally {
      faults.clear();
    }
  });

  it('fails a version whose bytes do not match the index digest, naming both digests', async () => {
    const file = join(repoDir, 'app-3.0.0.tgz');
    const original = await readFile(file);
    await copyFile(join(repoDir, 'app-1.0.0.tgz'), file);
    try {
      await expectFailure('3.0.0', /app 3.0.0: the archive downloaded from http:\/\/127.0.0.1:\d+\/app-3.0.0.tgz has digest sha256:[a-f0-9]{64}, but index.yaml gives sha256:[a-f0-9]{64}; it is not migrated/);
    } finally {
      await writeFile(file, original);
    }
  });

  it('keeps a .prov that signs the archive and refuses one that signs something else', async () => {
    const prov = join(repoDir, 'app-1.0.0.tgz.prov');
    const digest = (await download('1.0.0')).archive.digest;
    await writeFile(prov, `-----BEGIN PGP SIGNED MESSAGE-----\n\nfiles:\n  app-1.0.0.tgz: ${digest}\n`);
    for (const entry of await readdir(temp)) await rm(join(temp, entry), { recursive: true });
    const got = await download('1.0.0');
    assert.match(got.prov!.toString(), new RegExp(digest));
    await discardDownload(got);
    await writeFile(prov, `files:\n  app-1.0.0.tgz: sha256:${'0'.repeat(64)}\n`);
    await expectFailure('1.0.0', /app-1.0.0.tgz.prov does not sign the archive beside it/);
    await rm(prov);
  });

  it('fails a version whose archive holds another chart version than the index says', async () => {
    const index = await readFile(join(repoDir, 'index.yaml'), 'utf8');
    try {
      const parsed = parse(index) as { entries: { app: Array<{ version: string; urls: string[]; digest: string }> } };
      const v3 = parsed.entries.app.find((e) => e.version === '3.0.0')!;
      const v1 = parsed.entries.app.find((e) => e.version === '1.0.0')!;
      v3.urls = v1.urls;
      v3.digest = v1.digest;
      await writeFile(join(repoDir, 'index.yaml'), stringify(parsed));
      await expectFailure('3.0.0', /app 3.0.0: the archive at .* holds app 1.0.0, not what index.yaml says/);
    } finally {
      await writeFile(join(repoDir, 'index.yaml'), index);
    }
  });
});

describe('classic repository over HTTPS', () => {
  it('trusts the repository through ca-file, and never follows a URL or redirect down to plain HTTP', async () => {
    const ca = await makeCa({ dir: join(temp, '..', 'tls'), commonName: 'chart repo CA' });
    const cert = await issueServerCert(ca, { hosts: ['127.0.0.1'], name: 'repo' });
    const secure = await startChartRepoServer({
      root: repoDir,
      auth: USER,
      tls: cert,
      intercept: (req, res) => {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        if (!path.startsWith('/redirected/')) return false;
        res.writeHead(302, { location: `${cdn.url}${path.slice('/redirected/'.length)}` }).end();
        return true;
      },
    });
    cleanup.add(() => secure.stop());
    const line = parseSourceLine(secure.url) as ClassicRepoSource;
    const trusted = new Transport({ ca: ca.certPem, proxy: {} });
    cleanup.add(() => trusted.close());
    const https = { transport: trusted, plainHttp: false, credentials: USER, retry: FAST_RETRY };

    const repository = await openClassicRepository(line, https);
    const pick = (version: string) => repository.select({ range: version }).selected[0]!;
    const got = await downloadChartVersion(repository, pick('1.0.0'), temp);
    assert.equal(got.archive.metadata.version, '1.0.0');
    await discardDownload(got);
    cdn.requests.length = 0;
    await assert.rejects(downloadChartVersion(repository, pick('1.1.0'), temp), /could not download app 1.1.0: http:\/\/127.0.0.1:\d+\/app-1.1.0.tgz is not HTTPS; set plain-http: true/);
    await assert.rejects(downloadChartVersion(repository, pick('2.0.0'), temp), /could not download app 2.0.0: http:\/\/127.0.0.1:\d+\/app-2.0.0.tgz is not HTTPS/);
    assert.deepEqual(cdn.requests, [], 'nothing was asked over plain HTTP');

    const untrusting = new Transport({ proxy: {} });
    cleanup.add(() => untrusting.close());
    await assert.rejects(openClassicRepository(line, { ...https, transport: untrusting }), /index.yaml: .*(self[- ]signed|unable to verify|certificate).*check ca-file/i);
  });
});
