// A classic chart repository as `helm repo index` lays it out, served over HTTP from a folder on a
// free loopback port: optional Basic auth, a log of every request (with whether it carried
// credentials), and a hook to inject faults (5xx, redirects, dropped connections) per path.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';

export interface RepoRequest {
  method: string;
  path: string;
  /** The Authorization header, if any. */
  authorization?: string;
}

export interface ChartRepoServerOptions {
  /** The folder served at `/`. */
  root: string;
  /** Basic auth required for every request. */
  auth?: { username: string; password: string };
  /**
   * Called before a request is served; return true when it has answered it (a fault, a redirect).
   * `count` is how many times this path was asked for, this request included.
   */
  intercept?: (req: IncomingMessage, res: ServerResponse, count: number) => boolean;
  /** Serve HTTPS with this certificate (PEM) instead of plain HTTP. */
  tls?: { certPem: string; keyPem: string };
}

export interface ChartRepoServer {
  /** `http://127.0.0.1:PORT/` (https:// with `tls`) */
  url: string;
  host: string;
  requests: RepoRequest[];
  stop(): Promise<void>;
}

export async function startChartRepoServer(options: ChartRepoServerOptions): Promise<ChartRepoServer> {
  const requests: RepoRequest[] = [];
  const counts = new Map<string, number>();
  const expected = options.auth ? `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}` : undefined;
  const listener: RequestListener = (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push({ method: req.method ?? '', path, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    const count = (counts.get(path) ?? 0) + 1;
    counts.set(path, count);
    if (options.intercept?.(req, res, count)) return;
    if (expected && req.headers.authorization !== expected) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="charts"', 'content-type': 'text/plain' }).end('unauthorized\n');
      return;
    }
    void serveFile(options.root, path, res);
  };
  const server = options.tls ? createTlsServer({ cert: options.tls.certPem, key: options.tls.keyPem }, listener) : createServer(listener);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}/`,
    host: `127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serveFile(root: string, path: string, res: ServerResponse): Promise<void> {
  const file = normalize(join(root, path));
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    const type = file.endsWith('.yaml') ? 'application/x-yaml' : file.endsWith('.tgz') ? 'application/gzip' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'content-length': String(info.size) });
    createReadStream(file).pipe(res);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found\n');
  }
}
