// Turns the `chart` input (directories, packaged .tgz files or globs, one per line; `!pattern`
// excludes) into the list of charts to publish, with errors that say which line matched nothing.
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export interface ChartSource {
  kind: 'directory' | 'archive' | 'classic-repo' | 'oci';
  /** Absolute path; for a remote source, the `chart` line. */
  path: string;
  /** The path relative to the workspace, as outputs and the summary show it. */
  label: string;
}

/** A source as found on disk, before it is named for the outputs. */
type Found = Omit<ChartSource, 'label'>;

export class ChartSourceError extends Error {
  override name = 'ChartSourceError';
}

export async function resolveChartSources(patterns: string[], cwd: string): Promise<ChartSource[]> {
  const excludes = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const found = new Map<string, ChartSource>();
  for (const pattern of patterns.filter((p) => !p.startsWith('!'))) {
    const matches = (isDynamicPattern(pattern) ? await expand(pattern, excludes, cwd) : [literal(pattern, cwd)]).map((s) => labelled(s, cwd));
    if (matches.length === 0) {
      throw new ChartSourceError(`chart pattern "${pattern}" matched no chart directory (with a Chart.yaml) and no .tgz file under ${cwd}`);
    }
    for (const source of matches) found.set(source.path, source);
  }
  return [...found.values()];
}

function labelled(source: Found, cwd: string): ChartSource {
  const rel = relative(cwd, source.path);
  const label = rel === '' ? '.' : rel.startsWith(`..${sep}`) || rel === '..' ? source.path : rel.split(sep).join('/');
  return { ...source, label };
}

function literal(pattern: string, cwd: string): Found {
  const path = resolve(cwd, pattern);
  if (!existsSync(path)) {
    throw new ChartSourceError(`chart "${pattern}" does not exist (looked at ${path}): set "chart" to a chart directory or a packaged .tgz, relative to the workspace`);
  }
  const source = classify(path);
  if (!source) {
    throw new ChartSourceError(`chart "${pattern}" is neither a chart directory (no Chart.yaml in ${path}) nor a packaged .tgz`);
  }
  return source;
}

async function expand(pattern: string, excludes: string[], cwd: string): Promise<Found[]> {
  const paths = await glob(pattern, { cwd, ignore: excludes, onlyFiles: false, absolute: true, dot: false, expandDirectories: false });
  return paths
    .map((p) => classify(p.replace(/[\\/]$/, '')))
    .filter((s): s is Found => s !== undefined)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function classify(path: string): Found | undefined {
  const stat = statSync(path);
  if (stat.isDirectory()) return existsSync(join(path, 'Chart.yaml')) ? { kind: 'directory', path } : undefined;
  if (stat.isFile() && path.endsWith('.tgz')) return { kind: 'archive', path };
  return undefined;
}
