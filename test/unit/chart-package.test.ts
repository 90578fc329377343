// packageChart / readChartArchive / archiveFiles on real folders and files (no Helm binary here;
// test/integration/chart-helm-interop.test.ts compares with real Helm).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, cp, mkdir, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync as zlibGzip } from 'node:zlib';
import { gzipSync } from 'fflate';
import { Header } from 'tar';
import { ChartError } from '../../src/chart/errors.js';
import { ArchiveMemory, archiveFileDigests, checkChart, packageChart, readChartArchive, writeChartPackage, type PackagedChart } from '../../src/chart/index.js';
import { TarReader } from '../../src/chart/tar-read.js';
import { archiveFiles, tarEntries, tarGz } from '../support/chart-archive.js';
import { Cleanup } from '../support/tmp.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/charts/', import.meta.url));
const MTIME = new Date('2024-02-29T12:34:56.789Z');
const cleanup = new Cleanup();
let work: string;
let counter = 0;

before(async () => {
  work = await cleanup.tempDir('chart-package-');
});
after(() => cleanup.run());

/** A private copy of a fixture chart (or an empty folder) to change freely. */
async function copyChart(name?: string): Promise<string> {
  const dir = join(work, `c${counter++}`, name ?? 'chart');
  if (name) await cp(join(FIXTURES, name), dir, { recursive: true });
  else await mkdir(dir, { recursive: true });
  return dir;
}

