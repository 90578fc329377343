// Reading a gzipped tar as it streams in, so an archive is never held whole: node-tar's Header
// and Pax classes decode the blocks (ustar prefix, PAX and GNU long names), TarScanner only walks
// them, and each entry's bytes go to whoever asked for them as they arrive.
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { Header, type HeaderData } from 'tar/header';
import { Pax } from 'tar/pax';

const BLOCK = 512;
/** PAX and GNU long-name records above this are refused (node-tar's own default). */
const MAX_META_BYTES = 1024 * 1024;

export interface TarEntryInfo {
  path: string;
  /** node-tar's type name: 'File', 'Directory', 'SymbolicLink', … */
  type: string;
  /** The mode field as stored; some writers keep the file-type bits in it. */
  mode: number;
  size: number;
}

export interface TarEntry extends TarEntryInfo {
  data: Buffer;
}

/** Receives an entry's bytes in order; an entry without a sink is skipped. */
export type EntrySink = (chunk: Buffer) => void;

export class TarFormatError extends Error {
  override readonly name = 'TarFormatError';
}

/**
 * A tar reader fed in pieces of any size. For every file entry (extension headers applied and
 * left out) it asks `onEntry` where the entry's bytes should go. It stops at the end-of-archive
 * block and ignores a partial block at the very end.
 */
export class TarScanner {
  private readonly header = Buffer.alloc(BLOCK);
  private headerFill = 0;
  /** Bytes before the current header, for messages. */
  private offset = 0;
  private body?: { name: string; span: number; remaining: number; padding: number; sink?: EntrySink; meta?: { type: string; chunks: Buffer[] } };
  private extended?: HeaderData;
  private global?: HeaderData;
  private ended = false;

  constructor(private readonly onEntry: (entry: TarEntryInfo) => EntrySink | undefined) {}

  push(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length && !this.ended) {
      const body = this.body;
      if (body) {
        const data = Math.min(body.remaining, chunk.length - pos);
        if (data > 0) {
          const piece = chunk.subarray(pos, pos + data);
          if (body.meta) body.meta.chunks.push(Buffer.from(piece));
          else body.sink?.(piece);
          body.remaining -= data;
          pos += data;
        }
        if (body.remaining === 0) {
          const skip = Math.min(body.padding, chunk.length - pos);
          body.padding -= skip;
          pos += skip;
          if (body.padding === 0) this.finishEntry();
        }
        continue;
      }
      const take = Math.min(BLOCK - this.headerFill, chunk.length - pos);
      chunk.copy(this.header, this.headerFill, pos, pos + take);
      this.headerFill += take;
      pos += take;
      if (this.headerFill === BLOCK) {
        this.headerFill = 0;
        this.readHeader();
      }
    }
  }

  /** Call when the input is over: an entry cut short is an error. */
  end(): void {
    if (this.body && this.body.remaining > 0) {
      throw new TarFormatError(`it is truncated (${this.body.name} ends past the end of the archive)`);
    }
  }

  private readHeader(): void {
    if (this.header.every((byte) => byte === 0)) {
      this.ended = true; // end-of-archive marker
      return;
    }
    const header = new Header(this.header, 0, this.extended, this.global);
    if (!header.cksumValid) throw new TarFormatError(`it is not a tar archive (bad header checksum at byte ${this.offset})`);
    const size = header.size ?? 0;
    const name = header.path ?? 'an entry';
    const padding = (BLOCK - (size % BLOCK)) % BLOCK;
    const body: NonNullable<TarScanner['body']> = { name, span: BLOCK + size + padding, remaining: size, padding };
    switch (header.type) {
      case 'ExtendedHeader':
      case 'OldExtendedHeader':
      case 'GlobalExtendedHeader':
      case 'NextFileHasLongPath':
      case 'OldGnuLongPath':
      case 'NextFileHasLongLinkpath':
        if (size > MAX_META_BYTES) throw new TarFormatError(`it has an extended header of ${size} bytes, more than the ${MAX_META_BYTES} allowed`);
        body.meta = { type: header.type, chunks: [] };
        break;
      default:
        this.extended = undefined;
        body.sink = this.onEntry({ path: header.path ?? '', type: header.type, mode: header.mode ?? 0, size });
    }
    this.body = body;
    if (size === 0) this.finishEntry();
  }

  private finishEntry(): void {
    const body = this.body!;
    this.body = undefined;
    this.offset += body.span;
    if (!body.meta) return;
    const text = Buffer.concat(body.meta.chunks).toString('utf8');
    switch (body.meta.type) {
      case 'GlobalExtendedHeader':
        this.global = Pax.parse(text, this.global, true);
        break;
      case 'NextFileHasLongPath':
      case 'OldGnuLongPath':
        this.extended = { ...this.extended, path: text.replace(/\0.*/s, '') };
        break;
      case 'NextFileHasLongLinkpath':
        this.extended = { ...this.extended, linkpath: text.replace(/\0.*/s, '') };
        break;
      default:
        this.extended = Pax.parse(text, this.extended, false);
    }
  }
}

/** Every entry of an uncompressed tar in memory, with its bytes. */
export function readTarEntries(tar: Buffer): TarEntry[] {
  const found: Array<TarEntryInfo & { chunks: Buffer[] }> = [];
  const scanner = new TarScanner((info) => {
    const entry = { ...info, chunks: [] as Buffer[] };
    found.push(entry);
    return (chunk) => entry.chunks.push(chunk);
  });
  scanner.push(tar);
  scanner.end();
  return found.map(({ chunks, ...info }) => ({ ...info, data: Buffer.concat(chunks) }));
}

/**
 * Gunzips `source` and feeds the tar inside to `scanner`, reading all of `source`. Throws
 * TarFormatError when it is not gzip, is damaged, or inflates past `maxBytes`.
 */
export async function scanTarGz(source: Buffer | AsyncIterable<Uint8Array>, maxBytes: number, scanner: TarScanner): Promise<void> {
  let total = 0;
  let scanError: unknown;
  const feed = async (tar: AsyncIterable<Buffer>): Promise<void> => {
    try {
      for await (const chunk of tar) {
        total += chunk.length;
        if (total > maxBytes) throw new TarFormatError(`it inflates to more than ${maxBytes} bytes`);
        scanner.push(chunk);
      }
      scanner.end();
    } catch (error) {
      scanError = error;
      throw error;
    }
  };
  try {
    await pipeline(gzipOnly(Buffer.isBuffer(source) ? [source] : source), createGunzip(), feed);
  } catch (error) {
    // The scanner's and its entry sinks' errors pass through; the rest is zlib's or the source's.
    if (error === scanError || error instanceof TarFormatError) throw error;
    if (isZlibError(error)) throw new TarFormatError(`its gzip data is damaged (${(error as Error).message})`);
    throw error;
  }
}

// Checks the gzip magic before anything is inflated.
async function* gzipOnly(source: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  let head: Buffer | undefined = Buffer.alloc(0);
  for await (const chunk of source) {
    if (!head) {
      yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      continue;
    }
    head = Buffer.concat([head, chunk]);
    if (head.length < 3) continue;
    if (!isGzip(head)) throw new TarFormatError('it is not a gzip file');
    yield head;
    head = undefined;
  }
  if (head) throw new TarFormatError('it is not a gzip file');
}

function isZlibError(error: unknown): boolean {
  return typeof (error as NodeJS.ErrnoException)?.code === 'string' && (error as NodeJS.ErrnoException).code!.startsWith('Z_');
}

function isGzip(data: Buffer): boolean {
  return data.length >= 3 && data[0] === 0x1f && data[1] === 0x8b && data[2] === 0x08;
}
