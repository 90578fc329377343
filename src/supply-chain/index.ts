// Keyless signatures, build provenance and Artifact Hub metadata for pushed charts. This module
// is the one entry point, loaded with a single dynamic import() only when one of them is asked
// for, so a plain publish never loads sigstore-js.
import type { Descriptor } from '../oci/helm-manifest.js';
import type { ReferrersClient } from '../oci/referrers.js';
import { pushArtifactHubRepo, readArtifactHubRepo, type ArtifactHubMetadata } from './artifacthub.js';
import { signChart } from './cosign-signature.js';
import type { GitHubApi } from './github-attestations.js';
import { resolveSigstoreEndpoints, SupplyChainInputError, type SigstoreEndpoints } from './instance.js';
import { signChartLegacy } from './legacy-signature.js';
import { attestChart, buildProvenancePredicate, type ProvenancePredicate } from './provenance.js';
import type { SigningOptions } from './sign.js';

export { parseArtifactHubRepo, pushArtifactHubRepo, ARTIFACTHUB_TAG } from './artifacthub.js';
export { SupplyChainInputError } from './instance.js';
export { legacySignatureTag } from './legacy-signature.js';
export { requestIdToken } from './oidc-token.js';

/** `sigstore-format`: cosign 3's bundle referrer, cosign's legacy `.sig` tag, or both. */
type SignatureFormat = 'bundle' | 'legacy' | 'both';

export interface SupplyChainInputs {
  sigstoreSign: boolean;
  attest: boolean;
  sigstore?: string;
  fulcioUrl?: string;
  rekorUrl?: string;
  tsaUrl?: string;
  sigstoreFormat?: string;
  /** Path of artifacthub-repo.yml (already resolved against the workspace), or empty. */
  artifacthubRepo?: string;
  dryRun: boolean;
  /** process.env: ACTIONS_ID_TOKEN_REQUEST_URL tells whether the job may get an OIDC token; GITHUB_SERVER_URL. */
  env: Record<string, string | undefined>;
}

export interface SupplyChainConfig {
  sign: boolean;
  format: SignatureFormat;
  attest: boolean;
  endpoints?: SigstoreEndpoints;
  artifactHub?: ArtifactHubMetadata;
}

/** Every check of the inputs, before any request; throws SupplyChainInputError saying what to change. */
export async function resolveSupplyChain(inputs: SupplyChainInputs): Promise<SupplyChainConfig> {
  const format = (inputs.sigstoreFormat ?? '').trim() || 'bundle';
  if (format !== 'bundle' && format !== 'legacy' && format !== 'both') {
    throw new SupplyChainInputError(`sigstore-format "${format}" is not known: use bundle (cosign 3, the default), legacy (the sha256-<hex>.sig tag of cosign before 2.6) or both`);
  }
  const keyless = inputs.sigstoreSign || inputs.attest;
  if (keyless && inputs.dryRun) {
    throw new SupplyChainInputError(`${inputs.sigstoreSign ? 'sigstore-sign' : 'attest'} cannot be combined with dry-run: a dry run pushes nothing, so there is no digest in the registry to sign; remove one of them`);
  }
  if (keyless && !inputs.env.ACTIONS_ID_TOKEN_REQUEST_URL) {
    throw new SupplyChainInputError(
      `${inputs.sigstoreSign && inputs.attest ? 'sigstore-sign and attest need' : inputs.sigstoreSign ? 'sigstore-sign needs' : 'attest needs'} the workflow's OIDC token, and this job cannot get one: give the job \`permissions: id-token: write\``,
    );
  }
  const endpoints = keyless
    ? resolveSigstoreEndpoints({ sigstore: inputs.sigstore, fulcioUrl: inputs.fulcioUrl, rekorUrl: inputs.rekorUrl, tsaUrl: inputs.tsaUrl, serverUrl: inputs.env.GITHUB_SERVER_URL })
    : undefined;
  const artifactHub = inputs.artifacthubRepo?.trim() ? await readArtifactHubRepo(inputs.artifacthubRepo.trim()) : undefined;
  if (artifactHub && inputs.dryRun) throw new SupplyChainInputError('artifacthub-repo cannot be combined with dry-run: a dry run pushes nothing; remove one of them');
  return { sign: inputs.sigstoreSign, format, attest: inputs.attest, endpoints, artifactHub };
}

