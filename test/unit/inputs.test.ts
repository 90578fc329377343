// The action's inputs → one validated config; every bad input says what to change.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { InputError, parseInputs } from '../../src/inputs.js';

const defaults: Record<string, string> = {
  chart: '.',
  registry: 'oci://ghcr.io/acme/charts',
  'if-exists': 'fail',
  'dry-run': 'false',
  'plain-http': 'false',
  login: 'true',
  logout: 'true',
  'insecure-skip-tls-verify': 'false',
  'helm-mirror': 'https://get.helm.sh',
  concurrency: '8',
};

function parse(inputs: Record<string, string>) {
  const all = { ...defaults, ...inputs };
  return parseInputs((name) => all[name] ?? '');
}

function rejects(inputs: Record<string, string>, message: RegExp): void {
  assert.throws(() => parse(inputs), (error: unknown) => error instanceof InputError && message.test(error.message));
}

const dir = mkdtempSync(join(tmpdir(), 'inputs-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('inputs', () => {
  it('gives the documented defaults', () => {
    const config = parse({});
    assert.deepEqual(config.chartPatterns, ['.']);
    assert.deepEqual(config.registry, { host: 'ghcr.io', namespace: 'acme/charts' });
    assert.equal(config.ifExists, 'fail');
    assert.equal(config.dryRun, false);
    assert.equal(config.login, true);
    assert.equal(config.logout, true);
    assert.equal(config.sign, false);
    assert.equal(config.concurrency, 8);
    assert.equal(config.version, undefined);
    assert.equal(config.helmMirror, 'https://get.helm.sh');
  });

  it('reads several chart lines and skips blank lines and comments', () => {
    assert.deepEqual(parse({ chart: 'charts/a\n\n# old\ncharts/*.tgz\n!charts/b\n' }).chartPatterns, ['charts/a', 'charts/*.tgz', '!charts/b']);
  });

  it('strips a leading v from the version and keeps build metadata', () => {
    assert.equal(parse({ version: 'v1.2.3+build.7' }).version, '1.2.3+build.7');
    assert.equal(parse({ version: '1.0.0-rc.1' }).version, '1.0.0-rc.1');
  });

  it('refuses versions that are not SemVer 2', () => {
    rejects({ version: '1.2' }, /"version" is "1\.2".*SemVer 2/);
    rejects({ version: 'latest' }, /not a SemVer 2 version/);
    rejects({ version: '01.2.3' }, /not a SemVer 2 version/);
  });

  it('refuses a registry that is not oci://', () => {
    rejects({ registry: '' }, /"registry" is required/);
    assert.throws(() => parse({ registry: 'https://ghcr.io/acme' }), /oci:\/\//);
    assert.throws(() => parse({ registry: 'http://localhost:5000' }), /plain-http/);
  });

  it('needs username and password together', () => {
    rejects({ username: 'ci' }, /"password" is empty/);
    rejects({ password: 'secret' }, /"username" is empty/);
  });

  it('checks enumerations, booleans and numbers', () => {
    rejects({ 'if-exists': 'maybe' }, /"if-exists" is "maybe": use one of fail, skip, overwrite/);
    rejects({ 'dry-run': 'yes' }, /"dry-run" is "yes": use true or false/);
    rejects({ concurrency: '0' }, /"concurrency" is "0"/);
    assert.equal(parse({ concurrency: '32' }).concurrency, 32);
  });

  it('finds contradictions between plain-http and the TLS inputs', () => {
    rejects({ 'plain-http': 'true', 'insecure-skip-tls-verify': 'true' }, /"plain-http" talks HTTP.*"insecure-skip-tls-verify"/);
    const ca = join(dir, 'ca.pem');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    rejects({ 'plain-http': 'true', 'ca-file': ca }, /"plain-http".*"ca-file"/);
    rejects({ 'insecure-skip-tls-verify': 'true', 'ca-file': ca }, /"ca-file" would be ignored/);
    rejects({ 'cert-file': ca }, /needs both "cert-file" and "key-file"/);
  });

  it('reads the PEM files and says which one is wrong', () => {
    const ca = join(dir, 'bundle.pem');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    assert.match(parse({ 'ca-file': ca }).tls.ca ?? '', /BEGIN CERTIFICATE/);
    rejects({ 'ca-file': join(dir, 'missing.pem') }, /"ca-file" names .*missing\.pem, which cannot be read \(ENOENT\)/);
    const notPem = join(dir, 'not.pem');
    writeFileSync(notPem, 'hello');
    rejects({ 'ca-file': notPem }, /holds no PEM certificate/);
  });

  it('needs a key to sign', () => {
    rejects({ sign: 'true' }, /"sign" is true but "signing-key" is empty/);
  });

  it('checks helm-version and helm-mirror before any download', () => {
    assert.equal(parse({ 'helm-version': 'v3.18.0' }).helmVersion, '3.18.0');
    rejects({ 'helm-version': '3.18' }, /not an exact Helm version/);
    rejects({ 'helm-mirror': 'ftp://mirror' }, /http\(s\) URL/);
  });
});

describe('bounds: timeout and retry-timeout', () => {
  it('defaults to 30 minutes for the step and 60 seconds of retries per request', () => {
    const config = parse({});
    assert.equal(config.timeoutMs, 30 * 60_000);
    assert.equal(config.retryTimeoutMs, 60_000);
  });

  it('reads durations with units, and a bare number as seconds', () => {
    assert.equal(parse({ timeout: '1h30m' }).timeoutMs, 90 * 60_000);
    assert.equal(parse({ timeout: '90' }).timeoutMs, 90_000);
    assert.equal(parse({ 'retry-timeout': '0s' }).retryTimeoutMs, 0);
    assert.equal(parse({ 'retry-timeout': '2m' }).retryTimeoutMs, 120_000);
  });

  it('refuses what is not a duration or is out of range, saying the range', () => {
    rejects({ timeout: 'soon' }, /input "timeout" is "soon": use a duration such as 90s, 10m or 1h30m, from 10s to 6h/);
    rejects({ timeout: '5s' }, /from 10s to 6h/);
    rejects({ timeout: '1m 30s' }, /input "timeout"/);
    rejects({ 'retry-timeout': '2h' }, /input "retry-timeout" is "2h".*from 0s to 30m/);
  });
});

describe('a registry URL with credentials in it', () => {
  for (const registry of ['oci://user:ab/cd-s3cret@ghcr.io/acme', 'oci://user:p@ss@ghcr.io', 'user:pw@ghcr.io/acme', 'https://u:pw/x@ghcr.io']) {
    it(`is refused without echoing it: ${registry.replace(/:[^@]*@/, ':…@')}`, () => {
      assert.throws(
        () => parse({ registry }),
        (error: unknown) => error instanceof InputError && /holds credentials before an "@"/.test(error.message) && !/s3cret|ss@|pw/.test(error.message),
      );
    });
  }
});

describe('a registry URL with a digest or a port after the credentials', () => {
  it('still finds the credentials: oci://u:secret@host:443 and oci://u:secret@host/ns@sha256:…', () => {
    for (const registry of ['oci://u:s3cret@ghcr.io:443', 'oci://u:s3cret@ghcr.io/ns@sha256:abc']) {
      assert.throws(() => parse({ registry }), (error: unknown) => error instanceof InputError && /holds credentials/.test(error.message) && !error.message.includes('s3cret'));
    }
  });
});
