// Errors a user can act on: every registry failure becomes a RegistryError whose message says what
// happened and which action input to change. The original error stays in `cause`; messages never
// carry a credential (they are built from hosts, repositories, status codes and registry text).

/** A bad registry URL, repository name or tag, found before any request is made. */
export class OciInputError extends Error {
  override name = 'OciInputError';
}

export type RegistryErrorKind =
  | 'unauthorized'
  | 'denied'
  | 'name-unknown'
  | 'rate-limited'
  | 'tls'
  | 'connection'
  | 'tag-exists'
  | 'digest-mismatch'
  | 'protocol'
  | 'server';

export interface RegistryErrorDetails {
  kind: RegistryErrorKind;
  host: string;
  repository?: string;
  status?: number;
  /** OCI error codes from the response body, e.g. ["DENIED"]. */
  codes?: string[];
}

export class RegistryError extends Error {
  override name = 'RegistryError';
  readonly kind: RegistryErrorKind;
  readonly host: string;
  readonly repository?: string;
  readonly status?: number;
  readonly codes: string[];

  constructor(message: string, details: RegistryErrorDetails, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = details.kind;
    this.host = details.host;
    this.repository = details.repository;
    this.status = details.status;
    this.codes = details.codes ?? [];
  }
}

export interface OciErrorEntry {
  code: string;
  message: string;
}

/** The `errors` array of a distribution-spec error body; [] when the body is something else. */
export function parseErrorBody(body: Buffer | string | undefined): OciErrorEntry[] {
  if (!body || body.length === 0) return [];
  try {
    const parsed = JSON.parse(body.toString()) as { errors?: unknown };
    if (!Array.isArray(parsed.errors)) return [];
    return parsed.errors.flatMap((entry: unknown) => {
      if (typeof entry !== 'object' || entry === null) return [];
      const { code, message } = entry as { code?: unknown; message?: unknown };
      return [{ code: typeof code === 'string' ? code : '', message: typeof message === 'string' ? message : '' }];
    });
  } catch {
    return [];
  }
}

export interface ResponseErrorContext {
  host: string;
  repository?: string;
  /** What we were doing, as a verb phrase: "push the manifest", "read the manifest". */
  operation: string;
  status: number;
  body?: Buffer;
  /** Were credentials configured for this registry? */
  hasCredentials: boolean;
  /** Does the failed request need push access (as opposed to pull)? */
  write: boolean;
  /** The `error` parameter of the last Bearer challenge, e.g. "insufficient_scope". */
  challengeError?: string;
  retryAfter?: string;
}

const SNIPPET_LIMIT = 300;

function registrySaid(entries: OciErrorEntry[], body: Buffer | undefined): string {
  if (entries.length > 0) {
    const text = entries.map((e) => [e.code, e.message].filter(Boolean).join(': ')).join('; ');
    return ` (registry said: ${text.slice(0, SNIPPET_LIMIT)})`;
  }
  const raw = body?.toString('utf8').trim().replace(/\s+/g, ' ') ?? '';
  if (raw && !raw.startsWith('<')) return ` (registry said: ${raw.slice(0, SNIPPET_LIMIT)})`;
  return '';
}

function ghcrHint(host: string): string {
  if (host !== 'ghcr.io') return '';
  return (
    ' On ghcr.io the token needs the write:packages scope; with GITHUB_TOKEN, give the job' +
    ' `permissions: packages: write`, and if the package already exists, grant this repository' +
    ' write access to it in the package settings.'
  );
}

function ecrHint(host: string, repository: string | undefined): string {
  if (!/\.dkr\.ecr\.[^.]+\.amazonaws\.com(\.cn)?$/.test(host)) return '';
  return ` On Amazon ECR, create it with \`aws ecr create-repository --repository-name ${repository ?? '<name>'}\`.`;
}

