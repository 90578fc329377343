// .helmignore and the Go filepath.Match globs it is written in. The expectations come from
// Helm's pkg/ignore and Go's path/filepath; test/integration/chart-helmignore-helm.test.ts checks
// the same rules against real Helm binaries.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileGoGlob, GlobSyntaxError } from '../../src/chart/go/glob.js';
import { DEFAULT_HELMIGNORE_RULE, HelmIgnore, HelmIgnoreSyntaxError } from '../../src/chart/go/helmignore.js';

describe('Go filepath.Match', () => {
  const cases: Array<[pattern: string, name: string, matches: boolean]> = [
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['', '', true],
    ['', 'a', false],
    ['*', 'anything.txt', true],
    ['*', '', true],
    ['*', 'dir/file', false], // a star never crosses "/"
    ['*.txt', 'notes.txt', true],
    ['*.txt', 'notes.txt.bak', false],
    ['a*', 'a', true],
    ['a*/b', 'axyz/b', true],
    ['a*/b', 'a/c/b', false],
    ['*c', 'abc', true],
    ['a*b*c', 'a-b-b-c', true],
    ['a*b?c*x', 'abxbbxdbxebxczzx', true],
    ['a*b?c*x', 'abxbbxdbxebxczzy', false],
    ['*x', 'xxx', true], // the last chunk must reach the end, so the star keeps trying
    ['?', 'é', true], // one character, not one byte
    ['??', 'é', false],
    ['a?b', 'a/b', false],
    ['[abc]', 'b', true],
    ['[abc]', 'd', false],
    ['[^abc]', 'd', true],
    ['[^abc]', 'a', false],
    ['[!a]', '!', true], // "!" is not negation in Go, only "^" is
    ['[!a]', 'b', false],
    ['[a-c]x', 'bx', true],
    ['[a-cx-z]', 'y', true],
    ['[a-cx-z]', 'm', false],
    ['[\\-]', '-', true],
    ['[\\]]', ']', true],
    ['[日-本]', '昇', true],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['\\#x', '#x', true],
    ['[/]', '/', true], // a class may match "/"
    ['[^x]', '/', true],
    ['a[/]b', 'a/b', true],
    // Go commits to the leftmost fit of a middle chunk and a star cannot cross "/": a full
    // backtracking matcher would say true here.
    ['*[^x]*b', 'a/b', false],
  ];
  for (const [pattern, name, matches] of cases) {
    test(`${JSON.stringify(pattern)} ${matches ? 'matches' : 'does not match'} ${JSON.stringify(name)}`, () => {
      assert.equal(compileGoGlob(pattern).matches(name), matches);
    });
  }

  for (const pattern of ['[', 'a[', '[]a]', '[-]', '[x-]', '[a-b-c]', '[^]', 'abc\\', '[a\\', '[a']) {
    test(`${JSON.stringify(pattern)} is a syntax error`, () => {
      assert.throws(() => compileGoGlob(pattern), GlobSyntaxError);
    });
  }
});

