// Byte-identity guard for the Go-compatible layer: the archives, Chart.yaml texts, config JSON,
// provenance texts, Chart.lock texts and YAML read back for the fixture charts and for a seeded
// corpus of awkward strings must hash to what test/fixtures/golden/outputs.json recorded. Those
// outputs were proven against real Helm by the interop tests; this test keeps every later change
// to the layer (a refactor, a speed-up) from moving a single byte.
//   GOLDEN_WRITE=1 node --import tsx --test test/unit/chart-golden.test.ts   (re-records)
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { goJson, goMap } from '../../src/chart/go/json.js';
import { GoFloat, GoInt, GoMap, loadAllGoYaml, type GoValue } from '../../src/chart/go/yaml-load.js';
import { packageChart, parseChartYaml } from '../../src/chart/index.js';
import { lockFileText } from '../../src/chart/lock.js';
import type { ChartMetadata } from '../../src/chart/metadata.js';
import { chartYamlText, configJson } from '../../src/chart/metadata-text.js';
import { provenanceMessage } from '../../src/chart/provenance.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/charts/', import.meta.url));
const GOLDEN = fileURLToPath(new URL('../fixtures/golden/outputs.json', import.meta.url));
const MTIME = new Date('2024-02-29T12:34:56Z');
const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** A small seeded PRNG (mulberry32), so the corpus is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pieces go-yaml treats specially: indicators, breaks, quotes, YAML 1.1 words, numbers, dates,
// non-BMP and non-printable characters, long words that decide where lines fold.
const PIECES = [
  ' ', ' ', ' ', '  ', '\n', '\n\n', '\t', '\r', '"', "'", '\\', ':', ': ', ' #', '#', '-', '- ', '?', '!', '&', '*', '|', '>', '%',
  '@', '`', '{', '}', '[', ']', ',', 'yes', 'no', 'on', 'off', 'y', 'n', 'null', '~', 'true', 'False', '0x1F', '010', '1_000',
  '1.5', '.5', '1e3', '-.inf', '.NaN', '2024-01-02', '1:30', '---', '...', 'é', 'ß', '中文', '😀', '\u0085', '\u00a0', '\u2028',
  '\ufeff', '\u0007', '<', '>', '&amp;', 'lorem', 'ipsum', 'dolor', 'sit', 'amet', 'consectetur', 'adipiscing', 'elit', 'x'.repeat(40),
  'word'.repeat(25), 'a', 'b9', 'b10', 'B',
];

function corpusString(next: () => number): string {
  const count = Math.floor(next() * 40);
  let out = '';
  for (let i = 0; i < count; i++) out += PIECES[Math.floor(next() * PIECES.length)];
  return out;
}

/** Every output of the Go-compatible layer for one seeded corpus, as name → sha256. */
async function outputs(): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  const out = await mkdtemp(join(tmpdir(), 'chart-golden-'));
  try {
    // umbrella is left out: its subchart is made by the real `helm package` in the interop tests.
    for (const name of (await readdir(FIXTURES)).filter((n) => !n.startsWith('_') && n !== 'umbrella').sort()) {
      const chart = await packageChart(join(FIXTURES, name), { mtime: MTIME, outDir: out });
      found[`${name}.tgz`] = chart.digest;
      found[`${name} Chart.yaml`] = sha256(chartYamlText(chart.metadata));
      found[`${name} config`] = sha256(configJson(chart.metadata));
      found[`${name} provenance`] = sha256(provenanceMessage(configJson(chart.metadata), chart.fileName, chart.digest));
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }

  const next = random(20240229);
  const yaml: string[] = [];
  const json: string[] = [];
  const read: string[] = [];
  for (let i = 0; i < 600; i++) {
    const text = corpusString(next);
    const meta: ChartMetadata = { apiVersion: 'v2', name: 'golden', version: '1.0.0', description: text, keywords: [text, 'k'], annotations: { [text || 'empty']: text, b10: '1', b9: 'yes' } };
    try {
      yaml.push(chartYamlText(meta));
    } catch (error) {
      yaml.push(`error: ${(error as Error).message}`);
    }
    json.push(configJson(meta), goJson({ text, map: goMap({ [text]: text, '10': 'a', '9': 'b' }) }));
    try {
      read.push(show(loadAllGoYaml(`a: ${text}\nb: [${text}]\n"${text}": '${text}'\n`)));
    } catch (error) {
      read.push(`error: ${(error as Error).message}`);
    }
  }
  found['corpus Chart.yaml'] = sha256(yaml.join('\0'));
  found['corpus JSON'] = sha256(json.join('\0'));
  found['corpus YAML read'] = sha256(read.join('\0'));

  const locks = [
    'generated: "2024-05-01T12:00:00.120000Z"\ndigest: sha256:abc\ndependencies:\n- name: a\n  repository: https://x\n  version: 1.0.0\n',
    'generated: 2024-05-01T12:00:00+02:00\ndependencies:\n- name: b\n  repository: oci://r/x\n  version: "1.10"\n  import-values: [{child: a, parent: b}, c]\n',
    'dependencies: null\n',
  ];
  found['lock texts'] = sha256(locks.map((l) => lockFileText(l, 'Chart.lock')).join('\0'));
  found['parsed Chart.yaml'] = sha256(JSON.stringify(parseChartYaml('apiVersion: v2\nname: a\nversion: 1.0.0\nappVersion: 1.10\nkeywords: [y, 010, 0x1F, 1e3]\nannotations: {on: 1.5}\n', 'Chart.yaml')));
  return found;
}

function show(value: GoValue | GoValue[]): string {
  if (Array.isArray(value)) return `[${value.map(show).join(',')}]`;
  if (value instanceof GoMap) return `{${[...value.entries].map(([k, v]) => `${JSON.stringify(k)}:${show(v)}`).join(',')}}`;
  if (value instanceof GoInt) return `int(${value.value})`;
  if (value instanceof GoFloat) return `float(${value.value})`;
  return JSON.stringify(value);
}

describe('golden outputs of the Go-compatible layer', () => {
  it('are byte-identical to the recorded ones', async () => {
    const found = await outputs();
    if (process.env.GOLDEN_WRITE === '1') await writeFile(GOLDEN, `${JSON.stringify(found, null, 2)}\n`);
    const expected = JSON.parse(await readFile(GOLDEN, 'utf8')) as Record<string, string>;
    assert.deepEqual(found, expected);
  });
});
