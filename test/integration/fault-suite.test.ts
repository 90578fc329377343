// The short seeded fault suite (scripts/fault-soak.ts runs the long one): a real Distribution
// registry behind the fault proxy, each run a new chart pushed through 1 to 3 injected faults, by
// the RegistryClient or by dist/main.js (run `npm run build` first). Every success is confirmed by
// real Helm 4.1 pulling it by digest from the registry; every failure must be one clear line.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { uploadPut } from '../support/fault-plan.js';
import { describeRun, runFaultSuite, runOne, startFaultEnv, summary, type FaultEnv } from '../support/fault-suite.js';

const SEED = 20261202;
const RUNS = 6;

describe('fault suite', () => {
  it(`seed ${SEED}, ${RUNS} runs: no false success, no unclear failure, nothing over its bound, no leaked credential`, { timeout: 180_000 }, async () => {
    const lines: string[] = [];
    const report = await runFaultSuite({ seed: SEED, runs: RUNS, actionEvery: 3, log: (line) => lines.push(line) });
    const text = `${lines.join('\n')}\n${summary(report)}`;
    console.log(text.replace(/^/gm, '# '));
    assert.equal(report.runs.length, RUNS);
    assert.equal(report.falseSuccesses, 0, text);
    assert.equal(report.unclearFailures, 0, text);
    assert.equal(report.overTime, 0, text);
    assert.equal(report.credentialLeaks, 0, text);
    // Faults a client should ride out (5xx, 429, resets, stalls, restarts, redirects) never end a run.
    assert.equal(report.needlessFailures, 0, text);
    assert.ok(Object.values(report.faults).reduce((a, b) => a + (b ?? 0), 0) >= RUNS, 'every run injected something');
    assert.ok(report.verified >= RUNS / 2, text);
  });

  describe('with the action\'s defaults', () => {
    let env: FaultEnv;
    before(async () => {
      env = await startFaultEnv();
    });
    after(() => env.close());

    it('a registry killed mid-upload and back after 10 s is waited for, and the run succeeds', { timeout: 120_000 }, async () => {
      const record = await runOne(env, {
        seed: SEED,
        run: 100,
        mode: 'action',
        faults: [{ label: 'registry killed mid-upload for 10 s', fault: { kind: 'kill-registry', downMs: 10_000, afterBytes: 1 }, match: uploadPut, skip: 0, count: 1 }],
      });
      console.log(`# ${describeRun(record)}`);
      assert.equal(record.outcome, 'verified', record.detail);
      assert.deepEqual(record.injected, ['kill-registry']);
      assert.ok(record.ms >= 10_000, `${record.ms} ms`);
    });
  });
});
