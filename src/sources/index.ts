// Charts from elsewhere: classic chart repositories (index.yaml) to migrate, OCI repositories to
// promote from. Plain values in, plain values out; no @actions imports.
export { SourceError } from './errors.js';
export {
  checkSourceInputs,
  credentialsForSourceRegistry,
  parseSourceLine,
  type ClassicRepoSource,
  type OciSource,
  type RemoteSource,
  type SourceInputs,
  type SourceSettings,
} from './spec.js';
export { parseRepoIndex, selectVersions, type IndexEntry, type RejectedEntry, type RepoIndex, type SelectOptions, type Selection } from './repo-index.js';
export type { RepoHttpOptions } from './repo-http.js';
export {
  classicArtifact,
  discardDownload,
  downloadChartVersion,
  openClassicRepository,
  type ClassicRepository,
  type ClassicRepositoryOptions,
  type DownloadedChart,
} from './classic.js';
export { ociSourceReferences, readOciChart, type OciChart, type OciSourceClient } from './oci-source.js';
