import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  parseChartYaml,
  resolveHelm
} from "./chunk-U6UINZQV.js";
import {
  helmRegistryConfigPath,
  planLogin,
  writeLogin
} from "./chunk-N22XANHU.js";
import "./chunk-AMSNIPQQ.js";
import "./chunk-KO26MPYU.js";
import {
  getExecOutput,
  info
} from "./chunk-7PAE4VLK.js";
import "./chunk-6DG7BXTN.js";

// src/dependencies.ts
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rootCertificates } from "node:tls";

// src/helm/dependency-update.ts
var HINTS = [
  [/Chart\.lock/, "Chart.lock could not be used: fix or delete it, run `helm dependency update` locally and commit the result"],
  [/can't get a valid version|no chart version found|no chart name found/i, "check the dependency names and version constraints in Chart.yaml against what the repository holds"],
  [/unauthorized|denied|forbidden|authentication|\b401\b|\b403\b/i, "check the credentials for private dependency repositories (for OCI: the registry login given to this action)"],
  [/connection refused|no such host|timeout|dial tcp|x509|certificate|tls:/i, "check that every dependency repository URL is reachable from the runner"],
  [/no repository definition|helm repo add/i, "give dependencies a repository URL (https:// or oci://) instead of a repository name, or add the repository before this step"]
];
var GENERAL_HINT = "check the dependencies in Chart.yaml: their names, version constraints and repository URLs";
async function dependencyUpdate(helm, chartDir, opts = {}) {
  const log = opts.log ?? info;
  const env = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== void 0) env[key] = value;
  Object.assign(env, opts.env);
  if (opts.registryConfig) env.HELM_REGISTRY_CONFIG = opts.registryConfig;
  log(`helm dependency update ${[chartDir, ...opts.args ?? []].join(" ")} (Helm ${helm.version})`);
  let result;
  try {
    result = await getExecOutput(helm.path, ["dependency", "update", chartDir, ...opts.args ?? []], { env, silent: true, ignoreReturnCode: true });
  } catch (error) {
    throw new Error(`could not run ${helm.path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const output = result.stdout.trim();
  if (result.exitCode === 0) {
    for (const line of output.split("\n")) if (line.trim() !== "") log(line);
    return;
  }
  const stderr = result.stderr.trim() || "(Helm wrote nothing to stderr)";
  const hints = HINTS.filter(([pattern]) => pattern.test(stderr) || pattern.test(output)).map(([, hint]) => hint);
  throw new Error(
    [
      `helm dependency update failed for ${chartDir} (Helm ${helm.version}, exit code ${result.exitCode}):`,
      stderr,
      ...output ? ["Helm output before the error:", output] : [],
      `Hint: ${(hints.length > 0 ? hints : [GENERAL_HINT]).join("; ")}.`
    ].join("\n")
  );
}
async function dependencyUpdateFlags(helm) {
  const { stdout } = await getExecOutput(helm.path, ["dependency", "update", "--help"], { silent: true, ignoreReturnCode: true });
  return new Set(stdout.match(/--[a-z][a-z-]+/g) ?? []);
}

// src/dependencies.ts
async function chartsWithDependencies(sources) {
  const dirs = [];
  for (const source of sources) {
    if (source.kind !== "directory") continue;
    const path = join(source.path, "Chart.yaml");
    const meta = parseChartYaml(await readFile(path, "utf8"), path);
    const v1Requirements = meta.apiVersion === "v1" && existsSync(join(source.path, "requirements.yaml"));
    if ((meta.dependencies ?? []).length > 0 || v1Requirements) dirs.push(source.path);
  }
  return dirs;
}
async function updateDependencies(dirs, settings) {
  const helm = await resolveHelm({ version: settings.helmVersion, mirror: settings.helmMirror, log: settings.log });
  const scratch = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), "helm-oci-publish-"));
  try {
    const registryConfig = settings.credentials ? await temporaryRegistryConfig(scratch, settings.credentials) : void 0;
    const args = await tlsFlags(helm, settings);
    const env = settings.tlsFiles.caFile ? { SSL_CERT_FILE: await trustBundle(scratch, settings.tlsFiles.caFile) } : void 0;
    for (const dir of dirs) await dependencyUpdate(helm, dir, { registryConfig, args, env, log: settings.log });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return helm;
}
async function tlsFlags(helm, settings) {
  const wanted = [];
  if (settings.plainHttp) wanted.push(["--plain-http"]);
  if (settings.insecureSkipTlsVerify) wanted.push(["--insecure-skip-tls-verify"]);
  if (settings.tlsFiles.certFile && settings.tlsFiles.keyFile) wanted.push(["--cert-file", settings.tlsFiles.certFile], ["--key-file", settings.tlsFiles.keyFile]);
  if (wanted.length === 0) return [];
  const supported = await dependencyUpdateFlags(helm);
  const args = [];
  for (const [flag, value] of wanted) {
    if (supported.has(flag)) args.push(flag, ...value ? [value] : []);
    else settings.warning(`Helm ${helm.version} has no ${flag} for dependency update: set helm-version to 3.17.0 or newer if dependencies live in this registry`);
  }
  return args;
}
async function trustBundle(dir, caFile) {
  const system = [process.env.SSL_CERT_FILE, "/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem"].filter((p) => Boolean(p)).find((p) => existsSync(p));
  const roots = system ? readFileSync(system, "utf8") : rootCertificates.join("\n");
  const path = join(dir, "ca-bundle.pem");
  await writeFile(path, `${roots.trimEnd()}
${readFileSync(caFile, "utf8")}`, { mode: 384 });
  return path;
}
async function temporaryRegistryConfig(dir, credentials) {
  const path = join(dir, "config.json");
  const existing = helmRegistryConfigPath();
  if (existsSync(existing)) await copyFile(existing, path);
  await writeLogin(await planLogin(path, credentials.host), credentials.username, credentials.password);
  return path;
}
export {
  chartsWithDependencies,
  updateDependencies
};
