// A fault-injecting HTTP proxy on loopback in front of a real registry: each request is forwarded
// as it is (the Host header kept, so upload Locations point back at the proxy) unless `decide`
// gives it a fault. A second listener plays blob storage on another origin for redirects: it
// counts any Authorization header that reaches it (credentials must never follow a redirect).
import { createHash, randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { TestRegistry } from './registry.js';

export type Fault =
  /** Answers itself with this status; the body is an OCI error, an HTML page, broken JSON or nothing. */
  | { kind: 'status'; status: number; body: 'json' | 'html' | 'invalid-json' | 'empty'; retryAfter?: string }
  /** Forwards `afterBytes` of the request body, then drops both connections. */
  | { kind: 'reset'; afterBytes: number }
  /** Reads the request and never answers. */
  | { kind: 'stall' }
  /** Forwards, then sends the response body one byte every `intervalMs`. */
  | { kind: 'trickle'; intervalMs: number }
  /** Answers 200 with a body that never ends. */
  | { kind: 'endless' }
  /** Forwards, but the answer names another Docker-Content-Digest. */
  | { kind: 'lying-digest' }
  /** GET/HEAD: 307 to the storage origin, which serves the registry's answer. */
  | { kind: 'redirect' }
  /**
   * Forwards `afterBytes` of the request body, kills the registry, refuses connections for
   * `downMs`, then restarts the registry (same port and storage) and listens again.
   */
  | { kind: 'kill-registry'; downMs: number; afterBytes: number };

export type FaultKind = Fault['kind'];

export interface ProxiedRequest {
  /** 0 for the first request the proxy sees. */
  index: number;
  method: string;
  path: string;
}

export interface FaultProxyOptions {
  registry: TestRegistry;
  decide?: (request: ProxiedRequest) => Fault | undefined;
}

export interface FaultProxy {
  /** `127.0.0.1:PORT`, to use in place of the registry's host. */
  host: string;
  /** Faults injected so far, in order. */
  injected: FaultKind[];
  /** Every request the proxy received, in order. */
  requests: ProxiedRequest[];
  /** Requests that reached the storage origin with an Authorization header (must stay 0). */
  credentialLeaks: number;
  /** Registry restarts that went wrong (the suite cannot judge runs after one). */
  restartErrors: string[];
  /** Resolves when no registry restart is under way. */
  settled(): Promise<void>;
  setDecide(decide: FaultProxyOptions['decide']): void;
  stop(): Promise<void>;
}

const HTML = '<!DOCTYPE html>\n<html><head><title>503 Service Temporarily Unavailable</title></head>\n<body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>\n';

function errorBody(kind: 'json' | 'html' | 'invalid-json' | 'empty', status: number): { type: string; body: string } {
  switch (kind) {
    case 'json':
      return { type: 'application/json', body: JSON.stringify({ errors: [{ code: status === 429 ? 'TOOMANYREQUESTS' : 'UNAVAILABLE', message: 'injected fault' }] }) };
    case 'html':
      return { type: 'text/html', body: HTML };
    case 'invalid-json':
      return { type: 'application/json', body: '{"errors": [{"code": "UNAVAILABLE", "mess\u0000\n' };
    case 'empty':
      return { type: 'text/plain', body: '' };
  }
}

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out = { ...headers };
  delete out.connection;
  delete out['keep-alive'];
  return out;
}

async function listen(server: Server, port = 0): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

