// The committed bundle taking charts from elsewhere, as a runner runs it: a classic chart
// repository (made by real `helm package` and `helm repo index`, served with Basic auth) migrated
// into a real Distribution registry, a re-run that pushes nothing, a version whose bytes do not
// match the index reported on its own; then a chart promoted from one repository to another by
// digest, the digest unchanged, and real Helm 4.1 pulling it from the destination.
import assert from 'node:assert/strict';
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startChartRepoServer, type ChartRepoServer } from '../support/chart-repo-server.js';
import { writeMinimalChart } from '../support/charts.js';
import { helmOk } from '../support/helm.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { assertNowhere, shown } from '../support/runner-view.js';
import { Cleanup } from '../support/tmp.js';
import { assertFailed, assertHelmPulls, mainStep, transcript, userOf } from './action-auth-shared.js';

const cleanup = new Cleanup();
after(() => cleanup.run());

const REPO_USER = { username: 'reader', password: `repo-${Date.now()}-secret` };
let reg: TestRegistry;
let repo: ChartRepoServer;
let workspace: string;

before(async () => {
  reg = await startRegistry({ auth: 'basic' });
  cleanup.add(() => reg.stop());
  workspace = await cleanup.tempDir('action-sources-ws-');
  const src = await cleanup.tempDir('action-sources-src-');
  const root = await cleanup.tempDir('action-sources-repo-');
  await mkdir(join(root, 'charts'));
  for (const [name, version] of [['web', '1.0.0'], ['web', '1.1.0'], ['web', '1.2.0+build.3'], ['api', '0.1.0']] as const) {
    const dir = await writeMinimalChart(join(src, `${name}-${version}`), { name, version });
    await helmOk('4.1.4', ['package', dir, '-d', join(root, 'charts')]);
  }
  await helmOk('4.1.4', ['repo', 'index', root]);
  // api 0.1.0 is changed after indexing: its bytes no longer match the index digest.
  await appendFile(join(root, 'charts', 'api-0.1.0.tgz'), Buffer.from([0]));
  repo = await startChartRepoServer({ root, auth: REPO_USER });
  cleanup.add(() => repo.stop());
});

function migrate() {
  return mainStep({
    workspace,
    host: reg.host,
    namespace: 'migrated',
    user: userOf(reg),
    inputs: { chart: repo.url, 'source-username': REPO_USER.username, 'source-password': REPO_USER.password },
  });
}

describe('migrate a classic chart repository, promote by digest', () => {
  test('every version is pushed byte for byte; the bad one is reported; a re-run pushes nothing', async () => {
    const first = await migrate();
    assertFailed(first, /api.*0\.1\.0.*digest/s);
    const charts = JSON.parse(first.outputs.charts!) as Array<{ name: string; version: string; status: string; digest: string; source: string }>;
    const byVersion = Object.fromEntries(charts.map((c) => [`${c.name}@${c.version}`, c]));
    for (const key of ['web@1.0.0', 'web@1.1.0', 'web@1.2.0+build.3']) assert.equal(byVersion[key]?.status, 'pushed', `${key}: ${transcript(first)}`);
    assert.equal(byVersion['api@0.1.0']?.status, 'failed');
    assert.ok(byVersion['web@1.0.0']!.source.startsWith(repo.url), 'each chart names its source');
    assertNowhere(shown('main', first), { 'the source password': REPO_USER.password, 'the registry password': reg.password });

    const again = await migrate();
    const rerun = JSON.parse(again.outputs.charts!) as Array<{ status: string; name: string }>;
    assert.deepEqual(rerun.filter((c) => c.name === 'web').map((c) => c.status), ['unchanged', 'unchanged', 'unchanged'], transcript(again));
  });

  test('a chart promoted by digest keeps its digest, and Helm 4.1 pulls it from the destination', async () => {
    const first = await migrate();
    const web = (JSON.parse(first.outputs.charts!) as Array<{ name: string; version: string; digest: string }>).find((c) => c.name === 'web' && c.version === '1.1.0')!;
    const config = join(await cleanup.tempDir('action-sources-login-'), 'config.json');
    const promoted = await mainStep({ workspace, host: reg.host, namespace: 'prod', user: userOf(reg), config, inputs: { chart: `oci://${reg.host}/migrated/web@${web.digest}` } });
    assert.equal(promoted.code, 0, transcript(promoted));
    assert.equal(promoted.outputs.digest, web.digest, 'the promoted digest is the source digest');
    assert.equal(promoted.outputs.repository, `${reg.host}/prod/web`);
    assert.equal(promoted.outputs.tag, '1.1.0');
    // Logged in by the step, Helm pulls what was promoted, by digest.
    await assertHelmPulls(reg, promoted.outputs.ref!, { HELM_REGISTRY_CONFIG: config }, 'the promoted chart');
  });
});
