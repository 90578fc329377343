// The helm-version and helm-mirror inputs: checked when the inputs are read, without loading the
// installer (tool-cache and its dependencies) that only a dependency update needs.
import semver from 'semver';
import { urlUserInfo } from '../oci/index.js';
import { HelmError } from './errors.js';

/** The newest Helm the action is tested with; installed when helm-version is empty and PATH has no usable helm. */
export const DEFAULT_HELM_VERSION = '4.1.4';
/** Helm 3.8 is the first release with OCI support enabled by default. */
export const MINIMUM_HELM_VERSION = '3.8.0';
export const DEFAULT_HELM_MIRROR = 'https://get.helm.sh';

/** Validates an exact helm-version input and returns it as `x.y.z`. */
export function parseHelmVersion(input: string): string {
  const bare = input.trim().replace(/^v/, '');
  if (semver.valid(bare) !== bare) {
    throw new HelmError(
      `helm-version "${input}" is not an exact Helm version: give a full x.y.z such as ${DEFAULT_HELM_VERSION} ` +
        `or v${DEFAULT_HELM_VERSION} (ranges are not accepted), or leave it empty`,
    );
  }
  if (semver.lt(bare, MINIMUM_HELM_VERSION)) {
    throw new HelmError(`helm-version ${bare} is too old: OCI registries need Helm ${MINIMUM_HELM_VERSION} or newer`);
  }
  return bare;
}

/** Trims trailing slashes so `<mirror>/<asset>` is one well-formed URL; refuses what we cannot download from. */
export function normalizeMirror(input: string): string {
  const trimmed = input.trim().replace(/\/+$/, '');
  if (trimmed === '') return DEFAULT_HELM_MIRROR;
  // Userinfo would end up in logs and error messages; it is refused before anything echoes the
  // input, whatever characters it holds (a password may contain `/` or `@`).
  if (urlUserInfo(trimmed) !== undefined) {
    throw new HelmError('helm-mirror must not contain credentials: give a mirror that needs none, or one on the runner\'s network');
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new HelmError(`helm-mirror "${input}" is not a URL: give a base URL such as ${DEFAULT_HELM_MIRROR}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new HelmError(`helm-mirror "${input}" must be an http(s) URL`);
  }
  if (url.username || url.password) {
    throw new HelmError('helm-mirror must not contain credentials');
  }
  return trimmed;
}
