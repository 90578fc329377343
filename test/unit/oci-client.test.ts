// Client pieces that need no server: upload URL building, name checks before any request, TLS
// option assembly (a given CA adds to the default ones).
import assert from 'node:assert/strict';
import { rootCertificates } from 'node:tls';
import { after, describe, it } from 'node:test';
import { RegistryClient } from '../../src/oci/client.js';
import { OciInputError } from '../../src/oci/errors.js';
import { headerValue, tlsConnectOptions } from '../../src/oci/transport.js';
import { withDigestParam } from '../../src/oci/upload.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('withDigestParam', () => {
  it('appends to an existing query without re-encoding it', () => {
    const url = withDigestParam(new URL('https://r.example/v2/a/blobs/uploads/u1?_state=ab%2Bc%3D&x=1'), DIGEST);
    assert.equal(url.href, `https://r.example/v2/a/blobs/uploads/u1?_state=ab%2Bc%3D&x=1&digest=sha256%3A${'a'.repeat(64)}`);
  });

  it('starts a query when there is none', () => {
    assert.equal(withDigestParam(new URL('http://h:5000/up/1'), DIGEST).search, `?digest=sha256%3A${'a'.repeat(64)}`);
  });
});

describe('RegistryClient input checks', () => {
  const client = new RegistryClient({ host: '127.0.0.1:9' });
  after(() => client.close());

  it('refuses bad repository names, tags and digests before sending anything', async () => {
    await assert.rejects(client.getManifest('Upper/Case', '1.0.0'), OciInputError);
    await assert.rejects(client.getManifest('a/../b', '1.0.0'), OciInputError);
    await assert.rejects(client.headManifest('a', '../x'), OciInputError);
    await assert.rejects(client.getBlob('a', 'sha256:../../x'), OciInputError);
    await assert.rejects(client.pushBlob('a', { data: Buffer.from('xy'), digest: DIGEST, size: 3 }), /has 2 bytes but claims 3/);
    assert.equal(client.stats.registryRequests, 0);
  });
});

describe('TLS options', () => {
  it('adds a CA to the default ones instead of replacing them', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    const options = tlsConnectOptions({ ca: pem });
    const cas = options.ca as string[];
    assert.ok(cas.includes(pem));
    assert.ok(cas.length >= rootCertificates.length + 1);
    assert.equal(options.rejectUnauthorized, undefined);
  });

  it('maps insecure mode and client certificates', () => {
    assert.deepEqual(tlsConnectOptions({ insecureSkipTlsVerify: true, cert: 'C', key: 'K' }), { rejectUnauthorized: false, cert: 'C', key: 'K' });
    assert.deepEqual(tlsConnectOptions(undefined), {});
  });

  it('reads the first value of a repeated header', () => {
    assert.equal(headerValue({ 'www-authenticate': ['a', 'b'] }, 'WWW-Authenticate'), 'a');
    assert.equal(headerValue({}, 'x'), undefined);
  });
});
