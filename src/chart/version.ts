// Chart versions: the strict SemVer 2 a published chart needs (it becomes the OCI tag) and the
// looser form Helm's Masterminds/semver accepts for subcharts.
import semver from 'semver';
import { UINT64_MAX } from './go/numbers.js';

/** SemVer 2 exactly as written: no "v" prefix, no missing parts, no leading zeros. */
export function isStrictSemver(version: string): boolean {
  const parsed = semver.parse(version);
  if (!parsed) return false;
  const canonical = parsed.version + (parsed.build.length > 0 ? `+${parsed.build.join('.')}` : '');
  return canonical === version;
}

// Masterminds/semver v3 NewVersion, which Helm uses: optional "v", minor and patch optional.
const LOOSE_SEMVER = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

/** Whether Helm's semver library accepts `version`. */
export function isHelmSemver(version: string): boolean {
  const m = LOOSE_SEMVER.exec(version);
  if (!m) return false;
  const tooBig = (n: string | undefined) => n !== undefined && BigInt(n) > UINT64_MAX;
  if (tooBig(m[1]) || tooBig(m[2]) || tooBig(m[3])) return false;
  // Numeric pre-release identifiers must not have leading zeros.
  return (m[4] ?? '').split('.').every((id) => !/^0\d+$/.test(id));
}

export function semverHint(version: string): string {
  const coerced = semver.coerce(version, { includePrerelease: true });
  const suggestion = coerced && coerced.version !== version ? `, e.g. ${JSON.stringify(coerced.version)}` : ', e.g. "1.2.3"';
  return `: write MAJOR.MINOR.PATCH with an optional -prerelease and +build${suggestion}; quote it in YAML if it could read as a number`;
}
