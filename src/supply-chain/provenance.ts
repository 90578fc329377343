// SLSA build provenance for a pushed chart, as actions/attest-build-provenance makes it: the
// predicate from @actions/attest (read from the workflow's verified OIDC claims), signed as an
// in-toto statement, stored in the registry as a referrer and with GitHub's attestations API.
import { buildSLSAProvenancePredicate } from '@actions/attest';
import type { SerializedBundle } from '@sigstore/bundle';
import type { Descriptor } from '../oci/helm-manifest.js';
import type { ReferrersClient } from '../oci/referrers.js';
import { attachBundle, findBundle } from './bundle-referrer.js';
import { storeAttestation, type GitHubApi, type StoredAttestation } from './github-attestations.js';
import { signStatement, type SigningOptions } from './sign.js';
import { provenanceStatement, SLSA_PROVENANCE_PREDICATE_TYPE } from './statements.js';

export interface ProvenancePredicate {
  type: string;
  params: object;
}

/**
 * The workflow's provenance predicate. @actions/attest asks the runner for an OIDC token itself
 * (audience `nobody`) and verifies it against the issuer's keys; `issuer` defaults to GitHub's.
 */
export async function buildProvenancePredicate(issuer?: string): Promise<ProvenancePredicate> {
  return buildSLSAProvenancePredicate(issuer);
}

export interface AttestChartOptions {
  signing: SigningOptions;
  predicate: ProvenancePredicate;
  /** Where to store the attestation with GitHub; undefined: registry only. */
  github?: GitHubApi;
  /** Reuse a provenance attestation already attached to this digest (a re-run of an unchanged chart). */
  reuseExisting?: boolean;
}

export interface ChartAttestation {
  /** Digest of the attestation's referrer manifest in the registry. */
  digest: string;
  /** True when an attestation already in the registry was kept and nothing was signed. */
  reused: boolean;
  github?: StoredAttestation;
  bundle?: SerializedBundle;
}

/** `subjectName` is the repository without tag (`ghcr.io/acme/charts/app`), as attest-build-provenance names it. */
export async function attestChart(client: ReferrersClient, repository: string, subjectName: string, subject: Descriptor, options: AttestChartOptions): Promise<ChartAttestation> {
  if (options.reuseExisting) {
    const existing = await findBundle(client, repository, subject.digest, SLSA_PROVENANCE_PREDICATE_TYPE);
    if (existing) return { digest: existing.digest, reused: true };
  }
  if (options.predicate.type !== SLSA_PROVENANCE_PREDICATE_TYPE) throw new Error(`unexpected provenance predicate type ${options.predicate.type}`);
  const bundle = await signStatement(provenanceStatement(subjectName, subject.digest, options.predicate.params), options.signing);
  const referrer = await attachBundle(client, repository, subject, bundle, SLSA_PROVENANCE_PREDICATE_TYPE);
  const github = options.github ? await storeAttestation(bundle, options.github) : undefined;
  return { digest: referrer.digest, reused: false, github, bundle };
}
