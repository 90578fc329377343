// Bad input to dist/main.js: each case fails the step with exit code 1 and one ::error:: line that
// says what to change, no stack trace (not in the log, and not in the ::debug:: lines either), and
// no connection at all to the registry (counted by a TCP forwarder in front of a real registry; a
// good run through the same forwarder proves it counts).
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeMinimalChart } from '../support/charts.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { Cleanup } from '../support/tmp.js';
import type { StepResult } from '../support/action-runner.js';
import {
  assertSucceeded,
  errorLines,
  fullOutput,
  publish,
  STACK_FRAME,
  startCountingForwarder,
  transcript,
  visibleOutput,
  type CountingForwarder,
} from './action-e2e-shared.js';

const cleanup = new Cleanup();
let reg: TestRegistry;
let forwarder: CountingForwarder;
let ws: string;

before(async () => {
  reg = await startRegistry({ auth: 'basic' });
  cleanup.add(() => reg.stop());
  forwarder = await startCountingForwarder(reg);
  cleanup.add(() => forwarder.stop());
  ws = await cleanup.tempDir('action-e2e-inputs-');
  await writeMinimalChart(ws, { name: 'first', version: '0.1.0' });
  await writeMinimalChart(ws, { name: 'second', version: '0.1.0' });
  const badVersion = await writeMinimalChart(ws, { name: 'bad-version' });
  await writeFile(join(badVersion, 'Chart.yaml'), 'apiVersion: v2\nname: bad-version\nversion: 1.2\n');
  const upper = await writeMinimalChart(ws, { name: 'upper' });
  await writeFile(join(upper, 'Chart.yaml'), 'apiVersion: v2\nname: MyChart\nversion: 0.1.0\n');
});
after(() => cleanup.run());

interface BadInput {
  title: string;
  inputs: () => Record<string, string>;
  /** What the one error line must say (what to change). */
  says: () => RegExp[];
}

const registry = () => `oci://${forwarder.host}/ns`;

const CASES: BadInput[] = [
  {
    title: 'registry written as https://',
    inputs: () => ({ registry: `https://${forwarder.host}/ns` }),
    says: () => [/https:\/\//, new RegExp(`use oci://${forwarder.host}/ns`)],
  },
  {
    title: 'registry written as http://',
    inputs: () => ({ registry: `http://${forwarder.host}/ns` }),
    says: () => [new RegExp(`use oci://${forwarder.host}/ns`), /plain-http/],
  },
  { title: 'registry without a host', inputs: () => ({ registry: 'oci:///ns' }), says: () => [/no host/, /oci:\/\/host/] },
  { title: 'a chart path that does not exist', inputs: () => ({ chart: 'charts/missing' }), says: () => [/charts\/missing/, /does not exist/] },
  { title: 'Chart.yaml with a version that is not SemVer', inputs: () => ({ chart: 'bad-version' }), says: () => [/bad-version/, /1\.2/, /[Ss]em[Vv]er/] },
  { title: 'a chart name with upper case', inputs: () => ({ chart: 'upper' }), says: () => [/MyChart/, /lower case/, /rename/] },
  { title: 'version: not-semver', inputs: () => ({ version: 'not-semver' }), says: () => [/"version"/, /not-semver/, /SemVer/, /1\.4\.0/] },
  { title: 'version with two charts', inputs: () => ({ chart: 'first\nsecond', version: '1.0.0' }), says: () => [/"version"/, /single chart/, /2/] },
  { title: 'if-exists: maybe', inputs: () => ({ 'if-exists': 'maybe' }), says: () => [/if-exists/, /maybe/, /fail, skip, overwrite/] },
  { title: 'plain-http together with ca-file', inputs: () => ({ 'ca-file': join(ws, 'ca.pem') }), says: () => [/plain-http/, /ca-file/, /drop/] },
];

describe('bad input fails before any network traffic', () => {
  const results = new Map<string, StepResult>();

  test('each case: exit 1, one ::error:: saying what to change, no stack trace in the log', { concurrency: true }, async (t) => {
    await Promise.all(
      CASES.map((c) =>
        t.test(c.title, async () => {
          const result = await publish({ workspace: ws, registry: reg, inputs: { chart: 'first', registry: registry(), ...c.inputs() } });
          results.set(c.title, result);
          assert.equal(result.code, 1, transcript(result));
          const errors = errorLines(result);
          assert.equal(errors.length, 1, `expected one ::error:: line\n${transcript(result)}`);
          for (const pattern of c.says()) assert.match(errors[0]!, pattern);
          assert.doesNotMatch(visibleOutput(result), STACK_FRAME, 'a stack trace in the log');
          assert.equal(result.outputs.charts, undefined, 'outputs were set for input that was refused');
        }),
      ),
    );
    assert.equal(forwarder.connections(), 0, 'a run with bad input connected to the registry');
  });

  test('no stack trace even in the ::debug:: lines (shown with step debug logging)', () => {
    assert.equal(results.size, CASES.length);
    const withFrames = [...results].filter(([, result]) => STACK_FRAME.test(fullOutput(result))).map(([title]) => title);
    const [first] = withFrames;
    assert.deepEqual(withFrames, [], first ? `e.g. ${first}:\n${fullOutput(results.get(first)!)}` : '');
  });

  test('the forwarder does count: a good run through it connects', async () => {
    const result = await publish({ workspace: ws, registry: reg, inputs: { chart: 'first', registry: registry() } });
    assertSucceeded(result);
    assert.ok(forwarder.connections() > 0);
  });
});
