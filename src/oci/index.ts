// The registry library: plain values in, plain values out; no @actions imports. Exports what the
// action and its tests use; the modules behind it are its own business.
export { RegistryClient, type Manifest, type RegistryClientOptions } from './client.js';
export { RegistryError } from './errors.js';
export { helmArtifact, HELM_PROV_LAYER_MEDIA_TYPE, sha256Digest, type Blob, type HelmArtifact, type HelmChartInfo, type StreamedBlob } from './helm-manifest.js';
export { pushChart, type IfExists } from './push-chart.js';
export { isTag, parseRegistryUrl, redactUserInfo, urlUserInfo, repositoryFor, tagForVersion, type RegistryTarget } from './reference.js';
export type { RetryPolicy } from './retry.js';
export type { TlsOptions, TransportOptions } from './transport.js';
