// The contenders, each run as its own process tree under GNU time (peak RSS): the committed dist/
// bundle started the way a runner starts a `node24` action, and a shell loop of `helm package` +
// `helm push` as users write it in a `run:` step.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { actionNode, parseCommandFile, projectRoot } from '../test/support/action-runner.js';
import { helmBinary, type HelmHome, type HelmVersion } from '../test/support/helm.js';
import { CHART_VERSION } from './charts.js';

export const TIME_BINARY = '/usr/bin/time';

export interface ProcessRun {
  code: number;
  wallMs: number;
  /** Peak resident set size of the largest process in the tree, in KiB (GNU time's %M). */
  maxRssKiB: number;
  /** User + system CPU time of the whole process tree, ms (GNU time's %U + %S). */
  cpuMs: number;
  /** performance.now() when the process was spawned. */
  startedAt: number;
  stdout: string;
  stderr: string;
}

/** Runs a command under GNU time (peak RSS, CPU time); wall time is measured here, spawn to exit. */
export async function timed(command: string, args: string[], options: { cwd: string; env: Record<string, string>; input?: string }): Promise<ProcessRun> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-time-'));
  const timeFile = join(dir, 'time');
  try {
    const started = performance.now();
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(TIME_BINARY, ['-f', '%M %U %S', '-o', timeFile, command, ...args], { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => out.push(c));
      child.stderr.on('data', (c: Buffer) => err.push(c));
      child.once('error', reject);
      child.once('close', (exit) => resolve({ code: exit ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
      child.stdin.end(options.input ?? '');
    });
    const wallMs = performance.now() - started;
    const lines = (await readFile(timeFile, 'utf8')).trim().split('\n');
    const [rss, user, sys] = (lines.at(-1) ?? '').split(' ').map(Number);
    return { code, wallMs, maxRssKiB: rss ?? NaN, cpuMs: ((user ?? NaN) + (sys ?? NaN)) * 1000, startedAt: started, stdout, stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

let defaults: Record<string, string> | undefined;
async function actionDefaults(): Promise<Record<string, string>> {
  if (!defaults) {
    const action = parse(await readFile(join(projectRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
    defaults = Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, spec.default ?? '']));
  }
  return defaults;
}

export interface OursRun extends ProcessRun {
  outputs: Record<string, string>;
}

/**
 * `node dist/main.js` with the environment a runner gives an action step: INPUT_* (action.yml
 * defaults + the step's `with:`), the GITHUB_* command files, GITHUB_WORKSPACE, RUNNER_TEMP. The
 * Helm home keeps the action's login (it writes Helm's registry config) out of the real home.
 */
export async function runOurs(options: { workspace: string; inputs: Record<string, string>; home: HelmHome; bundle?: string; env?: Record<string, string>; nodeArgs?: string[] }): Promise<OursRun> {
  const bundle = options.bundle ?? join(projectRoot, 'dist', 'main.js');
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build`);
  const files = await mkdtemp(join(tmpdir(), 'bench-runner-'));
  try {
    const output = join(files, 'output');
    await Promise.all(['output', 'state', 'summary'].map((f) => writeFile(join(files, f), '')));
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
      ...options.home.env,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_OUTPUT: output,
      GITHUB_STATE: join(files, 'state'),
      GITHUB_STEP_SUMMARY: join(files, 'summary'),
      RUNNER_TEMP: join(files, 'runner-temp'),
    };
    for (const [name, value] of Object.entries({ ...(await actionDefaults()), ...options.inputs })) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
    Object.assign(env, options.env);
    const result = await timed(actionNode(), [...(options.nodeArgs ?? []), bundle], { cwd: options.workspace, env });
    return { ...result, outputs: parseCommandFile(await readFile(output, 'utf8')) };
  } finally {
    await rm(files, { recursive: true, force: true });
  }
}

/** The loop a user writes in a `run:` step: package and push each chart, stop at the first failure. */
export const HELM_LOOP = [
  'for d in charts/*/; do',
  '  n=${d%/}; n=${n##*/}',
  `  helm package "$d" -d "$OUT" && helm push "$OUT/$n-${CHART_VERSION}.tgz" "oci://$REGISTRY" --plain-http || exit 1`,
  'done',
].join('\n');

function helmEnv(version: HelmVersion, home: HelmHome, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: `${dirname(helmBinary(version))}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
    ...home.env,
    ...extra,
  };
}

/** `helm registry login --password-stdin` into `home` (done once, before the loops). */
export async function helmLogin(version: HelmVersion, home: HelmHome, host: string, username: string, password: string): Promise<ProcessRun> {
  return timed(helmBinary(version), ['registry', 'login', host, '--username', username, '--password-stdin', '--plain-http'], {
    cwd: home.dir,
    env: helmEnv(version, home),
    input: password,
  });
}

export async function runHelmLoop(options: { version: HelmVersion; home: HelmHome; workspace: string; registry: string }): Promise<ProcessRun> {
  const out = await mkdtemp(join(tmpdir(), 'bench-helm-out-'));
  try {
    return await timed('/bin/bash', ['-c', HELM_LOOP], {
      cwd: options.workspace,
      env: helmEnv(options.version, options.home, { OUT: out, REGISTRY: options.registry }),
    });
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
