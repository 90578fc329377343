import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  DEFAULT_HELM_VERSION,
  MINIMUM_HELM_VERSION,
  normalizeMirror,
  parseChartYaml,
  parseHelmVersion
} from "./chunk-COUQR4UE.js";
import {
  HelmError,
  describeError,
  helmRegistryConfigPath,
  planLogin,
  writeLogin
} from "./chunk-EO4WWCF2.js";
import "./chunk-64BA2NW5.js";
import {
  HttpClient
} from "./chunk-SUMSAUMZ.js";
import {
  require_semver
} from "./chunk-5TQU652H.js";
import {
  cp,
  debug,
  exec,
  getExecOutput,
  info,
  isDebug,
  mkdirP,
  rmRF,
  which
} from "./chunk-XWDYXING.js";
import "./chunk-XDEXRFJC.js";
import {
  __toESM
} from "./chunk-6DG7BXTN.js";

// src/dependencies.ts
import { copyFile, mkdtemp, readFile as readFile2, rm as rm2, writeFile } from "node:fs/promises";
import { existsSync as existsSync3, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as join3 } from "node:path";
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
    throw new HelmError(`could not run ${helm.path}: ${describeError(error)}`, { cause: error });
  }
  const output = result.stdout.trim();
  const stderr = result.stderr.trim();
  for (const line of [...output.split("\n"), ...result.exitCode === 0 ? [] : stderr.split("\n")]) if (line.trim() !== "") log(line);
  if (result.exitCode === 0) return;
  const hints = HINTS.filter(([pattern]) => pattern.test(stderr) || pattern.test(output)).map(([, hint]) => hint);
  throw new HelmError(
    `helm dependency update failed for ${chartDir} (Helm ${helm.version}, exit code ${result.exitCode}): ${[...unreachable(output), helmError(stderr)].join("; then ")}. Hint: ${(hints.length > 0 ? hints : [GENERAL_HINT]).join("; ")} (Helm's output is in the log above).`
  );
}
function helmError(stderr) {
  const lines = stderr.split("\n").map((line) => line.trim()).filter((line) => line !== "");
  const error = [...lines].reverse().find((line) => line.startsWith("Error:")) ?? lines.at(-1) ?? "Helm wrote nothing to stderr";
  return error.replace(/\.$/, "");
}
function unreachable(stdout) {
  const lines = stdout.split("\n");
  return lines.flatMap(
    (line, i) => line.startsWith("...Unable to get an update") ? [`${line.slice(3)} ${(lines[i + 1] ?? "").trim()}`.trim()] : []
  );
}
async function dependencyUpdateFlags(helm) {
  const { stdout } = await getExecOutput(helm.path, ["dependency", "update", "--help"], { silent: true, ignoreReturnCode: true });
  return new Set(stdout.match(/--[a-z][a-z-]+/g) ?? []);
}

// src/helm/install.ts
import { createHash } from "node:crypto";
import { createReadStream, existsSync as existsSync2 } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { join as join2 } from "node:path";

// node_modules/@actions/tool-cache/lib/tool-cache.js
import * as crypto from "crypto";
import * as fs from "fs";

// node_modules/@actions/tool-cache/lib/manifest.js
var semver = __toESM(require_semver(), 1);

// node_modules/@actions/tool-cache/lib/tool-cache.js
import * as os from "os";
import * as path from "path";
var semver2 = __toESM(require_semver(), 1);
import * as stream from "stream";
import * as util from "util";
import { ok } from "assert";

// node_modules/@actions/tool-cache/lib/retry-helper.js
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var RetryHelper = class {
  constructor(maxAttempts, minSeconds, maxSeconds) {
    if (maxAttempts < 1) {
      throw new Error("max attempts should be greater than or equal to 1");
    }
    this.maxAttempts = maxAttempts;
    this.minSeconds = Math.floor(minSeconds);
    this.maxSeconds = Math.floor(maxSeconds);
    if (this.minSeconds > this.maxSeconds) {
      throw new Error("min seconds should be less than or equal to max seconds");
    }
  }
  execute(action, isRetryable) {
    return __awaiter(this, void 0, void 0, function* () {
      let attempt = 1;
      while (attempt < this.maxAttempts) {
        try {
          return yield action();
        } catch (err) {
          if (isRetryable && !isRetryable(err)) {
            throw err;
          }
          info(err.message);
        }
        const seconds = this.getSleepAmount();
        info(`Waiting ${seconds} seconds before trying again`);
        yield this.sleep(seconds);
        attempt++;
      }
      return yield action();
    });
  }
  getSleepAmount() {
    return Math.floor(Math.random() * (this.maxSeconds - this.minSeconds + 1)) + this.minSeconds;
  }
  sleep(seconds) {
    return __awaiter(this, void 0, void 0, function* () {
      return new Promise((resolve) => setTimeout(resolve, seconds * 1e3));
    });
  }
};

