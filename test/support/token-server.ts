// A Docker/Distribution token server: it answers `GET <realm>?service=…&scope=…` (and the OAuth2
// `POST` form some clients try first) with RS256 JWTs that Distribution's `auth.token` accepts:
// the header carries the signing certificate in `x5c`, which chains to `rootCertBundleFile`.
import { X509Certificate, createPrivateKey, randomBytes, sign, type KeyObject } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { issueCert, makeCa, type TestCa } from './certs.js';
import { removeDir } from './tmp.js';

export interface TokenUser {
  username: string;
  password: string;
  /** Actions this user may be granted on any repository; default pull, push, delete and `*`. */
  actions?: string[];
}

export interface TokenServerOptions {
  users: TokenUser[];
  /** The `service` the registry names in its challenge; becomes the token's `aud`. */
  service?: string;
  /** The token's `iss`; the registry must be configured with the same. */
  issuer?: string;
  /** Without credentials, hand out tokens limited to `pull` instead of answering 401. */
  anonymousPull?: boolean;
  /** Serve HTTPS with this certificate instead of plain HTTP. */
  tls?: { certPem: string; keyPem: string };
  /** Signing certificates are issued by this CA; default: a fresh CA owned (and removed) by the server. */
  ca?: TestCa;
  /** Token lifetime in seconds (default 300). */
  expiresIn?: number;
}

/** One access entry of a token, as Distribution reads it. */
export interface Access {
  type: string;
  name: string;
  actions: string[];
}

/** What one token request asked for; the password is never recorded. */
export interface TokenRequestRecord {
  method: string;
  service: string | undefined;
  scopes: string[];
  withCredentials: boolean;
  username: string | undefined;
  status: number;
  granted: Access[];
}

export interface TokenServer {
  /** The realm for the registry's challenge, e.g. `http://127.0.0.1:PORT/token`. */
  realm: string;
  service: string;
  issuer: string;
  /** PEM bundle the registry trusts for token signatures (`auth.token.rootcertbundle`). */
  rootCertBundleFile: string;
  /** Every token issued, in order. */
  readonly issuedTokens: string[];
  /** Every request received, in order. */
  readonly requests: TokenRequestRecord[];
  stop(): Promise<void>;
}

const DEFAULT_ACTIONS = ['pull', 'push', 'delete', '*'];

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/** Splits `repository:ns/name:pull,push` (the name may itself hold colons, e.g. a port). */
export function parseScope(scope: string): Access | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first < 0 || last <= first) return undefined;
  const actions = scope.slice(last + 1).split(',').filter((a) => a.length > 0);
  return { type: scope.slice(0, first), name: scope.slice(first + 1, last), actions };
}

function parseBasic(header: string | undefined): { username: string; password: string } | undefined {
  if (!header || !/^basic /i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Starts a token server on a free 127.0.0.1 port. */
export async function startTokenServer(options: TokenServerOptions): Promise<TokenServer> {
  const service = options.service ?? 'test-registry';
  const issuer = options.issuer ?? 'test-token-issuer';
  const expiresIn = options.expiresIn ?? 300;
  const ownCa = options.ca === undefined;
  const ca = options.ca ?? (await makeCa({ commonName: 'token signing CA' }));
  const signer = await issueCert(ca, { commonName: 'token signer', usage: 'signing', keyType: 'rsa', name: `token-signer-${randomBytes(4).toString('hex')}` });
  const signingKey: KeyObject = createPrivateKey(signer.keyPem);
  const x5c = [new X509Certificate(signer.certPem).raw.toString('base64')];

  const issuedTokens: string[] = [];
  const requests: TokenRequestRecord[] = [];

  function makeToken(subject: string, access: Access[]): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { typ: 'JWT', alg: 'RS256', x5c };
    // `aud` stays a plain string: Distribution 2.8 does not read a list here.
    const claims = { iss: issuer, sub: subject, aud: service, exp: now + expiresIn, nbf: now - 1, iat: now, jti: randomBytes(12).toString('hex'), access };
    const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
    const signature = sign('sha256', Buffer.from(signingInput), signingKey);
    return `${signingInput}.${base64url(signature)}`;
  }

  function grant(scopes: string[], allowed: string[]): Access[] {
    const granted: Access[] = [];
    for (const scope of scopes) {
      const wanted = parseScope(scope);
      if (!wanted) continue;
      const actions = wanted.actions.filter((action) => allowed.includes(action));
      if (actions.length > 0) granted.push({ ...wanted, actions });
    }
    return granted;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://token.invalid');
    if (url.pathname !== '/token' || (req.method !== 'GET' && req.method !== 'POST')) {
      sendJson(res, 404, { error: 'not_found' });
      return;
    }
    let params = url.searchParams;
    let credentials = parseBasic(req.headers.authorization);
    if (req.method === 'POST') {
      // OAuth2 password grant (containerd and Docker try it before falling back to GET).
      params = new URLSearchParams(await readBody(req));
      if (params.get('grant_type') !== 'password') {
        record(400, []);
        sendJson(res, 400, { error: 'unsupported_grant_type' });
        return;
      }
      credentials = { username: params.get('username') ?? '', password: params.get('password') ?? '' };
    }
    const scopes = params.getAll('scope').flatMap((s) => s.split(' ')).filter((s) => s.length > 0);
    const requestedService = params.get('service') ?? undefined;

    function record(status: number, granted: Access[]): void {
      requests.push({ method: req.method ?? '', service: requestedService, scopes, withCredentials: credentials !== undefined, username: credentials?.username, status, granted });
    }
    function refuse(message: string): void {
      record(401, []);
      sendJson(res, 401, { errors: [{ code: 'UNAUTHORIZED', message }] }, { 'WWW-Authenticate': `Basic realm="${service}"` });
    }

    if (requestedService !== undefined && requestedService !== service) {
      record(400, []);
      sendJson(res, 400, { errors: [{ code: 'UNSUPPORTED', message: `unknown service ${requestedService}` }] });
      return;
    }

    let subject: string;
    let allowed: string[];
    if (credentials) {
      const user = options.users.find((u) => u.username === credentials!.username && u.password === credentials!.password);
      if (!user) {
        refuse('wrong username or password');
        return;
      }
      subject = user.username;
      allowed = user.actions ?? DEFAULT_ACTIONS;
    } else if (options.anonymousPull) {
      subject = '';
      allowed = ['pull'];
    } else {
      refuse('credentials required');
      return;
    }

    const granted = grant(scopes, allowed);
    const token = makeToken(subject, granted);
    issuedTokens.push(token);
    record(200, granted);
    sendJson(res, 200, { token, access_token: token, expires_in: expiresIn, issued_at: new Date().toISOString() });
  }

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(error) });
      else res.destroy();
    });
  };
  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.certPem, key: options.tls.keyPem }, listener)
    : createHttpServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const scheme = options.tls ? 'https' : 'http';

  return {
    realm: `${scheme}://127.0.0.1:${port}/token`,
    service,
    issuer,
    rootCertBundleFile: ca.certFile,
    issuedTokens,
    requests,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownCa) await removeDir(ca.dir);
    },
  };
}
