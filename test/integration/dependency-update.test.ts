// `helm dependency update` through dependencyUpdate(), with real Helm 3 and 4 as the resolver:
// a classic chart repository served over loopback HTTP, and a private OCI registry (token auth, TLS).
import assert from 'node:assert/strict';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dependencyUpdate } from '../../src/helm/dependency-update.js';
import type { HelmTool } from '../../src/helm/install.js';
import { helmHome, helmOk, HELM_VERSIONS, type HelmHome, type HelmVersion } from '../support/helm.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { Cleanup } from '../support/tmp.js';

const RESOLVERS: HelmVersion[] = ['3.18.0', '4.1.4'];
const skip = RESOLVERS.some((v) => !existsSync(HELM_VERSIONS[v])) ? 'run `npm test` (its pretest fetches the Helm binaries)' : false;

const tool = (version: HelmVersion): HelmTool => ({ path: HELM_VERSIONS[version], version, source: 'path' });

async function writeChart(dir: string, chartYaml: string, templates: Record<string, string> = {}): Promise<void> {
  await mkdir(join(dir, 'templates'), { recursive: true });
  await writeFile(join(dir, 'Chart.yaml'), chartYaml);
  for (const [name, text] of Object.entries(templates)) await writeFile(join(dir, 'templates', name), text);
}

const configMap = (suffix: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-${suffix}\ndata:\n  chart: {{ .Chart.Name }}-{{ .Chart.Version }}\n`;

/** Serves a directory read-only, as a static chart repository host would. */
async function serveDir(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const name = new URL(req.url ?? '/', 'http://repo').pathname.slice(1);
    if (!/^[\w.-]+$/.test(name) || !existsSync(join(dir, name))) return void res.writeHead(404).end();
    res.writeHead(200);
    createReadStream(join(dir, name)).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return { url: `http://127.0.0.1:${address.port}`, server };
}

