// Copies an artifact between repositories as it is: the manifest's own bytes (so the same digest),
// its blobs mounted across repositories of one registry or streamed between registries (never held
// whole), and what refers to it (OCI referrers, the referrers tag `sha256-<hex>`, cosign's
// `sha256-<hex>.sig` / `.att` tags). Referrers go first and the tagged manifest last, so a copy
// that stops half-way is never taken for a complete one.
import { PassThrough, pipeline } from 'node:stream';
import { mapConcurrent } from '../concurrency.js';
import type { Manifest, RegistryClient } from './client.js';
import { RegistryError } from './errors.js';
import { OCI_INDEX_MEDIA_TYPE, OCI_MANIFEST_MEDIA_TYPE, sha256Digest, type Blob, type Descriptor, type StreamedBlob } from './helm-manifest.js';
import type { IfExists } from './push-chart.js';
import { addToReferrersIndex, listReferrers, referrersTag } from './referrers.js';

type CopyClient = Pick<
  RegistryClient,
  'host' | 'checkManifest' | 'getManifest' | 'getBlob' | 'openBlob' | 'blobExists' | 'pushBlob' | 'mountBlob' | 'putManifest' | 'getReferrers'
>;

export interface CopyEndpoint {
  /** The same client object on both ends means the same registry and session: blobs are mounted. */
  client: CopyClient;
  repository: string;
}

export interface CopyOptions {
  ifExists: IfExists;
  /** Read only: say what would happen, write nothing. */
  dryRun?: boolean;
}

interface CopyStats {
  /** Blobs mounted from the source repository (same registry). */
  mounted: number;
  /** Blobs sent (streamed from the source, or after a declined mount). */
  uploaded: number;
  /** Blobs the destination already had. */
  present: number;
  /** Manifests written (referrers, indexes and the artifact's own). */
  manifests: number;
}

export interface CopyResult {
  status: 'pushed' | 'unchanged' | 'skipped';
  /** The digest now behind the tag: the source's, unless skipped. */
  digest: string;
  /** Signatures and attestations of the digest now at the destination (copied or already there). */
  referrers: number;
  stats: CopyStats;
  warnings: string[];
}

/** Blobs up to this size are read into memory and sent in one piece; larger ones are streamed. */
const BUFFERED_BLOB_MAX = 1024 * 1024;
/** Blobs at least this large get a HEAD at the destination first: an upload it saves is worth a round trip. */
const HEAD_BEFORE_UPLOAD_MIN = 1024 * 1024;
const MAX_NESTING = 2;
/** Bounds for what a (possibly hostile) source may ask us to copy. */
const MAX_DESCRIPTORS = 1000;
const MAX_BLOB_BYTES = 1024 * 1024 * 1024;
/** Blobs of one manifest copied at once. */
const BLOBS_IN_FLIGHT = 4;

interface Parsed {
  blobs: Descriptor[];
  children: Descriptor[];
}

function parseManifest(manifest: Manifest, from: CopyEndpoint, reference: string): Parsed {
  let json: { config?: Descriptor; layers?: Descriptor[]; manifests?: Descriptor[] };
  try {
    json = JSON.parse(manifest.body.toString('utf8')) as typeof json;
  } catch (error) {
    const { host } = from.client;
    throw new RegistryError(`${host}/${from.repository}:${reference} is not a JSON manifest`, { kind: 'protocol', host, repository: from.repository }, { cause: error });
  }
  const isDescriptor = (d: unknown): d is Descriptor => typeof (d as Partial<Descriptor> | null)?.digest === 'string' && typeof (d as Partial<Descriptor> | null)?.size === 'number';
  const descriptors = (list: unknown): Descriptor[] => (Array.isArray(list) ? (list as unknown[]) : []).filter(isDescriptor);
  const parsed = { blobs: descriptors([json.config, ...(Array.isArray(json.layers) ? json.layers : [])]), children: descriptors(json.manifests) };
  if (parsed.blobs.length + parsed.children.length > MAX_DESCRIPTORS) {
    const { host } = from.client;
    throw new RegistryError(`${host}/${from.repository}:${reference} lists more than ${MAX_DESCRIPTORS} blobs and manifests; it is not copied`, { kind: 'protocol', host, repository: from.repository });
  }
  return parsed;
}

