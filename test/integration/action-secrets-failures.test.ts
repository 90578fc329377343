// Every way the step can fail, through the committed bundle with step debug logging on
// (RUNNER_DEBUG=1): bad inputs, a bad chart, a registry that cannot be reached, refused
// credentials, a push the registry denies. Each fails with one clear error and no stack trace, and
// neither the password, nor the base64 user:pass, nor a password written into the registry URL is
// in anything the runner shows; each is masked before the first line that is not a mask.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeMinimalChart } from '../support/charts.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { runnerView, shown, assertNowhere } from '../support/runner-view.js';
import { Cleanup } from '../support/tmp.js';
import { assertFailed, b64, mainStep, transcript, type StepResult } from './action-auth-shared.js';

const cleanup = new Cleanup();
let reg: TestRegistry;
let workspace: string;
const password = `P%w&<${randomBytes(9).toString('hex')}>/x`;

before(async () => {
  reg = await startRegistry({ auth: 'basic', users: [{ username: 'ci', password }] });
  cleanup.add(() => reg.stop());
  workspace = await cleanup.tempDir('secrets-failures-ws-');
  await writeMinimalChart(workspace, { name: 'tiny', version: '0.1.0' });
  await writeMinimalChart(workspace, { name: 'broken', version: '0.1.0' });
  await writeFile(join(workspace, 'broken', 'Chart.yaml'), 'apiVersion: v2\nname: broken\nversion: not-semver\n');
});
after(() => cleanup.run());

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The masks come first: no line the runner prints precedes the mask of a secret it could hold. */
function assertMaskedFirst(result: StepResult, secrets: string[]): void {
  const lines = result.stdout.split('\n');
  const firstOther = lines.findIndex((line) => !line.startsWith('::add-mask::'));
  const masks = new Set(runnerView(lines.slice(0, firstOther).join('\n')).masks);
  for (const secret of secrets) assert.ok(masks.has(secret), `not masked before the first other line:\n${transcript(result)}`);
}

function assertNoStack(result: StepResult): void {
  assert.doesNotMatch(`${result.stdout}\n${result.stderr}`, /\n\s+at .+:\d+:\d+\)?\n/, transcript(result));
}

const cases: Array<{ name: string; run: () => Promise<StepResult>; error: RegExp; secrets: () => Record<string, string> }> = [
  {
    name: 'a password written into the registry URL (with a / in it)',
    run: () => mainStep({ workspace, host: `ci:${password}@${reg.host}`, namespace: 'ns', env: { RUNNER_DEBUG: '1' } }),
    error: /input "registry" holds credentials before an "@"/,
    secrets: () => ({ 'the password in the URL': password }),
  },
  {
    name: 'an invalid input next to the password',
    run: () => mainStep({ workspace, host: reg.host, namespace: 'ns', user: { username: 'ci', password }, inputs: { timeout: 'forever' }, env: { RUNNER_DEBUG: '1' } }),
    error: /input "timeout" is "forever"/,
    secrets: () => ({ password, 'base64 user:pass': b64(`ci:${password}`) }),
  },
  {
    name: 'a chart that fails its checks',
    run: () => mainStep({ workspace, host: reg.host, namespace: 'ns', user: { username: 'ci', password }, inputs: { chart: 'broken' }, env: { RUNNER_DEBUG: '1' } }),
    error: /broken.*not-semver/,
    secrets: () => ({ password, 'base64 user:pass': b64(`ci:${password}`) }),
  },
  {
    name: 'a registry that cannot be reached',
    run: async () =>
      mainStep({ workspace, host: `127.0.0.1:${await closedPort()}`, namespace: 'ns', user: { username: 'ci', password }, inputs: { 'retry-timeout': '1s' }, env: { RUNNER_DEBUG: '1' } }),
    error: /127\.0\.0\.1:\d+/,
    secrets: () => ({ password, 'base64 user:pass': b64(`ci:${password}`) }),
  },
  {
    name: 'refused credentials',
    run: () => mainStep({ workspace, host: reg.host, namespace: 'ns', user: { username: 'ci', password: `${password}-wrong` }, env: { RUNNER_DEBUG: '1' } }),
    error: /refused the credentials/,
    secrets: () => ({ 'the wrong password': `${password}-wrong`, 'its base64 user:pass': b64(`ci:${password}-wrong`) }),
  },
];

describe('no secret on any failure path (RUNNER_DEBUG=1)', () => {
  for (const c of cases) {
    test(c.name, async () => {
      const result = await c.run();
      assertFailed(result, c.error);
      assertNoStack(result);
      const secrets = c.secrets();
      // The inputs themselves are masked before anything else; derived values when they are made.
      assertMaskedFirst(result, [c.name === 'refused credentials' ? `${password}-wrong` : password]);
      assertNowhere(shown('main', result), secrets);
    });
  }
});
