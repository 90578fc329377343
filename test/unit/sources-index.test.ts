// A classic repository's index.yaml: parsed within bounds, one bad entry failing only itself, and
// the selection by chart name and SemVer range.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRepoIndex, selectVersions, SourceError } from '../../src/sources/index.js';

const HEX = 'ab'.repeat(32);

function entry(name: string, version: string, extra = ''): string {
  return `  - name: ${name}\n    version: "${version}"\n    digest: ${HEX}\n    created: "2025-01-02T03:04:05.123456789Z"\n    urls:\n    - ${name}-${version}.tgz\n${extra}`;
}

const INDEX = [
  'apiVersion: v1',
  'entries:',
  '  app:',
  entry('app', '1.0.0'),
  entry('app', '2.0.0-rc.1'),
  entry('app', '1.10.0'),
  entry('app', '1.2.0+build.7'),
  entry('app', '1.2.0'),
  entry('app', '0.9'),
  entry('app', '1.0.0'),
  '  db:',
  entry('db', '3.1.4'),
  '  - name: db',
  '    version: 3.2.0',
  '    urls: []',
  '  - name: other',
  '    version: 1.0.0',
  '    urls: [x.tgz]',
  '  - name: db',
  '    version: 3.3.0',
  '    digest: not-hex',
  '    urls: [x.tgz]',
  'generated: "2025-01-02T03:04:05Z"',
  '',
].join('\n');

describe('parseRepoIndex and selectVersions', () => {
  it('selects every valid version, sorted by name then SemVer, and rejects the rest one by one', async () => {
    const index = await parseRepoIndex(INDEX, 'index.yaml');
    const { selected, rejected, missing } = selectVersions(index);
    assert.deepEqual(selected.map((e) => `${e.name}@${e.version}`), ['app@1.0.0', 'app@1.2.0', 'app@1.2.0+build.7', 'app@1.10.0', 'app@2.0.0-rc.1', 'db@3.1.4']);
    assert.equal(selected[0]!.digest, `sha256:${HEX}`);
    assert.equal(selected[0]!.created!.toISOString(), '2025-01-02T03:04:05.123Z');
    const reasons = Object.fromEntries(rejected.map((r) => [`${r.name}@${r.version}`, r.reason]));
    assert.match(reasons['app@0.9']!, /not SemVer 2/);
    assert.match(reasons['app@1.0.0']!, /twice/);
    assert.match(reasons['db@3.2.0']!, /no urls/);
    assert.match(reasons['db@1.0.0']!, /named "other" under "db"/);
    assert.match(reasons['db@3.3.0']!, /not a sha256 hex digest/);
    assert.deepEqual(missing, []);
  });

  it('keeps both builds of a version, and orders them after the plain version', async () => {
    const { selected } = selectVersions(await parseRepoIndex(INDEX, 'index.yaml'), { charts: new Set(['app']), range: '1.2.0' });
    assert.deepEqual(selected.map((e) => e.version), ['1.2.0', '1.2.0+build.7']);
  });

  it('filters by chart names and range (prereleases only when the range names one) and reports unknown names', async () => {
    const index = await parseRepoIndex(INDEX, 'index.yaml');
    const picked = selectVersions(index, { charts: new Set(['app', 'nope']), range: '>=1.1.0 <3' });
    assert.deepEqual(picked.selected.map((e) => e.version), ['1.2.0', '1.2.0+build.7', '1.10.0']);
    assert.deepEqual(picked.missing, ['nope']);
    assert.deepEqual(picked.rejected, [], 'out-of-range and non-SemVer versions are not reported');
    assert.deepEqual(selectVersions(index, { charts: new Set(['app']), range: '>=2.0.0-rc.0' }).selected.map((e) => e.version), ['2.0.0-rc.1']);
  });

  it('reads scalars as Helm does, into strings: unquoted versions keep their text; null is absent; merge keys and the last duplicate key count', async () => {
    const text = [
      'apiVersion: v1',
      'base: &base {urls: [app-1.10.0.tgz], digest: ~}',
      'entries:',
      '  app:',
      '  - <<: *base',
      '    name: app',
      '    version: 1.10',
      '    version: 1.10.0',
      '    created: 2025-01-02T03:04:05Z',
      '  - {name: app, version: 1.20.0, digest: null, urls: [app-1.20.0.tgz]}',
      '',
    ].join('\n');
    const { selected, rejected } = selectVersions(await parseRepoIndex(text, 'index.yaml'));
    assert.deepEqual(rejected, []);
    assert.deepEqual(selected.map((e) => [e.version, e.urls, e.digest, e.created?.toISOString()]), [
      ['1.10.0', ['app-1.10.0.tgz'], undefined, '2025-01-02T03:04:05.000Z'],
      ['1.20.0', ['app-1.20.0.tgz'], undefined, undefined],
    ]);
    const unquoted = await parseRepoIndex('apiVersion: v1\nentries:\n  app:\n  - {name: app, version: 1.10, urls: [a.tgz]}\n', 'index.yaml');
    assert.equal(unquoted.charts.get('app')![0]!.version, '1.10', 'not the number 1.1');
  });

  it('reads an index of 20,000 versions (about 7 MB) whole', async () => {
    const lines = ['apiVersion: v1', 'entries:'];
    for (let c = 0; c < 200; c++) {
      lines.push(`  chart-${c}:`);
      for (let v = 0; v < 100; v++) lines.push(entry(`chart-${c}`, `1.${v}.0`, `    description: ${'A Helm chart for Kubernetes. '.repeat(4)}\n`).trimEnd());
    }
    const text = `${lines.join('\n')}\n`;
    assert.ok(text.length > 6_000_000, `${text.length} bytes`);
    const { selected, rejected } = selectVersions(await parseRepoIndex(text, 'index.yaml'));
    assert.equal(selected.length, 20_000);
    assert.deepEqual(rejected, []);
  });

  it('refuses what is not an index, an alias bomb and absurd nesting with a clear error', async () => {
    const bomb = ['apiVersion: v1', 'a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`), 'entries: {}'].join('\n');
    for (const [text, pattern] of [
      ['<html>not found</html>', /not a chart repository index/],
      ['entries: {}', /no apiVersion/],
      ['apiVersion: v1\nentries: [1, 2]', /"entries" is not a mapping/],
      ['apiVersion: v1\nentries: {a: [}', /not valid YAML/],
      [bomb, /uses more than 100 YAML aliases/],
      [`apiVersion: v1\nentries: ${'['.repeat(100)}${']'.repeat(100)}`, /nested more than 64/],
      [`${'['.repeat(100_000)}`, /nested more than 64/],
    ] as const) {
      await assert.rejects(parseRepoIndex(text, 'https://x/index.yaml'), (error: unknown) => error instanceof SourceError && pattern.test(error.message), text.slice(0, 40));
    }
  });
});
