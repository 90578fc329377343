// A reproducible .tgz: the same files and mtime give the same bytes on any machine and Node
// version. Entries are plain files (no folder entries), mode 0644, uid/gid 0, no user or group
// names, all stamped with one mtime. Headers come from node-tar's Header and Pax classes; a path
// that is not short ASCII gets a PAX record. Compression is fflate (pure JavaScript, fixed level)
// instead of zlib, whose output may differ between builds; the gzip header carries no time, no
// name and the Unix OS byte. fflate's output also depends on how its input is split into pushes,
// so the split is fixed too: one push per tar header, file content and padding.
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { Gzip } from 'fflate';
import { Header } from 'tar/header';
import { Pax } from 'tar/pax';

const BLOCK = 512;
/**
 * Measured with fflate 0.8 on a `helm create` chart, 470 KB of CRD-like YAML and 50 MB of random
 * bytes: level 6 is 0.35–0.8% larger than level 9 in 60–70% of the time; 5 and below grow by
 * 1.5% and more, 7 and up cost more time than they save bytes. On data that does not compress,
 * every level costs the same.
 */
const COMPRESSION_LEVEL = 6;
/**
 * A 2^18-entry hash table (512 KiB). Left unset, fflate's streaming mode uses 2^20 and then
 * hashes the last block with a smaller mask, which made small charts 9% larger and slower;
 * 2^18 fits the CPU cache and is the fastest on random data too.
 */
const MEMORY_LEVEL = 6;
/** Compressed bytes gathered before a write. */
const WRITE_BATCH_BYTES = 1024 * 1024;

class DeterministicTarGz {
  private readonly gzip: Gzip;
  private readonly mtime: Date;
  private finished = false;

  /** `ondata` receives the compressed bytes as they are made. */
  constructor(mtime: Date, ondata: (chunk: Uint8Array) => void) {
    // Tar keeps whole seconds; a fraction would otherwise leak into PAX records.
    this.mtime = new Date(Math.floor(mtime.getTime() / 1000) * 1000);
    this.gzip = new Gzip({ level: COMPRESSION_LEVEL, mem: MEMORY_LEVEL, mtime: 0 }, (chunk) => ondata(chunk));
  }

  /** Appends one file; `path` is the full path inside the archive, `/`-separated. */
  addFile(path: string, data: Uint8Array): void {
    if (this.finished) throw new Error('the archive is already finished');
    const ustarSafe = Buffer.byteLength(path) < 100 && /^[\x20-\x7e]*$/.test(path);
    if (!ustarSafe) {
      // The PAX record carries the real path; the ustar field gets a short ASCII stand-in
      // (node-tar's own fallback), so node-tar never splits paths with the host's path module.
      this.push(new Pax({ path, mtime: this.mtime }).encode());
    }
    const header = new Header({
      path: ustarSafe ? path : standIn(path),
      mode: 0o644,
      uid: 0,
      gid: 0,
      size: data.length,
      mtime: this.mtime,
      type: 'File',
    });
    header.encode();
    this.push(header.block!);
    this.push(data);
    const padding = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (padding > 0) this.push(new Uint8Array(padding));
  }

  /** Writes the end-of-archive blocks and the gzip trailer. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.gzip.push(new Uint8Array(BLOCK * 2), true);
  }

  private push(data: Uint8Array): void {
    if (data.length > 0) this.gzip.push(data, false);
  }
}

/**
 * How much of a run's archives may stay in memory instead of temp files: archives up to
 * `perArchive` bytes, up to `total` bytes in all. Small charts then never touch the disk (a temp
 * folder, a file, a read stream and its removal cost more CPU than packaging them).
 */
export class ArchiveMemory {
  constructor(
    readonly perArchive: number,
    private left: number,
  ) {}

  /** Takes `bytes` from what is left; false (and nothing taken) when that is not enough. */
  take(bytes: number): boolean {
    if (bytes > this.left) return false;
    this.left -= bytes;
    return true;
  }

  giveBack(bytes: number): void {
    this.left += bytes;
  }
}

/** The finished archive: its bytes when it stayed in memory, else the file it was written to. */
export type WrittenArchive = { digest: string; size: number } & ({ bytes: Buffer } | { path: string });

/**
 * A DeterministicTarGz hashed as it is made and kept in memory while `memory` allows (never, when
 * there is none); past that it goes to the file `createFile` names, one batch at a time, so memory
 * holds one source file and its compressed bytes, never a large archive.
 */
export class TarGzOutput {
  private readonly tar: DeterministicTarGz;
  private readonly hash = createHash('sha256');
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private size = 0;
  /** Bytes taken from `memory` for the pending chunks, while the archive is in memory. */
  private held = 0;
  private file?: { path: string; handle: FileHandle };

  constructor(
    mtime: Date,
    private readonly createFile: () => Promise<string>,
    private readonly memory?: ArchiveMemory,
  ) {
    this.tar = new DeterministicTarGz(mtime, (chunk) => {
      this.hash.update(chunk);
      this.size += chunk.length;
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
    });
  }

  async addFile(path: string, data: Uint8Array): Promise<void> {
    this.tar.addFile(path, data);
    await this.place();
  }

  /** Ends the archive; a file is closed. */
  async finish(): Promise<WrittenArchive> {
    this.tar.finish();
    await this.place();
    const digest = `sha256:${this.hash.digest('hex')}`;
    if (!this.file) return { digest, size: this.size, bytes: Buffer.concat(this.pending) };
    try {
      await this.flush();
    } finally {
      await this.file.handle.close();
    }
    return { digest, size: this.size, path: this.file.path };
  }

  /** Lets go of the archive after an error: the file is closed, the memory given back. */
  async abandon(): Promise<void> {
    this.memory?.giveBack(this.held);
    this.held = 0;
    await this.file?.handle.close().catch(() => {});
  }

  // Keeps the new bytes in memory if they fit, else moves the archive to its file.
  private async place(): Promise<void> {
    if (!this.file) {
      const more = this.pendingBytes - this.held;
      if (this.memory && this.pendingBytes <= this.memory.perArchive && this.memory.take(more)) {
        this.held = this.pendingBytes;
        return;
      }
      this.memory?.giveBack(this.held);
      this.held = 0;
      const path = await this.createFile();
      this.file = { path, handle: await open(path, 'w') };
    }
    // Small archives are written in one go; large files as soon as they are compressed.
    if (this.pendingBytes >= WRITE_BATCH_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    const chunks = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    // writev may write only part of what it is given; the rest is written again.
    let rest = chunks;
    while (rest.length > 0) {
      let { bytesWritten } = await this.file!.handle.writev(rest);
      const left: Uint8Array[] = [];
      for (const chunk of rest) {
        if (bytesWritten >= chunk.length) bytesWritten -= chunk.length;
        else {
          left.push(chunk.subarray(bytesWritten));
          bytesWritten = 0;
        }
      }
      rest = left;
    }
  }
}

/** The first 99 bytes' worth of ASCII, for the ustar name field of a PAX entry. */
function standIn(path: string): string {
  return path.replace(/[^\x20-\x7e]/g, '_').slice(0, 99);
}
