// Errors from running, installing or configuring Helm (and the credentials files it shares with
// Docker): their message says what failed and what to change, so they are printed as one line.
export class HelmError extends Error {
  override name = 'HelmError';
}

export class RegistryConfigError extends Error {
  override name = 'RegistryConfigError';
}
