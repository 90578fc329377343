// The Authorizer with a scripted token endpoint (a plain function standing in for the HTTP GET):
// scheme learning, token caching by scope set, expiry, secrets, realm safety.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Authorizer, type AuthorizerOptions } from '../../src/oci/auth.js';
import { RegistryError } from '../../src/oci/errors.js';
import type { HttpResponse } from '../../src/oci/transport.js';

function response(status: number, headers: Record<string, string> = {}, body = ''): HttpResponse {
  return { status, headers, body: Buffer.from(body), url: new URL('https://reg.example/v2/') };
}

const bearer401 = (realm = 'https://auth.example/token', extra = ''): HttpResponse =>
  response(401, { 'www-authenticate': `Bearer realm="${realm}",service="reg"${extra}` });

interface Harness {
  auth: Authorizer;
  requests: { url: URL; headers: Record<string, string> }[];
  secrets: string[];
  clock: { now: number };
}

function harness(over: Partial<AuthorizerOptions> = {}, reply?: (url: URL, n: number) => HttpResponse): Harness {
  const requests: Harness['requests'] = [];
  const secrets: string[] = [];
  const clock = { now: 1_000_000 };
  const auth = new Authorizer({
    host: 'reg.example',
    plainHttp: false,
    onSecret: (s) => secrets.push(s),
    debug: () => {},
    now: () => clock.now,
    get: async (url, headers) => {
      requests.push({ url, headers });
      if (reply) return reply(url, requests.length);
      return response(200, {}, JSON.stringify({ token: `tok${requests.length}`, expires_in: 300 }));
    },
    ...over,
  });
  return { auth, requests, secrets, clock };
}

async function learnBearer(auth: Authorizer, challenge = bearer401()): Promise<void> {
  const first = await auth.headerFor(['repository:a:pull,push']);
  assert.equal(first.probe, true);
  auth.settleProbe(challenge);
}

