// `login` / `docker-login` / `logout`: the main step records what Helm's registry config (and
// Docker's config.json) held for the host, in the step's state before the file is touched, then
// writes the entry; the post step puts back exactly what was there, whatever the job's outcome.
import * as core from '@actions/core';
import { describeError } from './errors.js';
import { RegistryConfigError } from './helm/errors.js';
import {
  authValue,
  dockerConfigPath,
  helmRegistryConfigPath,
  parseLoginRecord,
  planLogin,
  recordSecrets,
  undoLogin,
  writeLogin,
  type ConfigKind,
} from './helm/registry-config.js';

// The post step undoes in reverse order of writing.
const FILES: Array<{ kind: ConfigKind; state: string; input: string; locate: () => string; variable: string }> = [
  { kind: 'helm', state: 'helm-login', input: 'login', locate: () => helmRegistryConfigPath(), variable: 'HELM_REGISTRY_CONFIG' },
  { kind: 'docker', state: 'docker-login', input: 'docker-login', locate: () => dockerConfigPath(), variable: 'DOCKER_CONFIG' },
];

export interface LaterStepsLogin {
  /** Write Helm's registry config (`login`). */
  helm: boolean;
  /** Write Docker's config.json (`docker-login`). */
  docker: boolean;
  /** Save what the files held so the post step restores it (`logout`). */
  logout: boolean;
}

/** Writes the login for `host` into each file asked for. */
export async function loginForLaterSteps(host: string, username: string, password: string, wanted: LaterStepsLogin): Promise<void> {
  core.setSecret(authValue(username, password));
  for (const file of FILES) {
    if (!wanted[file.kind]) continue;
    const path = file.locate();
    const record = await planLogin(path, host, file.kind);
    for (const secret of recordSecrets(record)) core.setSecret(secret);
    if (wanted.logout) core.saveState(file.state, JSON.stringify(record));
    let warnings: string[];
    try {
      warnings = await writeLogin(record, username, password);
    } catch (error) {
      throw new RegistryConfigError(
        `could not write the login for later steps to ${path}: ${describeError(error)}. Point ${file.variable} at a writable location, or set ${file.input}: false`,
        { cause: error },
      );
    }
    for (const warning of warnings) core.warning(warning);
    core.info(`Logged in to ${host} for the rest of the job (${path})${wanted.logout ? '; the post step logs out' : ''}`);
  }
}

/** The post step: undo the logins recorded by the main step, last written first; only ever warns. */
export async function logoutRecorded(): Promise<void> {
  for (const file of [...FILES].reverse()) {
    const record = parseLoginRecord(core.getState(file.state));
    if (!record) continue;
    for (const secret of recordSecrets(record)) core.setSecret(secret);
    const warnings = await undoLogin(record);
    for (const warning of warnings) core.warning(`logout from ${record.host}: ${warning}`);
    if (warnings.length === 0) core.info(`Logged out of ${record.host} (${record.path} is as it was before the step)`);
  }
}
