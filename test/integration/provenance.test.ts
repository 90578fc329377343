// Provenance proved with real tools: `.prov` files we sign are accepted by `helm verify` (Helm
// 3.16.1, 3.18.0, 4.1.4) and `gpg --verify`, rejected for another key or an altered chart, and our
// signed text is byte-identical to what `helm package --sign` writes for a chart with rich metadata.
// The chart metadata JSON comes from Helm itself: the config blob of a real `helm push`.
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { configJson, packageChart } from '../../src/chart/index.js';
import { sha256Digest } from '../../src/oci/index.js';
import { loadSigningKey, provenanceMessage, signProvenance } from '../../src/chart/provenance.js';
import { GpgHome, gpgVerifyClearsigned, type GpgKey } from '../support/gpg.js';
import { ALL_HELM_VERSIONS, helmHome, helmOk, runHelm, type HelmHome, type HelmVersion } from '../support/helm.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { Cleanup } from '../support/tmp.js';

const cleanup = new Cleanup();
after(() => cleanup.run());

const PASSPHRASE = 'integration passphrase';
const TGZ = 'richdemo-2.1.0+build.5.tgz';

// Everything that changes Helm's YAML style: sequences, maps in sequences, sorted and "natural"
// annotation keys, values YAML 1.1 reads as non-strings, a literal block, a long folded line,
// non-ASCII text.
const CHART_YAML = `apiVersion: v2
name: richdemo
version: 2.1.0+build.5
appVersion: "1.10"
kubeVersion: ">=1.22.0-0"
type: application
description: >-
  A demo chart with a description long enough that go-yaml has to fold it onto a second line,
  because Helm's provenance text is YAML with an 80 column width: "quotes" & <brackets> too.
home: https://example.com/richdemo
icon: https://example.com/icon.svg
sources:
  - https://github.com/example/richdemo
keywords: [web, "yes", "1.0", "2024-02-29", "a: b", "#tag", it's]
maintainers:
  - name: Ann O'Neil
    email: ann@example.com
    url: https://ann.example.com
  - name: "Bob: builder"
  - name: Zoë Müller 漢字
annotations:
  artifacthub.io/changes: |
    - kind: added
      description: Provenance files
  artifacthub.io/license: Apache-2.0
  "10": ten
  "9": nine
  category: Integration and Delivery
dependencies:
  - name: sub
    version: 0.1.0
    repository: file://charts/sub
    condition: sub.enabled
    tags: [backend]
    import-values:
      - child: exported
        parent: imported
  - name: sub
    alias: second
    version: 0.1.0
    repository: ""
`;

let gpg: GpgHome;
let signer: GpgKey;
let other: GpgKey;
let home: HelmHome;
let work: string;
let chartDir: string;
let tgzPath: string; // packaged by Helm 4.1.4, unsigned
let helmConfigJson: string; // the config blob of `helm push`
let helmProv4: string; // `helm package --sign`, Helm 4.1.4
let helmProv3: string; // `helm package --sign`, Helm 3.16.1
let helmTgz4: Buffer;

/** The signed text of a clear-signed file: between the armor header and the signature block, undashed. */
function signedText(prov: string): string {
  const start = prov.indexOf('\n\n') + 2;
  const end = prov.indexOf('-----BEGIN PGP SIGNATURE-----');
  // The line break right before the signature block belongs to the armor, not the text.
  return prov.slice(start, end - 1).replace(/^- /gm, '');
}

const metadataPart = (text: string) => text.slice(0, text.indexOf('\n...\n'));

async function helmVerify(version: HelmVersion, tgz: string, keyring: string) {
  return runHelm(version, ['verify', '--keyring', keyring, tgz], { home });
}

/** Writes `prov` beside a copy of `tgzData` in a fresh folder; returns the .tgz path. */
async function placeSigned(folder: string, name: string, tgzData: Buffer, prov: string): Promise<string> {
  const dir = join(work, folder);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, name), tgzData);
  await writeFile(join(dir, `${name}.prov`), prov);
  return join(dir, name);
}