// node_modules/@actions/tool-cache/lib/tool-cache.js
var __awaiter2 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var HTTPError = class extends Error {
  constructor(httpStatusCode) {
    super(`Unexpected HTTP response: ${httpStatusCode}`);
    this.httpStatusCode = httpStatusCode;
    Object.setPrototypeOf(this, new.target.prototype);
  }
};
var IS_WINDOWS = process.platform === "win32";
var IS_MAC = process.platform === "darwin";
var userAgent = "actions/tool-cache";
function downloadTool(url, dest, auth, headers) {
  return __awaiter2(this, void 0, void 0, function* () {
    dest = dest || path.join(_getTempDirectory(), crypto.randomUUID());
    yield mkdirP(path.dirname(dest));
    debug(`Downloading ${url}`);
    debug(`Destination ${dest}`);
    const maxAttempts = 3;
    const minSeconds = _getGlobal("TEST_DOWNLOAD_TOOL_RETRY_MIN_SECONDS", 10);
    const maxSeconds = _getGlobal("TEST_DOWNLOAD_TOOL_RETRY_MAX_SECONDS", 20);
    const retryHelper = new RetryHelper(maxAttempts, minSeconds, maxSeconds);
    return yield retryHelper.execute(() => __awaiter2(this, void 0, void 0, function* () {
      return yield downloadToolAttempt(url, dest || "", auth, headers);
    }), (err) => {
      if (err instanceof HTTPError && err.httpStatusCode) {
        if (err.httpStatusCode < 500 && err.httpStatusCode !== 408 && err.httpStatusCode !== 429) {
          return false;
        }
      }
      return true;
    });
  });
}
function downloadToolAttempt(url, dest, auth, headers) {
  return __awaiter2(this, void 0, void 0, function* () {
    if (fs.existsSync(dest)) {
      throw new Error(`Destination file path ${dest} already exists`);
    }
    const http = new HttpClient(userAgent, [], {
      allowRetries: false
    });
    if (auth) {
      debug("set auth");
      if (headers === void 0) {
        headers = {};
      }
      headers.authorization = auth;
    }
    const response = yield http.get(url, headers);
    if (response.message.statusCode !== 200) {
      const err = new HTTPError(response.message.statusCode);
      debug(`Failed to download from "${url}". Code(${response.message.statusCode}) Message(${response.message.statusMessage})`);
      throw err;
    }
    const pipeline2 = util.promisify(stream.pipeline);
    const responseMessageFactory = _getGlobal("TEST_DOWNLOAD_TOOL_RESPONSE_MESSAGE_FACTORY", () => response.message);
    const readStream = responseMessageFactory();
    let succeeded = false;
    try {
      yield pipeline2(readStream, fs.createWriteStream(dest));
      debug("download complete");
      succeeded = true;
      return dest;
    } finally {
      if (!succeeded) {
        debug("download failed");
        try {
          yield rmRF(dest);
        } catch (err) {
          debug(`Failed to delete '${dest}'. ${err.message}`);
        }
      }
    }
  });
}
function extractTar(file_1, dest_1) {
  return __awaiter2(this, arguments, void 0, function* (file, dest, flags = "xz") {
    if (!file) {
      throw new Error("parameter 'file' is required");
    }
    dest = yield _createExtractFolder(dest);
    debug("Checking tar --version");
    let versionOutput = "";
    yield exec("tar --version", [], {
      ignoreReturnCode: true,
      silent: true,
      listeners: {
        stdout: (data) => versionOutput += data.toString(),
        stderr: (data) => versionOutput += data.toString()
      }
    });
    debug(versionOutput.trim());
    const isGnuTar = versionOutput.toUpperCase().includes("GNU TAR");
    let args;
    if (flags instanceof Array) {
      args = flags;
    } else {
      args = [flags];
    }
    if (isDebug() && !flags.includes("v")) {
      args.push("-v");
    }
    let destArg = dest;
    let fileArg = file;
    if (IS_WINDOWS && isGnuTar) {
      args.push("--force-local");
      destArg = dest.replace(/\\/g, "/");
      fileArg = file.replace(/\\/g, "/");
    }
    if (isGnuTar) {
      args.push("--warning=no-unknown-keyword");
      args.push("--overwrite");
    }
    args.push("-C", destArg, "-f", fileArg);
    yield exec(`tar`, args);
    return dest;
  });
}
function extractZip(file, dest) {
  return __awaiter2(this, void 0, void 0, function* () {
    if (!file) {
      throw new Error("parameter 'file' is required");
    }
    dest = yield _createExtractFolder(dest);
    if (IS_WINDOWS) {
      yield extractZipWin(file, dest);
    } else {
      yield extractZipNix(file, dest);
    }
    return dest;
  });
}
function extractZipWin(file, dest) {
  return __awaiter2(this, void 0, void 0, function* () {
    const escapedFile = file.replace(/'/g, "''").replace(/"|\n|\r/g, "");
    const escapedDest = dest.replace(/'/g, "''").replace(/"|\n|\r/g, "");
    const pwshPath = yield which("pwsh", false);
    if (pwshPath) {
      const pwshCommand = [
        `$ErrorActionPreference = 'Stop' ;`,
        `try { Add-Type -AssemblyName System.IO.Compression.ZipFile } catch { } ;`,
        `try { [System.IO.Compression.ZipFile]::ExtractToDirectory('${escapedFile}', '${escapedDest}', $true) }`,
        `catch { if (($_.Exception.GetType().FullName -eq 'System.Management.Automation.MethodException') -or ($_.Exception.GetType().FullName -eq 'System.Management.Automation.RuntimeException') ){ Expand-Archive -LiteralPath '${escapedFile}' -DestinationPath '${escapedDest}' -Force } else { throw $_ } } ;`
      ].join(" ");
      const args = [
        "-NoLogo",
        "-NoProfile",
        "-NonInteractive",
        "-ExecutionPolicy",
        "Unrestricted",
        "-Command",
        pwshCommand
      ];
      debug(`Using pwsh at path: ${pwshPath}`);
      yield exec(`"${pwshPath}"`, args);
    } else {
      const powershellCommand = [
        `$ErrorActionPreference = 'Stop' ;`,
        `try { Add-Type -AssemblyName System.IO.Compression.FileSystem } catch { } ;`,
        `if ((Get-Command -Name Expand-Archive -Module Microsoft.PowerShell.Archive -ErrorAction Ignore)) { Expand-Archive -LiteralPath '${escapedFile}' -DestinationPath '${escapedDest}' -Force }`,
        `else {[System.IO.Compression.ZipFile]::ExtractToDirectory('${escapedFile}', '${escapedDest}', $true) }`
      ].join(" ");
      const args = [
        "-NoLogo",
        "-Sta",
        "-NoProfile",
        "-NonInteractive",
        "-ExecutionPolicy",
        "Unrestricted",
        "-Command",
        powershellCommand
      ];
      const powershellPath = yield which("powershell", true);
      debug(`Using powershell at path: ${powershellPath}`);
      yield exec(`"${powershellPath}"`, args);
    }
  });
}
function extractZipNix(file, dest) {
  return __awaiter2(this, void 0, void 0, function* () {
    const unzipPath = yield which("unzip", true);
    const args = [file];
    if (!isDebug()) {
      args.unshift("-q");
    }
    args.unshift("-o");
    yield exec(`"${unzipPath}"`, args, { cwd: dest });
  });
}
function cacheDir(sourceDir, tool, version, arch2) {
  return __awaiter2(this, void 0, void 0, function* () {
    version = semver2.clean(version) || version;
    arch2 = arch2 || os.arch();
    debug(`Caching tool ${tool} ${version} ${arch2}`);
    debug(`source dir: ${sourceDir}`);
    if (!fs.statSync(sourceDir).isDirectory()) {
      throw new Error("sourceDir is not a directory");
    }
    const destPath = yield _createToolPath(tool, version, arch2);
    for (const itemName of fs.readdirSync(sourceDir)) {
      const s = path.join(sourceDir, itemName);
      yield cp(s, destPath, { recursive: true });
    }
    _completeToolPath(tool, version, arch2);
    return destPath;
  });
}
function find(toolName, versionSpec, arch2) {
  if (!toolName) {
    throw new Error("toolName parameter is required");
  }
  if (!versionSpec) {
    throw new Error("versionSpec parameter is required");
  }
  arch2 = arch2 || os.arch();
  if (!isExplicitVersion(versionSpec)) {
    const localVersions = findAllVersions(toolName, arch2);
    const match = evaluateVersions(localVersions, versionSpec);
    versionSpec = match;
  }
  let toolPath = "";
  if (versionSpec) {
    versionSpec = semver2.clean(versionSpec) || "";
    const cachePath = path.join(_getCacheDirectory(), toolName, versionSpec, arch2);
    debug(`checking cache: ${cachePath}`);
    if (fs.existsSync(cachePath) && fs.existsSync(`${cachePath}.complete`)) {
      debug(`Found tool in cache ${toolName} ${versionSpec} ${arch2}`);
      toolPath = cachePath;
    } else {
      debug("not found");
    }
  }
  return toolPath;
}
function findAllVersions(toolName, arch2) {
  const versions = [];
  arch2 = arch2 || os.arch();
  const toolPath = path.join(_getCacheDirectory(), toolName);
  if (fs.existsSync(toolPath)) {
    const children = fs.readdirSync(toolPath);
    for (const child of children) {
      if (isExplicitVersion(child)) {
        const fullPath = path.join(toolPath, child, arch2 || "");
        if (fs.existsSync(fullPath) && fs.existsSync(`${fullPath}.complete`)) {
          versions.push(child);
        }
      }
    }
  }
  return versions;
}
function _createExtractFolder(dest) {
  return __awaiter2(this, void 0, void 0, function* () {
    if (!dest) {
      dest = path.join(_getTempDirectory(), crypto.randomUUID());
    }
    yield mkdirP(dest);
    return dest;
  });
}
function _createToolPath(tool, version, arch2) {
  return __awaiter2(this, void 0, void 0, function* () {
    const folderPath = path.join(_getCacheDirectory(), tool, semver2.clean(version) || version, arch2 || "");
    debug(`destination ${folderPath}`);
    const markerPath = `${folderPath}.complete`;
    yield rmRF(folderPath);
    yield rmRF(markerPath);
    yield mkdirP(folderPath);
    return folderPath;
  });
}
function _completeToolPath(tool, version, arch2) {
  const folderPath = path.join(_getCacheDirectory(), tool, semver2.clean(version) || version, arch2 || "");
  const markerPath = `${folderPath}.complete`;
  fs.writeFileSync(markerPath, "");
  debug("finished caching tool");
}
function isExplicitVersion(versionSpec) {
  const c = semver2.clean(versionSpec) || "";
  debug(`isExplicit: ${c}`);
  const valid2 = semver2.valid(c) != null;
  debug(`explicit? ${valid2}`);
  return valid2;
}
function evaluateVersions(versions, versionSpec) {
  let version = "";
  debug(`evaluating ${versions.length} versions`);
  versions = versions.sort((a, b) => {
    if (semver2.gt(a, b)) {
      return 1;
    }
    return -1;
  });
  for (let i = versions.length - 1; i >= 0; i--) {
    const potential = versions[i];
    const satisfied = semver2.satisfies(potential, versionSpec);
    if (satisfied) {
      version = potential;
      break;
    }
  }
  if (version) {
    debug(`matched: ${version}`);
  } else {
    debug("match not found");
  }
  return version;
}
function _getCacheDirectory() {
  const cacheDirectory = process.env["RUNNER_TOOL_CACHE"] || "";
  ok(cacheDirectory, "Expected RUNNER_TOOL_CACHE to be defined");
  return cacheDirectory;
}
function _getTempDirectory() {
  const tempDirectory = process.env["RUNNER_TEMP"] || "";
  ok(tempDirectory, "Expected RUNNER_TEMP to be defined");
  return tempDirectory;
}
function _getGlobal(key, defaultValue) {
  const value = global[key];
  return value !== void 0 ? value : defaultValue;
}

// src/helm/install.ts
var import_semver = __toESM(require_semver(), 1);

// src/helm/platform.ts
var OS = { linux: "linux", darwin: "darwin", win32: "windows" };
var ARCH = { x64: "amd64", arm64: "arm64" };
function helmPlatform(platform = process.platform, arch2 = process.arch) {
  const os2 = OS[platform];
  const helmArch = ARCH[arch2];
  if (!os2 || !helmArch) {
    throw new HelmError(
      `no Helm download for this runner (${platform}/${arch2}): supported are linux, darwin and windows on x64 or arm64. Put a helm 3.8+ binary on PATH and leave helm-version empty to use it instead`
    );
  }
  const windows = os2 === "windows";
  return { os: os2, arch: helmArch, archive: windows ? "zip" : "tar.gz", binary: windows ? "helm.exe" : "helm" };
}
function helmAssetName(version, p) {
  return `helm-v${version}-${p.os}-${p.arch}.${p.archive}`;
}
function helmArchiveFolder(p) {
  return `${p.os}-${p.arch}`;
}

// src/helm/install.ts
var TOOL_NAME = "helm";
async function resolveHelm(opts) {
  const log = opts.log ?? info;
  const mirror = normalizeMirror(opts.mirror);
  if (opts.version.trim() === "") {
    const onPath = await helmOnPath(log);
    if (onPath) return onPath;
    return installHelm(DEFAULT_HELM_VERSION, mirror, log);
  }
  return installHelm(parseHelmVersion(opts.version), mirror, log);
}
async function reportedHelmVersion(path2) {
  const out = await getExecOutput(path2, ["version", "--template", "{{.Version}}"], { silent: true, ignoreReturnCode: true });
  if (out.exitCode !== 0) {
    throw new HelmError(`"${path2} version" exited with code ${out.exitCode}: ${out.stderr.trim() || out.stdout.trim()}`);
  }
  const text = out.stdout.trim();
  const version = import_semver.default.valid(text.replace(/^v/, ""));
  if (!version) throw new HelmError(`"${path2} version" printed "${text}", which is not a version`);
  return version;
}
async function helmOnPath(log) {
  const path2 = await which("helm", false);
  if (!path2) {
    log(`no helm on PATH: installing Helm ${DEFAULT_HELM_VERSION}`);
    return void 0;
  }
  let version;
  try {
    version = await reportedHelmVersion(path2);
  } catch (error) {
    log(`ignoring the helm on PATH (${describeError(error)}): installing Helm ${DEFAULT_HELM_VERSION}`);
    return void 0;
  }
  if (import_semver.default.lt(version, MINIMUM_HELM_VERSION)) {
    log(`helm ${version} on PATH is older than ${MINIMUM_HELM_VERSION}: installing Helm ${DEFAULT_HELM_VERSION}`);
    return void 0;
  }
  log(`using helm ${version} from PATH: ${path2}`);
  return { path: path2, version, source: "path" };
}
async function installHelm(version, mirror, log) {
  for (const name of ["RUNNER_TOOL_CACHE", "RUNNER_TEMP"]) {
    if (!process.env[name]) throw new HelmError(`installing Helm needs ${name}, which every GitHub runner sets`);
  }
  const platform = helmPlatform();
  const cached = await fromToolCache(version, platform, log);
  if (cached) return cached;
  return download(version, mirror, platform, log);
}
async function fromToolCache(version, platform, log) {
  const dir = find(TOOL_NAME, version, process.arch);
  if (!dir) return void 0;
  const path2 = [join2(dir, platform.binary), join2(dir, helmArchiveFolder(platform), platform.binary)].find((p) => existsSync2(p));
  if (path2) {
    try {
      const reported = await reportedHelmVersion(path2);
      if (reported === version) {
        log(`using Helm ${version} from the tool cache: ${path2}`);
        return { path: path2, version, source: "cache" };
      }
      log(`the tool cache entry ${dir} holds Helm ${reported}, not ${version}: downloading again`);
    } catch (error) {
      log(`the tool cache entry ${dir} is unusable (${describeError(error)}): downloading again`);
    }
  } else {
    log(`the tool cache entry ${dir} has no ${platform.binary}: downloading again`);
  }
  return void 0;
}
async function download(version, mirror, platform, log) {
  const asset = helmAssetName(version, platform);
  const url = `${mirror}/${asset}`;
  log(`downloading Helm ${version} from ${url}`);
  const expected = await publishedChecksum(`${url}.sha256sum`, version, platform);
  let archive;
  let extracted;
  try {
    archive = await fetchFile(url, version, platform);
    const actual = await sha256File(archive);
    if (actual !== expected) {
      throw new HelmError(
        `checksum mismatch for ${asset} from ${mirror}: ${asset}.sha256sum says ${expected}, the download is ${actual}. The mirror serves a file other than the one it publishes a checksum for; nothing was installed`
      );
    }
    extracted = platform.archive === "zip" ? await extractZip(archive) : await extractTar(archive);
    const folder = join2(extracted, helmArchiveFolder(platform));
    const binary = join2(folder, platform.binary);
    if (!existsSync2(binary)) {
      throw new HelmError(`${asset} from ${mirror} has no ${helmArchiveFolder(platform)}/${platform.binary}`);
    }
    const reported = await reportedHelmVersion(binary);
    if (reported !== version) throw new HelmError(`${asset} from ${mirror} holds Helm ${reported}, not ${version}`);
    const cachedDir = await cacheDir(folder, TOOL_NAME, version, process.arch);
    log(`installed Helm ${version} in the tool cache: ${cachedDir}`);
    return { path: join2(cachedDir, platform.binary), version, source: "download" };
  } finally {
    if (archive) await rm(archive, { force: true });
    if (extracted) await rm(extracted, { recursive: true, force: true });
  }
}
async function publishedChecksum(url, version, platform) {
  const file = await fetchFile(url, version, platform);
  try {
    const text = await readFile(file, "utf8");
    const hex = text.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new HelmError(`${url} does not start with a sha256 checksum`);
    return hex;
  } finally {
    await rm(file, { force: true });
  }
}
async function fetchFile(url, version, platform) {
  try {
    return await downloadTool(url);
  } catch (error) {
    const hint = error instanceof HTTPError && error.httpStatusCode === 404 ? ` (does the mirror publish Helm ${version} for ${platform.os}-${platform.arch}? check helm-version and helm-mirror)` : "";
    throw new HelmError(`could not download ${url}: ${describeError(error)}${hint}`, { cause: error });
  }
}
async function sha256File(path2) {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path2)) hash.update(chunk);
  return hash.digest("hex");
}

