// Reads chart archives in tests with node-tar alone, independently of the chart library's reader.
import { gunzipSync } from 'node:zlib';
import { Parser, type ReadEntry } from 'tar';

export interface RawTarEntry {
  path: string;
  type: string;
  data: Buffer;
}

/** Every entry of an uncompressed tar, extension headers applied, with its bytes. */
export function tarEntries(tar: Buffer): RawTarEntry[] {
  const entries: RawTarEntry[] = [];
  const parser = new Parser({
    strict: true,
    onReadEntry: (entry: ReadEntry) => {
      const chunks: Buffer[] = [];
      entries.push({ path: entry.path, type: entry.type, data: Buffer.alloc(0) });
      const found = entries[entries.length - 1]!;
      entry.on('data', (chunk: Buffer) => chunks.push(chunk));
      entry.on('end', () => void (found.data = Buffer.concat(chunks)));
    },
  });
  parser.on('error', (error: Error) => {
    throw error;
  });
  parser.end(tar);
  return entries;
}

/** The files of a chart archive by path without the top folder, bytes as stored. */
export async function archiveFiles(tgz: Buffer): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of tarEntries(gunzipSync(tgz))) {
    if (entry.type !== 'File') continue;
    files.set(entry.path.slice(entry.path.indexOf('/') + 1), entry.data);
  }
  return files;
}
