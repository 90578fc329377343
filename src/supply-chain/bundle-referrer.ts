// A Sigstore bundle stored in the registry the way cosign 3 and actions/attest store it: an OCI
// 1.1 referrer of the chart's manifest whose artifactType and only layer are the bundle media
// type, with the `dev.sigstore.bundle.*` annotations Artifact Hub and cosign look for.
import type { SerializedBundle } from '@sigstore/bundle';
import type { Descriptor } from '../oci/helm-manifest.js';
import { listReferrers, pushReferrer, type ReferrerDescriptor, type ReferrersClient } from '../oci/referrers.js';
import { BUNDLE_V03_MEDIA_TYPE } from './sign.js';

const BUNDLE_CONTENT_ANNOTATION = 'dev.sigstore.bundle.content';
const BUNDLE_PREDICATE_TYPE_ANNOTATION = 'dev.sigstore.bundle.predicateType';

/** RFC 3339 to the second, as cosign writes `org.opencontainers.image.created`. */
function createdNow(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function attachBundle(
  client: ReferrersClient,
  repository: string,
  subject: Descriptor,
  bundle: SerializedBundle,
  predicateType: string,
  now = new Date(),
): Promise<ReferrerDescriptor> {
  return pushReferrer(client, {
    repository,
    subject,
    artifactType: BUNDLE_V03_MEDIA_TYPE,
    layers: [{ mediaType: BUNDLE_V03_MEDIA_TYPE, data: Buffer.from(JSON.stringify(bundle)) }],
    annotations: {
      'org.opencontainers.image.created': createdNow(now),
      [BUNDLE_CONTENT_ANNOTATION]: 'dsse-envelope',
      [BUNDLE_PREDICATE_TYPE_ANNOTATION]: predicateType,
    },
  });
}

/** A bundle referrer of `digest` with this predicate type already in the registry, if any. */
export async function findBundle(client: ReferrersClient, repository: string, digest: string, predicateType: string): Promise<ReferrerDescriptor | undefined> {
  const { manifests } = await listReferrers(client, repository, digest);
  return manifests.find((m) => m.artifactType === BUNDLE_V03_MEDIA_TYPE && m.annotations?.[BUNDLE_PREDICATE_TYPE_ANNOTATION] === predicateType);
}
