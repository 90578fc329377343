// One registry under test and the contenders run against it: every run is recorded with its wall
// time, CPU time, peak RSS and the requests and connections the registry's proxies saw.
import { helmHome, type HelmHome, type HelmVersion } from '../test/support/helm.js';
import type { Workspace } from './charts.js';
import { helmLogin, runHelmLoop, runOurs, timed, type ProcessRun } from './contenders.js';
import type { BenchAuth, BenchRegistry } from './registry.js';

type Phase = 'new' | 'unchanged';

export interface RunRecord {
  /** Which measurement: "main", "scale", "latency", "large", "concurrency", "start". */
  section: string;
  auth: BenchAuth;
  /** Round trip the proxies added (ms). */
  rttMs: number;
  charts: number;
  phase: Phase;
  contender: string;
  rep: number;
  concurrency?: number;
  wallMs: number;
  cpuMs: number;
  maxRssKiB: number;
  requests: number;
  tokenRequests: number;
  /** Requests after the run's first token request, or after its first `GET /v2/` with Basic auth. */
  requestsAfterSetup: number;
  connections: number;
  /** From spawn to the first request reaching the registry's proxy (start-up, checks, packaging). */
  firstRequestMs: number;
  /** CPU time the registry process used during the run. */
  registryCpuMs: number;
  /** CPU time of the bench process during the run: the delay proxies and the token service. */
  harnessCpuMs: number;
}

/** What the registry and the harness have used so far, to charge a run with its difference. */
interface SideCpu {
  registryMs: number;
  harnessMs: number;
}

export interface Contender {
  key: string;
  label: string;
  /** For the action: another build's main.js; for Helm: the version. */
  bundle?: string;
  helm?: HelmVersion;
}

type RunBase = Pick<RunRecord, 'section' | 'charts' | 'phase' | 'rep'> & { concurrency?: number };

export class Bench {
  readonly runs: RunRecord[] = [];
  readonly logins: Array<{ auth: BenchAuth; contender: string; wallMs: number; requests: number }> = [];
  private ourHome!: HelmHome;
  private readonly helmHomes = new Map<HelmVersion, HelmHome>();
  rttMs: number;

  constructor(
    readonly registry: BenchRegistry,
    rttMs: number,
    /** NODE_OPTIONS for the action's process, as a step's `env:` would set it. */
    private readonly nodeOptions?: string,
  ) {
    this.rttMs = rttMs;
  }

  get auth(): BenchAuth {
    return this.registry.auth;
  }

  setRoundTrip(ms: number): void {
    this.rttMs = ms;
    this.registry.setDelay(ms / 2);
  }

  /** One `helm registry login` per Helm version (timed apart: users do it once per job). */
  async setup(helms: Contender[]): Promise<void> {
    this.ourHome = await helmHome();
    for (const helm of helms) {
      const home = await helmHome();
      this.helmHomes.set(helm.helm!, home);
      const mark = this.registry.log.mark();
      const login = await helmLogin(helm.helm!, home, this.registry.host, this.registry.username, this.registry.password);
      if (login.code !== 0) throw new Error(`helm ${helm.helm} registry login failed (${this.auth} auth):\n${login.stderr}`);
      this.logins.push({ auth: this.auth, contender: helm.key, wallMs: Math.round(login.wallMs), requests: this.registry.log.since(mark).length });
    }
  }

  async teardown(): Promise<void> {
    await this.ourHome?.remove();
    for (const home of this.helmHomes.values()) await home.remove();
  }

  private sideCpu(): SideCpu {
    const { user, system } = process.cpuUsage();
    return { registryMs: this.registry.cpuMs(), harnessMs: (user + system) / 1000 };
  }

