// One logical request to a registry: the Authorization it needs (probe, token, one retry after a
// 401), retries, redirects that never carry credentials to another origin, and request counts.
// The distribution API itself (manifests, blobs, uploads) is in client.ts.
import { Authorizer, repositoryScope, type Credentials } from './auth.js';
import { parseChallenges } from './challenge.js';
import type { RegistryError } from './errors.js';
import { errorFromNetwork, type NetworkErrorContext } from './network-errors.js';
import { errorFromResponse } from './response-errors.js';
import { abortableSleep, DEFAULT_RETRY_POLICY, withRetry, type RetryPolicy } from './retry.js';
import { setMaxListeners } from 'node:events';
import type { Readable } from 'node:stream';
import { headerValue, Transport, type HttpResponse, type TransportOptions } from './transport.js';

export interface SessionOptions {
  /** host[:port] of the registry. */
  host: string;
  credentials?: Credentials;
  transport?: TransportOptions;
  /** Token scope asked for each repository: 'push' (pull,push; the default) or 'pull' (a client that only reads). */
  access?: 'push' | 'pull';
  /** Changes to DEFAULT_RETRY_POLICY, e.g. `{ maxElapsedMs }` to wait longer for a registry. */
  retry?: Partial<RetryPolicy>;
  /** Bounds the whole step: when it fires, requests in flight stop and fail saying so. */
  signal?: AbortSignal;
  userAgent?: string;
  debug?: (message: string) => void;
  /** Called with every secret (password, base64 user:pass, tokens) before it could be logged. */
  onSecret?: (value: string) => void;
}

export interface ClientStats {
  /** Requests to the registry's own origin, retries and auth round trips included. */
  registryRequests: number;
  /** Requests to the token realm. */
  tokenRequests: number;
  /** Requests elsewhere: redirects to blob storage, upload locations on another host. */
  otherRequests: number;
}

export interface Call {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT';
  url: URL;
  /** Drives the token scope and error messages. */
  repository?: string;
  /** Token scopes for this request instead of the repository's (a mount also reads its source). */
  scopes?: string[];
  /** For messages: "could not <operation> (host/repo)". */
  operation: string;
  headers?: Record<string, string>;
  /** A Buffer, or a function that opens the body afresh for every attempt (a streamed blob). */
  body?: Buffer | (() => Readable);
  /** Size of a streamed body, for the request's deadline. */
  bodyBytes?: number;
  maxResponseBytes?: number;
  followRedirects?: boolean;
  /** A 401 is returned as is, without fetching a credential (used to learn the challenge). */
  noAuthRetry?: boolean;
  /** A 2xx body is handed over unread in `response.stream` (blobs too large to hold). */
  streamBody?: boolean;
}

export const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
// Scopes per token request when authorizing many repositories at once (URL length).
const SCOPES_PER_TOKEN = 50;

export class RegistrySession {
  readonly host: string;
  private readonly origin: string;
  readonly debug: (message: string) => void;
  private readonly transport: Transport;
  private readonly auth: Authorizer;
  private readonly push: boolean;
  private readonly retry: RetryPolicy;
  private readonly userAgent: string;
  private readonly plainHttp: boolean;
  private readonly clientCertificate: boolean;
  private readonly signal?: AbortSignal;
  private counts = { registry: 0, other: 0 };
  /** Origins that have answered: a refused connection to one of them is a restart, worth waiting for. */
  private readonly reached = new Set<string>();
  private probing?: Promise<void>;

  constructor(options: SessionOptions) {
    this.host = options.host;
    this.plainHttp = options.transport?.plainHttp ?? false;
    this.clientCertificate = Boolean(options.transport?.cert);
    this.transport = new Transport(options.transport);
    this.origin = new URL(`${this.transport.scheme}://${options.host}`).origin;
    this.push = (options.access ?? 'push') === 'push';
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.signal = options.signal;
    // Every request in flight and every wait before a retry listens to it: no leak, no warning.
    if (this.signal) setMaxListeners(0, this.signal);
    this.userAgent = options.userAgent ?? 'helm-oci-publish';
    this.debug = options.debug ?? (() => {});
    this.auth = new Authorizer({
      host: options.host,
      credentials: options.credentials,
      plainHttp: this.plainHttp,
      onSecret: options.onSecret ?? (() => {}),
      debug: this.debug,
      get: (url, headers) => this.tokenGet(url, headers),
    });
  }

  get stats(): ClientStats {
    return { registryRequests: this.counts.registry, tokenRequests: this.auth.tokenRequests, otherRequests: this.counts.other };
  }

  get retryPolicy(): RetryPolicy {
    return this.retry;
  }

  url(path: string): URL {
    return new URL(path, this.origin);
  }

