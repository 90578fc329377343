// Signing through the committed dist/ bundle, run as a runner runs it, with keys made by the real
// gpg (RSA, so Helm 3 can read the keyrings too) and a real Distribution registry. What the action
// pushed is checked the way a chart's consumer checks it: `helm pull --verify`, `helm verify` and
// `gpg --verify`, with Helm 4.1.4 and Helm 3.16.1.
//
// Helm 3.18.0 is deliberately left out of every verify check: its OCI client refuses the
// provenance media type ('media type "application/vnd.cncf.helm.chart.provenance.v1.prov" is not
// allowed'), so it cannot pull (with or without --verify), show or template ANY OCI chart that has a
// provenance layer, including one its own `helm push` pushed. That is a Helm 3.18.0 regression
// (helm/helm#30890, fixed in 3.18.1), not something the action can change; one test below records it.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runStep, type StepResult } from '../support/action-runner.js';
import { GpgHome, gpgVerifyClearsigned, type GpgKey } from '../support/gpg.js';
import { helmHome, helmOk, helmRegistryFlags, runHelm, type HelmHome, type HelmVersion } from '../support/helm.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { startCountingForwarder } from '../support/counting-forwarder.js';
import { Cleanup } from '../support/tmp.js';

const cleanup = new Cleanup();
after(() => cleanup.run());

const PROV_MEDIA_TYPE = 'application/vnd.cncf.helm.chart.provenance.v1.prov';
const CHART_MEDIA_TYPE = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';
const CONFIG_MEDIA_TYPE = 'application/vnd.cncf.helm.config.v1+json';
/** The Helm versions that can `pull --verify` an OCI chart (see the top of this file for 3.18.0). */
const VERIFIERS: HelmVersion[] = ['3.16.1', '4.1.4'];
const EPOCH = 1767225600; // 2026-01-01T00:00:00Z
const VERSION = '2.0.0+build.1';
const APP_VERSION = '1.0.1';
const PASSPHRASE = 'correct horse battery staple';

const CHART_YAML = `apiVersion: v2
name: signed-app
version: 0.1.0
appVersion: "1.0"
description: A chart the action signs
home: https://example.com/signed-app
keywords: [demo, signing]
maintainers:
  - name: Release Bot
    email: release@example.com
annotations:
  category: Testing
`;

let reg: TestRegistry;
let home: HelmHome; // logged in to reg; shared by both Helm versions (same registry config format)
let work: string;
let workspace: string; // holds charts/signed-app
let gpg: GpgHome;
const keys = {} as Record<'signer' | 'protected' | 'other' | 'expired' | 'revoked' | 'cannotSign', GpgKey>;

