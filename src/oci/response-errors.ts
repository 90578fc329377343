// A registry's answer that was not what a request needed, as a RegistryError that says what to
// change: the credentials, the token's permissions, the repository, the plain-http input, or wait.
import { parseErrorBody, RegistryError, type OciErrorEntry } from './errors.js';

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

// What the registry said, on one line and briefly: the OCI error entries, or the text of a body
// that is not one (never an HTML page, never control characters).
function registrySaid(entries: OciErrorEntry[], body: Buffer | undefined): string {
  const text =
    entries.length > 0
      ? entries.map((e) => [e.code, e.message].filter(Boolean).join(': ')).join('; ')
      : (body?.subarray(0, 4 * SNIPPET_LIMIT).toString('utf8') ?? '');
  const line = text.replace(/[\s\p{Cc}]+/gu, ' ').trim();
  if (line === '') return '';
  if (entries.length === 0 && line.startsWith('<')) return ' (the registry sent an HTML page instead of an error)';
  return ` (registry said: ${line.length > SNIPPET_LIMIT ? `${line.slice(0, SNIPPET_LIMIT)}…` : line})`;
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
    return new RegistryError(`${prefix}: the registry ${ctx.host} failed with HTTP ${ctx.status}, also after retries${said}; if it is restarting or overloaded, raise the retry-timeout input to wait longer.`, {
      kind: 'server',
      ...base,
    });
  }
  return new RegistryError(`${prefix}: the registry ${ctx.host} answered HTTP ${ctx.status}.${said}`, { kind: 'protocol', ...base });
}
