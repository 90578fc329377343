// Registry authentication for one host: learns the scheme from the first 401, then sends Basic
// credentials or Bearer tokens up front. Tokens are cached per scope set until they expire, and a
// new repository's token is fetched before its first request, so only the first request on a host
// pays for a 401. Every secret derived here is handed to onSecret before anything can log it.
import { challengeScopes, parseChallenges, type Challenge } from './challenge.js';
import { RegistryError } from './errors.js';
import { errorFromResponse } from './response-errors.js';
import type { HttpResponse } from './transport.js';

export interface Credentials {
  username: string;
  password: string;
}

export interface AuthorizerOptions {
  /** host[:port] of the registry, for messages. */
  host: string;
  credentials?: Credentials;
  /** The registry speaks plain HTTP: a plain-HTTP token realm may then receive credentials. */
  plainHttp: boolean;
  onSecret: (value: string) => void;
  debug: (message: string) => void;
  /** Sends a GET to the token realm (retries and network errors are the caller's business). */
  get: (url: URL, headers: Record<string, string>) => Promise<HttpResponse>;
  now?: () => number;
}

/** What the registry asked for, as far as we know. */
type Scheme = 'unknown' | 'none' | 'basic' | 'bearer';

interface Token {
  value: string;
  /** scope atoms "type:name:action" this token was asked for */
  atoms: Set<string>;
  expiresAt: number;
}

// Docker's token spec: a token without expires_in lives 60 s.
const DEFAULT_TOKEN_SECONDS = 60;
// Do not send a token that may expire on the way.
const EXPIRY_MARGIN_MS = 10_000;
const expiryMargin = (lifetimeMs: number): number => Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 10);

/** Splits "repository:a/b:pull,push" into atoms "repository:a/b:pull", "repository:a/b:push". */
export function scopeAtoms(scope: string): string[] {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first === -1 || first === last) return [scope];
  const resource = scope.slice(0, last);
  return scope
    .slice(last + 1)
    .split(',')
    .filter(Boolean)
    .map((action) => `${resource}:${action}`);
}

/** Joins atoms back into scopes, one per resource, actions sorted: "repository:a:pull,push". */
export function atomsToScopes(atoms: Iterable<string>): string[] {
  const byResource = new Map<string, Set<string>>();
  for (const atom of atoms) {
    const last = atom.lastIndexOf(':');
    const resource = last === -1 ? atom : atom.slice(0, last);
    const action = last === -1 ? '' : atom.slice(last + 1);
    const actions = byResource.get(resource) ?? new Set<string>();
    if (action) actions.add(action);
    byResource.set(resource, actions);
  }
  return [...byResource.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([resource, actions]) => (actions.size > 0 ? `${resource}:${[...actions].sort().join(',')}` : resource));
}

export function repositoryScope(repository: string, push: boolean): string {
  return `repository:${repository}:${push ? 'pull,push' : 'pull'}`;
}

export class Authorizer {
  private scheme: Scheme = 'unknown';
  private realm?: URL;
  private service?: string;
  /** Resolves with undefined when the scheme is known, or with the error that stopped the probe. */
  private probe?: Promise<unknown>;
  private releaseProbe?: (failure: unknown) => void;
  private tokens: Token[] = [];
  private readonly inflight = new Map<string, Promise<Token>>();
  private readonly basicHeader?: string;
  private readonly now: () => number;
  /** Token requests sent, for request accounting. */
  tokenRequests = 0;

  constructor(private readonly options: AuthorizerOptions) {
    this.now = options.now ?? Date.now;
    const creds = options.credentials;
    if (creds) {
      const encoded = Buffer.from(`${creds.username}:${creds.password}`, 'utf8').toString('base64');
      options.onSecret(creds.password);
      options.onSecret(encoded);
      this.basicHeader = `Basic ${encoded}`;
    }
  }

  get hasCredentials(): boolean {
    return this.options.credentials !== undefined;
  }

  get knownScheme(): Scheme {
    return this.scheme;
  }

  /**
   * The Authorization header for a registry request needing `scopes`. While the scheme is unknown,
   * one request at a time goes out bare as the probe (`probe: true`; the caller must call
   * settleProbe) and the others wait for what it learns. If the probe could not reach the
   * registry at all, the waiting requests fail with its error instead of each trying (and timing
   * out) in turn.
   */
  async headerFor(scopes: readonly string[]): Promise<{ header?: string; probe: boolean }> {
    while (this.scheme === 'unknown') {
      if (!this.probe) {
        this.probe = new Promise<unknown>((resolve) => {
          this.releaseProbe = resolve;
        });
        return { probe: true };
      }
      const failure = await this.probe;
      // The probe's own error (always an Error from the request); anything else is wrapped.
      if (failure !== undefined) throw failure instanceof Error ? failure : new Error('the registry could not be reached', { cause: failure });
    }
    return { header: await this.currentHeader(scopes), probe: false };
  }

  /**
   * Records what the probe's response says about the scheme and lets waiting requests go; with
   * `failure` (no response), they fail with it.
   */
  settleProbe(response: HttpResponse | undefined, failure?: unknown): void {
    const release = this.releaseProbe;
    this.probe = undefined;
    this.releaseProbe = undefined;
    try {
      if (response) this.learn(response);
    } finally {
      release?.(response ? undefined : failure);
    }
  }

