// `npm run bench`: the action's committed dist/ bundle against a shell loop of `helm package` +
// `helm push` (real Helm 4.1 and 3.18), pushing to a real Distribution registry with token auth on
// loopback behind proxies that add a delay each way and count requests. See bench/README.md.
//
//   npx tsx bench/run.ts [--delay MS] [--reps N] [--helm-reps-100 N] [--workloads 1,20,100]
//                        [--no-concurrency] [--no-large] [--no-helm] [--candidate dist/main.js] [--quick] [--out DIR]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { projectRoot } from '../test/support/action-runner.js';
import { HELM_VERSIONS, helmHome, type HelmHome, type HelmVersion } from '../test/support/helm.js';
import { makeTempDir, removeDir } from '../test/support/tmp.js';
import { makeWorkspace, type Workspace } from './charts.js';
import { helmLogin, runHelmLoop, runOurs, TIME_BINARY, type ProcessRun } from './contenders.js';
import { startBenchRegistry, type BenchRegistry } from './registry.js';
import { ratioChart } from './svg.js';

const { values: args } = parseArgs({
  options: {
    delay: { type: 'string', default: '10' },
    reps: { type: 'string', default: '5' },
    'helm-reps-100': { type: 'string', default: '2' },
    workloads: { type: 'string', default: '1,20,100' },
    candidate: { type: 'string' },
    'no-helm': { type: 'boolean', default: false },
    'no-concurrency': { type: 'boolean', default: false },
    'no-large': { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: join(projectRoot, 'bench') },
  },
});

const DELAY = Number(args.delay);
const REPS = args.quick ? 1 : Number(args.reps);
const HELM_REPS_100 = args.quick ? 1 : Math.min(REPS, Number(args['helm-reps-100']));
const WORKLOADS = args.quick ? [1, 5] : args.workloads!.split(',').map(Number);
const CONCURRENCY_SERIES = [1, 2, 4, 8, 16, 32];
const CONCURRENCY_CHARTS = args.quick ? 10 : 100;
const CONCURRENCY_REPS = args.quick ? 1 : 2;
const LARGE_REPS = args.quick ? 1 : 3;
const LARGE_FILES = 10;
const LARGE_FILE_BYTES = 5_000_000; // Helm refuses files over 5 MiB: ten of them make a 50 MB chart
const HELMS: Array<{ version: HelmVersion; label: string; key: string }> = args['no-helm']
  ? []
  : [
      { version: '4.1.4', label: 'Helm 4.1 loop', key: 'helm4' },
      { version: '3.18.0', label: 'Helm 3.18 loop', key: 'helm3' },
    ];
const OURS = { label: 'helm-oci-publish', key: 'ours' };
// Another build of the action (e.g. a branch's dist/main.js), run exactly like ours, for comparisons.
const CANDIDATE = args.candidate ? { label: `candidate (${args.candidate})`, key: 'candidate', bundle: args.candidate } : undefined;
const OUR_BUILDS = [{ ...OURS, bundle: undefined as string | undefined }, ...(CANDIDATE ? [CANDIDATE] : [])];

type Phase = 'new' | 'unchanged';

interface RunRecord {
  workload: number | string;
  phase: Phase;
  contender: string;
  rep: number;
  concurrency?: number;
  wallMs: number;
  cpuMs: number;
  maxRssKiB: number;
  requests: number;
  tokenRequests: number;
  /** Requests after the first token request (later tokens included). */
  requestsAfterFirstToken: number;
  connections: number;
  /** From spawn to the first request reaching the registry: start-up and packaging. */
  firstRequestMs: number;
}

