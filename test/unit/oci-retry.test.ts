import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RETRY_POLICY, isRetryableError, isRetryableStatus, parseRetryAfter, retryDelay, withRetry, type RetryPolicy } from '../../src/oci/retry.js';

const half = (): number => 0.5; // jitter midpoint: the delay is exactly the backoff

function codeError(code: string): Error {
  return Object.assign(new Error(code), { code });
}

describe('retry decisions', () => {
  it('retries 408, 429 and 5xx except 501 and 505', () => {
    for (const s of [408, 429, 500, 502, 503, 504, 599]) assert.equal(isRetryableStatus(s), true, String(s));
    for (const s of [200, 201, 400, 401, 403, 404, 409, 501, 505]) assert.equal(isRetryableStatus(s), false, String(s));
  });

  it('retries resets and timeouts, not refusals or TLS errors', () => {
    for (const c of ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'ETIMEDOUT']) {
      assert.equal(isRetryableError(codeError(c)), true, c);
    }
    assert.equal(isRetryableError(new Error('x', { cause: codeError('ECONNRESET') })), true);
    for (const c of ['ECONNREFUSED', 'ENOTFOUND', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'ERR_SSL_WRONG_VERSION_NUMBER']) {
      assert.equal(isRetryableError(codeError(c)), false, c);
    }
    assert.equal(isRetryableError(new Error('plain')), false);
  });

  it('backs off exponentially with bounded jitter', () => {
    assert.equal(retryDelay(0, { status: 503 }, DEFAULT_RETRY_POLICY, half), 250);
    assert.equal(retryDelay(1, { status: 503 }, DEFAULT_RETRY_POLICY, half), 500);
    assert.equal(retryDelay(2, { status: 503 }, DEFAULT_RETRY_POLICY, half), 1000);
    assert.equal(retryDelay(0, { status: 503 }, DEFAULT_RETRY_POLICY, () => 0), 225);
    assert.equal(retryDelay(0, { status: 503 }, DEFAULT_RETRY_POLICY, () => 0.9999999), 275);
    const capped: RetryPolicy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 20 };
    assert.equal(retryDelay(15, { status: 503 }, capped, half), capped.maxDelayMs);
  });

  it('stops after maxAttempts and for non-retryable outcomes', () => {
    assert.equal(retryDelay(DEFAULT_RETRY_POLICY.maxAttempts - 1, { status: 503 }), undefined);
    assert.equal(retryDelay(0, { status: 404 }), undefined);
    assert.equal(retryDelay(0, { error: codeError('ECONNREFUSED') }), undefined);
    assert.notEqual(retryDelay(0, { error: codeError('ECONNRESET') }), undefined);
  });

  it('honours Retry-After in seconds or as a date, and gives up on long waits', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(retryDelay(0, { status: 429, retryAfter: '3' }, DEFAULT_RETRY_POLICY, half, now), 3000);
    assert.equal(retryDelay(0, { status: 429, retryAfter: 'Thu, 01 Jan 2026 00:00:02 GMT' }, DEFAULT_RETRY_POLICY, half, now), 2000);
    assert.equal(retryDelay(0, { status: 429, retryAfter: '0' }, DEFAULT_RETRY_POLICY, half, now), 250);
    assert.equal(retryDelay(0, { status: 429, retryAfter: '3600' }, DEFAULT_RETRY_POLICY, half, now), undefined);
    assert.equal(retryDelay(0, { status: 429, retryAfter: 'soon' }, DEFAULT_RETRY_POLICY, half, now), 250);
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
    const result = await withRetry(async () => (calls++, respond(502)), { canResend: true, sleep: async () => {} });
    assert.equal(result.status, 502);
    assert.equal(calls, DEFAULT_RETRY_POLICY.maxAttempts);
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
      }, { canResend: true, sleep: async () => {} }),
      (e: Error & { code?: string }) => e.code === 'ECONNRESET',
    );
    assert.equal(calls, DEFAULT_RETRY_POLICY.maxAttempts);
  });

  it('uses Retry-After from the response headers', async () => {
    const waits: number[] = [];
    const statuses = [429, 201];
    await withRetry(async () => respond(statuses.shift()!, { 'retry-after': '2' }), { canResend: true, sleep: async (ms) => void waits.push(ms) });
    assert.deepEqual(waits, [2000]);
  });
});
