// Runs the dist/ bundle (built by `pretest`) the way a GitHub runner does: on Node 24, with INPUT_*
// variables (with the defaults from action.yml), and GITHUB_OUTPUT / GITHUB_STATE /
// GITHUB_STEP_SUMMARY files that are read back afterwards. The post step gets the state the main
// step saved, as on a runner.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The Node that runs the bundle: the Node 24 runners use (fetched by scripts/setup-test-deps.mjs),
 * or, with ACTION_TEST_NODE=current, the Node running the tests (the oldest the bundle supports).
 */
export function actionNode(): string {
  if (process.env.ACTION_TEST_NODE === 'current') return process.execPath;
  const node24 = join(projectRoot, '.cache', 'node', '24', 'bin', 'node');
  if (!existsSync(node24)) throw new Error(`Node 24 is missing at ${node24}: run node scripts/setup-test-deps.mjs`);
  return node24;
}

export interface StepResult {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
}

export interface StepOptions {
  inputs: Record<string, string>;
  env?: Record<string, string | undefined>;
  /** State saved by the main step, handed to the post step as STATE_* variables. */
  state?: Record<string, string>;
  cwd?: string;
}

async function actionDefaults(): Promise<Record<string, string>> {
  const action = parse(await readFile(join(projectRoot, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  return Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, spec.default ?? '']));
}

/** Parses the `name<<DELIMITER … DELIMITER` file format that @actions/core writes. */
export function parseCommandFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (match) {
      const [, name, delimiter] = match;
      const body: string[] = [];
      while (++i < lines.length && lines[i] !== delimiter) body.push(lines[i]!);
      values[name!] = body.join('\n');
    } else if (lines[i]!.includes('=')) {
      const at = lines[i]!.indexOf('=');
      values[lines[i]!.slice(0, at)] = lines[i]!.slice(at + 1);
    }
  }
  return values;
}

export async function runStep(entry: 'main' | 'post', options: StepOptions): Promise<StepResult> {
  const files = await mkdtemp(join(tmpdir(), 'runner-files-'));
  try {
    const outputFile = join(files, 'output');
    const stateFile = join(files, 'state');
    const summaryFile = join(files, 'summary');
    await Promise.all([writeFile(outputFile, ''), writeFile(stateFile, ''), writeFile(summaryFile, '')]);
    const inputs = { ...(await actionDefaults()), ...options.inputs };
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
      // A clean runner: no inputs, state or runner files leak in from the calling process.
      if (value !== undefined && !/^(INPUT_|STATE_|GITHUB_|RUNNER_)/.test(key)) env[key] = value;
    }
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
    for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;
    Object.assign(env, {
      GITHUB_OUTPUT: outputFile,
      GITHUB_STATE: stateFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_WORKSPACE: options.cwd ?? projectRoot,
      GITHUB_ACTIONS: 'true',
      RUNNER_TEMP: join(files, 'runner-temp'),
    });
    for (const [key, value] of Object.entries(options.env ?? {})) {
      if (value === undefined) delete env[key];
      else env[key] = value;
    }
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(actionNode(), [join(projectRoot, 'dist', `${entry}.js`)], { env, cwd: options.cwd ?? projectRoot, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        const exit = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code: exit, stdout, stderr });
      });
    });
    return {
      code,
      stdout,
      stderr,
      outputs: parseCommandFile(await readFile(outputFile, 'utf8')),
      state: parseCommandFile(await readFile(stateFile, 'utf8')),
      summary: await readFile(summaryFile, 'utf8'),
    };
  } finally {
    await rm(files, { recursive: true, force: true });
  }
}
