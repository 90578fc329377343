// Reads a chart folder the way Helm's LoadDir does: names sorted by their bytes at each level,
// symbolic links followed, .helmignore applied to folders (skipped whole) and files, a UTF-8 BOM
// stripped from each file, and irregular or over-5-MiB files refused. Contents are read when
// asked for, one file at a time, so a large chart is never held in memory whole.
import { lstatSync, readFileSync } from 'node:fs';
import { readdir, readlink, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ChartError, isFsError } from './errors.js';
import { HelmIgnore, HelmIgnoreSyntaxError } from './go/helmignore.js';
import { MAX_FILE_BYTES } from './limits.js';

export interface ChartFile {
  /** Path relative to the chart, `/`-separated. */
  name: string;
  /** Bytes as stored, for the size limits. */
  size: number;
  /** The content, a UTF-8 BOM stripped. */
  read(): Promise<Buffer>;
}

interface ChartDirectory {
  files: ChartFile[];
  ignore: HelmIgnore;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function stripBom(data: Buffer): Buffer {
  return data.subarray(0, 3).equals(BOM) ? data.subarray(3) : data;
}

/** Every file Helm would load from the chart folder `dir`, in Helm's order. */
export async function readChartDirectory(dir: string): Promise<ChartDirectory> {
  const rootStat = await stat(dir).catch((error: unknown) => {
    if (isFsError(error) && error.code === 'ENOENT') throw new ChartError(`chart folder ${dir} does not exist`);
    throw fsError(error, dir);
  });
  if (!rootStat.isDirectory()) throw new ChartError(`${dir} is not a folder; give the folder that holds Chart.yaml`);
  const ignore = await readHelmIgnore(dir);
  const files: ChartFile[] = [];
  await walk(dir, '', ignore, files, new Set([`${rootStat.dev}:${rootStat.ino}`]), dir);
  return { files, ignore };
}

async function readHelmIgnore(dir: string): Promise<HelmIgnore> {
  const path = join(dir, '.helmignore');
  let text: string;
  try {
    if (!(await stat(path)).isFile()) return HelmIgnore.defaults();
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (isFsError(error) && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) return HelmIgnore.defaults();
    throw fsError(error, path);
  }
  try {
    return HelmIgnore.parse(text);
  } catch (error) {
    if (error instanceof HelmIgnoreSyntaxError) throw new ChartError(`${path} ${error.message}`, { cause: error });
    throw error;
  }
}

async function walk(absDir: string, relDir: string, ignore: HelmIgnore, files: ChartFile[], ancestors: Set<string>, shownRoot: string): Promise<void> {
  const names = await readdir(absDir, { encoding: 'buffer' }).catch((error: unknown) => {
    throw fsError(error, absDir);
  });
  names.sort((a, b) => Buffer.compare(a, b));
  for (const rawName of names) {
    const name = rawName.toString('utf8');
    const rel = relDir === '' ? name : `${relDir}/${name}`;
    const abs = join(absDir, name);
    const shown = join(shownRoot, rel);
    if (!Buffer.from(name, 'utf8').equals(rawName)) {
      throw new ChartError(`${join(shownRoot, relDir)} holds a file whose name is not valid UTF-8 (${JSON.stringify(name)}); rename it or add it to .helmignore`);
    }
    // Synchronous lstat and read: for chart-sized files a thread-pool round trip per call costs
    // more CPU than the call itself, and the action is CPU-bound.
    let info;
    try {
      info = lstatSync(abs);
    } catch (error) {
      throw fsError(error, shown);
    }
    if (info.isSymbolicLink()) {
      let target: string;
      try {
        target = await realpath(abs);
        info = await stat(target);
      } catch (error) {
        // Helm fails on any dangling link; one that .helmignore excludes is safe to skip.
        if (ignore.ignores(rel, false)) continue;
        const pointsTo = await readlink(abs).catch(() => '?');
        throw new ChartError(`${shown} is a symbolic link to ${pointsTo}, which cannot be read (${(error as Error).message}); fix or remove the link, or add it to .helmignore`, { cause: error });
      }
    }
    if (info.isDirectory()) {
      if (ignore.ignores(rel, true)) continue;
      const key = `${info.dev}:${info.ino}`;
      if (ancestors.has(key)) throw new ChartError(`${shown} links back to a folder that contains it (a symbolic link loop); remove the link or add it to .helmignore`);
      await walk(abs, rel, ignore, files, new Set([...ancestors, key]), shownRoot);
      continue;
    }
    if (ignore.ignores(rel, false)) continue;
    if (!info.isFile()) {
      throw new ChartError(`${shown} is not a regular file (a device, socket or pipe) and Helm cannot package it; remove it or add it to .helmignore`);
    }
    if (info.size > MAX_FILE_BYTES) {
      throw new ChartError(`${shown} is ${info.size} bytes; Helm refuses chart files over 5 MiB (${MAX_FILE_BYTES} bytes): add it to .helmignore or make it smaller`);
    }
    files.push({
      name: rel,
      size: info.size,
      read: () => {
        try {
          return Promise.resolve(stripBom(readFileSync(abs)));
        } catch (error) {
          return Promise.reject(fsError(error, shown));
        }
      },
    });
  }
}

function fsError(error: unknown, path: string): Error {
  if (isFsError(error)) {
    const what = error.code === 'EACCES' || error.code === 'EPERM' ? 'cannot be read (permission denied)' : `cannot be read (${error.code})`;
    return new ChartError(`${path} ${what}`, { cause: error });
  }
  return error as Error;
}