async function writeFiles(dir: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

async function minimalChart(files: Record<string, string | Buffer> = {}): Promise<string> {
  const dir = await copyChart();
  await writeFiles(dir, { 'Chart.yaml': 'apiVersion: v2\nname: mini\nversion: 0.1.0\n', ...files });
  return dir;
}

/** The bytes of a packaged chart. */
function bytes(chart: PackagedChart): Promise<Buffer> {
  return readFile(chart.path);
}

async function refuses(dir: string, pattern: RegExp, opts: { version?: string } = {}): Promise<void> {
  await assert.rejects(packageChart(dir, { mtime: MTIME, outDir: work, ...opts }), (error: unknown) => {
    assert.ok(error instanceof ChartError, `expected a ChartError, got ${String(error)}`);
    assert.match(error.message, pattern);
    return true;
  });
}

describe('reproducible archives', () => {
  test('the same chart and mtime give the same bytes, wherever the files come from', async () => {
    for (const name of ['app', 'names-and-paths', 'metadata-edge']) {
      const first = await packageChart(join(FIXTURES, name), { mtime: MTIME, outDir: work });
      const again = await packageChart(join(FIXTURES, name), { mtime: MTIME, outDir: work });
      assert.equal(again.digest, first.digest, name);

      // Another place, other file times and permissions, another umask.
      const copy = await copyChart(name);
      const oldUmask = process.umask(0o077);
      try {
        for (const entry of await readdir(copy, { recursive: true })) {
          const path = join(copy, entry);
          if ((await stat(path)).isFile()) {
            await chmod(path, 0o600);
            await utimes(path, new Date(1_000_000_000_000), new Date(1_500_000_000_000 + counter * 1000));
          }
        }
        const moved = await packageChart(copy, { mtime: MTIME, outDir: work });
        assert.equal(moved.digest, first.digest, `${name} copied elsewhere`);
      } finally {
        process.umask(oldUmask);
      }

      const later = await packageChart(join(FIXTURES, name), { mtime: new Date(MTIME.getTime() + 1000), outDir: work });
      assert.notEqual(later.digest, first.digest, 'the mtime is part of the archive');
    }
  });

  test('gzip header: no time, no name, fixed flags and Unix OS byte', async () => {
    const chart = await packageChart(join(FIXTURES, 'app'), { mtime: MTIME, outDir: work });
    // Extra flags 0: a middle compression level, as Helm's (Go's default) says too.
    assert.deepEqual([...(await bytes(chart)).subarray(0, 10)], [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03]);
    assert.equal(chart.size, (await stat(chart.path)).size);
    assert.match(chart.digest, /^sha256:[0-9a-f]{64}$/);
  });

  test('tar entries: files only, 0644, uid/gid 0, no owner names, one whole-second mtime', async () => {
    const chart = await packageChart(join(FIXTURES, 'names-and-paths'), { mtime: MTIME, outDir: work });
    const tar = gunzipSync(await bytes(chart));
    let sawPax = false;
    for (let offset = 0; offset + 512 <= tar.length; ) {
      if (tar.subarray(offset, offset + 512).every((b) => b === 0)) break; // end of archive
      const header = new Header(tar, offset);
      if (header.type === 'ExtendedHeader') sawPax = true;
      else {
        assert.equal(header.type, 'File', header.path);
        assert.equal(header.mode, 0o644);
        assert.equal(header.uid, 0);
        assert.equal(header.gid, 0);
        assert.equal(header.uname, '');
        assert.equal(header.gname, '');
        assert.equal(header.mtime?.getTime(), Math.floor(MTIME.getTime() / 1000) * 1000);
      }
      offset += 512 + Math.ceil((header.size ?? 0) / 512) * 512;
    }
    assert.ok(sawPax, 'long and non-ASCII paths use PAX records');
  });

  test('long and non-ASCII paths read back with GNU tar', async () => {
    const chart = await packageChart(join(FIXTURES, 'names-and-paths'), { mtime: MTIME, outDir: work });
    const path = join(work, 'paths.tgz');
    await writeFile(path, await bytes(chart));
    const listed = execFileSync('tar', ['-tzf', path], { encoding: 'utf8' }).trim().split('\n').sort();
    assert.deepEqual(listed, [...(await archiveFiles(await bytes(chart))).keys()].map((p) => `renamed-chart/${p}`).sort());
    assert.ok(listed.some((p) => Buffer.byteLength(p) > 100));
    assert.ok(listed.includes('renamed-chart/files/emoji-🚀.txt'));
  });
});

describe('the archive on disk', () => {
  test('<name>-<version>.tgz alone in a new folder under outDir; digest and size are the file\'s', async () => {
    const out = join(work, 'out');
    await mkdir(out);
    const first = await packageChart(join(FIXTURES, 'app'), { mtime: MTIME, outDir: out });
    const again = await packageChart(join(FIXTURES, 'app'), { mtime: MTIME, outDir: out });
    assert.equal(basename(first.path), first.fileName);
    assert.equal(dirname(dirname(first.path)), out);
    assert.notEqual(first.path, again.path, 'each packaging has its own folder');
    assert.deepEqual(await readdir(dirname(first.path)), [first.fileName]);
    const data = await bytes(first);
    assert.equal(first.digest, `sha256:${createHash('sha256').update(data).digest('hex')}`);
    assert.equal(first.size, data.length);
    assert.ok(data.equals(await bytes(again)));
  });

  test('a chart that cannot be packaged leaves nothing in outDir', async () => {
    const out = join(work, 'out-refused');
    await mkdir(out);
    await assert.rejects(packageChart(await minimalChart({ 'values.yaml': '- a\n' }), { mtime: MTIME, outDir: out }), ChartError);
    assert.deepEqual(await readdir(out), []);
    await assert.rejects(packageChart(join(FIXTURES, 'app'), { mtime: MTIME, outDir: join(work, 'no-such-folder') }), /cannot write the chart archive/);
  });

  test('in memory while the ArchiveMemory allows, on disk after: the same bytes either way', async () => {
    const out = join(work, 'out-memory');
    await mkdir(out);
    const checked = await checkChart(join(FIXTURES, 'app'), {});
    const reference = await packageChart(join(FIXTURES, 'app'), { mtime: MTIME, outDir: out });
    const referenceBytes = await bytes(reference);
    // Room for one archive and a half: the first stays in memory, the second goes to a file.
    const memory = new ArchiveMemory(1024 * 1024, Math.floor(reference.size * 1.5));
    const held = await writeChartPackage(checked, { mtime: MTIME, outDir: out, memory });
    const spilled = await writeChartPackage(checked, { mtime: MTIME, outDir: out, memory });
    assert.ok('bytes' in held && held.bytes.equals(referenceBytes), 'the archive in memory');
    assert.equal(held.digest, reference.digest);
    assert.ok('path' in spilled && (await readFile(spilled.path)).equals(referenceBytes), 'the archive that did not fit, on disk');
    assert.equal(spilled.digest, reference.digest);
    assert.equal((await readdir(out)).length, 2, 'a folder for the reference and one for the spilled archive; none for the one in memory');
    // An archive over the per-archive size goes to disk even with memory to spare.
    const small = new ArchiveMemory(reference.size - 1, 1024 * 1024);
    const large = await writeChartPackage(checked, { mtime: MTIME, outDir: out, memory: small });
    assert.ok('path' in large && (await readFile(large.path)).equals(referenceBytes));
    assert.ok(small.take(1024 * 1024), 'what the archive held while it was in memory was given back when it moved to disk');
  });
});

describe('what goes into the package', () => {
  test('Helm’s order: Chart.yaml, Chart.lock, values, schema, templates, other files, subcharts by name', async () => {
    const dir = await copyChart('umbrella');
    // A packaged subchart made by ourselves (a valid chart archive), to stand in for helm package.
    const frontend = await packageChart(join(FIXTURES, '_sources', 'frontend'), { mtime: MTIME, outDir: work });
    await writeFile(join(dir, 'charts', frontend.fileName), await bytes(frontend));
    await writeFiles(dir, { 'values.schema.json': '{"type":"object"}', 'README.md': '# umbrella\n' });
    const chart = await packageChart(dir, { mtime: MTIME, outDir: work });
    const names = tarEntries(gunzipSync(await bytes(chart))).map((e) => e.path);
    assert.deepEqual(names, [
      'umbrella/Chart.yaml',
      'umbrella/Chart.lock',
      'umbrella/values.yaml',
      'umbrella/values.schema.json',
      'umbrella/templates/configmap.yaml',
      'umbrella/README.md',
      'umbrella/charts/frontend-0.2.0.tgz.prov', // a .prov under charts/ stays with the parent
      'umbrella/charts/backend/Chart.yaml', // the folder is backend-folder; the chart is backend
      'umbrella/charts/backend/values.yaml',
      'umbrella/charts/backend/templates/.notes', // the default ignore rule is for the top chart only
      'umbrella/charts/backend/templates/deployment.yaml',
      'umbrella/charts/backend/charts/db/Chart.yaml',
      'umbrella/charts/backend/charts/db/templates/service.yaml',
      'umbrella/charts/frontend/Chart.yaml', // the .tgz is unpacked into a folder
      'umbrella/charts/frontend/values.yaml',
      'umbrella/charts/frontend/templates/configmap.yaml',
    ]);
    assert.equal(chart.fileName, 'umbrella-0.3.0.tgz');
  });

  test('version and appVersion overrides change Chart.yaml and the file name', async () => {
    const chart = await packageChart(join(FIXTURES, 'app'), { mtime: MTIME, outDir: work, version: '1.5.0-rc.2+git.abc', appVersion: '3.0.0' });
    assert.equal(chart.fileName, 'app-1.5.0-rc.2+git.abc.tgz');
    assert.equal(chart.metadata.version, '1.5.0-rc.2+git.abc');
    assert.equal(chart.metadata.appVersion, '3.0.0');
    const chartYaml = (await archiveFiles(await bytes(chart))).get('Chart.yaml')!.toString();
    assert.match(chartYaml, /^appVersion: 3\.0\.0$/m);
    assert.match(chartYaml, /^version: 1\.5\.0-rc\.2\+git\.abc$/m);
    await refuses(join(FIXTURES, 'app'), /the version override "1\.5" is not a strict SemVer 2 version/, { version: '1.5' });
  });

  test('a UTF-8 BOM is stripped from every file', async () => {
    const files = await archiveFiles(await bytes(await packageChart(join(FIXTURES, 'names-and-paths'), { mtime: MTIME, outDir: work })));
    assert.equal(files.get('values.yaml')!.toString(), 'message: values.yaml starts with a UTF-8 BOM, which Helm strips\n');
    assert.equal(files.get('files/bom.txt')!.toString(), 'this file starts with a BOM\n');
  });

  test('symbolic links are followed, to files and folders', async () => {
    const dir = await minimalChart();
    await writeFiles(join(dir, '..'), { 'outside/file.txt': 'linked file\n', 'outside/folder/inner.txt': 'linked folder\n' });
    await symlink(join('..', 'outside', 'file.txt'), join(dir, 'link.txt'));
    await symlink(join('..', 'outside', 'folder'), join(dir, 'folder'));
    const files = await archiveFiles(await bytes(await packageChart(dir, { mtime: MTIME, outDir: work })));
    assert.equal(files.get('link.txt')!.toString(), 'linked file\n');
    assert.equal(files.get('folder/inner.txt')!.toString(), 'linked folder\n');
  });

  test('dependencies match subcharts by chart name, not alias', async () => {
    const dir = await minimalChart({
      'Chart.yaml': 'apiVersion: v2\nname: mini\nversion: 0.1.0\ndependencies:\n  - name: sub\n    alias: first\n  - name: sub\n    alias: second\n',
      'charts/whatever/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 1.0.0\n',
    });
    const chart = await packageChart(dir, { mtime: MTIME, outDir: work });
    assert.ok((await archiveFiles(await bytes(chart))).has('charts/sub/Chart.yaml'));
  });
});

describe('charts Helm refuses', () => {
  test('a dependency missing from charts/ names it and the input that fixes it', async () => {
    const dir = await minimalChart({ 'Chart.yaml': 'apiVersion: v2\nname: mini\nversion: 0.1.0\ndependencies:\n  - name: redis\n    alias: cache\n    version: 1.x\n' });
    await refuses(dir, /dependency "redis" is listed in Chart.yaml but missing from charts\/; set the action input "dependency-update: true"/);
  });

  test('Chart.yaml missing, or dropped by a "!" rule in .helmignore', async () => {
    await refuses(await copyChart(), /has no Chart\.yaml/);
    const dir = await minimalChart({ '.helmignore': '*.png\n!logo.png\n' });
    await refuses(dir, /Chart\.yaml is excluded by the \.helmignore rule "!logo\.png" \(in \.helmignore, "!pattern" ignores every path that does not match pattern/);
  });

  test('a bad .helmignore line', async () => {
    await refuses(await minimalChart({ '.helmignore': '# ok\n**/*.tmp\n' }), /\.helmignore line 2: "\*\*\/\*\.tmp": Helm does not support "\*\*"/);
  });

  test('a file over 5 MiB, unless .helmignore drops it', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x61);
    await refuses(await minimalChart({ 'assets/big.bin': big }), /assets\/big\.bin is 5242881 bytes; Helm refuses chart files over 5 MiB.*add it to \.helmignore/);
    await packageChart(await minimalChart({ 'assets/big.bin': big, '.helmignore': '*.bin\n' }), { mtime: MTIME, outDir: work });
    await packageChart(await minimalChart({ 'exactly.bin': Buffer.alloc(5 * 1024 * 1024) }), { mtime: MTIME, outDir: work });
  });

  test('irregular files (a named pipe)', async () => {
    const dir = await minimalChart();
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    await refuses(dir, /pipe is not a regular file.*remove it or add it to \.helmignore/);
    await writeFile(join(dir, '.helmignore'), 'pipe\n');
    await packageChart(dir, { mtime: MTIME, outDir: work });
  });

  test('symbolic link loops and dangling links', async () => {
    const loop = await minimalChart();
    await mkdir(join(loop, 'sub'));
    await symlink('..', join(loop, 'sub', 'up'));
    await refuses(loop, /sub\/up links back to a folder that contains it/);

    const dangling = await minimalChart();
    await symlink('missing.txt', join(dangling, 'broken.txt'));
    await refuses(dangling, /broken\.txt is a symbolic link to missing\.txt, which cannot be read/);
    await writeFile(join(dangling, '.helmignore'), 'broken.txt\n');
    await packageChart(dangling, { mtime: MTIME, outDir: work });
  });

  test('a plain file directly in charts/', async () => {
    await refuses(await minimalChart({ 'charts/README.md': '# not a chart\n' }), /charts\/README\.md is a file in charts\/ but not a chart/);
    // Names starting with "_" or "." are dropped instead.
    await packageChart(await minimalChart({ 'charts/_README.md': 'x', 'charts/.keep': '' }), { mtime: MTIME, outDir: work });
  });

  test('the same subchart twice', async () => {
    const dir = await minimalChart({ 'charts/a/Chart.yaml': 'apiVersion: v2\nname: dup\nversion: 1.0.0\n', 'charts/b/Chart.yaml': 'apiVersion: v2\nname: dup\nversion: 2.0.0\n' });
    await refuses(dir, /charts\/a and .*charts\/b are both the chart "dup"; keep only one/);
  });

  test('bad values.yaml, values.schema.json, subchart Chart.yaml', async () => {
    await refuses(await minimalChart({ 'values.yaml': 'a: [\n' }), /values\.yaml is not valid YAML/);
    await refuses(await minimalChart({ 'values.yaml': '- a\n' }), /values\.yaml must be a mapping of values/);
    await refuses(await minimalChart({ 'values.schema.json': '{"type": }' }), /values\.schema\.json is not valid JSON/);
    await refuses(await minimalChart({ 'charts/sub/Chart.yaml': 'apiVersion: v2\nversion: 1.0.0\n' }), /charts\/sub\/Chart\.yaml: name is missing/);
    await refuses(await minimalChart({ 'charts/sub/values.yaml': 'a: 1\n' }), /charts\/sub: Chart\.yaml is missing/);
  });

  test('a folder that is not there, or not a folder', async () => {
    await refuses(join(work, 'nowhere'), /chart folder .*nowhere does not exist/);
    const file = join(work, 'file.txt');
    await writeFile(file, 'x');
    await refuses(file, /is not a folder; give the folder that holds Chart\.yaml/);
  });
});

