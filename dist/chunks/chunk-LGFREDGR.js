import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  RegistryConfigError,
  authValue,
  describeError,
  dockerConfigPath,
  helmRegistryConfigPath,
  parseLoginRecord,
  planLogin,
  recordSecrets,
  undoLogin,
  writeLogin
} from "./chunk-EO4WWCF2.js";
import {
  getState,
  info,
  saveState,
  setSecret,
  warning
} from "./chunk-XWDYXING.js";

// src/login.ts
var FILES = [
  { kind: "helm", state: "helm-login", input: "login", locate: () => helmRegistryConfigPath(), variable: "HELM_REGISTRY_CONFIG" },
  { kind: "docker", state: "docker-login", input: "docker-login", locate: () => dockerConfigPath(), variable: "DOCKER_CONFIG" }
];
async function loginForLaterSteps(host, username, password, wanted) {
  setSecret(authValue(username, password));
  for (const file of FILES) {
    if (!wanted[file.kind]) continue;
    const path = file.locate();
    const record = await planLogin(path, host, file.kind);
    for (const secret of recordSecrets(record)) setSecret(secret);
    if (wanted.logout) saveState(file.state, JSON.stringify(record));
    let warnings;
    try {
      warnings = await writeLogin(record, username, password);
    } catch (error) {
      throw new RegistryConfigError(
        `could not write the login for later steps to ${path}: ${describeError(error)}. Point ${file.variable} at a writable location, or set ${file.input}: false`,
        { cause: error }
      );
    }
    for (const warning2 of warnings) warning(warning2);
    info(`Logged in to ${host} for the rest of the job (${path})${wanted.logout ? "; the post step logs out" : ""}`);
  }
}
async function logoutRecorded() {
  for (const file of [...FILES].reverse()) {
    const record = parseLoginRecord(getState(file.state));
    if (!record) continue;
    for (const secret of recordSecrets(record)) setSecret(secret);
    const warnings = await undoLogin(record);
    for (const warning2 of warnings) warning(`logout from ${record.host}: ${warning2}`);
    if (warnings.length === 0) info(`Logged out of ${record.host} (${record.path} is as it was before the step)`);
  }
}

export {
  loginForLaterSteps,
  logoutRecorded
};
