// The main step: inputs → charts → publish → outputs, summary and login, each phase a log group.
import * as core from '@actions/core';
import { tmpdir } from 'node:os';
import { naming } from './errors.js';
import { parseInputs, SECRET_INPUTS, type ActionConfig } from './inputs.js';
import { urlUserInfo } from './oci/index.js';
import { loginForLaterSteps } from './login.js';
import { setOutputs, writeSummary } from './outputs.js';
import { plural, publish, resolveChartSources, type ChartSource, type PublishLog } from './publish/index.js';
import { createSigner } from './signing.js';
import { sourceDate } from './source-date.js';
import { openSupplyChain } from './supply-chain-step.js';

const log: PublishLog = { info: core.info, warning: core.warning, debug: core.debug };

/** Runs the main step; `signal` fires when the step's time (input `timeout`) runs out. */
export async function run(signal?: AbortSignal): Promise<void> {
  // Secrets are masked before anything is parsed, so no error about an input can print one.
  maskSecretInputs();
  const config = parseInputs((name) => core.getInput(name));
  maskDerivedSecrets(config);

  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  for (const warning of config.sourceSettings.warnings) core.warning(warning);
  // git answers while the chart patterns are expanded.
  const pendingDate = sourceDate(workspace);
  pendingDate.catch(() => {}); // awaited below; a bad SOURCE_DATE_EPOCH is reported there
  const sources = config.chartPatterns.length > 0 ? await resolveChartSources(config.chartPatterns, workspace) : [];
  const created = await pendingDate;
  core.debug(`archive time ${created.date.toISOString()} from ${created.from}`);
  const sign = config.sign ? await createSigner(config, log) : undefined;
  const secure = await openSupplyChain(config.supplyChain, config.dryRun);
  if (!config.sign && config.signingKey) core.warning('"signing-key" is set but "sign" is false, so charts are not signed: set sign: true to sign them');
  await updateDependencies(config, sources);

  const results = await publish({ local: sources, remote: { sources: config.remoteSources, settings: config.sourceSettings } }, config, {
    created: created.date,
    tempDir: process.env.RUNNER_TEMP || tmpdir(),
    sign,
    secure,
    log,
    phase: (title, work) => core.group(title, work),
    onSecret: (secret) => core.setSecret(secret),
    signal,
  });

  // Outputs first: whatever happens next, the digests of what was pushed reach the next steps.
  setOutputs(results);
  await writeSummary(results, config.dryRun);
  const failed = results.filter((r) => r.status === 'failed' || r.error !== undefined);
  if (failed.length > 0) {
    core.setFailed(`helm-oci-publish: ${failed.length} of ${plural(results.length, 'chart')} failed:\n${failed.map((f) => naming(`${f.repository}:${f.tag}`, f.error ?? '')).join('\n')}`);
  }
  // Only credentials the registry accepted are handed to later steps.
  if (!config.dryRun && (config.login || config.dockerLogin) && config.username && results.some((r) => r.status !== 'failed')) {
    await loginForLaterSteps(config.registry.host, config.username, config.password, { helm: config.login, docker: config.dockerLogin, logout: config.logout });
  }
}

// `dependency-update`, loaded only when asked for: it brings the Helm installer (tool-cache) along.
async function updateDependencies(config: ActionConfig, sources: ChartSource[]): Promise<void> {
  if (!config.dependencyUpdate) return;
  const dependencies = await import('./dependencies.js');
  const dirs = await dependencies.chartsWithDependencies(sources);
  if (dirs.length === 0) return;
  // Helm gets the credentials in a private copy of the registry config: nothing is written for
  // later steps until the registry has accepted them.
  const helm = await core.group(`Update dependencies of ${plural(dirs.length, 'chart')}`, () =>
    dependencies.updateDependencies(dirs, {
      helmVersion: config.helmVersion,
      helmMirror: config.helmMirror,
      credentials: config.username ? { host: config.registry.host, username: config.username, password: config.password } : undefined,
      plainHttp: config.plainHttp,
      insecureSkipTlsVerify: config.tls.insecureSkipTlsVerify ?? false,
      tlsFiles: config.tlsFiles,
      log: core.info,
      warning: core.warning,
    }),
  );
  core.setOutput('helm-path', helm.path);
  core.setOutput('helm-version', helm.version);
}

function maskSecretInputs(): void {
  for (const name of SECRET_INPUTS) maskMultiline(core.getInput(name));
  // A password written into the registry URL is refused, but must not be printed either.
  const userInfo = urlUserInfo(core.getInput('registry'));
  if (userInfo) for (const part of [userInfo, ...userInfo.split(':')]) if (part.length > 2) core.setSecret(part);
}

// What is secret only once read or derived: the client key's file contents.
function maskDerivedSecrets(config: ActionConfig): void {
  maskMultiline(config.tls.key ?? '');
}

// The runner masks line by line, so a multi-line secret (a PEM or OpenPGP key) is masked per line
// as well as whole.
function maskMultiline(secret: string): void {
  if (!secret) return;
  core.setSecret(secret);
  for (const line of secret.split(/\r?\n/)) {
    const value = line.trim();
    // Armor headers and short lines (`=XXXX` checksums) are not secret and would mask common text.
    if (value.length > 3 && value !== secret && !value.startsWith('-----')) core.setSecret(value);
  }
}
