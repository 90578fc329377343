// The long fault-injected run: a real Distribution registry behind the fault proxy, charts pushed
// through it with 1 to 3 faults each, every success confirmed by real Helm 4.1.
//   npx tsx scripts/fault-soak.ts --runs 200 --seed 7 [--action-every 4] [--quiet]
// Exits 1 on any false success, unclear failure, run over its time bound or leaked credential.
import { parseArgs } from 'node:util';
import { runFaultSuite, summary } from '../test/support/fault-suite.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100' },
    seed: { type: 'string', default: String(Date.now() % 100_000) },
    'action-every': { type: 'string', default: '4' },
    quiet: { type: 'boolean', default: false },
  },
});
const number = (name: string, value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, got "${value}"`);
    process.exit(2);
  }
  return n;
};

const report = await runFaultSuite({
  seed: number('seed', values.seed),
  runs: number('runs', values.runs),
  actionEvery: number('action-every', values['action-every']),
  log: values.quiet ? undefined : (line) => console.log(line),
});
console.log(summary(report));
const bad = report.falseSuccesses + report.unclearFailures + report.overTime + report.credentialLeaks;
process.exit(bad === 0 ? 0 : 1);
