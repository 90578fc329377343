// Runs the real `helm dependency update`: its resolution of ranges, repositories and Chart.lock is
// the behaviour users expect, so it is not reimplemented.
import * as core from '@actions/core';
import { getExecOutput } from '@actions/exec';
import { describeError } from '../errors.js';
import { HelmError } from './errors.js';
import type { HelmTool } from './install.js';

export interface DependencyUpdateOptions {
  /** Helm registry config.json holding OCI credentials; passed as HELM_REGISTRY_CONFIG, never in argv. */
  registryConfig?: string;
  /** Extra environment for Helm, on top of this process's. */
  env?: Record<string, string>;
  /** Extra flags after `dependency update <dir>` (TLS and plain-HTTP settings; never secrets). */
  args?: string[];
  log?: (message: string) => void;
}

// Helm's own message says what failed; these say where to look, matched on that message.
const HINTS: Array<[RegExp, string]> = [
  [/Chart\.lock/, 'Chart.lock could not be used: fix or delete it, run `helm dependency update` locally and commit the result'],
  [/can't get a valid version|no chart version found|no chart name found/i, 'check the dependency names and version constraints in Chart.yaml against what the repository holds'],
  [/unauthorized|denied|forbidden|authentication|\b401\b|\b403\b/i, 'check the credentials for private dependency repositories (for OCI: the registry login given to this action)'],
  [/connection refused|no such host|timeout|dial tcp|x509|certificate|tls:/i, 'check that every dependency repository URL is reachable from the runner'],
  [/no repository definition|helm repo add/i, 'give dependencies a repository URL (https:// or oci://) instead of a repository name, or add the repository before this step'],
];
const GENERAL_HINT = 'check the dependencies in Chart.yaml: their names, version constraints and repository URLs';

export async function dependencyUpdate(helm: HelmTool, chartDir: string, opts: DependencyUpdateOptions = {}): Promise<void> {
  const log = opts.log ?? core.info;
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  Object.assign(env, opts.env);
  if (opts.registryConfig) env.HELM_REGISTRY_CONFIG = opts.registryConfig;

  log(`helm dependency update ${[chartDir, ...(opts.args ?? [])].join(' ')} (Helm ${helm.version})`);
  let result;
  try {
    result = await getExecOutput(helm.path, ['dependency', 'update', chartDir, ...(opts.args ?? [])], { env, silent: true, ignoreReturnCode: true });
  } catch (error) {
    throw new HelmError(`could not run ${helm.path}: ${describeError(error)}`, { cause: error });
  }
  const output = result.stdout.trim();
  const stderr = result.stderr.trim();
  // Helm's whole output goes to the log; the error is one line: Helm's own error and where to look.
  for (const line of [...output.split('\n'), ...(result.exitCode === 0 ? [] : stderr.split('\n'))]) if (line.trim() !== '') log(line);
  if (result.exitCode === 0) return;
  // Helm reports an unreachable repository on stdout and only a vaguer error on stderr: match both.
  const hints = HINTS.filter(([pattern]) => pattern.test(stderr) || pattern.test(output)).map(([, hint]) => hint);
  throw new HelmError(
    `helm dependency update failed for ${chartDir} (Helm ${helm.version}, exit code ${result.exitCode}): ${[...unreachable(output), helmError(stderr)].join('; then ')}. ` +
      `Hint: ${(hints.length > 0 ? hints : [GENERAL_HINT]).join('; ')} (Helm's output is in the log above).`,
  );
}

// Helm ends with one "Error: …" line; before it may come warnings or Go's usage text.
function helmError(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const error = [...lines].reverse().find((line) => line.startsWith('Error:')) ?? lines.at(-1) ?? 'Helm wrote nothing to stderr';
  return error.replace(/\.$/, '');
}

// The cause of a failure to reach a repository is on stdout ("...Unable to get an update from …"
// and the Go error on the next line), while stderr only says the index is missing.
function unreachable(stdout: string): string[] {
  const lines = stdout.split('\n');
  return lines.flatMap((line, i) =>
    line.startsWith('...Unable to get an update') ? [`${line.slice(3)} ${(lines[i + 1] ?? '').trim()}`.trim()] : [],
  );
}

/** The long flags this Helm's `dependency update` takes (TLS and --plain-http came with 3.17). */
export async function dependencyUpdateFlags(helm: HelmTool): Promise<Set<string>> {
  const { stdout } = await getExecOutput(helm.path, ['dependency', 'update', '--help'], { silent: true, ignoreReturnCode: true });
  return new Set(stdout.match(/--[a-z][a-z-]+/g) ?? []);
}
