// Shared by the action-e2e-*.test.ts files: running the committed dist/main.js as a runner would
// against a real registry, reading what it printed, and asking real Helm what was pushed.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runStep, type StepResult } from '../support/action-runner.js';
export { startCountingForwarder, type CountingForwarder } from '../support/counting-forwarder.js';
import { helmHome, helmOk, helmRegistryFlags, type HelmHome, type HelmVersion } from '../support/helm.js';
import type { TestRegistry } from '../support/registry.js';
import type { Cleanup } from '../support/tmp.js';

export const PULLERS: HelmVersion[] = ['3.18.0', '4.1.4'];
export const DEFAULT_EPOCH = '1700000000'; // 2023-11-14T22:13:20Z

export interface ChartOutput {
  name: string;
  version: string;
  tag: string;
  digest: string;
  repository: string;
  url: string;
  ref: string;
  pushed: boolean;
  status: string;
  error?: string;
}

export interface PublishOptions {
  /** The workspace (GITHUB_WORKSPACE and cwd); chart paths are relative to it. */
  workspace: string;
  inputs: Record<string, string>;
  /** Credentials of this registry's first user, and plain-http, unless the inputs say otherwise. */
  registry?: TestRegistry;
  env?: Record<string, string | undefined>;
}

/**
 * Runs dist/main.js. HELM_REGISTRY_CONFIG always points into the workspace (the action's login
 * writes there) and SOURCE_DATE_EPOCH is fixed unless `env` overrides it.
 */
export async function publish(options: PublishOptions): Promise<StepResult> {
  const reg = options.registry;
  const inputs: Record<string, string> = {
    ...(reg && reg.auth !== 'none' ? { username: reg.username, password: reg.password } : {}),
    ...(reg && reg.tls === 'none' ? { 'plain-http': 'true' } : {}),
    ...options.inputs,
  };
  return runStep('main', {
    inputs,
    cwd: options.workspace,
    env: {
      HELM_REGISTRY_CONFIG: join(options.workspace, '.helm-registry-config.json'),
      SOURCE_DATE_EPOCH: DEFAULT_EPOCH,
      ...options.env,
    },
  });
}