  /**
   * Opens a connection and learns the auth scheme with one GET /v2/, once; later calls share it.
   * Best effort: a failure is logged and left for the requests to report.
   */
  private probe(): Promise<void> {
    if (this.auth.knownScheme !== 'unknown') return Promise.resolve();
    this.probing ??= this.exchange({ method: 'GET', url: this.url('/v2/'), operation: 'reach the registry', noAuthRetry: true }).then(
      () => undefined,
      (error: unknown) => {
        this.probing = undefined;
        this.debug(`probe: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    return this.probing;
  }

  /**
   * Learns the auth scheme (one GET /v2/ if unknown) and fetches one token covering all these
   * repositories. Best effort: a failure is logged and left for the requests to report.
   */
  async authorizeRepositories(repositories: readonly string[]): Promise<void> {
    try {
      await this.probe();
      const scopes = [...new Set(repositories)].map((r) => repositoryScope(r, this.push));
      for (let i = 0; i < scopes.length; i += SCOPES_PER_TOKEN) {
        await this.auth.prefetch(scopes.slice(i, i + SCOPES_PER_TOKEN));
      }
    } catch (error) {
      this.debug(`auth: could not prepare tokens up front (${error instanceof Error ? error.message : String(error)}); each push will authenticate itself`);
    }
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  /** The RegistryError for a response that was not what `call` needed. */
  fail(call: Call, response: HttpResponse): RegistryError {
    const bearer = parseChallenges(response.headers['www-authenticate']).find((c) => c.scheme === 'bearer');
    return errorFromResponse({
      host: this.host,
      repository: call.repository,
      operation: call.operation,
      status: response.status,
      body: response.body,
      hasCredentials: this.auth.hasCredentials,
      write: call.method === 'POST' || call.method === 'PUT',
      challengeError: bearer?.params.error,
      retryAfter: headerValue(response.headers, 'retry-after'),
    });
  }

  /** One logical request: auth (probe, token, one retry on 401), retries, safe redirects. */
  async exchange(call: Call): Promise<HttpResponse> {
    const scopes = call.scopes ?? (call.repository ? [repositoryScope(call.repository, this.push)] : []);
    let url = call.url;
    let authRetried = false;
    let redirects = 0;
    while (true) {
      // Credentials go to the registry's own origin only, never to storage or another host.
      const toRegistry = url.origin === this.origin;
      const networkContext = { host: url.host, repository: call.repository, operation: call.operation };
      let header: string | undefined;
      let probe = false;
      let response: HttpResponse;
      try {
        if (toRegistry) ({ header, probe } = await this.auth.headerFor(scopes));
      } catch (error) {
        throw this.networkError(error, networkContext);
      }
      try {
        response = await this.send(call, url, header, toRegistry);
      } catch (error) {
        if (probe) this.auth.settleProbe(undefined, error);
        throw this.networkError(error, networkContext);
      }
      if (probe) this.auth.settleProbe(response);
      if (response.status === 401 && toRegistry && !authRetried && !call.noAuthRetry) {
        authRetried = true;
        if (await this.auth.onUnauthorized(response, scopes, header)) continue;
      }
      if (call.followRedirects && REDIRECTS.has(response.status) && redirects < MAX_REDIRECTS) {
        const location = headerValue(response.headers, 'location');
        if (location) {
          redirects++;
          url = new URL(location, url);
          continue;
        }
      }
      return response;
    }
  }

  /** A failure without a response, said the way the user can act on (the step's time, TLS, …). */
  private networkError(error: unknown, ctx: Pick<NetworkErrorContext, 'host' | 'repository' | 'operation'>): RegistryError {
    return errorFromNetwork(error, {
      ...ctx,
      plainHttp: this.plainHttp,
      clientCertificate: this.clientCertificate,
      aborted: this.signal?.aborted ?? false,
      reachedBefore: this.reached.has(new URL(`${this.transport.scheme}://${ctx.host}`).origin),
    });
  }

  /** Throws (as a network failure) once the step's time has run out, before anything is sent. */
  private checkNotAborted(): void {
    this.signal?.throwIfAborted();
  }

  private async send(call: Call, url: URL, authorization: string | undefined, toRegistry: boolean): Promise<HttpResponse> {
    const headers: Record<string, string> = { 'user-agent': this.userAgent, ...call.headers };
    if (authorization) headers.authorization = authorization;
    return this.withRetry(url, async () => {
      if (toRegistry) this.counts.registry++;
      else this.counts.other++;
      const started = Date.now();
      const body = typeof call.body === 'function' ? call.body() : call.body;
      const response = await this.transport.send({
        method: call.method,
        url,
        headers,
        body,
        bodyBytes: call.bodyBytes,
        maxResponseBytes: call.maxResponseBytes,
        stream: call.streamBody,
        signal: this.signal,
      });
      this.debug(`${call.method} ${url.origin}${url.pathname}${url.search ? '?…' : ''} → ${response.status} (${Date.now() - started} ms)`);
      return response;
    });
  }

  private async tokenGet(url: URL, headers: Record<string, string>): Promise<HttpResponse> {
    try {
      return await this.withRetry(url, async () => {
        const started = Date.now();
        const response = await this.transport.send({ method: 'GET', url, headers: { 'user-agent': this.userAgent, ...headers }, signal: this.signal });
        this.debug(`GET ${url.origin}${url.pathname} (token) → ${response.status} (${Date.now() - started} ms)`);
        return response;
      });
    } catch (error) {
      throw this.networkError(error, { host: url.host, operation: `get a token from ${url.host}` });
    }
  }

  // Every attempt is resendable: a Buffer, or a stream opened afresh for each one.
  private withRetry(url: URL, attempt: () => Promise<HttpResponse>): Promise<HttpResponse> {
    this.checkNotAborted();
    return withRetry(
      async () => {
        const response = await attempt();
        this.reached.add(url.origin);
        return response;
      },
      {
        policy: this.retry,
        canResend: true,
        reachedBefore: () => this.reached.has(url.origin),
        sleep: abortableSleep(this.signal),
        onRetry: ({ attempt: n, delayMs, status, error }) =>
          this.debug(`retry ${n} of ${url.pathname} in ${delayMs} ms after ${status ?? (error instanceof Error ? error.message : String(error))}`),
      },
    );
  }
}
