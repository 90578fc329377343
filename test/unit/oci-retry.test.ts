import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { abortableSleep, DEFAULT_RETRY_POLICY, isRetryableError, isRetryableStatus, parseRetryAfter, retryDelay, withRetry, type RetryPolicy } from '../../src/oci/retry.js';

const half = (): number => 0.5; // jitter midpoint: the delay is exactly the backoff
const P = DEFAULT_RETRY_POLICY;

function codeError(code: string): Error {
  return Object.assign(new Error(code), { code });
}

describe('retry decisions', () => {
  it('retries 408, 429 and 5xx except 501 and 505', () => {
    for (const s of [408, 429, 500, 502, 503, 504, 599]) assert.equal(isRetryableStatus(s), true, String(s));
    for (const s of [200, 201, 400, 401, 403, 404, 409, 501, 505]) assert.equal(isRetryableStatus(s), false, String(s));
  });

  it('retries resets and timeouts, not refusals or TLS errors', () => {
    for (const c of ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'ETIMEDOUT', 'ERR_REQUEST_DEADLINE']) {
      assert.equal(isRetryableError(codeError(c)), true, c);
    }
    assert.equal(isRetryableError(new Error('x', { cause: codeError('ECONNRESET') })), true);
    for (const c of ['ECONNREFUSED', 'ENOTFOUND', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_RESPONSE_TOO_LARGE']) {
      assert.equal(isRetryableError(codeError(c)), false, c);
    }
    assert.equal(isRetryableError(new Error('plain')), false);
  });

  it('retries a refused connection only to a server that answered before (it is restarting)', () => {
    assert.equal(isRetryableError(codeError('ECONNREFUSED'), true), true);
    assert.equal(retryDelay(0, { error: codeError('ECONNREFUSED') }, 0), undefined);
    assert.notEqual(retryDelay(0, { error: codeError('ECONNREFUSED'), reachedBefore: true }, 0), undefined);
  });

  it('backs off exponentially with bounded jitter, capped', () => {
    assert.equal(retryDelay(0, { status: 503 }, 0, P, half), 250);
    assert.equal(retryDelay(1, { status: 503 }, 0, P, half), 500);
    assert.equal(retryDelay(2, { status: 503 }, 0, P, half), 1000);
    assert.equal(retryDelay(0, { status: 503 }, 0, P, () => 0), 200);
    assert.equal(retryDelay(0, { status: 503 }, 0, P, () => 0.9999999), 300);
    assert.equal(retryDelay(10, { status: 503 }, 0, P, half), P.maxDelayMs);
  });

  it('waits for a registry that is back within 30 s: the default budget spans more than 30 s of backoff', () => {
    let waited = 0;
    let attempt = 0;
    for (;;) {
      const delay = retryDelay(attempt, { status: 503 }, waited, P, () => 1);
      if (delay === undefined) break;
      waited += delay;
      attempt++;
      if (waited > 30_000) break;
    }
    assert.ok(waited > 30_000, `only ${waited} ms of retries`);
  });

  it('stops after maxAttempts, after maxElapsedMs, and for non-retryable outcomes', () => {
    assert.equal(retryDelay(P.maxAttempts - 1, { status: 503 }, 0), undefined);
    assert.equal(retryDelay(3, { status: 503 }, P.maxElapsedMs - 100, P, half), undefined, 'the wait would pass the budget');
    assert.equal(retryDelay(3, { status: 503 }, P.maxElapsedMs - 5000, P, half), 2000);
    assert.equal(retryDelay(0, { status: 404 }, 0), undefined);
    assert.equal(retryDelay(0, { error: codeError('ECONNREFUSED') }, 0), undefined);
    assert.notEqual(retryDelay(0, { error: codeError('ECONNRESET') }, 0), undefined);
  });

  it('honours Retry-After in seconds or as a date, and gives up on waits beyond the budget', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(retryDelay(0, { status: 429, retryAfter: '3' }, 0, P, half, now), 3000);
    assert.equal(retryDelay(0, { status: 429, retryAfter: 'Thu, 01 Jan 2026 00:00:02 GMT' }, 0, P, half, now), 2000);
    assert.equal(retryDelay(0, { status: 429, retryAfter: '0' }, 0, P, half, now), 250);
    assert.equal(retryDelay(0, { status: 429, retryAfter: '3600' }, 0, P, half, now), undefined);
    assert.equal(retryDelay(0, { status: 429, retryAfter: '30' }, 40_000, P, half, now), undefined);
    assert.equal(retryDelay(0, { status: 429, retryAfter: 'soon' }, 0, P, half, now), 250);
    assert.equal(parseRetryAfter(undefined), undefined);
    assert.equal(parseRetryAfter(' 7 '), 7000);
  });
});