/** Everything the step printed, for assertion messages. */
export function transcript(result: StepResult): string {
  return `exit ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

export function assertSucceeded(result: StepResult): void {
  assert.equal(result.code, 0, transcript(result));
  assert.deepEqual(errorLines(result), [], transcript(result));
}

/** The `::error::` workflow commands, decoded (the runner shows %0A as a line break). */
export function errorLines(result: StepResult): string[] {
  return commandLines(result, 'error');
}

export function warningLines(result: StepResult): string[] {
  return commandLines(result, 'warning');
}

function commandLines(result: StepResult, command: string): string[] {
  return `${result.stdout}\n${result.stderr}`
    .split('\n')
    .filter((line) => line.startsWith(`::${command}`))
    .map((line) => line.replace(/^::[a-z]+(?: [^:]*)?::/, '').replaceAll('%0A', '\n').replaceAll('%0D', '\r').replaceAll('%25', '%'));
}

/** A JavaScript stack frame (`    at fn (file:1:2)`, `    at new Promise (<anonymous>)`) on a line of its own. */
export const STACK_FRAME = /^\s+at \S.*(?:\(.*\)|:\d+:\d+)$/m;

/** What the runner shows in the log by default: stdout and stderr without `::debug::` lines, commands decoded. */
export function visibleOutput(result: StepResult): string {
  return decode(`${result.stdout}\n${result.stderr}`.split('\n').filter((line) => !line.startsWith('::debug::')).join('\n'));
}

/** Everything, `::debug::` lines included (shown when step debug logging is on), commands decoded. */
export function fullOutput(result: StepResult): string {
  return decode(`${result.stdout}\n${result.stderr}`);
}

function decode(text: string): string {
  return text.replaceAll('%0A', '\n').replaceAll('%0D', '\r').replaceAll('%25', '%');
}

export function chartsOutput(result: StepResult): ChartOutput[] {
  assert.ok(result.outputs.charts !== undefined, `no charts output\n${transcript(result)}`);
  return JSON.parse(result.outputs.charts) as ChartOutput[];
}

export function sha256(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

/** The `Digest: sha256:…` line Helm prints after a pull. */
export function helmReportedDigest(output: string): string {
  const match = /^Digest: (sha256:[0-9a-f]{64})$/m.exec(output);
  assert.ok(match, `Helm printed no digest:\n${output}`);
  return match[1]!;
}

/** An isolated Helm home, logged in to `reg` with `helm registry login --password-stdin` when it has auth. */
export async function loggedInHome(version: HelmVersion, reg: TestRegistry, cleanup: Cleanup): Promise<HelmHome> {
  const home = await helmHome();
  cleanup.add(() => home.remove());
  if (reg.auth !== 'none') {
    await helmOk(
      version,
      ['registry', 'login', reg.host, '--username', reg.username, '--password-stdin', ...helmRegistryFlags(version, reg, { login: true })],
      { home, input: reg.password },
    );
  }
  return home;
}

export interface Pulled {
  file: string;
  data: Buffer;
  /** The digest Helm printed. */
  digest: string;
  output: string;
}

/** `helm pull` into a new folder; `args` is the reference and e.g. `--version`. */
export async function helmPull(version: HelmVersion, reg: TestRegistry, home: HelmHome, args: string[]): Promise<Pulled> {
  const dest = join(home.dir, `pulled-${Math.random().toString(36).slice(2)}`);
  await mkdir(dest);
  const result = await helmOk(version, ['pull', ...args, '-d', dest, ...helmRegistryFlags(version, reg)], { home });
  const files = await readdir(dest);
  assert.equal(files.length, 1, `helm pull wrote ${files.join(', ')}`);
  const file = join(dest, files[0]!);
  const output = `${result.stdout}${result.stderr}`;
  return { file, data: await readFile(file), digest: helmReportedDigest(output), output };
}

export interface Manifest {
  schemaVersion: number;
  config: { mediaType: string; digest: string; size: number };
  layers: Array<{ mediaType: string; digest: string; size: number }>;
  annotations?: Record<string, string>;
}

/** GETs a manifest (by tag or digest) straight from the registry, checking it hashes to its digest. */
export async function getManifest(reg: TestRegistry, repository: string, reference: string): Promise<{ manifest: Manifest; digest: string; body: Buffer }> {
  const headers: Record<string, string> = { accept: 'application/vnd.oci.image.manifest.v1+json' };
  if (reg.auth === 'basic') headers.authorization = `Basic ${Buffer.from(`${reg.username}:${reg.password}`).toString('base64')}`;
  if (reg.auth === 'token') {
    const url = new URL(reg.tokenServer!.realm);
    url.searchParams.set('service', reg.tokenServer!.service);
    url.searchParams.set('scope', `repository:${repository}:pull`);
    const response = await fetch(url, { headers: { authorization: `Basic ${Buffer.from(`${reg.username}:${reg.password}`).toString('base64')}` } });
    assert.equal(response.status, 200, 'token request');
    headers.authorization = `Bearer ${((await response.json()) as { token: string }).token}`;
  }
  const response = await fetch(`${reg.baseUrl}/v2/${repository}/manifests/${reference}`, { headers });
  const body = Buffer.from(await response.arrayBuffer());
  assert.equal(response.status, 200, `GET manifest ${repository}:${reference}: ${body.toString()}`);
  const digest = sha256(body);
  assert.equal(response.headers.get('docker-content-digest'), digest);
  return { manifest: JSON.parse(body.toString('utf8')) as Manifest, digest, body };
}

/** RFC 3339 in whole seconds, as Helm writes org.opencontainers.image.created. */
export function rfc3339(epochSeconds: string): string {
  return new Date(Number(epochSeconds) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A TCP forwarder in front of a registry that counts every connection made to it: proof that a
 * step did, or did not, talk to the registry at all (whatever the protocol, TLS included).
 */
