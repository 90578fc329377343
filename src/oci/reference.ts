// Where a chart goes: `oci://host[:port][/namespace]` + chart name → repository, version → tag.
// The grammar is the distribution reference grammar; every refusal says how to fix the input.
import { OciInputError } from './errors.js';

export interface RegistryTarget {
  /** host[:port], as written (IPv6 in brackets). */
  host: string;
  /** Path under the host without leading or trailing slash; '' when charts go to the root. */
  namespace: string;
}

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST_RE = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])$`);
const PATH_COMPONENT_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG_RE = /^\w[\w.-]{0,127}$/;
const DIGEST_RE = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
// Distribution limits the whole name, host included.
const NAME_TOTAL_MAX = 255;

/** A trailing `@sha256:…` names a digest, not credentials. */
const DIGEST_SUFFIX_RE = /@sha(?:256|384|512):[^@/:]*$/;

/**
 * The user info of a URL written with credentials (`scheme://user:pass@host`, or without the
 * scheme), whatever characters the password holds (`/`, `@`): everything between the scheme and
 * the last `@`. Undefined when there is none. Checked before any message could echo the URL.
 */
export function urlUserInfo(url: string): string | undefined {
  const text = url.trim().replace(DIGEST_SUFFIX_RE, '');
  const at = text.lastIndexOf('@');
  if (at < 0) return undefined;
  const start = text.indexOf('://');
  return text.slice(start < 0 || start > at ? 0 : start + 3, at);
}

/**
 * A URL or reference as messages may quote it: its user info, if any, replaced by `***`. As in
 * urlUserInfo, everything up to the last `@` is user info, whatever it holds (a password may
 * contain `/`), and a trailing `@sha256:…` is a digest.
 */
export function redactUserInfo(url: string): string {
  const trimmed = url.trim();
  const digest = DIGEST_SUFFIX_RE.exec(trimmed)?.[0] ?? '';
  return trimmed.slice(0, trimmed.length - digest.length).replace(/^((?:[a-zA-Z][a-zA-Z0-9+.-]*:\/\/)?).*@/s, '$1***@') + digest;
}