// src/dependencies.ts
async function chartsWithDependencies(sources) {
  const dirs = [];
  for (const source of sources) {
    if (source.kind !== "directory") continue;
    const path2 = join3(source.path, "Chart.yaml");
    const meta = parseChartYaml(await readFile2(path2, "utf8"), path2);
    const v1Requirements = meta.apiVersion === "v1" && existsSync3(join3(source.path, "requirements.yaml"));
    if ((meta.dependencies ?? []).length > 0 || v1Requirements) dirs.push(source.path);
  }
  return dirs;
}
async function updateDependencies(dirs, settings) {
  const helm = await resolveHelm({ version: settings.helmVersion, mirror: settings.helmMirror, log: settings.log });
  const scratch = await mkdtemp(join3(process.env.RUNNER_TEMP || tmpdir(), "helm-oci-publish-"));
  try {
    const registryConfig = settings.credentials ? await temporaryRegistryConfig(scratch, settings.credentials) : void 0;
    const args = await tlsFlags(helm, settings);
    const env = settings.tlsFiles.caFile ? { SSL_CERT_FILE: await trustBundle(scratch, settings.tlsFiles.caFile) } : void 0;
    for (const dir of dirs) await dependencyUpdate(helm, dir, { registryConfig, args, env, log: settings.log });
  } finally {
    await rm2(scratch, { recursive: true, force: true });
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
  const system = [process.env.SSL_CERT_FILE, "/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem"].filter((p) => Boolean(p)).find((p) => existsSync3(p));
  const roots = system ? readFileSync(system, "utf8") : rootCertificates.join("\n");
  const path2 = join3(dir, "ca-bundle.pem");
  await writeFile(path2, `${roots.trimEnd()}
${readFileSync(caFile, "utf8")}`, { mode: 384 });
  return path2;
}
async function temporaryRegistryConfig(dir, credentials) {
  const path2 = join3(dir, "config.json");
  const existing = helmRegistryConfigPath();
  if (existsSync3(existing)) await copyFile(existing, path2);
  await writeLogin(await planLogin(path2, credentials.host), credentials.username, credentials.password);
  return path2;
}
export {
  chartsWithDependencies,
  updateDependencies
};