function mediaTypeOf(manifest: Manifest): string {
  if (manifest.mediaType) return manifest.mediaType;
  try {
    const json = JSON.parse(manifest.body.toString('utf8')) as { mediaType?: unknown; manifests?: unknown };
    if (typeof json.mediaType === 'string' && json.mediaType) return json.mediaType;
    return Array.isArray(json.manifests) ? OCI_INDEX_MEDIA_TYPE : OCI_MANIFEST_MEDIA_TYPE;
  } catch {
    return OCI_MANIFEST_MEDIA_TYPE;
  }
}

class Copier {
  readonly stats: CopyStats = { mounted: 0, uploaded: 0, present: 0, manifests: 0 };

  constructor(
    readonly source: CopyEndpoint,
    readonly destination: CopyEndpoint,
  ) {}

  private get mounting(): boolean {
    return this.source.client === this.destination.client;
  }

  /** Copies a manifest and everything it references, then writes it at `reference` (tag or digest). */
  async tree(manifest: Manifest, reference: string, nesting = 0): Promise<void> {
    if (sha256Digest(manifest.body) !== manifest.digest) {
      throw new RegistryError(`the manifest ${manifest.digest} read from ${this.source.client.host}/${this.source.repository} does not match its digest`, { kind: 'digest-mismatch', host: this.source.client.host, repository: this.source.repository });
    }
    const { blobs, children } = parseManifest(manifest, this.source, manifest.digest);
    if (children.length > 0 && nesting >= MAX_NESTING) {
      throw new RegistryError(`${this.source.client.host}/${this.source.repository}@${manifest.digest} nests indexes more than ${MAX_NESTING} deep`, { kind: 'protocol', host: this.source.client.host });
    }
    for (const child of children) await this.manifestByDigest(child.digest, nesting + 1);
    const unique = [...new Map(blobs.map((b) => [b.digest, b])).values()];
    await mapConcurrent(unique, BLOBS_IN_FLIGHT, (blob) => this.blob(blob));
    const digest = await this.destination.client.putManifest(this.destination.repository, reference, manifest.body, mediaTypeOf(manifest));
    this.stats.manifests++;
    if (digest !== manifest.digest) {
      throw new RegistryError(`${this.destination.client.host}/${this.destination.repository}:${reference} was stored as ${digest}, not ${manifest.digest}`, { kind: 'digest-mismatch', host: this.destination.client.host, repository: this.destination.repository });
    }
  }

  /** Copies the manifest `digest` unless the destination has it; true when it was copied. */
  async manifestByDigest(digest: string, nesting = 0): Promise<boolean> {
    if (await this.destination.client.checkManifest(this.destination.repository, digest)) return false;
    const manifest = await this.source.client.getManifest(this.source.repository, digest);
    if (!manifest) throw new RegistryError(`${this.source.client.host}/${this.source.repository} lists ${digest} but does not have it`, { kind: 'protocol', host: this.source.client.host, repository: this.source.repository });
    await this.tree(manifest, digest, nesting);
    return true;
  }

  private async blob(descriptor: Descriptor): Promise<void> {
    const { source, destination } = this;
    if (!descriptor.digest.startsWith('sha256:')) {
      throw new RegistryError(`blob ${descriptor.digest} in ${source.client.host}/${source.repository} is not sha256: it cannot be checked, so it is not copied`, { kind: 'protocol', host: source.client.host });
    }
    if (descriptor.size < 0 || descriptor.size > MAX_BLOB_BYTES) {
      throw new RegistryError(`blob ${descriptor.digest} in ${source.client.host}/${source.repository} claims ${descriptor.size} bytes; more than ${MAX_BLOB_BYTES} are not copied`, { kind: 'protocol', host: source.client.host });
    }
    if (this.mounting && source.repository === destination.repository) {
      this.stats.present++;
      return;
    }
    const streamed: StreamedBlob = { digest: descriptor.digest, size: descriptor.size, open: () => this.openSourceBlob(descriptor.digest, descriptor.size) };
    if (this.mounting) {
      const how = await destination.client.mountBlob(destination.repository, source.repository, streamed);
      this.stats[how]++;
      return;
    }
    if (descriptor.size >= HEAD_BEFORE_UPLOAD_MIN && (await destination.client.blobExists(destination.repository, descriptor.digest))) {
      this.stats.present++;
      return;
    }
    let blob: Blob | StreamedBlob = streamed;
    if (descriptor.size <= BUFFERED_BLOB_MAX) {
      const data = await source.client.getBlob(source.repository, descriptor.digest, descriptor.size);
      blob = { data, digest: descriptor.digest, size: data.length };
    }
    await destination.client.pushBlob(destination.repository, blob);
    this.stats.uploaded++;
  }

