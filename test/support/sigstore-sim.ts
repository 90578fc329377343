// Sigstore's services and the runner's OIDC endpoint cannot exist here, so they are simulated:
// Fulcio, Rekor and a timestamp authority as loopback HTTP servers built on @sigstore/mock's
// handlers, corrected where the mock differs from the real services in ways a verifier notices
// (Rekor's canonical DSSE body, whole-second timestamps, the OIDC token actually checked), an OIDC
// issuer that hands out GitHub-shaped tokens as the runner does, and GitHub's attestations API.
// The trusted root built from their keys lets @sigstore/verify check what was signed.
import { createHash, createPublicKey, generateKeyPairSync, randomBytes, sign, verify, X509Certificate, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fulcioHandler, initializeCA, initializeCTLog, initializeTLog, initializeTSA, rekorHandler, tsaHandler, type HandlerFn } from '@sigstore/mock';

export interface SimRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

interface SimServer {
  url: string;
  requests: SimRequest[];
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body: string | Uint8Array;
  contentType?: string;
  headers?: Record<string, string>;
}

type Route = (request: SimRequest, url: URL) => Promise<Answer | undefined> | undefined;

/** An HTTP server on a free loopback port; `fault` lets a test make it fail on purpose. */
async function serve(route: Route, fault: () => number | undefined): Promise<SimServer> {
  const requests: SimRequest[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const request = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString() };
        requests.push(request);
        const failing = fault();
        if (failing) {
          res.writeHead(failing, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `simulated failure ${failing}` }));
          return;
        }
        try {
          const answer = await route(request, new URL(request.path, 'http://sim'));
          if (!answer) {
            res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
            return;
          }
          res.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/json', ...answer.headers }).end(answer.body);
        } catch (error) {
          res.writeHead(500, { 'content-type': 'text/plain' }).end(error instanceof Error ? error.message : String(error));
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

function handlerRoute(path: string, fn: HandlerFn): Route {
  return async (request, url) => {
    if (request.method !== 'POST' || url.pathname !== path) return undefined;
    const { statusCode, response, contentType } = await fn(request.body);
    return { status: statusCode, body: typeof response === 'string' ? response : new Uint8Array(response.buffer, response.byteOffset, response.byteLength), contentType };
  };
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown>; signed: string; signature: Buffer } {
  const [h, p, s] = token.split('.');
  if (!h || !p || s === undefined) throw new Error('not a JWT');
  return { header: JSON.parse(Buffer.from(h, 'base64url').toString()), payload: JSON.parse(Buffer.from(p, 'base64url').toString()), signed: `${h}.${p}`, signature: Buffer.from(s, 'base64url') };
}

function pae(type: string, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(type)} ${type} ${payload.length} `), payload]);
}

/**
 * Real Rekor checks a DSSE entry's signature against the certificate and stores the canonical
 * body; the mock would store the proposed entry, which @sigstore/verify rejects.
 */
function canonicalDsseEntry(proposed: { spec: { proposedContent: { envelope: string; verifiers: string[] } } }): object {
  const envelope = JSON.parse(proposed.spec.proposedContent.envelope) as { payload: string; payloadType: string; signatures: Array<{ sig: string }> };
  const verifier = proposed.spec.proposedContent.verifiers[0]!;
  const certificate = new X509Certificate(Buffer.from(verifier, 'base64').toString());
  const payload = Buffer.from(envelope.payload, 'base64');
  const signature = envelope.signatures[0]!.sig;
  if (!verify('sha256', pae(envelope.payloadType, payload), certificate.publicKey, Buffer.from(signature, 'base64'))) {
    throw new Error('DSSE signature does not verify against the certificate');
  }
  return {
    apiVersion: '0.0.1',
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: createHash('sha256').update(proposed.spec.proposedContent.envelope).digest('hex') },
      payloadHash: { algorithm: 'sha256', value: createHash('sha256').update(payload).digest('hex') },
      signatures: [{ signature, verifier }],
    },
  };
}

export interface GitHubClaims {
  repository: string;
  workflowPath: string;
  ref: string;
  sha: string;
}

export interface SigstoreSim {
  fulcioUrl: string;
  rekorUrl: string;
  tsaUrl: string;
  /** The OIDC issuer (`iss` of every token) with its discovery document and JWKS. */
  issuerUrl: string;
  /** ACTIONS_ID_TOKEN_REQUEST_URL as the runner sets it (with `?api-version=2.0`). */
  tokenRequestUrl: string;
  /** ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  tokenRequestToken: string;
  /** The simulated GitHub REST API (GITHUB_API_URL), with `POST /repos/{owner}/{repo}/attestations`. */
  githubApiUrl: string;
  /** The URI SAN Fulcio certifies for these tokens, as it does for GitHub: https://github.com/<job_workflow_ref>. */
  identity: string;
  /** The trusted root (protobuf-specs JSON) holding the simulated services' keys. */
  trustedRoot: Record<string, unknown>;
  /** Every OIDC token handed out: none of them may appear in any output. */
  issuedTokens: string[];
  /** Attestation bundles the API stored, by id. */
  storedAttestations: Map<number, unknown>;
  requests: { fulcio: SimRequest[]; rekor: SimRequest[]; tsa: SimRequest[]; oidc: SimRequest[]; github: SimRequest[] };
  /** Make a service answer this HTTP status to every request (undefined: work again). */
  failures: { fulcio?: number; rekor?: number; tsa?: number; oidc?: number; github?: number };
  /** The environment a runner gives a job with `id-token: write` (plus GITHUB_* for provenance). */
  env(): Record<string, string>;
  close(): Promise<void>;
}

export async function startSigstoreSim(claims: GitHubClaims = { repository: 'acme/app', workflowPath: '.github/workflows/release.yml', ref: 'refs/heads/main', sha: 'a'.repeat(40) }): Promise<SigstoreSim> {
  const ec = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const oidcKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const requestToken = randomBytes(24).toString('hex');
  const issuedTokens: string[] = [];
  const stored = new Map<number, unknown>();
  const failures: SigstoreSim['failures'] = {};
  const jobWorkflowRef = `${claims.repository}/${claims.workflowPath}@${claims.ref}`;
  const identity = `https://github.com/${jobWorkflowRef}`;

  // OIDC issuer: the runner's token endpoint, discovery and JWKS on one server.
  let issuerUrl = '';
  const oidc = await serve(async (request, url) => {
    if (url.pathname === '/.well-known/openid-configuration') {
      return { status: 200, body: JSON.stringify({ issuer: issuerUrl, jwks_uri: `${issuerUrl}/.well-known/jwks` }) };
    }
    if (url.pathname === '/.well-known/jwks') {
      return { status: 200, body: JSON.stringify({ keys: [{ ...oidcKey.publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] }) };
    }
    if (url.pathname !== '/token') return undefined;
    if (request.headers.authorization !== `Bearer ${requestToken}`) return { status: 401, body: JSON.stringify({ message: 'bad request token' }) };
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      iss: issuerUrl,
      aud: url.searchParams.get('audience') ?? claims.repository.split('/')[0],
      sub: `repo:${claims.repository}:ref:${claims.ref}`,
      iat: now,
      nbf: now - 5,
      exp: now + 300,
      jti: randomBytes(8).toString('hex'),
      ref: claims.ref,
      sha: claims.sha,
      repository: claims.repository,
      repository_owner: claims.repository.split('/')[0],
      repository_id: '101',
      repository_owner_id: '202',
      repository_visibility: 'public',
      event_name: 'push',
      workflow: 'release',
      workflow_ref: `${claims.repository}/${claims.workflowPath}@${claims.ref}`,
      workflow_sha: claims.sha,
      job_workflow_ref: jobWorkflowRef,
      job_workflow_sha: claims.sha,
      runner_environment: 'github-hosted',
      run_id: '303',
      run_number: '7',
      run_attempt: '1',
    };
    const signed = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }))}.${b64url(JSON.stringify(payload))}`;
    const token = `${signed}.${b64url(sign('sha256', Buffer.from(signed), oidcKey.privateKey))}`;
    issuedTokens.push(token);
    return { status: 200, body: JSON.stringify({ value: token }) };
  }, () => failures.oidc);
  issuerUrl = oidc.url;

  // Fulcio: checks the token (signature, issuer, audience, expiry) and the proof of possession as
  // the real one does, then lets the mock issue a certificate for https://github.com/<job_workflow_ref>.
  const ctLog = await initializeCTLog(ec());
  const caKeys = ec();
  const ca = await initializeCA(caKeys, ctLog);
  const mockFulcio = fulcioHandler(ca, { subjectClaim: 'fulcio_subject' });
  const fulcio = await serve(async (request, url) => {
    if (request.method !== 'POST' || url.pathname !== mockFulcio.path) return undefined;
    const body = JSON.parse(request.body) as { credentials: { oidcIdentityToken: string }; publicKeyRequest: { publicKey: { content: string }; proofOfPossession: string } };
    const jwt = decodeJwt(body.credentials.oidcIdentityToken);
    const p = jwt.payload;
    const fail = (message: string) => ({ status: 401, body: JSON.stringify({ code: 401, message }) });
    if (!verify('sha256', Buffer.from(jwt.signed), oidcKey.publicKey, jwt.signature)) return fail('the OIDC token signature is invalid');
    if (p.iss !== issuerUrl || p.aud !== 'sigstore' || typeof p.exp !== 'number' || p.exp < Date.now() / 1000) return fail('the OIDC token is not for sigstore or expired');
    const key = createPublicKey(body.publicKeyRequest.publicKey.content);
    if (key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') return { status: 400, body: JSON.stringify({ code: 400, message: 'unsupported key' }) };
    if (!verify('sha256', Buffer.from(String(p.sub)), key, Buffer.from(body.publicKeyRequest.proofOfPossession, 'base64'))) return fail('proof of possession failed');
    const forMock = { ...body, credentials: { oidcIdentityToken: `${b64url('{"alg":"none"}')}.${b64url(JSON.stringify({ ...p, fulcio_subject: `https://github.com/${String(p.job_workflow_ref)}` }))}.` } };
    const { statusCode, response, contentType } = await mockFulcio.fn(JSON.stringify(forMock));
    return { status: statusCode, body: response as string, contentType };
  }, () => failures.fulcio);

  // Rekor: the checkpoint's origin is the log's URL host, which the trusted root must name.
  const rekorKeys = ec();
  // Set once the server's URL is known; requests before then get no answer.
  const tlog: { ready?: Awaited<ReturnType<typeof initializeTLog>> } = {};
  const rekor = await serve(async (request, url) => {
    if (request.method !== 'POST' || url.pathname !== '/api/v1/log/entries' || !tlog.ready) return undefined;
    const proposed = JSON.parse(request.body) as { kind: string };
    let entry: object = proposed;
    if (proposed.kind === 'dsse') {
      try {
        entry = canonicalDsseEntry(proposed as unknown as Parameters<typeof canonicalDsseEntry>[0]);
      } catch (error) {
        return { status: 400, body: JSON.stringify({ code: 400, message: (error as Error).message }) };
      }
    }
    return handlerRoute('/api/v1/log/entries', rekorHandler(tlog.ready).fn)({ ...request, body: JSON.stringify(entry) }, url);
  }, () => failures.rekor);
  tlog.ready = await initializeTLog(rekor.url, rekorKeys);

  // TSA: stamps whole seconds, as the real one does (the mock's milliseconds lose trailing zeros).
  const tsaKeys = ec();
  const tsa = await initializeTSA(tsaKeys);
  (tsa as unknown as { getCurrentTime: () => Date }).getCurrentTime = () => new Date(Math.floor(Date.now() / 1000) * 1000);
  const mockTsa = tsaHandler(tsa);
  const tsaServer = await serve(handlerRoute(mockTsa.path, mockTsa.fn), () => failures.tsa);

  // GitHub's attestations API.
  let nextId = 1000;
  const github = await serve(async (request, url) => {
    const match = /^\/repos\/([^/]+)\/([^/]+)\/attestations$/.exec(url.pathname);
    if (!match || request.method !== 'POST') return undefined;
    if (!request.headers.authorization?.match(/^(token|Bearer) \S+$/i)) return { status: 401, body: JSON.stringify({ message: 'Requires authentication' }) };
    const { bundle } = JSON.parse(request.body) as { bundle?: unknown };
    if (!bundle) return { status: 422, body: JSON.stringify({ message: 'Invalid request: bundle is missing' }) };
    const id = nextId++;
    stored.set(id, bundle);
    return { status: 201, body: JSON.stringify({ id }) };
  }, () => failures.github);

  const start = new Date(Date.now() - 3600_000).toISOString();
  const raw = (der: ArrayBufferView) => Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
  const spki = (key: KeyObject) => key.export({ format: 'der', type: 'spki' });
  const tsaChain = [tsa.intCertificate, tsa.rootCertificate].map((c) => ({ rawBytes: raw(c) }));
  const trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
      {
        baseUrl: rekor.url,
        hashAlgorithm: 'SHA2_256',
        publicKey: { rawBytes: spki(rekorKeys.publicKey).toString('base64'), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } },
        logId: { keyId: createHash('sha256').update(spki(rekorKeys.publicKey)).digest('base64') },
      },
    ],
    certificateAuthorities: [
      { subject: { organization: 'simulated', commonName: 'fulcio' }, uri: fulcio.url, certChain: { certificates: [{ rawBytes: raw(ca.rootCertificate) }] }, validFor: { start } },
    ],
    ctlogs: [
      {
        baseUrl: 'http://ctlog.invalid',
        hashAlgorithm: 'SHA2_256',
        publicKey: { rawBytes: ctLog.publicKey.toString('base64'), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } },
        logId: { keyId: raw(ctLog.logID) },
      },
    ],
    timestampAuthorities: [{ subject: { organization: 'simulated', commonName: 'tsa' }, uri: tsaServer.url, certChain: { certificates: tsaChain }, validFor: { start } }],
  };

  return {
    fulcioUrl: fulcio.url,
    rekorUrl: rekor.url,
    tsaUrl: tsaServer.url,
    issuerUrl,
    tokenRequestUrl: `${oidc.url}/token?api-version=2.0`,
    tokenRequestToken: requestToken,
    githubApiUrl: github.url,
    identity,
    trustedRoot,
    issuedTokens,
    storedAttestations: stored,
    requests: { fulcio: fulcio.requests, rekor: rekor.requests, tsa: tsaServer.requests, oidc: oidc.requests, github: github.requests },
    failures,
    env: () => ({
      ACTIONS_ID_TOKEN_REQUEST_URL: `${oidc.url}/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: claims.repository,
      GITHUB_SHA: claims.sha,
      GITHUB_REF: claims.ref,
    }),
    close: async () => {
      await Promise.all([oidc, fulcio, rekor, tsaServer, github].map((s) => s.close()));
    },
  };
}
