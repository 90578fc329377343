// A TCP proxy on loopback that makes a local server look remote: every chunk is held `delayMs` in
// each direction (so a request/response costs 2 × delayMs), and a new connection first pays one
// extra round trip, as a TCP handshake to a remote host would (TLS is not modelled). It reads the
// client → server byte stream as HTTP/1.1 to count requests (method and path, bodies skipped by
// Content-Length or chunked framing) and counts connections.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface SeenRequest {
  /** Where this proxy sits in front of, e.g. "registry" or "token". */
  target: string;
  method: string;
  path: string;
  /** performance.now() when the request head arrived at the proxy. */
  at: number;
}

/** Shared by several proxies so their requests form one ordered log. */
export class RequestLog {
  readonly requests: SeenRequest[] = [];
  connections = 0;

  mark(): number {
    return this.requests.length;
  }

  since(mark: number): SeenRequest[] {
    return this.requests.slice(mark);
  }
}

export interface DelayProxy {
  host: string;
  port: number;
  /** Sets the one-way delay for new chunks (ms). */
  setDelay(ms: number): void;
  stop(): Promise<void>;
}

const MAX_HEAD = 64 * 1024;

/** Incremental HTTP/1.1 request framing: calls onRequest for each request head. */
class RequestCounter {
  private head = Buffer.alloc(0);
  private state: 'head' | 'body' | 'chunk-size' | 'chunk-data' | 'chunk-crlf' | 'trailer' | 'broken' = 'head';
  private remaining = 0;
  private line = '';

  constructor(private readonly onRequest: (method: string, path: string) => void) {}

  push(chunk: Buffer): void {
    let data = chunk;
    while (data.length > 0 && this.state !== 'broken') {
      switch (this.state) {
        case 'head': {
          this.head = Buffer.concat([this.head, data]);
          const end = this.head.indexOf('\r\n\r\n');
          if (end === -1) {
            if (this.head.length > MAX_HEAD) this.state = 'broken';
            return;
          }
          const text = this.head.subarray(0, end).toString('latin1');
          data = this.head.subarray(end + 4);
          this.head = Buffer.alloc(0);
          const [requestLine, ...headerLines] = text.split('\r\n');
          const [method = '?', path = '?'] = (requestLine ?? '').split(' ');
          this.onRequest(method, path);
          const headers = new Map<string, string>();
          for (const line of headerLines) {
            const colon = line.indexOf(':');
            if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
          }
          if (/chunked/i.test(headers.get('transfer-encoding') ?? '')) {
            this.state = 'chunk-size';
            this.line = '';
          } else {
            this.remaining = Number(headers.get('content-length') ?? '0') || 0;
            this.state = this.remaining > 0 ? 'body' : 'head';
          }
          break;
        }
        case 'body': {
          const take = Math.min(this.remaining, data.length);
          this.remaining -= take;
          data = data.subarray(take);
          if (this.remaining === 0) this.state = 'head';
          break;
        }
        case 'chunk-size':
        case 'trailer': {
          const nl = data.indexOf('\n');
          if (nl === -1) {
            this.line += data.toString('latin1');
            if (this.line.length > MAX_HEAD) this.state = 'broken';
            return;
          }
          const line = (this.line + data.subarray(0, nl).toString('latin1')).replace(/\r$/, '');
          data = data.subarray(nl + 1);
          this.line = '';
          if (this.state === 'trailer') {
            if (line === '') this.state = 'head';
            break;
          }
          const size = parseInt(line.split(';')[0]!.trim(), 16);
          if (Number.isNaN(size)) {
            this.state = 'broken';
          } else if (size === 0) {
            this.state = 'trailer';
          } else {
            this.remaining = size;
            this.state = 'chunk-data';
          }
          break;
        }
        case 'chunk-data': {
          const take = Math.min(this.remaining, data.length);
          this.remaining -= take;
          data = data.subarray(take);
          if (this.remaining === 0) {
            this.state = 'chunk-crlf';
            this.remaining = 2;
          }
          break;
        }
        case 'chunk-crlf': {
          const take = Math.min(this.remaining, data.length);
          this.remaining -= take;
          data = data.subarray(take);
          if (this.remaining === 0) this.state = 'chunk-size';
          break;
        }
      }
    }
  }
}

/**
 * Starts a proxy on 127.0.0.1 in front of `upstreamPort`. Chunks keep their order: each is released
 * at max(its arrival + delay, the previous release), so the delay adds latency, not a bandwidth cap.
 */
export async function startDelayProxy(options: { upstreamPort: number; delayMs: number; target: string; log: RequestLog }): Promise<DelayProxy> {
  let delay = options.delayMs;
  const sockets = new Set<Socket>();

  const pipeDelayed = (from: Socket, to: Socket, notBefore: number, onChunk?: (chunk: Buffer) => void): void => {
    // One queue and one timer per direction: timers round their delay to whole milliseconds, so a
    // timer per chunk could release a later chunk first and corrupt the stream.
    const queue: Array<{ at: number; chunk?: Buffer }> = [];
    let timer: NodeJS.Timeout | undefined;
    let releaseAt = notBefore;
    const pump = (): void => {
      timer = undefined;
      while (queue.length > 0 && queue[0]!.at <= performance.now()) {
        const { chunk } = queue.shift()!;
        if (to.destroyed) continue;
        if (!chunk) to.end();
        // Back-pressure: stop reading while the other side is full.
        else if (!to.write(chunk)) {
          from.pause();
          to.once('drain', () => from.resume());
        }
      }
      if (queue.length > 0) timer = setTimeout(pump, Math.max(1, Math.ceil(queue[0]!.at - performance.now())));
    };
    const enqueue = (chunk?: Buffer): void => {
      releaseAt = Math.max(performance.now() + delay, notBefore + delay, releaseAt);
      queue.push({ at: releaseAt, chunk });
      timer ??= setTimeout(pump, Math.max(1, Math.ceil(releaseAt - performance.now())));
    };
    from.on('data', (chunk: Buffer) => {
      onChunk?.(chunk);
      enqueue(chunk);
    });
    from.on('end', () => enqueue());
  };

  const server: Server = createServer((client) => {
    options.log.connections++;
    const accepted = performance.now();
    const upstream = connect({ host: '127.0.0.1', port: options.upstreamPort });
    sockets.add(client);
    sockets.add(upstream);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    const counter = new RequestCounter((method, path) => options.log.requests.push({ target: options.target, method, path, at: performance.now() }));
    // The handshake round trip: nothing from the client reaches the server before accept + 2 × delay.
    pipeDelayed(client, upstream, accepted + 2 * delay, (chunk) => counter.push(chunk));
    pipeDelayed(upstream, client, 0);
    const destroyBoth = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', destroyBoth);
    upstream.on('error', destroyBoth);
    client.on('close', () => {
      sockets.delete(client);
      setTimeout(() => upstream.destroy(), delay + 5);
    });
    upstream.on('close', () => {
      sockets.delete(upstream);
      setTimeout(() => client.destroy(), delay + 5);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy: no port');
  return {
    host: `127.0.0.1:${address.port}`,
    port: address.port,
    setDelay(ms: number) {
      delay = ms;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
