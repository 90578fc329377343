// A small HTTP forward proxy on loopback: CONNECT tunnels (what clients use for https://, and
// undici for http:// too) and absolute-URI forwarding for plain http://. It records where each
// request went, so tests can prove which hosts went through the proxy and which bypassed it.
// It only forwards to loopback targets, so a misconfigured test can never reach the network.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, isIP, type AddressInfo, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';

export interface ProxyRecord {
  /** `connect` for a CONNECT tunnel, `forward` for an absolute-URI request. */
  kind: 'connect' | 'forward';
  /** `host:port` the client asked for. */
  target: string;
  method: string;
  /** Path and query of a forwarded request (tunnels are opaque). */
  path?: string;
  /** Whether a Proxy-Authorization header came along (its value is never kept). */
  withProxyAuth: boolean;
  /** Status the proxy itself answered with, or 200 when it passed the exchange on. */
  status: number;
}

export interface ForwardProxyOptions {
  /** Require these Basic proxy credentials (else 407). */
  auth?: { username: string; password: string };
}

export interface ForwardProxy {
  /** `http://127.0.0.1:PORT`, for HTTPS_PROXY / HTTP_PROXY. */
  url: string;
  host: string;
  port: number;
  readonly records: ProxyRecord[];
  /** Distinct `host:port` targets, in first-seen order. */
  targets(): string[];
  stop(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'upgrade']);

function isLoopback(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1';
}

function splitTarget(target: string): { hostname: string; port: number } | undefined {
  const match = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(target);
  if (!match) return undefined;
  return { hostname: match[1]!.replace(/^\[|\]$/g, ''), port: Number(match[2]) };
}

/** Starts the proxy on a free 127.0.0.1 port. */
export async function startForwardProxy(options: ForwardProxyOptions = {}): Promise<ForwardProxy> {
  const records: ProxyRecord[] = [];
  const sockets = new Set<Socket | Duplex>();
  const expectedAuth = options.auth
    ? `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}`
    : undefined;

  const authorized = (req: IncomingMessage): boolean => expectedAuth === undefined || req.headers['proxy-authorization'] === expectedAuth;
  const track = <T extends Socket | Duplex>(socket: T): T => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    return socket;
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute URI required');
      return;
    }
    const target = `${url.hostname}:${url.port || '80'}`;
    const entry: ProxyRecord = { kind: 'forward', target, method: req.method ?? '', path: `${url.pathname}${url.search}`, withProxyAuth: req.headers['proxy-authorization'] !== undefined, status: 200 };
    records.push(entry);
    if (!authorized(req)) {
      entry.status = 407;
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="test-proxy"' }).end();
      return;
    }
    if (url.protocol !== 'http:' || !isLoopback(url.hostname)) {
      entry.status = 403;
      res.writeHead(403).end('this test proxy only forwards http:// to loopback');
      return;
    }
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
    const upstream = httpRequest(
      { hostname: url.hostname.replace(/^\[|\]$/g, ''), port: url.port || 80, method: req.method, path: entry.path, headers },
      (upstreamRes) => {
        const responseHeaders = Object.fromEntries(Object.entries(upstreamRes.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
        res.writeHead(upstreamRes.statusCode ?? 502, responseHeaders);
        upstreamRes.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      entry.status = 502;
      if (!res.headersSent) res.writeHead(502).end(`upstream error: ${error.message}`);
      else res.destroy();
    });
    req.pipe(upstream);
  });

  server.on('connect', (req: IncomingMessage, clientSocket: Duplex, head: Buffer) => {
    track(clientSocket);
    const target = req.url ?? '';
    const entry: ProxyRecord = { kind: 'connect', target, method: 'CONNECT', withProxyAuth: req.headers['proxy-authorization'] !== undefined, status: 200 };
    records.push(entry);
    const answer = (status: number, text: string, extra = ''): void => {
      entry.status = status;
      clientSocket.end(`HTTP/1.1 ${status} ${text}\r\n${extra}Content-Length: 0\r\n\r\n`);
    };
    if (!authorized(req)) {
      answer(407, 'Proxy Authentication Required', 'Proxy-Authenticate: Basic realm="test-proxy"\r\n');
      return;
    }
    const parsed = splitTarget(target);
    if (!parsed || !isLoopback(parsed.hostname)) {
      answer(403, 'Forbidden');
      return;
    }
    const upstream = track(connect(parsed.port, parsed.hostname));
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    upstream.on('error', () => {
      if (!connected) answer(502, 'Bad Gateway');
      else clientSocket.destroy();
    });
    clientSocket.on('error', () => upstream.destroy());
  });

  server.on('connection', (socket) => track(socket));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    port,
    records,
    targets: () => [...new Set(records.map((r) => r.target))],
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
