// HTTP for a classic chart repository, on the project's transport (TLS options, proxies,
// keep-alive) and retry policy. Basic credentials go to the repository's own origin only, never to
// another host a URL or a redirect points at; downloads stream to a file, hashed on the way.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Credentials } from '../oci/auth.js';
import { errorCode } from '../oci/errors.js';
import { abortableSleep, DEFAULT_RETRY_POLICY, withRetry, type RetryPolicy } from '../oci/retry.js';
import { headerValue, type HttpResponse, type Transport } from '../oci/transport.js';
import { displayUrl, SourceError } from './errors.js';

export interface RepoHttpOptions {
  transport: Transport;
  /** http:// URLs (and redirects to them) are refused unless this is set. */
  plainHttp: boolean;
  /** Basic auth, for the repository's own origin only. */
  credentials?: Credentials;
  retry?: RetryPolicy;
  userAgent?: string;
  debug?: (message: string) => void;
  /** Called with every secret (password, base64 user:pass) before anything could log it. */
  onSecret?: (value: string) => void;
  /** The longest one download may take, body included (default 10 minutes). */
  downloadDeadlineMs?: number;
  /** The step's deadline: no request starts after it fires, and a download in progress stops. */
  signal?: AbortSignal;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

export class RepoHttp {
  /** Requests sent, retries and redirects included. */
  requests = 0;
  private readonly origin: string;
  private readonly authorization?: string;

  constructor(
    repositoryUrl: URL,
    private readonly options: RepoHttpOptions,
  ) {
    this.origin = repositoryUrl.origin;
    const creds = options.credentials;
    if (creds) {
      const encoded = Buffer.from(`${creds.username}:${creds.password}`, 'utf8').toString('base64');
      options.onSecret?.(creds.password);
      options.onSecret?.(encoded);
      this.authorization = `Basic ${encoded}`;
    }
  }

  /** GETs a small document; undefined on 404/410 when `missingOk`. */
  async fetch(url: URL, operation: string, maxBytes: number, missingOk = false): Promise<Buffer | undefined> {
    const { response, final } = await this.retrying((attempt) => this.follow(url, operation, { maxBytes }, attempt));
    if (missingOk && (response.status === 404 || response.status === 410)) return undefined;
    if (response.status !== 200) throw this.statusError(operation, final, response.status);
    return response.body;
  }

  /** Streams a file to `path` (at most maxBytes, within the download deadline); its sha256 and size. */
  async download(url: URL, path: string, operation: string, maxBytes: number): Promise<{ digest: string; size: number }> {
    let written: { digest: string; size: number } | undefined;
    const { response, final } = await this.retrying(async (attempt) => {
      const result = await this.follow(url, operation, { stream: true, maxBytes }, attempt);
      if (result.response.stream) written = await this.toFile(result.response.stream, path, operation, result.final, maxBytes);
      return result;
    });
    if (response.status !== 200 || !written) throw this.statusError(operation, final, response.status);
    return written;
  }

  private async retrying(send: (attempt: number) => Promise<{ response: HttpResponse; final: URL }>): Promise<{ response: HttpResponse; final: URL }> {
    let last: { response: HttpResponse; final: URL } | undefined;
    await withRetry(
      async (attempt) => {
        last = await send(attempt);
        return last.response;
      },
      {
        policy: this.options.retry ?? DEFAULT_RETRY_POLICY,
        canResend: true,
        sleep: abortableSleep(this.options.signal),
        onRetry: ({ attempt, delayMs, status, error }) => this.options.debug?.(`retry ${attempt} in ${delayMs} ms after ${status ?? describe(error)}`),
      },
    );
    return last!;
  }

  // One attempt: the request and the redirects it leads to, credentials only on our origin.
  private async follow(start: URL, operation: string, how: { maxBytes?: number; stream?: boolean }, attempt: number): Promise<{ response: HttpResponse; final: URL }> {
    let url = start;
    for (let hop = 0; ; hop++) {
      this.options.signal?.throwIfAborted();
      if (url.protocol !== 'https:' && !(url.protocol === 'http:' && this.options.plainHttp)) {
        throw new SourceError(`could not ${operation}: ${displayUrl(url)} is not HTTPS${url.protocol === 'http:' ? '; set plain-http: true to allow plain HTTP' : ''}`);
      }
      const headers: Record<string, string> = { 'user-agent': this.options.userAgent ?? 'helm-oci-publish' };
      if (this.authorization && url.origin === this.origin) headers.authorization = this.authorization;
      this.requests++;
      const started = Date.now();
      let response: HttpResponse;
      try {
        response = await this.options.transport.send({ method: 'GET', url, headers, maxResponseBytes: how.maxBytes, stream: how.stream, signal: this.options.signal });
      } catch (error) {
        throw this.networkError(error, operation, url);
      }
      this.options.debug?.(`GET ${displayUrl(url)} → ${response.status} (${Date.now() - started} ms${attempt > 0 ? `, attempt ${attempt + 1}` : ''})`);
      const location = REDIRECTS.has(response.status) ? headerValue(response.headers, 'location') : undefined;
      if (location === undefined) return { response, final: url };
      if (hop >= MAX_REDIRECTS) throw new SourceError(`could not ${operation}: more than ${MAX_REDIRECTS} redirects from ${displayUrl(start)}`);
      url = new URL(location, url);
    }
  }

  private async toFile(body: Readable, path: string, operation: string, url: URL, maxBytes: number): Promise<{ digest: string; size: number }> {
    const hash = createHash('sha256');
    let size = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new SourceError(`could not ${operation}: ${displayUrl(url)} is larger than ${maxBytes} bytes`));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const deadline = this.options.downloadDeadlineMs ?? 600_000;
    const timer = setTimeout(() => body.destroy(new SourceError(`could not ${operation}: ${displayUrl(url)} took longer than ${Math.round(deadline / 1000)} s`)), deadline);
    const signal = this.options.signal;
    const stop = (): void => void body.destroy(signal?.reason instanceof Error ? signal.reason : new SourceError(`could not ${operation}: stopped`));
    signal?.addEventListener('abort', stop, { once: true });
    if (signal?.aborted) stop();
    try {
      await pipeline(body, limit, createWriteStream(path));
    } catch (error) {
      throw error instanceof SourceError || error === signal?.reason ? error : this.networkError(error, operation, url);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
    }
    return { digest: `sha256:${hash.digest('hex')}`, size };
  }

  private statusError(operation: string, url: URL, status: number): SourceError {
    const where = `could not ${operation}: ${displayUrl(url)} answered HTTP ${status}`;
    if (status === 401 || status === 403) {
      if (url.origin !== this.origin) return new SourceError(`${where} (credentials are sent to ${this.origin} only)`);
      return new SourceError(`${where}: ${this.authorization ? 'check source-username and source-password' : 'the repository needs credentials; set source-username and source-password'}`);
    }
    if (status === 404) return new SourceError(`${where} (not found)`);
    return new SourceError(where);
  }

  // Keeps the code, so withRetry still recognises a dropped connection as worth another attempt.
  private networkError(error: unknown, operation: string, url: URL): Error {
    const code = errorCode(error);
    const hint = code === 'ENOTFOUND' || code === 'ECONNREFUSED' ? ': check the URL' : /CERT|SSL|TLS|UNABLE_TO_VERIFY|SELF_SIGNED/.test(code ?? '') ? ': check ca-file (or insecure-skip-tls-verify for testing)' : '';
    return Object.assign(new SourceError(`could not ${operation}: ${displayUrl(url)}: ${describe(error)}${hint}`, { cause: error }), { code });
  }
}

function describe(error: unknown): string {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}
