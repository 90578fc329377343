// The Helm push flow in as few requests as the registry allows: one tag check decides; a new tag gets
// its blobs (in parallel) and one manifest PUT; an existing tag is compared, not blindly replaced.
import type { RegistryClient } from './client.js';
import { OciInputError, RegistryError } from './errors.js';
import {
  HELM_CHART_LAYER_MEDIA_TYPE,
  HELM_CONFIG_MEDIA_TYPE,
  HELM_LEGACY_CHART_LAYER_MEDIA_TYPE,
  HELM_PROV_LAYER_MEDIA_TYPE,
  OCI_MANIFEST_MEDIA_TYPE,
  sha256Digest,
  type Blob,
  type Descriptor,
  type StreamedBlob,
} from './helm-manifest.js';

export type IfExists = 'fail' | 'skip' | 'overwrite';

interface PushArtifact {
  repository: string;
  tag: string;
  config: Blob;
  /** A large chart can be streamed from a file instead of held in memory. */
  chart: Blob | StreamedBlob;
  prov?: Blob;
  manifest: { body: Buffer; digest: string };
}

interface PushChartOptions {
  ifExists: IfExists;
  /** Does the registry's chart layer hold the same files as ours (a repack of the same chart)? */
  sameChartFiles(remoteChartLayer: Buffer): Promise<boolean>;
}

interface PushChartResult {
  status: 'pushed' | 'unchanged' | 'skipped';
  /** The manifest digest now behind the tag (the registry's when unchanged or skipped). */
  digest: string;
  /** Its descriptor, the subject of signatures and attestations. */
  manifest: Descriptor;
  /** Whether the manifest behind the tag has a provenance layer (the registry's copy, when kept). */
  signed: boolean;
  warning?: string;
}

type PushClient = Pick<RegistryClient, 'host' | 'checkManifest' | 'getManifest' | 'getBlob' | 'blobExists' | 'pushBlob' | 'putManifest'>;

/** Blobs at least this large get a HEAD first: an upload it saves is worth a round trip. */
const HEAD_BEFORE_UPLOAD_MIN = 1024 * 1024;

interface RemoteChart {
  config?: Descriptor;
  chartLayer?: Descriptor;
  provLayer?: Descriptor;
  /** Every digest the manifest references: the repository has these blobs. */
  digests: Set<string>;
  isHelm: boolean;
}

function readRemote(body: Buffer): RemoteChart {
  const remote: RemoteChart = { digests: new Set(), isHelm: false };
  let parsed: { config?: Descriptor; layers?: Descriptor[] };
  try {
    parsed = JSON.parse(body.toString('utf8')) as typeof parsed;
  } catch {
    return remote;
  }
  if (parsed.config?.digest) {
    remote.config = parsed.config;
    remote.digests.add(parsed.config.digest);
  }
  for (const layer of Array.isArray(parsed.layers) ? parsed.layers : []) {
    if (typeof layer?.digest !== 'string') continue;
    remote.digests.add(layer.digest);
    if (layer.mediaType === HELM_CHART_LAYER_MEDIA_TYPE || layer.mediaType === HELM_LEGACY_CHART_LAYER_MEDIA_TYPE) remote.chartLayer ??= layer;
    if (layer.mediaType === HELM_PROV_LAYER_MEDIA_TYPE) remote.provLayer ??= layer;
  }
  remote.isHelm = remote.config?.mediaType === HELM_CONFIG_MEDIA_TYPE && remote.chartLayer !== undefined;
  return remote;
}

// A descriptor's size bounds the download; a manifest without a usable one gets the client's bound.
function declaredSize(descriptor: Descriptor): number | undefined {
  const size: unknown = descriptor.size;
  return typeof size === 'number' && Number.isSafeInteger(size) && size >= 0 ? size : undefined;
}

