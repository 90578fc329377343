// Every archive read is bounded, whatever it claims: how far it inflates, how many entries it
// holds, how large one file is. Each case ends quickly with a clear ChartError.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { constants, createGzip, gzipSync } from 'node:zlib';
import { Header } from 'tar';
import { ChartError } from '../../src/chart/errors.js';
import { archiveFileDigests, readChartArchive } from '../../src/chart/index.js';
import { MAX_ARCHIVE_ENTRIES, MAX_INFLATED_BYTES } from '../../src/chart/limits.js';
import { tarGz } from '../support/chart-archive.js';
import { Cleanup } from '../support/tmp.js';

const cleanup = new Cleanup();
let work: string;
before(async () => {
  work = await cleanup.tempDir('chart-archive-bounds-');
});
after(() => cleanup.run());

const CHART_YAML = { path: 'app/Chart.yaml', text: 'apiVersion: v2\nname: app\nversion: 1.0.0\n' };

function header(fields: ConstructorParameters<typeof Header>[0]): Buffer {
  const h = new Header({ mode: 0o644, mtime: new Date(0), ...fields });
  h.encode();
  return h.block!;
}

/** gzip of `blocks` followed by `zeros` zero bytes, compressed as they stream (a few hundred KB). */
async function gzipWithZeros(blocks: Buffer[], zeros: number): Promise<Buffer> {
  const gzip = createGzip({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => gzip.on('end', resolve));
  for (const block of blocks) gzip.write(block);
  const chunk = Buffer.alloc(1024 * 1024);
  for (let left = zeros; left > 0; left -= chunk.length) gzip.write(left >= chunk.length ? chunk : chunk.subarray(0, left));
  gzip.end();
  await done;
  return Buffer.concat(out);
}

async function refusedQuickly(work: Promise<unknown>, reason: RegExp): Promise<void> {
  const started = performance.now();
  await assert.rejects(work, (error: unknown) => {
    assert.ok(error instanceof ChartError, `a ChartError, not ${String(error)}`);
    assert.match(error.message, reason);
    return true;
  });
  const took = performance.now() - started;
  assert.ok(took < 5000, `refused after ${took.toFixed(0)} ms`);
}

describe('archive bounds', () => {
  test('a gzip bomb stops at the inflate limit, quickly', async () => {
    // One folder entry, then 165 MiB of zeros: the end-of-archive blocks and trailing data that no
    // file limit covers. (Fed whole to node-tar, the trailing data would pile up quadratically.)
    const bomb = await gzipWithZeros([header({ path: 'app/', type: 'Directory' })], MAX_INFLATED_BYTES + 1024 * 1024);
    assert.ok(bomb.length < 1024 * 1024, `${bomb.length} bytes compressed`);
    const path = join(work, 'bomb.tgz');
    await writeFile(path, bomb);
    await refusedQuickly(readChartArchive(path), new RegExp(`it inflates to more than ${MAX_INFLATED_BYTES} bytes`));
  });

  test('too many entries', async () => {
    const blocks = [header({ path: 'app/Chart.yaml', type: 'File', size: 0 })];
    const folder = header({ path: 'app/d/', type: 'Directory' });
    for (let i = 0; i <= MAX_ARCHIVE_ENTRIES; i++) blocks.push(folder);
    blocks.push(Buffer.alloc(1024));
    const data = gzipSync(Buffer.concat(blocks));
    await refusedQuickly(archiveFileDigests(data), new RegExp(`it holds more than ${MAX_ARCHIVE_ENTRIES} entries`));
  });

  test('a file over Helm\'s 5 MiB, in a chart to push or in one to compare with', async () => {
    const big = tarGz([CHART_YAML, { path: 'app/files/big.bin', text: Buffer.alloc(5 * 1024 * 1024 + 1) }]);
    const path = join(work, 'big.tgz');
    await writeFile(path, big);
    await refusedQuickly(readChartArchive(path), /app\/files\/big\.bin is 5242881 bytes; Helm refuses chart files over 5 MiB/);
    await refusedQuickly(archiveFileDigests(big), /app\/files\/big\.bin is 5242881 bytes/);
  });
});
