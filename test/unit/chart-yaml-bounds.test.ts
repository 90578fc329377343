// Hostile YAML ends quickly with a clear error naming the file: go-yaml's alias budget ("billion
// laughs" documents of a few hundred bytes that expand to billions of nodes), anchors that
// contain themselves, nesting without end, streams of countless documents, and number-like
// scalars megabytes long. Documents Helm reads fine, with aliases, still load.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ChartError } from '../../src/chart/errors.js';
import { GoYamlError } from '../../src/chart/go/yaml-error.js';
import { GoMap, loadAllGoYaml, loadGoYaml } from '../../src/chart/go/yaml-load.js';
import { checkChart, readChartArchive } from '../../src/chart/index.js';
import { tarGz } from '../support/chart-archive.js';
import { Cleanup } from '../support/tmp.js';

const cleanup = new Cleanup();
let work: string;
before(async () => {
  work = await cleanup.tempDir('chart-yaml-bounds-');
});
after(() => cleanup.run());

const HEAD = 'apiVersion: v2\nname: bomb\nversion: 1.0.0\n';

/** Nine levels of nine aliases each: 9^9 (387 million) strings once expanded, in ~700 bytes. */
function billionLaughs(): string {
  const names = 'abcdefghi';
  let text = `${names[0]}: &${names[0]} ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n`;
  for (let i = 1; i < names.length; i++) text += `${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]\n`;
  return text;
}

async function chartDir(files: Record<string, string>): Promise<string> {
  const dir = join(work, `c${Math.random().toString(36).slice(2)}`, 'bomb');
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

/** `work` rejects with a ChartError naming `file`, matching `reason`, within a second. */
async function refusedQuickly(work: Promise<unknown>, file: RegExp, reason: RegExp): Promise<void> {
  const started = performance.now();
  await assert.rejects(work, (error: unknown) => {
    assert.ok(error instanceof ChartError, `a ChartError, not ${String(error)}`);
    assert.match(error.message, file);
    assert.match(error.message, reason);
    return true;
  });
  const took = performance.now() - started;
  assert.ok(took < 1000, `refused after ${took.toFixed(0)} ms`);
}

describe('YAML alias bombs', () => {
  test('the ~700-byte document is refused with go-yaml\'s own reason', () => {
    assert.ok(billionLaughs().length < 800);
    assert.throws(() => loadGoYaml(billionLaughs()), new GoYamlError('document contains excessive aliasing'));
  });

  test('in Chart.yaml', async () => {
    const dir = await chartDir({ 'Chart.yaml': HEAD + billionLaughs() });
    await refusedQuickly(checkChart(dir, {}), /bomb\/Chart\.yaml is not valid YAML/, /excessive aliasing/);
  });

  test('in values.yaml', async () => {
    const dir = await chartDir({ 'Chart.yaml': HEAD, 'values.yaml': billionLaughs() });
    await refusedQuickly(checkChart(dir, {}), /bomb\/values\.yaml is not valid YAML/, /excessive aliasing/);
  });

  test('in the Chart.yaml of a packaged chart', async () => {
    const path = join(work, 'bomb-1.0.0.tgz');
    await writeFile(path, tarGz({ 'bomb/Chart.yaml': HEAD + billionLaughs() }));
    await refusedQuickly(readChartArchive(path), /bomb-1\.0\.0\.tgz\/Chart\.yaml is not valid YAML/, /excessive aliasing/);
  });

  test('in a values.yaml of a subchart inside a packaged chart', async () => {
    const path = join(work, 'outer-1.0.0.tgz');
    const sub = tarGz({ 'sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 1.0.0\n', 'sub/values.yaml': billionLaughs() });
    const blocks = tarGz({ 'outer/Chart.yaml': 'apiVersion: v2\nname: outer\nversion: 1.0.0\n', 'outer/charts/sub-1.0.0.tgz': sub });
    await writeFile(path, blocks);
    await refusedQuickly(readChartArchive(path), /charts\/sub-1\.0\.0\.tgz\/values\.yaml is not valid YAML/, /excessive aliasing/);
  });

  test('an anchor that contains itself is refused, not followed forever', () => {
    assert.throws(() => loadGoYaml('a: &x [1, *x]\n'), new GoYamlError("anchor 'x' value contains itself"));
  });

  test('an alias to an anchor that does not exist is refused, as go-yaml does', () => {
    assert.throws(() => loadGoYaml('a: *nowhere\n'), new GoYamlError("unknown anchor 'nowhere' referenced"));
  });

  test('ordinary aliases and merge keys still load', () => {
    const defaults = Array.from({ length: 50 }, (_, i) => `  k${i}: v${i}`).join('\n');
    const text = `base: &base\n${defaults}\n${Array.from({ length: 200 }, (_, i) => `s${i}:\n  <<: *base\n  own: ${i}`).join('\n')}\n`;
    const value = loadGoYaml(text) as GoMap;
    assert.equal(value.entries.size, 201);
    assert.equal((value.entries.get('s199') as GoMap).entries.get('k49'), 'v49');
  });
});

describe('other bounds', () => {
  test('nesting is bounded', () => {
    assert.throws(() => loadGoYaml(`${'['.repeat(5000)}${']'.repeat(5000)}`), /nests more than 200 levels/);
  });

  test('a text longer than any chart file may be is refused before it is parsed', () => {
    assert.throws(() => loadGoYaml(`a: ${'x'.repeat(6 * 1024 * 1024)}\n`), /the document is longer than 5242880 characters/);
  });

  test('a stream of countless documents is refused', () => {
    const started = performance.now();
    assert.throws(() => loadAllGoYaml('---\na: 1\n'.repeat(20_000)), /more than 10000 YAML documents/);
    assert.ok(performance.now() - started < 3000);
  });

  test('a number-like scalar megabytes long is read as a string, quickly', () => {
    const started = performance.now();
    const digits = '1'.repeat(2_000_000);
    assert.equal((loadGoYaml(`v: ${digits}x\n`) as GoMap).entries.get('v'), `${digits}x`);
    assert.ok(performance.now() - started < 2000, `${(performance.now() - started).toFixed(0)} ms`);
  });
});
