// .helmignore against the real thing: for each rule set, the same chart folder is packaged by
// Helm 3.18 / 4.1 and by us; both must keep the same files, or both must refuse the chart.
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ChartError } from '../../src/chart/errors.js';
import { packageChart } from '../../src/chart/index.js';
import { archiveFiles } from '../support/chart-archive.js';
import { helmHome, runHelm, type HelmHome, type HelmVersion } from '../support/helm.js';
import { Cleanup } from '../support/tmp.js';

const TREE: Record<string, string> = {
  'Chart.yaml': 'apiVersion: v2\nname: rules\nversion: 0.1.0\n',
  'values.yaml': 'a: 1\n',
  'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n',
  'templates/values.yaml': '# a template named like values.yaml\n',
  'templates/notes.txt': 'notes\n',
  'templates/.dot': 'dot\n',
  'templates/deeper/.dot': 'deeper dot\n',
  'docs/a.txt': 'a\n',
  'docs/b.bak': 'b\n',
  'a/b/c.txt': 'c\n',
  'a/bc.txt': 'bc\n',
  'x': 'single character name\n',
  '*.txt': 'a file literally named *.txt\n',
  'logo.png': 'png\n',
  'z.png': 'png\n',
  'b.txt': 'b\n',
  'c.txt': 'c\n',
  'notes~': 'backup\n',
  '#draft#': 'draft\n',
  'sub/file.txt': 'sub\n',
  'sub/sub/file.txt': 'sub sub\n',
};

interface Case {
  rules: string;
  /** Helm refuses the chart (a bad rule, or Chart.yaml ignored). */
  refused?: boolean;
  dropped?: string[];
  kept?: string[];
}

const CASES: Record<string, Case> = {
  'no .helmignore': { rules: '', dropped: ['templates/.dot'], kept: ['templates/deeper/.dot'] },
  'base names at any depth': { rules: '*.txt\n', dropped: ['docs/a.txt', 'a/b/c.txt', 'templates/notes.txt'] },
  'a path pattern': { rules: 'a/b\n', dropped: ['a/b/c.txt'], kept: ['a/bc.txt'] },
  'an anchored pattern': { rules: '/sub/file.txt\n', dropped: ['sub/file.txt'], kept: ['sub/sub/file.txt'] },
  'an anchored name only at the root': { rules: '/b.txt\n', dropped: ['b.txt'] },
  'folders only': { rules: 'sub/\n*.txt/\n', dropped: ['sub/file.txt'], kept: ['b.txt'] },
  'every folder': { rules: '*/\n', dropped: ['templates/cm.yaml', 'docs/a.txt'], kept: ['x'] },
  'dotfiles': { rules: '.*\n', dropped: ['.helmignore', 'templates/deeper/.dot'] },
  'single-character names': { rules: '?\n', dropped: ['x', 'a/b/c.txt'] },
  'classes': { rules: '[a-b]*.txt\n[^s]*.bak\n', dropped: ['b.txt', 'a/bc.txt', 'docs/b.bak'], kept: ['c.txt'] },
  'escapes': { rules: '\\*.txt\n\\#*\n', dropped: ['*.txt', '#draft#'], kept: ['b.txt'] },
  'comments and trimming': { rules: '  # comment\n   *.png   \n\n', dropped: ['logo.png'] },
  'CRLF line ends and a BOM': { rules: '\ufeff*.png\r\nx\r\n', dropped: ['logo.png', 'x'] },
  'negation keeps only what matches': { rules: 'docs/\n!*[^~]\n', dropped: ['notes~', 'docs/a.txt'], kept: ['b.txt'] },
  'negation of a wildcard is a no-op': { rules: '!*\n', kept: ['x', 'sub/sub/file.txt'] },
  'negation drops templates/ (no dot in its name)': { rules: '!*.*\n', dropped: ['templates/cm.yaml', 'x'], kept: ['b.txt'] },
  'negation ignoring Chart.yaml': { rules: '*.png\n!logo.png\n', refused: true },
  'negated folder rule ignores every file': { rules: '!sub/\n', refused: true },
  'double star': { rules: '**/*.bak\n', refused: true },
  'bad class': { rules: '[a-\n', refused: true },
  'trailing backslash': { rules: 'x\\\n', refused: true },
  'a class that matches "/"': { rules: 'a[/]b\n', dropped: ['a/b/c.txt'], kept: ['a/bc.txt'] },
  // Go commits to the first place "[^x]" fits and a star cannot cross "/": not ignored.
  'leftmost chunk, like Go': { rules: '*[^x]*/c.txt\n', kept: ['a/b/c.txt'] },
  'lone slash': { rules: '/\n', kept: ['x'] },
  'templates folder contents': { rules: 'templates/*\n', dropped: ['templates/cm.yaml', 'templates/deeper/.dot'], kept: ['x'] },
  'default rule is not repeated under subfolders': { rules: 'docs\n', dropped: ['docs/a.txt'], kept: ['templates/deeper/.dot'] },
};

const HELMS: HelmVersion[] = ['3.18.0', '4.1.4'];
const cleanup = new Cleanup();
let work: string;
let home: HelmHome;

before(async () => {
  work = await cleanup.tempDir('helmignore-');
  home = await helmHome();
  cleanup.add(() => home.remove());
});
after(() => cleanup.run());

async function makeChart(dir: string, helmignore: string): Promise<void> {
  for (const [path, text] of Object.entries(TREE)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  if (helmignore !== '') await writeFile(join(dir, '.helmignore'), helmignore);
}

async function ourFiles(dir: string): Promise<string[] | 'refused'> {
  try {
    const chart = await packageChart(dir, { mtime: new Date(0), outDir: work });
    return [...(await archiveFiles(await readFile(chart.path))).keys()].sort();
  } catch (error) {
    if (error instanceof ChartError) return 'refused';
    throw error;
  }
}

async function helmFiles(version: HelmVersion, dir: string, out: string): Promise<string[] | 'refused'> {
  const result = await runHelm(version, ['package', dir, '-d', out], { home });
  if (result.code !== 0) return 'refused';
  const [file] = await readdir(out);
  return [...(await archiveFiles(await readFile(join(out, file!)))).keys()].sort();
}

describe('.helmignore rules decide like Helm', { concurrency: 8 }, () => {
  let index = 0;
  for (const [title, { rules, refused, dropped = [], kept = [] }] of Object.entries(CASES)) {
    const caseDir = `case-${index++}`;
    test(title, async () => {
      const dir = join(work, caseDir, 'rules');
      await makeChart(dir, rules);
      const mine = await ourFiles(dir);
      for (const version of HELMS) {
        const theirs = await helmFiles(version, dir, join(work, caseDir, `out-${version}`));
        assert.deepEqual(mine, theirs, `Helm ${version} with .helmignore ${JSON.stringify(rules)}`);
      }
      if (refused) {
        assert.equal(mine, 'refused');
        return;
      }
      assert.notEqual(mine, 'refused');
      for (const path of dropped) assert.ok(!mine.includes(path), `${path} should be ignored`);
      for (const path of kept) assert.ok(mine.includes(path), `${path} should be kept`);
    });
  }
});
