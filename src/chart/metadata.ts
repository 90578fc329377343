// Chart.yaml: read and checked the way Helm does (pkg/chart/v2 Metadata and its Validate).
// metadata-text.ts writes it back the two ways Helm does.
import { ChartError, readingYaml } from './errors.js';
import { decodeShape, type JsonValue, type Shape } from './go/decode.js';
import { sanitizeString as sanitize } from './go/unicode.js';
import { loadGoYaml } from './go/yaml-load.js';
import { isHelmSemver, isStrictSemver, semverHint } from './version.js';

interface Maintainer {
  name: string;
  email?: string;
  url?: string;
}

export interface ChartDependency {
  name: string;
  version?: string;
  repository?: string;
  condition?: string;
  tags?: string[];
  enabled?: boolean;
  'import-values'?: unknown[];
  alias?: string;
}

export interface ChartMetadata {
  apiVersion: string;
  name: string;
  version: string;
  home?: string;
  sources?: string[];
  description?: string;
  keywords?: string[];
  maintainers?: Maintainer[];
  icon?: string;
  condition?: string;
  tags?: string;
  appVersion?: string;
  deprecated?: boolean;
  annotations?: Record<string, string>;
  kubeVersion?: string;
  dependencies?: ChartDependency[];
  type?: string;
}

const STRING: Shape = { kind: 'string' };
const STRINGS: Shape = { kind: 'list', of: STRING };

export const DEPENDENCY_SHAPE: Shape = {
  kind: 'struct',
  fields: {
    name: STRING,
    version: STRING,
    repository: STRING,
    condition: STRING,
    tags: STRINGS,
    enabled: { kind: 'bool' },
    'import-values': { kind: 'list', of: { kind: 'any' } },
    alias: STRING,
  },
};

const METADATA_SHAPE: Shape = {
  kind: 'struct',
  fields: {
    name: STRING,
    home: STRING,
    sources: STRINGS,
    version: STRING,
    description: STRING,
    keywords: STRINGS,
    maintainers: { kind: 'list', of: { kind: 'struct', fields: { name: STRING, email: STRING, url: STRING } } },
    icon: STRING,
    apiVersion: STRING,
    condition: STRING,
    tags: STRING,
    appVersion: STRING,
    deprecated: { kind: 'bool' },
    annotations: { kind: 'map', of: STRING },
    kubeVersion: STRING,
    dependencies: { kind: 'list', of: DEPENDENCY_SHAPE },
    type: STRING,
  },
};

/** Chart.yaml fields as decoded, before Helm's checks (null marks an empty list entry). */
export type RawMetadata = Record<string, unknown>;

/**
 * Decodes YAML into chart metadata fields the way Helm's yaml.Unmarshal does, on top of `into`
 * (Helm reads a v1 chart's requirements.yaml into the same struct as Chart.yaml).
 */
export function decodeMetadataYaml(text: string, where: string, into: RawMetadata = {}): RawMetadata {
  const decoded = readingYaml(where, () => decodeShape(loadGoYaml(text), METADATA_SHAPE));
  return Object.assign(into, decoded ?? {});
}

interface ValidateOptions {
  /**
   * The chart being published: apiVersion must be written out and the version must be strict
   * SemVer 2 (it becomes the OCI tag). Subcharts get Helm's leniency: no apiVersion means v1,
   * and a version like `v1.2` passes as Helm's semver library reads it.
   */
  strict: boolean;
}

/** Helm's Metadata.Validate: sanitizes text fields and checks what Helm checks. */
export function validateMetadata(raw: RawMetadata, where: string, options: ValidateOptions): ChartMetadata {
  const text = (key: string): string | undefined => {
    const value = raw[key];
    return typeof value === 'string' ? value : undefined;
  };
  const strings = (key: string): string[] | undefined => (Array.isArray(raw[key]) ? (raw[key] as string[]) : undefined);

  let apiVersion = text('apiVersion') ?? '';
  if (apiVersion === '') {
    if (options.strict) throw new ChartError(`${where}: apiVersion is missing; add "apiVersion: v2" to Chart.yaml`);
    apiVersion = 'v1'; // what Helm assumes for a chart without one
  } else if (apiVersion !== 'v1' && apiVersion !== 'v2') {
    throw new ChartError(`${where}: apiVersion ${JSON.stringify(apiVersion)} is not one Helm packages; use "apiVersion: v2"`);
  }

  const name = sanitize(text('name') ?? '');
  if (name === '') throw new ChartError(`${where}: name is missing; add "name: <chart name>" to Chart.yaml`);
  if (name === '.' || name === '..' || name.includes('/') || name.includes('\\')) {
    throw new ChartError(`${where}: name ${JSON.stringify(name)} is not a valid chart name; it must not be "." or ".." or contain "/" or "\\"`);
  }

  const version = text('version') ?? '';
  if (version === '') throw new ChartError(`${where}: version is missing; add "version: 0.1.0" (a SemVer 2 version) to Chart.yaml`);
  if (options.strict ? !isStrictSemver(version) : !isHelmSemver(version)) {
    throw new ChartError(`${where}: version ${JSON.stringify(version)} is not ${options.strict ? 'a strict SemVer 2 version' : 'a SemVer version'}${semverHint(version)}`);
  }

  const type = text('type') ?? '';
  if (type !== '' && type !== 'application' && type !== 'library') {
    throw new ChartError(`${where}: type ${JSON.stringify(type)} is not valid; use "application" or "library", or leave it out`);
  }

  const meta: ChartMetadata = { apiVersion, name, version };
  setText(meta, 'home', text('home'));
  if (strings('sources')) meta.sources = strings('sources')!.map(sanitize);
  setText(meta, 'description', text('description'));
  if (strings('keywords')) meta.keywords = strings('keywords')!.map(sanitize);
  if (Array.isArray(raw.maintainers)) meta.maintainers = (raw.maintainers as Array<RawMetadata | null>).map((m, i) => validateMaintainer(m, i, where));
  setText(meta, 'icon', text('icon'));
  setText(meta, 'condition', text('condition'));
  setText(meta, 'tags', text('tags'));
  setText(meta, 'appVersion', text('appVersion'));
  if (raw.deprecated === true) meta.deprecated = true;
  if (raw.annotations instanceof Map) meta.annotations = Object.fromEntries(raw.annotations as Map<string, string>);
  setText(meta, 'kubeVersion', text('kubeVersion'));
  if (Array.isArray(raw.dependencies)) meta.dependencies = validateDependencies(raw.dependencies as Array<RawMetadata | null>, where);
  if (type !== '') meta.type = type;
  return meta;
}

