import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { atomsToScopes, scopeAtoms } from '../../src/oci/auth.js';
import { challengeScopes, parseChallenges } from '../../src/oci/challenge.js';

describe('parseChallenges', () => {
  it('reads a Distribution Bearer challenge with a comma inside the quoted scope', () => {
    const [c, ...rest] = parseChallenges(
      'Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:ns/chart:pull,push",error="insufficient_scope"',
    );
    assert.equal(rest.length, 0);
    assert.deepEqual(c, {
      scheme: 'bearer',
      params: { realm: 'https://auth.example.com/token', service: 'registry.example.com', scope: 'repository:ns/chart:pull,push', error: 'insufficient_scope' },
    });
  });

  it('reads Basic', () => {
    assert.deepEqual(parseChallenges('Basic realm="Registry Realm"'), [{ scheme: 'basic', params: { realm: 'Registry Realm' } }]);
  });

  it('reads several challenges in one header and across headers', () => {
    const parsed = parseChallenges('Basic realm="a, b", Bearer realm="https://t/x",  service=reg , Negotiate');
    assert.deepEqual(
      parsed.map((c) => c.scheme),
      ['basic', 'bearer', 'negotiate'],
    );
    assert.equal(parsed[0]!.params.realm, 'a, b');
    assert.equal(parsed[1]!.params.service, 'reg');
    const two = parseChallenges(['Basic realm=x', 'Bearer realm="https://t"']);
    assert.deepEqual(two.map((c) => c.scheme), ['basic', 'bearer']);
  });

  it('handles escapes, case, spaces around = and junk', () => {
    const [c] = parseChallenges('BEARER Realm = "https://t/\\"q\\"" ,Scope="a b"');
    assert.equal(c!.scheme, 'bearer');
    assert.equal(c!.params.realm, 'https://t/"q"');
    assert.deepEqual(challengeScopes(c!), ['a', 'b']);
    assert.deepEqual(parseChallenges(undefined), []);
    assert.deepEqual(parseChallenges(''), []);
    assert.doesNotThrow(() => parseChallenges('=== , "x" Bearer'));
    assert.deepEqual(parseChallenges('Negotiate abc==, Basic realm=r').map((x) => x.scheme), ['negotiate', 'basic']);
  });
});

describe('scopes', () => {
  it('splits and joins scope atoms', () => {
    assert.deepEqual(scopeAtoms('repository:ns/a:pull,push'), ['repository:ns/a:pull', 'repository:ns/a:push']);
    assert.deepEqual(scopeAtoms('registry:catalog:*'), ['registry:catalog:*']);
    assert.deepEqual(
      atomsToScopes(['repository:b:push', 'repository:a:pull', 'repository:b:pull']),
      ['repository:a:pull', 'repository:b:pull,push'],
    );
  });
});
