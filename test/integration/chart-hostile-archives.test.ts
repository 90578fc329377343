// A packaged chart given as `chart` is pushed as it is, so it must hold only what `helm package`
// writes. Each hostile archive here is built entry by entry with node-tar and shown to real
// Helm 4.1 (`helm template x.tgz`): Helm refuses some, and loads the others without a word,
// altered (links and devices become empty files, a second or missing top folder merges into the
// chart). `helm push` pushes all of them. The action refuses every one before any request, with
// an error naming the entry and why.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ChartError } from '../../src/chart/errors.js';
import { readChartArchive } from '../../src/chart/index.js';
import { tarGz, type TarGzEntry } from '../support/chart-archive.js';
import { runHelm } from '../support/helm.js';
import { Cleanup } from '../support/tmp.js';

type Entry = TarGzEntry;

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: b\n`;
const CHART: Entry[] = [
  { path: 'app/Chart.yaml', text: 'apiVersion: v2\nname: app\nversion: 1.0.0\n' },
  { path: 'app/values.yaml', text: 'a: 1\n' },
  { path: 'app/templates/cm.yaml', text: configMap('base') },
];

interface Case {
  name: string;
  entries: Entry[];
  /** What Helm 4.1 does with it on `helm template`. */
  helm: 'refuses' | 'accepts';
  /** A ConfigMap Helm renders although `helm package` could never have written its file there. */
  helmRenders?: string;
  /** A template Helm loads as an empty file, so it renders nothing. */
  helmEmpties?: string;
  /** The entry our error names, and why. */
  entry: string;
  why: RegExp;
}

const CASES: Case[] = [
  { name: 'a "../" path', entries: [...CHART, { path: 'app/../evil.yaml', text: configMap('evil') }], helm: 'refuses', entry: 'app/../evil.yaml', why: /a "\.\." path segment/ },
  { name: 'a "../" inside the chart', entries: [...CHART, { path: 'app/templates/../templates/evil.yaml', text: configMap('evil') }], helm: 'accepts', helmRenders: 'evil', entry: 'app/templates/../templates/evil.yaml', why: /a "\.\." path segment/ },
  { name: 'an absolute path', entries: [...CHART, { path: '/templates/evil.yaml', text: configMap('evil') }], helm: 'accepts', helmRenders: 'evil', entry: '/templates/evil.yaml', why: /an absolute path/ },
  { name: 'a symbolic link out of the chart', entries: [...CHART, { path: 'app/templates/passwd.yaml', type: 'SymbolicLink', linkpath: '/etc/passwd' }], helm: 'accepts', helmEmpties: 'app/templates/passwd.yaml', entry: 'app/templates/passwd.yaml', why: /a symbolic link to "\/etc\/passwd"/ },
  { name: 'a symbolic link inside the chart', entries: [...CHART, { path: 'app/templates/again.yaml', type: 'SymbolicLink', linkpath: 'cm.yaml' }], helm: 'accepts', helmEmpties: 'app/templates/again.yaml', entry: 'app/templates/again.yaml', why: /a symbolic link to "cm\.yaml"/ },
  { name: 'a hard link', entries: [...CHART, { path: 'app/templates/hard.yaml', type: 'Link', linkpath: '/etc/shadow' }], helm: 'accepts', helmEmpties: 'app/templates/hard.yaml', entry: 'app/templates/hard.yaml', why: /a hard link to "\/etc\/shadow"/ },
  { name: 'a character device', entries: [...CHART, { path: 'app/templates/null.yaml', type: 'CharacterDevice', devmaj: 1, devmin: 3 }], helm: 'accepts', helmEmpties: 'app/templates/null.yaml', entry: 'app/templates/null.yaml', why: /a device file/ },
  { name: 'a block device', entries: [...CHART, { path: 'app/files/sda', type: 'BlockDevice', devmaj: 8, devmin: 0 }], helm: 'accepts', entry: 'app/files/sda', why: /a device file/ },
  { name: 'a FIFO', entries: [...CHART, { path: 'app/templates/pipe.yaml', type: 'FIFO' }], helm: 'accepts', helmEmpties: 'app/templates/pipe.yaml', entry: 'app/templates/pipe.yaml', why: /a named pipe/ },
  { name: 'a second top folder', entries: [...CHART, { path: 'other/templates/evil.yaml', text: configMap('evil') }], helm: 'accepts', helmRenders: 'evil', entry: 'other/templates/evil.yaml', why: /a second top folder beside "app"/ },
  { name: 'a file outside any top folder', entries: [...CHART, { path: 'README.md', text: 'hi\n' }], helm: 'refuses', entry: 'README.md', why: /a file outside the top folder/ },
  { name: 'the same path twice', entries: [...CHART, { path: 'app/templates/cm.yaml', text: configMap('evil') }], helm: 'accepts', helmRenders: 'evil', entry: 'app/templates/cm.yaml', why: /a second entry for the same path/ },
  { name: 'a backslash path', entries: [...CHART, { path: 'app\\templates\\evil.yaml', text: configMap('evil') }], helm: 'accepts', helmRenders: 'evil', entry: 'app\\templates\\evil.yaml', why: /a backslash/ },
  { name: 'a "." path segment', entries: [...CHART, { path: 'app/./templates/evil.yaml', text: configMap('evil') }], helm: 'accepts', helmRenders: 'evil', entry: 'app/./templates/evil.yaml', why: /an empty or "\." path segment/ },
];

const cleanup = new Cleanup();
after(() => cleanup.run());
let work: string;
before(async () => {
  work = await cleanup.tempDir('chart-hostile-');
});

async function archive(name: string, entries: Entry[]): Promise<string> {
  const dir = join(work, name.replace(/[^a-z0-9]+/gi, '-'));
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'app-1.0.0.tgz');
  await writeFile(path, tarGz(entries));
  return path;
}

describe('archives helm package never writes (checked against Helm 4.1)', () => {
  it('a clean archive, folder entries included, is accepted by Helm and by us', async () => {
    const path = await archive('clean', [{ path: 'app/', type: 'Directory', mode: 0o755 }, { path: 'app/templates/', type: 'Directory', mode: 0o755 }, ...CHART]);
    const helm = await runHelm('4.1.4', ['template', 'x', path]);
    assert.equal(helm.code, 0, helm.stderr);
    assert.match(helm.stdout, /name: base/);
    const chart = await readChartArchive(path);
    assert.equal(chart.metadata.name, 'app');
  });

  for (const c of CASES) {
    it(`${c.name}: Helm ${c.helm === 'refuses' ? 'refuses it' : c.helmRenders ? 'renders a file from it' : c.helmEmpties ? 'loads it as an empty file' : 'loads it altered'}; we refuse it, naming the entry`, async () => {
      const path = await archive(c.name, c.entries);
      const helm = await runHelm('4.1.4', ['template', 'x', path]);
      if (c.helm === 'refuses') {
        assert.notEqual(helm.code, 0, `Helm accepted it:\n${helm.stdout}`);
      } else {
        assert.equal(helm.code, 0, `Helm refused it: ${helm.stderr}`);
        if (c.helmRenders) assert.match(helm.stdout, new RegExp(`name: ${c.helmRenders}\\b`));
        if (c.helmEmpties) {
          assert.match(helm.stdout, /# Source: app\/templates\/cm\.yaml/);
          assert.ok(!helm.stdout.includes(`# Source: ${c.helmEmpties}`), `Helm rendered ${c.helmEmpties}`);
        }
      }
      await assert.rejects(readChartArchive(path), (error: unknown) => {
        assert.ok(error instanceof ChartError, `a ChartError, not ${String(error)}`);
        assert.ok(error.message.includes(JSON.stringify(c.entry)), error.message);
        assert.match(error.message, c.why);
        assert.match(error.message, /"helm package" never writes such an entry/);
        return true;
      });
    });
  }

  it('a top folder not named after the chart: Helm loads it; we refuse it, naming both names', async () => {
    const path = await archive('renamed', CHART.map((e) => ({ ...e, path: e.path.replace(/^app\//, 'renamed/') })));
    const helm = await runHelm('4.1.4', ['template', 'x', path]);
    assert.equal(helm.code, 0, helm.stderr);
    await assert.rejects(readChartArchive(path), /under the top folder "renamed", but Chart\.yaml names the chart "app"/);
  });

  it('the same rules hold for a packaged subchart inside it', async () => {
    const sub = tarGz([{ path: 'sub/Chart.yaml', text: 'apiVersion: v2\nname: sub\nversion: 1.0.0\n' }, { path: 'sub/templates/link.yaml', type: 'SymbolicLink', linkpath: '/etc/passwd' }]);
    const path = await archive('nested', [...CHART, { path: 'app/charts/sub-1.0.0.tgz', text: sub }]);
    const helm = await runHelm('4.1.4', ['template', 'x', path]);
    assert.equal(helm.code, 0, helm.stderr);
    await assert.rejects(readChartArchive(path), /charts\/sub-1\.0\.0\.tgz holds the entry "sub\/templates\/link\.yaml", a symbolic link/);
  });
});