async function close(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

function tracked(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  return sockets;
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const registry = options.registry;
  let decide = options.decide ?? (() => undefined);
  let index = 0;
  let restarting: Promise<void> = Promise.resolve();
  let down = false;
  const timers = new Set<NodeJS.Timeout>();
  const upstreamBasic = registry.auth === 'basic' ? `Basic ${Buffer.from(`${registry.username}:${registry.password}`).toString('base64')}` : undefined;

  const proxy: FaultProxy = {
    host: '',
    injected: [],
    requests: [],
    restartErrors: [],
    credentialLeaks: 0,
    settled: () => restarting,
    setDecide: (next) => {
      decide = next ?? (() => undefined);
    },
    stop: async () => {
      await restarting;
      for (const timer of timers) clearInterval(timer);
      await Promise.all([close(server, sockets), close(storage, storageSockets)]);
    },
  };

  /** Sends `req` on to the registry; `headers` replaces the client's (the storage origin adds its own auth). */
  function forward(req: IncomingMessage, headers = req.headers): ReturnType<typeof httpRequest> {
    // A connection per request: none is left pooled to a registry that was killed.
    const upstream = httpRequest({ host: '127.0.0.1', port: registry.port, method: req.method, path: req.url, headers: withoutHopByHop(headers), agent: false });
    upstream.on('error', () => req.socket.destroy());
    return upstream;
  }

  function relay(req: IncomingMessage, res: ServerResponse, change?: (upstream: IncomingMessage) => void): void {
    const upstream = forward(req);
    upstream.on('response', (answer) => {
      change?.(answer);
      res.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
      answer.pipe(res);
    });
    req.pipe(upstream);
  }

  // Forwards `afterBytes` of the body (all of a shorter one), then calls `cut`.
  function forwardPart(req: IncomingMessage, afterBytes: number, cut: (upstream: ReturnType<typeof httpRequest>) => void): void {
    const upstream = forward(req);
    upstream.on('response', (answer) => answer.resume());
    let sent = 0;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      cut(upstream);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      const room = afterBytes - sent;
      upstream.write(room < chunk.length ? chunk.subarray(0, room) : chunk);
      sent += Math.min(room, chunk.length);
      if (sent >= afterBytes) setTimeout(finish, 50); // let the registry take in what it got
    });
    req.on('end', () => setTimeout(finish, 50));
  }

  function inject(fault: Fault, req: IncomingMessage, res: ServerResponse): void {
    switch (fault.kind) {
      case 'status': {
        req.resume();
        const { type, body } = errorBody(fault.body, fault.status);
        res.writeHead(fault.status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}) });
        res.end(body);
        return;
      }
      case 'reset':
        forwardPart(req, fault.afterBytes, (upstream) => {
          upstream.destroy();
          req.socket.destroy();
        });
        return;
      case 'stall':
        req.resume();
        return;
      case 'trickle': {
        const upstream = forward(req);
        upstream.on('response', (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (c: Buffer) => chunks.push(c));
          answer.on('end', () => {
            const body = Buffer.concat(chunks);
            res.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
            let at = 0;
            const timer = setInterval(() => {
              if (at >= body.length || res.destroyed) {
                clearInterval(timer);
                timers.delete(timer);
                res.end();
                return;
              }
              res.write(body.subarray(at, ++at));
            }, fault.intervalMs);
            timers.add(timer);
          });
        });
        req.pipe(upstream);
        return;
      }
      case 'endless': {
        req.resume();
        res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'docker-content-digest': `sha256:${'e'.repeat(64)}` });
        const junk = randomBytes(64 * 1024);
        const pump = (): void => {
          while (!res.destroyed && res.write(junk));
          if (!res.destroyed) res.once('drain', pump);
        };
        res.on('close', () => res.removeAllListeners('drain'));
        pump();
        return;
      }
      case 'lying-digest':
        relay(req, res, (answer) => {
          if (answer.headers['docker-content-digest']) {
            proxy.injected.push('lying-digest');
            answer.headers['docker-content-digest'] = `sha256:${createHash('sha256').update(String(answer.headers['docker-content-digest'])).digest('hex')}`;
          }
        });
        return;
      case 'redirect':
        req.resume();
        res.writeHead(307, { location: `http://127.0.0.1:${storagePort}${req.url}`, 'content-length': '0' });
        res.end();
        return;
      case 'kill-registry':
        forwardPart(req, fault.afterBytes, (upstream) => {
          // One outage at a time: a second kill while the registry is down is just a dropped request.
          if (down) {
            upstream.destroy();
            req.socket.destroy();
            return;
          }
          down = true;
          restarting = (async () => {
            await registry.kill();
            upstream.destroy();
            await close(server, sockets); // new connections are refused while it is down
            await new Promise((resolve) => setTimeout(resolve, fault.downMs));
            await registry.restart();
            await listen(server, port);
          })()
            .catch((error: unknown) => {
              proxy.restartErrors.push(error instanceof Error ? error.message : String(error));
            })
            .finally(() => {
              down = false;
            });
        });
        return;
    }
  }

  const server = createServer((req, res) => {
    res.on('error', () => {});
    const request: ProxiedRequest = { index: index++, method: req.method ?? 'GET', path: req.url ?? '/' };
    proxy.requests.push(request);
    let fault = decide(request);
    // Only reads may be redirected; a write answered 307 is not a fault the client should follow.
    if (fault?.kind === 'redirect' && request.method !== 'GET' && request.method !== 'HEAD') fault = undefined;
    if (!fault) return relay(req, res);
    // A lie about a digest counts only where the answer names one.
    if (fault.kind !== 'lying-digest') proxy.injected.push(fault.kind);
    inject(fault, req, res);
  });
  server.keepAliveTimeout = 30_000;
  const sockets = tracked(server);

  // Blob storage on another origin: serves what the registry serves, with credentials of its own.
  const storage = createServer((req, res) => {
    res.on('error', () => {});
    if (req.headers.authorization) proxy.credentialLeaks++;
    const headers = { ...req.headers, host: `127.0.0.1:${proxyPort()}` };
    delete headers.authorization;
    if (upstreamBasic) headers.authorization = upstreamBasic;
    const upstream = forward(req, headers);
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  const storageSockets = tracked(storage);

  const port = await listen(server);
  const storagePort = await listen(storage);
  const proxyPort = (): number => port;
  proxy.host = `127.0.0.1:${port}`;
  return proxy;
}