  // A stream to upload from, opened afresh for every upload attempt; the source GET starts at once.
  private openSourceBlob(digest: string, size: number): PassThrough {
    const out = new PassThrough();
    this.source.client.openBlob(this.source.repository, digest, size).then(
      (stream) => pipeline(stream, out, () => {}),
      (error: unknown) => out.destroy(error as Error),
    );
    return out;
  }
}

/**
 * Copies the source manifest (already read, e.g. by tag) to `destination` at `tag`, with its blobs
 * and what refers to it. A tag already holding these bytes is `unchanged` (only missing referrers
 * are added); another digest there follows `ifExists`. The result's digest is the source's, or the
 * copy fails.
 */
export async function copyArtifact(source: CopyEndpoint & { manifest: Manifest }, destination: CopyEndpoint & { tag: string }, options: CopyOptions): Promise<CopyResult> {
  const { manifest, tag } = { manifest: source.manifest, tag: destination.tag };
  const where = `${destination.client.host}/${destination.repository}:${tag}`;
  const copier = new Copier(source, destination);
  const warnings: string[] = [];
  const existing = await destination.client.checkManifest(destination.repository, tag);
  if (existing && existing.digest !== manifest.digest) {
    const message = `${where} already exists with other content (registry digest ${existing.digest}, source ${manifest.digest})`;
    if (options.ifExists === 'fail') {
      throw new RegistryError(`${message}. A published chart version should not change: set if-exists: overwrite to replace it, or if-exists: skip to keep it`, { kind: 'tag-exists', host: destination.client.host, repository: destination.repository });
    }
    if (options.ifExists === 'skip') {
      return { status: 'skipped', digest: existing.digest, referrers: 0, stats: copier.stats, warnings: [`${message}; left as it is because if-exists is skip`] };
    }
  }
  const unchanged = existing?.digest === manifest.digest;
  if (options.dryRun) return { status: unchanged ? 'unchanged' : 'pushed', digest: manifest.digest, referrers: 0, stats: copier.stats, warnings };

  const referrers = await copyReferrers(copier, manifest.digest, warnings);
  if (!unchanged) await copier.tree(manifest, tag);
  return { status: unchanged ? 'unchanged' : 'pushed', digest: manifest.digest, referrers, stats: copier.stats, warnings };
}

/** Copies what refers to `digest`; returns how many referrers the destination now has for it. */
async function copyReferrers(copier: Copier, digest: string, warnings: string[]): Promise<number> {
  const { source, destination } = copier;
  const { manifests: listed } = await listReferrers(source.client, source.repository, digest);
  for (const referrer of listed) await copier.manifestByDigest(referrer.digest);
  // A destination with the referrers API lists them by itself; the others need the tag index.
  if (listed.length > 0 && !(await destination.client.getReferrers(destination.repository, digest))) {
    for (const referrer of listed) await addToReferrersIndex(destination.client, destination.repository, digest, referrer);
  }
  let count = listed.length;
  for (const suffix of ['sig', 'att']) {
    const tag = `${referrersTag(digest)}.${suffix}`;
    const cosign = await source.client.getManifest(source.repository, tag);
    if (!cosign) continue;
    count++;
    const there = await destination.client.checkManifest(destination.repository, tag);
    if (!there) await copier.tree(cosign, tag);
    else if (there.digest !== cosign.digest) warnings.push(`${destination.client.host}/${destination.repository}:${tag} already holds other cosign ${suffix === 'sig' ? 'signatures' : 'attestations'}; left as they are`);
  }
  return count;
}