/** Reads and checks a Chart.yaml like Helm, strictly (the chart to publish). */
export function parseChartYaml(text: string, where: string): ChartMetadata {
  return validateMetadata(decodeMetadataYaml(text, where), where, { strict: true });
}

function setText(meta: ChartMetadata, key: 'home' | 'description' | 'icon' | 'condition' | 'tags' | 'appVersion' | 'kubeVersion', value: string | undefined): void {
  if (value === undefined) return;
  const clean = sanitize(value);
  if (clean !== '') meta[key] = clean;
}

function validateMaintainer(raw: RawMetadata | null, index: number, where: string): Maintainer {
  if (raw === null) throw new ChartError(`${where}: maintainers[${index}] is empty; remove the empty "-" entry`);
  const m: Maintainer = { name: sanitize(typeof raw.name === 'string' ? raw.name : '') };
  for (const key of ['email', 'url'] as const) {
    const value = typeof raw[key] === 'string' ? sanitize(raw[key] as string) : '';
    if (value !== '') m[key] = value;
  }
  return m;
}

const ALIAS = /^[a-zA-Z0-9_-]+$/;

function validateDependencies(list: Array<RawMetadata | null>, where: string): ChartDependency[] {
  const seen = new Set<string>();
  return list.map((raw, index) => {
    if (raw === null) throw new ChartError(`${where}: dependencies[${index}] is empty; remove the empty "-" entry`);
    const dep = toDependency(raw, true);
    if (dep.alias !== undefined && !ALIAS.test(dep.alias)) {
      throw new ChartError(`${where}: dependency ${JSON.stringify(dep.name)} has the alias ${JSON.stringify(dep.alias)}; an alias may only hold letters, digits, "-" and "_"`);
    }
    const key = dep.alias ?? dep.name;
    if (seen.has(key)) throw new ChartError(`${where}: more than one dependency is named or aliased ${JSON.stringify(key)}; give each a unique alias`);
    seen.add(key);
    return dep;
  });
}

/** A decoded dependency entry; Chart.yaml's are sanitized, Chart.lock's are not. */
export function toDependency(raw: RawMetadata, clean: boolean): ChartDependency {
  const s = (key: string): string => {
    const value = typeof raw[key] === 'string' ? (raw[key] as string) : '';
    return clean ? sanitize(value) : value;
  };
  const dep: ChartDependency = { name: s('name') };
  if (s('version') !== '') dep.version = s('version');
  if (s('repository') !== '') dep.repository = s('repository');
  if (s('condition') !== '') dep.condition = s('condition');
  if (Array.isArray(raw.tags)) dep.tags = (raw.tags as string[]).map((t) => (clean ? sanitize(t) : t));
  if (raw.enabled === true) dep.enabled = true;
  if (Array.isArray(raw['import-values'])) dep['import-values'] = (raw['import-values'] as JsonValue[]).map(toPlain);
  if (typeof raw.alias === 'string' && raw.alias !== '') dep.alias = raw.alias;
  return dep;
}

/** Applies the action's version / appVersion inputs, as `helm package --version --app-version`. */
export function withOverrides(meta: ChartMetadata, overrides: { version?: string; appVersion?: string }): ChartMetadata {
  const out: ChartMetadata = { ...meta };
  if (overrides.version) {
    if (!isStrictSemver(overrides.version)) {
      throw new ChartError(`chart ${meta.name}: the version override ${JSON.stringify(overrides.version)} is not a strict SemVer 2 version${semverHint(overrides.version)}`);
    }
    out.version = overrides.version;
  }
  if (overrides.appVersion) {
    // Helm validates (and so sanitizes) the metadata again when it saves the chart.
    const appVersion = sanitize(overrides.appVersion);
    if (appVersion === '') delete out.appVersion;
    else out.appVersion = appVersion;
  }
  return out;
}

/** Decoded JSON with plain objects for maps, friendlier to callers than Map (keys are re-sorted on output). */
function toPlain(value: JsonValue): unknown {
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [k, toPlain(v)]));
  return value;
}
