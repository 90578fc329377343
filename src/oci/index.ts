// The registry library: plain values in, plain values out; no @actions imports.
export { Authorizer, atomsToScopes, repositoryScope, scopeAtoms, type AuthorizerOptions, type Credentials } from './auth.js';
export { challengeScopes, parseChallenges, type Challenge } from './challenge.js';
export {
  isStreamedBlob,
  MANIFEST_ACCEPT,
  RegistryClient,
  withDigestParam,
  type Manifest,
  type ManifestInfo,
  type ManifestRef,
  type RegistryClientOptions,
  type StreamedBlob,
} from './client.js';
export { RegistrySession, type Call, type ClientStats, type SessionOptions } from './session.js';
export {
  errorCode,
  errorFromNetwork,
  errorFromResponse,
  OciInputError,
  parseErrorBody,
  RegistryError,
  type OciErrorEntry,
  type RegistryErrorDetails,
  type RegistryErrorKind,
} from './errors.js';
export { goJson, goJsonString, goMap, type GoJsonValue } from '../chart/go/json.js';
export {
  blobOf,
  buildHelmManifest,
  DOCKER_MANIFEST_LIST_MEDIA_TYPE,
  DOCKER_MANIFEST_MEDIA_TYPE,
  HELM_CHART_LAYER_MEDIA_TYPE,
  HELM_CONFIG_MEDIA_TYPE,
  HELM_LEGACY_CHART_LAYER_MEDIA_TYPE,
  HELM_PROV_LAYER_MEDIA_TYPE,
  helmAnnotations,
  helmArtifact,
  OCI_INDEX_MEDIA_TYPE,
  OCI_MANIFEST_MEDIA_TYPE,
  rfc3339Seconds,
  sha256Digest,
  type Blob,
  type Descriptor,
  type HelmArtifact,
  type HelmArtifactInput,
  type HelmChartInfo,
  type HelmManifestInput,
  type ManifestBytes,
} from './helm-manifest.js';
export {
  HEAD_BEFORE_UPLOAD_MIN,
  pushChart,
  type IfExists,
  type PushArtifact,
  type PushChartOptions,
  type PushChartResult,
  type PushClient,
} from './push-chart.js';
export { isRepositoryName, parseRegistryUrl, repositoryFor, tagForVersion, versionForTag, type RegistryTarget } from './reference.js';
export {
  DEFAULT_RETRY_POLICY,
  isRetryableError,
  isRetryableStatus,
  parseRetryAfter,
  retryDelay,
  withRetry,
  type AttemptOutcome,
  type RetryHooks,
  type RetryPolicy,
} from './retry.js';
export {
  defaultCaCertificates,
  headerValue,
  tlsConnectOptions,
  Transport,
  type HttpRequest,
  type HttpResponse,
  type TlsOptions,
  type TransportOptions,
} from './transport.js';
