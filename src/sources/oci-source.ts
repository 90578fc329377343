// An OCI repository as a source: which references to promote (one tag, one digest, or every SemVer
// tag in a range) and what chart each one is, read from its manifest and config without the layers.
import semver from 'semver';
import { isStrictSemver } from '../chart/index.js';
import type { Manifest, RegistryClient } from '../oci/client.js';
import { HELM_CONFIG_MEDIA_TYPE, HELM_PROV_LAYER_MEDIA_TYPE, type Descriptor } from '../oci/helm-manifest.js';
import { SourceError } from './errors.js';
import type { OciSource } from './spec.js';

export type OciSourceClient = Pick<RegistryClient, 'host' | 'listTags' | 'getManifest' | 'getBlob'>;

/** The tag or digest to promote; for a repository without either, every SemVer tag in `range`, oldest first. */
export async function ociSourceReferences(client: OciSourceClient, source: OciSource, range?: string): Promise<string[]> {
  if (source.digest) return [source.digest];
  if (source.tag) return [source.tag];
  const versions = (await client.listTags(source.repository))
    .map((tag) => ({ tag, version: tag.replaceAll('_', '+') })) // Helm's tag for a version with +build
    .filter(({ version }) => isStrictSemver(version) && (!range || semver.satisfies(version, range)));
  return versions.sort((a, b) => semver.compare(a.version, b.version) || (a.version < b.version ? -1 : 1)).map((v) => v.tag);
}

export interface OciChart {
  /** The manifest as the source registry holds it (bytes and digest). */
  manifest: Manifest;
  name: string;
  version: string;
  /** Whether the manifest has a Helm provenance layer. */
  signed: boolean;
}

/** Helm's config is a few hundred bytes; a larger one is not read. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** Reads the Helm chart at `reference`: its manifest and the name and version from its config. */
export async function readOciChart(client: OciSourceClient, repository: string, reference: string): Promise<OciChart> {
  const where = `${client.host}/${repository}${reference.startsWith('sha256:') ? '@' : ':'}${reference}`;
  const manifest = await client.getManifest(repository, reference);
  if (!manifest) throw new SourceError(`${where} does not exist`);
  let parsed: { config?: Descriptor; layers?: Descriptor[] };
  try {
    parsed = JSON.parse(manifest.body.toString('utf8')) as typeof parsed;
  } catch {
    throw new SourceError(`${where} is not a JSON manifest`);
  }
  const config = parsed.config;
  if (config?.mediaType !== HELM_CONFIG_MEDIA_TYPE || typeof config.digest !== 'string') {
    throw new SourceError(`${where} is not a Helm chart (its config is ${config?.mediaType ?? 'missing'}, not ${HELM_CONFIG_MEDIA_TYPE})`);
  }
  if (typeof config.size !== 'number' || config.size > MAX_CONFIG_BYTES) throw new SourceError(`${where} has a chart config of ${String(config.size)} bytes; it is not read`);
  let meta: { name?: unknown; version?: unknown };
  try {
    meta = JSON.parse((await client.getBlob(repository, config.digest, config.size)).toString('utf8')) as typeof meta;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new SourceError(`${where} has a chart config that is not JSON`);
  }
  const { name, version } = meta;
  if (typeof name !== 'string' || name === '' || typeof version !== 'string' || !isStrictSemver(version)) {
    throw new SourceError(`${where} has no chart name and SemVer version in its config`);
  }
  const signed = (parsed.layers ?? []).some((l) => l?.mediaType === HELM_PROV_LAYER_MEDIA_TYPE);
  return { manifest, name, version, signed };
}
