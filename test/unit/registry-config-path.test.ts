// Where Helm keeps its registry credentials, per OS and environment (Helm's helmpath rules).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { helmRegistryConfigPath, registryConfigKey } from '../../src/helm/registry-config.js';

test('Linux: HELM_REGISTRY_CONFIG, then HELM_CONFIG_HOME, then XDG_CONFIG_HOME, then ~/.config', () => {
  const home = '/home/runner';
  assert.equal(helmRegistryConfigPath({}, 'linux', home), '/home/runner/.config/helm/registry/config.json');
  assert.equal(helmRegistryConfigPath({ XDG_CONFIG_HOME: '/xdg' }, 'linux', home), '/xdg/helm/registry/config.json');
  assert.equal(helmRegistryConfigPath({ XDG_CONFIG_HOME: '/xdg', HELM_CONFIG_HOME: '/hc' }, 'linux', home), '/hc/registry/config.json');
  assert.equal(
    helmRegistryConfigPath({ XDG_CONFIG_HOME: '/xdg', HELM_CONFIG_HOME: '/hc', HELM_REGISTRY_CONFIG: '/r/c.json' }, 'linux', home),
    '/r/c.json',
  );
});

test('Linux: an empty variable counts as unset', () => {
  assert.equal(
    helmRegistryConfigPath({ HELM_REGISTRY_CONFIG: '', HELM_CONFIG_HOME: '', XDG_CONFIG_HOME: '' }, 'linux', '/home/u'),
    '/home/u/.config/helm/registry/config.json',
  );
});

test('the home directory defaults to $HOME from the given environment', () => {
  assert.equal(helmRegistryConfigPath({ HOME: '/home/other' }, 'linux'), '/home/other/.config/helm/registry/config.json');
  assert.equal(helmRegistryConfigPath({ HOME: '/Users/me' }, 'darwin'), '/Users/me/Library/Preferences/helm/registry/config.json');
});

test('macOS: ~/Library/Preferences/helm, but XDG_CONFIG_HOME and HELM_* still win', () => {
  const home = '/Users/runner';
  assert.equal(helmRegistryConfigPath({}, 'darwin', home), '/Users/runner/Library/Preferences/helm/registry/config.json');
  assert.equal(helmRegistryConfigPath({ XDG_CONFIG_HOME: '/Users/runner/.config' }, 'darwin', home), '/Users/runner/.config/helm/registry/config.json');
  assert.equal(helmRegistryConfigPath({ HELM_CONFIG_HOME: '/opt/helm' }, 'darwin', home), '/opt/helm/registry/config.json');
  assert.equal(helmRegistryConfigPath({ HELM_REGISTRY_CONFIG: '/tmp/r.json' }, 'darwin', home), '/tmp/r.json');
});

test('Windows: %APPDATA%\\helm, XDG_CONFIG_HOME honoured, backslash paths', () => {
  const env = { APPDATA: 'C:\\Users\\runneradmin\\AppData\\Roaming' };
  assert.equal(helmRegistryConfigPath(env, 'win32', 'C:\\Users\\runneradmin'), 'C:\\Users\\runneradmin\\AppData\\Roaming\\helm\\registry\\config.json');
  assert.equal(helmRegistryConfigPath({ ...env, XDG_CONFIG_HOME: 'D:/xdg' }, 'win32'), 'D:\\xdg\\helm\\registry\\config.json');
  assert.equal(helmRegistryConfigPath({ ...env, HELM_CONFIG_HOME: 'D:\\helm' }, 'win32'), 'D:\\helm\\registry\\config.json');
  assert.equal(helmRegistryConfigPath({ ...env, HELM_REGISTRY_CONFIG: 'D:\\r\\config.json' }, 'win32'), 'D:\\r\\config.json');
});

test('no APPDATA (Windows) or HOME: an error, never a path relative to the workspace', () => {
  assert.throws(() => helmRegistryConfigPath({}, 'win32', 'C:\\Users\\x'), /APPDATA is not set/);
  assert.throws(() => helmRegistryConfigPath({}, 'linux', ''), /HOME is not set/);
  // An explicit location needs neither.
  assert.equal(helmRegistryConfigPath({ HELM_CONFIG_HOME: '/hc' }, 'linux', ''), '/hc/registry/config.json');
});

test('entry keys: bare host[:port]; Docker Hub under its legacy key', () => {
  assert.equal(registryConfigKey('ghcr.io'), 'ghcr.io');
  assert.equal(registryConfigKey('127.0.0.1:5000'), '127.0.0.1:5000');
  assert.equal(registryConfigKey('[::1]:5000'), '[::1]:5000');
  assert.equal(registryConfigKey('docker.io'), 'https://index.docker.io/v1/');
  assert.equal(registryConfigKey('registry-1.docker.io'), 'https://index.docker.io/v1/');
  for (const bad of ['ghcr.io/org', 'https://ghcr.io', 'oci://ghcr.io', '', 'a b', 'user@ghcr.io']) {
    assert.throws(() => registryConfigKey(bad), /bare host\[:port\]/, bad);
  }
});
