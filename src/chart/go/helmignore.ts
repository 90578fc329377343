// .helmignore as Helm reads it (pkg/ignore), which is NOT gitignore:
// - each line is one Go filepath.Match pattern; blank lines and `#` lines are skipped;
// - `**` is an error, as is any pattern Go cannot parse;
// - no `/` in the pattern: it is matched against the base name; with a `/`: against the path
//   relative to the chart; a leading `/` only anchors (the match is on the relative path anyway);
// - a trailing `/` makes the rule apply to directories only;
// - rules are tried in order and the first positive match ignores the path;
// - `!pattern` does not re-include anything: a path that reaches it and does NOT match it is
//   ignored, and a path that matches it goes on to the next rule. So `!pattern` means "ignore
//   everything else" (a `!dir/` rule ignores every file);
// - Helm appends `templates/.?*` (dotfiles directly in templates/) after the user's rules;
// - an ignored directory is not descended into.
import { compileGoGlob, GlobSyntaxError, type GoGlob } from './glob.js';
import { trimGoSpace } from './unicode.js';

/** The pattern Helm always adds, after the rules from .helmignore. */
export const DEFAULT_HELMIGNORE_RULE = 'templates/.?*';

interface Rule {
  /** The line as written (trimmed), for messages. */
  raw: string;
  negate: boolean;
  dirOnly: boolean;
  /** Match the base name only (the pattern has no `/`). */
  baseName: boolean;
  glob: GoGlob;
}

export class HelmIgnoreSyntaxError extends Error {
  override readonly name = 'HelmIgnoreSyntaxError';

  constructor(
    readonly line: number,
    readonly rule: string,
    readonly reason: string,
  ) {
    super(`line ${line}: ${JSON.stringify(rule)}: ${reason}`);
  }
}

export class HelmIgnore {
  private constructor(private readonly rules: readonly Rule[]) {}

  /** Parses .helmignore text and appends Helm's default rule; throws HelmIgnoreSyntaxError. */
  static parse(text: string): HelmIgnore {
    const rules: Rule[] = [];
    // Go's bufio.Scanner: lines split on \n, a trailing \r dropped; BOM trimmed on line 1 only.
    const lines = text.split('\n');
    if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    lines.forEach((line, index) => {
      let content = line.endsWith('\r') ? line.slice(0, -1) : line;
      if (index === 0 && content.startsWith('\ufeff')) content = content.slice(1);
      const rule = parseRule(content, index + 1);
      if (rule) rules.push(rule);
    });
    rules.push(parseRule(DEFAULT_HELMIGNORE_RULE, 0)!);
    return new HelmIgnore(rules);
  }

  /** Only Helm's default rule, for a chart without .helmignore. */
  static defaults(): HelmIgnore {
    return HelmIgnore.parse('');
  }

  /**
   * Whether Helm skips `path` (relative to the chart, `/`-separated, no trailing slash).
   * `isDir` is about the target of a symlink, as Helm follows links before asking.
   */
  ignores(path: string, isDir: boolean): boolean {
    return this.ruleIgnoring(path, isDir) !== undefined;
  }

  /** The rule (as written) that makes Helm skip `path`, or undefined when the path is kept. */
  ruleIgnoring(path: string, isDir: boolean): string | undefined {
    if (path === '' || path === '.' || path === './') return undefined;
    for (const rule of this.rules) {
      const subject = rule.baseName ? baseName(path) : path;
      if (rule.negate) {
        if ((rule.dirOnly && !isDir) || !rule.glob.matches(subject)) return rule.raw;
        continue;
      }
      if (rule.dirOnly && !isDir) continue;
      if (rule.glob.matches(subject)) return rule.raw;
    }
    return undefined;
  }
}

function parseRule(line: string, lineNumber: number): Rule | undefined {
  const raw = trimGoSpace(line);
  if (raw === '' || raw.startsWith('#')) return undefined;
  if (raw.includes('**')) {
    throw new HelmIgnoreSyntaxError(lineNumber, raw, 'Helm does not support "**"; list the folders, or use a pattern without a "/" to match a name at any depth');
  }
  // Helm checks the whole line, `!` and slashes included, as a Go pattern.
  try {
    compileGoGlob(raw);
  } catch (error) {
    if (error instanceof GlobSyntaxError) throw new HelmIgnoreSyntaxError(lineNumber, raw, `${error.message} (Go filepath.Match syntax)`);
    throw error;
  }
  let pattern = raw;
  const negate = pattern.startsWith('!');
  if (negate) pattern = pattern.slice(1);
  const dirOnly = pattern.endsWith('/');
  if (dirOnly) pattern = pattern.slice(0, -1);
  let baseNameOnly: boolean;
  if (pattern.startsWith('/')) {
    pattern = pattern.slice(1);
    baseNameOnly = false;
  } else {
    baseNameOnly = !pattern.includes('/');
  }
  return { raw, negate, dirOnly, baseName: baseNameOnly, glob: compileGoGlob(pattern) };
}

function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
