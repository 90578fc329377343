// `chart` lines that name a source instead of a local chart: a classic chart repository
// (https://…/ holding index.yaml, or the index.yaml itself) or an OCI reference
// (oci://host/ns/name@sha256:…, oci://host/ns/name:tag, oci://host/ns/name). Pure functions; every
// refusal says what to change, before any request is made.
import semver from 'semver';
import { ChartSourceError } from '../publish/sources.js';
import type { Credentials } from '../oci/auth.js';
import { OciInputError } from '../oci/errors.js';
import { isTag, parseRegistryUrl, redactUserInfo } from '../oci/index.js';

export interface ClassicRepoSource {
  kind: 'classic-repo';
  /** The line as written. */
  line: string;
  /** Where index.yaml is; chart URLs in it are resolved against this. */
  indexUrl: URL;
}

export interface OciSource {
  kind: 'oci';
  line: string;
  /** host[:port] */
  host: string;
  repository: string;
  /** At most one of tag and digest; neither = every SemVer tag. */
  tag?: string;
  digest?: string;
}

export type RemoteSource = ClassicRepoSource | OciSource;

const SCHEME_RE = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//;
const SHA256_RE = /^sha256:[a-f0-9]{64}$/;
const NEITHER = 'a chart source is either a classic chart repository (https://host/path/ holding index.yaml, or the index.yaml URL) or an OCI reference (oci://host/namespace/name, with :tag or @sha256:… for one version); local charts are paths without a scheme';

/** The source a `chart` line names, or undefined when the line is a local path or glob. */
export function parseSourceLine(line: string): RemoteSource | undefined {
  const text = line.trim();
  const scheme = SCHEME_RE.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) return undefined;
  if (scheme === 'oci') return parseOciSource(text);
  if (scheme === 'https' || scheme === 'http') return parseClassicSource(text);
  throw new ChartSourceError(`chart "${redactUserInfo(text)}" starts with ${scheme}://, which this action cannot read: ${NEITHER}`);
}

function parseClassicSource(line: string): ClassicRepoSource {
  const shown = redactUserInfo(line);
  let url: URL;
  try {
    url = new URL(line);
  } catch {
    throw new ChartSourceError(`chart "${shown}" is not a valid URL: ${NEITHER}`);
  }
  if (url.username || url.password) {
    throw new ChartSourceError(`chart "${shown}" has credentials in the URL: remove them and use the source-username and source-password inputs`);
  }
  if (url.search || url.hash) {
    throw new ChartSourceError(`chart "${shown}" has a query or fragment: give the repository's plain URL (credentials go in source-username and source-password)`);
  }
  const path = url.pathname;
  if (/\.(tgz|tar\.gz)$/i.test(path)) {
    throw new ChartSourceError(`chart "${shown}" is a single chart archive: give the chart repository's URL (the folder that holds index.yaml) and pick charts with source-charts and source-versions`);
  }
  if (!/\.ya?ml$/i.test(path)) url.pathname = `${path.replace(/\/+$/, '')}/index.yaml`;
  return { kind: 'classic-repo', line, indexUrl: url };
}