describe('.helmignore', () => {
  const file = (path: string) => [path, false] as const;
  const dir = (path: string) => [path, true] as const;

  test('Helm always adds templates/.?*, only for templates/ itself', () => {
    const rules = HelmIgnore.defaults();
    assert.equal(DEFAULT_HELMIGNORE_RULE, 'templates/.?*');
    assert.equal(rules.ignores(...file('templates/.hidden')), true);
    assert.equal(rules.ignores(...file('templates/.')), false); // ".?*" needs a second character
    assert.equal(rules.ignores(...file('templates/sub/.hidden')), false);
    assert.equal(rules.ignores(...file('charts/sub/templates/.hidden')), false);
    assert.equal(rules.ignores(...file('.helmignore')), false);
  });

  test('a pattern without "/" matches the base name at any depth', () => {
    const rules = HelmIgnore.parse('*.bak\n');
    assert.equal(rules.ignores(...file('a.bak')), true);
    assert.equal(rules.ignores(...file('deep/er/a.bak')), true);
    assert.equal(rules.ignores(...dir('folder.bak')), true);
    assert.equal(rules.ignores(...file('a.bak.txt')), false);
  });

  test('a pattern with "/" matches the relative path; a leading "/" changes nothing else', () => {
    for (const text of ['docs/*.md\n', '/docs/*.md\n']) {
      const rules = HelmIgnore.parse(text);
      assert.equal(rules.ignores(...file('docs/a.md')), true, text);
      assert.equal(rules.ignores(...file('sub/docs/a.md')), false, text);
      assert.equal(rules.ignores(...file('docs/x/a.md')), false, text);
    }
    const anchored = HelmIgnore.parse('/secret.yaml\n');
    assert.equal(anchored.ignores(...file('secret.yaml')), true);
    assert.equal(anchored.ignores(...file('config/secret.yaml')), false);
  });

  test('a trailing "/" applies to folders only', () => {
    const rules = HelmIgnore.parse('logs/\n');
    assert.equal(rules.ignores(...dir('logs')), true);
    assert.equal(rules.ignores(...dir('var/logs')), true);
    assert.equal(rules.ignores(...file('logs')), false);
  });

  test('"!pattern" ignores every path that does not match it and never re-includes', () => {
    const rules = HelmIgnore.parse('*.png\n!logo.png\n');
    assert.equal(rules.ignores(...file('logo.png')), true, 'the earlier *.png rule matched first');
    assert.equal(rules.ignores(...file('Chart.yaml')), true, 'not matching the negation means ignored');
    assert.equal(rules.ruleIgnoring(...file('Chart.yaml')), '!logo.png');
    const keepAllButBackups = HelmIgnore.parse('!*[^~]\n');
    assert.equal(keepAllButBackups.ignores(...file('Chart.yaml')), false);
    assert.equal(keepAllButBackups.ignores(...dir('templates')), false);
    assert.equal(keepAllButBackups.ignores(...file('values.yaml~')), true);
    assert.equal(keepAllButBackups.ignores(...file('templates/.hidden')), true, 'the default rule still applies after it');
  });

  test('a negated folder rule ignores every file', () => {
    const rules = HelmIgnore.parse('!templates/\n');
    assert.equal(rules.ignores(...file('Chart.yaml')), true);
    assert.equal(rules.ignores(...dir('templates')), false);
    assert.equal(rules.ignores(...dir('docs')), true);
  });

  test('the first matching rule decides', () => {
    const rules = HelmIgnore.parse('!*.yaml\n*.yaml\n');
    assert.equal(rules.ignores(...file('values.yaml')), true, 'the negation passed it on to *.yaml');
    assert.equal(rules.ignores(...file('README.md')), true, 'the negation ignored it');
  });

  test('comments, blank lines, white space, CRLF and a BOM', () => {
    const rules = HelmIgnore.parse('\ufeff*.tmp\r\n\r\n   # an indented comment\r\n  \t*.bak \u3000\r\n#*.md\n');
    assert.equal(rules.ignores(...file('a.tmp')), true, 'the BOM is stripped from the first line');
    assert.equal(rules.ignores(...file('a.bak')), true, 'Unicode white space is trimmed like Go');
    assert.equal(rules.ignores(...file('a.md')), false, '"#" starts a comment');
    assert.equal(HelmIgnore.parse('\\#a#\n').ignores(...file('#a#')), true, '"\\#" is a literal "#"');
  });

  test('the chart root is never ignored', () => {
    const rules = HelmIgnore.parse('*\n.*\n');
    for (const path of ['', '.', './']) assert.equal(rules.ignores(path, true), false);
    assert.equal(rules.ignores(...file('Chart.yaml')), true);
  });

  test('"**" and malformed patterns are errors that name the line', () => {
    assert.throws(() => HelmIgnore.parse('ok\n**/*.bak\n'), (error: unknown) => {
      assert.ok(error instanceof HelmIgnoreSyntaxError);
      assert.equal(error.line, 2);
      assert.match(error.message, /line 2: "\*\*\/\*\.bak": Helm does not support "\*\*"/);
      return true;
    });
    assert.throws(() => HelmIgnore.parse('\n\n[a-\n'), (error: unknown) => error instanceof HelmIgnoreSyntaxError && error.line === 3);
    assert.throws(() => HelmIgnore.parse('trailing\\\n'), HelmIgnoreSyntaxError);
    // Helm checks the whole line, so "!" and slashes are part of the pattern it validates.
    assert.throws(() => HelmIgnore.parse('![\n'), HelmIgnoreSyntaxError);
  });
});
