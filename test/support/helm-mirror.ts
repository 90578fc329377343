// A loopback HTTP server laid out like get.helm.sh, built from the real Helm binaries in
// .cache/helm/<version>/helm (linux amd64): helm-v<v>-linux-amd64.tar.gz holding linux-amd64/helm,
// and <asset>.sha256sum as "<hex>  <asset>". It counts requests per path.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { create as createTar } from 'tar';

const HELM_CACHE = fileURLToPath(new URL('../../.cache/helm/', import.meta.url));

export interface HelmMirrorOptions {
  /** Serve each tarball with an extra file in it, so it no longer matches the published checksum. */
  tamper?: boolean;
  /** Path the files are served under, e.g. '/helm' for http://127.0.0.1:port/helm/…; default ''. */
  prefix?: string;
}

export interface HelmMirror {
  /** Base URL to give as helm-mirror (no trailing slash). */
  url: string;
  /** Requests so far for a path or a file name (e.g. 'helm-v3.18.0-linux-amd64.tar.gz'); all requests without one. */
  requests(pathOrName?: string): number;
  stop(): Promise<void>;
}

/** Where a real Helm binary for tests is, or undefined when `npm test`'s setup has not fetched it. */
export function realHelmBinary(version: string): string | undefined {
  const path = join(HELM_CACHE, version, 'helm');
  return existsSync(path) ? path : undefined;
}

export async function startHelmMirror(opts: HelmMirrorOptions = {}): Promise<HelmMirror> {
  const work = await mkdtemp(join(tmpdir(), 'helm-mirror-'));
  const prefix = (opts.prefix ?? '').replace(/\/+$/, '');
  const counts = new Map<string, number>();
  // Each version's files are built on its first request, once.
  const built = new Map<string, Promise<{ tarball: string; checksum: string } | undefined>>();

  const assetsFor = (version: string) => {
    let entry = built.get(version);
    if (!entry) {
      entry = buildAssets(work, version, opts.tamper ?? false);
      built.set(version, entry);
    }
    return entry;
  };

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://mirror').pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const name = path.startsWith(`${prefix}/`) ? path.slice(prefix.length + 1) : '';
    const match = /^helm-v([^/]+)-linux-amd64\.tar\.gz(\.sha256sum)?$/.exec(name);
    const notFound = () => {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    };
    if (!match || (req.method !== 'GET' && req.method !== 'HEAD')) return notFound();
    assetsFor(match[1]!).then(
      async (assets) => {
        if (!assets) return notFound();
        if (match[2]) {
          const body = assets.checksum;
          res.writeHead(200, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) });
          res.end(req.method === 'HEAD' ? undefined : body);
          return;
        }
        const { size } = await stat(assets.tarball);
        res.writeHead(200, { 'content-type': 'application/x-tar', 'content-length': size });
        if (req.method === 'HEAD') return res.end();
        createReadStream(assets.tarball).pipe(res);
      },
      (error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(`${String(error)}\n`);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('helm mirror: no TCP address');

  return {
    url: `http://127.0.0.1:${address.port}${prefix}`,
    requests(pathOrName?: string) {
      let total = 0;
      for (const [path, n] of counts) {
        if (pathOrName === undefined || path === pathOrName || basename(path) === pathOrName) total += n;
      }
      return total;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(work, { recursive: true, force: true });
    },
  };
}

async function buildAssets(work: string, version: string, tamper: boolean) {
  const binary = realHelmBinary(version);
  if (!binary) return undefined;
  const asset = `helm-v${version}-linux-amd64.tar.gz`;
  const stage = join(work, `stage-${version}`);
  await mkdir(join(stage, 'linux-amd64'), { recursive: true });
  // A symlink packed with `follow` avoids copying a 60 MB binary.
  await symlink(binary, join(stage, 'linux-amd64', 'helm'));
  const entries = ['linux-amd64/helm'];
  const tarball = join(work, asset);
  // The checksum is always that of the genuine archive, as the real mirror would publish it.
  await createTar({ gzip: { level: 1 }, cwd: stage, file: tarball, follow: true, portable: true }, entries);
  const checksum = `${await sha256(tarball)}  ${asset}\n`;
  if (tamper) {
    // Still a valid archive with a working helm inside: only the checksum can tell.
    await writeFile(join(stage, 'linux-amd64', 'EXTRA'), 'not from the Helm project\n');
    await createTar({ gzip: { level: 1 }, cwd: stage, file: tarball, follow: true, portable: true }, [...entries, 'linux-amd64/EXTRA']);
  }
  return { tarball, checksum };
}

async function sha256(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}
