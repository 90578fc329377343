// Our packages against real Helm 3.18 and 4.1: for every chart in test/fixtures/charts, `helm
// package` of the same folder must hold the same files with the same bytes (Chart.yaml and
// Chart.lock included, which both re-write), `helm show chart` / `helm template` must print the
// same for both archives, `helm lint` must pass ours wherever it passes Helm's, and the config
// blob `helm push` uploads for our archive must be our configJson byte for byte.
import assert from 'node:assert/strict';
import { cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { configJson, packageChart, readChartArchive, type PackagedChart } from '../../src/chart/index.js';
import { archiveFiles } from '../support/chart-archive.js';
import { helmHome, helmOk, runHelm, type HelmHome, type HelmVersion } from '../support/helm.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { Cleanup } from '../support/tmp.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/charts/', import.meta.url));
const HELMS: HelmVersion[] = ['3.18.0', '4.1.4'];
// Folders under test/fixtures/charts; `symlinks` is built in before() from app.
const CHARTS = ['app', 'umbrella', 'ignore-rules', 'library', 'crds-schema', 'names-and-paths', 'metadata-edge', 'legacy-v1', 'v2-requirements', 'symlinks'];
const MTIME = new Date('2024-02-29T12:34:56Z');

const cleanup = new Cleanup();
let work: string;
let home: HelmHome;
let registry: TestRegistry;
const ours = new Map<string, { chart: PackagedChart; path: string }>();

before(async () => {
  work = await cleanup.tempDir('chart-interop-');
  home = await helmHome();
  cleanup.add(() => home.remove());
  registry = await startRegistry();
  cleanup.add(() => registry.stop());

  const charts = join(work, 'charts');
  await cp(FIXTURES, charts, { recursive: true });
  // The packaged subchart is made by the real Helm, not committed.
  await helmOk('4.1.4', ['package', join(charts, '_sources', 'frontend'), '-d', join(charts, 'umbrella', 'charts')], { home });
  // Symbolic links, which Helm follows: to a file and to a folder outside the chart.
  const linked = join(charts, 'symlinks');
  await cp(join(charts, 'app'), linked, { recursive: true });
  await writeFile(join(linked, 'Chart.yaml'), 'apiVersion: v2\nname: symlinks\nversion: 0.0.1\n');
  await mkdir(join(charts, '_shared', 'docs'), { recursive: true });
  await writeFile(join(charts, '_shared', 'linked.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-linked\n');
  await writeFile(join(charts, '_shared', 'docs', 'guide.md'), '# reached through a folder link\n');
  await symlink(join('..', '..', '_shared', 'linked.yaml'), join(linked, 'templates', 'linked.yaml'));
  await symlink(join('..', '_shared', 'docs'), join(linked, 'docs'));

  await mkdir(join(work, 'ours'));
  for (const name of CHARTS) {
    const chart = await packageChart(join(charts, name), { mtime: MTIME, outDir: join(work, 'ours') });
    ours.set(name, { chart, path: chart.path });
  }
});

after(() => cleanup.run());

async function helmPackage(version: HelmVersion, name: string): Promise<string> {
  const out = join(work, `helm-${version}`, name);
  await helmOk(version, ['package', join(work, 'charts', name), '-d', out], { home });
  const [file] = await readdir(out);
  return join(out, file!);
}

describe('our packages match helm package', { concurrency: 6 }, () => {
  for (const version of HELMS) {
    for (const name of CHARTS) {
      test(`${name}, Helm ${version}`, async () => {
        const mine = ours.get(name)!;
        const theirsPath = await helmPackage(version, name);
        assert.equal(mine.chart.fileName, theirsPath.split('/').pop());

        // Same file list, same bytes: Chart.yaml and Chart.lock as Helm re-writes them.
        const [ourFiles, helmFiles] = await Promise.all([readFile(mine.path).then(archiveFiles), readFile(theirsPath).then(archiveFiles)]);
        assert.deepEqual([...ourFiles.keys()].sort(), [...helmFiles.keys()].sort(), 'file lists differ');
        for (const [path, data] of helmFiles) assert.ok(ourFiles.get(path)!.equals(data), `${path} differs:\nhelm: ${data.toString()}\nours: ${String(ourFiles.get(path))}`);

        // Reading Helm's archive back gives the metadata we packaged.
        const theirs = await readChartArchive(theirsPath);
        assert.equal(configJson(theirs.metadata), configJson(mine.chart.metadata));

        const run = (args: string[]) => runHelm(version, args, { home });
        const [showOurs, showTheirs] = await Promise.all([run(['show', 'chart', mine.path]), run(['show', 'chart', theirsPath])]);
        assert.equal(showOurs.code, 0, showOurs.stderr);
        assert.equal(showOurs.stdout, showTheirs.stdout);

        const templateArgs = (path: string) => ['template', 'rel', path, '--namespace', 'ns'];
        const [tplOurs, tplTheirs] = await Promise.all([run(templateArgs(mine.path)), run(templateArgs(theirsPath))]);
        assert.equal(tplOurs.code, tplTheirs.code, `helm template: ours ${tplOurs.stderr} / helm's ${tplTheirs.stderr}`);
        assert.equal(tplOurs.stdout, tplTheirs.stdout);
        if (name !== 'library') assert.equal(tplOurs.code, 0, tplOurs.stderr);

        const [lintOurs, lintTheirs] = await Promise.all([run(['lint', mine.path]), run(['lint', theirsPath])]);
        if (lintTheirs.code === 0) assert.equal(lintOurs.code, 0, `helm lint fails ours:\n${lintOurs.stdout}${lintOurs.stderr}`);
      });
    }
  }
});

describe('helm push uploads our configJson as the config blob', { concurrency: 4 }, () => {
  for (const version of HELMS) {
    for (const name of ['app', 'metadata-edge', 'umbrella', 'legacy-v1']) {
      test(`${name}, Helm ${version}`, async (t) => {
        const mine = ours.get(name)!;
        if (version === '3.18.0' && mine.chart.metadata.version.includes('+')) {
          // Helm 3.18.0 fails with "Error: not found" for any version with "+", its own packages too.
          t.skip('Helm 3.18.0 cannot push a version with "+"');
          return;
        }
        const namespace = `interop-${version.replaceAll('.', '-')}`;
        await helmOk(version, ['push', mine.path, `oci://${registry.host}/${namespace}`, '--plain-http'], { home });
        const tag = mine.chart.metadata.version.replaceAll('+', '_');
        const base = `${registry.baseUrl}/v2/${namespace}/${mine.chart.metadata.name}`;
        const manifest = (await (await fetch(`${base}/manifests/${tag}`, { headers: { accept: 'application/vnd.oci.image.manifest.v1+json' } })).json()) as {
          config: { digest: string };
          layers: Array<{ digest: string }>;
        };
        const config = await (await fetch(`${base}/blobs/${manifest.config.digest}`)).text();
        assert.equal(config, configJson(mine.chart.metadata));
        assert.equal(manifest.layers[0]!.digest, mine.chart.digest, 'Helm pushed our archive unchanged');
      });
    }
  }
});
