// `npm run bench`: the action's committed dist/ bundle against a shell loop of `helm package` +
// `helm push` (real Helm 4.1, optionally 3.18), pushing to a real Distribution registry (token auth
// and htpasswd Basic auth) on loopback behind proxies that add a round trip and count requests.
// See bench/README.md for the sections and options, e.g.
//
//   npx tsx bench/run.ts [--only main,start,scale,latency,large,concurrency] [--auth basic|token|both]
//                        [--reps N] [--rtt MS] [--helm 4.1,3.18] [--candidate dist/main.js] [--quick] [--out DIR]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { actionNode, projectRoot } from '../test/support/action-runner.js';
import { HELM_VERSIONS } from '../test/support/helm.js';
import { makeTempDir, removeDir } from '../test/support/tmp.js';
import { Bench, describeRun, runBare, type Contender, type RunRecord } from './bench.js';
import { makeWorkspace, type Workspace } from './charts.js';
import { HELM_LOOP, TIME_BINARY } from './contenders.js';
import { HELMS, LATENCY_HELM, OUR_BUILDS, OURS, settings } from './options.js';
import { startBenchRegistry } from './registry.js';
import { report } from './report.js';

const log = (line: string): void => void process.stdout.write(`${line}\n`);

function ensureTools(): void {
  if (!existsSync(TIME_BINARY)) {
    if (process.getuid?.() === 0) {
      log('bench: installing GNU time (apt-get install time) to measure peak RSS');
      execFileSync('apt-get', ['install', '-y', '-qq', 'time'], { stdio: 'inherit' });
    } else {
      throw new Error(`${TIME_BINARY} is missing: install the Debian package "time" (GNU time measures peak RSS)`);
    }
  }
  for (const helm of HELMS) if (!existsSync(HELM_VERSIONS[helm.helm!])) throw new Error(`Helm ${helm.helm} is missing: run node scripts/setup-test-deps.mjs`);
  try {
    execFileSync('docker-registry', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error('docker-registry (CNCF Distribution) is not on PATH: run node scripts/setup-test-deps.mjs');
  }
  for (const build of OUR_BUILDS) {
    const bundle = build.bundle ?? join(projectRoot, 'dist', 'main.js');
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build`);
  }
}

/** Contenders in turn, the order rotating with the repetition, so none always runs first. */
const rotate = <T>(list: T[], rep: number): T[] => list.map((_, i) => list[(i + rep) % list.length]!);

class Workspaces {
  private readonly made = new Map<string, Workspace>();
  constructor(private readonly root: string) {}

  async charts(count: number): Promise<Workspace> {
    const key = String(count);
    if (!this.made.has(key)) this.made.set(key, await makeWorkspace(join(this.root, `charts-${count}`), count));
    return this.made.get(key)!;
  }

  /** One chart with ten 5 MB files of random bytes (Helm refuses files over 5 MiB): 50 MB. */
  async large(): Promise<Workspace> {
    if (!this.made.has('large')) {
      this.made.set(
        'large',
        await makeWorkspace(join(this.root, 'charts-large'), 1, {
          extraFiles: async (chartDir) => {
            await mkdir(join(chartDir, 'files'), { recursive: true });
            for (let i = 0; i < 10; i++) await writeFile(join(chartDir, 'files', `data-${i}.bin`), randomBytes(5_000_000));
          },
        }),
      );
    }
    return this.made.get('large')!;
  }
}

let runCounter = 0;
const namespace = (section: string, contender: Contender, rep: number): string => `${section}-${contender.key}-r${rep}-${runCounter++}`;

/** Runs `contender` on `ws` into fresh repositories, then (if asked) again: nothing new to push. */
async function newThenUnchanged(bench: Bench, contender: Contender, ws: Workspace, section: string, rep: number, phases: Array<'new' | 'unchanged'>, extra: { concurrency?: number } = {}): Promise<RunRecord[]> {
  const ns = namespace(section, contender, rep);
  const records: RunRecord[] = [];
  for (const phase of phases) {
    const record = await bench.run(contender, ws, ns, { section, charts: ws.names.length, phase, rep, ...extra });
    log(`${section.padEnd(11)} ${bench.auth.padEnd(5)} rtt ${String(bench.rttMs).padStart(3)}  r${rep + 1}  ${String(ws.names.length).padStart(4)} charts ${phase.padEnd(9)} ${contender.key.padEnd(9)} ${describeRun(record)}`);
    records.push(record);
  }
  return records;
}

/** Redraws results.md and the plots in --out from a saved results.json (same options as its run). */
/** results.md and the plots, in --out. */
async function writeReport(markdown: string, files: Record<string, string>): Promise<void> {
  await mkdir(settings.out, { recursive: true });
  for (const [name, content] of Object.entries({ ...files, 'results.md': `${markdown}\n` })) await writeFile(join(settings.out, name), content);
}

async function redraw(file: string): Promise<void> {
  const saved = JSON.parse(await readFile(file, 'utf8')) as { runs: RunRecord[]; bare: Parameters<typeof report>[0]['bare']; machine: Parameters<typeof report>[0]['machine'] };
  const { markdown, files } = report(saved);
  await writeReport(markdown, files);
  log(`bench: redrew results.md${Object.keys(files).map((f) => `, ${f}`).join('')} in ${settings.out} from ${file}`);
}

async function main(): Promise<void> {
  if (settings.reportFrom) return redraw(settings.reportFrom);
  ensureTools();
  const startedAt = new Date();
  const loadStart = loadavg();
  const machine = {
    /** The Node that runs the action (Node 24, as runners start a `node24` action). */
    node: execFileSync(actionNode(), ['--version'], { encoding: 'utf8' }).trim(),
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    distribution: execFileSync('docker-registry', ['--version'], { encoding: 'utf8' }).trim(),
    helm: Object.fromEntries(HELMS.map((h) => [h.helm!, execFileSync(HELM_VERSIONS[h.helm!], ['version', '--short'], { encoding: 'utf8' }).trim()])),
  };
  const { sections, auths, rttMs } = settings;
  log(`bench: ${machine.cpus} × ${machine.cpuModel}, node ${machine.node}, ${machine.distribution}`);
  log(`bench: sections ${sections.join(', ')}; auth ${auths.join(' and ')}; ${rttMs} ms round trip (a new connection pays one more); ${settings.reps} runs per measurement, ${settings.helmReps100} for the 100-chart Helm loops`);
  if (loadStart[0]! > machine.cpus) log(`bench: WARNING: load average ${loadStart[0]!.toFixed(1)} on ${machine.cpus} CPUs; timings will be noisy`);

  const work = await makeTempDir('bench-');
  const benches: Bench[] = [];
  const bare: Array<{ what: string; rep: number; wallMs: number; cpuMs: number; maxRssKiB: number }> = [];
  try {
    for (const auth of auths) {
      const registry = await startBenchRegistry({ delayMs: rttMs / 2, auth });
      const bench = new Bench(registry, rttMs, settings.nodeOptions);
      benches.push(bench);
      await bench.setup(HELMS);
      for (const l of bench.logins) log(`bench: ${l.contender} registry login (${auth} auth; once, not timed in the loops): ${l.wallMs} ms, ${l.requests} requests`);
    }
    const first = benches[0]!;
    const workspaces = new Workspaces(work);

    // The main comparison, for each kind of auth: every repetition runs every workload for every
    // contender, the order rotating, into fresh repositories ("new") and then again ("unchanged").
    if (sections.includes('main')) {
      for (const bench of benches) {
        for (let rep = 0; rep < settings.reps; rep++) {
          for (const count of settings.workloads) {
            const ws = await workspaces.charts(count);
            for (const contender of rotate([...OUR_BUILDS, ...HELMS], rep)) {
              if (contender.helm && count >= 100 && rep >= settings.helmReps100) continue;
              await newThenUnchanged(bench, contender, ws, 'main', rep, ['new', 'unchanged']);
            }
          }
        }
      }
    }

    // Start cost: `node -e 0` and the bundle with no inputs (it loads everything, then stops at the
    // first input error), spawn to exit; and one new chart, spawn to the first request.
    if (sections.includes('start')) {
      const ws = await workspaces.charts(1);
      for (let rep = 0; rep < settings.reps; rep++) {
        const node = await runBare(actionNode(), ['-e', '0'], work);
        bare.push({ what: 'node -e 0', rep, wallMs: Math.round(node.wallMs), cpuMs: Math.round(node.cpuMs), maxRssKiB: node.maxRssKiB });
        for (const build of OUR_BUILDS) {
          const noInputs = await runBare(actionNode(), [build.bundle ?? join(projectRoot, 'dist', 'main.js')], work);
          bare.push({ what: `${build.key}, no inputs`, rep, wallMs: Math.round(noInputs.wallMs), cpuMs: Math.round(noInputs.cpuMs), maxRssKiB: noInputs.maxRssKiB });
        }
        log(`start       node -e 0 ${Math.round(node.wallMs)} ms; no inputs: ${bare.slice(-OUR_BUILDS.length).map((b) => `${b.what} ${b.wallMs} ms (cpu ${b.cpuMs} ms)`).join('; ')}`);
        for (const build of rotate(OUR_BUILDS, rep)) await newThenUnchanged(first, build, ws, 'start', rep, ['new']);
      }
    }

    // Growth: new charts at the default concurrency, ours only (a 1000-chart Helm loop would take
    // an hour), time and peak memory against the number of charts.
    if (sections.includes('scale')) {
      for (let rep = 0; rep < settings.scaleReps; rep++) {
        for (const count of settings.scale) {
          const ws = await workspaces.charts(count);
          for (const build of rotate(OUR_BUILDS, rep)) await newThenUnchanged(first, build, ws, 'scale', rep, ['new']);
        }
      }
    }

    // Latency: 20 new charts at each round trip, ours against the Helm loop.
    if (sections.includes('latency')) {
      const ws = await workspaces.charts(settings.latencyCharts);
      const contenders = [...OUR_BUILDS, ...(LATENCY_HELM ? [LATENCY_HELM] : [])];
      try {
        for (let rep = 0; rep < settings.latencyReps; rep++) {
          for (const rtt of settings.rtts) {
            first.setRoundTrip(rtt);
            for (const contender of rotate(contenders, rep)) await newThenUnchanged(first, contender, ws, 'latency', rep, ['new']);
          }
        }
      } finally {
        first.setRoundTrip(rttMs);
      }
    }

    // One 50 MB chart (incompressible files): time and memory when the chart is large.
    if (sections.includes('large')) {
      const ws = await workspaces.large();
      for (let rep = 0; rep < settings.largeReps; rep++) {
        for (const contender of rotate([...OUR_BUILDS, ...HELMS], rep)) await newThenUnchanged(first, contender, ws, 'large', rep, ['new']);
      }
    }

    // What the concurrency input does: 100 new charts, ours only.
    if (sections.includes('concurrency')) {
      const ws = await workspaces.charts(settings.concurrencyCharts);
      for (let rep = 0; rep < settings.concurrencyReps; rep++) {
        for (const concurrency of settings.concurrencySeries) await newThenUnchanged(first, OURS, ws, 'concurrency', rep, ['new'], { concurrency });
      }
    }

    const loadEnd = loadavg();
    const runs = benches.flatMap((b) => b.runs);
    const { markdown, files } = report({ runs, bare, machine });
    log(`\n${markdown}`);
    log(`\nload average: ${loadStart.map((l) => l.toFixed(1)).join(' ')} at the start, ${loadEnd.map((l) => l.toFixed(1)).join(' ')} at the end`);
    await writeReport(markdown, files);
    const results = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      durationS: Math.round((Date.now() - startedAt.getTime()) / 1000),
      machine,
      loadAverage: { start: loadStart, end: loadEnd },
      settings: { ...settings, helms: HELMS, candidate: OUR_BUILDS[1], helmLoop: HELM_LOOP, oursInputs: { chart: 'charts/*', 'plain-http': 'true', concurrency: 'default (8) unless stated' } },
      logins: benches.flatMap((b) => b.logins),
      bare,
      runs,
    };
    await writeFile(join(settings.out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    log(`\nbench: wrote results.json, results.md${Object.keys(files).map((f) => `, ${f}`).join('')} to ${settings.out} (${results.durationS} s)`);
  } finally {
    for (const bench of benches) {
      await bench.teardown();
      await bench.registry.stop();
    }
    await removeDir(work);
  }
}

main().catch((error: unknown) => {
  process.exitCode = 1;
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
});