function parseOciSource(line: string): OciSource {
  const shown = redactUserInfo(line);
  const rest = line.slice('oci://'.length);
  if (/[\s?#]/.test(rest)) throw new ChartSourceError(`chart "${shown}" has spaces, a query or a fragment: expected oci://host/namespace/name[:tag|@sha256:…]`);
  let name = rest;
  let tag: string | undefined;
  let digest: string | undefined;
  // The digest follows the last "@"; an "@" before the host is user info, refused below.
  const at = rest.lastIndexOf('@');
  if (at !== -1 && !rest.slice(at + 1).includes('/')) {
    name = rest.slice(0, at);
    digest = rest.slice(at + 1);
    if (!SHA256_RE.test(digest)) {
      throw new ChartSourceError(`chart "${shown}" has the digest "${digest}": expected sha256: and 64 lower-case hex digits, as the digest output gives it`);
    }
  } else {
    const lastSlash = rest.lastIndexOf('/');
    const colon = rest.indexOf(':', lastSlash + 1);
    if (lastSlash !== -1 && colon !== -1) {
      name = rest.slice(0, colon);
      tag = rest.slice(colon + 1);
      if (!isTag(tag)) {
        throw new ChartSourceError(`chart "${shown}" has the tag "${tag}", which is not a valid OCI tag (letters, digits, "_", "." and "-", up to 128): for a version with +build, write the tag with "_" (1.2.3_build.1)`);
      }
    }
  }
  let target;
  try {
    target = parseRegistryUrl(`oci://${name}`);
  } catch (error) {
    if (!(error instanceof OciInputError)) throw error;
    throw new ChartSourceError(`chart "${shown}": ${error.message.replace(/^the registry URL "[^"]*"/, 'the OCI reference')}`);
  }
  if (target.namespace === '') {
    throw new ChartSourceError(`chart "${shown}" names a registry but no chart: expected oci://host/namespace/name[:tag|@sha256:…]`);
  }
  return { kind: 'oci', line, host: target.host, repository: target.namespace, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

export interface SourceInputs {
  sources: readonly RemoteSource[];
  /** source-charts, one name per line. */
  sourceCharts: readonly string[];
  /** source-versions, a SemVer range; '' = every version. */
  sourceVersions: string;
  sourceUsername: string;
  sourcePassword: string;
  plainHttp: boolean;
  /** host[:port] of the `registry` input. */
  registryHost: string;
  version?: string;
  appVersion?: string;
  sign?: boolean;
}

export interface SourceSettings {
  /** Chart names to take from classic repositories; undefined = all. */
  charts?: ReadonlySet<string>;
  /** The SemVer range, normalised; undefined = every version. */
  range?: string;
  /** For classic repositories and for source registries on another host than `registry`. */
  credentials?: Credentials;
  /** Inputs that do nothing here, worth a warning. */
  warnings: string[];
}

/** Checks the source inputs together; throws ChartSourceError naming what to change. */
export function checkSourceInputs(inputs: SourceInputs): SourceSettings {
  const { sources } = inputs;
  const warnings: string[] = [];
  const classic = sources.filter((s): s is ClassicRepoSource => s.kind === 'classic-repo');
  const oci = sources.filter((s): s is OciSource => s.kind === 'oci');
  const first = sources[0];

  if (first && (inputs.version || inputs.appVersion)) {
    const input = inputs.version ? 'version' : 'app-version';
    throw new ChartSourceError(`input "${input}" cannot apply to chart "${redactUserInfo(first.line)}": charts taken from a chart repository or an OCI registry are published as they are (same bytes, same digest). Drop "${input}", or publish from the chart directory`);
  }
  if (inputs.sign && oci[0]) {
    throw new ChartSourceError(`input "sign" would add a provenance layer and so change the digest of "${redactUserInfo(oci[0].line)}", which is copied as it is: drop "sign" (sign the source before promoting it, or sign the digest with cosign)`);
  }

  const names = inputs.sourceCharts.map((n) => n.trim()).filter((n) => n !== '' && !n.startsWith('#'));
  const badName = names.find((n) => !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(n));
  if (badName !== undefined) throw new ChartSourceError(`input "source-charts" lists "${badName}", which is not a chart name: give exact chart names, one per line`);
  if (names.length > 0 && classic.length === 0) {
    throw new ChartSourceError('input "source-charts" picks charts from a classic chart repository, but no "chart" line is one (https://…/index.yaml): drop "source-charts" or add the repository');
  }

  const range = inputs.sourceVersions.trim();
  let normalized: string | undefined;
  if (range !== '') {
    normalized = semver.validRange(range) ?? undefined;
    if (normalized === undefined) {
      throw new ChartSourceError(`input "source-versions" is "${range}", which is not a SemVer range: write one like ">=1.0.0 <2", "~1.4" or "1.2.3 || 1.3.x"; leave it empty for every version`);
    }
    if (classic.length === 0 && !oci.some((s) => !s.tag && !s.digest)) {
      throw new ChartSourceError('input "source-versions" picks versions from a classic chart repository or an OCI repository given without tag or digest, but no "chart" line is one: drop "source-versions", or write the OCI reference without :tag');
    }
  }

  const username = inputs.sourceUsername.trim();
  const password = inputs.sourcePassword;
  if (username && !password) throw new ChartSourceError('input "source-username" is set but "source-password" is empty: pass the source password or token, or leave both empty for anonymous access');
  if (password && !username) throw new ChartSourceError('input "source-password" is set but "source-username" is empty: the source needs a user name with the password or token');
  const credentials = username ? { username, password } : undefined;

  for (const source of classic) {
    if (source.indexUrl.protocol !== 'http:' || inputs.plainHttp) continue;
    if (credentials) {
      throw new ChartSourceError(`chart "${source.line}" is plain HTTP: source-username and source-password would cross the network unencrypted. Use https://, or set plain-http: true if that is really wanted`);
    }
    throw new ChartSourceError(`chart "${source.line}" is plain HTTP: use https://, or set plain-http: true for a repository without TLS`);
  }
  if (credentials && sources.length === 0) {
    warnings.push('source-username and source-password are not used: no "chart" line is a chart repository or an OCI reference');
  } else if (credentials && classic.length === 0 && oci.every((s) => s.host === inputs.registryHost)) {
    warnings.push(`source-username and source-password are not used: every source is on ${inputs.registryHost}, which gets the username and password inputs`);
  }
  return { ...(names.length > 0 ? { charts: new Set(names) } : {}), ...(normalized ? { range: normalized } : {}), ...(credentials ? { credentials } : {}), warnings };
}

/**
 * Which credentials a source registry gets: the main ones on the `registry` host (one session, so
 * blobs can be mounted), the source ones elsewhere; never the other way round.
 */
export function credentialsForSourceRegistry(sourceHost: string, registryHost: string, main: Credentials | undefined, source: Credentials | undefined): Credentials | undefined {
  return sourceHost === registryHost ? main : source;
}