describe('dependencyUpdate', { skip }, () => {
  const cleanup = new Cleanup();
  let work: string;
  let repoUrl: string;

  before(async () => {
    work = await cleanup.tempDir('dependency-update');
    const repoDir = join(work, 'repo');
    await mkdir(repoDir);
    const { url, server } = await serveDir(repoDir);
    cleanup.add(() => new Promise<void>((resolve) => server.close(() => resolve())));
    repoUrl = url;
    // The repository is made with real Helm: helm package, then helm repo index with its URL.
    await writeChart(join(work, 'src', 'dep'), 'apiVersion: v2\nname: dep\nversion: 1.2.0\n', { 'cm.yaml': configMap('dep') });
    await helmOk('4.1.4', ['package', join(work, 'src', 'dep'), '-d', repoDir]);
    await helmOk('4.1.4', ['repo', 'index', repoDir, '--url', repoUrl]);
  });
  after(() => cleanup.run());

  /** A parent chart depending on `dep` from the classic repository, in a fresh folder. */
  async function parentChart(name: string, constraint = '^1.0.0'): Promise<string> {
    const dir = join(work, name);
    await writeChart(
      dir,
      `apiVersion: v2\nname: parent\nversion: 0.1.0\ndependencies:\n  - name: dep\n    version: "${constraint}"\n    repository: ${repoUrl}\n`,
      { 'cm.yaml': configMap('parent') },
    );
    return dir;
  }

  async function home(): Promise<HelmHome> {
    const h = await helmHome();
    cleanup.add(() => h.remove());
    return h;
  }

  for (const version of RESOLVERS) {
    describe(`with Helm ${version}`, () => {
      it('fetches a dependency from a classic repository, and helm template renders it', async () => {
        const chart = await parentChart(`classic-${version}`);
        const h = await home();
        const logs: string[] = [];
        await dependencyUpdate(tool(version), chart, { env: h.env, log: (m) => logs.push(m) });
        assert.ok(existsSync(join(chart, 'charts', 'dep-1.2.0.tgz')), 'charts/ holds the dependency');
        assert.match(await readFile(join(chart, 'Chart.lock'), 'utf8'), /name: dep\n\s+repository: http:\/\/127\.0\.0\.1:\d+\n\s+version: 1\.2\.0/);
        assert.ok(logs.some((m) => m.includes('Saving 1 charts')), 'Helm output is logged');
        const rendered = (await helmOk(version, ['template', 'rel', chart], { home: h })).stdout;
        assert.match(rendered, /name: rel-dep\ndata:\n\s+chart: dep-1\.2\.0/);
        assert.match(rendered, /name: rel-parent/);
      });

      it('rewrites a Chart.lock that no longer matches Chart.yaml, as Helm does', async () => {
        const chart = await parentChart(`stale-lock-${version}`);
        await writeFile(
          join(chart, 'Chart.lock'),
          `dependencies:\n- name: dep\n  repository: ${repoUrl}\n  version: 0.9.0\ndigest: sha256:${'0'.repeat(64)}\ngenerated: "2020-01-01T00:00:00Z"\n`,
        );
        await dependencyUpdate(tool(version), chart, { env: (await home()).env, log: () => {} });
        assert.match(await readFile(join(chart, 'Chart.lock'), 'utf8'), /version: 1\.2\.0/);
      });

      it("fails with Helm's own message when Chart.lock cannot be read", async () => {
        const chart = await parentChart(`broken-lock-${version}`);
        await writeFile(join(chart, 'Chart.lock'), 'dependencies: [\n');
        await assert.rejects(dependencyUpdate(tool(version), chart, { env: (await home()).env, log: () => {} }), (error: Error) => {
          assert.match(error.message, new RegExp(`^helm dependency update failed for .*broken-lock-${version.replace(/\./g, '\\.')} \\(Helm ${version.replace(/\./g, '\\.')}, exit code 1\\): Error: cannot load Chart\\.lock: error converting YAML to JSON[^\n]*$`));
          assert.match(error.message, /Error: cannot load Chart\.lock: error converting YAML to JSON/);
          assert.match(error.message, /Hint: Chart\.lock could not be used: fix or delete it/);
          return true;
        });
      });

      it("fails with Helm's own message when no version satisfies Chart.yaml", async () => {
        const chart = await parentChart(`unsatisfiable-${version}`, '^2.0.0');
        await assert.rejects(dependencyUpdate(tool(version), chart, { env: (await home()).env, log: () => {} }), (error: Error) => {
          assert.match(error.message, /Error: can't get a valid version for 1 subchart\(s\): "dep" \(repository "http:\/\/127\.0\.0\.1:\d+", version "\^2\.0\.0"\)/);
          assert.match(error.message, /Hint: check the dependency names and version constraints in Chart\.yaml/);
          return true;
        });
      });

      it('names the cause Helm prints on stdout when a repository is unreachable, and logs all of Helm\'s output', async () => {
        const dir = join(work, `unreachable-${version}`);
        await writeChart(dir, 'apiVersion: v2\nname: parent\nversion: 0.1.0\ndependencies:\n  - name: dep\n    version: "^1.0.0"\n    repository: http://127.0.0.1:9/\n');
        const logged: string[] = [];
        await assert.rejects(dependencyUpdate(tool(version), dir, { env: (await home()).env, log: (line) => logged.push(line) }), (error: Error) => {
          assert.match(error.message, /^helm dependency update failed for [^\n]*: Unable to get an update from the "http:\/\/127\.0\.0\.1:9\/" chart repository: Get [^\n]*connection refused; then Error: no cached repository/);
          assert.match(logged.join('\n'), /connection refused/, "Helm's output is in the log");
          assert.match(error.message, /Hint: check that every dependency repository URL is reachable/);
          return true;
        });
      });
    });
  }

  describe('from a private OCI registry', () => {
    let registry: TestRegistry;
    let registryConfig: string;

    before(async () => {
      registry = await startRegistry({ auth: 'token', tls: 'server' });
      cleanup.add(() => registry.stop());
      // Go reads SSL_CERT_FILE: Helm then trusts the test CA, as a runner would trust its own CA bundle.
      const tlsEnv = { SSL_CERT_FILE: registry.caFile! };
      const pusher = await home();
      await writeChart(join(work, 'src', 'ocidep'), 'apiVersion: v2\nname: ocidep\nversion: 0.3.0\n', { 'cm.yaml': configMap('ocidep') });
      await helmOk('4.1.4', ['package', join(work, 'src', 'ocidep'), '-d', join(work, 'src')], { home: pusher });
      await helmOk('4.1.4', ['registry', 'login', registry.host, '-u', registry.username, '--password-stdin'], { home: pusher, env: tlsEnv, input: registry.password });
      await helmOk('4.1.4', ['push', join(work, 'src', 'ocidep-0.3.0.tgz'), `oci://${registry.host}/charts`], { home: pusher, env: tlsEnv });
      // The credentials file the action would write: Docker's config.json format.
      registryConfig = join(await cleanup.tempDir('registry-config'), 'config.json');
      const auth = Buffer.from(`${registry.username}:${registry.password}`).toString('base64');
      await writeFile(registryConfig, JSON.stringify({ auths: { [registry.host]: { auth } } }), { mode: 0o600 });
    });

    for (const version of RESOLVERS) {
      it(`resolves it with Helm ${version} using the given registry config`, async () => {
        const chart = join(work, `oci-${version}`);
        await writeChart(
          chart,
          `apiVersion: v2\nname: parent\nversion: 0.1.0\ndependencies:\n  - name: ocidep\n    version: "~0.3.0"\n    repository: oci://${registry.host}/charts\n`,
        );
        const h = await home();
        const env = { ...h.env, SSL_CERT_FILE: registry.caFile! };
        // Without credentials the private registry refuses, and Helm says so.
        await assert.rejects(dependencyUpdate(tool(version), chart, { env, log: () => {} }), (error: Error) => {
          assert.match(error.message, /401: unauthorized/);
          assert.match(error.message, /Hint: check the credentials for private dependency repositories/);
          return true;
        });
        await dependencyUpdate(tool(version), chart, { env, registryConfig, log: () => {} });
        assert.ok(existsSync(join(chart, 'charts', 'ocidep-0.3.0.tgz')));
        const rendered = (await helmOk(version, ['template', 'rel', chart], { home: h })).stdout;
        assert.match(rendered, /name: rel-ocidep\ndata:\n\s+chart: ocidep-0\.3\.0/);
      });
    }
  });
});
