// OCI 1.1 referrers: artifacts (signatures, attestations) stored as manifests whose `subject` is
// the manifest they describe. Registries with the referrers API index them themselves; for the
// others (Distribution 2.8, ECR) the writer keeps an image index under the tag `sha256-<hex>`
// (the "referrers tag schema" of the distribution spec), which cosign, oras and Artifact Hub read.
import { OciInputError, RegistryError } from './errors.js';
import { blobOf, OCI_INDEX_MEDIA_TYPE, OCI_MANIFEST_MEDIA_TYPE, type Blob, type Descriptor } from './helm-manifest.js';

const EMPTY_CONFIG_MEDIA_TYPE = 'application/vnd.oci.empty.v1+json';

/** What a referrer push needs from the registry client (RegistryClient fits). */
export interface ReferrersClient {
  readonly host: string;
  pushBlob(repository: string, blob: Blob): Promise<void>;
  putManifest(repository: string, reference: string, body: Buffer, mediaType: string): Promise<string>;
  getManifest(repository: string, reference: string): Promise<{ digest: string; mediaType: string; body: Buffer } | undefined>;
  getReferrers(repository: string, digest: string): Promise<Buffer | undefined>;
}

export interface ReferrerDescriptor extends Descriptor {
  artifactType?: string;
  annotations?: Record<string, string>;
}

export interface Referrers {
  /** True when the registry answered the referrers API; false when the tag index was read. */
  api: boolean;
  manifests: ReferrerDescriptor[];
}

export interface ArtifactReferrer {
  repository: string;
  /** The manifest the artifact describes. */
  subject: Descriptor;
  artifactType: string;
  /** The artifact's layers, in order (each with its media type). */
  layers: Array<{ mediaType: string; data: Buffer }>;
  annotations: Record<string, string>;
}

const SHA256_DIGEST = /^sha256:[a-f0-9]{64}$/;
/** Rewrites of the fallback index when another writer changed it at the same time. */
const INDEX_ATTEMPTS = 3;

/** The referrers tag schema: `sha256:<hex>` → `sha256-<hex>`. */
export function referrersTag(digest: string): string {
  if (!SHA256_DIGEST.test(digest)) throw new OciInputError(`"${digest}" is not a sha256 digest`);
  return digest.replace(':', '-');
}

interface ImageIndex {
  schemaVersion: number;
  mediaType?: string;
  manifests: ReferrerDescriptor[];
  [key: string]: unknown;
}

function parseIndex(body: Buffer, where: string): ImageIndex {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new OciInputError(`${where} is not JSON, so it cannot be a referrers index: delete that tag or push the referrer elsewhere`);
  }
  const index = parsed as Partial<ImageIndex> | null;
  if (typeof index !== 'object' || index === null || !Array.isArray(index.manifests)) {
    throw new OciInputError(`${where} is not an OCI image index, so it cannot be a referrers index: delete that tag or push the referrer elsewhere`);
  }
  return index as ImageIndex;
}

/** The referrers of a manifest: from the registry's API, else from the `sha256-<hex>` tag index. */
export async function listReferrers(client: ReferrersClient, repository: string, digest: string): Promise<Referrers> {
  const fromApi = await client.getReferrers(repository, digest);
  if (fromApi) return { api: true, manifests: parseIndex(fromApi, `the referrers of ${repository}@${digest}`).manifests };
  const tag = referrersTag(digest);
  const index = await client.getManifest(repository, tag);
  return { api: false, manifests: index ? parseIndex(index.body, `${client.host}/${repository}:${tag}`).manifests : [] };
}

/**
 * Adds a referrer to the `sha256-<hex>` tag index of its subject, keeping every other entry and
 * field. Without If-Match (Distribution 2.8 has none) a concurrent writer can replace the index
 * between our read and write, so the index is read back and written again until it lists ours.
 */
