// Seeded fault-injected runs against a real Distribution registry behind the fault proxy. Each run
// packages a new chart and pushes it (with RegistryClient + pushChart and small timeouts, or by
// running dist/main.js with the action's defaults) while the proxy injects 1 to 3 faults. A run
// must end either in a success that real Helm 4.1 confirms (pull by digest from the registry
// itself, same files) or in a clear one-line failure, within its bound. Used by
// test/integration/fault-suite.test.ts (short) and scripts/fault-soak.ts (long).
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tar from 'tar';
import { configJson, packageChart } from '../../src/chart/index.js';
import { describeError } from '../../src/errors.js';
import { helmArtifact, pushChart, RegistryClient, type RetryPolicy, type TransportOptions } from '../../src/oci/index.js';
import { runStep, type StepResult } from './action-runner.js';
import { decider, FATAL, plan, seeded, type Planned, type RunMode } from './fault-plan.js';
import { startFaultProxy, type FaultKind, type FaultProxy } from './fault-proxy.js';
import { helmHome, runHelm, type HelmHome } from './helm.js';
import { startRegistry, type TestRegistry } from './registry.js';
import { makeTempDir, removeDir } from './tmp.js';

export interface FaultSuiteOptions {
  seed: number;
  runs: number;
  /** Every n-th run goes through dist/main.js (0: none). */
  actionEvery: number;
  log?: (line: string) => void;
}

export interface RunRecord {
  run: number;
  mode: RunMode;
  planned: string[];
  injected: FaultKind[];
  outcome: 'verified' | 'clean-failure' | 'false-success' | 'unclear-failure' | 'over-time';
  /** Only faults that may end a run (a lying digest, an endless body) were injected, yet it failed. */
  gaveUp: boolean;
  ms: number;
  detail: string;
}

export interface FaultSuiteReport {
  seed: number;
  runs: RunRecord[];
  faults: Partial<Record<FaultKind, number>>;
  verified: number;
  cleanFailures: number;
  falseSuccesses: number;
  unclearFailures: number;
  overTime: number;
  /** Failures of runs whose every fault was one a client should ride out (503s, resets, restarts…). */
  needlessFailures: number;
  credentialLeaks: number;
  ms: number;
}

// Small timeouts for the client runs, so a stall or a trickle costs seconds, not minutes.
const CLIENT_RETRY: Partial<RetryPolicy> = { maxElapsedMs: 10_000, baseDelayMs: 50, maxDelayMs: 1_000 };
const CLIENT_TRANSPORT: Omit<TransportOptions, 'plainHttp'> = { deadline: { baseMs: 1_500, perMiBMs: 2_000 }, idleTimeoutMs: 1_500 };
const CLIENT_STEP_MS = 40_000;
/** A run that takes longer has hung, as far as this suite is concerned. */
const RUN_BOUND_MS: Record<RunMode, number> = { client: 45_000, action: 90_000 };

interface Chart {
  name: string;
  version: string;
  dir: string;
  payload: Buffer;
}

async function writeChart(parent: string, name: string, version: string, payloadBytes: number): Promise<Chart> {
  const dir = join(parent, name);
  await mkdir(join(dir, 'templates'), { recursive: true });
  await mkdir(join(dir, 'files'), { recursive: true });
  const payload = Buffer.from(randomBytes(payloadBytes).toString('base64'));
  await writeFile(join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: ${version}\ndescription: fault suite chart\n`);
  await writeFile(join(dir, 'values.yaml'), 'greeting: hello\n');
  await writeFile(join(dir, 'templates', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  greeting: {{ .Values.greeting | quote }}\n');
  await writeFile(join(dir, 'files', 'payload.txt'), payload);
  return { name, version, dir, payload };
}

/** The step's outcome: the digest it reported, or the error it printed. */
type Outcome = { ok: true; digest: string } | { ok: false; message: string };

async function pushWithClient(env: SuiteEnv, chart: Chart, work: string): Promise<Outcome> {
  const created = new Date('2026-01-01T00:00:00Z');
  const packaged = await packageChart(chart.dir, { mtime: created, outDir: work });
  const artifact = helmArtifact({
    repository: `faults/${chart.name}`,
    tag: chart.version,
    config: configJson(packaged.metadata),
    chart: { digest: packaged.digest, size: packaged.size, open: () => createReadStream(packaged.path) },
    meta: packaged.metadata,
    created,
  });
  const client = new RegistryClient({
    host: env.proxy.host,
    credentials: { username: env.registry.username, password: env.registry.password },
    transport: { plainHttp: true, ...CLIENT_TRANSPORT },
    retry: CLIENT_RETRY,
    signal: AbortSignal.timeout(CLIENT_STEP_MS),
  });
  try {
    void client.prepare([{ repository: artifact.repository, reference: artifact.tag }]);
    const result = await pushChart(client, artifact, { ifExists: 'fail', sameChartFiles: async () => false });
    if (result.digest !== artifact.manifest.digest) return { ok: false, message: `reported ${result.digest}, not the chart's ${artifact.manifest.digest}` };
    return { ok: true, digest: result.digest };
  } catch (error) {
    return { ok: false, message: describeError(error) };
  } finally {
    await client.close();
  }
}

