// A classic chart repository's index.yaml: parsed within bounds (size is the caller's, aliases and
// nesting index-yaml.ts's), checked entry by entry (one bad entry fails that version only), and
// the selection of charts and versions to migrate.
import semver from 'semver';
import { isStrictSemver } from '../chart/index.js';
import { SourceError } from './errors.js';

export interface IndexEntry {
  name: string;
  version: string;
  /** As written in index.yaml: absolute, or relative to the index URL. Helm downloads the first. */
  urls: string[];
  /** sha256 of the .tgz as `sha256:<hex>`, when the index gives one. */
  digest?: string;
  /** The entry's `created` time, when valid: the pushed manifest's creation time, so re-runs give the same digest. */
  created?: Date;
}

/** A version that cannot be migrated, and why. */
interface RejectedEntry {
  name: string;
  version: string;
  reason: string;
}

export interface RepoIndex {
  /** Per chart name, in index order. */
  charts: Map<string, IndexEntry[]>;
  rejected: RejectedEntry[];
}

export interface Selection {
  /** Sorted by chart name, then SemVer ascending. */
  selected: IndexEntry[];
  /** Versions that matched but cannot be migrated (invalid entry, not SemVer, listed twice). */
  rejected: RejectedEntry[];
  /** Names from source-charts the index does not have. */
  missing: string[];
}

const HEX64 = /^[a-f0-9]{64}$/i;

export async function parseRepoIndex(text: string, where: string): Promise<RepoIndex> {
  // The YAML reader for indexes is loaded only when a classic repository is read.
  const { loadIndexYaml } = await import('./index-yaml.js');
  const doc = loadIndexYaml(text, where);
  if (!isRecord(doc) || typeof doc.apiVersion !== 'string' || doc.apiVersion === '') {
    throw new SourceError(`${where} is not a chart repository index (no apiVersion): check the URL points at the folder holding index.yaml`);
  }
  const charts = new Map<string, IndexEntry[]>();
  const rejected: RejectedEntry[] = [];
  const entries = doc.entries ?? {};
  if (!isRecord(entries)) throw new SourceError(`${where}: "entries" is not a mapping of chart names to versions`);
  for (const [name, list] of Object.entries(entries)) {
    const kept: IndexEntry[] = [];
    for (const raw of Array.isArray(list) ? list : [list]) {
      const entry = readEntry(name, raw);
      if ('reason' in entry) rejected.push(entry);
      else kept.push(entry);
    }
    charts.set(name, kept);
  }
  return { charts, rejected };
}

function readEntry(name: string, raw: unknown): IndexEntry | RejectedEntry {
  const version = isRecord(raw) && typeof raw.version === 'string' ? raw.version : '';
  const reject = (reason: string): RejectedEntry => ({ name, version, reason });
  if (!isRecord(raw)) return reject('its index.yaml entry is not a mapping');
  if (version === '') return reject('its index.yaml entry has no version');
  if (raw.name !== undefined && raw.name !== name) return reject(`its index.yaml entry is named ${JSON.stringify(raw.name)} under "${name}"`);
  const urls = Array.isArray(raw.urls) ? raw.urls.filter((u): u is string => typeof u === 'string' && u.trim() !== '') : [];
  if (urls.length === 0) return reject('its index.yaml entry has no urls to download it from');
  let digest: string | undefined;
  if (raw.digest !== undefined && raw.digest !== null && raw.digest !== '') {
    const value = typeof raw.digest === 'string' ? raw.digest.replace(/^sha256:/, '') : '';
    if (!HEX64.test(value)) return reject(`its index.yaml digest ${JSON.stringify(raw.digest)} is not a sha256 hex digest`);
    digest = `sha256:${value.toLowerCase()}`;
  }
  const created = typeof raw.created === 'string' ? new Date(raw.created) : undefined;
  return { name, version, urls, ...(digest ? { digest } : {}), ...(created && !Number.isNaN(created.getTime()) ? { created } : {}) };
}

export interface SelectOptions {
  /** Chart names; undefined = every chart. */
  charts?: ReadonlySet<string>;
  /** A SemVer range (prereleases only when the range names one, as Helm does); undefined = every version. */
  range?: string;
}

/** The versions to migrate, and those that matched but cannot be. */
export function selectVersions(index: RepoIndex, options: SelectOptions = {}): Selection {
  const wanted = (name: string): boolean => !options.charts || options.charts.has(name);
  const missing = options.charts ? [...options.charts].filter((n) => !index.charts.has(n)) : [];
  const rejected = index.rejected.filter((r) => wanted(r.name) && (!options.range || (semver.valid(r.version) !== null && semver.satisfies(r.version, options.range))));
  const selected: IndexEntry[] = [];
  for (const [name, entries] of index.charts) {
    if (!wanted(name)) continue;
    const seen = new Set<string>();
    for (const entry of entries) {
      if (!isStrictSemver(entry.version)) {
        if (!options.range) rejected.push({ name, version: entry.version, reason: 'its version is not SemVer 2, which an OCI tag needs (helm push refuses it too)' });
        continue;
      }
      if (options.range && !semver.satisfies(entry.version, options.range)) continue;
      if (seen.has(entry.version)) {
        rejected.push({ name, version: entry.version, reason: 'index.yaml lists this version twice; the first entry is used' });
        continue;
      }
      seen.add(entry.version);
      selected.push(entry);
    }
  }
  selected.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : semver.compare(a.version, b.version) || (a.version < b.version ? -1 : 1)));
  return { selected, rejected, missing };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