export async function addToReferrersIndex(client: ReferrersClient, repository: string, subjectDigest: string, referrer: ReferrerDescriptor): Promise<void> {
  const tag = referrersTag(subjectDigest);
  const where = `${client.host}/${repository}:${tag}`;
  for (let attempt = 1; attempt <= INDEX_ATTEMPTS; attempt++) {
    const current = await client.getManifest(repository, tag);
    if (current && current.mediaType && current.mediaType !== OCI_INDEX_MEDIA_TYPE) {
      throw new OciInputError(`${where} holds a ${current.mediaType}, not an OCI image index: it is not a referrers index; delete that tag so it can be created`);
    }
    const index: ImageIndex = current ? parseIndex(current.body, where) : { schemaVersion: 2, mediaType: OCI_INDEX_MEDIA_TYPE, manifests: [] };
    if (index.manifests.some((m) => m.digest === referrer.digest)) return;
    index.manifests.push(referrer);
    await client.putManifest(repository, tag, Buffer.from(JSON.stringify(index)), OCI_INDEX_MEDIA_TYPE);
    const written = await client.getManifest(repository, tag);
    if (written && parseIndex(written.body, where).manifests.some((m) => m.digest === referrer.digest)) return;
  }
  throw new RegistryError(`could not add ${referrer.digest} to the referrers index ${where}: another client kept rewriting it; run the job again`, {
    kind: 'protocol',
    host: client.host,
    repository,
  });
}

/**
 * The manifest of an artifact that refers to `subject`, in the shape cosign writes (go-containerregistry
 * field order): the empty config carries the artifactType too, so tools that read only the config
 * see it.
 */
export function artifactManifest(artifact: ArtifactReferrer, layers: Descriptor[], config: Descriptor): Buffer {
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    config: { mediaType: config.mediaType, size: config.size, digest: config.digest, artifactType: artifact.artifactType },
    layers: layers.map((l) => ({ mediaType: l.mediaType, size: l.size, digest: l.digest })),
    annotations: artifact.annotations,
    subject: { mediaType: artifact.subject.mediaType, size: artifact.subject.size, digest: artifact.subject.digest },
    artifactType: artifact.artifactType,
  };
  return Buffer.from(JSON.stringify(manifest));
}

/**
 * Pushes an artifact as a referrer of its subject: layers, the empty config `{}`, the manifest by
 * digest; then, where the registry has no referrers API, the entry in the `sha256-<hex>` tag index.
 * Returns the referrer's descriptor.
 */
export async function pushReferrer(client: ReferrersClient, artifact: ArtifactReferrer): Promise<ReferrerDescriptor> {
  const { repository, subject } = artifact;
  if (!SHA256_DIGEST.test(subject.digest)) throw new OciInputError(`"${subject.digest}" is not a sha256 digest`);
  const blobs = artifact.layers.map((layer) => ({ mediaType: layer.mediaType, blob: blobOf(layer.data) }));
  const config = blobOf(Buffer.from('{}'));
  for (const blob of [...blobs.map((b) => b.blob), config]) await client.pushBlob(repository, blob);
  const body = artifactManifest(
    artifact,
    blobs.map(({ mediaType, blob }) => ({ mediaType, digest: blob.digest, size: blob.size })),
    { mediaType: EMPTY_CONFIG_MEDIA_TYPE, digest: config.digest, size: config.size },
  );
  const digest = await client.putManifest(repository, digestReference(body), body, OCI_MANIFEST_MEDIA_TYPE);
  const descriptor: ReferrerDescriptor = { mediaType: OCI_MANIFEST_MEDIA_TYPE, digest, size: body.length, artifactType: artifact.artifactType, annotations: artifact.annotations };
  // A registry with the API lists the referrer by itself (ECR answers the upload with an
  // OCI-Subject header yet has no API, so the API is asked, not the header).
  const api = await client.getReferrers(repository, subject.digest);
  if (!api) await addToReferrersIndex(client, repository, subject.digest, descriptor);
  return descriptor;
}

function digestReference(body: Buffer): string {
  return blobOf(body).digest;
}
