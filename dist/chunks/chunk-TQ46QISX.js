import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  authValue,
  helmRegistryConfigPath,
  parseLoginRecord,
  planLogin,
  recordSecrets,
  undoLogin,
  writeLogin
} from "./chunk-N22XANHU.js";
import {
  getState,
  info,
  saveState,
  setSecret,
  warning
} from "./chunk-XWDYXING.js";

// src/errors.ts
function describeError(error) {
  const parts = [];
  let current = error;
  for (let depth = 0; current !== void 0 && current !== null && depth < 4; depth++) {
    const message = current instanceof Error ? current.message : String(current);
    if (message && !parts.some((p) => p.includes(message))) parts.push(message);
    current = current instanceof Error ? current.cause : void 0;
  }
  if (parts.length === 0) return "unknown error";
  const [first, ...causes] = parts;
  return causes.length === 0 ? first : `${first} (cause: ${causes.join(": ")})`;
}
var USER_FACING = /* @__PURE__ */ new Set(["InputError", "StepTimeoutError", "ChartSourceError", "PreparationError", "ChartError", "OciInputError", "RegistryError", "SigningError", "SupplyChainError", "SupplyChainInputError"]);
function isUserFacing(error) {
  return error instanceof Error && USER_FACING.has(error.name);
}
function naming(where, message) {
  return message.includes(where) ? message : `${where}: ${message}`;
}

// src/login.ts
var STATE_KEY = "helm-login";
async function loginForLaterSteps(host, username, password, logout) {
  const path = helmRegistryConfigPath();
  const record = await planLogin(path, host);
  for (const secret of recordSecrets(record)) setSecret(secret);
  setSecret(authValue(username, password));
  if (logout) saveState(STATE_KEY, JSON.stringify(record));
  let warnings;
  try {
    warnings = await writeLogin(record, username, password);
  } catch (error) {
    throw new Error(`could not write the login for later steps to ${path}: ${describeError(error)}. Point HELM_REGISTRY_CONFIG at a writable file, or set login: false`, { cause: error });
  }
  for (const warning2 of warnings) warning(warning2);
  info(`Logged in to ${host} for the rest of the job (${path})${logout ? "; the post step logs out" : ""}`);
  return path;
}
async function logoutRecorded() {
  const record = parseLoginRecord(getState(STATE_KEY));
  if (!record) return;
  for (const secret of recordSecrets(record)) setSecret(secret);
  const warnings = await undoLogin(record);
  for (const warning2 of warnings) warning(`logout from ${record.host}: ${warning2}`);
  if (warnings.length === 0) info(`Logged out of ${record.host} (${record.path} is as it was before the step)`);
}

export {
  describeError,
  isUserFacing,
  naming,
  loginForLaterSteps,
  logoutRecorded
};
