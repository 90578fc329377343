// The leak test, through the committed bundle as a runner runs it, with step debug logging on
// (RUNNER_DEBUG=1): a wrong password, then the right one, then the post step, against a Basic-auth
// and a token-auth Distribution registry. No password, base64 user:pass or issued token may appear
// in anything the runner would show or keep: stdout and stderr (except the ::add-mask:: lines the
// runner consumes), outputs, the job summary, and the saved state (which the runner prints in its
// debug log, "Save intra-action state <name> = <value>", masked).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { writeMinimalChart } from '../support/charts.js';
import { startRegistry, type RegistryAuth } from '../support/registry.js';
import { Cleanup } from '../support/tmp.js';
import { assertClean, assertFailed, b64, LOGIN_STATE, mainStep, postStep } from './action-auth-shared.js';
import { assertMasked, assertNowhere, masked, masksOf, shown } from '../support/runner-view.js';

const cleanup = new Cleanup();
after(() => cleanup.run());

for (const auth of ['basic', 'token'] satisfies RegistryAuth[]) {
  describe(`no secret in the log, outputs, summary or state (${auth} auth, RUNNER_DEBUG=1)`, () => {
    test('a wrong password, then the right one, then the post step', async () => {
      // Characters that must survive escaping on the way: % (workflow commands), & < > (HTML summary), : (Basic auth).
      const right = `R%ight&<${randomBytes(9).toString('hex')}>:pw`;
      const wrong = `W%rong&<${randomBytes(9).toString('hex')}>:pw`;
      const reg = await startRegistry({ auth, users: [{ username: 'ci', password: right }] });
      cleanup.add(() => reg.stop());
      const workspace = await cleanup.tempDir('action-secrets-ws-');
      await writeMinimalChart(workspace, { name: 'tiny', version: '0.1.0' });

      // An entry an earlier login left for the same host: the state will hold it.
      const oldPassword = `old-${randomBytes(9).toString('hex')}`;
      const oldAuth = b64(`ci:${oldPassword}`);
      const config = join(await cleanup.tempDir('action-secrets-cfg-'), 'config.json');
      await writeFile(config, `{\n\t"auths": {\n\t\t"${reg.host}": {\n\t\t\t"auth": "${oldAuth}"\n\t\t}\n\t}\n}`, { mode: 0o600 });

      const step = { workspace, host: reg.host, namespace: 'secrets', config, env: { RUNNER_DEBUG: '1' } };
      const failed = await mainStep({ ...step, user: { username: 'ci', password: wrong } });
      assertFailed(failed, /refused the credentials/);
      const tokensBefore = reg.tokenServer?.issuedTokens.length ?? 0;
      const published = await mainStep({ ...step, user: { username: 'ci', password: right } });
      assertClean(published);
      const tokens = reg.tokenServer?.issuedTokens.slice(tokensBefore) ?? [];
      const cleaned = await postStep(published, { workspace, config, env: { RUNNER_DEBUG: '1' } });
      assertClean(cleaned);

      // The test is only as good as what it looks at: debug output was on, tokens were issued,
      // and the state does hold the earlier entry.
      assert.ok(published.stdout.includes('::debug::GET '), 'RUNNER_DEBUG=1 turned on debug output');
      if (auth === 'token') assert.ok(tokens.length > 0, 'the token server issued tokens');
      const state = published.state[LOGIN_STATE] ?? '';
      assert.ok(state.includes(oldAuth), 'the state holds the earlier entry');

      const thisJob: Record<string, string> = {
        'the wrong password': wrong,
        'base64 user:wrong-password': b64(`ci:${wrong}`),
        'the password': right,
        'base64 user:password': b64(`ci:${right}`),
        ...Object.fromEntries((reg.tokenServer?.issuedTokens ?? []).map((token, i) => [`token #${i + 1}`, token])),
      };
      const earlier = { 'the earlier entry\'s password': oldPassword, 'the earlier entry\'s auth': oldAuth };

      assertNowhere([...shown('failed main', failed), ...shown('main', published), ...shown('post', cleaned)], { ...thisJob, ...earlier });
      assertNowhere([{ step: 'main', where: 'state', text: JSON.stringify(published.state) }], thisJob);
      assert.deepEqual(failed.state, {}, 'the failed step saved no state');
      // The runner logs saved state in its debug log; the earlier entry's secrets are masked by then.
      assertNowhere([{ step: 'main', where: 'state as the runner logs it', text: masked(state, masksOf(published)) }], earlier);

      assertMasked(failed, 'failed main', { 'the wrong password': wrong, 'base64 user:wrong-password': b64(`ci:${wrong}`) });
      assertMasked(published, 'main', {
        'the password': right,
        'base64 user:password': b64(`ci:${right}`),
        ...Object.fromEntries(tokens.map((token, i) => [`token #${i + 1}`, token])),
        ...earlier,
      });
      assertMasked(cleaned, 'post', earlier);
    });
  });
}
