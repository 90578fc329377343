import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  goJson,
  goMap
} from "./chunk-XDEXRFJC.js";

// src/oci/helm-manifest.ts
import { createHash } from "node:crypto";
var OCI_MANIFEST_MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
var OCI_INDEX_MEDIA_TYPE = "application/vnd.oci.image.index.v1+json";
var DOCKER_MANIFEST_MEDIA_TYPE = "application/vnd.docker.distribution.manifest.v2+json";
var DOCKER_MANIFEST_LIST_MEDIA_TYPE = "application/vnd.docker.distribution.manifest.list.v2+json";
var HELM_CONFIG_MEDIA_TYPE = "application/vnd.cncf.helm.config.v1+json";
var HELM_CHART_LAYER_MEDIA_TYPE = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
var HELM_PROV_LAYER_MEDIA_TYPE = "application/vnd.cncf.helm.chart.provenance.v1.prov";
var HELM_LEGACY_CHART_LAYER_MEDIA_TYPE = "application/tar+gzip";
function sha256Digest(data) {
  return `sha256:${createHash("sha256").update(data).digest("hex")}`;
}
function blobOf(data) {
  return { data, digest: sha256Digest(data), size: data.length };
}
var TITLE = "org.opencontainers.image.title";
var VERSION = "org.opencontainers.image.version";
var IMMUTABLE = /* @__PURE__ */ new Set([TITLE, VERSION]);
function rfc3339Seconds(date) {
  if (Number.isNaN(date.getTime())) throw new RangeError("invalid creation date");
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
function helmAnnotations(meta, created) {
  const out = {};
  const add = (key, value) => {
    if (value !== void 0 && value.trim() !== "") out[key] = value;
  };
  add("org.opencontainers.image.description", meta.description);
  add(TITLE, meta.name);
  add(VERSION, meta.version);
  add("org.opencontainers.image.url", meta.home);
  add("org.opencontainers.image.created", rfc3339Seconds(created));
  add("org.opencontainers.image.source", meta.sources?.[0]);
  if (meta.maintainers && meta.maintainers.length > 0) {
    const authors = meta.maintainers.map((m) => `${m.name ?? ""}${m.email ? ` (${m.email})` : ""}`).join(", ");
    add("org.opencontainers.image.authors", authors);
  }
  for (const [key, value] of Object.entries(meta.annotations ?? {})) {
    if (!IMMUTABLE.has(key)) out[key] = value;
  }
  return out;
}
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function buildHelmManifest(input) {
  const layers = [{ mediaType: HELM_CHART_LAYER_MEDIA_TYPE, digest: input.chart.digest, size: input.chart.size }];
  if (input.prov) layers.push({ mediaType: HELM_PROV_LAYER_MEDIA_TYPE, digest: input.prov.digest, size: input.prov.size });
  layers.sort((a, b) => compareStrings(a.digest, b.digest));
  const manifest = {
    schemaVersion: 2,
    config: { mediaType: HELM_CONFIG_MEDIA_TYPE, digest: input.config.digest, size: input.config.size },
    layers: layers.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size })),
    ...Object.keys(input.annotations).length > 0 ? { annotations: goMap(input.annotations) } : {}
  };
  const body = Buffer.from(goJson(manifest), "utf8");
  return { body, digest: sha256Digest(body), size: body.length };
}
function helmArtifact(input) {
  const config = blobOf(Buffer.from(input.config));
  const chart = Buffer.isBuffer(input.chart) ? blobOf(input.chart) : input.chart;
  const prov = input.prov === void 0 ? void 0 : blobOf(Buffer.from(input.prov));
  const manifest = buildHelmManifest({ config, chart, prov, annotations: helmAnnotations(input.meta, input.created) });
  return { repository: input.repository, tag: input.tag, config, chart, ...prov ? { prov } : {}, manifest };
}

// src/oci/errors.ts
var OciInputError = class extends Error {
  name = "OciInputError";
};
var RegistryError = class extends Error {
  name = "RegistryError";
  kind;
  host;
  repository;
  status;
  codes;
  constructor(message, details, options) {
    super(message, options);
    this.kind = details.kind;
    this.host = details.host;
    this.repository = details.repository;
    this.status = details.status;
    this.codes = details.codes ?? [];
  }
};
function parseErrorBody(body) {
  if (!body || body.length === 0) return [];
  try {
    const parsed = JSON.parse(body.toString());
    if (!Array.isArray(parsed.errors)) return [];
    return parsed.errors.flatMap((entry) => {
      if (typeof entry !== "object" || entry === null) return [];
      const { code, message } = entry;
      return [{ code: typeof code === "string" ? code : "", message: typeof message === "string" ? message : "" }];
    });
  } catch {
    return [];
  }
}
function errorCode(error) {
  const seen = /* @__PURE__ */ new Set();
  const queue = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    const { code, cause, errors } = current;
    if (typeof code === "string" && code !== "UND_ERR") return code;
    queue.push(cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return void 0;
}

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
  OciInputError,
  RegistryError,
  parseErrorBody,
  errorCode,
  OCI_MANIFEST_MEDIA_TYPE,
  OCI_INDEX_MEDIA_TYPE,
  DOCKER_MANIFEST_MEDIA_TYPE,
  DOCKER_MANIFEST_LIST_MEDIA_TYPE,
  HELM_CONFIG_MEDIA_TYPE,
  HELM_CHART_LAYER_MEDIA_TYPE,
  HELM_PROV_LAYER_MEDIA_TYPE,
  HELM_LEGACY_CHART_LAYER_MEDIA_TYPE,
  sha256Digest,
  blobOf,
  helmArtifact,
  referrersTag,
  listReferrers,
  addToReferrersIndex,
  pushReferrer
};
