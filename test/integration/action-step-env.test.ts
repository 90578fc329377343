// What only the whole step shows about its environment and inputs, through the bundle as a runner
// runs it: a RUNNER_TEMP that cannot be created, and a signing key given without `sign`.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeMinimalChart } from '../support/charts.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { Cleanup } from '../support/tmp.js';
import { assertFailed, commandLines, mainStep, transcript, userOf } from './action-auth-shared.js';

const cleanup = new Cleanup();
after(() => cleanup.run());

let workspace: string;
let reg: TestRegistry;

before(async () => {
  workspace = await cleanup.tempDir('action-env-ws-');
  await writeMinimalChart(workspace, { name: 'tiny', version: '0.1.0' });
  reg = await startRegistry({ auth: 'basic' });
  cleanup.add(() => reg.stop());
});

const repositoryStored = (namespace: string): boolean =>
  existsSync(join(reg.dataDir, 'docker', 'registry', 'v2', 'repositories', namespace, 'tiny'));

describe('the step environment', () => {
  test('a RUNNER_TEMP that cannot be created: one clear error naming it, nothing pushed, no login written', async () => {
    const dir = await cleanup.tempDir('action-env-temp-');
    // A regular file where a folder would have to be: mkdir fails (ENOTDIR), even for root.
    const blocker = join(dir, 'not-a-folder');
    await writeFile(blocker, '');
    const runnerTemp = join(blocker, 'runner-temp');
    const config = join(dir, 'config.json');

    const result = await mainStep({ workspace, host: reg.host, namespace: 'no-temp', user: userOf(reg), config, env: { RUNNER_TEMP: runnerTemp } });
    assertFailed(result, new RegExp(`^helm-oci-publish: cannot create ${runnerTemp.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} for the packaged charts`));
    const errors = commandLines(result, 'error');
    assert.equal(errors.length, 1, transcript(result));
    assert.doesNotMatch(errors[0]!, /\n/, 'one line');
    assert.doesNotMatch(result.stdout, /^\s+at /m, 'no stack trace');
    assert.equal(repositoryStored('no-temp'), false, 'nothing was pushed');
    assert.equal(existsSync(config), false, 'no login was written for later steps');
    assert.equal(result.outputs.digest, undefined);
  });

  test('a signing key without sign: true warns that the charts are not signed, and publishes them unsigned', async () => {
    const config = join(await cleanup.tempDir('action-env-sign-'), 'config.json');
    const result = await mainStep({
      workspace,
      host: reg.host,
      namespace: 'unsigned',
      user: userOf(reg),
      config,
      inputs: { 'signing-key': '-----BEGIN PGP PRIVATE KEY BLOCK-----\n(not read: sign is false)\n-----END PGP PRIVATE KEY BLOCK-----' },
    });
    assert.equal(result.code, 0, transcript(result));
    assert.deepEqual(commandLines(result, 'error'), []);
    const warnings = commandLines(result, 'warning');
    assert.equal(warnings.length, 1, transcript(result));
    assert.match(warnings[0]!, /"signing-key" is set but "sign" is false, so charts are not signed: set sign: true/);
    assert.equal(result.outputs.signed, 'false');
    assert.equal(result.outputs.pushed, 'true');
    assert.ok(repositoryStored('unsigned'));
  });
});
