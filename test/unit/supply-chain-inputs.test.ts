// Everything the supply-chain inputs can get wrong is refused before any request, saying what to
// change: the Sigstore instance and its URLs, sigstore-sign/attest without an OIDC token or with
// dry-run, the signature format, and an artifacthub-repo.yml Artifact Hub would not accept.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseArtifactHubRepo, readArtifactHubRepo } from '../../src/supply-chain/artifacthub.js';
import { resolveSupplyChain, SupplyChainInputError } from '../../src/supply-chain/index.js';
import { resolveSigstoreEndpoints } from '../../src/supply-chain/instance.js';

const OIDC = { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://pipelines.example/token?api-version=2.0' };

function refuses(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof SupplyChainInputError, `a SupplyChainInputError, got ${String(error)}`);
    assert.match(error.message, pattern);
    return true;
  });
}

async function refusesAsync(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof SupplyChainInputError, `a SupplyChainInputError, got ${String(error)}`);
    assert.match(error.message, pattern);
    return true;
  });
}

describe('resolveSigstoreEndpoints', () => {
  it('public-good: Fulcio and Rekor of sigstore.dev, a TSA only when given', () => {
    assert.deepEqual(resolveSigstoreEndpoints({}), { instance: 'public-good', fulcioUrl: 'https://fulcio.sigstore.dev', rekorUrl: 'https://rekor.sigstore.dev' });
    assert.deepEqual(resolveSigstoreEndpoints({ sigstore: 'public-good', tsaUrl: 'https://timestamp.sigstore.dev/api/v1/timestamp' }), {
      instance: 'public-good',
      fulcioUrl: 'https://fulcio.sigstore.dev',
      rekorUrl: 'https://rekor.sigstore.dev',
      tsaUrl: 'https://timestamp.sigstore.dev/api/v1/timestamp',
    });
  });

  it("github: GitHub's Fulcio and timestamp authority, no public log; GHE.com tenants get their own", () => {
    assert.deepEqual(resolveSigstoreEndpoints({ sigstore: 'github' }), { instance: 'github', fulcioUrl: 'https://fulcio.githubapp.com', tsaUrl: 'https://timestamp.githubapp.com' });
    assert.deepEqual(resolveSigstoreEndpoints({ sigstore: 'github', serverUrl: 'https://acme.ghe.com' }), {
      instance: 'github',
      fulcioUrl: 'https://fulcio.acme.ghe.com',
      tsaUrl: 'https://timestamp.acme.ghe.com',
    });
    refuses(() => resolveSigstoreEndpoints({ sigstore: 'github', rekorUrl: 'https://rekor.example.com' }), /do not apply to sigstore: github/);
  });

  it('custom: needs fulcio-url and a log or a timestamp authority', () => {
    assert.deepEqual(resolveSigstoreEndpoints({ sigstore: 'custom', fulcioUrl: 'https://fulcio.example.com/', tsaUrl: 'https://tsa.example.com' }), {
      instance: 'custom',
      fulcioUrl: 'https://fulcio.example.com',
      tsaUrl: 'https://tsa.example.com',
    });
    refuses(() => resolveSigstoreEndpoints({ sigstore: 'custom', rekorUrl: 'https://rekor.example.com' }), /needs fulcio-url/);
    refuses(() => resolveSigstoreEndpoints({ sigstore: 'custom', fulcioUrl: 'https://fulcio.example.com' }), /needs rekor-url, tsa-url or both/);
    refuses(() => resolveSigstoreEndpoints({ fulcioUrl: 'https://fulcio.example.com' }), /set sigstore: custom/);
  });

  it('refuses unknown instances and URLs that are not https (http only to this machine)', () => {
    refuses(() => resolveSigstoreEndpoints({ sigstore: 'staging' }), /sigstore "staging" is not known: use public-good, github, or custom/);
    refuses(() => resolveSigstoreEndpoints({ sigstore: 'custom', fulcioUrl: 'http://fulcio.example.com', rekorUrl: 'https://r.example.com' }), /fulcio-url must be an https:\/\/ URL/);
    refuses(() => resolveSigstoreEndpoints({ sigstore: 'custom', fulcioUrl: 'fulcio', rekorUrl: 'https://r.example.com' }), /fulcio-url "fulcio" is not a URL/);
    refuses(() => resolveSigstoreEndpoints({ sigstore: 'custom', fulcioUrl: 'https://u:p@fulcio.example.com', rekorUrl: 'https://r.example.com' }), /must not carry credentials/);
    assert.equal(resolveSigstoreEndpoints({ sigstore: 'custom', fulcioUrl: 'http://127.0.0.1:5555', rekorUrl: 'http://localhost:5556' }).rekorUrl, 'http://localhost:5556');
  });
});