  private record(base: RunBase & { contender: string }, run: ProcessRun, mark: number, connectionsBefore: number, cpuBefore: SideCpu): RunRecord {
    const cpuAfter = this.sideCpu();
    const requests = this.registry.log.since(mark);
    const firstToken = requests.findIndex((r) => r.target === 'token');
    const setup = firstToken !== -1 ? firstToken + 1 : requests.findIndex((r) => r.method === 'GET' && r.path === '/v2/') + 1;
    const record: RunRecord = {
      ...base,
      auth: this.auth,
      rttMs: this.rttMs,
      wallMs: Math.round(run.wallMs),
      cpuMs: Math.round(run.cpuMs),
      maxRssKiB: run.maxRssKiB,
      requests: requests.length,
      tokenRequests: requests.filter((r) => r.target === 'token').length,
      requestsAfterSetup: requests.length - setup,
      connections: this.registry.log.connections - connectionsBefore,
      firstRequestMs: requests.length > 0 ? Math.round(requests[0]!.at - run.startedAt) : NaN,
      registryCpuMs: Math.round(cpuAfter.registryMs - cpuBefore.registryMs),
      harnessCpuMs: Math.round(cpuAfter.harnessMs - cpuBefore.harnessMs),
    };
    this.runs.push(record);
    return record;
  }

  async run(contender: Contender, workspace: Workspace, namespace: string, base: RunBase): Promise<RunRecord> {
    return contender.helm ? this.helm(contender, workspace, namespace, base) : this.ours(contender, workspace, namespace, base);
  }

  private async ours(contender: Contender, workspace: Workspace, namespace: string, base: RunBase): Promise<RunRecord> {
    const mark = this.registry.log.mark();
    const connections = this.registry.log.connections;
    const cpu = this.sideCpu();
    const run = await runOurs({
      bundle: contender.bundle,
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
      ...(this.nodeOptions ? { env: { NODE_OPTIONS: this.nodeOptions } } : {}),
    });
    const where = `${namespace}, ${base.phase}, ${this.auth} auth`;
    if (run.code !== 0) throw new Error(`the action failed (${where}):\n${run.stdout.slice(-4000)}\n${run.stderr.slice(-2000)}`);
    const charts = JSON.parse(run.outputs.charts ?? '[]') as Array<{ status: string }>;
    const expected = base.phase === 'new' ? 'pushed' : 'unchanged';
    if (charts.length !== workspace.names.length || charts.some((c) => c.status !== expected)) {
      throw new Error(`the action reported ${charts.map((c) => c.status).join(', ')} for ${where}, expected ${workspace.names.length} × ${expected}`);
    }
    return this.record({ ...base, contender: contender.key }, run, mark, connections, cpu);
  }

  private async helm(contender: Contender, workspace: Workspace, namespace: string, base: RunBase): Promise<RunRecord> {
    const mark = this.registry.log.mark();
    const connections = this.registry.log.connections;
    const cpu = this.sideCpu();
    const run = await runHelmLoop({ version: contender.helm!, home: this.helmHomes.get(contender.helm!)!, workspace: workspace.dir, registry: `${this.registry.host}/${namespace}` });
    const pushed = (`${run.stdout}\n${run.stderr}`.match(/^Pushed: /gm) ?? []).length;
    if (run.code !== 0 || pushed !== workspace.names.length) {
      throw new Error(`the Helm ${contender.helm} loop failed (${namespace}, ${base.phase}, ${this.auth} auth; ${pushed} pushed):\n${run.stderr.slice(-4000)}`);
    }
    return this.record({ ...base, contender: contender.key }, run, mark, connections, cpu);
  }
}

/** A command that sends no request (e.g. `node -e 0`), timed like the contenders. */
export async function runBare(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<ProcessRun> {
  return timed(command, args, { cwd, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env } });
}

export function describeRun(r: RunRecord): string {
  const perChart = (r.requestsAfterSetup / r.charts).toFixed(1);
  return `${String(r.wallMs).padStart(6)} ms  1st req ${String(r.firstRequestMs).padStart(5)} ms  cpu ${String(r.cpuMs).padStart(6)} ms  ${perChart.padStart(5)} req/chart  ${(r.maxRssKiB / 1024).toFixed(0).padStart(4)} MB  ${r.connections} conn  registry ${r.registryCpuMs} ms  harness ${r.harnessCpuMs} ms`;
}
