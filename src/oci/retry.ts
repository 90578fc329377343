// When to send a request again: 408, 429 and 5xx other than 501, dropped connections and timeouts;
// exponential backoff with jitter, Retry-After honoured; a bounded number of attempts.
import { errorCode } from './errors.js';

export interface RetryPolicy {
  /** Total attempts including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  factor: number;
  /** 0.1 → the delay varies ±10%. */
  jitter: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the request fails instead. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 250,
  factor: 2,
  jitter: 0.1,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 60_000,
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
]);

/** Transient network failures; refused connections and TLS errors are configuration, not luck. */
export function isRetryableError(error: unknown): boolean {
  const code = errorCode(error);
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

export interface AttemptOutcome {
  status?: number;
  retryAfter?: string;
  error?: unknown;
}

/**
 * How long to wait before attempt number `attempt + 1` (attempt counts from 0 for the first try),
 * or undefined to stop. `random` returns [0, 1).
 */
export function retryDelay(
  attempt: number,
  outcome: AttemptOutcome,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
  now: number = Date.now(),
): number | undefined {
  if (attempt + 1 >= policy.maxAttempts) return undefined;
  if (outcome.error !== undefined) {
    if (!isRetryableError(outcome.error)) return undefined;
  } else if (outcome.status === undefined || !isRetryableStatus(outcome.status)) {
    return undefined;
  }
  const backoff = policy.baseDelayMs * policy.factor ** attempt;
  const jittered = Math.min(policy.maxDelayMs, backoff * (1 - policy.jitter + 2 * policy.jitter * random()));
  const after = parseRetryAfter(outcome.retryAfter, now);
  if (after !== undefined) {
    if (after > policy.maxRetryAfterMs) return undefined;
    return Math.max(after, jittered);
  }
  return Math.round(jittered);
}

export interface RetryHooks {
  policy?: RetryPolicy;
  /** False when the request body is a stream already consumed: such a request is never resent. */
  canResend: boolean;
  onRetry?: (info: { attempt: number; delayMs: number; status?: number; error?: unknown }) => void;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

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
  for (let attempt = 0; ; attempt++) {
    let outcome: AttemptOutcome;
    let response: R | undefined;
    try {
      response = await send(attempt);
      const retryAfter = response.headers['retry-after'];
      outcome = { status: response.status, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter };
    } catch (error) {
      outcome = { error };
    }
    const delay = hooks.canResend ? retryDelay(attempt, outcome, policy) : undefined;
    if (delay === undefined) {
      if (response) return response;
      throw outcome.error;
    }
    hooks.onRetry?.({ attempt: attempt + 1, delayMs: delay, status: outcome.status, error: outcome.error });
    await sleep(delay);
  }
}
