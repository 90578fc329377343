// Reads chart archives in tests with node-tar alone, independently of the chart library's reader.
import { gunzipSync, gzipSync } from 'node:zlib';
import { Header, Parser, type HeaderData, type ReadEntry } from 'tar';

export interface TarGzEntry extends Partial<HeaderData> {
  path: string;
  /** The content; links, devices and folders have none. */
  text?: string | Buffer;
}

/**
 * A .tgz written entry by entry with node-tar's Header, for archives our packager would never
 * make: any entry type, path or order. Entries are files (mode 0644) unless they say otherwise.
 */
export function tarGz(entries: TarGzEntry[] | Record<string, string | Buffer>): Buffer {
  const list = Array.isArray(entries) ? entries : Object.entries(entries).map(([path, text]) => ({ path, text }));
  const blocks: Buffer[] = [];
  for (const { text, ...fields } of list) {
    const data = Buffer.isBuffer(text) ? text : Buffer.from(text ?? '');
    const header = new Header({ mode: 0o644, mtime: new Date(0), type: 'File', ...fields, size: data.length });
    header.encode();
    blocks.push(header.block!, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

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
