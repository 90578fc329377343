import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  OCI_INDEX_MEDIA_TYPE,
  OCI_MANIFEST_MEDIA_TYPE,
  OciInputError,
  RegistryError,
  blobOf
} from "./chunk-5TQU652H.js";

// src/oci/referrers.ts
var EMPTY_CONFIG_MEDIA_TYPE = "application/vnd.oci.empty.v1+json";
var SHA256_DIGEST = /^sha256:[a-f0-9]{64}$/;
var INDEX_ATTEMPTS = 3;
function referrersTag(digest) {
  if (!SHA256_DIGEST.test(digest)) throw new OciInputError(`"${digest}" is not a sha256 digest`);
  return digest.replace(":", "-");
}
function parseIndex(body, where) {
  let parsed;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    throw new OciInputError(`${where} is not JSON, so it cannot be a referrers index: delete that tag or push the referrer elsewhere`);
  }
  const index = parsed;
  if (typeof index !== "object" || index === null || !Array.isArray(index.manifests)) {
    throw new OciInputError(`${where} is not an OCI image index, so it cannot be a referrers index: delete that tag or push the referrer elsewhere`);
  }
  return index;
}
async function listReferrers(client, repository, digest) {
  const fromApi = await client.getReferrers(repository, digest);
  if (fromApi) return { api: true, manifests: parseIndex(fromApi, `the referrers of ${repository}@${digest}`).manifests };
  const tag = referrersTag(digest);
  const index = await client.getManifest(repository, tag);
  return { api: false, manifests: index ? parseIndex(index.body, `${client.host}/${repository}:${tag}`).manifests : [] };
}
async function addToReferrersIndex(client, repository, subjectDigest, referrer) {
  const tag = referrersTag(subjectDigest);
  const where = `${client.host}/${repository}:${tag}`;
  for (let attempt = 1; attempt <= INDEX_ATTEMPTS; attempt++) {
    const current = await client.getManifest(repository, tag);
    if (current && current.mediaType && current.mediaType !== OCI_INDEX_MEDIA_TYPE) {
      throw new OciInputError(`${where} holds a ${current.mediaType}, not an OCI image index: it is not a referrers index; delete that tag so it can be created`);
    }
    const index = current ? parseIndex(current.body, where) : { schemaVersion: 2, mediaType: OCI_INDEX_MEDIA_TYPE, manifests: [] };
    if (index.manifests.some((m) => m.digest === referrer.digest)) return;
    index.manifests.push(referrer);
    await client.putManifest(repository, tag, Buffer.from(JSON.stringify(index)), OCI_INDEX_MEDIA_TYPE);
    const written = await client.getManifest(repository, tag);
    if (written && parseIndex(written.body, where).manifests.some((m) => m.digest === referrer.digest)) return;
  }
  throw new RegistryError(`could not add ${referrer.digest} to the referrers index ${where}: another client kept rewriting it; run the job again`, {
    kind: "protocol",
    host: client.host,
    repository
  });
}
function artifactManifest(artifact, layers, config) {
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    config: { mediaType: config.mediaType, size: config.size, digest: config.digest, artifactType: artifact.artifactType },
    layers: layers.map((l) => ({ mediaType: l.mediaType, size: l.size, digest: l.digest })),
    annotations: artifact.annotations,
    subject: { mediaType: artifact.subject.mediaType, size: artifact.subject.size, digest: artifact.subject.digest },
    artifactType: artifact.artifactType
  };
  return Buffer.from(JSON.stringify(manifest));
}
async function pushReferrer(client, artifact) {
  const { repository, subject } = artifact;
  if (!SHA256_DIGEST.test(subject.digest)) throw new OciInputError(`"${subject.digest}" is not a sha256 digest`);
  const blobs = artifact.layers.map((layer) => ({ mediaType: layer.mediaType, blob: blobOf(layer.data) }));
  const config = blobOf(Buffer.from("{}"));
  for (const blob of [...blobs.map((b) => b.blob), config]) await client.pushBlob(repository, blob);
  const body = artifactManifest(
    artifact,
    blobs.map(({ mediaType, blob }) => ({ mediaType, digest: blob.digest, size: blob.size })),
    { mediaType: EMPTY_CONFIG_MEDIA_TYPE, digest: config.digest, size: config.size }
  );
  const digest = await client.putManifest(repository, digestReference(body), body, OCI_MANIFEST_MEDIA_TYPE);
  const descriptor = { mediaType: OCI_MANIFEST_MEDIA_TYPE, digest, size: body.length, artifactType: artifact.artifactType, annotations: artifact.annotations };
  const api = await client.getReferrers(repository, subject.digest);
  if (!api) await addToReferrersIndex(client, repository, subject.digest, descriptor);
  return descriptor;
}
function digestReference(body) {
  return blobOf(body).digest;
}

export {
  referrersTag,
  listReferrers,
  addToReferrersIndex,
  pushReferrer
};
