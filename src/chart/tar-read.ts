// Reading a gzipped tar in memory, synchronously: node-tar's Header and Pax classes decode the
// blocks (ustar prefix, PAX and GNU long names), this loop only walks them. Charts are small and
// Helm itself loads whole archives into memory, with the same limits.
import { gunzipSync } from 'node:zlib';
import { Header, Pax, type HeaderData } from 'tar';

export interface TarEntry {
  path: string;
  /** node-tar's type name: 'File', 'Directory', 'SymbolicLink', … */
  type: string;
  /** The mode field as stored; some writers keep the file-type bits in it. */
  mode: number;
  data: Buffer;
}

export class TarFormatError extends Error {
  override readonly name = 'TarFormatError';
}

/** Gunzips `data`; throws TarFormatError when it is not gzip or inflates past `maxBytes`. */
export function gunzip(data: Buffer, maxBytes: number): Buffer {
  if (data.length < 3 || data[0] !== 0x1f || data[1] !== 0x8b || data[2] !== 0x08) {
    throw new TarFormatError('it is not a gzip file');
  }
  try {
    return gunzipSync(data, { maxOutputLength: maxBytes });
  } catch (error) {
    if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new TarFormatError(`it inflates to more than ${maxBytes} bytes`);
    }
    throw new TarFormatError(`its gzip data is damaged (${(error as Error).message})`);
  }
}

/** Every entry of an uncompressed tar, extension headers applied and left out. */
export function readTarEntries(tar: Buffer): TarEntry[] {
  const entries: TarEntry[] = [];
  let offset = 0;
  let extended: HeaderData | undefined;
  let global: HeaderData | undefined;
  while (offset + 512 <= tar.length) {
    if (isZeroBlock(tar, offset)) break; // end-of-archive marker
    const header = new Header(tar, offset, extended, global);
    if (!header.cksumValid) throw new TarFormatError(`it is not a tar archive (bad header checksum at byte ${offset})`);
    const size = header.size ?? 0;
    const start = offset + 512;
    const end = start + size;
    if (end > tar.length) throw new TarFormatError(`it is truncated (${header.path ?? 'an entry'} ends past the end of the archive)`);
    const data = tar.subarray(start, end);
    offset = start + Math.ceil(size / 512) * 512;
    switch (header.type) {
      case 'ExtendedHeader':
      case 'OldExtendedHeader':
        extended = Pax.parse(data.toString('utf8'), extended, false);
        continue;
      case 'GlobalExtendedHeader':
        global = Pax.parse(data.toString('utf8'), global, true);
        continue;
      case 'NextFileHasLongPath':
      case 'OldGnuLongPath':
        extended = { ...extended, path: data.toString('utf8').replace(/\0.*/s, '') };
        continue;
      case 'NextFileHasLongLinkpath':
        extended = { ...extended, linkpath: data.toString('utf8').replace(/\0.*/s, '') };
        continue;
    }
    extended = undefined;
    entries.push({ path: header.path ?? '', type: header.type, mode: header.mode ?? 0, data: Buffer.from(data) });
  }
  return entries;
}

function isZeroBlock(buf: Buffer, offset: number): boolean {
  for (let i = offset; i < offset + 512; i++) if (buf[i] !== 0) return false;
  return true;
}