async function uploadMissing(client: PushClient, artifact: PushArtifact, present: ReadonlySet<string>): Promise<void> {
  const blobs = new Map<string, Blob | StreamedBlob>();
  for (const blob of [artifact.config, artifact.chart, artifact.prov]) {
    if (blob && !present.has(blob.digest)) blobs.set(blob.digest, blob);
  }
  await Promise.all(
    [...blobs.values()].map(async (blob) => {
      if (blob.size >= HEAD_BEFORE_UPLOAD_MIN && (await client.blobExists(artifact.repository, blob.digest))) return;
      await client.pushBlob(artifact.repository, blob);
    }),
  );
}

async function upload(client: PushClient, artifact: PushArtifact, present: ReadonlySet<string>): Promise<PushChartResult> {
  await uploadMissing(client, artifact, present);
  const digest = await client.putManifest(artifact.repository, artifact.tag, artifact.manifest.body, OCI_MANIFEST_MEDIA_TYPE);
  return { status: 'pushed', digest, manifest: ownManifest(artifact), signed: artifact.prov !== undefined };
}

function ownManifest(artifact: PushArtifact): Descriptor {
  return { mediaType: OCI_MANIFEST_MEDIA_TYPE, digest: artifact.manifest.digest, size: artifact.manifest.body.length };
}

/** Pushes one chart the way `helm push` would, honouring if-exists; see PushChartResult. */
export async function pushChart(client: PushClient, artifact: PushArtifact, options: PushChartOptions): Promise<PushChartResult> {
  const ours = artifact.manifest.digest;
  if (sha256Digest(artifact.manifest.body) !== ours) {
    throw new OciInputError(`the manifest for ${artifact.repository}:${artifact.tag} does not match its digest ${ours}`);
  }
  const where = `${client.host}/${artifact.repository}:${artifact.tag}`;

  const existing = await client.checkManifest(artifact.repository, artifact.tag);
  if (!existing) return upload(client, artifact, new Set());
  if (existing.digest === ours) return { status: 'unchanged', digest: ours, manifest: ownManifest(artifact), signed: artifact.prov !== undefined };

  // Same tag, other bytes: read what is there (by digest, so a HEAD and the GET agree).
  const manifest = existing.body ? { ...existing, body: existing.body } : await client.getManifest(artifact.repository, existing.digest);
  // Deleted between our HEAD and GET: the tag is free again.
  if (!manifest) return upload(client, artifact, new Set());
  const remote = readRemote(manifest.body);
  const theirs: Descriptor = { mediaType: manifest.mediaType || OCI_MANIFEST_MEDIA_TYPE, digest: manifest.digest, size: manifest.body.length };
  if (remote.chartLayer) {
    const same =
      remote.chartLayer.digest === artifact.chart.digest ||
      (await options.sameChartFiles(await client.getBlob(artifact.repository, remote.chartLayer.digest, declaredSize(remote.chartLayer))));
    if (same) {
      // The user deploys what is there: report the registry's digest.
      const warning =
        artifact.prov && !remote.provLayer
          ? `${where} holds the same chart without a provenance file; set if-exists: overwrite to push it with the signature`
          : undefined;
      return { status: 'unchanged', digest: manifest.digest, manifest: theirs, signed: remote.provLayer !== undefined, ...(warning ? { warning } : {}) };
    }
  }

  const what = remote.isHelm ? 'a different chart' : `something that is not a Helm chart (${manifest.mediaType || 'unknown media type'})`;
  switch (options.ifExists) {
    case 'fail':
      throw new RegistryError(
        `${where} already exists with ${what} (registry digest ${manifest.digest}, this chart ${ours}). A published chart version should not change: bump the chart version, or set if-exists: overwrite to replace the tag, or if-exists: skip to keep the registry's copy.`,
        { kind: 'tag-exists', host: client.host, repository: artifact.repository },
      );
    case 'skip':
      return {
        status: 'skipped',
        digest: manifest.digest,
        manifest: theirs,
        signed: remote.provLayer !== undefined,
        warning: `${where} already exists with ${what} (registry digest ${manifest.digest}, this chart ${ours}); left as it is because if-exists is skip, and the outputs name the registry's digest`,
      };
    case 'overwrite':
      return upload(client, artifact, remote.digests);
  }
}
