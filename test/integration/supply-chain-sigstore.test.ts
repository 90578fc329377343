// Keyless signing and build provenance of a chart pushed by real Helm to a real Distribution 2.8
// registry (no referrers API), against simulated Sigstore services (Fulcio, Rekor, a TSA), the
// runner's OIDC endpoint and GitHub's attestations API. What is stored is then read back the way
// cosign and Artifact Hub read it and verified with @sigstore/verify against the simulated root.
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as core from '@actions/core';
import { bundleFromJSON, type SerializedBundle } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import type { Descriptor } from '../../src/oci/helm-manifest.js';
import { RegistryClient } from '../../src/oci/index.js';

type ManifestInfo = Descriptor;
import { listReferrers, referrersTag } from '../../src/oci/referrers.js';
import { legacySignatureTag, resolveSupplyChain, SupplyChain, SupplyChainError, type ChartSupplyChain } from '../../src/supply-chain/index.js';
import { helmHome, helmOk, type HelmHome } from '../support/helm.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { startSigstoreSim, type SigstoreSim } from '../support/sigstore-sim.js';
import { Cleanup } from '../support/tmp.js';

const cleanup = new Cleanup();
after(() => cleanup.run());

const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const COSIGN_SIGN = 'https://sigstore.dev/cosign/sign/v1';
const SLSA = 'https://slsa.dev/provenance/v1';

let reg: TestRegistry;
let sim: SigstoreSim;
let client: RegistryClient;
let home: HelmHome;
let chart: ManifestInfo;
const REPO = 'charts/app';
/** Everything written to stdout/stderr by this process while signing (the "log"). */
const logged: string[] = [];
const warnings: string[] = [];

async function pushWithHelm(version: string): Promise<ManifestInfo> {
  const work = await cleanup.tempDir('supply-chain-');
  await helmOk('4.1.4', ['package', join(process.cwd(), 'test/fixtures/charts/app'), '-d', work, '--version', version]);
  const [tgz] = (await readdir(work)).filter((f) => f.endsWith('.tgz'));
  await helmOk('4.1.4', ['push', join(work, tgz!), `oci://${reg.host}/charts`, '--plain-http'], { home });
  const info = await client.headManifest(REPO, version);
  assert.ok(info, 'helm pushed the chart');
  return info;
}

function supplyChain(config: Awaited<ReturnType<typeof resolveSupplyChain>>): SupplyChain {
  return new SupplyChain(config, {
    getToken: (audience) => core.getIDToken(audience),
    github: { apiUrl: sim.githubApiUrl, serverUrl: 'https://github.com', repository: 'acme/app', token: 'ghs_simulated' },
    provenanceIssuer: sim.issuerUrl,
    warning: (m) => warnings.push(m),
    timeoutMs: 10_000,
  });
}

async function config(extra: { sigstoreFormat?: string; artifacthubRepo?: string; attest?: boolean; sigstoreSign?: boolean } = {}) {
  return resolveSupplyChain({
    sigstoreSign: extra.sigstoreSign ?? true,
    attest: extra.attest ?? true,
    sigstore: 'custom',
    fulcioUrl: sim.fulcioUrl,
    rekorUrl: sim.rekorUrl,
    tsaUrl: sim.tsaUrl,
    sigstoreFormat: extra.sigstoreFormat,
    artifacthubRepo: extra.artifacthubRepo,
    dryRun: false,
    env: process.env,
  });
}

async function readJson(digestOrTag: string): Promise<Record<string, any>> {
  const manifest = await client.getManifest(REPO, digestOrTag);
  assert.ok(manifest, `${digestOrTag} exists`);
  return JSON.parse(manifest.body.toString());
}

async function bundleOf(referrerDigest: string): Promise<SerializedBundle> {
  const manifest = await readJson(referrerDigest);
  return JSON.parse((await client.getBlob(REPO, manifest.layers[0].digest)).toString());
}

