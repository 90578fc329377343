// Keyless signing with sigstore-js: an ephemeral P-256 key that never leaves memory, a Fulcio
// certificate for the workflow's OIDC identity, and the witnesses the instance has (Rekor entry,
// RFC 3161 timestamp). Produces Sigstore bundles (v0.3) as cosign 3 and actions/attest do.
import { bundleToJSON, type SerializedBundle } from '@sigstore/bundle';
import { DSSEBundleBuilder, FulcioSigner, MessageSignatureBundleBuilder, RekorWitness, TSAWitness, type Bundle, type Witness } from '@sigstore/sign';
import type { SigstoreEndpoints } from './instance.js';

const INTOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
export const BUNDLE_V03_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';

export interface SigningOptions {
  endpoints: SigstoreEndpoints;
  /** An OIDC token with audience `sigstore` (on a runner: core.getIDToken('sigstore')). */
  getToken: () => Promise<string>;
  /** Deadline of each request to Fulcio, Rekor and the TSA (default 30 s). */
  timeoutMs?: number;
  /** Retries of a failed request (default 3). */
  retries?: number;
}

class SigningError extends Error {
  override name = 'SigningError';
}

function witnesses(options: SigningOptions): Witness[] {
  const fetch = { timeout: options.timeoutMs ?? 30_000, retry: { retries: options.retries ?? 3, minTimeout: 500, maxTimeout: 5_000 } };
  const list: Witness[] = [];
  if (options.endpoints.rekorUrl) list.push(new RekorWitness({ rekorBaseURL: options.endpoints.rekorUrl, entryType: 'dsse', fetchOnConflict: true, ...fetch }));
  if (options.endpoints.tsaUrl) list.push(new TSAWitness({ tsaBaseURL: options.endpoints.tsaUrl, ...fetch }));
  return list;
}

function signer(options: SigningOptions): FulcioSigner {
  return new FulcioSigner({
    fulcioBaseURL: options.endpoints.fulcioUrl,
    identityProvider: { getToken: options.getToken },
    timeout: options.timeoutMs ?? 30_000,
    retry: { retries: options.retries ?? 3, minTimeout: 500, maxTimeout: 5_000 },
  });
}

/** sigstore-js errors name the service and the HTTP status; they never carry the token. */
function signingFailure(error: unknown, what: string, endpoints: SigstoreEndpoints): SigningError {
  const detail = error instanceof Error ? error.message : String(error);
  const cause = (error as { cause?: unknown })?.cause;
  const deeper = cause instanceof Error && cause.message !== detail ? ` (${cause.message})` : '';
  const services = [`Fulcio ${endpoints.fulcioUrl}`, endpoints.rekorUrl && `Rekor ${endpoints.rekorUrl}`, endpoints.tsaUrl && `TSA ${endpoints.tsaUrl}`].filter(Boolean).join(', ');
  return new SigningError(`could not ${what}: ${detail}${deeper} [Sigstore instance ${endpoints.instance}: ${services}]`, { cause: error });
}

/** Signs an in-toto statement as a DSSE envelope; returns the bundle as JSON. */
export async function signStatement(statement: object, options: SigningOptions): Promise<SerializedBundle> {
  const builder = new DSSEBundleBuilder({ signer: signer(options), witnesses: witnesses(options) });
  let bundle: Bundle;
  try {
    bundle = await builder.create({ data: Buffer.from(JSON.stringify(statement)), type: INTOTO_PAYLOAD_TYPE });
  } catch (error) {
    throw signingFailure(error, 'sign the statement', options.endpoints);
  }
  return bundleToJSON(bundle);
}

/** Signs bytes directly (a hashedrekord entry): cosign's legacy `.sig` signatures. */
export async function signMessage(message: Buffer, options: SigningOptions): Promise<SerializedBundle> {
  const builder = new MessageSignatureBundleBuilder({ signer: signer(options), witnesses: witnesses(options) });
  try {
    return bundleToJSON(await builder.create({ data: message }));
  } catch (error) {
    throw signingFailure(error, 'sign the payload', options.endpoints);
  }
}