before(async () => {
  work = await cleanup.tempDir('provenance-');
  gpg = await GpgHome.create();
  cleanup.add(() => gpg.remove());
  signer = await gpg.makeKey({ name: 'Chart Signer' });
  other = await gpg.makeKey({ name: 'Somebody Else' });
  home = await helmHome();
  cleanup.add(() => home.remove());

  chartDir = join(work, 'src', 'richdemo');
  await mkdir(join(chartDir, 'templates'), { recursive: true });
  await mkdir(join(chartDir, 'charts', 'sub'), { recursive: true });
  await writeFile(join(chartDir, 'Chart.yaml'), CHART_YAML);
  await writeFile(join(chartDir, 'values.yaml'), 'sub:\n  enabled: true\n');
  await writeFile(join(chartDir, 'templates', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n');
  await writeFile(join(chartDir, 'charts', 'sub', 'Chart.yaml'), 'apiVersion: v2\nname: sub\nversion: 0.1.0\n');

  const out = (dir: string) => join(work, dir);
  await helmOk('4.1.4', ['package', chartDir, '-d', out('helm')], { home });
  tgzPath = join(out('helm'), TGZ);
  await helmOk('4.1.4', ['package', chartDir, '--sign', '--key', signer.uid, '--keyring', signer.secretKeyring, '-d', out('helm4-signed')], { home });
  helmProv4 = await readFile(join(out('helm4-signed'), `${TGZ}.prov`), 'utf8');
  helmTgz4 = await readFile(join(out('helm4-signed'), TGZ));
  await helmOk('3.16.1', ['package', chartDir, '--sign', '--key', signer.uid, '--keyring', signer.secretKeyring, '-d', out('helm3-signed')], { home });
  helmProv3 = await readFile(join(out('helm3-signed'), `${TGZ}.prov`), 'utf8');

  const registry: TestRegistry = await startRegistry({ auth: 'none' });
  cleanup.add(() => registry.stop());
  const pushed = await helmOk('4.1.4', ['push', tgzPath, `oci://${registry.host}/charts`, '--plain-http'], { home });
  const digest = /Digest: (sha256:[0-9a-f]{64})/.exec(pushed.stdout + pushed.stderr)?.[1];
  assert.ok(digest, pushed.stdout + pushed.stderr);
  const manifest = (await (
    await fetch(`${registry.baseUrl}/v2/charts/richdemo/manifests/${digest}`, { headers: { accept: 'application/vnd.oci.image.manifest.v1+json' } })
  ).json()) as { config: { digest: string } };
  helmConfigJson = await (await fetch(`${registry.baseUrl}/v2/charts/richdemo/blobs/${manifest.config.digest}`)).text();
});

describe('provenance text matches helm package --sign', () => {
  it('the metadata part is identical to Helm 4.1.4 and Helm 3.16.1', () => {
    const ours = provenanceMessage(helmConfigJson, TGZ, sha256Digest(helmTgz4));
    assert.equal(metadataPart(ours), metadataPart(signedText(helmProv4)));
    assert.equal(metadataPart(ours), metadataPart(signedText(helmProv3)));
  });

  it('the whole signed text, files part included, is identical for the same archive', () => {
    assert.equal(provenanceMessage(helmConfigJson, TGZ, sha256Digest(helmTgz4)), signedText(helmProv4));
  });

  it('the .prov differs from Helm 4.1.4 only in the signature bytes and the checksum line', async () => {
    const key = await loadSigningKey(signer.armoredSecret);
    const ours = await signProvenance(key, provenanceMessage(helmConfigJson, TGZ, sha256Digest(helmTgz4)));
    const shape = (prov: string) =>
      prov
        .split('\n')
        .filter((line) => !/^=[A-Za-z0-9+/]{4}$/.test(line))
        .map((line, i, lines) => (i > lines.indexOf('-----BEGIN PGP SIGNATURE-----') + 1 && !line.startsWith('-----') ? 'B64' : line))
        .join('\n');
    assert.equal(shape(ours), shape(helmProv4));
    assert.ok(!helmProv4.endsWith('\n') && !ours.endsWith('\n'));
  });

  it('our own packager gives the same metadata text as Helm', async () => {
    const packaged = await packageChart(chartDir, { mtime: new Date('2026-01-02T03:04:05Z'), outDir: work });
    assert.equal(packaged.fileName, TGZ);
    const ours = provenanceMessage(configJson(packaged.metadata), packaged.fileName, packaged.digest);
    assert.equal(metadataPart(ours), metadataPart(signedText(helmProv4)));
  });
});

describe('helm verify and gpg --verify accept what we sign', () => {
  let prov: string;
  let signedTgz: string;
  before(async () => {
    const key = await loadSigningKey(signer.armoredSecret);
    const data = await readFile(tgzPath);
    prov = await signProvenance(key, provenanceMessage(helmConfigJson, TGZ, sha256Digest(data)));
    signedTgz = await placeSigned('ours', TGZ, data, prov);
  });

  for (const version of ALL_HELM_VERSIONS) {
    it(`Helm ${version} verifies it with the signer's public keyring`, async () => {
      const result = await helmVerify(version, signedTgz, signer.publicKeyring);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /Signed by: Chart Signer <chart\.signer@example\.com>/);
      assert.match(result.stdout, /Chart Hash Verified: sha256:[0-9a-f]{64}/);
    });

    it(`Helm ${version} rejects it with another key's public keyring`, async () => {
      const result = await helmVerify(version, signedTgz, other.publicKeyring);
      assert.notEqual(result.code, 0);
      assert.match(result.stderr, /openpgp: signature made by unknown entity/);
    });

    it(`Helm ${version} rejects a chart altered after signing`, async () => {
      const altered = Buffer.concat([await readFile(signedTgz), Buffer.from([0])]);
      const path = await placeSigned(`altered-${version}`, TGZ, altered, prov);
      const result = await helmVerify(version, path, signer.publicKeyring);
      assert.notEqual(result.code, 0);
      assert.match(result.stderr, /sha256 sum does not match/);
    });
  }

  it('Helm rejects a .prov whose text was edited', async () => {
    const edited = prov.replace('category: Integration and Delivery', 'category: Something Else');
    assert.notEqual(edited, prov);
    const path = await placeSigned('edited', TGZ, await readFile(signedTgz), edited);
    for (const version of ['3.16.1', '4.1.4'] as const) {
      const result = await helmVerify(version, path, signer.publicKeyring);
      assert.notEqual(result.code, 0, version);
      assert.match(result.stderr, /openpgp: invalid signature/, version);
    }
  });

  it('gpg --verify accepts it with only the public key imported', async () => {
    const result = await gpgVerifyClearsigned(signer.armoredPublic, prov);
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /\[GNUPG:\] GOODSIG [0-9A-F]{16} Chart Signer/);
    assert.doesNotMatch(result.stdout, /BADSIG|ERRSIG/);
  });

  it('gpg --verify rejects it for another key', async () => {
    const result = await gpgVerifyClearsigned(other.armoredPublic, prov);
    assert.notEqual(result.code, 0);
  });
});

