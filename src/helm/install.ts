// Finds a usable helm binary: the one on PATH, one in the runner's tool cache, or a release
// downloaded from a mirror laid out like get.helm.sh and checked against its published sha256.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as core from '@actions/core';
import { getExecOutput } from '@actions/exec';
import { which } from '@actions/io';
import * as tc from '@actions/tool-cache';
import semver from 'semver';
import { describeError } from '../errors.js';
import { HelmError } from './errors.js';
import { helmArchiveFolder, helmAssetName, helmPlatform, type HelmPlatform } from './platform.js';
import { DEFAULT_HELM_VERSION, MINIMUM_HELM_VERSION, normalizeMirror, parseHelmVersion } from './version.js';

const TOOL_NAME = 'helm';

export interface HelmTool {
  path: string;
  /** As the binary reports it, without `v`: `x.y.z`. */
  version: string;
  source: 'path' | 'cache' | 'download';
}

export interface ResolveHelmOptions {
  /** '' for "helm on PATH if 3.8+, else DEFAULT_HELM_VERSION"; otherwise an exact version, `v` optional. */
  version: string;
  /** Base URL of a get.helm.sh-style mirror. */
  mirror: string;
  log?: (message: string) => void;
}

export async function resolveHelm(opts: ResolveHelmOptions): Promise<HelmTool> {
  const log = opts.log ?? core.info;
  const mirror = normalizeMirror(opts.mirror);
  if (opts.version.trim() === '') {
    const onPath = await helmOnPath(log);
    if (onPath) return onPath;
    return installHelm(DEFAULT_HELM_VERSION, mirror, log);
  }
  return installHelm(parseHelmVersion(opts.version), mirror, log);
}

/** The version a helm binary reports, as `x.y.z`. */
export async function reportedHelmVersion(path: string): Promise<string> {
  const out = await getExecOutput(path, ['version', '--template', '{{.Version}}'], { silent: true, ignoreReturnCode: true });
  if (out.exitCode !== 0) {
    throw new HelmError(`"${path} version" exited with code ${out.exitCode}: ${out.stderr.trim() || out.stdout.trim()}`);
  }
  const text = out.stdout.trim();
  const version = semver.valid(text.replace(/^v/, ''));
  if (!version) throw new HelmError(`"${path} version" printed "${text}", which is not a version`);
  return version;
}

async function helmOnPath(log: (m: string) => void): Promise<HelmTool | undefined> {
  const path = await which('helm', false);
  if (!path) {
    log(`no helm on PATH: installing Helm ${DEFAULT_HELM_VERSION}`);
    return undefined;
  }
  let version: string;
  try {
    version = await reportedHelmVersion(path);
  } catch (error) {
    log(`ignoring the helm on PATH (${describeError(error)}): installing Helm ${DEFAULT_HELM_VERSION}`);
    return undefined;
  }
  if (semver.lt(version, MINIMUM_HELM_VERSION)) {
    log(`helm ${version} on PATH is older than ${MINIMUM_HELM_VERSION}: installing Helm ${DEFAULT_HELM_VERSION}`);
    return undefined;
  }
  log(`using helm ${version} from PATH: ${path}`);
  return { path, version, source: 'path' };
}

async function installHelm(version: string, mirror: string, log: (m: string) => void): Promise<HelmTool> {
  for (const name of ['RUNNER_TOOL_CACHE', 'RUNNER_TEMP']) {
    if (!process.env[name]) throw new HelmError(`installing Helm needs ${name}, which every GitHub runner sets`);
  }
  const platform = helmPlatform();
  const cached = await fromToolCache(version, platform, log);
  if (cached) return cached;
  return download(version, mirror, platform, log);
}

async function fromToolCache(version: string, platform: HelmPlatform, log: (m: string) => void): Promise<HelmTool | undefined> {
  const dir = tc.find(TOOL_NAME, version, process.arch);
  if (!dir) return undefined;
  // Other actions cache "helm" too, some keeping the archive's <os>-<arch>/ folder: accept both layouts.
  const path = [join(dir, platform.binary), join(dir, helmArchiveFolder(platform), platform.binary)].find((p) => existsSync(p));
  if (path) {
    try {
      const reported = await reportedHelmVersion(path);
      if (reported === version) {
        log(`using Helm ${version} from the tool cache: ${path}`);
        return { path, version, source: 'cache' };
      }
      log(`the tool cache entry ${dir} holds Helm ${reported}, not ${version}: downloading again`);
    } catch (error) {
      log(`the tool cache entry ${dir} is unusable (${describeError(error)}): downloading again`);
    }
  } else {
    log(`the tool cache entry ${dir} has no ${platform.binary}: downloading again`);
  }
  return undefined;
}

async function download(version: string, mirror: string, platform: HelmPlatform, log: (m: string) => void): Promise<HelmTool> {
  const asset = helmAssetName(version, platform);
  const url = `${mirror}/${asset}`;
  log(`downloading Helm ${version} from ${url}`);
  const expected = await publishedChecksum(`${url}.sha256sum`, version, platform);
  let archive: string | undefined;
  let extracted: string | undefined;
  try {
    archive = await fetchFile(url, version, platform);
    const actual = await sha256File(archive);
    if (actual !== expected) {
      throw new HelmError(
        `checksum mismatch for ${asset} from ${mirror}: ${asset}.sha256sum says ${expected}, the download is ${actual}. ` +
          'The mirror serves a file other than the one it publishes a checksum for; nothing was installed',
      );
    }
    extracted = platform.archive === 'zip' ? await tc.extractZip(archive) : await tc.extractTar(archive);
    const folder = join(extracted, helmArchiveFolder(platform));
    const binary = join(folder, platform.binary);
    if (!existsSync(binary)) {
      throw new HelmError(`${asset} from ${mirror} has no ${helmArchiveFolder(platform)}/${platform.binary}`);
    }
    const reported = await reportedHelmVersion(binary);
    if (reported !== version) throw new HelmError(`${asset} from ${mirror} holds Helm ${reported}, not ${version}`);
    const cachedDir = await tc.cacheDir(folder, TOOL_NAME, version, process.arch);
    log(`installed Helm ${version} in the tool cache: ${cachedDir}`);
    return { path: join(cachedDir, platform.binary), version, source: 'download' };
  } finally {
    // Once cached (or rejected) the archive and the unpacked copy are of no use; leave nothing behind.
    if (archive) await rm(archive, { force: true });
    if (extracted) await rm(extracted, { recursive: true, force: true });
  }
}

/** Reads `<asset>.sha256sum`: `<hex>  <asset>` as get.helm.sh publishes it (a bare hex is accepted too). */
async function publishedChecksum(url: string, version: string, platform: HelmPlatform): Promise<string> {
  const file = await fetchFile(url, version, platform);
  try {
    const text = await readFile(file, 'utf8');
    const hex = text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new HelmError(`${url} does not start with a sha256 checksum`);
    return hex;
  } finally {
    await rm(file, { force: true });
  }
}

async function fetchFile(url: string, version: string, platform: HelmPlatform): Promise<string> {
  try {
    return await tc.downloadTool(url);
  } catch (error) {
    const hint =
      error instanceof tc.HTTPError && error.httpStatusCode === 404
        ? ` (does the mirror publish Helm ${version} for ${platform.os}-${platform.arch}? check helm-version and helm-mirror)`
        : '';
    throw new HelmError(`could not download ${url}: ${describeError(error)}${hint}`, { cause: error });
  }
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