describe('Authorizer', () => {
  it('masks the password and the base64 user:pass up front', () => {
    const { secrets } = harness({ credentials: { username: 'u', password: 'p@ss' } });
    assert.deepEqual(secrets, ['p@ss', Buffer.from('u:p@ss').toString('base64')]);
  });

  it('lets one probe go first while the others wait for the scheme', async () => {
    const { auth } = harness({ credentials: { username: 'u', password: 'p' } });
    const probe = await auth.headerFor([]);
    assert.deepEqual(probe, { probe: true });
    let waiterDone = false;
    const waiter = auth.headerFor([]).then((r) => {
      waiterDone = true;
      return r;
    });
    await new Promise((r) => setImmediate(r));
    assert.equal(waiterDone, false);
    auth.settleProbe(response(401, { 'www-authenticate': 'Basic realm="r"' }));
    assert.deepEqual(await waiter, { header: `Basic ${Buffer.from('u:p').toString('base64')}`, probe: false });
  });

  it('a probe that got no response fails the waiting requests with its error; the next one probes again', async () => {
    const { auth } = harness();
    await auth.headerFor([]);
    const waiting = auth.headerFor([]);
    const failure = Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' });
    auth.settleProbe(undefined, failure);
    await assert.rejects(waiting, (e) => e === failure);
    assert.deepEqual(await auth.headerFor([]), { probe: true });
  });

  it('an invalid realm still releases the waiting requests', async () => {
    const { auth } = harness();
    await auth.headerFor([]);
    const waiting = auth.headerFor([]);
    assert.throws(() => auth.settleProbe(response(401, { 'www-authenticate': 'Bearer realm="::not a url"' })), /invalid token realm/);
    assert.deepEqual(await waiting, { probe: true });
  });

  it('no challenge: no header', async () => {
    const { auth } = harness({ credentials: { username: 'u', password: 'p' } });
    await auth.headerFor([]);
    auth.settleProbe(response(404));
    assert.deepEqual(await auth.headerFor(['repository:a:pull']), { header: undefined, probe: false });
  });

  it('fetches a Bearer token with service, scopes and Basic credentials, masks it, and caches it', async () => {
    const { auth, requests, secrets } = harness({ credentials: { username: 'u', password: 'p' } });
    await learnBearer(auth, bearer401('https://auth.example/token?x=1'));
    assert.equal(await auth.onUnauthorized(bearer401('https://auth.example/token?x=1', ',scope="repository:a:pull"'), ['repository:a:pull,push'], undefined), true);
    assert.equal(requests.length, 1);
    const url = requests[0]!.url;
    assert.equal(url.origin + url.pathname, 'https://auth.example/token');
    assert.equal(url.searchParams.get('x'), '1');
    assert.equal(url.searchParams.get('service'), 'reg');
    assert.deepEqual(url.searchParams.getAll('scope'), ['repository:a:pull,push']);
    assert.equal(requests[0]!.headers.authorization, `Basic ${Buffer.from('u:p').toString('base64')}`);
    assert.ok(secrets.includes('tok1'));
    // cached: same scope, and a narrower one
    assert.equal((await auth.headerFor(['repository:a:pull,push'])).header, 'Bearer tok1');
    assert.equal((await auth.headerFor(['repository:a:pull'])).header, 'Bearer tok1');
    assert.equal(requests.length, 1);
  });

  it('asks for a new repository\'s token proactively, without a 401', async () => {
    const { auth, requests } = harness();
    await learnBearer(auth);
    assert.equal((await auth.headerFor(['repository:b:pull,push'])).header, 'Bearer tok1');
    assert.deepEqual(requests[0]!.url.searchParams.getAll('scope'), ['repository:b:pull,push']);
    assert.equal(requests[0]!.headers.authorization, undefined, 'anonymous token request has no credentials');
  });

  it('shares one in-flight token request between concurrent callers', async () => {
    const { auth, requests } = harness();
    await learnBearer(auth);
    const headers = await Promise.all([1, 2, 3].map(() => auth.headerFor(['repository:c:pull,push'])));
    assert.deepEqual(headers.map((h) => h.header), ['Bearer tok1', 'Bearer tok1', 'Bearer tok1']);
    assert.equal(requests.length, 1);
  });

  it('prefetches one token for many repositories', async () => {
    const { auth, requests } = harness();
    await learnBearer(auth);
    await auth.prefetch(['repository:x:pull,push', 'repository:y:pull,push']);
    assert.deepEqual(requests[0]!.url.searchParams.getAll('scope'), ['repository:x:pull,push', 'repository:y:pull,push']);
    assert.equal((await auth.headerFor(['repository:y:pull,push'])).header, 'Bearer tok1');
    assert.equal(requests.length, 1);
  });

  it('respects expires_in and takes the token from access_token too', async () => {
    const { auth, requests, clock } = harness({}, (_url, n) => response(200, {}, JSON.stringify({ access_token: `acc${n}`, expires_in: 120 })));
    await learnBearer(auth);
    assert.equal((await auth.headerFor(['repository:a:pull'])).header, 'Bearer acc1');
    clock.now += 100_000;
    assert.equal((await auth.headerFor(['repository:a:pull'])).header, 'Bearer acc1');
    clock.now += 15_000; // inside the safety margin before expiry
    assert.equal((await auth.headerFor(['repository:a:pull'])).header, 'Bearer acc2');
    assert.equal(requests.length, 2);
  });

  it('drops a rejected token and gets a new one with the challenge\'s scope added', async () => {
    const { auth, requests } = harness();
    await learnBearer(auth);
    const { header } = await auth.headerFor(['repository:a:pull']);
    const retry = await auth.onUnauthorized(bearer401(undefined, ',scope="repository:a:pull,push",error="insufficient_scope"'), ['repository:a:pull'], header);
    assert.equal(retry, true);
    assert.deepEqual(requests[1]!.url.searchParams.getAll('scope'), ['repository:a:pull,push']);
  });

  it('Basic: retries once with credentials, not again after they were refused', async () => {
    const creds = harness({ credentials: { username: 'u', password: 'p' } });
    const basic = response(401, { 'www-authenticate': 'Basic realm="r"' });
    assert.equal(await creds.auth.onUnauthorized(basic, [], undefined), true);
    const sent = (await creds.auth.headerFor([])).header;
    assert.equal(await creds.auth.onUnauthorized(basic, [], sent), false);
    const anonymous = harness();
    assert.equal(await anonymous.auth.onUnauthorized(basic, [], undefined), false);
  });

  it('refuses to send credentials to a plain-HTTP realm unless plain-http is set', async () => {
    const { auth } = harness({ credentials: { username: 'u', password: 'p' } });
    await learnBearer(auth, bearer401('http://auth.example/token'));
    await assert.rejects(auth.headerFor(['repository:a:pull']), (e: Error) => e instanceof RegistryError && /not HTTPS.*plain-http/.test(e.message));
    const plain = harness({ credentials: { username: 'u', password: 'p' }, plainHttp: true });
    await learnBearer(plain.auth, bearer401('http://auth.example/token'));
    assert.equal((await plain.auth.headerFor(['repository:a:pull'])).header, 'Bearer tok1');
    const anonymous = harness();
    await learnBearer(anonymous.auth, bearer401('http://auth.example/token'));
    assert.equal((await anonymous.auth.headerFor(['repository:a:pull'])).header, 'Bearer tok1');
  });

  it('translates token endpoint failures', async () => {
    const { auth } = harness({ credentials: { username: 'u', password: 'wrong' } }, () => response(401, {}, '{"errors":[{"code":"UNAUTHORIZED","message":"bad"}]}'));
    await learnBearer(auth);
    await assert.rejects(auth.headerFor(['repository:a:pull,push']), (e: Error) => e instanceof RegistryError && e.kind === 'unauthorized' && /refused the credentials/.test(e.message));
    const noToken = harness({}, () => response(200, {}, '{}'));
    await learnBearer(noToken.auth);
    await assert.rejects(noToken.auth.headerFor(['repository:a:pull']), /without a token/);
  });
});