const log = (line: string): void => void process.stdout.write(`${line}\n`);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function ensureTools(): void {
  if (!existsSync(TIME_BINARY)) {
    if (process.getuid?.() === 0) {
      log('bench: installing GNU time (apt-get install time) to measure peak RSS');
      execFileSync('apt-get', ['install', '-y', '-qq', 'time'], { stdio: 'inherit' });
    } else {
      throw new Error(`${TIME_BINARY} is missing: install the Debian package "time" (GNU time measures peak RSS)`);
    }
  }
  for (const [version, path] of Object.entries(HELM_VERSIONS)) {
    if (!existsSync(path)) throw new Error(`Helm ${version} is missing at ${path}: run node scripts/setup-test-deps.mjs`);
  }
  try {
    execFileSync('docker-registry', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error('docker-registry (CNCF Distribution) is not on PATH: run node scripts/setup-test-deps.mjs');
  }
  if (!existsSync(join(projectRoot, 'dist', 'main.js'))) throw new Error('dist/main.js is missing: run npm run build');
}

class Bench {
  readonly runs: RunRecord[] = [];
  private ourHome!: HelmHome;
  private readonly helmHomes = new Map<HelmVersion, HelmHome>();
  readonly logins: Array<{ contender: string; wallMs: number; requests: number }> = [];

  constructor(readonly registry: BenchRegistry) {}

  async setup(): Promise<void> {
    this.ourHome = await helmHome();
    for (const helm of HELMS) {
      const home = await helmHome();
      this.helmHomes.set(helm.version, home);
      const mark = this.registry.log.mark();
      const login = await helmLogin(helm.version, home, this.registry.host, this.registry.username, this.registry.password);
      if (login.code !== 0) throw new Error(`helm ${helm.version} registry login failed:\n${login.stderr}`);
      this.logins.push({ contender: helm.key, wallMs: login.wallMs, requests: this.registry.log.since(mark).length });
    }
  }

  async teardown(): Promise<void> {
    await this.ourHome?.remove();
    for (const home of this.helmHomes.values()) await home.remove();
  }

  private record(base: Omit<RunRecord, 'wallMs' | 'cpuMs' | 'maxRssKiB' | 'requests' | 'tokenRequests' | 'requestsAfterFirstToken' | 'connections' | 'firstRequestMs'>, run: ProcessRun, mark: number, connectionsBefore: number): RunRecord {
    const requests = this.registry.log.since(mark);
    const firstToken = requests.findIndex((r) => r.target === 'token');
    const record: RunRecord = {
      ...base,
      wallMs: Math.round(run.wallMs),
      cpuMs: Math.round(run.cpuMs),
      maxRssKiB: run.maxRssKiB,
      requests: requests.length,
      tokenRequests: requests.filter((r) => r.target === 'token').length,
      requestsAfterFirstToken: firstToken === -1 ? requests.length : requests.length - firstToken - 1,
      connections: this.registry.log.connections - connectionsBefore,
      firstRequestMs: requests.length > 0 ? Math.round(requests[0]!.at - run.startedAt) : NaN,
    };
    this.runs.push(record);
    return record;
  }

  async ours(workspace: Workspace, namespace: string, phase: Phase, base: { workload: number | string; rep: number; concurrency?: number }, build: { key: string; bundle?: string } = OURS): Promise<RunRecord> {
    const mark = this.registry.log.mark();
    const connections = this.registry.log.connections;
    const run = await runOurs({
      bundle: build.bundle,
      workspace: workspace.dir,
      home: this.ourHome,
      inputs: {
        chart: 'charts/*',
        registry: `oci://${this.registry.host}/${namespace}`,
        username: this.registry.username,
        password: this.registry.password,
        'plain-http': 'true',
        ...(base.concurrency ? { concurrency: String(base.concurrency) } : {}),
      },
    });
    if (run.code !== 0) throw new Error(`the action failed (${namespace}, ${phase}):\n${run.stdout.slice(-4000)}\n${run.stderr.slice(-2000)}`);
    const charts = JSON.parse(run.outputs.charts ?? '[]') as Array<{ status: string }>;
    const expected = phase === 'new' ? 'pushed' : 'unchanged';
    if (charts.length !== workspace.names.length || charts.some((c) => c.status !== expected)) {
      throw new Error(`the action reported ${charts.map((c) => c.status).join(', ')} for ${namespace} (${phase}), expected ${workspace.names.length} × ${expected}`);
    }
    return this.record({ ...base, phase, contender: build.key }, run, mark, connections);
  }

  async helm(version: HelmVersion, key: string, workspace: Workspace, namespace: string, phase: Phase, base: { workload: number | string; rep: number }): Promise<RunRecord> {
    const mark = this.registry.log.mark();
    const connections = this.registry.log.connections;
    const run = await runHelmLoop({ version, home: this.helmHomes.get(version)!, workspace: workspace.dir, registry: `${this.registry.host}/${namespace}` });
    const pushed = (`${run.stdout}\n${run.stderr}`.match(/^Pushed: /gm) ?? []).length;
    if (run.code !== 0 || pushed !== workspace.names.length) {
      throw new Error(`the Helm ${version} loop failed (${namespace}, ${phase}; ${pushed} pushed):\n${run.stderr.slice(-4000)}`);
    }
    return this.record({ ...base, phase, contender: key }, run, mark, connections);
  }
}

function describeRun(r: RunRecord, charts: number): string {
  const perChart = (r.requestsAfterFirstToken / charts).toFixed(1);
  return `${String(r.wallMs).padStart(6)} ms  1st req ${String(r.firstRequestMs).padStart(5)} ms  cpu ${String(r.cpuMs).padStart(6)} ms  ${perChart.padStart(5)} req/chart  ${(r.maxRssKiB / 1024).toFixed(0).padStart(4)} MB  ${r.connections} conn`;
}

interface SummaryRow {
  workload: number | string;
  phase: Phase;
  contender: string;
  label: string;
  runs: number;
  wallMsMedian: number;
  wallMsMin: number;
  wallMsMax: number;
  cpuMsMedian: number;
  maxRssMiBMedian: number;
  requestsPerChart: number;
  requestsPerChartAfterFirstToken: number;
  tokenRequests: number;
  connections: number;
  /** This contender's median wall time ÷ ours (1 for ours). */
  ratioToOurs: number;
}

function summarize(runs: RunRecord[], workloads: Array<number | string>, chartsOf: (w: number | string) => number): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const contenders = [...OUR_BUILDS, ...HELMS];
  for (const workload of workloads) {
    for (const phase of ['new', 'unchanged'] as const) {
      const ours = runs.filter((r) => r.workload === workload && r.phase === phase && r.contender === OURS.key && r.concurrency === undefined);
      if (ours.length === 0) continue;
      const oursMedian = median(ours.map((r) => r.wallMs));
      for (const contender of contenders) {
        const own = runs.filter((r) => r.workload === workload && r.phase === phase && r.contender === contender.key && r.concurrency === undefined);
        if (own.length === 0) continue;
        const charts = chartsOf(workload);
        const wall = own.map((r) => r.wallMs);
        const last = own.at(-1)!;
        rows.push({
          workload,
          phase,
          contender: contender.key,
          label: contender.label,
          runs: own.length,
          wallMsMedian: Math.round(median(wall)),
          wallMsMin: Math.min(...wall),
          wallMsMax: Math.max(...wall),
          cpuMsMedian: Math.round(median(own.map((r) => r.cpuMs))),
          maxRssMiBMedian: Math.round(median(own.map((r) => r.maxRssKiB)) / 1024),
          requestsPerChart: Number((median(own.map((r) => r.requests)) / charts).toFixed(2)),
          requestsPerChartAfterFirstToken: Number((median(own.map((r) => r.requestsAfterFirstToken)) / charts).toFixed(2)),
          tokenRequests: last.tokenRequests,
          connections: last.connections,
          ratioToOurs: Number((median(wall) / oursMedian).toFixed(2)),
        });
      }
    }
  }
  return rows;
}

