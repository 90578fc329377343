// When to send a request again: 408, 429 and 5xx other than 501, dropped connections and timeouts;
// exponential backoff with jitter, Retry-After honoured; bounded by attempts and by elapsed time,
// so a registry that restarts within the budget is waited for and one that does not is given up on.
import { errorCode } from './errors.js';

export interface RetryPolicy {
  /** Total attempts including the first. */
  maxAttempts: number;
  /** No attempt starts (and no Retry-After is waited for) once this long has passed since the first. */
  maxElapsedMs: number;
  baseDelayMs: number;
  factor: number;
  /** 0.1 → the delay varies ±10%. */
  jitter: number;
  maxDelayMs: number;
}

// Delays 0.25, 0.5, 1, 2, 4, 5, 5, … s (±20%): a registry back within 30 s is reached within ~5 s of it.
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 20,
  maxElapsedMs: 60_000,
  baseDelayMs: 250,
  factor: 2,
  jitter: 0.2,
  maxDelayMs: 5_000,
};

// 501 Not Implemented will not change on a retry; 505 neither.
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ERR_REQUEST_DEADLINE',
]);

/**
 * Transient network failures. TLS errors are configuration, not luck; so is a refused connection,
 * unless the server answered before (`reachedBefore`): then it is restarting.
 */
export function isRetryableError(error: unknown, reachedBefore = false): boolean {
  const code = errorCode(error);
  if (code === 'ECONNREFUSED') return reachedBefore;
  return code !== undefined && RETRYABLE_CODES.has(code);
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; undefined if absent/invalid. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

interface AttemptOutcome {
  status?: number;
  retryAfter?: string;
  error?: unknown;
  /** The server answered an earlier request: a refused connection means it is restarting. */
  reachedBefore?: boolean;
}

/**
 * How long to wait before attempt number `attempt + 1` (attempt counts from 0 for the first try),
 * or undefined to stop. `elapsedMs` is the time since the first attempt started; `random`
 * returns [0, 1).
 */
export function retryDelay(
  attempt: number,
  outcome: AttemptOutcome,
  elapsedMs: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
  now: number = Date.now(),
): number | undefined {
  if (attempt + 1 >= policy.maxAttempts) return undefined;
  if (outcome.error !== undefined) {
    if (!isRetryableError(outcome.error, outcome.reachedBefore)) return undefined;
  } else if (outcome.status === undefined || !isRetryableStatus(outcome.status)) {
    return undefined;
  }
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * policy.factor ** attempt);
  const jittered = Math.round(backoff * (1 - policy.jitter + 2 * policy.jitter * random()));
  const after = parseRetryAfter(outcome.retryAfter, now);
  const delay = after === undefined ? jittered : Math.max(after, jittered);
  return elapsedMs + delay > policy.maxElapsedMs ? undefined : delay;
}

interface RetryHooks {
  policy?: RetryPolicy;
  /** False when the request body is a stream already consumed: such a request is never resent. */
  canResend: boolean;
  /** Whether the server has answered before (asked after each failed attempt). */
  reachedBefore?: () => boolean;
  onRetry?: (info: { attempt: number; delayMs: number; status?: number; error?: unknown }) => void;
  /** Waits; rejects when the step is aborted. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A sleep that ends early, rejecting with the signal's reason, when `signal` fires. */
export function abortableSleep(signal: AbortSignal | undefined): (ms: number) => Promise<void> {
  if (!signal) return defaultSleep;
  return (ms) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason as Error);
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal.addEventListener('abort', onAbort, { once: true });
    });
}

/**
 * Runs `send` until it gives a response that should not be retried (returned, whatever its
 * status) or fails for good (thrown).
 */
export async function withRetry<R extends { status: number; headers: Record<string, string | string[] | undefined> }>(
  send: (attempt: number) => Promise<R>,
  hooks: RetryHooks,
): Promise<R> {
  const policy = hooks.policy ?? DEFAULT_RETRY_POLICY;
  const sleep = hooks.sleep ?? defaultSleep;
  const now = hooks.now ?? Date.now;
  const started = now();
  for (let attempt = 0; ; attempt++) {
    let outcome: AttemptOutcome;
    let response: R | undefined;
    try {
      response = await send(attempt);
      const retryAfter = response.headers['retry-after'];
      outcome = { status: response.status, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter };
    } catch (error) {
      outcome = { error, reachedBefore: hooks.reachedBefore?.() ?? false };
    }
    const delay = hooks.canResend ? retryDelay(attempt, outcome, now() - started, policy) : undefined;
    if (delay === undefined) {
      if (response) return response;
      throw outcome.error;
    }
    hooks.onRetry?.({ attempt: attempt + 1, delayMs: delay, status: outcome.status, error: outcome.error });
    await sleep(delay);
  }
}