/** Turns a failed registry response into a RegistryError with a message a user can act on. */
export function errorFromResponse(ctx: ResponseErrorContext): RegistryError {
  const entries = parseErrorBody(ctx.body);
  const codes = entries.map((e) => e.code).filter(Boolean);
  const where = ctx.repository ? `${ctx.host}/${ctx.repository}` : ctx.host;
  const said = registrySaid(entries, ctx.body);
  const prefix = `could not ${ctx.operation} (${where})`;
  const base = { host: ctx.host, repository: ctx.repository, status: ctx.status, codes };
  const access = ctx.write ? 'push to' : 'pull from';

  const denied = ctx.status === 403 || codes.includes('DENIED') || (ctx.status === 401 && ctx.challengeError === 'insufficient_scope' && ctx.hasCredentials);
  // ECR answers an expired login token with 403 DENIED: the credentials are not valid any more.
  if (denied && entries.some((e) => /token has expired/i.test(e.message))) {
    return new RegistryError(
      `${prefix}: the registry ${ctx.host} says the login token has expired (HTTP ${ctx.status}): get a fresh one in the same job right before this step (for ECR, aws-actions/amazon-ecr-login; its tokens last 12 hours).${said}`,
      { kind: 'unauthorized', ...base },
    );
  }
  if (denied) {
    return new RegistryError(
      `${prefix}: the registry ${ctx.host} denied access (HTTP ${ctx.status}): the credentials are valid but have no permission to ${access} ${where}.${ghcrHint(ctx.host)}${said}`,
      { kind: 'denied', ...base },
    );
  }
  if (ctx.status === 401) {
    const message = ctx.hasCredentials
      ? `the registry ${ctx.host} refused the credentials (HTTP 401). Check the username and password inputs: the user must exist and the password or token must be valid and not expired.`
      : `the registry ${ctx.host} requires credentials (HTTP 401) and none were given: set the username and password inputs.`;
    return new RegistryError(`${prefix}: ${message}${said}`, { kind: 'unauthorized', ...base });
  }
  if (codes.includes('NAME_UNKNOWN')) {
    return new RegistryError(
      `${prefix}: the repository ${where} does not exist and this registry does not create repositories on push: create it first.${ecrHint(ctx.host, ctx.repository)}${said}`,
      { kind: 'name-unknown', ...base },
    );
  }
  if (ctx.status === 429 || codes.includes('TOOMANYREQUESTS')) {
    const after = ctx.retryAfter ? ` (Retry-After: ${ctx.retryAfter})` : '';
    return new RegistryError(
      `${prefix}: the registry ${ctx.host} is rate limiting requests (HTTP 429)${after} and retries did not help: run the job again later or publish fewer charts at once.${said}`,
      { kind: 'rate-limited', ...base },
    );
  }
  if (ctx.status === 400 && ctx.body?.toString().includes('HTTP request to an HTTPS server')) {
    return new RegistryError(
      `${prefix}: ${ctx.host} serves HTTPS but the request was plain HTTP: remove the plain-http input.`,
      { kind: 'protocol', ...base },
    );
  }
  if (ctx.status >= 500) {
    return new RegistryError(`${prefix}: the registry ${ctx.host} failed with HTTP ${ctx.status}, also after retries.${said}`, {
      kind: 'server',
      ...base,
    });
  }
  return new RegistryError(`${prefix}: the registry ${ctx.host} answered HTTP ${ctx.status}.${said}`, { kind: 'protocol', ...base });
}

const TLS_UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);
const TLS_NOT_TLS = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_HTTP_REQUEST']);
const TLS_CLIENT_CERT = new Set([
  'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
  'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
  'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN',
]);

/** The first Node/undici error code found in an error, its causes, or an AggregateError's errors. */
export function errorCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const { code, cause, errors } = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string' && code !== 'UND_ERR') return code;
    queue.push(cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return undefined;
}

export interface NetworkErrorContext {
  host: string;
  repository?: string;
  operation: string;
  plainHttp: boolean;
  /** Was a TLS client certificate configured? */
  clientCertificate?: boolean;
}