function errorCommands(result: StepResult): string[] {
  return `${result.stdout}\n${result.stderr}`
    .split('\n')
    .filter((line) => line.startsWith('::error::'))
    .map((line) => line.slice('::error::'.length).replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'));
}

async function pushWithAction(env: SuiteEnv, chart: Chart, workspace: string): Promise<Outcome> {
  const result = await runStep('main', {
    cwd: workspace,
    inputs: {
      chart: chart.name,
      registry: `oci://${env.proxy.host}/faults`,
      username: env.registry.username,
      password: env.registry.password,
      'plain-http': 'true',
      login: 'false',
    },
    env: { SOURCE_DATE_EPOCH: '1700000000' },
  });
  if (result.code === 0) return { ok: true, digest: result.outputs.digest ?? '' };
  const errors = errorCommands(result);
  return { ok: false, message: errors.length > 0 ? errors.join('\n') : `exit ${result.code} without an error line:\n${result.stdout}\n${result.stderr}` };
}

// A clear failure: says where, one line per chart, no stack, no secret.
function unclear(message: string, env: SuiteEnv): string | undefined {
  const secrets = [env.registry.password, Buffer.from(`${env.registry.username}:${env.registry.password}`).toString('base64')];
  if (secrets.some((s) => message.includes(s))) return 'a secret in the message';
  if (/^\s+at .+[:(]/m.test(message)) return 'a stack trace';
  const lines = message.split('\n').filter((l) => l.trim() !== '' && !/^helm-oci-publish: \d+ of \d+ charts? failed:$/.test(l));
  if (lines.length !== 1) return `${lines.length} lines`;
  if (!/could not|registry|failed|denied|refused|time/i.test(lines[0]!)) return 'says nothing about the registry';
  return undefined;
}

// What real Helm gets for this digest, from the registry itself (no proxy, no faults).
async function verify(env: SuiteEnv, chart: Chart, digest: string, work: string): Promise<string | undefined> {
  if (!/^sha256:[0-9a-f]{64}$/.test(digest)) return `no digest in the outputs (${digest})`;
  const dest = join(work, 'pulled');
  await mkdir(dest, { recursive: true });
  const pulled = await runHelm('4.1.4', ['pull', `oci://${env.registry.host}/faults/${chart.name}@${digest}`, '-d', dest, '--plain-http'], { home: env.home });
  if (pulled.code !== 0) return `helm pull by digest failed: ${pulled.stderr.trim()}`;
  const [file] = await readdir(dest);
  if (!file) return 'helm pull wrote nothing';
  const out = join(work, 'untarred');
  await mkdir(out, { recursive: true });
  await tar.x({ file: join(dest, file), cwd: out });
  const payload = await readFile(join(out, chart.name, 'files', 'payload.txt')).catch(() => undefined);
  if (!payload?.equals(chart.payload)) return 'the pulled chart does not hold the pushed files';
  const yaml = await readFile(join(out, chart.name, 'Chart.yaml'), 'utf8');
  if (!yaml.includes(`version: ${chart.version}`)) return `the pulled Chart.yaml is not version ${chart.version}`;
  const tagged = await env.direct.getManifest(`faults/${chart.name}`, chart.version);
  if (tagged?.digest !== digest) return `the tag points to ${tagged?.digest ?? 'nothing'}, not ${digest}`;
  return undefined;
}

export interface FaultEnv {
  registry: TestRegistry;
  proxy: FaultProxy;
  home: HelmHome;
  direct: RegistryClient;
  /** Where runs write their charts. */
  root: string;
  close(): Promise<void>;
}
type SuiteEnv = FaultEnv;

/** A registry (Basic auth) behind a fault proxy, and a Helm logged in to the registry itself. */
export async function startFaultEnv(): Promise<FaultEnv> {
  const root = await makeTempDir('fault-suite-');
  const registry = await startRegistry({ auth: 'basic' });
  const proxy = await startFaultProxy({ registry });
  const home = await helmHome();
  const direct = new RegistryClient({ host: registry.host, credentials: { username: registry.username, password: registry.password }, transport: { plainHttp: true } });
  const close = async (): Promise<void> => {
    await direct.close();
    await proxy.stop();
    await registry.stop();
    await home.remove();
    await removeDir(root);
  };
  const login = await runHelm('4.1.4', ['registry', 'login', registry.host, '--username', registry.username, '--password-stdin', '--plain-http'], { home, input: registry.password });
  if (login.code !== 0) {
    await close();
    throw new Error(`helm registry login failed: ${login.stderr}`);
  }
  return { registry, proxy, home, direct, root, close };
}

export interface RunSpec {
  seed: number;
  run: number;
  mode: RunMode;
  /** Faults to inject instead of the seeded choice. */
  faults?: Planned[];
}

/** One push through the proxy with its faults, judged: verified, a clean failure, or a defect. */
export async function runOne(env: FaultEnv, spec: RunSpec): Promise<RunRecord> {
  const { seed, run, mode } = spec;
  const random = seeded(seed * 100_003 + run);
  const work = join(env.root, `run-${seed}-${run}`);
  await mkdir(work, { recursive: true });
  const chart = await writeChart(work, `s${seed}-r${run}`, `1.0.${run}`, 20_000 + Math.floor(random() * 300_000));
  const planned = spec.faults ?? plan(random, mode, chart.payload.length);
  const before = env.proxy.injected.length;
  env.proxy.setDecide(decider(planned));
  const started = Date.now();
  let outcome: Outcome;
  try {
    outcome = mode === 'client' ? await pushWithClient(env, chart, work) : await pushWithAction(env, chart, work);
  } finally {
    env.proxy.setDecide(undefined);
    await env.proxy.settled();
  }
  if (env.proxy.restartErrors.length > 0) throw new Error(`the registry did not come back: ${env.proxy.restartErrors.join('; ')}`);
  const ms = Date.now() - started;
  const injected = env.proxy.injected.slice(before);
  const record = { run, mode, planned: planned.map((p) => p.label), injected, ms, gaveUp: false };
  if (ms > RUN_BOUND_MS[mode]) return { ...record, outcome: 'over-time', detail: outcome.ok ? 'succeeded, too late' : outcome.message };
  if (outcome.ok) {
    const wrong = await verify(env, chart, outcome.digest, work);
    return wrong ? { ...record, outcome: 'false-success', detail: wrong } : { ...record, outcome: 'verified', detail: outcome.digest };
  }
  const why = unclear(outcome.message, env);
  if (why) return { ...record, outcome: 'unclear-failure', detail: `${why}: ${outcome.message}` };
  return { ...record, outcome: 'clean-failure', gaveUp: !injected.some((k) => FATAL.has(k)), detail: outcome.message };
}

export function describeRun(record: RunRecord): string {
  return `run ${record.run} (${record.mode}, ${record.ms} ms): ${record.outcome}${record.gaveUp ? ' (needless)' : ''}; planned ${record.planned.join(', ')}; injected ${record.injected.join(', ') || 'nothing'}; ${record.detail.replace(/\n/g, ' | ')}`;
}

export async function runFaultSuite(options: FaultSuiteOptions): Promise<FaultSuiteReport> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const env = await startFaultEnv();
  const records: RunRecord[] = [];
  let leaks: number;
  try {
    for (let run = 0; run < options.runs; run++) {
      const mode: RunMode = options.actionEvery > 0 && run % options.actionEvery === options.actionEvery - 1 ? 'action' : 'client';
      const record = await runOne(env, { seed: options.seed, run, mode });
      records.push(record);
      log(describeRun(record));
    }
  } finally {
    leaks = env.proxy.credentialLeaks;
    await env.close();
  }
  const faults: Partial<Record<FaultKind, number>> = {};
  for (const kind of records.flatMap((r) => r.injected)) faults[kind] = (faults[kind] ?? 0) + 1;
  const count = (outcome: RunRecord['outcome']): number => records.filter((r) => r.outcome === outcome).length;
  return {
    seed: options.seed,
    runs: records,
    faults,
    verified: count('verified'),
    cleanFailures: count('clean-failure'),
    falseSuccesses: count('false-success'),
    unclearFailures: count('unclear-failure'),
    overTime: count('over-time'),
    needlessFailures: records.filter((r) => r.gaveUp).length,
    credentialLeaks: leaks,
    ms: Date.now() - started,
  };
}

export function summary(report: FaultSuiteReport): string {
  const faults = Object.entries(report.faults)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  const injected = Object.values(report.faults).reduce((a, b) => a + (b ?? 0), 0);
  return [
    `fault suite, seed ${report.seed}: ${report.runs.length} runs in ${(report.ms / 1000).toFixed(1)} s`,
    `faults injected: ${injected} (${faults || 'none'})`,
    `verified successes: ${report.verified}, clean failures: ${report.cleanFailures} (of which needless: ${report.needlessFailures}), false successes: ${report.falseSuccesses}, unclear failures: ${report.unclearFailures}, over time: ${report.overTime}, credential leaks: ${report.credentialLeaks}`,
  ].join('\n');
}
