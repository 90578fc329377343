// `sign`: loads the OpenPGP key once (in memory only) and signs each packaged chart the way
// `helm package --sign` does. The OpenPGP code is loaded only when signing is asked for.
import type { ActionConfig } from './inputs.js';

/** Returns the .prov text for a packaged chart, from its file name and `sha256:<hex>` digest. */
export type Signer = (configJson: string, tgzFileName: string, tgzDigest: string) => Promise<string>;

export interface SignerLog {
  info(message: string): void;
  warning(message: string): void;
}

export async function createSigner(config: Pick<ActionConfig, 'signingKey' | 'signingPassphrase'>, log: SignerLog): Promise<Signer> {
  const { loadSigningKey, provenanceMessage, signProvenance } = await import('./chart/provenance.js');
  const key = await loadSigningKey(config.signingKey, config.signingPassphrase || undefined);
  log.info(`Signing with ${key.userId} (${key.fingerprint})`);
  if (!key.helm3Compatible) {
    log.warning('the signing key uses Curve25519/Ed25519, which Helm 3 cannot read: Helm 4 verifies these charts, Helm 3 users need an RSA or NIST-curve key');
  }
  return (configJson, tgzFileName, tgzDigest) => signProvenance(key, provenanceMessage(configJson, tgzFileName, tgzDigest));
}
