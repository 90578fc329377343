// One HTTP connection pool per registry client: keep-alive, the proxy environment variables, and the
// TLS settings applied to every connection (registry, token realm, blob storage, through a proxy).
// Every request has an overall deadline sized to what it carries, and stops when the step's signal
// fires: undici's own timeouts measure only silences, so a trickling server would hold it forever.
import { readFileSync } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import * as tls from 'node:tls';
import type { Dispatcher } from 'undici';
// undici's parts, not its index: the index also loads fetch, WebSocket, the cache and the mocks,
// which cost every run tens of milliseconds at start. What the index does for every dispatcher
// is done here: request() and connect() (which the proxy agent uses) on Dispatcher.prototype.
import DispatcherBase from 'undici/lib/dispatcher/dispatcher.js';
import EnvHttpProxyAgent from 'undici/lib/dispatcher/env-http-proxy-agent.js';
import api from 'undici/lib/api/index.js';

Object.assign(DispatcherBase.prototype, api);

export interface TlsOptions {
  /** Accept any server certificate (testing only). */
  insecureSkipTlsVerify?: boolean;
  /** PEM CA certificate(s) trusted in addition to the default ones. */
  ca?: string;
  /** PEM client certificate and key for mutual TLS. */
  cert?: string;
  key?: string;
}

export interface TransportOptions extends TlsOptions {
  /** Speak http:// to the registry instead of https://. */
  plainHttp?: boolean;
  connectTimeoutMs?: number;
  /** How long a server may stay silent: before the response headers, and between body chunks. */
  idleTimeoutMs?: number;
  /** The whole of one request: `baseMs` plus `perMiBMs` for every MiB sent or received. */
  deadline?: RequestDeadline;
  /** Idle keep-alive time when the server does not say. */
  keepAliveTimeoutMs?: number;
  /** Connections per origin. */
  connections?: number;
  /** Override HTTP_PROXY/HTTPS_PROXY/NO_PROXY (tests); by default the environment is read. */
  proxy?: { httpProxy?: string; httpsProxy?: string; noProxy?: string };
}

interface RequestDeadline {
  baseMs: number;
  perMiBMs: number;
}

// 60 s for any request, plus 10 s per MiB (a link slower than ~100 KiB/s is not worth waiting on).
const DEFAULT_DEADLINE: RequestDeadline = { baseMs: 60_000, perMiBMs: 10_000 };

export type Headers = Record<string, string | string[] | undefined>;

interface HttpRequest {
  method: string;
  url: URL;
  headers?: Record<string, string>;
  body?: Buffer | Readable;
  /** Size of `body` when it is a stream, for the deadline. */
  bodyBytes?: number;
  /** A larger response body fails the request (protects memory). */
  maxResponseBytes?: number;
  /** The step's signal: aborts the request, which then fails with the signal's reason. */
  signal?: AbortSignal;
  /** A 2xx response's body is handed over unread, as `stream` (large downloads); others are read. */
  stream?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: Buffer;
  url: URL;
  /** The unread body of a 2xx response to a `stream` request (then `body` is empty). */
  stream?: Readable;
}

