// simulated: Sigstore. The committed bundle signs what it pushes, as a runner runs it: the runner's
// OIDC endpoint, Fulcio, Rekor and a timestamp authority are simulated (they cannot exist here),
// the registry is a real Distribution. The signature is found as cosign 3 finds it (an OCI
// referrer, through the referrers tag on Distribution 2.8) and verifies against the simulated
// trust root; the OIDC token never reaches the log or the outputs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bundleFromJSON, type SerializedBundle } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { RegistryClient } from '../../src/oci/index.js';
import { listReferrers } from '../../src/oci/referrers.js';
import { writeMinimalChart } from '../support/charts.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { assertNowhere, shown } from '../support/runner-view.js';
import { startSigstoreSim, type SigstoreSim } from '../support/sigstore-sim.js';
import { Cleanup } from '../support/tmp.js';
import { assertClean, assertFailed, mainStep, userOf } from './action-auth-shared.js';

const cleanup = new Cleanup();
after(() => cleanup.run());

let reg: TestRegistry;
let sim: SigstoreSim;
let workspace: string;

before(async () => {
  reg = await startRegistry({ auth: 'basic' });
  cleanup.add(() => reg.stop());
  sim = await startSigstoreSim();
  cleanup.add(() => sim.close());
  workspace = await cleanup.tempDir('action-supply-chain-');
  await writeMinimalChart(workspace, { name: 'tiny', version: '0.3.0' });
});

function signingInputs(): Record<string, string> {
  return { 'sigstore-sign': 'true', sigstore: 'custom', 'fulcio-url': sim.fulcioUrl, 'rekor-url': sim.rekorUrl, 'tsa-url': sim.tsaUrl };
}

describe('simulated: Sigstore keyless signing through the action', () => {
  test('one step pushes and signs; the signature is a referrer that verifies for the workflow identity', async () => {
    const result = await mainStep({ workspace, host: reg.host, namespace: 'signed', user: userOf(reg), inputs: signingInputs(), env: { ...sim.env(), RUNNER_DEBUG: '1' } });
    assertClean(result);
    const digest = result.outputs.digest!;
    const signature = result.outputs['signature-digest'];
    assert.match(signature ?? '', /^sha256:[0-9a-f]{64}$/, 'the signature-digest output is set');
    assert.equal(JSON.parse(result.outputs.charts!)[0].signatureDigest, signature);

    const client = new RegistryClient({ host: reg.host, credentials: { username: reg.username, password: reg.password }, transport: { plainHttp: true } });
    cleanup.add(() => client.close());
    const referrers = await listReferrers(client, 'signed/tiny', digest);
    const entry = referrers.manifests.find((m) => m.digest === signature);
    assert.ok(entry, 'the signature is listed among the chart digest\'s referrers');
    assert.equal(entry.artifactType, 'application/vnd.dev.sigstore.bundle.v0.3+json');
    assert.equal(entry.annotations?.['dev.sigstore.bundle.predicateType'], 'https://sigstore.dev/cosign/sign/v1');

    const manifest = JSON.parse((await client.getManifest('signed/tiny', signature!))!.body.toString());
    assert.equal(manifest.subject.digest, digest);
    const bundle = JSON.parse((await client.getBlob('signed/tiny', manifest.layers[0].digest)).toString()) as SerializedBundle;
    const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(sim.trustedRoot)), { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 });
    verifier.verify(toSignedEntity(bundleFromJSON(bundle)), { subjectAlternativeName: sim.identity, extensions: { issuer: sim.issuerUrl } });
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope!.payload, 'base64').toString());
    assert.equal(statement.subject[0].digest.sha256, digest.slice('sha256:'.length));

    assert.ok(sim.issuedTokens.length > 0, 'the OIDC endpoint issued a token');
    assertNowhere(shown('main', result), Object.fromEntries(sim.issuedTokens.map((t, i) => [`OIDC token #${i + 1}`, t])));

    // A re-run finds the chart unchanged and its signature in place: nothing is signed again.
    const fulcioCalls = sim.requests.fulcio.length;
    const again = await mainStep({ workspace, host: reg.host, namespace: 'signed', user: userOf(reg), inputs: signingInputs(), env: sim.env() });
    assertClean(again);
    assert.equal(JSON.parse(again.outputs.charts!)[0].status, 'unchanged');
    assert.equal(again.outputs['signature-digest'], signature);
    assert.equal(sim.requests.fulcio.length, fulcioCalls, 'no new certificate for an unchanged, signed chart');
  });

  test('without an OIDC token (no id-token: write) the step is refused before any request', async () => {
    const result = await mainStep({ workspace, host: reg.host, namespace: 'unsigned', user: userOf(reg), inputs: signingInputs() });
    assertFailed(result, /sigstore-sign needs the workflow's OIDC token.*permissions: id-token: write/);
  });

  test('with dry-run it is refused: there is nothing in the registry to sign', async () => {
    const result = await mainStep({ workspace, host: reg.host, namespace: 'unsigned', inputs: { ...signingInputs(), 'dry-run': 'true' }, env: sim.env() });
    assertFailed(result, /sigstore-sign cannot be combined with dry-run/);
  });

  test('a Sigstore outage after the push: the step fails, and the outputs say the chart is in the registry unsigned', async () => {
    await writeMinimalChart(workspace, { name: 'tiny', version: '0.4.0' });
    sim.failures.fulcio = 503;
    try {
      const result = await mainStep({ workspace, host: reg.host, namespace: 'outage', user: userOf(reg), inputs: signingInputs(), env: sim.env() });
      assertFailed(result, /in the registry, unsigned.*Run the job again/);
      const [chart] = JSON.parse(result.outputs.charts!);
      assert.equal(chart.status, 'pushed');
      assert.match(chart.digest, /^sha256:/);
      assert.equal(chart.signatureDigest, undefined);
      assert.match(chart.error, /unsigned/);
    } finally {
      sim.failures.fulcio = undefined;
    }
  });
});
