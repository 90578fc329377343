// Helm provenance files (`<chart>.tgz.prov`), written the way `helm package --sign` writes them
// so that `helm verify` and `helm pull --verify` (Helm 3 and 4) and `gpg --verify` accept them.
//
// Helm's signed text (pkg/provenance/sign.go, same in v3 and v4) is
//   yaml(chart metadata) + "\n...\n" + yaml({files: {<tgz name>: "sha256:<hex>"}})
// with both YAML parts from sigs.k8s.io/yaml (see go/yaml-emit.ts). Each part ends in a newline, so a
// blank line precedes `...`. The text is clear-signed with SHA-512. The layout follows Helm 4
// (ProtonMail go-crypto): the signed text keeps its final newline, so a blank line precedes the
// signature block, and the file has no trailing newline. Helm 4 leaves out the armor checksum;
// we keep it, as Helm 3 did, because GnuPG 2.2 cannot read an armored signature that has
// neither `=` padding nor a checksum (every Ed25519 signature), and both Helms accept it.
import * as openpgp from 'openpgp';
import { ChartError, writingYaml } from './errors.js';
import { jsonToGoYaml, toGoYaml } from './go/yaml-emit.js';

/** A decrypted secret key, ready to sign. Only its public facts are visible. */
export interface SigningKey {
  /** The primary user id, e.g. `Jane <jane@example.com>`, for messages. */
  readonly userId: string;
  /** Upper-case hex fingerprint of the primary key. */
  readonly fingerprint: string;
  /**
   * False when the key (or any subkey) uses Curve25519/Ed25519 or another algorithm Helm 3's
   * x/crypto/openpgp cannot read: Helm 3 then fails to load the public keyring at all
   * ("unsupported feature"), while Helm 4 verifies. RSA and NIST-curve keys work everywhere.
   */
  readonly helm3Compatible: boolean;
}

// The key material lives here, not on the SigningKey object, so logging or serializing a
// SigningKey can never show it.
const privateKeys = new WeakMap<SigningKey, openpgp.PrivateKey>();

function signingKey(key: openpgp.PrivateKey, facts: SigningKey): SigningKey {
  const handle: SigningKey = Object.freeze({ ...facts, toString: () => `${facts.userId} (${facts.fingerprint})` });
  privateKeys.set(handle, key);
  return handle;
}

const EXPORT_HINT = 'export it with `gpg --armor --export-secret-keys <key id>`';
const SECRET_BLOCK = '-----BEGIN PGP PRIVATE KEY BLOCK-----';
const PUBLIC_BLOCK = '-----BEGIN PGP PUBLIC KEY BLOCK-----';

/**
 * Reads one ASCII-armored OpenPGP secret key, checks that it can sign now, and decrypts it with
 * `passphrase` when it is protected. Errors say what to change and never contain the key or
 * the passphrase; they are ChartErrors, meant for the user.
 */
export async function loadSigningKey(armoredSecretKey: string, passphrase?: string): Promise<SigningKey> {
  const armored = armoredSecretKey.trim();
  if (armored === '') throw new ChartError(`the signing key is empty: provide an ASCII-armored OpenPGP secret key (${EXPORT_HINT})`);
  if (!armored.includes(SECRET_BLOCK)) {
    if (armored.includes(PUBLIC_BLOCK)) throw new ChartError(`the signing key is a public key; signing needs the secret key (${EXPORT_HINT})`);
    throw new ChartError(`the signing key is not an ASCII-armored OpenPGP secret key (no "${SECRET_BLOCK}" line); ${EXPORT_HINT}`);
  }

  let keys: openpgp.Key[];
  try {
    keys = await openpgp.readKeys({ armoredKeys: armored });
  } catch (error) {
    throw new ChartError(`the signing key could not be read as an OpenPGP key (${errorText(error)}); ${EXPORT_HINT}`);
  }
  if (keys.length !== 1) {
    const ids = keys.map((k) => k.getUserIDs()[0] ?? k.getFingerprint().toUpperCase()).join('; ');
    throw new ChartError(`the signing key input holds ${keys.length} keys (${ids}); export only the one to sign with`);
  }
  const key = keys[0]!;
  if (!key.isPrivate()) throw new ChartError(`the signing key is a public key; signing needs the secret key (${EXPORT_HINT})`);

  const fingerprint = key.getFingerprint().toUpperCase();
  const userId = key.getUserIDs()[0] ?? fingerprint;
  const who = `key ${userId} (${fingerprint})`;

  const now = new Date();
  if (await key.isRevoked(undefined, undefined, now)) throw new ChartError(`the signing ${who} has been revoked; use another key`);
  const expires = await key.getExpirationTime().catch(() => null);
  if (expires instanceof Date && expires <= now) {
    throw new ChartError(
      `the signing ${who} expired on ${expires.toISOString()}; extend it (gpg --quick-set-expire) and export it again, or use another key`,
    );
  }
  try {
    await key.getSigningKey(undefined, now);
  } catch (error) {
    throw new ChartError(`the ${who} has no key or subkey that can sign now (${errorText(error)}); use a key with signing capability`);
  }

  let decrypted = key;
  if (!key.isDecrypted()) {
    if (passphrase === undefined || passphrase === '') {
      throw new ChartError(`the signing ${who} is protected by a passphrase; provide the passphrase`);
    }
    try {
      decrypted = await openpgp.decryptKey({ privateKey: key, passphrase });
    } catch (error) {
      // openpgp says "Error decrypting private key: Incorrect key passphrase" for a wrong one.
      const detail = /passphrase/i.test(errorText(error)) ? 'the passphrase is wrong' : `it could not be decrypted (${errorText(error)})`;
      throw new ChartError(`the signing ${who} is protected by a passphrase and ${detail}; check the passphrase`);
    }
  }
  const helm3Compatible = key.getKeys().every((k) => readableByHelm3(k.getAlgorithmInfo()));
  return signingKey(decrypted, { userId, fingerprint, helm3Compatible });
}

