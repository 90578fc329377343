// Where a chart goes: one value, built once per chart, from which every name in logs and outputs
// is derived.
import { repositoryFor, tagForVersion, type RegistryTarget } from '../oci/index.js';

export interface Target {
  /** host[:port] of the registry. */
  host: string;
  /** Repository path on that host (`namespace/name`). */
  repository: string;
  /** OCI tag: the chart version with `+` as `_`. */
  tag: string;
}

export function targetFor(registry: RegistryTarget, chartName: string, version: string): Target {
  return { host: registry.host, repository: repositoryFor(registry, chartName), tag: tagForVersion(version) };
}

/** `host/namespace/name` */
export function repositoryName(target: Target): string {
  return `${target.host}/${target.repository}`;
}

/** `host/namespace/name:tag`, how logs and errors name a chart's destination. */
export function taggedName(target: Target): string {
  return `${repositoryName(target)}:${target.tag}`;
}
