// Artifact Hub's repository metadata for an OCI repository: `artifacthub-repo.yml` pushed as the
// manifest tagged `artifacthub.io`, which Artifact Hub reads to list the repository and verify
// its ownership. The file is checked first, so a bad one fails before any request.
import { readFile, stat } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { blobOf, OCI_MANIFEST_MEDIA_TYPE } from '../oci/helm-manifest.js';
import type { ReferrersClient } from '../oci/referrers.js';
import { SupplyChainInputError } from './instance.js';

export const ARTIFACTHUB_TAG = 'artifacthub.io';
const ARTIFACTHUB_CONFIG_MEDIA_TYPE = 'application/vnd.cncf.artifacthub.config.v1+yaml';
const ARTIFACTHUB_LAYER_MEDIA_TYPE = 'application/vnd.cncf.artifacthub.repository-metadata.layer.v1.yaml';

/** Artifact Hub's metadata files are a few lines; anything larger is not one. */
const MAX_BYTES = 64 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KNOWN_KEYS = new Set(['repositoryID', 'owners', 'ignore']);

export interface ArtifactHubMetadata {
  /** The file as given: pushed byte for byte. */
  content: Buffer;
  repositoryID?: string;
}

/** Checks the file's content: YAML, a mapping, `repositoryID` a UUID, `owners` entries with an email. */
export function parseArtifactHubRepo(content: Buffer, path = 'artifacthub-repo.yml'): ArtifactHubMetadata {
  const fail = (what: string) => new SupplyChainInputError(`artifacthub-repo ${path}: ${what}`);
  if (content.length > MAX_BYTES) throw fail(`is ${content.length} bytes; Artifact Hub's repository metadata is a small file (at most ${MAX_BYTES} bytes here)`);
  const doc = parseDocument(content.toString('utf8'), { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) throw fail(`is not valid YAML (${doc.errors[0]!.message.split('\n')[0]})`);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw fail(`could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fail('must be a YAML mapping with repositoryID, owners or ignore');
  const data = value as Record<string, unknown>;
  const unknown = Object.keys(data).filter((k) => !KNOWN_KEYS.has(k));
  if (unknown.length > 0) throw fail(`has unknown key${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}: Artifact Hub knows repositoryID, owners and ignore`);
  if (data.repositoryID !== undefined && data.repositoryID !== null) {
    if (typeof data.repositoryID !== 'string' || !UUID.test(data.repositoryID)) {
      throw fail(`repositoryID must be the repository's UUID from Artifact Hub's control panel (like 9b3ed3f4-2c29-4b4b-9b3a-0c1d2e3f4a5b), not ${JSON.stringify(data.repositoryID)}`);
    }
  }
  if (data.owners !== undefined && data.owners !== null) {
    if (!Array.isArray(data.owners)) throw fail('owners must be a list of {name, email}');
    data.owners.forEach((owner: unknown, i: number) => {
      const email = (owner as { email?: unknown } | null)?.email;
      if (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(email)) throw fail(`owners[${i}] needs an email (the Artifact Hub user's address)`);
    });
  }
  if (data.ignore !== undefined && data.ignore !== null && !Array.isArray(data.ignore)) throw fail('ignore must be a list of {name, version}');
  return { content, ...(typeof data.repositoryID === 'string' ? { repositoryID: data.repositoryID } : {}) };
}

/** Reads and checks the file named by the `artifacthub-repo` input. */
export async function readArtifactHubRepo(path: string): Promise<ArtifactHubMetadata> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new SupplyChainInputError(`artifacthub-repo ${path} is not a file: give the path of artifacthub-repo.yml`);
    size = info.size;
  } catch (error) {
    if (error instanceof SupplyChainInputError) throw error;
    throw new SupplyChainInputError(`artifacthub-repo ${path} does not exist: give the path of artifacthub-repo.yml, relative to the workspace`);
  }
  if (size > MAX_BYTES) throw new SupplyChainInputError(`artifacthub-repo ${path}: is ${size} bytes; Artifact Hub's repository metadata is a small file (at most ${MAX_BYTES} bytes here)`);
  return parseArtifactHubRepo(await readFile(path), path);
}

/** The manifest Artifact Hub reads (as `oras push … --config /dev/null:<config type>` makes it, with `{}` as config for ECR). */
export function artifactHubManifest(metadata: ArtifactHubMetadata): { body: Buffer; blobs: ReturnType<typeof blobOf>[] } {
  const config = blobOf(Buffer.from('{}'));
  const layer = blobOf(metadata.content);
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    config: { mediaType: ARTIFACTHUB_CONFIG_MEDIA_TYPE, digest: config.digest, size: config.size },
    layers: [{ mediaType: ARTIFACTHUB_LAYER_MEDIA_TYPE, digest: layer.digest, size: layer.size, annotations: { 'org.opencontainers.image.title': 'artifacthub-repo.yml' } }],
  };
  return { body: Buffer.from(JSON.stringify(manifest)), blobs: [config, layer] };
}

/** Pushes the metadata to `repository:artifacthub.io`; nothing when the tag already holds it. Returns the manifest digest. */
export async function pushArtifactHubRepo(client: ReferrersClient, repository: string, metadata: ArtifactHubMetadata): Promise<{ digest: string; pushed: boolean }> {
  const { body, blobs } = artifactHubManifest(metadata);
  const digest = blobOf(body).digest;
  const current = await client.getManifest(repository, ARTIFACTHUB_TAG);
  if (current?.digest === digest) return { digest, pushed: false };
  for (const blob of blobs) await client.pushBlob(repository, blob);
  await client.putManifest(repository, ARTIFACTHUB_TAG, body, OCI_MANIFEST_MEDIA_TYPE);
  return { digest, pushed: true };
}