  /**
   * A registry request got 401: learn the challenge, get a fresh credential. True when retrying
   * the request with a new header makes sense.
   */
  async onUnauthorized(response: HttpResponse, scopes: readonly string[], sentHeader: string | undefined): Promise<boolean> {
    const challenge = this.learn(response);
    if (!challenge) return false;
    if (challenge.scheme === 'basic') {
      return this.basicHeader !== undefined && sentHeader !== this.basicHeader;
    }
    if (sentHeader?.startsWith('Bearer ')) {
      const used = sentHeader.slice('Bearer '.length);
      this.tokens = this.tokens.filter((t) => t.value !== used);
    }
    const needed = new Set([...scopes, ...challengeScopes(challenge)].flatMap(scopeAtoms));
    const token = await this.tokenFor(needed);
    return `Bearer ${token.value}` !== sentHeader;
  }

  /** Fetches one token for all these scopes at once (when the registry uses tokens). */
  async prefetch(scopes: readonly string[]): Promise<void> {
    if (this.scheme !== 'bearer') return;
    await this.tokenFor(new Set(scopes.flatMap(scopeAtoms)));
  }

  private learn(response: HttpResponse): Challenge | undefined {
    if (response.status !== 401) {
      if (this.scheme === 'unknown') this.scheme = 'none';
      return undefined;
    }
    const challenges = parseChallenges(response.headers['www-authenticate']);
    const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm);
    const basic = challenges.find((c) => c.scheme === 'basic');
    if (bearer) {
      let realm: URL;
      try {
        realm = new URL(bearer.params.realm!);
        if (realm.protocol !== 'https:' && realm.protocol !== 'http:') throw new TypeError(`unsupported protocol ${realm.protocol}`);
      } catch (error) {
        throw new RegistryError(
          `the registry ${this.options.host} sent an invalid token realm "${bearer.params.realm}"`,
          { kind: 'protocol', host: this.options.host, status: 401 },
          { cause: error },
        );
      }
      this.scheme = 'bearer';
      this.realm = realm;
      this.service = bearer.params.service;
      return bearer;
    }
    if (basic) {
      this.scheme = 'basic';
      return basic;
    }
    if (this.scheme === 'unknown') this.scheme = 'none';
    return undefined;
  }

  private async currentHeader(scopes: readonly string[]): Promise<string | undefined> {
    if (this.scheme === 'basic') return this.basicHeader;
    if (this.scheme !== 'bearer') return undefined;
    const token = await this.tokenFor(new Set(scopes.flatMap(scopeAtoms)));
    return `Bearer ${token.value}`;
  }

  private cached(atoms: ReadonlySet<string>): Token | undefined {
    const now = this.now();
    this.tokens = this.tokens.filter((t) => t.expiresAt > now);
    return this.tokens.find((t) => [...atoms].every((a) => t.atoms.has(a)));
  }

  /** A valid token covering all atoms: cached, being fetched, or fetched now. */
  private async tokenFor(atoms: ReadonlySet<string>): Promise<Token> {
    const hit = this.cached(atoms);
    if (hit) return hit;
    const scopes = atomsToScopes(atoms);
    const key = scopes.join(' ');
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.fetchToken(scopes, atoms).finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }

  private async fetchToken(scopes: string[], atoms: ReadonlySet<string>): Promise<Token> {
    const realm = this.realm!;
    const creds = this.options.credentials;
    if (creds && realm.protocol !== 'https:' && !this.options.plainHttp) {
      throw new RegistryError(
        `the registry ${this.options.host} sends token requests to ${realm.origin}, which is not HTTPS: refusing to send the credentials there. If the registry really has no TLS, set plain-http: true.`,
        { kind: 'protocol', host: this.options.host },
      );
    }
    const url = new URL(realm.href);
    if (this.service) url.searchParams.append('service', this.service);
    for (const scope of scopes) url.searchParams.append('scope', scope);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.basicHeader) headers.authorization = this.basicHeader;

    this.tokenRequests++;
    const response = await this.options.get(url, headers);
    if (response.status !== 200) {
      throw errorFromResponse({
        host: this.options.host,
        operation: `get a token from ${realm.host}`,
        status: response.status,
        body: response.body,
        hasCredentials: this.hasCredentials,
        write: scopes.some((s) => s.endsWith(':push') || s.includes(',push')),
      });
    }
    let parsed: { token?: unknown; access_token?: unknown; expires_in?: unknown; refresh_token?: unknown };
    try {
      parsed = JSON.parse(response.body.toString('utf8')) as typeof parsed;
    } catch (error) {
      throw new RegistryError(`the token service ${realm.host} answered with something that is not JSON`, { kind: 'protocol', host: this.options.host }, { cause: error });
    }
    for (const secret of [parsed.token, parsed.access_token, parsed.refresh_token]) {
      if (typeof secret === 'string' && secret !== '') this.options.onSecret(secret);
    }
    const value = typeof parsed.token === 'string' && parsed.token !== '' ? parsed.token : parsed.access_token;
    if (typeof value !== 'string' || value === '') {
      throw new RegistryError(`the token service ${realm.host} answered without a token`, { kind: 'protocol', host: this.options.host });
    }
    const seconds = typeof parsed.expires_in === 'number' && parsed.expires_in > 0 ? parsed.expires_in : DEFAULT_TOKEN_SECONDS;
    const lifetime = seconds * 1000;
    const token: Token = { value, atoms: new Set(atoms), expiresAt: this.now() + lifetime - expiryMargin(lifetime) };
    this.tokens.push(token);
    this.options.debug(`auth: token for ${scopes.length === 0 ? '(no scope)' : scopes.join(' ')} from ${realm.host}, valid ${Math.round(lifetime / 1000)} s`);
    return token;
  }
}
