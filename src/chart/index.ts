// The chart library: load, check and package Helm charts like `helm package`, reproducibly.
// Plain values in, plain values out; no @actions imports. Only what is used outside chart/ is
// exported here; provenance.ts (OpenPGP signing) is imported on its own, and lazily: most runs
// never sign.
export { archiveFileDigests, readChartArchive } from './archive.js';
export { parseChartYaml, type ChartMetadata } from './metadata.js';
export { configJson } from './metadata-text.js';
export { checkChart, packageChart, writeChartPackage, type CheckedChart, type PackagedChart, type PackagedInMemory } from './package.js';
export { ArchiveMemory } from './tar-write.js';
export { isStrictSemver } from './version.js';