describe('resolveSupplyChain', () => {
  const base = { sigstoreSign: true, attest: false, dryRun: false, env: OIDC };

  it('needs the OIDC token (id-token: write) for sigstore-sign and attest', async () => {
    await refusesAsync(resolveSupplyChain({ ...base, env: {} }), /sigstore-sign needs the workflow's OIDC token.*permissions: id-token: write/);
    await refusesAsync(resolveSupplyChain({ ...base, sigstoreSign: false, attest: true, env: {} }), /^attest needs the workflow's OIDC token/);
    await refusesAsync(resolveSupplyChain({ ...base, attest: true, env: {} }), /sigstore-sign and attest need/);
  });

  it('refuses dry-run with signing, attesting or Artifact Hub metadata', async () => {
    await refusesAsync(resolveSupplyChain({ ...base, dryRun: true }), /sigstore-sign cannot be combined with dry-run/);
    await refusesAsync(resolveSupplyChain({ ...base, sigstoreSign: false, attest: true, dryRun: true }), /attest cannot be combined with dry-run/);
  });

  it('knows the signature formats', async () => {
    assert.equal((await resolveSupplyChain(base)).format, 'bundle');
    assert.equal((await resolveSupplyChain({ ...base, sigstoreFormat: 'both' })).format, 'both');
    await refusesAsync(resolveSupplyChain({ ...base, sigstoreFormat: 'sig' }), /sigstore-format "sig" is not known: use bundle .*legacy .*both/);
  });

  it('needs no OIDC token for Artifact Hub metadata alone, and no Sigstore endpoints', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ah-'));
    after(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'artifacthub-repo.yml');
    await writeFile(file, 'repositoryID: 5b1e2bc2-58b5-4b1a-a3f4-8a7c9e0d1f23\n');
    const config = await resolveSupplyChain({ sigstoreSign: false, attest: false, dryRun: false, env: {}, artifacthubRepo: file });
    assert.equal(config.endpoints, undefined);
    assert.equal(config.artifactHub?.repositoryID, '5b1e2bc2-58b5-4b1a-a3f4-8a7c9e0d1f23');
    await refusesAsync(resolveSupplyChain({ sigstoreSign: false, attest: false, dryRun: false, env: {}, artifacthubRepo: join(dir, 'missing.yml') }), /missing\.yml does not exist/);
    await refusesAsync(resolveSupplyChain({ sigstoreSign: false, attest: false, dryRun: false, env: {}, artifacthubRepo: dir }), /is not a file/);
  });
});

describe('parseArtifactHubRepo', () => {
  const parse = (text: string) => parseArtifactHubRepo(Buffer.from(text));

  it('accepts what Artifact Hub documents and keeps the bytes as given', () => {
    const text = '# comment\nrepositoryID: 5B1E2BC2-58B5-4B1A-A3F4-8A7C9E0D1F23\nowners:\n  - name: Ann\n    email: ann@example.com\nignore:\n  - name: app\n    version: beta\n';
    const parsed = parse(text);
    assert.equal(parsed.content.toString(), text);
    assert.equal(parsed.repositoryID, '5B1E2BC2-58B5-4B1A-A3F4-8A7C9E0D1F23');
    assert.deepEqual(parse('owners:\n  - email: a@b.c\n').repositoryID, undefined);
  });

  it('says what to change when Artifact Hub would refuse it', () => {
    refuses(() => parse('repositoryID: my-repo\n'), /repositoryID must be the repository's UUID from Artifact Hub's control panel.*not "my-repo"/);
    refuses(() => parse('repositoryID: 12345\n'), /repositoryID must be .*UUID.*not 12345/);
    refuses(() => parse('- a\n- b\n'), /must be a YAML mapping/);
    refuses(() => parse('repositoryId: 5b1e2bc2-58b5-4b1a-a3f4-8a7c9e0d1f23\n'), /unknown key repositoryId: Artifact Hub knows repositoryID, owners and ignore/);
    refuses(() => parse('owners:\n  - name: Ann\n'), /owners\[0\] needs an email/);
    refuses(() => parse('owners: ann@example.com\n'), /owners must be a list/);
    refuses(() => parse('repositoryID: [unclosed\n'), /is not valid YAML/);
    refuses(() => parse('a: 1\na: 2\n'), /is not valid YAML/);
  });

  it('is bounded: a large file or an alias bomb is refused, not expanded', () => {
    refuses(() => parse(`owners:\n${'  - email: a@b.c\n'.repeat(5000)}`), /at most 65536 bytes/);
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n');
    const started = Date.now();
    refuses(() => parse(bomb), /could not be read \(.*alias/i);
    assert.ok(Date.now() - started < 2000, 'refused quickly');
  });

  it('readArtifactHubRepo refuses a large file without reading it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ah-'));
    after(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'big.yml');
    await writeFile(file, Buffer.alloc(10 * 1024 * 1024, 0x20));
    await refusesAsync(readArtifactHubRepo(file), /big\.yml: is 10485760 bytes/);
  });
});
