// Turns the recorded runs into the Markdown tables, the targets of issue 13 with what was measured,
// and the SVG plots (ratios.svg, latency.svg).
import type { RunRecord } from './bench.js';
import { HELMS, LATENCY_HELM, OUR_BUILDS, OURS, settings } from './options.js';
import type { BenchAuth } from './registry.js';
import { formatMs, linearFit, median } from './stats.js';
import { lineChart, ratioChart } from './svg.js';

interface BareRun {
  what: string;
  wallMs: number;
  cpuMs: number;
  maxRssKiB: number;
}

type Filter = Partial<Pick<RunRecord, 'section' | 'auth' | 'charts' | 'phase' | 'contender' | 'rttMs' | 'concurrency'>>;

const select = (runs: RunRecord[], filter: Filter): RunRecord[] => runs.filter((r) => Object.entries(filter).every(([k, v]) => r[k as keyof RunRecord] === v));
const med = (runs: RunRecord[], field: 'wallMs' | 'cpuMs' | 'maxRssKiB' | 'firstRequestMs' | 'requestsAfterSetup' | 'connections' | 'registryCpuMs'): number => median(runs.map((r) => r[field]));
const mb = (kib: number): string => `${Math.round(kib / 1024)} MB`;
/** Share of the machine's CPUs the run kept busy: the contender, the registry and the harness. */
const busy = (runs: RunRecord[], cpus: number): string => {
  const share = median(runs.map((r) => (r.cpuMs + r.registryCpuMs + r.harnessCpuMs) / (r.wallMs * cpus)));
  return Number.isFinite(share) ? `${Math.round(share * 100)} %` : '–';
};
const ratio = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(1)}×` : '–');

function mainTable(runs: RunRecord[], auth: BenchAuth, cpus: number): string[] {
  const lines = [
    `| charts | push | contender | wall time, median (min–max) [runs] | × ours | requests per chart¹ | peak RSS | CPU time | machine busy² |`,
    '|---:|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const charts of settings.workloads) {
    for (const phase of ['new', 'unchanged'] as const) {
      const ours = select(runs, { section: 'main', auth, charts, phase, contender: OURS.key });
      if (ours.length === 0) continue;
      for (const contender of [...OUR_BUILDS, ...HELMS]) {
        const own = select(runs, { section: 'main', auth, charts, phase, contender: contender.key });
        if (own.length === 0) continue;
        const wall = own.map((r) => r.wallMs);
        const isOurs = contender.key === OURS.key;
        const reqs = (med(own, 'requestsAfterSetup') / charts).toFixed(charts >= 20 ? 2 : 0);
        lines.push(
          `| ${charts} | ${phase} | ${isOurs ? `**${contender.label}**` : contender.label} | ${formatMs(median(wall))} (${formatMs(Math.min(...wall))}–${formatMs(Math.max(...wall))}) [${own.length}] | ${isOurs ? '1' : `**${ratio(median(wall) / med(ours, 'wallMs'))}**`} | ${reqs} | ${mb(med(own, 'maxRssKiB'))} | ${formatMs(med(own, 'cpuMs'))} | ${busy(own, cpus)} |`,
        );
      }
    }
  }
  return lines;
}

export function report(input: { runs: RunRecord[]; bare: BareRun[]; machine: { cpus: number; distribution: string } }): { markdown: string; files: Record<string, string> } {
  const { runs, bare, machine } = input;
  const out: string[] = [];
  const files: Record<string, string> = {};
  const targets: string[] = ['| target (issue 13) | measured | |', '|---|---|---|'];
  const target = (what: string, measured: string, met: boolean | undefined): void => void targets.push(`| ${what} | ${measured} | ${met === undefined ? '' : met ? 'met' : '**not met**'} |`);
  const auths = [...new Set(runs.map((r) => r.auth))];
  const distribution = machine.distribution.split(' ').at(-1);

  // Main comparison.
  for (const auth of auths) {
    if (select(runs, { section: 'main', auth }).length === 0) continue;
    out.push(`## ${settings.rttMs} ms round trip, ${auth === 'token' ? 'token auth' : 'Basic auth (htpasswd)'}\n`, ...mainTable(runs, auth, machine.cpus), '');
  }
  if (select(runs, { section: 'main' }).length > 0) {
    out.push(
      '¹ Requests after the first token request (token auth) or the first `GET /v2/` (Basic auth), per chart.\n',
      `² CPU time of the contender, the registry and the harness (delay proxies, token service) over wall time × ${machine.cpus} CPUs: near 100 % the machine itself is the limit.\n`,
    );
    const goals: Array<[number, 'new' | 'unchanged', number]> = [[1, 'new', 2], [20, 'new', 15], [100, 'new', 30], [100, 'unchanged', 40]];
    for (const helm of HELMS.slice(0, 1)) {
      for (const [charts, phase, goal] of goals) {
        const measured = auths.map((auth) => ({ auth, r: med(select(runs, { section: 'main', auth, charts, phase, contender: helm.key }), 'wallMs') / med(select(runs, { section: 'main', auth, charts, phase, contender: OURS.key }), 'wallMs') })).filter((m) => Number.isFinite(m.r));
        if (measured.length === 0) continue;
        target(`${charts} ${phase} chart${charts === 1 ? '' : 's'}: ≥ ${goal}× faster than the ${helm.label}`, measured.map((m) => `${ratio(m.r)} (${m.auth})`).join(', '), measured.every((m) => m.r >= goal));
      }
    }
    const groups = settings.workloads.flatMap((charts) =>
      (['new', 'unchanged'] as const).map((phase) => {
        const goal = goals.find(([c, p]) => c === charts && p === phase)?.[2];
        return {
          label: `${charts} chart${charts === 1 ? '' : 's'}, ${phase}`,
          values: HELMS.flatMap((h) => auths.map((auth) => med(select(runs, { section: 'main', auth, charts, phase, contender: h.key }), 'wallMs') / med(select(runs, { section: 'main', auth, charts, phase, contender: OURS.key }), 'wallMs'))),
          ...(goal ? { target: goal } : {}),
        };
      }),
    );
    if (HELMS.length > 0) {
      files['ratios.svg'] = ratioChart({
        title: 'How many times faster than a helm package + helm push loop',
        subtitle: `median wall time of the loop ÷ helm-oci-publish; Distribution ${distribution}, ${settings.rttMs} ms round trip, ${machine.cpus} CPUs`,
        series: HELMS.flatMap((h) => auths.map((auth) => `${h.label}, ${auth === 'token' ? 'token' : 'Basic'} auth`)),
        groups,
      });
    }
  }

  // Start cost.
  const startRuns = select(runs, { section: 'start', contender: OURS.key });
  if (startRuns.length > 0) {
    const nodeWall = median(bare.filter((b) => b.what === 'node -e 0').map((b) => b.wallMs));
    out.push(`## Start (${startRuns[0]!.auth} auth, ${settings.rttMs} ms round trip)\n`, '| what | wall, median | CPU, median | peak RSS |', '|---|---:|---:|---:|');
    for (const what of [...new Set(bare.map((b) => b.what))]) {
      const own = bare.filter((b) => b.what === what);
      const build = OUR_BUILDS.find((b) => what === `${b.key}, no inputs`);
      const label = build ? `${build.label}, no inputs (loads everything, stops at the first input error)` : `\`${what}\``;
      out.push(`| ${label}: spawn to exit | ${formatMs(median(own.map((b) => b.wallMs)))} | ${formatMs(median(own.map((b) => b.cpuMs)))} | ${mb(median(own.map((b) => b.maxRssKiB)))} |`);
    }
    for (const build of OUR_BUILDS) {
      const own = select(runs, { section: 'start', contender: build.key });
      out.push(`| ${build.label}, 1 new chart: spawn to the first request | ${formatMs(med(own, 'firstRequestMs'))} | | |`);
      out.push(`| ${build.label}, 1 new chart: spawn to exit | ${formatMs(med(own, 'wallMs'))} | ${formatMs(med(own, 'cpuMs'))} | ${mb(med(own, 'maxRssKiB'))} |`);
    }
    out.push('');
    const extra = med(startRuns, 'firstRequestMs') - nodeWall;
    target('start: spawn to the first request ≤ `node -e 0` + 40 ms', `+${Math.round(extra)} ms (${formatMs(med(startRuns, 'firstRequestMs'))} against ${formatMs(nodeWall)})`, extra <= 40);
  }

  // Growth with the number of charts.
  const scaleRuns = select(runs, { section: 'scale' });
  if (scaleRuns.length > 0) {
    out.push(`## New charts at the default concurrency (${scaleRuns[0]!.auth} auth, ${settings.rttMs} ms round trip)\n`, '| contender | charts | wall, median | per chart | CPU, median | per chart | peak RSS | connections | registry CPU | machine busy² |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const build of OUR_BUILDS) {
      const own = select(scaleRuns, { contender: build.key });
      if (own.length === 0) continue;
      for (const charts of settings.scale) {
        const c = select(own, { charts });
        out.push(`| ${build.label} | ${charts} | ${formatMs(med(c, 'wallMs'))} | ${(med(c, 'wallMs') / charts).toFixed(1)} ms | ${formatMs(med(c, 'cpuMs'))} | ${(med(c, 'cpuMs') / charts).toFixed(1)} ms | ${mb(med(c, 'maxRssKiB'))} | ${med(c, 'connections')} | ${formatMs(med(c, 'registryCpuMs'))} | ${busy(c, machine.cpus)} |`);
      }
      const wallFit = linearFit(own.map((r) => [r.charts, r.wallMs]));
      const cpuFit = linearFit(own.map((r) => [r.charts, r.cpuMs]));
      const rssFit = linearFit(own.map((r) => [r.charts, r.maxRssKiB]));
      out.push(`| ${build.label} | fit | ${formatMs(wallFit.intercept)} + | ${wallFit.slope.toFixed(1)} ms | ${formatMs(cpuFit.intercept)} + | **${cpuFit.slope.toFixed(1)} ms** | ${mb(rssFit.intercept)} + ${(rssFit.slope).toFixed(0)} KiB per chart | | | |`);
      if (build.key === OURS.key) {
        const biggest = Math.max(...settings.scale);
        const big = select(own, { charts: biggest });
        target('CPU per chart ≤ 10 ms (`helm create`-sized chart; slope of CPU time over the chart counts)', `${cpuFit.slope.toFixed(1)} ms`, cpuFit.slope <= 10);
        if (biggest >= 1000) {
          target(`${biggest} new charts ≤ 10 s wall at 20 ms round trip`, formatMs(med(big, 'wallMs')), med(big, 'wallMs') <= 10_000);
          target(`${biggest} new charts: peak RSS ≤ 200 MB`, mb(med(big, 'maxRssKiB')), med(big, 'maxRssKiB') <= 200 * 1024);
        }
      }
    }
    out.push('');
  }

  // Latency series.
  const latencyRuns = select(runs, { section: 'latency' });
  if (latencyRuns.length > 0) {
    const contenders = [...OUR_BUILDS, ...(LATENCY_HELM ? [LATENCY_HELM] : [])];
    out.push(`## ${settings.latencyCharts} new charts against the round trip (${latencyRuns[0]!.auth} auth)\n`, `| round trip | ${contenders.map((c) => c.label).join(' | ')} | ${LATENCY_HELM ? '× ours |' : ''}`, `|---:|${contenders.map(() => '---:|').join('')}${LATENCY_HELM ? '---:|' : ''}`);
    for (const rtt of settings.rtts) {
      const walls = contenders.map((c) => med(select(latencyRuns, { rttMs: rtt, contender: c.key }), 'wallMs'));
      out.push(`| ${rtt} ms | ${walls.map(formatMs).join(' | ')} | ${LATENCY_HELM ? `${ratio(walls.at(-1)! / walls[0]!)} |` : ''}`);
    }
    out.push('');
    files['latency.svg'] = lineChart({
      title: `${settings.latencyCharts} new charts: wall time against the registry's round trip`,
      subtitle: `median of ${settings.latencyReps}; Distribution ${distribution}, ${latencyRuns[0]!.auth} auth, ${machine.cpus} CPUs`,
      xLabel: 'round trip (ms)',
      yLabel: 'wall time (s)',
      yUnit: ' s',
      series: contenders.map((c) => ({ name: c.label, points: settings.rtts.map((rtt) => [rtt, med(select(latencyRuns, { rttMs: rtt, contender: c.key }), 'wallMs') / 1000] as [number, number]) })),
    });
  }

  // The 50 MB chart.
  const largeRuns = select(runs, { section: 'large' });
  if (largeRuns.length > 0) {
    out.push(`## One 50 MB chart (${largeRuns[0]!.auth} auth)\n`, '| contender | wall, median [runs] | × ours | peak RSS | CPU |', '|---|---:|---:|---:|---:|');
    const ours = med(select(largeRuns, { contender: OURS.key }), 'wallMs');
    for (const c of [...OUR_BUILDS, ...HELMS]) {
      const own = select(largeRuns, { contender: c.key });
      if (own.length > 0) out.push(`| ${c.label} | ${formatMs(med(own, 'wallMs'))} [${own.length}] | ${ratio(med(own, 'wallMs') / ours)} | ${mb(med(own, 'maxRssKiB'))} | ${formatMs(med(own, 'cpuMs'))} |`);
    }
    out.push('');
    if (HELMS[0]) {
      const r = med(select(largeRuns, { contender: HELMS[0].key }), 'wallMs') / ours;
      target(`the 50 MB chart at least as fast as the ${HELMS[0].label}`, ratio(r), r >= 1);
    }
  }

  // Concurrency.
  const concurrencyRuns = select(runs, { section: 'concurrency' });
  if (concurrencyRuns.length > 0) {
    out.push(`## concurrency, ${settings.concurrencyCharts} new charts\n`, `| concurrency | ${settings.concurrencySeries.join(' | ')} |`, `|---|${settings.concurrencySeries.map(() => '---:|').join('')}`);
    const row = (what: string, f: (rs: RunRecord[]) => string): string => `| ${what} | ${settings.concurrencySeries.map((c) => f(select(concurrencyRuns, { concurrency: c }))).join(' | ')} |`;
    out.push(row('wall time, median', (rs) => formatMs(med(rs, 'wallMs'))), row('peak RSS', (rs) => mb(med(rs, 'maxRssKiB'))), row('connections opened', (rs) => String(med(rs, 'connections'))), '');
  }

  if (targets.length > 2) out.unshift('## Targets\n', ...targets, '');
  return { markdown: out.join('\n'), files };
}
