// One HTTP connection pool per registry client: keep-alive, the proxy environment variables, and the
// TLS settings applied to every connection (registry, token realm, blob storage, through a proxy).
import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import * as tls from 'node:tls';
import { EnvHttpProxyAgent, type Dispatcher } from 'undici';

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
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /** Idle keep-alive time when the server does not say. */
  keepAliveTimeoutMs?: number;
  /** Connections per origin. */
  connections?: number;
  /** Override HTTP_PROXY/HTTPS_PROXY/NO_PROXY (tests); by default the environment is read. */
  proxy?: { httpProxy?: string; httpsProxy?: string; noProxy?: string };
}

export type Headers = Record<string, string | string[] | undefined>;

export interface HttpRequest {
  method: string;
  url: URL;
  headers?: Record<string, string>;
  body?: Buffer | Readable;
  /** A larger response body fails the request (protects memory). */
  maxResponseBytes?: number;
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

/**
 * The CAs Node trusts by default (bundled, plus NODE_EXTRA_CA_CERTS or system CAs where Node
 * supports reading them), so a given `ca` adds to them instead of replacing them.
 */
export function defaultCaCertificates(): string[] {
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
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const code = (rest[0] as { code?: string } | undefined)?.code;
    if (code !== 'UNDICI-EHPA') (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
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
  private readonly headersTimeout: number;
  private readonly bodyTimeout: number;

  constructor(options: TransportOptions = {}) {
    this.scheme = options.plainHttp ? 'http' : 'https';
    this.headersTimeout = options.headersTimeoutMs ?? 120_000;
    this.bodyTimeout = options.bodyTimeoutMs ?? 120_000;
    const tlsOptions = tlsConnectOptions(options);
    const connectTimeout = options.connectTimeoutMs ?? 30_000;
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
      headersTimeout: this.headersTimeout,
      bodyTimeout: this.bodyTimeout,
    } as EnvHttpProxyAgent.Options));
  }

  /** Sends one request and reads the whole response body. */
  async send(request: HttpRequest): Promise<HttpResponse> {
    const limit = request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE;
    const response = await this.dispatcher.request({
      origin: request.url.origin,
      path: `${request.url.pathname}${request.url.search}`,
      method: request.method as Dispatcher.HttpMethod,
      headers: request.headers,
      body: request.body,
      headersTimeout: this.headersTimeout,
      bodyTimeout: this.bodyTimeout,
    });
    if (request.stream && response.statusCode >= 200 && response.statusCode < 300) {
      return { status: response.statusCode, headers: response.headers, body: Buffer.alloc(0), url: request.url, stream: response.body };
    }
    const declared = Number(headerValue(response.headers, 'content-length') ?? '0');
    if (request.method !== 'HEAD' && declared > limit) {
      response.body.on('error', () => {}).destroy(); // undici raises an uncaught error for a destroyed body without a listener
      throw new Error(`response from ${request.url.host} is ${declared} bytes, more than the ${limit} allowed`);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of response.body) {
      total += (chunk as Buffer).length;
      if (total > limit) {
        response.body.destroy();
        throw new Error(`response from ${request.url.host} is more than the ${limit} bytes allowed`);
      }
      chunks.push(chunk as Buffer);
    }
    return { status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks), url: request.url };
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }
}
