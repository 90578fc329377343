// Loading signing keys and clear-signing provenance, with keys made by the real gpg. Signatures are
// checked here with openpgp; the integration tests check them with Helm and gpg.
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { after, before, describe, it } from 'node:test';
import * as openpgp from 'openpgp';
import { ChartError } from '../../src/chart/errors.js';
import { loadSigningKey, signProvenance, type SigningKey } from '../../src/chart/provenance.js';
import { GpgHome, type GpgKey } from '../support/gpg.js';

const PASSPHRASE = 'correct horse battery staple';
const MESSAGE = 'apiVersion: v2\nkeywords:\n- web\nname: demo\nversion: 1.0.0\n\n...\nfiles:\n  demo-1.0.0.tgz: sha256:00ff\n';

let gpg: GpgHome;
const keys: Record<'plain' | 'protected' | 'ed25519' | 'subkey' | 'cannotSign' | 'expired' | 'revoked', GpgKey> = {} as never;

before(async () => {
  gpg = await GpgHome.create();
  const [plain, prot, ed25519, subkey, cannotSign, expired, revoked] = await Promise.all([
    gpg.makeKey({ name: 'Plain Signer' }),
    gpg.makeKey({ name: 'Protected Signer', passphrase: PASSPHRASE }),
    gpg.makeKey({ name: 'Ed Signer', algorithm: 'ed25519' }),
    gpg.makeKey({ name: 'Subkey Signer', signing: 'subkey' }),
    gpg.makeKey({ name: 'Encrypt Only', signing: 'none' }),
    gpg.makeKey({ name: 'Expired Signer', createdAt: '20200101T000000', expire: '1d' }),
    gpg.makeKey({ name: 'Revoked Signer' }),
  ]);
  Object.assign(keys, { plain, protected: prot, ed25519, subkey, cannotSign, expired, revoked: await gpg.revoke(revoked!) });
});

after(() => gpg?.remove());

async function rejects(promise: Promise<unknown>, pattern: RegExp): Promise<ChartError> {
  let caught: unknown;
  await promise.catch((error: unknown) => (caught = error));
  assert.ok(caught instanceof ChartError, `expected a ChartError, got ${String(caught)}`);
  assert.match(caught.message, pattern);
  return caught;
}

describe('loadSigningKey', () => {
  it('loads an unprotected key and names it by user id and fingerprint', async () => {
    const key = await loadSigningKey(keys.plain.armoredSecret);
    assert.equal(key.userId, keys.plain.uid);
    assert.equal(key.fingerprint, keys.plain.fingerprint);
    assert.equal(key.helm3Compatible, true);
  });

  it('decrypts a protected key with its passphrase and ignores a passphrase it does not need', async () => {
    assert.equal((await loadSigningKey(keys.protected.armoredSecret, PASSPHRASE)).userId, keys.protected.uid);
    assert.equal((await loadSigningKey(keys.plain.armoredSecret, 'unused')).userId, keys.plain.uid);
  });

  it('rejects an empty input', async () => {
    await rejects(loadSigningKey(''), /signing key is empty.*--export-secret-keys/);
    await rejects(loadSigningKey(' \n\t'), /signing key is empty/);
  });

  it('rejects text that is not an armored key', async () => {
    await rejects(loadSigningKey('hunter2'), /not an ASCII-armored OpenPGP secret key/);
    const broken = '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nbm90IGEga2V5\n-----END PGP PRIVATE KEY BLOCK-----\n';
    await rejects(loadSigningKey(broken), /could not be read as an OpenPGP key/);
  });

  it('says so when given a public key', async () => {
    await rejects(loadSigningKey(keys.plain.armoredPublic), /is a public key; signing needs the secret key/);
  });

  it('refuses an input that holds several keys', async () => {
    const both = (await gpg.ok(['--armor', '--export-secret-keys', keys.plain.fingerprint, keys.subkey.fingerprint])).stdout;
    await rejects(loadSigningKey(both), /holds 2 keys.*Plain Signer.*Subkey Signer.*export only the one/);
  });

  it('asks for the passphrase when it is missing, and never echoes a wrong one', async () => {
    await rejects(loadSigningKey(keys.protected.armoredSecret), /Protected Signer.*protected by a passphrase; provide the passphrase/);
    await rejects(loadSigningKey(keys.protected.armoredSecret, ''), /provide the passphrase/);
    const error = await rejects(loadSigningKey(keys.protected.armoredSecret, 'wrong-passphrase-123'), /the passphrase is wrong; check the passphrase/);
    assert.doesNotMatch(`${error.message}\n${error.stack}`, /wrong-passphrase-123/);
  });

  it('rejects an expired key with the date it expired', async () => {
    await rejects(loadSigningKey(keys.expired.armoredSecret), /Expired Signer.*expired on 2020-01-02T.*extend it/);
  });

  it('rejects a revoked key', async () => {
    await rejects(loadSigningKey(keys.revoked.armoredSecret), /Revoked Signer.*has been revoked; use another key/);
  });

  it('rejects a key with no signing-capable key or subkey', async () => {
    await rejects(loadSigningKey(keys.cannotSign.armoredSecret), /Encrypt Only.*no key or subkey that can sign/);
  });

  it('accepts a certify-only primary key with a signing subkey', async () => {
    assert.equal((await loadSigningKey(keys.subkey.armoredSecret)).userId, keys.subkey.uid);
  });

  it('flags Curve25519 keys, which Helm 3 cannot read', async () => {
    assert.equal((await loadSigningKey(keys.ed25519.armoredSecret)).helm3Compatible, false);
  });

  it('never shows key material when the key is printed or serialized', async () => {
    const key = await loadSigningKey(keys.protected.armoredSecret, PASSPHRASE);
    // eslint-disable-next-line @typescript-eslint/no-base-to-string, @typescript-eslint/restrict-template-expressions -- default stringification is what is checked
    for (const shown of [inspect(key, { depth: 10, showHidden: true }), JSON.stringify(key), String(key), `${key}`]) {
      assert.doesNotMatch(shown, /PRIVATE KEY|BEGIN PGP/);
      assert.ok(!shown.includes(PASSPHRASE));
      assert.ok(shown.length < 300, shown);
    }
  });
});

