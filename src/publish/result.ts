// What the step reports for each chart: the outputs, the `charts` JSON and the job summary are
// all made from these.
import type { ChartMetadata } from '../chart/index.js';
import { repositoryName, type Target } from './target.js';

export type ChartStatus = 'pushed' | 'unchanged' | 'skipped' | 'failed' | 'dry-run';

export interface ChartResult {
  /** Where the chart came from, as the user wrote it (a path relative to the workspace). */
  source: string;
  name: string;
  version: string;
  tag: string;
  digest: string;
  repository: string;
  url: string;
  ref: string;
  pushed: boolean;
  signed: boolean;
  status: ChartStatus;
  /** Why the chart failed, or what failed after it was pushed (signing, attesting). */
  error?: string;
  signatureDigest?: string;
  legacySignatureDigest?: string;
  attestationDigest?: string;
  attestationId?: string;
  attestationUrl?: string;
}

/** What the supply-chain step adds to a pushed chart's result. */
export type SupplyChainFields = Pick<ChartResult, 'signatureDigest' | 'legacySignatureDigest' | 'attestationDigest' | 'attestationId' | 'attestationUrl'>;

/** The result of a chart whose outcome is `status`, with the manifest `digest` now behind its tag. */
export function chartResult(
  source: string,
  metadata: ChartMetadata,
  target: Target,
  outcome: { status: ChartStatus; digest: string; signed: boolean; error?: string },
): ChartResult {
  const repository = repositoryName(target);
  const url = `oci://${repository}`;
  return {
    source,
    name: metadata.name,
    version: metadata.version,
    tag: target.tag,
    digest: outcome.digest,
    repository,
    url,
    ref: outcome.digest ? `${url}@${outcome.digest}` : '',
    pushed: outcome.status === 'pushed',
    signed: outcome.signed,
    status: outcome.status,
    ...(outcome.error !== undefined ? { error: outcome.error } : {}),
  };
}
