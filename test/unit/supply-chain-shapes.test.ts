// The bytes other tools read: cosign's statement and referrer manifest, the referrers tag, cosign's
// legacy simple-signing payload and layer annotations, Artifact Hub's metadata manifest.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import type { SerializedBundle } from '@sigstore/bundle';
import { OciInputError } from '../../src/oci/errors.js';
import { artifactManifest, referrersTag } from '../../src/oci/referrers.js';
import { artifactHubManifest, parseArtifactHubRepo } from '../../src/supply-chain/artifacthub.js';
import { legacyAnnotations, legacySignatureTag, simpleSigningPayload } from '../../src/supply-chain/legacy-signature.js';
import { cosignSignStatement, provenanceStatement } from '../../src/supply-chain/statements.js';

const HEX = 'ab'.repeat(32);
const DIGEST = `sha256:${HEX}`;
const sha = (data: string | Buffer) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

describe('in-toto statements', () => {
  it("cosign's: the digest alone as subject, empty predicate", () => {
    assert.equal(
      JSON.stringify(cosignSignStatement(DIGEST)),
      `{"_type":"https://in-toto.io/Statement/v1","subject":[{"digest":{"sha256":"${HEX}"}}],"predicateType":"https://sigstore.dev/cosign/sign/v1","predicate":{}}`,
    );
  });

  it("attest-build-provenance's: the repository as subject name, the SLSA v1 predicate", () => {
    const statement = provenanceStatement('ghcr.io/acme/charts/app', DIGEST, { buildDefinition: {} });
    assert.deepEqual(statement.subject, [{ name: 'ghcr.io/acme/charts/app', digest: { sha256: HEX } }]);
    assert.equal(statement.predicateType, 'https://slsa.dev/provenance/v1');
  });

  it('refuses anything but a sha256 digest', () => {
    assert.throws(() => cosignSignStatement('sha512:abcd'), /not a sha256 digest/);
    assert.throws(() => cosignSignStatement(`sha256:${HEX.toUpperCase()}`), /not a sha256 digest/);
  });
});

describe('referrers', () => {
  it('the referrers tag schema', () => {
    assert.equal(referrersTag(DIGEST), `sha256-${HEX}`);
    assert.equal(legacySignatureTag(DIGEST), `sha256-${HEX}.sig`);
    assert.throws(() => referrersTag('sha256:xyz'), OciInputError);
  });

  it("the referrer manifest in cosign's field order, artifactType on the config too", () => {
    const body = artifactManifest(
      {
        repository: 'charts/app',
        subject: { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: DIGEST, size: 512 },
        artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        layers: [],
        annotations: { 'dev.sigstore.bundle.content': 'dsse-envelope' },
      },
      [{ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', digest: sha('b'), size: 1 }],
      { mediaType: 'application/vnd.oci.empty.v1+json', digest: sha('{}'), size: 2 },
    );
    assert.equal(
      body.toString(),
      '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",' +
        `"config":{"mediaType":"application/vnd.oci.empty.v1+json","size":2,"digest":"${sha('{}')}","artifactType":"application/vnd.dev.sigstore.bundle.v0.3+json"},` +
        `"layers":[{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","size":1,"digest":"${sha('b')}"}],` +
        '"annotations":{"dev.sigstore.bundle.content":"dsse-envelope"},' +
        `"subject":{"mediaType":"application/vnd.oci.image.manifest.v1+json","size":512,"digest":"${DIGEST}"},` +
        '"artifactType":"application/vnd.dev.sigstore.bundle.v0.3+json"}',
    );
  });
});

describe("cosign's legacy .sig format", () => {
  it('the simple signing payload names the image and the digest', () => {
    assert.equal(
      simpleSigningPayload('ghcr.io/acme/charts/app', DIGEST).toString(),
      `{"critical":{"identity":{"docker-reference":"ghcr.io/acme/charts/app"},"image":{"docker-manifest-digest":"${DIGEST}"},"type":"cosign container image signature"},"optional":null}`,
    );
  });

  it('layer annotations from a message-signature bundle', () => {
    const der = Buffer.from('certificate der bytes').toString('base64');
    const bundle = {
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      verificationMaterial: {
        certificate: { rawBytes: der },
        tlogEntries: [
          {
            logIndex: '42',
            logId: { keyId: Buffer.from([1, 2, 255]).toString('base64') },
            kindVersion: { kind: 'hashedrekord', version: '0.0.1' },
            integratedTime: '1700000000',
            inclusionPromise: { signedEntryTimestamp: 'U0VU' },
            canonicalizedBody: 'Ym9keQ==',
          },
        ],
        timestampVerificationData: { rfc3161Timestamps: [{ signedTimestamp: 'VFNS' }] },
      },
      messageSignature: { messageDigest: { algorithm: 'SHA2_256', digest: 'ZA==' }, signature: 'U0lH' },
    } as unknown as SerializedBundle;
    const a = legacyAnnotations(bundle);
    assert.equal(a['dev.cosignproject.cosign/signature'], 'U0lH');
    assert.equal(a['dev.sigstore.cosign/certificate'], `-----BEGIN CERTIFICATE-----\n${der}\n-----END CERTIFICATE-----\n`);
    assert.equal(a['dev.sigstore.cosign/bundle'], '{"SignedEntryTimestamp":"U0VU","Payload":{"body":"Ym9keQ==","integratedTime":1700000000,"logIndex":42,"logID":"0102ff"}}');
    assert.equal(a['dev.sigstore.cosign/rfc3161timestamp'], '{"SignedRFC3161Timestamp":"VFNS"}');
    assert.equal(a['dev.sigstore.cosign/chain'], undefined, 'no chain in a v0.3 bundle');
  });
});

describe('Artifact Hub metadata manifest', () => {
  it('config {} of the Artifact Hub config type, the file as the one layer', () => {
    const content = Buffer.from('repositoryID: 5b1e2bc2-58b5-4b1a-a3f4-8a7c9e0d1f23\n');
    const { body, blobs } = artifactHubManifest(parseArtifactHubRepo(content));
    const manifest = JSON.parse(body.toString());
    assert.deepEqual(manifest.config, { mediaType: 'application/vnd.cncf.artifacthub.config.v1+yaml', digest: sha('{}'), size: 2 });
    assert.equal(manifest.layers.length, 1);
    assert.equal(manifest.layers[0].mediaType, 'application/vnd.cncf.artifacthub.repository-metadata.layer.v1.yaml');
    assert.equal(manifest.layers[0].digest, sha(content));
    assert.deepEqual(blobs.map((b) => b.digest), [sha('{}'), sha(content)]);
    assert.equal(artifactHubManifest(parseArtifactHubRepo(content)).body.toString(), body.toString(), 'the same file gives the same digest');
  });
});
