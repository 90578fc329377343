// A reproducible .tgz: the same files and mtime give the same bytes on any machine and Node
// version. Entries are plain files (no folder entries), mode 0644, uid/gid 0, no user or group
// names, all stamped with one mtime. Headers come from node-tar's Header and Pax classes; a path
// that is not short ASCII gets a PAX record. Compression is fflate (pure JavaScript, fixed level)
// instead of zlib, whose output may differ between builds; the gzip header carries no time, no
// name and the Unix OS byte.
import { Gzip } from 'fflate';
import { Header, Pax } from 'tar';

const BLOCK = 512;
const COMPRESSION_LEVEL = 9;

export class DeterministicTarGz {
  private readonly chunks: Uint8Array[] = [];
  private readonly gzip: Gzip;
  private readonly mtime: Date;
  private finished = false;

  constructor(mtime: Date) {
    // Tar keeps whole seconds; a fraction would otherwise leak into PAX records.
    this.mtime = new Date(Math.floor(mtime.getTime() / 1000) * 1000);
    this.gzip = new Gzip({ level: COMPRESSION_LEVEL, mtime: 0 }, (chunk) => {
      this.chunks.push(chunk);
    });
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

  /** Writes the end-of-archive blocks and returns the whole .tgz. */
  finish(): Buffer {
    if (!this.finished) {
      this.finished = true;
      this.gzip.push(new Uint8Array(BLOCK * 2), true);
    }
    return Buffer.concat(this.chunks);
  }

  private push(data: Uint8Array): void {
    if (data.length > 0) this.gzip.push(data, false);
  }
}

/** The first 99 bytes' worth of ASCII, for the ustar name field of a PAX entry. */
function standIn(path: string): string {
  return path.replace(/[^\x20-\x7e]/g, '_').slice(0, 99);
}
