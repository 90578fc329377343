import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OciInputError } from '../../src/oci/errors.js';
import { isRepositoryName, parseRegistryUrl, redactUserInfo, repositoryFor, tagForVersion } from '../../src/oci/reference.js';

function refuses(input: string, pattern: RegExp): void {
  assert.throws(() => parseRegistryUrl(input), (error: unknown) => {
    assert.ok(error instanceof OciInputError, `expected OciInputError for ${input}`);
    assert.match(error.message, pattern);
    return true;
  });
}

describe('parseRegistryUrl', () => {
  it('splits host, port and namespace', () => {
    assert.deepEqual(parseRegistryUrl('oci://ghcr.io/my-org/charts'), { host: 'ghcr.io', namespace: 'my-org/charts' });
    assert.deepEqual(parseRegistryUrl('oci://localhost:5000'), { host: 'localhost:5000', namespace: '' });
    assert.deepEqual(parseRegistryUrl('oci://127.0.0.1:5000/a'), { host: '127.0.0.1:5000', namespace: 'a' });
    assert.deepEqual(parseRegistryUrl('oci://[::1]:5000/a/b_c/d__e/f--g'), { host: '[::1]:5000', namespace: 'a/b_c/d__e/f--g' });
    assert.deepEqual(parseRegistryUrl('  oci://registry.example.com/ns/  '), { host: 'registry.example.com', namespace: 'ns' });
    assert.deepEqual(parseRegistryUrl('OCI://Registry.Example.com/ns'), { host: 'Registry.Example.com', namespace: 'ns' });
  });

  it('refuses http:// and suggests oci:// and plain-http', () => {
    refuses('http://localhost:5000/charts', /starts with http:\/\/.*use oci:\/\/localhost:5000\/charts.*plain-http/);
  });

  it('refuses https:// and suggests oci://', () => {
    refuses('https://ghcr.io/org', /starts with https:\/\/.*use oci:\/\/ghcr\.io\/org/);
    assert.throws(() => parseRegistryUrl('https://ghcr.io/org'), (e: Error) => !e.message.includes('plain-http'));
  });

  it('refuses a missing scheme, host or bad port', () => {
    refuses('ghcr.io/org', /no oci:\/\/ scheme: use oci:\/\/ghcr\.io\/org/);
    refuses('', /empty/);
    refuses('oci://', /no host/);
    refuses('oci:///charts', /no host/);
    refuses('oci://:5000/charts', /no host/);
    refuses('oci://host:/x', /invalid port ""/);
    refuses('oci://host:abc/x', /invalid port "abc"/);
    refuses('oci://host:70000/x', /invalid port "70000"/);
    refuses('oci://host:0', /invalid port "0"/);
    refuses('oci://bad_host/x', /invalid host "bad_host"/);
    refuses('oci://-bad.example/x', /invalid host/);
  });

  it('refuses trailing junk, credentials, tags and digests', () => {
    refuses('oci://ghcr.io/org?x=1', /unexpected text from "\?x=1"/);
    refuses('oci://ghcr.io/org#frag', /unexpected text from "#frag"/);
    refuses('oci://ghcr.io/org extra', /unexpected text from " extra"/);
    refuses('oci://user:pass@ghcr.io/org', /credentials.*username and password inputs/);
    refuses('oci://ghcr.io/org/chart:1.0.0', /tag or digest.*<name>:<version>/);
    refuses('oci://ghcr.io/org/chart@sha256:abc', /tag or digest/);
    refuses('oci://ghcr.io/org//charts', /empty path segment/);
    refuses('oci://ghcr.io/org/-x', /invalid namespace segment "-x"/);
  });

  it('refuses upper case in the namespace and says the lower-case form', () => {
    refuses('oci://ghcr.io/My-Org/charts', /upper case in the namespace "My-Org\/charts".*"my-org\/charts"/);
  });

  it('does not put the user\'s credentials into messages', () => {
    for (const input of ['oci://user:s3cret@ghcr.io/org', 'https://user:s3cret@ghcr.io/org', 'oci://user:s3cret@ghcr.io/Org?x', 'user:s3cret@ghcr.io/org']) {
      assert.throws(() => parseRegistryUrl(input), (e: Error) => e instanceof OciInputError && !e.message.includes('s3cret'));
    }
  });
});

describe('redactUserInfo', () => {
  it('hides everything up to the last @, with or without a scheme, and keeps a digest', () => {
    const digest = `@sha256:${'a'.repeat(64)}`;
    for (const [url, shown] of [
      ['https://bob:s3/cr@t@charts.example.com/stable', 'https://***@charts.example.com/stable'],
      ['oci://bob:pw@ghcr.io/acme/app:1.0.0', 'oci://***@ghcr.io/acme/app:1.0.0'],
      ['bob:pw@ghcr.io/acme', '***@ghcr.io/acme'],
      [`oci://tok@ghcr.io/acme/app${digest}`, `oci://***@ghcr.io/acme/app${digest}`],
      [`oci://ghcr.io/acme/app${digest}`, `oci://ghcr.io/acme/app${digest}`],
      ['  https://charts.example.com/  ', 'https://charts.example.com/'],
    ]) {
      assert.equal(redactUserInfo(url!), shown, url);
    }
  });
});

describe('repositoryFor', () => {
  it('joins namespace and chart name', () => {
    assert.equal(repositoryFor({ host: 'ghcr.io', namespace: 'org/charts' }, 'mychart'), 'org/charts/mychart');
    assert.equal(repositoryFor({ host: 'localhost:5000', namespace: '' }, 'my.chart_x-y'), 'my.chart_x-y');
  });

  it('refuses a chart name with upper case and says to rename the chart', () => {
    assert.throws(
      () => repositoryFor({ host: 'ghcr.io', namespace: 'org' }, 'MyChart'),
      (e: Error) =>
        e instanceof OciInputError &&
        /"MyChart" cannot be an OCI repository name/.test(e.message) &&
        /rename the chart in Chart\.yaml/.test(e.message) &&
        /"mychart"/.test(e.message),
    );
    assert.throws(() => repositoryFor({ host: 'h', namespace: '' }, 'my chart'), /cannot be an OCI repository name/);
    assert.throws(() => repositoryFor({ host: 'h', namespace: '' }, '_x'), /cannot be an OCI repository name/);
  });

  it('refuses references over 255 characters', () => {
    assert.throws(() => repositoryFor({ host: 'ghcr.io', namespace: 'a'.repeat(240) }, 'chart-name-long'), /longer than 255/);
  });

  it('validates repository names', () => {
    assert.equal(isRepositoryName('a/b-c/d.e'), true);
    assert.equal(isRepositoryName('a//b'), false);
    assert.equal(isRepositoryName('A'), false);
    assert.equal(isRepositoryName(''), false);
  });
});

describe('tags', () => {
  it('maps + to _', () => {
    assert.equal(tagForVersion('1.2.3'), '1.2.3');
    assert.equal(tagForVersion('1.2.3-rc.1+build.5+x'), '1.2.3-rc.1_build.5_x');
  });

  it('refuses versions that cannot be tags', () => {
    assert.throws(() => tagForVersion('.1'), (e: Error) => e instanceof OciInputError && /cannot be an OCI tag/.test(e.message));
    assert.throws(() => tagForVersion('1'.repeat(129)), /cannot be an OCI tag/);
    assert.throws(() => tagForVersion('1.0.0/x'), /cannot be an OCI tag/);
    assert.equal(tagForVersion('1'.repeat(128)), '1'.repeat(128));
  });
});
