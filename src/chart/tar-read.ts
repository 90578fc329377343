// Reading a gzipped tar as it streams in, so an archive is never held whole. node-tar's Parser
// decodes the blocks (ustar prefix, PAX and GNU long names, checksums, truncation); zlib inflates,
// bounded here; each entry's bytes go to whoever asked for them as they arrive.
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { Parser } from 'tar/parse';
import type { ReadEntry } from 'tar/read-entry';
import { MAX_ARCHIVE_ENTRIES, MAX_INFLATED_BYTES, MAX_TAR_META_BYTES } from './limits.js';

export interface TarEntryInfo {
  path: string;
  /** node-tar's type name: 'File', 'Directory', 'SymbolicLink', 'Link', 'FIFO', … */
  type: string;
  /** The mode field as stored; some writers keep the file-type bits in it. */
  mode: number;
  size: number;
  /** The target of a link entry. */
  linkpath?: string;
}

/** Receives an entry's bytes in order; an entry without a sink is skipped. */
export type EntrySink = (chunk: Buffer) => void;

export class TarFormatError extends Error {
  override readonly name = 'TarFormatError';
}

/** A folder entry, also when only its mode says so (as some writers do). */
export function isDirectoryEntry(entry: TarEntryInfo): boolean {
  return entry.type === 'Directory' || (entry.mode & 0o170000) === 0o040000;
}

/**
 * A tar reader fed in pieces of any size. For every entry (extension headers applied and left
 * out) it asks `onEntry` where the entry's bytes should go; errors thrown there end the read.
 */
export class TarReader {
  private readonly parser: Parser;
  private failure: Error | undefined;
  private entries = 0;
  /** The end-of-archive blocks were read: what follows is not looked at (node-tar would gather it). */
  private ended = false;

  constructor(onEntry: (entry: TarEntryInfo) => EntrySink | undefined) {
    this.parser = new Parser({
      strict: true,
      brotli: false,
      zstd: false,
      maxMetaEntrySize: MAX_TAR_META_BYTES,
      onReadEntry: (entry: ReadEntry) => {
        try {
          if (++this.entries > MAX_ARCHIVE_ENTRIES) throw new TarFormatError(`it holds more than ${MAX_ARCHIVE_ENTRIES} entries`);
          const sink = onEntry({ path: entry.path, type: entry.type, mode: entry.header.mode ?? 0, size: entry.size, linkpath: entry.linkpath });
          if (sink) entry.on('data', sink);
          else entry.resume();
        } catch (error) {
          this.fail(error);
          entry.resume();
        }
      },
    });
    this.parser.on('error', (error: Error & { tarCode?: string; entry?: ReadEntry }) => this.fail(parserError(error)));
    this.parser.on('eof', () => {
      this.ended = true;
    });
    this.parser.on('ignoredEntry', (entry: ReadEntry) => {
      this.fail(
        entry.meta
          ? new TarFormatError(`it has an extended header of ${entry.size} bytes, more than the ${MAX_TAR_META_BYTES} allowed`)
          : new TarFormatError(`${entry.path} has the tar entry type ${JSON.stringify(entry.type)}, which no chart holds`),
      );
    });
  }

  push(chunk: Buffer): void {
    if (this.ended) return;
    this.parser.write(chunk);
    this.check();
  }

  /** Call when the input is over: an entry cut short is an error. */
  end(): void {
    this.parser.end();
    this.check();
  }

  private fail(error: unknown): void {
    // Entry callbacks throw Errors; anything else is wrapped so that an Error is thrown.
    this.failure ??= error instanceof Error ? error : new Error('reading the archive failed', { cause: error });
  }

  private check(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}

function parserError(error: Error & { tarCode?: string; entry?: ReadEntry }): Error {
  if (/Truncated input/.test(error.message)) return new TarFormatError(`it is truncated (${error.entry?.path ?? 'an entry'} ends past the end of the archive)`);
  if (error.tarCode === 'TAR_ENTRY_INVALID' || error.tarCode === 'TAR_BAD_ARCHIVE') {
    return new TarFormatError(`it is not a tar archive (${error.message.replace(/^TAR_[A-Z_]+: /, '')})`);
  }
  return new TarFormatError(error.message);
}

/**
 * Gunzips `source` and feeds the tar inside to `reader`, reading all of `source`. Throws
 * TarFormatError when it is not gzip, is damaged, or inflates past MAX_INFLATED_BYTES.
 */
export async function scanTarGz(source: Buffer | AsyncIterable<Uint8Array>, reader: TarReader): Promise<void> {
  let total = 0;
  let readError: unknown;
  const feed = async (tar: AsyncIterable<Buffer>): Promise<void> => {
    try {
      for await (const chunk of tar) {
        total += chunk.length;
        if (total > MAX_INFLATED_BYTES) throw new TarFormatError(`it inflates to more than ${MAX_INFLATED_BYTES} bytes`);
        reader.push(chunk);
      }
      reader.end();
    } catch (error) {
      readError = error;
      throw error;
    }
  };
  try {
    await pipeline(gzipOnly(Buffer.isBuffer(source) ? [source] : source), createGunzip(), feed);
  } catch (error) {
    // The reader's and its entry sinks' errors pass through; the rest is zlib's or the source's.
    if (error === readError || error instanceof TarFormatError) throw error;
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