before(async () => {
  work = await cleanup.tempDir('action-sign-');
  gpg = await GpgHome.create();
  cleanup.add(() => gpg.remove());
  const [registry, signer, protectedKey, other, expired, revoked, cannotSign] = await Promise.all([
    startRegistry({ auth: 'basic' }),
    gpg.makeKey({ name: 'Chart Signer' }),
    // gpg.ts lowers the s2k count in the test GNUPGHOME, so this key is fast to make and to decrypt.
    gpg.makeKey({ name: 'Protected Signer', passphrase: PASSPHRASE }),
    gpg.makeKey({ name: 'Somebody Else' }),
    gpg.makeKey({ name: 'Expired Signer', createdAt: '20200101T000000', expire: '1d' }),
    gpg.makeKey({ name: 'Revoked Signer' }),
    gpg.makeKey({ name: 'Encrypt Only', signing: 'none' }),
  ]);
  reg = registry;
  cleanup.add(() => reg.stop());
  Object.assign(keys, { signer, protected: protectedKey, other, expired, cannotSign, revoked: await gpg.revoke(revoked) });

  workspace = join(work, 'workspace');
  await mkdir(join(workspace, 'charts', 'signed-app', 'templates'), { recursive: true });
  await writeFile(join(workspace, 'charts', 'signed-app', 'Chart.yaml'), CHART_YAML);
  await writeFile(join(workspace, 'charts', 'signed-app', 'values.yaml'), 'greeting: hello\n');
  await writeFile(
    join(workspace, 'charts', 'signed-app', 'templates', 'configmap.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  greeting: {{ .Values.greeting | quote }}\n',
  );

  home = await helmHome();
  cleanup.add(() => home.remove());
  await helmOk('4.1.4', ['registry', 'login', reg.host, '--username', reg.username, '--password-stdin', '--plain-http'], { home, input: reg.password });
});

// ---------------------------------------------------------------------------------------------
// Running the action

interface Run {
  result: StepResult;
  /** Fresh HOME, RUNNER_TEMP and TMPDIR of the step, still there after it ran. */
  dirs: { home: string; runnerTemp: string; tmp: string };
}

/** Runs dist/main.js with credentials for `reg`, a fixed SOURCE_DATE_EPOCH and fresh private dirs. */
async function publish(inputs: Record<string, string>, options: { cwd?: string } = {}): Promise<Run> {
  const base = await cleanup.tempDir('action-sign-run-');
  const dirs = { home: join(base, 'home'), runnerTemp: join(base, 'runner-temp'), tmp: join(base, 'tmp') };
  await Promise.all(Object.values(dirs).map((d) => mkdir(d)));
  const result = await runStep('main', {
    inputs: { registry: `oci://${reg.host}/charts`, username: reg.username, password: reg.password, 'plain-http': 'true', ...inputs },
    cwd: options.cwd ?? workspace,
    env: {
      HOME: dirs.home,
      RUNNER_TEMP: dirs.runnerTemp,
      TMPDIR: dirs.tmp,
      GNUPGHOME: undefined,
      HELM_REGISTRY_CONFIG: join(base, 'registry-config.json'),
      SOURCE_DATE_EPOCH: String(EPOCH),
    },
  });
  return { result, dirs };
}

function transcript(result: StepResult): string {
  return `exit ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

/** The `::error::` workflow commands, decoded as the runner shows them. */
function errorLines(result: StepResult): string[] {
  return `${result.stdout}\n${result.stderr}`
    .split('\n')
    .filter((line) => line.startsWith('::error'))
    .map((line) => line.replace(/^::error(?: [^:]*)?::/, '').replaceAll('%0A', '\n').replaceAll('%0D', '\r').replaceAll('%25', '%'));
}

function assertSucceeded(result: StepResult): void {
  assert.equal(result.code, 0, transcript(result));
  assert.deepEqual(errorLines(result), [], transcript(result));
}

/** The lines of an armored key that carry key material (not armor lines, not blank). */
function keyMaterialLines(armored: string): string[] {
  return armored
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => /^[A-Za-z0-9+/]{16,}={0,2}$/.test(l));
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries.map((e) => relative(dir, join(e.parentPath, e.name)));
}

/**
 * The key and passphrase appear nowhere a user or a later step can see them, except on the
 * `::add-mask::` lines that register them with the runner; nothing was left in HOME (no .gnupg),
 * RUNNER_TEMP or TMPDIR, and nothing was written into the workspace.
 */
async function assertNoSecretLeft(run: Run, key: GpgKey, passphrase?: string): Promise<void> {
  const secrets = [...keyMaterialLines(key.armoredSecret), ...(passphrase ? [passphrase] : [])];
  assert.ok(secrets.length > 10, 'the armored key has material lines to look for');
  const { result, dirs } = run;
  const visible = `${result.stdout}\n${result.stderr}`.split('\n').filter((line) => !line.startsWith('::add-mask::'));
  for (const secret of secrets) {
    const line = visible.find((l) => l.includes(secret));
    assert.equal(line, undefined, `a secret is printed outside ::add-mask:: (${secret === passphrase ? 'the passphrase' : 'a key line'})`);
    for (const [name, value] of Object.entries(result.outputs)) assert.ok(!value.includes(secret), `output ${name} holds a secret`);
    assert.ok(!result.summary.includes(secret), 'the job summary holds a secret');
  }
  if (passphrase) assert.ok(result.stdout.includes(`::add-mask::${passphrase}\n`), 'the passphrase is masked');
  for (const secret of keyMaterialLines(key.armoredSecret)) assert.ok(result.stdout.includes(`::add-mask::${secret}\n`), 'every key line is masked');

  assert.ok(!(await filesUnder(dirs.home)).some((f) => f.split('/').includes('.gnupg')), 'a .gnupg dir appeared in HOME');
  for (const [name, dir] of Object.entries(dirs)) {
    assert.deepEqual(await filesUnder(dir), [], `the step left files in its ${name} dir`);
  }
  const workspaceFiles = await filesUnder(workspace);
  assert.deepEqual(workspaceFiles.sort(), ['charts', 'charts/signed-app', 'charts/signed-app/Chart.yaml', 'charts/signed-app/templates', 'charts/signed-app/templates/configmap.yaml', 'charts/signed-app/values.yaml']);
}

interface ChartOutput {
  name: string;
  version: string;
  tag: string;
  digest: string;
  signed: boolean;
  pushed: boolean;
  status: string;
}

function chartsOutput(result: StepResult): ChartOutput[] {
  return JSON.parse(result.outputs.charts ?? 'null') as ChartOutput[];
}

/** The job summary's table as header → cell text, one object per chart row. */
function summaryRows(summary: string): Array<Record<string, string>> {
  const rows = [...summary.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) => [...m[1]!.matchAll(/<t[hd]>(.*?)<\/t[hd]>/gs)].map((c) => c[1]!));
  const [header, ...body] = rows;
  assert.ok(header, `no table in the summary:\n${summary}`);
  return body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

// ---------------------------------------------------------------------------------------------
// Reading what was pushed, as a consumer would

const sha256 = (data: Buffer | string): string => `sha256:${createHash('sha256').update(data).digest('hex')}`;

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
}
interface Manifest {
  schemaVersion: number;
  config: Descriptor;
  layers: Descriptor[];
  annotations?: Record<string, string>;
}

function basicAuth(): string {
  return `Basic ${Buffer.from(`${reg.username}:${reg.password}`).toString('base64')}`;
}

async function getManifest(repository: string, reference: string): Promise<{ manifest: Manifest; body: Buffer; digest: string }> {
  const response = await fetch(`${reg.baseUrl}/v2/${repository}/manifests/${reference}`, {
    headers: { accept: 'application/vnd.oci.image.manifest.v1+json', authorization: basicAuth() },
  });
  const body = Buffer.from(await response.arrayBuffer());
  assert.equal(response.status, 200, `GET ${repository}:${reference}: ${body.toString()}`);
  return { manifest: JSON.parse(body.toString()) as Manifest, body, digest: sha256(body) };
}

async function tagsStatus(repository: string): Promise<number> {
  const response = await fetch(`${reg.baseUrl}/v2/${repository}/tags/list`, { headers: { authorization: basicAuth() } });
  await response.arrayBuffer();
  return response.status;
}

/** Layers as `helm push` writes them: chart (+ provenance), exact descriptors, sorted by digest. */
function assertHelmLayers(manifest: Manifest, signed: boolean): void {
  assert.equal(manifest.config.mediaType, CONFIG_MEDIA_TYPE);
  for (const layer of manifest.layers) assert.deepEqual(Object.keys(layer), ['mediaType', 'digest', 'size']);
  assert.deepEqual(manifest.layers.map((l) => l.mediaType).sort(), signed ? [CHART_MEDIA_TYPE, PROV_MEDIA_TYPE] : [CHART_MEDIA_TYPE]);
  const digests = manifest.layers.map((l) => l.digest);
  assert.deepEqual(digests, [...digests].sort(), 'layers are sorted by digest, as Helm sorts them');
}

const layer = (manifest: Manifest, mediaType: string): Descriptor => manifest.layers.find((l) => l.mediaType === mediaType)!;

interface Pulled {
  tgz: string;
  prov: string;
  output: string;
}

/** `helm pull --verify` into a new folder; throws unless Helm exits 0. */
async function pullVerified(version: HelmVersion, url: string, chartVersion: string, keyring: string): Promise<Pulled> {
  const dest = await cleanup.tempDir(`pulled-${version}-`);
  const result = await helmOk(version, ['pull', url, '--version', chartVersion, '--verify', '--keyring', keyring, '-d', dest, ...helmRegistryFlags(version, reg)], { home });
  const files = (await readdir(dest)).sort();
  assert.equal(files.length, 2, `helm pull --verify wrote ${files.join(', ')}`);
  assert.ok(files[1] === `${files[0]}.prov`, `a .tgz and its .prov: ${files.join(', ')}`);
  return { tgz: join(dest, files[0]!), prov: join(dest, files[1]!), output: result.stdout + result.stderr };
}

function pullWithKeyring(version: HelmVersion, url: string, chartVersion: string, keyring: string) {
  return runHelm(version, ['pull', url, '--version', chartVersion, '--verify', '--keyring', keyring, '-d', work, ...helmRegistryFlags(version, reg)], { home });
}

/** The signed text of a clear-signed .prov: between the armor header and the signature, undashed. */
function signedText(prov: string): string {
  assert.ok(prov.startsWith('-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n'), `not clear-signed with SHA512:\n${prov}`);
  const start = prov.indexOf('\n\n') + 2;
  // The line break right before the signature block belongs to the armor, not the text.
  return prov.slice(start, prov.indexOf('\n-----BEGIN PGP SIGNATURE-----')).replace(/^- /gm, '');
}

const metadataPart = (text: string): string => text.slice(0, text.indexOf('\n...\n'));
const filesPart = (text: string): string => text.slice(text.indexOf('\n...\n') + 5);

// ---------------------------------------------------------------------------------------------

describe('sign: true signs the pushed chart with Helm provenance', () => {
  let run: Run;
  let digest: string;
  let manifest: Manifest;
  let pulled: Partial<Record<HelmVersion, Pulled>> = {};
  const url = (): string => `oci://${reg.host}/charts/signed-app`;

  before(async () => {
    run = await publish({ chart: 'charts/signed-app', sign: 'true', 'signing-key': keys.signer.armoredSecret, version: VERSION, 'app-version': APP_VERSION });
    assertSucceeded(run.result);
    digest = run.result.outputs.digest!;
    ({ manifest } = await getManifest('charts/signed-app', '2.0.0_build.1'));
    pulled = {};
  });

  it('sets signed: true in the outputs, in charts and in the job summary', () => {
    const { outputs, summary, stdout } = run.result;
    assert.equal(outputs.signed, 'true');
    assert.equal(outputs.version, VERSION);
    assert.equal(outputs.tag, '2.0.0_build.1');
    const [chart, ...rest] = chartsOutput(run.result);
    assert.equal(rest.length, 0);
    assert.equal(chart!.signed, true);
    assert.equal(chart!.status, 'pushed');
    const [row] = summaryRows(summary);
    assert.equal(row!.Signed, 'yes', summary);
    assert.match(stdout, /Signing with Chart Signer <chart\.signer@example\.com> \([0-9A-F]{40}\)/);
  });

  it('pushes the provenance layer as Helm does, under the digest it reports', async () => {
    const got = await getManifest('charts/signed-app', digest);
    assert.equal(got.digest, digest);
    assertHelmLayers(manifest, true);
  });

  for (const version of VERIFIERS) {
    it(`helm ${version} pull --verify succeeds with the signer's public keyring, and helm verify of the pulled .tgz`, async () => {
      const p = await pullVerified(version, url(), VERSION, keys.signer.publicKeyring);
      pulled[version] = p;
      assert.match(p.output, /Signed by: Chart Signer <chart\.signer@example\.com>/);
      assert.equal(p.tgz.split('/').pop(), `signed-app-${VERSION}.tgz`);
      // What Helm pulled is what the manifest lists.
      assert.equal(sha256(await readFile(p.tgz)), layer(manifest, CHART_MEDIA_TYPE).digest);
      assert.equal(sha256(await readFile(p.prov)), layer(manifest, PROV_MEDIA_TYPE).digest);

      const verified = await runHelm(version, ['verify', '--keyring', keys.signer.publicKeyring, p.tgz], { home });
      assert.equal(verified.code, 0, verified.stderr);
      assert.match(verified.stdout, /Signed by: Chart Signer/);
      assert.match(verified.stdout, new RegExp(`Chart Hash Verified: ${sha256(await readFile(p.tgz))}`));
    });

    it(`helm ${version} rejects it with another key's public keyring, on pull --verify and on verify`, async () => {
      const pull = await pullWithKeyring(version, url(), VERSION, keys.other.publicKeyring);
      assert.notEqual(pull.code, 0, pull.stdout);
      assert.match(pull.stderr, /signature made by unknown entity/);
      const p = pulled[version];
      assert.ok(p, 'the pull --verify test ran first');
      const verified = await runHelm(version, ['verify', '--keyring', keys.other.publicKeyring, p.tgz], { home });
      assert.notEqual(verified.code, 0, verified.stdout);
      assert.match(verified.stderr, /signature made by unknown entity/);
    });

    it(`helm ${version} template --verify, which locates the chart as helm install --verify does, accepts it; another keyring fails`, async () => {
      const args = (keyring: string) => ['template', 'demo', url(), '--version', VERSION, '--verify', '--keyring', keyring, ...helmRegistryFlags(version, reg)];
      const good = await runHelm(version, args(keys.signer.publicKeyring), { home });
      assert.equal(good.code, 0, good.stderr);
      assert.match(good.stdout, /^kind: ConfigMap$/m);
      const bad = await runHelm(version, args(keys.other.publicKeyring), { home });
      assert.notEqual(bad.code, 0, bad.stdout);
      assert.match(bad.stderr, /signature made by unknown entity/);
      if (version === '4.1.4') {
        // Helm 4 installs with --dry-run=client without a cluster; Helm 3.16 would still ask one.
        const installed = await runHelm(version, ['install', 'demo', url(), '--version', VERSION, '--verify', '--keyring', keys.signer.publicKeyring, '--dry-run=client', ...helmRegistryFlags(version, reg)], { home });
        assert.equal(installed.code, 0, installed.stderr);
        assert.match(installed.stdout, /^NAME: demo$/m);
      }
    });

    it(`helm ${version} verify rejects the .tgz altered after signing`, async () => {
      const p = pulled[version];
      assert.ok(p, 'the pull --verify test ran first');
      const dir = await cleanup.tempDir('altered-');
      const name = p.tgz.split('/').pop()!;
      const data = await readFile(p.tgz);
      data[data.length - 5] ^= 0xff; // inside the gzip trailer: still the same size
      await writeFile(join(dir, name), data);
      await writeFile(join(dir, `${name}.prov`), await readFile(p.prov));
      const verified = await runHelm(version, ['verify', '--keyring', keys.signer.publicKeyring, join(dir, name)], { home });
      assert.notEqual(verified.code, 0, verified.stdout);
      assert.match(verified.stderr, /sha256 sum does not match/);
    });
  }

  // Not a check of the action: it records the Helm bug that keeps 3.18.0 out of the checks above.
  it('Helm 3.18.0 refuses any OCI chart with a provenance layer, even without --verify (helm/helm#30890)', async () => {
    for (const args of [['pull', url(), '-d', work], ['pull', url(), '--verify', '--keyring', keys.signer.publicKeyring, '-d', work], ['show', 'chart', url()]]) {
      const result = await runHelm('3.18.0', [...args, '--version', VERSION, '--plain-http'], { home });
      assert.notEqual(result.code, 0, `helm 3.18.0 ${args[0]}: ${result.stdout}`);
      assert.match(result.stderr, /media type "application\/vnd\.cncf\.helm\.chart\.provenance\.v1\.prov" is not allowed/);
    }
  });

  it('gpg --verify accepts the pulled .prov', async () => {
    const p = pulled['4.1.4'];
    assert.ok(p, 'the pull --verify test ran first');
    const result = await gpgVerifyClearsigned(keys.signer.armoredPublic, await readFile(p.prov, 'utf8'));
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /\[GNUPG:\] GOODSIG [0-9A-F]{16} Chart Signer/);
    assert.match(result.stdout, new RegExp(`\\[GNUPG:\\] VALIDSIG ${keys.signer.fingerprint} .* 10 01 `), 'hash algorithm 10: SHA-512');
  });

  it('the signature covers the pushed .tgz with the overridden version and app version', async () => {
    const p = pulled['4.1.4'];
    assert.ok(p, 'the pull --verify test ran first');
    const text = signedText(await readFile(p.prov, 'utf8'));
    assert.equal(filesPart(text), `files:\n  signed-app-${VERSION}.tgz: ${layer(manifest, CHART_MEDIA_TYPE).digest}\n`);
    assert.match(metadataPart(text), new RegExp(`^version: ${VERSION.replace(/[.+]/g, '\\$&')}$`, 'm'));
    assert.match(metadataPart(text), new RegExp(`^appVersion: ${APP_VERSION.replace(/\./g, '\\.')}$`, 'm'));
    const shown = await helmOk('4.1.4', ['show', 'chart', p.tgz], { home });
    assert.match(shown.stdout, new RegExp(`^version: ${VERSION.replace(/[.+]/g, '\\$&')}$`, 'm'));
    assert.match(shown.stdout, new RegExp(`^appVersion: ${APP_VERSION.replace(/\./g, '\\.')}$`, 'm'));
  });

  it('the metadata part of the signed text is the one helm package --sign writes (Helm 4.1.4)', async () => {
    const p = pulled['4.1.4'];
    assert.ok(p, 'the pull --verify test ran first');
    const out = await cleanup.tempDir('helm-signed-');
    await helmOk(
      '4.1.4',
      ['package', join(workspace, 'charts', 'signed-app'), '--version', VERSION, '--app-version', APP_VERSION, '--sign', '--key', keys.signer.uid, '--keyring', keys.signer.secretKeyring, '-d', out],
      { home },
    );
    const helmProv = await readFile(join(out, `signed-app-${VERSION}.tgz.prov`), 'utf8');
    const ours = signedText(await readFile(p.prov, 'utf8'));
    assert.equal(metadataPart(ours), metadataPart(signedText(helmProv)));
    assert.match(metadataPart(ours), /^maintainers:\n- email: release@example\.com\n {2}name: Release Bot$/m, 'the comparison covers more than name and version');
  });

  it('keeps the key in memory only: nothing on disk, nothing printed unmasked', async () => {
    await assertNoSecretLeft(run, keys.signer);
  });
});

