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
export { parseRepoIndex, selectVersions, type IndexEntry, type SelectOptions } from './repo-index.js';
export {
  classicArtifact,
  discardDownload,
  downloadChartVersion,
  openClassicRepository,
  type ClassicRepository,
  type ClassicRepositoryOptions,
} from './classic.js';
export { ociSourceReferences, readOciChart } from './oci-source.js';
