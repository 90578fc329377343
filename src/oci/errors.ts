// Errors a user can act on: every registry failure becomes a RegistryError whose message says what
// happened and which action input to change. The original error stays in `cause`; messages never
// carry a credential (they are built from hosts, repositories, status codes and registry text).

/** A bad registry URL, repository name or tag, found before any request is made. */
export class OciInputError extends Error {
  override name = 'OciInputError';
}

type RegistryErrorKind =
  | 'unauthorized'
  | 'denied'
  | 'name-unknown'
  | 'rate-limited'
  | 'tls'
  | 'connection'
  | 'tag-exists'
  | 'digest-mismatch'
  | 'protocol'
  | 'server'
  /** A request did not complete within its deadline, also after retries. */
  | 'timeout'
  /** The step's time ran out (its AbortSignal fired). */
  | 'aborted';

interface RegistryErrorDetails {
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
    if (Array.isArray(errors)) queue.push(...(errors as unknown[]));
  }
  return undefined;
}