/** Parses the registry input `oci://host[:port][/namespace]`. */
export function parseRegistryUrl(input: string): RegistryTarget {
  // Messages quote the input: never with a password someone put in it. A digest is refused below
  // with its own message.
  const trimmed = input.trim();
  const raw = redactUserInfo(trimmed);
  if (raw === '') throw new OciInputError('the registry URL is empty: expected oci://host[:port]/namespace, e.g. oci://ghcr.io/my-org/charts');

  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(raw);
  if (scheme && scheme[1]!.toLowerCase() !== 'oci') {
    const rest = raw.slice(scheme[0].length);
    const name = scheme[1]!.toLowerCase();
    let message = `the registry URL "${raw}" starts with ${name}://, but Helm OCI registries are written oci://host/namespace: use oci://${rest}`;
    if (name === 'http') message += ', and set the plain-http input to true if the registry serves plain HTTP without TLS';
    else if (name === 'https') message += ' (HTTPS is the default)';
    throw new OciInputError(message);
  }
  if (!scheme) {
    if (trimmed !== raw) throw new OciInputError(`the registry URL "${raw}" contains credentials before the host: remove them and use the username and password inputs`);
    throw new OciInputError(`the registry URL "${raw}" has no oci:// scheme: use oci://${raw}`);
  }

  const rest = raw.slice(scheme[0].length);
  if (trimmed !== raw) {
    throw new OciInputError(`the registry URL "${raw}" contains credentials before the host: remove them and use the username and password inputs`);
  }
  const junk = /[\s?#]/.exec(rest);
  if (junk) {
    throw new OciInputError(`the registry URL "${raw}" has unexpected text from "${rest.slice(junk.index)}": expected only oci://host[:port]/namespace (no query, fragment or spaces)`);
  }
  const slash = rest.indexOf('/');
  const authority = slash === -1 ? rest : rest.slice(0, slash);
  const path = slash === -1 ? '' : rest.slice(slash + 1).replace(/\/$/, '');

  if (authority === '') throw new OciInputError(`the registry URL "${raw}" has no host: expected oci://host[:port]/namespace`);

  const hostPort = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(authority)!;
  const hostname = hostPort[1]!;
  const port = hostPort[2];
  if (hostname === '') throw new OciInputError(`the registry URL "${raw}" has no host: expected oci://host[:port]/namespace`);
  if (!HOST_RE.test(hostname)) {
    throw new OciInputError(`the registry URL "${raw}" has an invalid host "${hostname}": expected a DNS name, an IPv4 address or a bracketed IPv6 address`);
  }
  if (port !== undefined && (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535)) {
    throw new OciInputError(`the registry URL "${raw}" has an invalid port "${port}": expected a number from 1 to 65535`);
  }

  if (/[:@]/.test(path)) {
    throw new OciInputError(
      `the registry URL "${raw}" has a tag or digest ("${path.slice(path.search(/[:@]/))}"): give only oci://host[:port]/namespace; the chart name and version are appended as <name>:<version>`,
    );
  }
  if (path !== '') {
    for (const component of path.split('/')) {
      if (component === '') throw new OciInputError(`the registry URL "${raw}" has an empty path segment ("//"): remove the extra slash`);
      if (component !== component.toLowerCase() && PATH_COMPONENT_RE.test(component.toLowerCase())) {
        throw new OciInputError(`the registry URL "${raw}" has upper case in the namespace "${path}": OCI repository names are lower case, use "${path.toLowerCase()}"`);
      }
      if (!PATH_COMPONENT_RE.test(component)) {
        throw new OciInputError(
          `the registry URL "${raw}" has an invalid namespace segment "${component}": segments are lower case letters and digits, separated by ".", "_", "__" or dashes`,
        );
      }
    }
  }
  return { host: authority, namespace: path };
}

/** The repository `namespace/chartName` a chart is pushed to, validated against the OCI grammar. */
export function repositoryFor(target: RegistryTarget, chartName: string): string {
  if (!PATH_COMPONENT_RE.test(chartName)) {
    const lower = chartName.toLowerCase();
    const hint = lower !== chartName && PATH_COMPONENT_RE.test(lower) ? ` (for example "${lower}")` : '';
    throw new OciInputError(
      `the chart name "${chartName}" cannot be an OCI repository name: repository names are lower case letters and digits separated by ".", "_", "__" or dashes. Helm packages such a chart but cannot push it; rename the chart in Chart.yaml${hint}`,
    );
  }
  const repository = target.namespace ? `${target.namespace}/${chartName}` : chartName;
  if (target.host.length + 1 + repository.length > NAME_TOTAL_MAX) {
    throw new OciInputError(`the reference ${target.host}/${repository} is longer than ${NAME_TOTAL_MAX} characters: use a shorter namespace or chart name`);
  }
  return repository;
}

/** The tag Helm uses for a chart version: SemVer build metadata `+` becomes `_`. */
export function tagForVersion(version: string): string {
  const tag = version.replaceAll('+', '_');
  if (!TAG_RE.test(tag)) {
    throw new OciInputError(
      `the chart version "${version}" cannot be an OCI tag ("${tag}"): tags are 1 to 128 characters of letters, digits, "_", "." and "-", not starting with "." or "-"`,
    );
  }
  return tag;
}

/** True when `value` is a valid repository name (path components joined by "/"). */
export function isRepositoryName(value: string): boolean {
  return value !== '' && value.split('/').every((c) => PATH_COMPONENT_RE.test(c));
}

export function isTag(reference: string): boolean {
  return TAG_RE.test(reference);
}

export function isDigest(reference: string): boolean {
  return DIGEST_RE.test(reference);
}

/** Refuses, before any request, a repository or reference that could not be a registry path. */
export function checkReference(repository: string, reference?: string): void {
  if (!isRepositoryName(repository)) throw new OciInputError(`"${repository}" is not a valid OCI repository name`);
  if (reference !== undefined && !TAG_RE.test(reference) && !isDigest(reference)) {
    throw new OciInputError(`"${reference}" is neither a valid tag nor a digest`);
  }
}