function verifyBundle(json: SerializedBundle, artifact?: Buffer) {
  const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(sim.trustedRoot)), { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 });
  return verifier.verify(toSignedEntity(bundleFromJSON(json), artifact), { subjectAlternativeName: sim.identity, extensions: { issuer: sim.issuerUrl } });
}

function statementOf(json: SerializedBundle): Record<string, any> {
  assert.ok(json.dsseEnvelope, 'a DSSE envelope');
  assert.equal(json.dsseEnvelope.payloadType, 'application/vnd.in-toto+json');
  return JSON.parse(Buffer.from(json.dsseEnvelope.payload, 'base64').toString());
}

/** Everything stored in the registry's filesystem, as text. */
async function registryContent(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const files = await readdir(reg.dataDir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(files.filter((f) => f.isFile()).map((f) => readFile(join(f.parentPath, f.name), 'latin1')));
  return texts.join('\n');
}

before(async () => {
  reg = await startRegistry({ auth: 'basic' });
  cleanup.add(() => reg.stop());
  sim = await startSigstoreSim();
  cleanup.add(() => sim.close());
  home = await helmHome();
  cleanup.add(() => home.remove());
  await helmOk('4.1.4', ['registry', 'login', reg.host, '--username', reg.username, '--password-stdin', '--plain-http'], { home, input: reg.password });
  client = new RegistryClient({ host: reg.host, credentials: { username: reg.username, password: reg.password }, transport: { plainHttp: true } });
  cleanup.add(() => client.close());
  const saved = { ...process.env };
  Object.assign(process.env, sim.env());
  cleanup.add(() => {
    for (const key of Object.keys(sim.env())) if (saved[key] === undefined) delete process.env[key];
    Object.assign(process.env, saved);
  });
  // The runner's log is stdout: capture what the library and @actions/core print.
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    logged.push(String(chunk));
    return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  cleanup.add(() => {
    process.stdout.write = write;
  });
  chart = await pushWithHelm('1.4.0');
});

describe('simulated: Sigstore keyless signing and provenance of a chart in Distribution 2.8', () => {
  let result: ChartSupplyChain;

  before(async () => {
    result = await supplyChain(await config({ sigstoreFormat: 'both' })).secure(client, { registryHost: reg.host, repository: REPO, manifest: chart });
  });

  it('signs as cosign 3 does: a bundle referrer with the cosign statement about the chart digest, verifiable against the trust root', async () => {
    assert.match(result.signatureDigest ?? '', /^sha256:[a-f0-9]{64}$/);
    const manifest = await readJson(result.signatureDigest!);
    assert.equal(manifest.mediaType, 'application/vnd.oci.image.manifest.v1+json');
    assert.equal(manifest.artifactType, BUNDLE);
    assert.deepEqual(manifest.subject, { mediaType: 'application/vnd.oci.image.manifest.v1+json', size: chart.size, digest: chart.digest });
    assert.equal(manifest.config.mediaType, 'application/vnd.oci.empty.v1+json');
    assert.equal(manifest.config.digest, 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a', 'config is {}');
    assert.equal(manifest.layers.length, 1);
    assert.equal(manifest.layers[0].mediaType, BUNDLE);
    assert.equal(manifest.annotations['dev.sigstore.bundle.content'], 'dsse-envelope');
    assert.equal(manifest.annotations['dev.sigstore.bundle.predicateType'], COSIGN_SIGN);
    assert.match(manifest.annotations['org.opencontainers.image.created'], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const bundle = await bundleOf(result.signatureDigest!);
    assert.equal(bundle.mediaType, BUNDLE);
    const statement = statementOf(bundle);
    assert.deepEqual(statement, {
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ digest: { sha256: chart.digest.slice('sha256:'.length) } }],
      predicateType: COSIGN_SIGN,
      predicate: {},
    });
    const signer = verifyBundle(bundle);
    assert.equal(signer.identity?.subjectAlternativeName, sim.identity);
    assert.equal(bundle.verificationMaterial.tlogEntries.length, 1, 'logged in Rekor');
    assert.equal(bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps.length, 1, 'stamped by the TSA');
  });

  it('attests SLSA build provenance like attest-build-provenance, in the registry and with GitHub', async () => {
    assert.match(result.attestationDigest ?? '', /^sha256:[a-f0-9]{64}$/);
    assert.notEqual(result.attestationDigest, result.signatureDigest);
    const manifest = await readJson(result.attestationDigest!);
    assert.equal(manifest.artifactType, BUNDLE);
    assert.equal(manifest.subject.digest, chart.digest);
    assert.equal(manifest.annotations['dev.sigstore.bundle.predicateType'], SLSA);
    const bundle = await bundleOf(result.attestationDigest!);
    verifyBundle(bundle);
    const statement = statementOf(bundle);
    assert.deepEqual(statement.subject, [{ name: `${reg.host}/${REPO}`, digest: { sha256: chart.digest.slice(7) } }]);
    assert.equal(statement.predicateType, SLSA);
    assert.equal(statement.predicate.buildDefinition.buildType, 'https://actions.github.io/buildtypes/workflow/v1');
    assert.equal(statement.predicate.buildDefinition.externalParameters.workflow.path, '.github/workflows/release.yml');
    assert.equal(statement.predicate.runDetails.builder.id, sim.identity);

    assert.ok(result.attestationId, 'GitHub returned an id');
    assert.equal(result.attestationUrl, `https://github.com/acme/app/attestations/${result.attestationId}`);
    assert.deepEqual(sim.storedAttestations.get(Number(result.attestationId)), bundle, 'GitHub stored the same bundle');
    assert.deepEqual(warnings, []);
  });

  it('lists both in the sha256-<hex> referrers tag index, as cosign and Artifact Hub find them without a referrers API', async () => {
    const index = await readJson(referrersTag(chart.digest));
    assert.equal(index.mediaType, 'application/vnd.oci.image.index.v1+json');
    assert.equal(index.schemaVersion, 2);
    const byType = Object.fromEntries(index.manifests.map((m: any) => [m.annotations['dev.sigstore.bundle.predicateType'], m]));
    assert.equal(byType[COSIGN_SIGN].digest, result.signatureDigest);
    assert.equal(byType[COSIGN_SIGN].artifactType, BUNDLE);
    assert.equal(byType[COSIGN_SIGN].annotations['dev.sigstore.bundle.content'], 'dsse-envelope');
    assert.equal(byType[SLSA].digest, result.attestationDigest);
    const listed = await listReferrers(client, REPO, chart.digest);
    assert.equal(listed.api, false, 'Distribution 2.8 has no referrers API');
    assert.equal(listed.manifests.length, 2);
  });

  it('writes the legacy sha256-<hex>.sig signature cosign before 2.6 reads', async () => {
    const manifest = await readJson(legacySignatureTag(chart.digest));
    assert.equal(result.legacySignatureDigest, (await client.headManifest(REPO, legacySignatureTag(chart.digest)))?.digest);
    assert.equal(manifest.config.mediaType, 'application/vnd.oci.image.config.v1+json');
    assert.equal(manifest.layers.length, 1);
    const layer = manifest.layers[0];
    assert.equal(layer.mediaType, 'application/vnd.dev.cosign.simplesigning.v1+json');
    const payload = await client.getBlob(REPO, layer.digest);
    assert.deepEqual(JSON.parse(payload.toString()), {
      critical: { identity: { 'docker-reference': `${reg.host}/${REPO}` }, image: { 'docker-manifest-digest': chart.digest }, type: 'cosign container image signature' },
      optional: null,
    });
    const a = layer.annotations;
    assert.match(a['dev.cosignproject.cosign/signature'], /^[A-Za-z0-9+/]+=*$/);
    assert.match(a['dev.sigstore.cosign/certificate'], /^-----BEGIN CERTIFICATE-----\n/);
    const rekorBundle = JSON.parse(a['dev.sigstore.cosign/bundle']);
    assert.equal(typeof rekorBundle.SignedEntryTimestamp, 'string');
    assert.equal(typeof rekorBundle.Payload.integratedTime, 'number');
    assert.equal(JSON.parse(Buffer.from(rekorBundle.Payload.body, 'base64').toString()).kind, 'hashedrekord');
    assert.ok(JSON.parse(a['dev.sigstore.cosign/rfc3161timestamp']).SignedRFC3161Timestamp);
    // The signature is over the payload, by the certified key.
    const { X509Certificate, verify } = await import('node:crypto');
    const cert = new X509Certificate(a['dev.sigstore.cosign/certificate']);
    assert.ok(verify('sha256', payload, cert.publicKey, Buffer.from(a['dev.cosignproject.cosign/signature'], 'base64')));
    assert.match(cert.subjectAltName ?? '', new RegExp(sim.identity.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });

  it('leaves nothing of the OIDC tokens or a private key in the registry, the results or the log', async () => {
    assert.ok(sim.issuedTokens.length >= 3, 'tokens were handed out');
    const stored = await registryContent();
    // `::add-mask::` lines are the runner's masking commands: the runner consumes them, never shows them.
    const shown = logged.join('').split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n');
    assert.ok(logged.join('').includes('::add-mask::'), 'tokens were masked');
    const everything = [stored, JSON.stringify(result), shown, warnings.join('\n')];
    for (const token of sim.issuedTokens) {
      const signature = token.split('.')[2]!;
      for (const text of everything) {
        assert.ok(!text.includes(token) && !text.includes(signature), 'an OIDC token leaked');
      }
    }
    for (const text of everything) assert.doesNotMatch(text, /PRIVATE KEY|"d":"/);
  });

  it('keeps what is there on a re-run of the unchanged chart: no second signature', async () => {
    const fulcioCalls = sim.requests.fulcio.length;
    const again = await supplyChain(await config()).secure(client, { registryHost: reg.host, repository: REPO, manifest: chart, unchanged: true });
    assert.equal(again.signatureDigest, result.signatureDigest);
    assert.equal(again.attestationDigest, result.attestationDigest);
    assert.equal(sim.requests.fulcio.length, fulcioCalls, 'no certificate was asked for');
    assert.equal((await readJson(referrersTag(chart.digest))).manifests.length, 2);
  });
});

describe('simulated: Sigstore failures after the push', () => {
  it('a Rekor outage fails with what is left to do, the chart reported in the registry unsigned', async () => {
    const other = await pushWithHelm('1.4.1');
    sim.failures.rekor = 503;
    try {
      await assert.rejects(
        supplyChain(await config({ attest: false })).secure(client, { registryHost: reg.host, repository: REPO, manifest: other }),
        (error: unknown) => {
          assert.ok(error instanceof SupplyChainError);
          assert.match(error.message, /in the registry, unsigned: could not sign it \(cosign bundle\)/);
          assert.match(error.message, /Rekor/);
          assert.match(error.message, /Run the job again/);
          for (const token of sim.issuedTokens) assert.ok(!error.message.includes(token));
          assert.deepEqual(error.done, {});
          return true;
        },
      );
    } finally {
      sim.failures.rekor = undefined;
    }
    const listed = await listReferrers(client, REPO, other.digest);
    assert.equal(listed.manifests.length, 0, 'no half-written signature is listed');
  });

  it('an attestations API that refuses (private repository) is a warning; the attestation is in the registry', async () => {
    const other = await pushWithHelm('1.4.2');
    sim.failures.github = 404;
    warnings.length = 0;
    try {
      const result = await supplyChain(await config({ sigstoreSign: false })).secure(client, { registryHost: reg.host, repository: REPO, manifest: other });
      assert.match(result.attestationDigest ?? '', /^sha256:/);
      assert.equal(result.attestationId, undefined);
      assert.equal(warnings.length, 1);
      assert.match(warnings[0]!, /cannot store attestations .*It is in the registry/);
    } finally {
      sim.failures.github = undefined;
    }
  });
});
