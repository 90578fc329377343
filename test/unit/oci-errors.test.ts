import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorCode, parseErrorBody, RegistryError } from '../../src/oci/errors.js';
import { errorFromNetwork } from '../../src/oci/network-errors.js';
import { errorFromResponse, type ResponseErrorContext } from '../../src/oci/response-errors.js';

const body = (code: string, message: string): Buffer => Buffer.from(JSON.stringify({ errors: [{ code, message, detail: null }] }));

function fromResponse(over: Partial<ResponseErrorContext>): RegistryError {
  return errorFromResponse({ host: 'reg.example:5000', repository: 'ns/chart', operation: 'push the manifest ns/chart:1.0.0', status: 500, hasCredentials: true, write: true, ...over });
}

function codeError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

describe('errorFromResponse', () => {
  it('401 with credentials: refused credentials, names the inputs', () => {
    const e = fromResponse({ status: 401, body: body('UNAUTHORIZED', 'authentication required') });
    assert.equal(e.kind, 'unauthorized');
    assert.match(e.message, /the registry reg\.example:5000 refused the credentials/);
    assert.match(e.message, /username and password inputs/);
    assert.match(e.message, /registry said: UNAUTHORIZED: authentication required/);
    assert.deepEqual(e.codes, ['UNAUTHORIZED']);
    assert.equal(e.status, 401);
  });

  it('401 without credentials: asks for them', () => {
    const e = fromResponse({ status: 401, hasCredentials: false });
    assert.match(e.message, /requires credentials.*none were given.*username and password inputs/);
  });

  it('403 / DENIED / insufficient_scope: no push permission, with the ghcr.io hint on ghcr.io only', () => {
    const e = fromResponse({ status: 403, body: body('DENIED', 'requested access to the resource is denied') });
    assert.equal(e.kind, 'denied');
    assert.match(e.message, /no permission to push to reg\.example:5000\/ns\/chart/);
    assert.doesNotMatch(e.message, /write:packages/);
    const ghcr = fromResponse({ host: 'ghcr.io', status: 403 });
    assert.match(ghcr.message, /write:packages/);
    assert.match(ghcr.message, /permissions: packages: write/);
    assert.equal(fromResponse({ status: 401, challengeError: 'insufficient_scope' }).kind, 'denied');
    assert.equal(fromResponse({ status: 400, body: body('DENIED', 'x') }).kind, 'denied');
    assert.match(fromResponse({ status: 403, write: false }).message, /permission to pull from/);
  });

  it('NAME_UNKNOWN: the repository must exist, with the ECR command on ECR', () => {
    const e = fromResponse({ status: 404, body: body('NAME_UNKNOWN', 'repository name not known to registry') });
    assert.equal(e.kind, 'name-unknown');
    assert.match(e.message, /does not exist.*create it first/);
    const ecr = fromResponse({ host: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', status: 404, body: body('NAME_UNKNOWN', 'x') });
    assert.match(ecr.message, /aws ecr create-repository --repository-name ns\/chart/);
  });

  it('429 / TOOMANYREQUESTS: rate limited, with Retry-After', () => {
    const e = fromResponse({ status: 429, retryAfter: '30', body: body('TOOMANYREQUESTS', 'slow down') });
    assert.equal(e.kind, 'rate-limited');
    assert.match(e.message, /rate limiting.*Retry-After: 30/);
  });

  it('plain HTTP sent to an HTTPS server', () => {
    const e = fromResponse({ status: 400, body: Buffer.from('Client sent an HTTP request to an HTTPS server.\n') });
    assert.match(e.message, /remove the plain-http input/);
  });

  it('5xx and other statuses keep the registry text, not HTML', () => {
    assert.match(fromResponse({ status: 502 }).message, /HTTP 502, also after retries/);
    assert.match(fromResponse({ status: 400, body: body('MANIFEST_INVALID', 'bad') }).message, /HTTP 400.*MANIFEST_INVALID: bad/);
    assert.doesNotMatch(fromResponse({ status: 400, body: Buffer.from('<html>x</html>') }).message, /html/);
  });

  it('a 5xx after retries points to retry-timeout; registry text is one line without control characters, and short', () => {
    assert.match(fromResponse({ status: 503 }).message, /also after retries; if it is restarting or overloaded, raise the retry-timeout input/);
    const messy = fromResponse({ status: 400, body: Buffer.from(`{"errors": [\n\u0000\u001b[31m${'x'.repeat(1000)}`) }).message;
    // eslint-disable-next-line no-control-regex -- the check is that no control character is printed
    assert.doesNotMatch(messy, /[\u0000-\u001f]/);
    assert.ok(messy.length < 500, `${messy.length} characters`);
    assert.match(fromResponse({ status: 502, body: Buffer.from('<!DOCTYPE html><html><body>Bad gateway</body></html>') }).message, /sent an HTML page instead of an error/);
  });

  it('parses error bodies defensively', () => {
    assert.deepEqual(parseErrorBody(undefined), []);
    assert.deepEqual(parseErrorBody(Buffer.from('nope')), []);
    assert.deepEqual(parseErrorBody('{"errors":[{"code":"X"},null,3]}'), [{ code: 'X', message: '' }]);
  });
});

describe('errorFromNetwork', () => {
  const ctx = { host: 'reg.example:5000', repository: 'ns/chart', operation: 'check ns/chart:1.0.0', plainHttp: false };

  it('untrusted certificates point to ca-file and insecure-skip-tls-verify, keeping the cause', () => {
    for (const code of ['SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY']) {
      const cause = codeError(code, 'self-signed certificate');
      const e = errorFromNetwork(cause, ctx);
      assert.equal(e.kind, 'tls');
      assert.match(e.message, /not trusted.*ca-file input.*insecure-skip-tls-verify/);
      assert.equal(e.cause, cause);
    }
  });

  it('hostname mismatch, expiry, TLS to plain HTTP, client certificates', () => {
    assert.match(errorFromNetwork(codeError('ERR_TLS_CERT_ALTNAME_INVALID'), ctx).message, /not valid for the name reg\.example/);
    assert.match(errorFromNetwork(codeError('CERT_HAS_EXPIRED'), ctx).message, /expired/);
    assert.match(errorFromNetwork(codeError('ERR_SSL_WRONG_VERSION_NUMBER', 'ssl3_get_record:wrong version number'), ctx).message, /plain-http: true/);
    assert.match(errorFromNetwork(new Error('x', { cause: new Error('wrong version number') }), ctx).message, /connection/);
    assert.match(errorFromNetwork(codeError('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED'), ctx).message, /client certificate.*cert-file and key-file/);
    assert.match(errorFromNetwork(codeError('UND_ERR_SOCKET', 'other side closed'), ctx).message, /mutual TLS.*cert-file and key-file/);
    assert.doesNotMatch(errorFromNetwork(codeError('UND_ERR_SOCKET'), { ...ctx, clientCertificate: true }).message, /mutual/);
  });

  it('connection refused, DNS, timeouts', () => {
    const refused = errorFromNetwork(new AggregateError([codeError('ECONNREFUSED'), codeError('ECONNREFUSED')], 'connect failed'), ctx);
    assert.equal(refused.kind, 'connection');
    assert.match(refused.message, /connection refused\. Check the host and port/);
    assert.match(errorFromNetwork(codeError('ENOTFOUND'), ctx).message, /reg\.example could not be resolved/);
    assert.match(errorFromNetwork(codeError('UND_ERR_CONNECT_TIMEOUT'), ctx).message, /timed out/);
    assert.match(errorFromNetwork(codeError('ECONNRESET'), { ...ctx, plainHttp: true }).message, /remove the plain-http input/);
  });

  it('a refused connection to a registry that answered before: it went away, retry-timeout waits longer', () => {
    const e = errorFromNetwork(codeError('ECONNREFUSED'), { ...ctx, reachedBefore: true });
    assert.match(e.message, /connection refused \(it answered earlier and did not come back in time; raise the retry-timeout input to wait longer\)/);
  });

  it('a request past its deadline, an answer too large, the step out of time', () => {
    const late = errorFromNetwork(codeError('ERR_REQUEST_DEADLINE', 'reg.example:5000 did not complete the request within 60 s'), ctx);
    assert.equal(late.kind, 'timeout');
    assert.match(late.message, /did not answer in time, also after retries \(reg\.example:5000 did not complete the request within 60 s\)/);
    const large = errorFromNetwork(codeError('ERR_RESPONSE_TOO_LARGE', 'reg.example:5000 sent a response of more than the 4194304 bytes expected'), ctx);
    assert.equal(large.kind, 'protocol');
    assert.match(large.message, /more than the 4194304 bytes expected; refusing to read it/);
    const aborted = errorFromNetwork(new DOMException('The operation was aborted due to timeout', 'TimeoutError'), { ...ctx, aborted: true });
    assert.equal(aborted.kind, 'aborted');
    assert.equal(aborted.message, 'could not check ns/chart:1.0.0 (reg.example:5000/ns/chart): the step ran out of time while waiting for reg.example:5000 to check ns/chart:1.0.0; raise the timeout input if the registry is just slow.');
  });

  it('never repeats a proxy password from an error message', () => {
    const e = errorFromNetwork(new Error('proxy http://user:hunter2@proxy:3128 failed'), ctx);
    assert.doesNotMatch(e.message, /hunter2/);
  });

  it('passes RegistryErrors through and finds codes in causes', () => {
    const original = new RegistryError('x', { kind: 'denied', host: 'h' });
    assert.equal(errorFromNetwork(original, ctx), original);
    assert.equal(errorCode(new Error('a', { cause: new Error('b', { cause: codeError('EPIPE') }) })), 'EPIPE');
    assert.equal(errorCode('string'), undefined);
  });
});
