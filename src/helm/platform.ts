// Which Helm release asset fits this runner: get.helm.sh names them helm-v<version>-<os>-<arch>.<ext>
// and puts the binary in a folder named <os>-<arch>.
import { HelmError } from './errors.js';

type HelmOs = 'linux' | 'darwin' | 'windows';
type HelmArch = 'amd64' | 'arm64';

export interface HelmPlatform {
  os: HelmOs;
  arch: HelmArch;
  /** Archive format Helm publishes for this OS. */
  archive: 'tar.gz' | 'zip';
  /** File name of the binary inside the archive's `<os>-<arch>/` folder. */
  binary: 'helm' | 'helm.exe';
}

const OS: Partial<Record<NodeJS.Platform, HelmOs>> = { linux: 'linux', darwin: 'darwin', win32: 'windows' };
const ARCH: Partial<Record<string, HelmArch>> = { x64: 'amd64', arm64: 'arm64' };

/** Maps Node's platform and arch names to Helm's; anything else is refused with the names we know. */
export function helmPlatform(platform: NodeJS.Platform = process.platform, arch: string = process.arch): HelmPlatform {
  const os = OS[platform];
  const helmArch = ARCH[arch];
  if (!os || !helmArch) {
    throw new HelmError(
      `no Helm download for this runner (${platform}/${arch}): supported are linux, darwin and windows on x64 or arm64. ` +
        'Put a helm 3.8+ binary on PATH and leave helm-version empty to use it instead',
    );
  }
  const windows = os === 'windows';
  return { os, arch: helmArch, archive: windows ? 'zip' : 'tar.gz', binary: windows ? 'helm.exe' : 'helm' };
}

/** Name of the release asset, e.g. `helm-v3.18.0-linux-amd64.tar.gz`. */
export function helmAssetName(version: string, p: HelmPlatform): string {
  return `helm-v${version}-${p.os}-${p.arch}.${p.archive}`;
}

/** Folder inside the archive that holds the binary, e.g. `linux-amd64`. */
export function helmArchiveFolder(p: HelmPlatform): string {
  return `${p.os}-${p.arch}`;
}