describe('a passphrase-protected key', () => {
  it('signs with signing-passphrase; Helm 3.16.1 and 4.1.4 verify; the passphrase stays masked', async () => {
    const run = await publish({ chart: 'charts/signed-app', sign: 'true', 'signing-key': keys.protected.armoredSecret, 'signing-passphrase': PASSPHRASE, version: '2.0.1' });
    assertSucceeded(run.result);
    assert.equal(run.result.outputs.signed, 'true');
    const { manifest } = await getManifest('charts/signed-app', '2.0.1');
    assertHelmLayers(manifest, true);
    for (const version of VERIFIERS) {
      const p = await pullVerified(version, `oci://${reg.host}/charts/signed-app`, '2.0.1', keys.protected.publicKeyring);
      assert.match(p.output, /Signed by: Protected Signer/);
    }
    await assertNoSecretLeft(run, keys.protected, PASSPHRASE);
  });
});

describe('without sign', () => {
  it('a chart directory is pushed unsigned: signed false, one layer', async () => {
    const run = await publish({ chart: 'charts/signed-app', version: '2.0.2' });
    assertSucceeded(run.result);
    assert.equal(run.result.outputs.signed, 'false');
    assert.equal(chartsOutput(run.result)[0]!.signed, false);
    assert.equal(summaryRows(run.result.summary)[0]!.Signed, 'no');
    assertHelmLayers((await getManifest('charts/signed-app', '2.0.2')).manifest, false);
  });
});

