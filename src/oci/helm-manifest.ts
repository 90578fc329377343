// What `helm push` stores: its media types, its manifest annotations and the manifest bytes,
// reproduced byte for byte so a chart pushed here has the digest Helm would give it.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { goJson, goMap } from '../chart/go/json.js';

export const OCI_MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX_MEDIA_TYPE = 'application/vnd.oci.image.index.v1+json';
export const DOCKER_MANIFEST_MEDIA_TYPE = 'application/vnd.docker.distribution.manifest.v2+json';
export const DOCKER_MANIFEST_LIST_MEDIA_TYPE = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const HELM_CONFIG_MEDIA_TYPE = 'application/vnd.cncf.helm.config.v1+json';
export const HELM_CHART_LAYER_MEDIA_TYPE = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';
export const HELM_PROV_LAYER_MEDIA_TYPE = 'application/vnd.cncf.helm.chart.provenance.v1.prov';
/** Charts pushed by very old tools; Helm still pulls them, nobody should push them. */
export const HELM_LEGACY_CHART_LAYER_MEDIA_TYPE = 'application/tar+gzip';

/** Content to push, addressed by its digest. */
export interface Blob {
  data: Buffer;
  digest: string;
  size: number;
}

/** A blob too large to hold in memory (a chart archive on disk): opened afresh for every upload attempt. */
export interface StreamedBlob {
  digest: string;
  size: number;
  open(): Readable;
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
}

export function sha256Digest(data: Buffer | Uint8Array): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

export function blobOf(data: Buffer): Blob {
  return { data, digest: sha256Digest(data), size: data.length };
}

/** The Chart.yaml fields the annotations come from; ChartMetadata from src/chart fits. */
export interface HelmChartInfo {
  name: string;
  version: string;
  description?: string;
  home?: string;
  sources?: readonly string[];
  maintainers?: ReadonlyArray<{ name?: string; email?: string; url?: string }>;
  annotations?: Readonly<Record<string, string>>;
}

const TITLE = 'org.opencontainers.image.title';
const VERSION = 'org.opencontainers.image.version';
// The chart's own annotations may not change what the chart is.
const IMMUTABLE = new Set([TITLE, VERSION]);

/** RFC 3339 in UTC to the second, as Go's time.RFC3339 prints a UTC time: 2026-11-21T07:40:05Z. */
export function rfc3339Seconds(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid creation date');
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Helm's manifest annotations for a chart; `created` is the .tgz file's mtime in Helm 3.17+. */
export function helmAnnotations(meta: HelmChartInfo, created: Date): Record<string, string> {
  const out: Record<string, string> = {};
  // Helm writes a derived value only when it is not blank, but keeps it untrimmed.
  const add = (key: string, value: string | undefined): void => {
    if (value !== undefined && value.trim() !== '') out[key] = value;
  };
  add('org.opencontainers.image.description', meta.description);
  add(TITLE, meta.name);
  add(VERSION, meta.version);
  add('org.opencontainers.image.url', meta.home);
  add('org.opencontainers.image.created', rfc3339Seconds(created));
  add('org.opencontainers.image.source', meta.sources?.[0]);
  if (meta.maintainers && meta.maintainers.length > 0) {
    const authors = meta.maintainers
      .map((m) => `${m.name ?? ''}${m.email ? ` (${m.email})` : ''}`)
      .join(', ');
    add('org.opencontainers.image.authors', authors);
  }
  // Chart.yaml annotations are copied as they are (even blank), except title and version.
  for (const [key, value] of Object.entries(meta.annotations ?? {})) {
    if (!IMMUTABLE.has(key)) out[key] = value;
  }
  return out;
}

interface HelmManifestInput {
  config: { digest: string; size: number };
  chart: { digest: string; size: number };
  prov?: { digest: string; size: number };
  annotations: Readonly<Record<string, string>>;
}

interface ManifestBytes {
  body: Buffer;
  digest: string;
  size: number;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The manifest Helm writes: schemaVersion, config, layers (sorted by digest), annotations. */
export function buildHelmManifest(input: HelmManifestInput): ManifestBytes {
  const layers: Descriptor[] = [{ mediaType: HELM_CHART_LAYER_MEDIA_TYPE, digest: input.chart.digest, size: input.chart.size }];
  if (input.prov) layers.push({ mediaType: HELM_PROV_LAYER_MEDIA_TYPE, digest: input.prov.digest, size: input.prov.size });
  layers.sort((a, b) => compareStrings(a.digest, b.digest));

  const manifest = {
    schemaVersion: 2,
    config: { mediaType: HELM_CONFIG_MEDIA_TYPE, digest: input.config.digest, size: input.config.size },
    layers: layers.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size })),
    ...(Object.keys(input.annotations).length > 0 ? { annotations: goMap(input.annotations) } : {}),
  };
  const body = Buffer.from(goJson(manifest), 'utf8');
  return { body, digest: sha256Digest(body), size: body.length };
}

/** Everything pushChart needs for one chart; the chart layer is a Blob, or streamed from a file. */
export interface HelmArtifact<Chart extends Blob | StreamedBlob = Blob> {
  repository: string;
  tag: string;
  config: Blob;
  chart: Chart;
  prov?: Blob;
  manifest: ManifestBytes;
}

interface HelmArtifactInput {
  repository: string;
  tag: string;
  /** The config blob (Go JSON of the chart metadata, e.g. from configJson()). */
  config: Buffer | string;
  /** The packaged chart: the .tgz bytes, or a file to stream (its digest and size known). */
  chart: Buffer | StreamedBlob;
  /** The provenance file, when the chart is signed. */
  prov?: Buffer | string;
  meta: HelmChartInfo;
  created: Date;
}

/** Builds blobs and manifest for a chart, exactly as `helm push` would. */
export function helmArtifact(input: HelmArtifactInput & { chart: Buffer }): HelmArtifact;
export function helmArtifact(input: HelmArtifactInput & { chart: StreamedBlob }): HelmArtifact<StreamedBlob>;
export function helmArtifact(input: HelmArtifactInput): HelmArtifact<Blob | StreamedBlob>;
export function helmArtifact(input: HelmArtifactInput): HelmArtifact<Blob | StreamedBlob> {
  const config = blobOf(Buffer.from(input.config));
  const chart = Buffer.isBuffer(input.chart) ? blobOf(input.chart) : input.chart;
  const prov = input.prov === undefined ? undefined : blobOf(Buffer.from(input.prov));
  const manifest = buildHelmManifest({ config, chart, prov, annotations: helmAnnotations(input.meta, input.created) });
  return { repository: input.repository, tag: input.tag, config, chart, ...(prov ? { prov } : {}), manifest };
}
