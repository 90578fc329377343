// `npm run demo`: starts a local CNCF Distribution registry with Basic auth on a loopback port,
// publishes examples/hello through the committed dist/ bundle exactly as a runner would, prints
// the outputs, then runs the same step again to show that nothing is pushed twice.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot, runStep, type StepResult } from '../test/support/action-runner.js';
import { startRegistry } from '../test/support/registry.js';

function ensureRegistryBinary(): void {
  // The same installer the tests use: apt-get install docker-registry when it is missing.
  execFileSync(process.execPath, [join(projectRoot, 'scripts', 'setup-test-deps.mjs'), '--registry-only'], { stdio: 'inherit' });
}

function show(title: string, step: StepResult): void {
  console.log(`\n=== ${title} (exit ${step.code}) ===`);
  process.stdout.write(step.stdout.replace(/^::(debug|add-mask)::.*\n/gm, ''));
  if (step.stderr) process.stderr.write(step.stderr);
  console.log('--- outputs ---');
  for (const [name, value] of Object.entries(step.outputs)) console.log(`${name.padEnd(10)} ${value}`);
}

async function main(): Promise<void> {
  ensureRegistryBinary();
  if (!existsSync(join(projectRoot, 'dist', 'main.js'))) throw new Error('dist/main.js is missing: run npm run build');
  const registry = await startRegistry({ auth: 'basic' });
  const scratch = mkdtempSync(join(tmpdir(), 'helm-oci-publish-demo-'));
  try {
    console.log(`Local registry with Basic auth at ${registry.baseUrl}`);
    const inputs = {
      chart: 'examples/hello',
      registry: `oci://${registry.host}/demo`,
      username: registry.username,
      password: registry.password,
      version: 'v0.1.0+demo.1',
      'plain-http': 'true',
    };
    // A throwaway Helm registry config, so the demo's login never touches yours.
    const env = { SOURCE_DATE_EPOCH: '1767225600', HELM_REGISTRY_CONFIG: join(scratch, 'registry-config.json') };
    const first = await runStep('main', { inputs, env });
    show('First run', first);
    const post = await runStep('post', { inputs, env, state: first.state });
    const second = await runStep('main', { inputs, env });
    show('Second run: same chart, nothing to push', second);
    await runStep('post', { inputs, env, state: second.state });
    if (first.code !== 0 || second.code !== 0 || post.code !== 0) process.exitCode = 1;
    else console.log(`\nDeploy it with:\n  helm upgrade --install hello ${first.outputs.ref} --plain-http`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await registry.stop();
  }
}

await main();