function markdownTable(rows: SummaryRow[], chartsOf: (w: number | string) => number): string {
  const lines = [
    '| charts | push | contender | wall time, median (min–max) | × ours | requests per chart¹ | peak RSS | CPU time |',
    '|---:|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const charts = chartsOf(r.workload);
    const workload = typeof r.workload === 'number' ? String(r.workload) : `${r.workload}`;
    const wall = r.wallMsMedian >= 10_000 ? `${(r.wallMsMedian / 1000).toFixed(1)} s` : `${r.wallMsMedian} ms`;
    const range = r.wallMsMedian >= 10_000 ? `${(r.wallMsMin / 1000).toFixed(1)}–${(r.wallMsMax / 1000).toFixed(1)} s` : `${r.wallMsMin}–${r.wallMsMax} ms`;
    const ratio = r.contender === OURS.key ? '1' : `**${r.ratioToOurs.toFixed(1)}×**`;
    const label = r.contender === OURS.key ? `**${r.label}**` : r.label;
    const reqs = `${r.requestsPerChartAfterFirstToken.toFixed(charts >= 20 ? 2 : 0)}`;
    lines.push(`| ${workload} | ${r.phase} | ${label} | ${wall} (${range}) [${r.runs}] | ${ratio} | ${reqs} | ${r.maxRssMiBMedian} MB | ${r.cpuMsMedian} ms |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  ensureTools();
  const startedAt = new Date();
  const loadStart = loadavg();
  const machine = {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    distribution: execFileSync('docker-registry', ['--version'], { encoding: 'utf8' }).trim(),
    helm: Object.fromEntries(HELMS.map((h) => [h.version, execFileSync(HELM_VERSIONS[h.version], ['version', '--short'], { encoding: 'utf8' }).trim()])),
  };
  log(`bench: ${machine.cpus} × ${machine.cpuModel}, node ${machine.node}, ${machine.distribution}`);
  log(`bench: delay ${DELAY} ms each way (${2 * DELAY} ms round trip; a new connection pays one more round trip), ${REPS} runs per measurement, ${HELM_REPS_100} for the 100-chart Helm loops`);
  if (loadStart[0]! > machine.cpus) log(`bench: WARNING: load average ${loadStart[0]!.toFixed(1)} on ${machine.cpus} CPUs; timings will be noisy`);

  const work = await makeTempDir('bench-');
  const registry = await startBenchRegistry({ delayMs: DELAY });
  const bench = new Bench(registry);
  try {
    const workspaces = new Map<number, Workspace>();
    for (const count of new Set([...WORKLOADS, CONCURRENCY_CHARTS])) workspaces.set(count, await makeWorkspace(join(work, `charts-${count}`), count));
    await bench.setup();
    for (const l of bench.logins) log(`bench: ${l.contender} registry login (once, not timed in the loops): ${Math.round(l.wallMs)} ms, ${l.requests} requests`);

    // The main comparison: every repetition runs every workload for every contender, the order of
    // contenders rotating, each into fresh repositories ("new") and then again ("unchanged").
    const contenders = [...OUR_BUILDS.map((b) => b.key), ...HELMS.map((h) => h.key)];
    for (let rep = 0; rep < REPS; rep++) {
      for (const workload of WORKLOADS) {
        const ws = workspaces.get(workload)!;
        const order = contenders.map((_, i) => contenders[(i + rep) % contenders.length]!);
        for (const key of order) {
          const helm = HELMS.find((h) => h.key === key);
          if (helm && workload >= 100 && rep >= HELM_REPS_100) continue;
          const namespace = `${key}-w${workload}-r${rep}`;
          for (const phase of ['new', 'unchanged'] as const) {
            const record = helm
              ? await bench.helm(helm.version, helm.key, ws, namespace, phase, { workload, rep })
              : await bench.ours(ws, namespace, phase, { workload, rep }, OUR_BUILDS.find((b) => b.key === key));
            log(`run ${rep + 1}/${REPS}  ${String(workload).padStart(3)} charts  ${phase.padEnd(9)}  ${key.padEnd(6)} ${describeRun(record, workload)}`);
          }
        }
      }
    }

    // What the concurrency input does: 100 new charts, ours only.
    if (!args['no-concurrency']) {
      const ws = workspaces.get(CONCURRENCY_CHARTS)!;
      for (let rep = 0; rep < CONCURRENCY_REPS; rep++) {
        for (const concurrency of CONCURRENCY_SERIES) {
          const record = await bench.ours(ws, `conc-${concurrency}-r${rep}`, 'new', { workload: `${CONCURRENCY_CHARTS}@c${concurrency}`, rep, concurrency });
          log(`concurrency ${String(concurrency).padStart(2)}  ${CONCURRENCY_CHARTS} charts new  ${describeRun(record, CONCURRENCY_CHARTS)}`);
        }
      }
    }

    // One 50 MB chart (incompressible files): memory and time when the chart is large.
    if (!args['no-large']) {
      const ws = await makeWorkspace(join(work, 'charts-large'), 1, {
        extraFiles: async (chartDir) => {
          await mkdir(join(chartDir, 'files'), { recursive: true });
          for (let i = 0; i < LARGE_FILES; i++) await writeFile(join(chartDir, 'files', `data-${i}.bin`), randomBytes(LARGE_FILE_BYTES));
        },
      });
      for (let rep = 0; rep < LARGE_REPS; rep++) {
        const order = contenders.map((_, i) => contenders[(i + rep) % contenders.length]!);
        for (const key of order) {
          const helm = HELMS.find((h) => h.key === key);
          const namespace = `${key}-large-r${rep}`;
          const base = { workload: 'large', rep };
          const record = helm
            ? await bench.helm(helm.version, helm.key, ws, namespace, 'new', base)
            : await bench.ours(ws, namespace, 'new', base, OUR_BUILDS.find((b) => b.key === key));
          log(`large (50 MB chart) new  ${key.padEnd(6)} ${describeRun(record, 1)}`);
        }
      }
    }

    const loadEnd = loadavg();
    const chartsOf = (w: number | string): number => (typeof w === 'number' ? w : w === 'large' ? 1 : CONCURRENCY_CHARTS);
    const summary = summarize(bench.runs, [...WORKLOADS, ...(args['no-large'] ? [] : ['large'])], chartsOf);
    const concurrency = CONCURRENCY_SERIES.map((c) => {
      const own = bench.runs.filter((r) => r.concurrency === c);
      return own.length === 0
        ? undefined
        : {
            concurrency: c,
            charts: CONCURRENCY_CHARTS,
            runs: own.length,
            wallMsMedian: Math.round(median(own.map((r) => r.wallMs))),
            maxRssMiBMedian: Math.round(median(own.map((r) => r.maxRssKiB)) / 1024),
            connections: own.at(-1)!.connections,
          };
    }).filter((c) => c !== undefined);

    const table = markdownTable(summary, chartsOf);
    log('\n## Results\n');
    log(table);
    if (concurrency.length > 0) {
      log('\n## concurrency (100 new charts, helm-oci-publish)\n');
      log('| concurrency | wall time, median | peak RSS | connections |\n|---:|---:|---:|---:|');
      for (const c of concurrency) log(`| ${c.concurrency} | ${c.wallMsMedian} ms | ${c.maxRssMiBMedian} MB | ${c.connections} |`);
    }
    log(`\nload average: ${loadStart.map((l) => l.toFixed(1)).join(' ')} at the start, ${loadEnd.map((l) => l.toFixed(1)).join(' ')} at the end`);

    const ratioOf = (workload: number, phase: Phase, key: string): number => summary.find((r) => r.workload === workload && r.phase === phase && r.contender === key)?.ratioToOurs ?? NaN;
    const targets: Record<number, number> = { 1: 2, 20: 10, 100: 15 };
    const svg = ratioChart({
      title: 'How many times faster than a helm package + helm push loop',
      subtitle: `median wall time of the loop ÷ helm-oci-publish; Distribution ${machine.distribution.split(' ').at(-1)}, ${2 * DELAY} ms round trip, ${machine.cpus} CPUs`,
      series: HELMS.map((h) => h.label),
      groups: WORKLOADS.flatMap((w) =>
        (['new', 'unchanged'] as const).map((phase) => ({
          label: `${w} chart${w === 1 ? '' : 's'}, ${phase}`,
          values: HELMS.map((h) => ratioOf(w, phase, h.key)),
          ...(phase === 'new' && targets[w] ? { target: targets[w] } : {}),
        })),
      ),
    });
    await mkdir(args.out!, { recursive: true });
    if (HELMS.length > 0) await writeFile(join(args.out!, 'ratios.svg'), svg);
    const results = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine,
      loadAverage: { start: loadStart, end: loadEnd },
      settings: {
        delayMsEachWay: DELAY,
        roundTripMs: 2 * DELAY,
        newConnectionExtraRoundTrip: true,
        reps: REPS,
        helmRepsFor100Charts: HELM_REPS_100,
        workloads: WORKLOADS,
        helmLoop: (await import('./contenders.js')).HELM_LOOP,
        oursInputs: { chart: 'charts/*', 'plain-http': 'true', concurrency: 'default (8) unless stated' },
      },
      logins: bench.logins,
      summary,
      concurrency,
      runs: bench.runs,
    };
    await writeFile(join(args.out!, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    log(`\nbench: wrote ${join(args.out!, 'results.json')} and ${join(args.out!, 'ratios.svg')} (${Math.round((Date.now() - startedAt.getTime()) / 1000)} s)`);
  } finally {
    await bench.teardown();
    await registry.stop();
    await removeDir(work);
  }
}

main().catch((error: unknown) => {
  process.exitCode = 1;
  console.error(error instanceof Error ? error.stack ?? error.message : error);
});
