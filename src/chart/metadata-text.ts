// Chart metadata written back the two ways Helm writes it: json.Marshal of its Metadata struct
// (the OCI config blob and the provenance text's source) and yaml.Marshal of it (the Chart.yaml
// inside a packaged chart).
import { writingYaml } from './errors.js';
import { goJson, goJsonObject, goJsonString, goMap, type GoJsonValue } from './go/json.js';
import { jsonToGoYaml } from './go/yaml-emit.js';
import type { ChartDependency, ChartMetadata } from './metadata.js';

/** json.Marshal of Helm's Metadata: the OCI config blob, byte for byte. */
export function configJson(meta: ChartMetadata): string {
  const str = (v: string | undefined) => (v ? goJsonString(v) : undefined);
  const strs = (v: string[] | undefined) => (v && v.length > 0 ? `[${v.map(goJsonString).join(',')}]` : undefined);
  const maintainers = meta.maintainers && meta.maintainers.length > 0
    ? `[${meta.maintainers.map((m) => goJsonObject([['name', str(m.name)], ['email', str(m.email)], ['url', str(m.url)]])).join(',')}]`
    : undefined;
  const annotations = meta.annotations && Object.keys(meta.annotations).length > 0
    ? goJson(goMap(meta.annotations))
    : undefined;
  const dependencies = meta.dependencies && meta.dependencies.length > 0 ? `[${meta.dependencies.map(dependencyJson).join(',')}]` : undefined;
  return goJsonObject([
    ['name', str(meta.name)],
    ['home', str(meta.home)],
    ['sources', strs(meta.sources)],
    ['version', str(meta.version)],
    ['description', str(meta.description)],
    ['keywords', strs(meta.keywords)],
    ['maintainers', maintainers],
    ['icon', str(meta.icon)],
    ['apiVersion', str(meta.apiVersion)],
    ['condition', str(meta.condition)],
    ['tags', str(meta.tags)],
    ['appVersion', str(meta.appVersion)],
    ['deprecated', meta.deprecated ? 'true' : undefined],
    ['annotations', annotations],
    ['kubeVersion', str(meta.kubeVersion)],
    ['dependencies', dependencies],
    ['type', str(meta.type)],
  ]);
}

/** json.Marshal of Helm's Dependency: name and repository are always written. */
export function dependencyJson(dep: ChartDependency): string {
  const str = (v: string | undefined) => (v ? goJsonString(v) : undefined);
  const importValues = dep['import-values'];
  return goJsonObject([
    ['name', goJsonString(dep.name ?? '')],
    ['version', str(dep.version)],
    ['repository', goJsonString(dep.repository ?? '')],
    ['condition', str(dep.condition)],
    ['tags', dep.tags && dep.tags.length > 0 ? `[${dep.tags.map(goJsonString).join(',')}]` : undefined],
    ['enabled', dep.enabled ? 'true' : undefined],
    ['import-values', importValues && importValues.length > 0 ? `[${importValues.map((v) => goJson(toGoJsonValue(v))).join(',')}]` : undefined],
    ['alias', str(dep.alias)],
  ]);
}

/** The Chart.yaml Helm writes into a package: yaml.Marshal of the metadata (sigs.k8s.io/yaml). */
export function chartYamlText(meta: ChartMetadata): string {
  // Helm leaves a v1 chart's dependencies out: they live in its requirements.yaml.
  const written = meta.apiVersion === 'v1' ? { ...meta, dependencies: undefined } : meta;
  return goYaml(configJson(written), `chart ${meta.name}`);
}

/** JSON → YAML as Helm does it, with go-yaml's refusals turned into ChartError. */
export function goYaml(json: string, what: string): string {
  return writingYaml(what, () => jsonToGoYaml(json));
}

/** import-values entries may be plain objects or Maps; Go writes map keys sorted either way. */
function toGoJsonValue(value: unknown): GoJsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toGoJsonValue);
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value as object);
  return new Map(entries.map(([k, v]) => [String(k), toGoJsonValue(v)]));
}