export interface SupplyChainRuntime {
  /** An OIDC token for this audience (on a runner: core.getIDToken). Never logged. */
  getToken: (audience: string) => Promise<string>;
  /** GitHub's attestations API; undefined: attestations are stored in the registry only. */
  github?: GitHubApi;
  /** OIDC issuer for the provenance predicate's claims (default: GitHub's). */
  provenanceIssuer?: string;
  warning: (message: string) => void;
  /** Deadline of each Sigstore request (default 30 s). */
  timeoutMs?: number;
}

/** A pushed chart: the registry client of its host, `repository` without host, its manifest. */
export interface PushedChart {
  registryHost: string;
  repository: string;
  manifest: Descriptor;
  /** The chart was already in the registry (a re-run): keep a signature or attestation it has. */
  unchanged?: boolean;
}

export interface ChartSupplyChain {
  signatureDigest?: string;
  legacySignatureDigest?: string;
  attestationDigest?: string;
  attestationId?: string;
  attestationUrl?: string;
  /** Digest of the `artifacthub.io` manifest, when it was pushed or found for this chart's repository. */
  artifactHubDigest?: string;
}

/** A step failed after the chart was pushed: `done` holds what did succeed, for the outputs. */
export class SupplyChainError extends Error {
  override name = 'SupplyChainError';
  constructor(message: string, readonly done: ChartSupplyChain, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export class SupplyChain {
  private predicate?: Promise<ProvenancePredicate>;
  private readonly artifactHubDone = new Map<string, Promise<string>>();

  constructor(private readonly config: SupplyChainConfig, private readonly runtime: SupplyChainRuntime) {}

  get active(): boolean {
    return this.config.sign || this.config.attest || Boolean(this.config.artifactHub);
  }

  /** Signs, attests and publishes metadata for one pushed chart, in that order. */
  async secure(client: ReferrersClient, chart: PushedChart): Promise<ChartSupplyChain> {
    const done: ChartSupplyChain = {};
    let step = '';
    try {
      const signing = this.signing();
      const image = `${chart.registryHost}/${chart.repository}`;
      if (this.config.sign && signing) {
        if (this.config.format !== 'legacy') {
          step = 'sign it (cosign bundle)';
          done.signatureDigest = (await signChart(client, chart.repository, chart.manifest, { signing, reuseExisting: chart.unchanged })).digest;
        }
        if (this.config.format !== 'bundle') {
          step = 'sign it (cosign .sig)';
          done.legacySignatureDigest = await signChartLegacy(client, chart.repository, image, chart.manifest, signing);
        }
      }
      if (this.config.attest && signing) {
        step = 'attest its build provenance';
        this.predicate ??= buildProvenancePredicate(this.runtime.provenanceIssuer);
        const attestation = await attestChart(client, chart.repository, image, chart.manifest, {
          signing,
          predicate: await this.predicate,
          github: this.runtime.github,
          reuseExisting: chart.unchanged,
        });
        done.attestationDigest = attestation.digest;
        if (attestation.github?.stored) {
          done.attestationId = attestation.github.id;
          done.attestationUrl = attestation.github.url;
        } else if (attestation.github) {
          this.runtime.warning(`${image}@${chart.manifest.digest}: ${attestation.github.warning}`);
        }
      }
      if (this.config.artifactHub) {
        step = 'push the Artifact Hub metadata';
        const metadata = this.config.artifactHub;
        const key = `${chart.registryHost}/${chart.repository}`;
        let pushed = this.artifactHubDone.get(key);
        if (!pushed) {
          pushed = pushArtifactHubRepo(client, chart.repository, metadata).then((r) => r.digest);
          this.artifactHubDone.set(key, pushed);
        }
        done.artifactHubDigest = await pushed;
      }
      return done;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const signedPart = done.signatureDigest || done.legacySignatureDigest ? 'signed, but' : 'in the registry, unsigned:';
      throw new SupplyChainError(`${chart.registryHost}/${chart.repository}@${chart.manifest.digest} is ${signedPart} could not ${step}: ${reason}. Run the job again to finish.`, done, { cause: error });
    }
  }

  private signing(): SigningOptions | undefined {
    const endpoints = this.config.endpoints;
    if (!endpoints) return undefined;
    return { endpoints, getToken: () => this.runtime.getToken('sigstore'), timeoutMs: this.runtime.timeoutMs };
  }
}