export function headerValue(headers: Headers, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

const DEFAULT_MAX_RESPONSE = 4 * 1024 * 1024;
const MIB = 1024 * 1024;

/** Node-style errors of our own, so retry decisions and messages can tell them apart by code. */
class TransportError extends Error {
  constructor(
    message: string,
    readonly code: 'ERR_REQUEST_DEADLINE' | 'ERR_RESPONSE_TOO_LARGE',
  ) {
    super(message);
  }
}

/**
 * The CAs Node trusts by default (bundled, plus NODE_EXTRA_CA_CERTS or system CAs where Node
 * supports reading them), so a given `ca` adds to them instead of replacing them.
 */
function defaultCaCertificates(): string[] {
  const getCa = (tls as { getCACertificates?: (type?: string) => string[] }).getCACertificates;
  if (getCa) return getCa('default');
  const certs = [...tls.rootCertificates];
  const extra = process.env.NODE_EXTRA_CA_CERTS;
  if (extra) {
    try {
      certs.push(readFileSync(extra, 'utf8'));
    } catch {
      // Node itself only warns about an unreadable NODE_EXTRA_CA_CERTS; do the same (silently).
    }
  }
  return certs;
}

export function tlsConnectOptions(options: TlsOptions | undefined): tls.ConnectionOptions {
  const out: tls.ConnectionOptions = {};
  if (!options) return out;
  if (options.insecureSkipTlsVerify) out.rejectUnauthorized = false;
  if (options.ca) out.ca = [...defaultCaCertificates(), options.ca];
  if (options.cert) out.cert = options.cert;
  if (options.key) out.key = options.key;
  return out;
}

// undici 6 (shared with @actions/http-client, so the bundle carries one copy) flags
// EnvHttpProxyAgent as experimental on stderr; that line would only confuse a workflow log.
function withoutExperimentalWarning<T>(create: () => T): T {
  const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const code = (rest[0] as { code?: string } | undefined)?.code;
    if (code !== 'UNDICI-EHPA') emitWarning(warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return create();
  } finally {
    process.emitWarning = emitWarning;
  }
}

export class Transport {
  readonly scheme: 'http' | 'https';
  readonly dispatcher: Dispatcher;
  private readonly idleTimeout: number;
  private readonly deadline: RequestDeadline;

  constructor(options: TransportOptions = {}) {
    this.scheme = options.plainHttp ? 'http' : 'https';
    this.idleTimeout = options.idleTimeoutMs ?? 60_000;
    this.deadline = options.deadline ?? DEFAULT_DEADLINE;
    const tlsOptions = tlsConnectOptions(options);
    const connectTimeout = options.connectTimeoutMs ?? 30_000;
    // With an added CA, tls.connect would build a trust store from every root certificate for each
    // new connection (tens of ms of CPU each); one shared context is built once.
    if (tlsOptions.ca) tlsOptions.secureContext = tls.createSecureContext(tlsOptions);
    this.dispatcher = withoutExperimentalWarning(() => new EnvHttpProxyAgent({
      ...options.proxy,
      // direct connections
      connect: { ...tlsOptions, timeout: connectTimeout },
      // the TLS session tunnelled through an HTTPS_PROXY to the registry
      requestTls: { ...tlsOptions, timeout: connectTimeout },
      // the proxy itself: trust the same extra CA (a TLS-intercepting proxy usually needs it)
      proxyTls: { ...(tlsOptions.ca ? { ca: tlsOptions.ca } : {}), timeout: connectTimeout },
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 30_000,
      connections: options.connections ?? 32,
      headersTimeout: this.idleTimeout,
      bodyTimeout: this.idleTimeout,
    } as EnvHttpProxyAgent.Options));
  }

  /** Sends one request and reads the whole response body, within the request's deadline. */
  async send(request: HttpRequest): Promise<HttpResponse> {
    const limit = request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE;
    const sent = Buffer.isBuffer(request.body) ? request.body.length : (request.bodyBytes ?? 0);
    const timer = new AbortController();
    const allowed = (received: number): number => this.deadline.baseMs + ((sent + received) / MIB) * this.deadline.perMiBMs;
    let allowedMs = allowed(0);
    const started = Date.now();
    let handle = setTimeout(expire, allowedMs);
    const url = request.url;
    function expire(): void {
      timer.abort(new TransportError(`${url.host} did not complete the request within ${Math.round(allowedMs / 1000)} s`, 'ERR_REQUEST_DEADLINE'));
    }
    // A larger response (announced, or as it arrives) earns more time, up to what its limit allows.
    const extendFor = (received: number): void => {
      const next = allowed(Math.min(received, limit));
      if (next <= allowedMs) return;
      allowedMs = next;
      clearTimeout(handle);
      handle = setTimeout(expire, Math.max(0, started + allowedMs - Date.now()));
    };
    const signal = request.signal ? AbortSignal.any([request.signal, timer.signal]) : timer.signal;
    let streaming = false;
    try {
      const response = await this.dispatcher.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: request.method as Dispatcher.HttpMethod,
        headers: request.headers,
        body: request.body,
        signal,
      });
      const length = Number(headerValue(response.headers, 'content-length') ?? '0');
      const declared = Number.isSafeInteger(length) && length > 0 ? length : 0;
      if (request.method !== 'HEAD' && declared > limit) {
        response.body.on('error', () => {}).destroy(); // undici raises an uncaught error for a destroyed body without a listener
        throw new TransportError(`${url.host} announced a response of ${declared} bytes, more than the ${limit} expected`, 'ERR_RESPONSE_TOO_LARGE');
      }
      if (request.method !== 'HEAD') extendFor(declared);
      if (request.stream && response.statusCode >= 200 && response.statusCode < 300) {
        streaming = true;
        const stream = bounded(response.body, { limit, declared, url, extendFor, signal, done: () => clearTimeout(handle) });
        return { status: response.statusCode, headers: response.headers, body: Buffer.alloc(0), url, stream };
      }
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const chunk of response.body) {
        total += (chunk as Buffer).length;
        if (total > limit) {
          response.body.destroy();
          throw new TransportError(`${url.host} sent a response of more than the ${limit} bytes expected`, 'ERR_RESPONSE_TOO_LARGE');
        }
        chunks.push(chunk as Buffer);
        if (total > declared) extendFor(total);
      }
      return { status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks), url };
    } catch (error) {
      // undici reports an abort as its own error; say why instead.
      if (signal.aborted && !(error instanceof TransportError)) throw signal.reason;
      throw error;
    } finally {
      // A streamed body keeps its deadline until it is read (see bounded).
      if (!streaming) clearTimeout(handle);
    }
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }
}

/**
 * A streamed response body under the same rules as a read one: no more than `limit` bytes, more
 * time as bytes arrive, and the deadline's or the step's reason when it is cut short.
 */
function bounded(
  body: Readable,
  rules: { limit: number; declared: number; url: URL; extendFor: (received: number) => void; signal: AbortSignal; done: () => void },
): Readable {
  let total = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, next) {
      total += chunk.length;
      if (total > rules.limit) return next(new TransportError(`${rules.url.host} sent a response of more than the ${rules.limit} bytes expected`, 'ERR_RESPONSE_TOO_LARGE'));
      if (total > rules.declared) rules.extendFor(total);
      next(null, chunk);
    },
  });
  body.on('error', (error: Error) => counted.destroy(rules.signal.aborted ? (rules.signal.reason as Error) : error));
  counted.on('close', () => {
    rules.done();
    body.destroy();
  });
  return body.pipe(counted);
}
