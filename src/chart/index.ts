// The chart library: load, check and package Helm charts like `helm package`, reproducibly.
// Plain values in, plain values out; no @actions imports.
export { ChartError } from './errors.js';
export {
  chartYamlText,
  configJson,
  isStrictSemver,
  parseChartYaml,
  withOverrides,
  type ChartDependency,
  type ChartMetadata,
  type Maintainer,
} from './metadata.js';
export { checkChart, packageChart, writeChartPackage, type CheckedChart, type PackageOptions, type PackagedChart } from './package.js';
export { archiveFileDigests, archiveFiles, readChartArchive } from './archive.js';
export { HelmIgnore } from './helmignore.js';
// provenance.ts (OpenPGP signing) is imported on its own, and lazily: most runs never sign.
