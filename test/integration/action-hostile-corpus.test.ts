// The hostile-input corpus: well over a hundred inputs a release job should never be fed —
// malformed and hostile YAML, hostile archives, links, huge files, bad names, URL tricks, invalid
// inputs — each through the committed bundle as a runner runs it, with a password set and step
// debug logging on. Every case must end in one clear error: non-zero exit, an `::error::` that
// names the action, no stack trace, no secret in anything printed, nothing written outside the
// runner's temp folder, within a time and memory bound.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { mapConcurrent } from '../../src/concurrency.js';
import { actionNode, projectRoot } from '../support/action-runner.js';
import { tarGz, type TarGzEntry } from '../support/chart-archive.js';
import { Cleanup } from '../support/tmp.js';

const cleanup = new Cleanup();
after(() => cleanup.run());

const PASSWORD = 'Hx9-corpus-s3cret/with@odd:chars';
const USERNAME = 'ci-corpus';
const TIME_BOUND_MS = 20_000;
const MEMORY_BOUND_KB = 400 * 1024;
let closedPort = 0;
let defaults: Record<string, string> = {};

interface Case {
  name: string;
  /** Writes the workspace (cwd and GITHUB_WORKSPACE). */
  setup?: (ws: string) => Promise<void>;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}

const CHART = 'apiVersion: v2\nname: c\nversion: 1.0.0\n';
async function chart(ws: string, files: Record<string, string | Buffer> = {}): Promise<void> {
  await mkdir(join(ws, 'c', 'templates'), { recursive: true });
  await writeFile(join(ws, 'c', 'Chart.yaml'), CHART);
  await writeFile(join(ws, 'c', 'templates', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(ws, 'c', path, '..'), { recursive: true });
    await writeFile(join(ws, 'c', path), content);
  }
}
const chartYaml = (text: string | Buffer) => (ws: string) => chart(ws, { 'Chart.yaml': text });
const valuesYaml = (text: string | Buffer) => (ws: string) => chart(ws, { 'values.yaml': text });
const archive = (entries: TarGzEntry[] | Record<string, string | Buffer> | Buffer) => async (ws: string) => {
  await writeFile(join(ws, 'c.tgz'), Buffer.isBuffer(entries) ? entries : tarGz(entries));
};

function bomb(levels: number): string {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i <= levels; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
  return lines.join('\n') + '\n';
}
const big = (bytes: number) => Buffer.alloc(bytes, 'a');
const ok = { 'c/Chart.yaml': CHART, 'c/templates/cm.yaml': 'kind: ConfigMap\n' };

