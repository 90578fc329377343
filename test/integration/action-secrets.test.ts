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
import { assertClean, assertFailed, b64, LOGIN_STATE, mainStep, postStep, type StepResult } from './action-auth-shared.js';

const cleanup = new Cleanup();
after(() => cleanup.run());

/**
 * What the runner makes of one output stream (actions/runner OutputManager + ActionCommandManager):
 * a line that is an `add-mask` workflow command (`::add-mask::<data>` after leading spaces) is
 * consumed, never written to the log (the command has OmitEcho), and its data, unescaped
 * (%0D, %0A, %25), becomes a mask. Every other line is written, with masks applied.
 */
function runnerView(stream: string): { visible: string[]; masks: string[] } {
  const visible: string[] = [];
  const masks: string[] = [];
  for (const line of stream.split('\n')) {
    const trimmed = line.trimStart();
    const end = trimmed.startsWith('::') ? trimmed.indexOf('::', 2) : -1;
    const name = end > 0 ? trimmed.slice(2, end).split(' ')[0] : undefined;
    if (name === 'add-mask') {
      masks.push(trimmed.slice(end + 2).replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%'));
    } else {
      visible.push(line);
    }
  }
  return { visible, masks };
}

interface Shown {
  step: string;
  where: string;
  text: string;
}

/** Everything of a step a user or a later step can see: log lines, outputs, the summary. */
function shown(step: string, result: StepResult): Shown[] {
  return [
    { step, where: 'stdout', text: runnerView(result.stdout).visible.join('\n') },
    { step, where: 'stderr', text: runnerView(result.stderr).visible.join('\n') },
    ...Object.entries(result.outputs).map(([name, value]) => ({ step, where: `output ${name}`, text: value })),
    { step, where: 'job summary', text: result.summary },
  ];
}

function masksOf(result: StepResult): Set<string> {
  return new Set([...runnerView(result.stdout).masks, ...runnerView(result.stderr).masks]);
}

/** The runner's masker, roughly: every registered value becomes ***. */
function masked(text: string, masks: Iterable<string>): string {
  let out = text;
  for (const mask of [...masks].sort((a, b) => b.length - a.length)) if (mask.trim()) out = out.replaceAll(mask, '***');
  return out;
}

/** A secret as it is, and as it would look inside a JSON string, HTML (the summary) or a URL. */
function forms(secret: string): string[] {
  const html = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return [...new Set([secret, JSON.stringify(secret).slice(1, -1), html, encodeURIComponent(secret)])];
}

function assertNowhere(places: Shown[], secrets: Record<string, string>): void {
  for (const place of places) {
    for (const [label, secret] of Object.entries(secrets)) {
      for (const form of forms(secret)) {
        assert.ok(!place.text.includes(form), `${label} appears in the ${place.step} step's ${place.where} (as ${JSON.stringify(form)}):\n${place.text}`);
      }
    }
  }
}

function assertMasked(result: StepResult, step: string, secrets: Record<string, string>): void {
  const masks = masksOf(result);
  for (const [label, secret] of Object.entries(secrets)) {
    assert.ok(masks.has(secret), `the ${step} step did not emit ::add-mask:: for ${label}`);
  }
}

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
