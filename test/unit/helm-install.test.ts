// Pure parts of finding Helm: version and mirror inputs, and the release asset for a platform.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_HELM_MIRROR, DEFAULT_HELM_VERSION, normalizeMirror, parseHelmVersion } from '../../src/helm/version.js';
import { helmArchiveFolder, helmAssetName, helmPlatform } from '../../src/helm/platform.js';

describe('parseHelmVersion', () => {
  it('accepts an exact version with or without v', () => {
    assert.equal(parseHelmVersion('3.18.0'), '3.18.0');
    assert.equal(parseHelmVersion('v4.1.4'), '4.1.4');
    assert.equal(parseHelmVersion(' v3.8.0 '), '3.8.0');
    assert.equal(parseHelmVersion('4.0.0-rc.1'), '4.0.0-rc.1');
  });

  it('refuses anything that is not a full x.y.z', () => {
    for (const input of ['3.18', '3', 'latest', '^3.18.0', '~4.1.4', '3.x', '>=3.8.0', '=3.18.0', 'vv3.18.0', '3.18.0+build']) {
      assert.throws(() => parseHelmVersion(input), /is not an exact Helm version: give a full x\.y\.z/, input);
    }
  });

  it('refuses versions older than 3.8.0', () => {
    assert.throws(() => parseHelmVersion('3.7.2'), /too old: OCI registries need Helm 3\.8\.0 or newer/);
    assert.throws(() => parseHelmVersion('2.17.0'), /too old/);
  });

  it('defaults to a version that is itself valid', () => {
    assert.equal(parseHelmVersion(DEFAULT_HELM_VERSION), DEFAULT_HELM_VERSION);
  });
});

describe('normalizeMirror', () => {
  it('strips trailing slashes and keeps a path', () => {
    assert.equal(normalizeMirror('https://get.helm.sh/'), 'https://get.helm.sh');
    assert.equal(normalizeMirror('https://ghe.example.com/mirrors/helm//'), 'https://ghe.example.com/mirrors/helm');
    assert.equal(normalizeMirror('http://10.0.0.5:8080'), 'http://10.0.0.5:8080');
  });

  it('falls back to get.helm.sh when empty', () => {
    assert.equal(normalizeMirror(''), DEFAULT_HELM_MIRROR);
    assert.equal(normalizeMirror('  '), DEFAULT_HELM_MIRROR);
  });

  it('refuses what cannot be downloaded from, and credentials', () => {
    assert.throws(() => normalizeMirror('get.helm.sh'), /is not a URL/);
    assert.throws(() => normalizeMirror('ftp://mirror.example/helm'), /must be an http\(s\) URL/);
    assert.throws(() => normalizeMirror('https://user:secret@mirror.example'), (error: Error) => {
      assert.match(error.message, /must not contain credentials/);
      assert.doesNotMatch(error.message, /secret/);
      return true;
    });
  });
});

describe('helmPlatform', () => {
  it('maps Node platform and arch names to Helm asset names', () => {
    const cases: Array<[NodeJS.Platform, string, string, string]> = [
      ['linux', 'x64', 'helm-v3.18.0-linux-amd64.tar.gz', 'linux-amd64'],
      ['linux', 'arm64', 'helm-v3.18.0-linux-arm64.tar.gz', 'linux-arm64'],
      ['darwin', 'arm64', 'helm-v3.18.0-darwin-arm64.tar.gz', 'darwin-arm64'],
      ['darwin', 'x64', 'helm-v3.18.0-darwin-amd64.tar.gz', 'darwin-amd64'],
      ['win32', 'x64', 'helm-v3.18.0-windows-amd64.zip', 'windows-amd64'],
    ];
    for (const [platform, arch, asset, folder] of cases) {
      const p = helmPlatform(platform, arch);
      assert.equal(helmAssetName('3.18.0', p), asset);
      assert.equal(helmArchiveFolder(p), folder);
      assert.equal(p.binary, platform === 'win32' ? 'helm.exe' : 'helm');
    }
  });

  it('refuses platforms without a mapping, naming what is supported', () => {
    assert.throws(() => helmPlatform('linux', 'ia32'), /no Helm download for this runner \(linux\/ia32\): supported are linux, darwin and windows on x64 or arm64/);
    assert.throws(() => helmPlatform('freebsd', 'x64'), /freebsd\/x64/);
  });
});