describe('readChartArchive and archiveFiles', () => {
  test('reads a packaged chart: bytes unchanged, metadata, file name and mtime', async () => {
    const chart = await packageChart(join(FIXTURES, 'crds-schema'), { mtime: MTIME, outDir: work });
    const path = join(work, 'renamed.tgz');
    await writeFile(path, await bytes(chart));
    const fileTime = new Date('2023-03-04T05:06:07Z');
    await utimes(path, fileTime, fileTime);
    const read = await readChartArchive(path);
    assert.ok((await bytes(read)).equals(await bytes(chart)));
    assert.equal(read.digest, chart.digest);
    assert.equal(read.size, chart.size);
    assert.deepEqual(read.metadata, chart.metadata);
    assert.equal(read.fileName, 'renamed.tgz');
    assert.equal(read.mtime.getTime(), fileTime.getTime());
  });

  test('archiveFileDigests: equal for the same files however compressed, different when a file changes', async () => {
    const chart = await bytes(await packageChart(join(FIXTURES, 'app'), { mtime: MTIME, outDir: work }));
    const digests = await archiveFileDigests(chart);
    assert.deepEqual([...digests.keys()], [...(await archiveFiles(chart)).keys()]);
    const recompressed = zlibGzip(gunzipSync(chart), { level: 1 });
    assert.ok(!recompressed.equals(chart));
    assert.deepEqual(await archiveFileDigests(recompressed), digests);
    const changed = await copyChart('app');
    await writeFile(join(changed, 'values.yaml'), 'replicaCount: 2\n');
    const other = await archiveFileDigests(await bytes(await packageChart(changed, { mtime: MTIME, outDir: work })));
    assert.notEqual(other.get('values.yaml'), digests.get('values.yaml'));
    assert.equal(other.get('Chart.yaml'), digests.get('Chart.yaml'));
  });

  test('a tar reads the same whatever pieces its bytes arrive in', async () => {
    const tar = gunzipSync(await bytes(await packageChart(join(FIXTURES, 'names-and-paths'), { mtime: MTIME, outDir: work })));
    const whole = tarEntries(tar).map((e) => `${e.path} ${e.data.toString('hex')}`);
    assert.ok(whole.length > 5);
    for (const piece of [1, 7, 511, 512, 513, 4096]) {
      const seen: Array<{ path: string; chunks: Buffer[] }> = [];
      const scanner = new TarReader((entry) => {
        const chunks: Buffer[] = [];
        seen.push({ path: entry.path, chunks });
        return (chunk) => void chunks.push(Buffer.from(chunk));
      });
      for (let at = 0; at < tar.length; at += piece) scanner.push(tar.subarray(at, at + piece));
      scanner.end();
      assert.deepEqual(seen.map((e) => `${e.path} ${Buffer.concat(e.chunks).toString('hex')}`), whole, `${piece}-byte pieces`);
    }
  });

  test('archiveFiles keeps bytes as stored, without the top folder', async () => {
    const files = await archiveFiles(await bytes(await packageChart(join(FIXTURES, 'library'), { mtime: MTIME, outDir: work })));
    assert.deepEqual([...files.keys()], ['Chart.yaml', 'values.yaml', 'templates/_configmap.tpl', 'templates/_labels.tpl']);
  });

  test('says clearly when a file is not a chart archive', async () => {
    const cases: Array<[string, Buffer | Uint8Array, RegExp]> = [
      ['values.yaml', Buffer.from('a: 1\n'), /is not a chart archive: it is not a gzip file/],
      ['not-tar.tgz', gzipSync(Buffer.from('hello world, not a tar file'.repeat(40))), /is not a chart archive: it is not a tar archive/],
      ['no-chart-yaml.tgz', tarGz({ 'x/values.yaml': 'a: 1\n' }), /Chart\.yaml is missing/],
      ['flat.tgz', tarGz({ 'Chart.yaml': 'apiVersion: v2\nname: f\nversion: 1.0.0\n' }), /the entry "Chart\.yaml", a file outside the top folder/],
      ['escape.tgz', tarGz({ 'x/../../evil': 'x', 'x/Chart.yaml': 'apiVersion: v2\nname: f\nversion: 1.0.0\n' }), /the entry "x\/\.\.\/\.\.\/evil", a "\.\." path segment/],
      ['loose-version.tgz', tarGz({ 'x/Chart.yaml': 'apiVersion: v2\nname: f\nversion: v1\n' }), /version "v1" is not a strict SemVer 2 version/],
      ['truncated.tgz', gzipSync(gunzipSync(tarGz({ 'x/Chart.yaml': 'apiVersion: v2\nname: f\nversion: 1.0.0\n'.repeat(30) })).subarray(0, 700)), /it is truncated \(x\/Chart\.yaml ends past the end/],
      ['cut-gzip.tgz', tarGz({ 'x/Chart.yaml': 'apiVersion: v2\nname: f\nversion: 1.0.0\n' }).subarray(0, 40), /its gzip data is damaged/],
    ];
    for (const [name, data, pattern] of cases) {
      const path = join(work, name);
      await writeFile(path, data);
      await assert.rejects(readChartArchive(path), (error: unknown) => error instanceof ChartError && pattern.test(error.message) && error.message.includes(path), name);
    }
    await assert.rejects(readChartArchive(join(work, 'missing.tgz')), /chart archive .*missing\.tgz does not exist/);
    await assert.rejects(archiveFileDigests(Buffer.from('nope')), ChartError);
    await rm(join(work, 'values.yaml'));
  });
});