/** Turns a connection, TLS or timeout failure into a RegistryError with a hint about the inputs. */
export function errorFromNetwork(error: unknown, ctx: NetworkErrorContext): RegistryError {
  if (error instanceof RegistryError) return error;
  const code = errorCode(error) ?? '';
  const where = ctx.repository ? `${ctx.host}/${ctx.repository}` : ctx.host;
  const prefix = `could not ${ctx.operation} (${where})`;
  const base = { host: ctx.host, repository: ctx.repository };
  // Drop any user:password@ a proxy URL might carry into an error message.
  const text = (error instanceof Error ? error.message : String(error)).replace(/\/\/[^/@\s]+@/g, '//***@');
  const hostname = ctx.host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');

  if (TLS_UNTRUSTED.has(code)) {
    return new RegistryError(
      `${prefix}: the TLS certificate of ${ctx.host} is not trusted (${code}: ${text}). If the registry uses a private or self-signed CA, give its certificate in the ca-file input; only for testing, set insecure-skip-tls-verify: true.`,
      { kind: 'tls', ...base },
      { cause: error },
    );
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new RegistryError(
      `${prefix}: the TLS certificate of ${ctx.host} is not valid for the name ${hostname} (${text}). Use the host name the certificate was issued for in the registry URL; only for testing, set insecure-skip-tls-verify: true.`,
      { kind: 'tls', ...base },
      { cause: error },
    );
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return new RegistryError(
      `${prefix}: the TLS certificate of ${ctx.host} is ${code === 'CERT_HAS_EXPIRED' ? 'expired' : 'not yet valid'}. Renew it on the registry; only for testing, set insecure-skip-tls-verify: true.`,
      { kind: 'tls', ...base },
      { cause: error },
    );
  }
  if (TLS_NOT_TLS.has(code) || /wrong version number/i.test(text)) {
    return new RegistryError(
      `${prefix}: ${ctx.host} did not answer with TLS; it seems to serve plain HTTP. For a registry without TLS, set plain-http: true.`,
      { kind: 'tls', ...base },
      { cause: error },
    );
  }
  if (TLS_CLIENT_CERT.has(code)) {
    return new RegistryError(
      `${prefix}: ${ctx.host} refused the TLS handshake (${code}): it requires a client certificate it trusts; check the cert-file and key-file inputs.`,
      { kind: 'tls', ...base },
      { cause: error },
    );
  }
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
    return new RegistryError(
      `${prefix}: the TLS connection to ${ctx.host} failed (${code}: ${text}). Check the ca-file and insecure-skip-tls-verify inputs, or plain-http for a registry without TLS.`,
      { kind: 'tls', ...base },
      { cause: error },
    );
  }
  // A server that wants a client certificate may just close the connection after the handshake.
  const plainHint = ctx.plainHttp
    ? ' If the registry serves HTTPS, remove the plain-http input.'
    : ctx.clientCertificate
      ? ''
      : ' If the registry requires TLS client certificates (mutual TLS), set the cert-file and key-file inputs.';
  if (code === 'ECONNREFUSED') {
    return new RegistryError(
      `${prefix}: could not connect to ${ctx.host}: connection refused. Check the host and port in the registry URL.`,
      { kind: 'connection', ...base },
      { cause: error },
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new RegistryError(
      `${prefix}: the host name ${hostname} could not be resolved (${code}). Check the registry URL.`,
      { kind: 'connection', ...base },
      { cause: error },
    );
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
    return new RegistryError(
      `${prefix}: connecting to ${ctx.host} timed out. Check the host and port, and the HTTPS_PROXY/NO_PROXY settings.`,
      { kind: 'connection', ...base },
      { cause: error },
    );
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new RegistryError(`${prefix}: ${ctx.host} did not answer in time, also after retries.`, { kind: 'connection', ...base }, { cause: error });
  }
  return new RegistryError(
    `${prefix}: the connection to ${ctx.host} failed (${code || text}).${plainHint}`,
    { kind: 'connection', ...base },
    { cause: error },
  );
}
