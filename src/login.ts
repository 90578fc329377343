// `login` / `logout`: the main step records what Helm's registry config held for the host
// (in the step's state, before the file is touched), then writes the entry; the post step puts
// back exactly what was there, whatever the job's outcome.
import * as core from '@actions/core';
import { describeError } from './errors.js';
import {
  authValue,
  helmRegistryConfigPath,
  parseLoginRecord,
  planLogin,
  recordSecrets,
  undoLogin,
  writeLogin,
} from './helm/registry-config.js';

const STATE_KEY = 'helm-login';

/** Writes the login for `host` and returns the config file's path. */
export async function loginForLaterSteps(host: string, username: string, password: string, logout: boolean): Promise<string> {
  const path = helmRegistryConfigPath();
  const record = await planLogin(path, host);
  for (const secret of recordSecrets(record)) core.setSecret(secret);
  core.setSecret(authValue(username, password));
  if (logout) core.saveState(STATE_KEY, JSON.stringify(record));
  let warnings: string[];
  try {
    warnings = await writeLogin(record, username, password);
  } catch (error) {
    throw new Error(`could not write the login for later steps to ${path}: ${describeError(error)}. Point HELM_REGISTRY_CONFIG at a writable file, or set login: false`, { cause: error });
  }
  for (const warning of warnings) core.warning(warning);
  core.info(`Logged in to ${host} for the rest of the job (${path})${logout ? '; the post step logs out' : ''}`);
  return path;
}

/** The post step: undo the login recorded by the main step; only ever warns. */
export async function logoutRecorded(): Promise<void> {
  const record = parseLoginRecord(core.getState(STATE_KEY));
  if (!record) return;
  for (const secret of recordSecrets(record)) core.setSecret(secret);
  const warnings = await undoLogin(record);
  for (const warning of warnings) core.warning(`logout from ${record.host}: ${warning}`);
  if (warnings.length === 0) core.info(`Logged out of ${record.host} (${record.path} is as it was before the step)`);
}