const cases: Case[] = [
  // Chart.yaml: malformed and hostile
  { name: 'Chart.yaml billion laughs', setup: chartYaml(`${CHART}${bomb(9)}`) },
  { name: 'Chart.yaml empty', setup: chartYaml('') },
  { name: 'Chart.yaml a list', setup: chartYaml('- a\n- b\n') },
  { name: 'Chart.yaml no name', setup: chartYaml('apiVersion: v2\nversion: 1.0.0\n') },
  { name: 'Chart.yaml no version', setup: chartYaml('apiVersion: v2\nname: c\n') },
  { name: 'Chart.yaml version v1', setup: chartYaml('apiVersion: v2\nname: c\nversion: v1\n') },
  { name: 'Chart.yaml version 01.0.0', setup: chartYaml('apiVersion: v2\nname: c\nversion: 01.0.0\n') },
  { name: 'Chart.yaml apiVersion v3', setup: chartYaml('apiVersion: v3\nname: c\nversion: 1.0.0\n') },
  { name: 'Chart.yaml no apiVersion', setup: chartYaml('name: c\nversion: 1.0.0\n') },
  { name: 'Chart.yaml type weird', setup: chartYaml(`${CHART}type: weird\n`) },
  { name: 'Chart.yaml name upper case', setup: chartYaml('apiVersion: v2\nname: MyChart\nversion: 1.0.0\n') },
  { name: 'Chart.yaml name with slash', setup: chartYaml('apiVersion: v2\nname: a/b\nversion: 1.0.0\n') },
  { name: 'Chart.yaml name ..', setup: chartYaml('apiVersion: v2\nname: ..\nversion: 1.0.0\n') },
  { name: 'Chart.yaml name 300 characters', setup: chartYaml(`apiVersion: v2\nname: ${'a'.repeat(300)}\nversion: 1.0.0\n`) },
  { name: 'Chart.yaml syntax error', setup: chartYaml('apiVersion: v2\nname: [c\nversion: 1.0.0\n') },
  { name: 'Chart.yaml tab indentation', setup: chartYaml('apiVersion: v2\nname: c\nmaintainers:\n\t- name: x\nversion: 1.0.0\n') },
  { name: 'Chart.yaml unknown anchor', setup: chartYaml(`${CHART}keywords: *nothing\n`) },
  { name: 'Chart.yaml nested 300 levels', setup: chartYaml(`${CHART}keywords: ${'['.repeat(300)}${']'.repeat(300)}\n`) },
  { name: 'Chart.yaml alias cycle', setup: chartYaml(`${CHART}keywords: &k [*k]\n`) },
  { name: 'Chart.yaml binary garbage', setup: chartYaml(Buffer.from([0, 1, 2, 255, 254, 0, 10, 58, 32])) },
  { name: 'Chart.yaml over 5 MiB', setup: chartYaml(`${CHART}description: ${'x'.repeat(5 * 1024 * 1024 + 10)}\n`) },
  { name: 'Chart.yaml huge number', setup: chartYaml(`apiVersion: v2\nname: c\nversion: ${'9'.repeat(100_000)}.0.0\n`) },
  { name: 'Chart.yaml dependency missing from charts/', setup: chartYaml(`${CHART}dependencies:\n  - name: dep\n    version: 1.0.0\n    repository: https://example.com\n`) },
  { name: 'Chart.yaml version is a map', setup: chartYaml('apiVersion: v2\nname: c\nversion: {a: 1}\n') },
  { name: 'Chart.yaml maintainers not a list', setup: chartYaml(`${CHART}maintainers: bob\n`) },
  { name: 'Chart.yaml is a folder', setup: async (ws) => { await chart(ws); await rm(join(ws, 'c', 'Chart.yaml')); await mkdir(join(ws, 'c', 'Chart.yaml')); } },
  { name: 'Chart.yaml links to /etc/passwd', setup: async (ws) => { await chart(ws); await rm(join(ws, 'c', 'Chart.yaml')); await symlink('/etc/passwd', join(ws, 'c', 'Chart.yaml')); } },
  // values.yaml and other files
  { name: 'values.yaml billion laughs', setup: valuesYaml(bomb(9)) },
  { name: 'values.yaml a list', setup: valuesYaml('- a\n') },
  { name: 'values.yaml syntax error', setup: valuesYaml('a: [\n') },
  { name: 'values.yaml over 5 MiB', setup: valuesYaml(big(5 * 1024 * 1024 + 1)) },
  { name: 'values.yaml nested 300 levels', setup: valuesYaml(`a: ${'['.repeat(300)}${']'.repeat(300)}\n`) },
  { name: 'template over 5 MiB', setup: (ws) => chart(ws, { 'templates/big.yaml': big(5 * 1024 * 1024 + 1) }) },
  { name: 'values.schema.json over 5 MiB', setup: (ws) => chart(ws, { 'values.schema.json': big(5 * 1024 * 1024 + 1) }) },
  { name: '.helmignore with **', setup: (ws) => chart(ws, { '.helmignore': '**/x\n' }) },
  { name: 'a symlink loop in the chart', setup: async (ws) => { await chart(ws); await symlink('loop', join(ws, 'c', 'templates', 'loop')); } },
  { name: 'a dangling symlink in the chart', setup: async (ws) => { await chart(ws); await symlink('/nonexistent/file', join(ws, 'c', 'templates', 'gone.yaml')); } },
  { name: 'a link to a device in the chart', setup: async (ws) => { await chart(ws); await symlink('/dev/zero', join(ws, 'c', 'templates', 'zero.yaml')); } },
  { name: 'charts/ holds a bomb subchart', setup: (ws) => chart(ws, { 'charts/sub-1.0.0.tgz': tarGz({ 'sub/Chart.yaml': `apiVersion: v2\nname: sub\nversion: 1.0.0\n${bomb(9)}` }) }) },
  { name: 'charts/ holds garbage .tgz', setup: (ws) => chart(ws, { 'charts/sub-1.0.0.tgz': Buffer.from('not a gzip') }) },
  // hostile archives given as chart
  { name: 'archive with ../ path', setup: archive([...Object.entries(ok).map(([path, text]) => ({ path, text })), { path: 'c/../../escape.yaml', text: 'x' }]) },
  { name: 'archive with absolute path', setup: archive([...Object.entries(ok).map(([path, text]) => ({ path, text })), { path: '/etc/evil.yaml', text: 'x' }]) },
  { name: 'archive with a symlink out', setup: archive([...Object.entries(ok).map(([path, text]) => ({ path, text })), { path: 'c/templates/l.yaml', type: 'SymbolicLink', linkpath: '/etc/passwd' }]) },
  { name: 'archive with a hard link', setup: archive([...Object.entries(ok).map(([path, text]) => ({ path, text })), { path: 'c/templates/h.yaml', type: 'Link', linkpath: 'c/Chart.yaml' }]) },
  { name: 'archive with a character device', setup: archive([...Object.entries(ok).map(([path, text]) => ({ path, text })), { path: 'c/templates/d', type: 'CharacterDevice', devmaj: 1, devmin: 5 }]) },
  { name: 'archive with a FIFO', setup: archive([...Object.entries(ok).map(([path, text]) => ({ path, text })), { path: 'c/templates/f', type: 'FIFO' }]) },
  { name: 'archive with a second top folder', setup: archive({ ...ok, 'other/x.yaml': 'x' }) },
  { name: 'archive top folder not the chart name', setup: archive({ 'wrong/Chart.yaml': CHART, 'wrong/templates/cm.yaml': 'x' }) },
  { name: 'archive without Chart.yaml', setup: archive({ 'c/values.yaml': 'a: 1\n' }) },
  { name: 'archive with the same path twice', setup: archive([{ path: 'c/Chart.yaml', text: CHART }, { path: 'c/Chart.yaml', text: CHART }]) },
  { name: 'archive Chart.yaml bomb', setup: archive({ 'c/Chart.yaml': `${CHART}${bomb(9)}` }) },
  { name: 'archive gzip bomb', setup: archive(gzipSync(big(150 * 1024 * 1024), { level: 1 })) },
  { name: 'archive not gzip', setup: archive(Buffer.from('plain text, not an archive')) },
  { name: 'archive truncated', setup: async (ws) => { const full = tarGz(ok); await writeFile(join(ws, 'c.tgz'), full.subarray(0, full.length / 2)); } },
  { name: 'archive empty file', setup: archive(Buffer.alloc(0)) },
  { name: 'archive file over 5 MiB', setup: archive({ ...ok, 'c/templates/big.yaml': big(5 * 1024 * 1024 + 1) }) },
  { name: 'archive with backslash path', setup: archive({ ...ok, 'c\\templates\\x.yaml': 'x' }) },
  { name: 'archive .prov over 1 MiB beside it', setup: async (ws) => { await writeFile(join(ws, 'c.tgz'), tarGz(ok)); await writeFile(join(ws, 'c.tgz.prov'), big(2 * 1024 * 1024)); } },
  { name: 'archive with version input', setup: archive(ok), inputs: { version: '2.0.0' } },
];
// Cases above use the chart `c` or `c.tgz`; those below use a valid chart and break the inputs.
const valid = (inputs: Record<string, string>, env?: Record<string, string>): Omit<Case, 'name'> => ({ setup: (ws) => chart(ws), inputs: { chart: 'c', ...inputs }, ...(env ? { env } : {}) });
const registries = [
  '', 'https://ghcr.io/acme', 'http://127.0.0.1:5000/ns', 'ghcr.io/acme', 'oci://', 'oci:///ns', 'oci://host/NS', 'oci://host/ns?x=1', 'oci://host/ns#frag',
  'oci://host:99999/ns', 'oci://host:abc/ns', 'oci://[::1/ns', `oci://${USERNAME}:${PASSWORD}@host/ns`, `oci://u:${PASSWORD}@host:443`, 'oci://host/ns@sha256:abc',
  'oci://host/ns:tag', 'oci://host/-bad', 'oci://host/a//b', 'oci://host/ns with space', 'oci://ho_st/ns', `oci://host/${'a'.repeat(300)}`, 'ftp://host/ns', 'oci://hóst/ns',
  'oci://host/ns\noci://other/ns', 's3://bucket/charts',
];
for (const registry of registries) cases.push({ name: `registry ${JSON.stringify(registry.replaceAll(PASSWORD, '…'))}`, ...valid({ registry }) });
const badInputs: Array<[string, Record<string, string>, Record<string, string>?]> = [
  ['if-exists bogus', { 'if-exists': 'replace' }],
  ['dry-run yes', { 'dry-run': 'yes' }],
  ['plain-http maybe', { 'plain-http': 'maybe' }],
  ['concurrency 0', { concurrency: '0' }],
  ['concurrency 65', { concurrency: '65' }],
  ['concurrency x', { concurrency: 'x' }],
  ['timeout soon', { timeout: 'soon' }],
  ['timeout 1s', { timeout: '1s' }],
  ['retry-timeout 2h', { 'retry-timeout': '2h' }],
  ['version abc', { version: 'abc' }],
  ['version 1.2', { version: '1.2' }],
  ['username without password', { password: '' }],
  ['password without username', { username: '' }],
  ['sign without signing-key', { sign: 'true' }],
  ['signing-key garbage', { sign: 'true', 'signing-key': `-----BEGIN PGP PRIVATE KEY BLOCK-----\n${PASSWORD}\n-----END PGP PRIVATE KEY BLOCK-----` }],
  ['ca-file missing', { 'plain-http': 'false', 'ca-file': '/nonexistent/ca.pem' }],
  ['ca-file not PEM', { 'plain-http': 'false', 'ca-file': '/etc/hostname' }],
  ['cert-file without key-file', { 'plain-http': 'false', 'cert-file': '/etc/hostname' }],
  ['plain-http with ca-file', { 'ca-file': '/etc/hostname' }],
  ['insecure with ca-file', { 'plain-http': 'false', 'insecure-skip-tls-verify': 'true', 'ca-file': '/etc/hostname' }],
  ['helm-version 3', { 'helm-version': '3' }],
  ['helm-version 2.17.0', { 'helm-version': '2.17.0' }],
  ['helm-mirror ftp', { 'helm-mirror': 'ftp://mirror/helm' }],
  ['helm-mirror with credentials', { 'helm-mirror': `https://u:${PASSWORD}@mirror.example` }],
  ['sigstore-sign without OIDC', { 'sigstore-sign': 'true', 'dry-run': 'false' }],
  ['attest with dry-run', { attest: 'true' }, { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/?api-version=2.0', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'x' }],
  ['sigstore-format bogus', { 'sigstore-sign': 'true', 'sigstore-format': 'pgp', 'dry-run': 'false' }, { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/?api-version=2.0', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'x' }],
  ['sigstore custom without URLs', { 'sigstore-sign': 'true', sigstore: 'custom', 'dry-run': 'false' }, { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/?api-version=2.0', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'x' }],
  ['fulcio-url with credentials', { 'sigstore-sign': 'true', sigstore: 'custom', 'fulcio-url': `https://u:${PASSWORD}@fulcio.example`, 'rekor-url': 'https://rekor.example', 'dry-run': 'false' }, { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/?api-version=2.0', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'x' }],
  ['artifacthub-repo missing', { 'artifacthub-repo': 'nope.yml', 'dry-run': 'false' }],
  ['source-versions not a range', { chart: 'https://charts.example.com/', 'source-versions': 'latest please' }],
  ['source-charts without a repository', { 'source-charts': 'x' }],
  ['source-username without password', { chart: 'https://charts.example.com/', 'source-username': 'u' }],
  ['source credentials over plain HTTP', { chart: 'http://charts.example.com/', 'source-username': 'u', 'source-password': PASSWORD, 'plain-http': 'false' }],
  ['chart line ftp://', { chart: 'ftp://host/charts' }],
  ['chart line oci without a chart', { chart: 'oci://host' }],
  ['chart line a .tgz URL', { chart: 'https://charts.example.com/c-1.0.0.tgz' }],
  ['chart line with credentials', { chart: `https://u:${PASSWORD}@charts.example.com/` }],
  ['chart missing', { chart: 'nope' }],
  ['chart glob matching nothing', { chart: 'nope/*' }],
  ['chart outside the workspace', { chart: '../../../../etc' }],
  ['version with two charts', { chart: 'c\nd', version: '1.0.0' }],
  ['version with an OCI source', { chart: 'oci://host/ns/c:1.0.0', version: '1.0.0' }],
];
for (const [name, inputs, env] of badInputs) cases.push({ name, ...valid(inputs, env) });

async function listTree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

interface Run { code: number; stdout: string; stderr: string; ms: number; maxRssKb: number }

function runAction(ws: string, home: string, runnerTemp: string, files: string, c: Case): Promise<Run> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !/^(INPUT_|STATE_|GITHUB_|RUNNER_|ACTIONS_|HELM_|XDG_|DOCKER_)/.test(key)) env[key] = value;
  const inputs = { ...defaults, chart: existsSync(join(ws, 'c.tgz')) ? 'c.tgz' : 'c', registry: `oci://127.0.0.1:${closedPort}/ns`, username: USERNAME, password: PASSWORD, 'plain-http': 'true', 'dry-run': 'true', 'retry-timeout': '0s', ...c.inputs };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  Object.assign(env, {
    HOME: home, RUNNER_DEBUG: '1', RUNNER_TEMP: runnerTemp, GITHUB_WORKSPACE: ws, GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: join(files, 'output'), GITHUB_STATE: join(files, 'state'), GITHUB_STEP_SUMMARY: join(files, 'summary'),
    ...c.env,
  });
  const started = Date.now();
  return new Promise((resolve) => {
    execFile('/usr/bin/time', ['-f', '%M', '-o', join(files, 'rss'), actionNode(), join(projectRoot, 'dist', 'main.js')], { env, cwd: ws, timeout: TIME_BOUND_MS * 2, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const ms = Date.now() - started;
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      void readFile(join(files, 'rss'), 'utf8').then(
        (text) => resolve({ code, stdout, stderr, ms, maxRssKb: Number(text.trim().split('\n').pop()) }),
        () => resolve({ code, stdout, stderr, ms, maxRssKb: 0 }),
      );
    });
  });
}

before(async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closedPort = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  const { parse } = await import('yaml');
  const action = parse(await readFile(join(projectRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
  defaults = Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, spec.default ?? '']));
});

describe('hostile-input corpus through the bundle', () => {
  test(`${cases.length} cases: each a clear error, no stack, no secret, nothing written outside the temp folder, bounded`, async () => {
    assert.ok(cases.length >= 100, `the corpus has ${cases.length} cases`);
    const secrets = [PASSWORD, Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64'), encodeURIComponent(PASSWORD)];
    const problems: string[] = [];
    let slowest = 0;
    let largest = 0;
    await mapConcurrent(cases, 2, async (c) => {
      const root = await mkdtemp(join(tmpdir(), 'corpus-'));
      cleanup.add(() => rm(root, { recursive: true, force: true }));
      const [ws, home, runnerTemp, files] = ['ws', 'home', 'runner-temp', 'files'].map((d) => join(root, d)) as [string, string, string, string];
      await Promise.all([ws, home, runnerTemp, files].map((d) => mkdir(d)));
      await Promise.all(['output', 'state', 'summary'].map((f) => writeFile(join(files, f), '')));
      if (c.setup) await c.setup(ws);
      const before = await listTree(ws);
      const run = await runAction(ws, home, runnerTemp, files, c);
      slowest = Math.max(slowest, run.ms);
      largest = Math.max(largest, run.maxRssKb);
      const printed = `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n');
      const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
      const fail = (why: string) => problems.push(`${c.name}: ${why}\n${printed.slice(0, 1500)}`);
      if (run.code === 0) fail('exited 0');
      if (errors.length === 0 || !errors.every((e) => e.startsWith('::error::helm-oci-publish: '))) fail('no clear ::error:: line naming the action');
      if (/^\s+at .+:\d+:\d+\)?$/m.test(printed)) fail('a stack trace was printed');
      for (const secret of secrets) if (printed.includes(secret)) fail('a secret was printed');
      if (run.ms > TIME_BOUND_MS) fail(`took ${run.ms} ms`);
      if (run.maxRssKb > MEMORY_BOUND_KB) fail(`peak RSS ${run.maxRssKb} KB`);
      if ((await listTree(ws)).join('\n') !== before.join('\n')) fail('the workspace changed');
      if ((await listTree(home)).length > 0) fail(`wrote to HOME: ${(await listTree(home)).join(', ')}`);
    });
    console.log(`corpus: ${cases.length} cases, slowest ${slowest} ms, largest peak RSS ${Math.round(largest / 1024)} MB, ${problems.length} problems`);
    assert.deepEqual(problems, []);
  });
});
