// The benchmark's command line (see bench/README.md) and the settings derived from it.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../test/support/action-runner.js';
import type { HelmVersion } from '../test/support/helm.js';
import type { Contender } from './bench.js';
import type { BenchAuth } from './registry.js';

const SECTIONS = ['main', 'start', 'scale', 'latency', 'large', 'concurrency'] as const;

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    skip: { type: 'string', default: '' },
    auth: { type: 'string', default: 'both' },
    helm: { type: 'string', default: '4.1' },
    delay: { type: 'string' },
    rtt: { type: 'string', default: '20' },
    reps: { type: 'string', default: '5' },
    'helm-reps-100': { type: 'string', default: '2' },
    'scale-reps': { type: 'string', default: '2' },
    'latency-reps': { type: 'string', default: '3' },
    workloads: { type: 'string', default: '1,20,100' },
    scale: { type: 'string', default: '10,100,1000' },
    rtts: { type: 'string', default: '5,20,50,100' },
    candidate: { type: 'string' },
    ours: { type: 'string' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: join(projectRoot, 'bench') },
    report: { type: 'string' },
    'node-options': { type: 'string' },
    // Older spellings, still accepted.
    'no-helm': { type: 'boolean', default: false },
    'no-concurrency': { type: 'boolean', default: false },
    'no-large': { type: 'boolean', default: false },
  },
});

const numbers = (text: string, what: string): number[] => {
  const list = text.split(',').map((s) => Number(s.trim()));
  if (list.length === 0 || list.some((n) => !Number.isFinite(n) || n < 0)) throw new Error(`--${what}: expected numbers separated by commas, got ${JSON.stringify(text)}`);
  return list;
};

const quick = args.quick;
const only = args.only ? args.only.split(',') : [...SECTIONS];
const skip = [...args.skip.split(',').filter(Boolean), ...(args['no-concurrency'] ? ['concurrency'] : []), ...(args['no-large'] ? ['large'] : [])];
for (const name of [...only, ...skip]) if (!(SECTIONS as readonly string[]).includes(name)) throw new Error(`unknown section ${JSON.stringify(name)}: use ${SECTIONS.join(', ')}`);
if (!['basic', 'token', 'both'].includes(args.auth)) throw new Error(`--auth: use basic, token or both (got ${JSON.stringify(args.auth)})`);

const HELM_LABELS: Record<string, { version: HelmVersion; key: string; label: string }> = {
  '4.1': { version: '4.1.4', key: 'helm4', label: 'Helm 4.1 loop' },
  '3.18': { version: '3.18.0', key: 'helm3', label: 'Helm 3.18 loop' },
};
const helmNames = args['no-helm'] || args.helm === 'none' ? [] : args.helm.split(',');
for (const name of helmNames) if (!HELM_LABELS[name]) throw new Error(`--helm: use 4.1, 3.18, both comma-separated, or none (got ${JSON.stringify(name)})`);

export const settings = {
  sections: SECTIONS.filter((s) => only.includes(s) && !skip.includes(s)),
  /** Token auth first: the sections that use one registry use the first. */
  auths: (args.auth === 'both' ? ['token', 'basic'] : [args.auth]) as BenchAuth[],
  /** Round trip the proxies add, ms (--delay is the older one-way spelling). */
  rttMs: args.delay !== undefined ? 2 * Number(args.delay) : Number(args.rtt),
  reps: quick ? 1 : Number(args.reps),
  helmReps100: quick ? 1 : Math.min(Number(args.reps), Number(args['helm-reps-100'])),
  scaleReps: quick ? 1 : Number(args['scale-reps']),
  latencyReps: quick ? 1 : Number(args['latency-reps']),
  workloads: quick ? [1, 5] : numbers(args.workloads, 'workloads'),
  scale: quick ? [5, 10, 20] : numbers(args.scale, 'scale'),
  rtts: quick ? [5, 50] : numbers(args.rtts, 'rtts'),
  latencyCharts: quick ? 5 : 20,
  concurrencySeries: [1, 2, 4, 8, 16, 32],
  concurrencyCharts: quick ? 10 : 100,
  concurrencyReps: quick ? 1 : 2,
  largeReps: quick ? 1 : 3,
  out: args.out,
  /** NODE_OPTIONS for the action's process, as a step's `env:` would set it. */
  nodeOptions: args['node-options'],
  /** Runs nothing: redraws results.md and the plots from a results.json this bench wrote. */
  reportFrom: args.report,
  quick,
};

/** The action as built in dist/, or another build with --ours PATH (e.g. main's, against a --candidate). */
export const OURS: Contender = { key: 'ours', label: 'helm-oci-publish', ...(args.ours ? { bundle: args.ours } : {}) };
/** Another build of the action (e.g. a branch's dist/main.js), run exactly like ours. */
const CANDIDATE: Contender | undefined = args.candidate ? { key: 'candidate', label: `candidate (${args.candidate})`, bundle: args.candidate } : undefined;
export const OUR_BUILDS: Contender[] = [OURS, ...(CANDIDATE ? [CANDIDATE] : [])];
export const HELMS: Contender[] = helmNames.map((n) => ({ key: HELM_LABELS[n]!.key, label: HELM_LABELS[n]!.label, helm: HELM_LABELS[n]!.version }));
/** The Helm loop the latency series compares with: the newest Helm given. */
export const LATENCY_HELM: Contender | undefined = HELMS[0];
