// Shared by action-login, action-tls and action-secrets: the committed bundle run as a runner runs
// it (dist/main.js, then dist/post.js with the main step's state), and real Helm pulling with
// nothing but the registry config the action left behind.
import assert from 'node:assert/strict';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runStep, type StepResult } from '../support/action-runner.js';
import { helmHome, helmRegistryFlags, runHelm, type HelmVersion } from '../support/helm.js';
import type { TestRegistry } from '../support/registry.js';

export type { StepResult };

/** The Helm versions that pull what the action pushed (3.16 cannot reach TLS registries on loopback). */
export const PULLERS: HelmVersion[] = ['3.18.0', '4.1.4'];
/**
 * How Helm 3.18 and 4.x say the registry wanted (other) credentials. `401` only as a word: the
 * registry's port is in Helm's messages and may contain those digits.
 */
export const UNAUTHORIZED = /unauthorized|\b401\b|basic credential not found|no basic auth credentials/i;
/** The state key src/login.ts saves the login record under. */
export const LOGIN_STATE = 'helm-login';

/**
 * The calling shell's proxy and Helm location variables never reach a step: a test sets what it
 * is about. (runStep already drops INPUT_*, STATE_*, GITHUB_* and RUNNER_*.)
 */
export const CLEAN_ENV: Readonly<Record<string, undefined>> = {
  HTTPS_PROXY: undefined,
  https_proxy: undefined,
  HTTP_PROXY: undefined,
  http_proxy: undefined,
  NO_PROXY: undefined,
  no_proxy: undefined,
  HELM_REGISTRY_CONFIG: undefined,
  HELM_CONFIG_HOME: undefined,
  XDG_CONFIG_HOME: undefined,
  NODE_EXTRA_CA_CERTS: undefined,
};

export interface MainOptions {
  /** GITHUB_WORKSPACE and cwd; holds the chart `tiny/`. */
  workspace: string;
  /** host[:port] for the `registry` input (a test registry's, or a front's in front of it). */
  host: string;
  namespace: string;
  /** username and password inputs; none for anonymous. */
  user?: { username: string; password: string };
  /** Extra or overriding inputs (plain-http is 'true' unless given). */
  inputs?: Record<string, string>;
  /** HELM_REGISTRY_CONFIG; leave it out only when `env` says where the default location is. */
  config?: string;
  env?: Record<string, string | undefined>;
}

function stepEnv(config: string | undefined, env: Record<string, string | undefined> | undefined): Record<string, string | undefined> {
  return { ...CLEAN_ENV, SOURCE_DATE_EPOCH: '1700000000', ...(config ? { HELM_REGISTRY_CONFIG: config } : {}), ...env };
}

/** Runs dist/main.js publishing the workspace's `tiny` chart to oci://host/namespace. */
export function mainStep(options: MainOptions): Promise<StepResult> {
  return runStep('main', {
    inputs: {
      chart: 'tiny',
      registry: `oci://${options.host}/${options.namespace}`,
      ...(options.user ? { username: options.user.username, password: options.user.password } : {}),
      'plain-http': 'true',
      ...options.inputs,
    },
    env: stepEnv(options.config, options.env),
    cwd: options.workspace,
  });
}

/** Runs dist/post.js with the state `main` saved, as the runner does at the end of the job. */
export function postStep(main: StepResult, options: { workspace: string; config?: string; env?: Record<string, string | undefined> }): Promise<StepResult> {
  return runStep('post', { inputs: {}, state: main.state, env: stepEnv(options.config, options.env), cwd: options.workspace });
}

export function userOf(reg: TestRegistry): { username: string; password: string } {
  return { username: reg.username, password: reg.password };
}

export function transcript(result: StepResult): string {
  return `exit ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

/** `::error::…` / `::warning::…` lines, data decoded as the runner does. */
export function commandLines(result: StepResult, command: 'error' | 'warning'): string[] {
  return result.stdout
    .split('\n')
    .filter((line) => line.startsWith(`::${command}`))
    .map((line) => line.replace(/^::[a-z]+(?: [^:]*)?::/, '').replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%'));
}

/** Exit 0 with no error or warning annotation. */
export function assertClean(result: StepResult): void {
  assert.equal(result.code, 0, transcript(result));
  assert.deepEqual([...commandLines(result, 'error'), ...commandLines(result, 'warning')], [], transcript(result));
}

/** A failed step whose error annotation matches `pattern`. */
export function assertFailed(result: StepResult, pattern: RegExp): void {
  assert.notEqual(result.code, 0, transcript(result));
  assert.match(commandLines(result, 'error').join('\n'), pattern, transcript(result));
}

type Connection = Pick<TestRegistry, 'tls' | 'caFile' | 'clientCertFile' | 'clientKeyFile'>;

/**
 * `helm pull <ref>` in a brand-new Helm home (no cache, no login of its own); `env` says which
 * registry config it reads (e.g. HELM_REGISTRY_CONFIG).
 */
export async function helmPull(version: HelmVersion, reg: Connection, ref: string, env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  const home = await helmHome();
  try {
    const dest = join(home.dir, 'pulled');
    await mkdir(dest);
    const result = await runHelm(version, ['pull', ref, '-d', dest, ...helmRegistryFlags(version, reg)], { home, env });
    if (result.code === 0) assert.equal((await readdir(dest)).length, 1, `helm ${version} exited 0 but pulled nothing`);
    return result;
  } finally {
    await home.remove();
  }
}

export async function assertHelmPulls(reg: Connection, ref: string, env: Record<string, string>, when: string): Promise<void> {
  for (const version of PULLERS) {
    const result = await helmPull(version, reg, ref, env);
    assert.equal(result.code, 0, `${when}: helm ${version} pull ${ref} failed: ${result.stderr}`);
  }
}

export async function assertHelmRefused(reg: Connection, ref: string, env: Record<string, string>, when: string): Promise<void> {
  for (const version of PULLERS) {
    const result = await helmPull(version, reg, ref, env);
    assert.notEqual(result.code, 0, `${when}: helm ${version} pulled ${ref} without valid credentials`);
    assert.match(result.stderr, UNAUTHORIZED, `${when}: helm ${version}: ${result.stderr}`);
  }
}

export const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/** The `auths` entry text Helm (and the action) writes into a new file. */
export function newConfigText(host: string, username: string, password: string): string {
  return `{\n\t"auths": {\n\t\t"${host}": {\n\t\t\t"auth": "${b64(`${username}:${password}`)}"\n\t\t}\n\t}\n}`;
}