describe('signProvenance', () => {
  let key: SigningKey;
  before(async () => {
    key = await loadSigningKey(keys.plain.armoredSecret);
  });

  it('writes Helm 4\'s layout: SHA512 header, dash-escaped text, blank line, 64-column armor, no final newline', async () => {
    const prov = await signProvenance(key, MESSAGE);
    const head = '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n';
    assert.ok(prov.startsWith(head));
    const text = prov.slice(head.length, prov.indexOf('-----BEGIN PGP SIGNATURE-----'));
    assert.equal(text, MESSAGE.replace('\n- web', '\n- - web') + '\n');
    const armor = prov.slice(prov.indexOf('-----BEGIN PGP SIGNATURE-----')).split('\n');
    assert.equal(armor[0], '-----BEGIN PGP SIGNATURE-----');
    assert.equal(armor[1], '');
    assert.equal(armor.at(-1), '-----END PGP SIGNATURE-----');
    assert.match(armor.at(-2)!, /^=[A-Za-z0-9+/]{4}$/, 'checksum line');
    const body = armor.slice(2, -2);
    assert.ok(body.slice(0, -1).every((line) => line.length === 64));
    assert.ok(body.at(-1)!.length <= 64);
    assert.ok(!prov.endsWith('\n'));
  });

  it('signs the exact text, final newline included, with SHA-512, verifiable with the public key', async () => {
    for (const name of ['plain', 'ed25519', 'subkey'] as const) {
      const signer = await loadSigningKey(keys[name].armoredSecret);
      const prov = await signProvenance(signer, MESSAGE);
      const parsed = await openpgp.readCleartextMessage({ cleartextMessage: prov });
      assert.equal(parsed.getText(), MESSAGE);
      const publicKey = await openpgp.readKey({ armoredKey: keys[name].armoredPublic });
      const { signatures } = await openpgp.verify({ message: parsed, verificationKeys: publicKey, expectSigned: true });
      const [signature] = signatures;
      await signature!.verified;
      const packet = (await signature!.signature).packets[0]!;
      assert.equal(packet.hashAlgorithm, openpgp.enums.hash.sha512);
      assert.equal(packet.signatureType, openpgp.enums.signature.text);
    }
  });

  it('produces a signature that fails for an altered text', async () => {
    const prov = await signProvenance(key, MESSAGE);
    const tampered = prov.replace('sha256:00ff', 'sha256:00fe');
    const parsed = await openpgp.readCleartextMessage({ cleartextMessage: tampered });
    const publicKey = await openpgp.readKey({ armoredKey: keys.plain.armoredPublic });
    await assert.rejects(openpgp.verify({ message: parsed, verificationKeys: publicKey, expectSigned: true }), /Signed digest did not match/);
  });

  it('only signs with keys made by loadSigningKey', async () => {
    const forged = { userId: 'x', fingerprint: 'y', helm3Compatible: true };
    await assert.rejects(signProvenance(forged, MESSAGE), /needs a key from loadSigningKey/);
  });

  it('rejects text with trailing whitespace, which clear-signing would silently drop', async () => {
    await assert.rejects(signProvenance(key, 'name: x \n'), /trailing whitespace/);
  });
});
