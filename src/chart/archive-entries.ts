// An archive pushed as it is must hold only what `helm package` writes: regular files under one
// top folder named after the chart, with clean relative paths, each once (folder entries, which
// other tar tools add, are harmless). Helm's loader refuses `..` paths at install time and
// silently drops or rewrites the rest: links, devices and FIFOs become empty files, a leading
// "/" or a second top folder is taken for the top folder and its files join the chart. `helm push`
// pushes all of them; here they are refused before anything is sent, naming the entry.
import { ChartError } from './errors.js';
import { isDirectoryEntry, type TarEntryInfo } from './tar-read.js';

const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);

export class PackagedEntries {
  private top?: string;
  private readonly paths = new Set<string>();

  constructor(private readonly where: string) {}

  /** Throws a ChartError when `helm package` would never have written `entry`. */
  check(entry: TarEntryInfo): void {
    const why = this.problem(entry);
    if (why) {
      throw new ChartError(`${this.where} holds the entry ${JSON.stringify(entry.path)}, ${why}. "helm package" never writes such an entry; package the chart folder with "helm package" (or give the folder) instead`);
    }
  }

  /** The top folder, once every entry has been checked, must carry the chart's name. */
  checkTopFolder(chartName: string): void {
    if (this.top !== undefined && this.top !== chartName) {
      throw new ChartError(
        `${this.where} has its files under the top folder ${JSON.stringify(this.top)}, but Chart.yaml names the chart ${JSON.stringify(chartName)}; ` +
          `"helm package" names the top folder after the chart: package the chart folder with "helm package" instead`,
      );
    }
  }

  private problem(entry: TarEntryInfo): string | undefined {
    const directory = isDirectoryEntry(entry);
    if (!directory && !FILE_TYPES.has(entry.type)) return typeProblem(entry);
    const path = entry.path;
    if (path.startsWith('/')) return 'an absolute path (Helm would take the root for the top folder and load the rest as chart files)';
    if (/^[a-zA-Z]:/.test(path)) return 'a Windows drive path';
    if (path.includes('\\')) return 'a backslash, which Helm reads as a folder separator, so the file would land elsewhere';
    const segments = (directory ? path.replace(/\/$/, '') : path).split('/');
    if (segments.includes('..')) return 'a ".." path segment (Helm refuses to load such a chart, or loads the file elsewhere)';
    if (segments.some((s) => s === '' || s === '.')) return 'an empty or "." path segment (Helm would load the file under another path)';
    if (!directory && segments.length < 2) return 'a file outside the top folder (Helm refuses to load such a chart)';
    const top = segments[0]!;
    if (this.top === undefined) this.top = top;
    else if (top !== this.top) return `a second top folder beside ${JSON.stringify(this.top)} (Helm would merge its files into the chart)`;
    if (!directory) {
      if (this.paths.has(path)) return 'a second entry for the same path (Helm would load both)';
      this.paths.add(path);
    }
    return undefined;
  }
}

function typeProblem(entry: TarEntryInfo): string {
  const target = entry.linkpath === undefined ? '' : ` to ${JSON.stringify(entry.linkpath)}`;
  switch (entry.type) {
    case 'SymbolicLink': return `a symbolic link${target} (Helm would install it as an empty file)`;
    case 'Link': return `a hard link${target} (Helm would install it as an empty file)`;
    case 'CharacterDevice':
    case 'BlockDevice': return 'a device file (Helm would install it as an empty file)';
    case 'FIFO': return 'a named pipe (Helm would install it as an empty file)';
    default: return `a tar entry of type ${JSON.stringify(entry.type)} (not a regular file)`;
  }
}
