// cosign's signature format before bundles (cosign < 2.6 and tools that read only this): a
// manifest tagged `sha256-<hex>.sig` whose layers are "simple signing" payloads naming the image,
// each signed directly (a hashedrekord entry), with the signature, certificate and log entry in
// the layer's annotations. Other signatures already under that tag are kept.
import type { SerializedBundle } from '@sigstore/bundle';
import { blobOf, OCI_MANIFEST_MEDIA_TYPE, type Descriptor } from '../oci/helm-manifest.js';
import { referrersTag, type ReferrersClient } from '../oci/referrers.js';
import { signMessage, type SigningOptions } from './sign.js';

const SIMPLE_SIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';
const OCI_CONFIG_MEDIA_TYPE = 'application/vnd.oci.image.config.v1+json';
const LEGACY_ANNOTATIONS = {
  signature: 'dev.cosignproject.cosign/signature',
  certificate: 'dev.sigstore.cosign/certificate',
  chain: 'dev.sigstore.cosign/chain',
  bundle: 'dev.sigstore.cosign/bundle',
  timestamp: 'dev.sigstore.cosign/rfc3161timestamp',
} as const;

interface Layer extends Descriptor {
  annotations?: Record<string, string>;
}

/** The `.sig` tag of a manifest digest. */
export function legacySignatureTag(digest: string): string {
  return `${referrersTag(digest)}.sig`;
}

/** cosign's simple signing payload: `host/repository` and the manifest digest. */
export function simpleSigningPayload(image: string, digest: string): Buffer {
  return Buffer.from(
    JSON.stringify({ critical: { identity: { 'docker-reference': image }, image: { 'docker-manifest-digest': digest }, type: 'cosign container image signature' }, optional: null }),
  );
}

function pem(der: string): string {
  const lines = Buffer.from(der, 'base64').toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** The layer annotations cosign writes, from a message-signature bundle. */
export function legacyAnnotations(bundle: SerializedBundle): Record<string, string> {
  const material = bundle.verificationMaterial;
  const signature = bundle.messageSignature?.signature;
  const leaf = material.certificate?.rawBytes ?? material.x509CertificateChain?.certificates[0]?.rawBytes;
  if (!signature || !leaf) throw new Error('the signing bundle has no message signature or certificate');
  const out: Record<string, string> = { [LEGACY_ANNOTATIONS.signature]: signature, [LEGACY_ANNOTATIONS.certificate]: pem(leaf) };
  const chain = material.x509CertificateChain?.certificates.slice(1) ?? [];
  if (chain.length > 0) out[LEGACY_ANNOTATIONS.chain] = chain.map((c) => pem(c.rawBytes)).join('');
  const entry = material.tlogEntries[0];
  if (entry?.inclusionPromise) {
    out[LEGACY_ANNOTATIONS.bundle] = JSON.stringify({
      SignedEntryTimestamp: entry.inclusionPromise.signedEntryTimestamp,
      Payload: {
        body: entry.canonicalizedBody,
        integratedTime: Number(entry.integratedTime),
        logIndex: Number(entry.logIndex),
        logID: Buffer.from(entry.logId.keyId, 'base64').toString('hex'),
      },
    });
  }
  const stamp = material.timestampVerificationData?.rfc3161Timestamps[0]?.signedTimestamp;
  if (stamp) out[LEGACY_ANNOTATIONS.timestamp] = JSON.stringify({ SignedRFC3161Timestamp: stamp });
  return out;
}

/** The image config cosign gives a signature manifest (go-containerregistry's empty image). */
function signatureConfig(layers: Layer[]): Buffer {
  return Buffer.from(
    JSON.stringify({
      architecture: '',
      created: '0001-01-01T00:00:00Z',
      history: layers.map(() => ({ created: '0001-01-01T00:00:00Z' })),
      os: '',
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
      config: {},
    }),
  );
}

async function existingLayers(client: ReferrersClient, repository: string, tag: string): Promise<Layer[]> {
  const current = await client.getManifest(repository, tag);
  if (!current) return [];
  try {
    const manifest = JSON.parse(current.body.toString('utf8')) as { layers?: Layer[] };
    return (manifest.layers ?? []).filter((l) => l.mediaType === SIMPLE_SIGNING_MEDIA_TYPE);
  } catch {
    return [];
  }
}

/** Signs `image@digest` the legacy way and writes the `.sig` manifest; returns its digest. */
export async function signChartLegacy(client: ReferrersClient, repository: string, image: string, subject: Descriptor, signing: SigningOptions): Promise<string> {
  const payload = blobOf(simpleSigningPayload(image, subject.digest));
  const bundle = await signMessage(payload.data, signing);
  const tag = legacySignatureTag(subject.digest);
  const layers = await existingLayers(client, repository, tag);
  layers.push({ mediaType: SIMPLE_SIGNING_MEDIA_TYPE, size: payload.size, digest: payload.digest, annotations: legacyAnnotations(bundle) });
  const config = blobOf(signatureConfig(layers));
  await client.pushBlob(repository, payload);
  await client.pushBlob(repository, config);
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    config: { mediaType: OCI_CONFIG_MEDIA_TYPE, size: config.size, digest: config.digest },
    layers: layers.map((l) => ({ mediaType: l.mediaType, size: l.size, digest: l.digest, ...(l.annotations ? { annotations: l.annotations } : {}) })),
  };
  return client.putManifest(repository, tag, Buffer.from(JSON.stringify(manifest)), OCI_MANIFEST_MEDIA_TYPE);
}