describe('re-running with sign: true over an unsigned copy of the same chart', () => {
  // The registry keeps its unsigned copy (status unchanged, with a warning), and the outputs name
  // that copy's digest; `signed` must then describe that copy, which has no provenance.
  it('reports signed: false for the unsigned copy the outputs point to', async () => {
    const first = await publish({ chart: 'charts/signed-app', version: '3.0.0' });
    assertSucceeded(first.result);
    const again = await publish({ chart: 'charts/signed-app', version: '3.0.0', sign: 'true', 'signing-key': keys.signer.armoredSecret });
    assertSucceeded(again.result);
    assert.equal(chartsOutput(again.result)[0]!.status, 'unchanged');
    assert.match(again.result.stdout, /holds the same chart without a provenance file; set if-exists: overwrite/);
    assert.equal(again.result.outputs.digest, first.result.outputs.digest);
    assertHelmLayers((await getManifest('charts/signed-app', again.result.outputs.digest!)).manifest, false);
    assert.equal(again.result.outputs.signed, 'false');
  });
});

describe('a chart packaged and signed by helm package --sign, with its .prov beside it', () => {
  let packaged: string; // folder with pkg-app-0.4.0.tgz and pkg-app-0.4.0.tgz.prov
  const TGZ = 'pkg-app-0.4.0.tgz';

  before(async () => {
    const src = join(work, 'pkg-src');
    await mkdir(join(src, 'pkg-app', 'templates'), { recursive: true });
    await writeFile(join(src, 'pkg-app', 'Chart.yaml'), 'apiVersion: v2\nname: pkg-app\nversion: 0.4.0\ndescription: packaged elsewhere\n');
    await writeFile(join(src, 'pkg-app', 'templates', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n');
    packaged = join(work, 'packaged');
    await helmOk('4.1.4', ['package', join(src, 'pkg-app'), '--sign', '--key', keys.signer.uid, '--keyring', keys.signer.secretKeyring, '-d', packaged], { home });
    // Helm stamps org.opencontainers.image.created with the .tgz's mtime, the action with SOURCE_DATE_EPOCH.
    await utimes(join(packaged, TGZ), EPOCH, EPOCH);
  });

  it('is pushed with that provenance, byte for byte the manifest helm push writes, and Helm verifies it', async () => {
    const run = await publish({ chart: TGZ }, { cwd: packaged });
    assertSucceeded(run.result);
    assert.equal(run.result.outputs.signed, 'true');
    assert.equal(chartsOutput(run.result)[0]!.signed, true);
    const ours = await getManifest('charts/pkg-app', '0.4.0');
    assert.equal(ours.digest, run.result.outputs.digest);
    assertHelmLayers(ours.manifest, true);
    assert.equal(layer(ours.manifest, PROV_MEDIA_TYPE).digest, sha256(await readFile(join(packaged, `${TGZ}.prov`))));
    assert.equal(layer(ours.manifest, CHART_MEDIA_TYPE).digest, sha256(await readFile(join(packaged, TGZ))));

    await helmOk('4.1.4', ['push', join(packaged, TGZ), `oci://${reg.host}/golden`, '--plain-http'], { home });
    const helms = await getManifest('golden/pkg-app', '0.4.0');
    assert.equal(ours.body.toString(), helms.body.toString());

    for (const version of VERIFIERS) {
      const p = await pullVerified(version, `oci://${reg.host}/charts/pkg-app`, '0.4.0', keys.signer.publicKeyring);
      assert.match(p.output, /Signed by: Chart Signer/);
    }
  });

  it('with sign: true as well: a clear error, exit 1, nothing pushed', async () => {
    const counter = await startCountingForwarder(reg);
    cleanup.add(() => counter.stop());
    const run = await publish({ chart: TGZ, registry: `oci://${counter.host}/refused`, sign: 'true', 'signing-key': keys.signer.armoredSecret }, { cwd: packaged });
    assert.equal(run.result.code, 1, transcript(run.result));
    const errors = errorLines(run.result);
    assert.equal(errors.length, 1, transcript(run.result));
    assert.match(errors[0]!, /pkg-app-0\.4\.0\.tgz already has a signature beside it \(pkg-app-0\.4\.0\.tgz\.prov\)/);
    assert.match(errors[0]!, /set "sign: false" to push that one, or remove the \.prov file/);
    assert.equal(counter.connections(), 0, 'the registry was contacted');
    assert.equal(await tagsStatus('refused/pkg-app'), 404);
    assert.equal(run.result.outputs.digest, undefined);
  });
});

describe('signing errors: exit 1, one clear error, no stack trace, no request to the registry', () => {
  let counter: Awaited<ReturnType<typeof startCountingForwarder>>;
  before(async () => {
    counter = await startCountingForwarder(reg);
    cleanup.add(() => counter.stop());
  });

  const cases: Array<{ title: string; key: () => GpgKey | undefined; inputs: () => Record<string, string>; error: RegExp[] }> = [
    {
      title: 'sign without a key',
      key: () => undefined,
      inputs: () => ({ sign: 'true' }),
      error: [/input "sign" is true but "signing-key" is empty/, /ASCII-armored OpenPGP secret key/, /gpg --armor --export-secret-keys/],
    },
    {
      title: 'a public key',
      key: () => undefined, // nothing secret was given
      inputs: () => ({ sign: 'true', 'signing-key': keys.signer.armoredPublic }),
      error: [/the signing key is a public key; signing needs the secret key/, /gpg --armor --export-secret-keys/],
    },
    {
      title: 'a wrong passphrase',
      key: () => keys.protected,
      inputs: () => ({ sign: 'true', 'signing-key': keys.protected.armoredSecret, 'signing-passphrase': 'not the passphrase' }),
      error: [/Protected Signer <protected\.signer@example\.com> \([0-9A-F]{40}\)/, /the passphrase is wrong/, /check the passphrase/],
    },
    {
      title: 'a protected key without a passphrase',
      key: () => keys.protected,
      inputs: () => ({ sign: 'true', 'signing-key': keys.protected.armoredSecret }),
      error: [/Protected Signer/, /is protected by a passphrase; provide the passphrase/],
    },
    {
      title: 'an expired key',
      key: () => keys.expired,
      inputs: () => ({ sign: 'true', 'signing-key': keys.expired.armoredSecret }),
      error: [/Expired Signer/, /expired on 2020-01-02T/, /extend it \(gpg --quick-set-expire\) and export it again, or use another key/],
    },
    {
      title: 'a revoked key',
      key: () => keys.revoked,
      inputs: () => ({ sign: 'true', 'signing-key': keys.revoked.armoredSecret }),
      error: [/Revoked Signer/, /has been revoked; use another key/],
    },
    {
      title: 'a key that cannot sign',
      key: () => keys.cannotSign,
      inputs: () => ({ sign: 'true', 'signing-key': keys.cannotSign.armoredSecret }),
      error: [/Encrypt Only/, /has no key or subkey that can sign/, /use a key with signing capability/],
    },
  ];

  for (const c of cases) {
    it(c.title, async () => {
      const before = counter.connections();
      const run = await publish({ chart: 'charts/signed-app', registry: `oci://${counter.host}/charts`, ...c.inputs() });
      const { result } = run;
      assert.equal(result.code, 1, transcript(result));
      const errors = errorLines(result);
      assert.equal(errors.length, 1, transcript(result));
      assert.ok(errors[0]!.startsWith('helm-oci-publish: '), errors[0]);
      for (const pattern of c.error) assert.match(errors[0]!, pattern);
      const shown = `${result.stdout}\n${result.stderr}`.split('\n').filter((l) => !l.startsWith('::debug::')).join('\n');
      assert.doesNotMatch(shown, /^\s+at .+:\d+:\d+\)?$/m, 'a stack trace is printed');
      assert.equal(counter.connections(), before, 'the registry was contacted');
      assert.deepEqual(result.outputs, {});
      const key = c.key();
      if (key) await assertNoSecretLeft(run, key, c.inputs()['signing-passphrase']);
    });
  }
});