describe('withRetry', () => {
  const respond = (status: number, headers: Record<string, string> = {}) => ({ status, headers });

  it('resends until success and reports each retry', async () => {
    const statuses = [503, 429, 200];
    const waits: number[] = [];
    const result = await withRetry(async () => respond(statuses.shift()!), {
      canResend: true,
      sleep: async (ms) => void waits.push(ms),
      onRetry: () => {},
    });
    assert.equal(result.status, 200);
    assert.equal(waits.length, 2);
  });

  it('returns the last response when attempts run out', async () => {
    let calls = 0;
    const policy: RetryPolicy = { ...P, maxAttempts: 4 };
    const result = await withRetry(async () => (calls++, respond(502)), { policy, canResend: true, sleep: async () => {} });
    assert.equal(result.status, 502);
    assert.equal(calls, 4);
  });

  it('returns the last response when the time budget runs out, whatever the count', async () => {
    let clock = 0;
    let calls = 0;
    const result = await withRetry(async () => (calls++, respond(503)), {
      canResend: true,
      now: () => clock,
      sleep: async (ms) => void (clock += ms),
    });
    assert.equal(result.status, 503);
    assert.ok(clock <= P.maxElapsedMs, `${clock} ms`);
    assert.ok(clock > P.maxElapsedMs - P.maxDelayMs * (1 + P.jitter), `gave up early, at ${clock} ms`);
    assert.ok(calls < P.maxAttempts, `${calls} attempts`);
  });

  it('never resends a body that cannot be replayed', async () => {
    let calls = 0;
    const result = await withRetry(async () => (calls++, respond(503)), { canResend: false, sleep: async () => {} });
    assert.equal(result.status, 503);
    assert.equal(calls, 1);
    await assert.rejects(
      withRetry(async () => {
        calls++;
        throw codeError('ECONNRESET');
      }, { canResend: false, sleep: async () => {} }),
      /ECONNRESET/,
    );
    assert.equal(calls, 2);
  });

  it('retries network errors and rethrows the last one', async () => {
    let calls = 0;
    await assert.rejects(
      withRetry(async () => {
        calls++;
        throw codeError('ECONNRESET');
      }, { policy: { ...P, maxAttempts: 3 }, canResend: true, sleep: async () => {} }),
      (e: Error & { code?: string }) => e.code === 'ECONNRESET',
    );
    assert.equal(calls, 3);
  });

  it('uses Retry-After from the response headers', async () => {
    const waits: number[] = [];
    const statuses = [429, 201];
    await withRetry(async () => respond(statuses.shift()!, { 'retry-after': '2' }), { canResend: true, sleep: async (ms) => void waits.push(ms) });
    assert.deepEqual(waits, [2000]);
  });

  it('a sleep ends when the step is aborted, with the abort reason', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const sleeping = abortableSleep(controller.signal)(10_000);
    setTimeout(() => controller.abort(new Error('step over')), 20);
    await assert.rejects(sleeping, /step over/);
    assert.ok(Date.now() - started < 1000);
  });
});
