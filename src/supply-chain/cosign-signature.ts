// `cosign sign` by digest, in process: what cosign 3 stores by default (a bundle referrer with
// cosign's signature statement), so `cosign verify` and Artifact Hub accept it.
import type { SerializedBundle } from '@sigstore/bundle';
import type { Descriptor } from '../oci/helm-manifest.js';
import type { ReferrersClient } from '../oci/referrers.js';
import { attachBundle, findBundle } from './bundle-referrer.js';
import { signStatement, type SigningOptions } from './sign.js';
import { COSIGN_SIGN_PREDICATE_TYPE, cosignSignStatement } from './statements.js';

export interface ChartSignature {
  /** Digest of the signature's referrer manifest in the registry. */
  digest: string;
  /** True when a signature already in the registry was kept and nothing was signed. */
  reused: boolean;
  bundle?: SerializedBundle;
}

export async function signChart(
  client: ReferrersClient,
  repository: string,
  subject: Descriptor,
  options: { signing: SigningOptions; reuseExisting?: boolean },
): Promise<ChartSignature> {
  if (options.reuseExisting) {
    const existing = await findBundle(client, repository, subject.digest, COSIGN_SIGN_PREDICATE_TYPE);
    if (existing) return { digest: existing.digest, reused: true };
  }
  const bundle = await signStatement(cosignSignStatement(subject.digest), options.signing);
  const referrer = await attachBundle(client, repository, subject, bundle, COSIGN_SIGN_PREDICATE_TYPE);
  return { digest: referrer.digest, reused: false, bundle };
}