describe('other kinds of signing keys', () => {
  async function signAndPlace(key: GpgKey, folder: string, passphrase?: string): Promise<string> {
    const signing = await loadSigningKey(key.armoredSecret, passphrase);
    const data = await readFile(tgzPath);
    const path = await placeSigned(folder, TGZ, data, await signProvenance(signing, provenanceMessage(helmConfigJson, TGZ, sha256Digest(data))));
    assert.equal(basename(path), TGZ);
    return path;
  }

  it('a passphrase-protected key: Helm 3 and 4 verify', async () => {
    const key = await gpg.makeKey({ name: 'Protected Signer', passphrase: PASSPHRASE });
    const path = await signAndPlace(key, 'protected', PASSPHRASE);
    for (const version of ['3.16.1', '4.1.4'] as const) {
      const result = await helmVerify(version, path, key.publicKeyring);
      assert.equal(result.code, 0, `${version}: ${result.stderr}`);
    }
  });

  it('a signing subkey under a certify-only primary key: Helm 3 and 4 verify', async () => {
    const key = await gpg.makeKey({ name: 'Subkey Signer', signing: 'subkey' });
    const path = await signAndPlace(key, 'subkey');
    for (const version of ['3.16.1', '4.1.4'] as const) {
      const result = await helmVerify(version, path, key.publicKeyring);
      assert.equal(result.code, 0, `${version}: ${result.stderr}`);
    }
  });

  it('an Ed25519 key: Helm 4 and gpg verify; Helm 3 cannot read such keyrings at all', async () => {
    const key = await gpg.makeKey({ name: 'Ed Signer', algorithm: 'ed25519' });
    const path = await signAndPlace(key, 'ed25519');
    const helm4 = await helmVerify('4.1.4', path, key.publicKeyring);
    assert.equal(helm4.code, 0, helm4.stderr);
    const helm3 = await helmVerify('3.16.1', path, key.publicKeyring);
    assert.notEqual(helm3.code, 0);
    assert.match(helm3.stderr, /unsupported feature/);
    const gpgResult = await gpgVerifyClearsigned(key.armoredPublic, await readFile(`${path}.prov`, 'utf8'));
    assert.equal(gpgResult.code, 0, gpgResult.stdout);
    assert.equal((await loadSigningKey(key.armoredSecret)).helm3Compatible, false);
  });

  it('Helm signs with a passphrase-protected key too, and the texts still agree', async () => {
    const key = await gpg.makeKey({ name: 'Helm Passphrase Signer', passphrase: PASSPHRASE });
    const passFile = join(work, 'passphrase.txt');
    await writeFile(passFile, PASSPHRASE);
    const dir = join(work, 'helm-passphrase');
    await helmOk('4.1.4', ['package', chartDir, '--sign', '--key', key.uid, '--keyring', key.secretKeyring, '--passphrase-file', passFile, '-d', dir], { home });
    const helmProv = await readFile(join(dir, `${TGZ}.prov`), 'utf8');
    const data = await readFile(join(dir, TGZ));
    assert.equal(provenanceMessage(helmConfigJson, TGZ, sha256Digest(data)), signedText(helmProv));
  });
});