// What Helm 3's golang.org/x/crypto/openpgp can parse.
function readableByHelm3(info: openpgp.AlgorithmInfo): boolean {
  if (['rsaEncryptSign', 'rsaEncrypt', 'rsaSign', 'dsa', 'elgamal'].includes(info.algorithm)) return true;
  return ['ecdsa', 'ecdh'].includes(info.algorithm) && ['nistP256', 'nistP384', 'nistP521'].includes(info.curve ?? '');
}

/**
 * The text Helm signs: the chart metadata (Go `json.Marshal` of Helm's chart Metadata, as in the
 * OCI config blob) as YAML, `...`, then the archive's file name and `tgzDigest`, the archive's
 * `sha256:<hex>` (PackagedChart.digest): the archive itself is not needed.
 */
export function provenanceMessage(configJson: string, tgzFileName: string, tgzDigest: string): string {
  if (!/^sha256:[0-9a-f]{64}$/.test(tgzDigest)) throw new TypeError(`provenanceMessage needs the archive's sha256:<hex> digest, not ${JSON.stringify(tgzDigest.slice(0, 80))}`);
  return writingYaml(`the provenance of ${tgzFileName}`, () => `${jsonToGoYaml(configJson)}\n...\n${toGoYaml({ files: { [tgzFileName]: tgzDigest } })}`);
}

/** Clear-signs `message` with SHA-512; returns the `.prov` file's exact contents. */
export async function signProvenance(key: SigningKey, message: string): Promise<string> {
  // Clear-signing ignores trailing whitespace, which would make the signed text differ from
  // the file; Helm's YAML never has any, so this is a caller's bug.
  if (/[ \t\r]$/m.test(message)) throw new Error('provenance message has trailing whitespace on a line');

  const privateKey = privateKeys.get(key);
  if (!privateKey) throw new TypeError('signProvenance needs a key from loadSigningKey');
  // A detached text-mode signature over the same canonical text is what clear-signing makes.
  // openpgp's stream types come from a package it does not install, so its result is untyped here.
  const signed: unknown = await openpgp.sign({
    message: await openpgp.createMessage({ text: message }),
    signingKeys: privateKey,
    detached: true,
    format: 'binary',
    config: { preferredHashAlgorithm: openpgp.enums.hash.sha512 },
  });
  if (!(signed instanceof Uint8Array)) throw new TypeError('openpgp returned no binary signature');
  const data = signed;
  const signature = await openpgp.readSignature({ binarySignature: data });
  const hashes = new Set(signature.packets.map((p) => openpgp.enums.read(openpgp.enums.hash, p.hashAlgorithm!).toUpperCase()));
  const body = Buffer.from(data).toString('base64');
  // Go's armor writer: 64-column lines; no newline after the footer.
  return [
    '-----BEGIN PGP SIGNED MESSAGE-----',
    `Hash: ${[...hashes].join(',')}`,
    '',
    message.replace(/^-/gm, '- -'),
    '-----BEGIN PGP SIGNATURE-----',
    '',
    ...(body.match(/.{1,64}/g) ?? []),
    `=${crc24Base64(data)}`,
    '-----END PGP SIGNATURE-----',
  ].join('\n');
}

// The OpenPGP armor checksum (RFC 4880, section 6.1).
function crc24Base64(data: Uint8Array): string {
  let crc = 0xb704ce;
  for (const byte of data) {
    crc ^= byte << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  return Buffer.from([(crc >> 16) & 0xff, (crc >> 8) & 0xff, crc & 0xff]).toString('base64');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
