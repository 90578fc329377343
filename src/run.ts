// The main step from inputs to outputs, with a log group per phase.
import * as core from '@actions/core';
import { resolveChartSources, type ChartSource } from './chart-sources.js';
import { parseInputs, type ActionConfig } from './inputs.js';
import { loginForLaterSteps } from './login.js';
import { RegistryClient } from './oci/index.js';
import { setOutputs, writeSummary } from './outputs.js';
import { checkCharts, discardPrepared, prepareCharts, pushCharts, type PreparedChart, type ChartResult, type PublishLog } from './publish.js';
import { naming } from './errors.js';
import { createSigner } from './signing.js';
import { sourceDate } from './source-date.js';

const log: PublishLog = { info: core.info, warning: core.warning, debug: core.debug };

export async function run(): Promise<void> {
  const config = parseInputs((name) => core.getInput(name));
  maskSecrets(config);

  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const sources = await resolveChartSources(config.chartPatterns, workspace);
  const created = await sourceDate(workspace);
  core.debug(`archive time ${created.date.toISOString()} from ${created.from}`);
  const sign = config.sign ? await createSigner(config, log) : undefined;
  if (!config.sign && config.signingKey) core.warning('"signing-key" is set but "sign" is false, so charts are not signed: set sign: true to sign them');
  await updateDependencies(config, sources);
  // Every chart is checked before the first request to the registry.
  const checked = await checkCharts(sources, config);
  const client = config.dryRun ? undefined : registryClient(config);
  let prepared: PreparedChart[] = [];
  try {
    if (client) {
      // One token for all repositories and every tag check travel while the charts are packaged.
      const targets = checked.map(({ repository, tag }) => ({ repository, reference: tag }));
      void client.authorizeRepositories(targets.map((t) => t.repository));
      client.prefetchManifests(targets);
    }
    prepared = await core.group(`Package ${plural(sources.length, 'chart')}`, async () => {
      const charts = await prepareCharts(checked, config, created.date, sign);
      for (const { packaged, artifact } of charts) {
        core.info(`${packaged.fileName}: ${packaged.digest} (${packaged.size} bytes${artifact.prov ? ', signed' : ''}) → ${config.registry.host}/${artifact.repository}:${artifact.tag}`);
      }
      return charts;
    });
    const results = await core.group(client ? `Push to ${config.registry.host}` : 'Dry run: nothing is pushed', () =>
      pushCharts(prepared, client, config, log),
    );

    // Outputs first: whatever happens next, the digests of what was pushed reach the next steps.
    setOutputs(results);
    await writeSummary(results, config.dryRun);
    const failed = results.filter((r) => r.status === 'failed');
    if (failed.length > 0) {
      core.setFailed(`helm-oci-publish: ${failed.length} of ${plural(results.length, 'chart')} failed:\n${failed.map((f) => naming(`${f.repository}:${f.tag}`, f.error ?? '')).join('\n')}`);
    }
    // Only credentials the registry accepted are handed to later steps.
    if (client && (config.login || config.dockerLogin) && config.username && results.some((r) => r.status !== 'failed')) {
      await loginForLaterSteps(config.registry.host, config.username, config.password, { helm: config.login, docker: config.dockerLogin, logout: config.logout });
    }
  } finally {
    await client?.close();
    // pushCharts removes each archive after its push; this covers an error before it got there.
    await discardPrepared(prepared);
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

function registryClient(config: ActionConfig): RegistryClient {
  return new RegistryClient({
    host: config.registry.host,
    credentials: config.username ? { username: config.username, password: config.password } : undefined,
    transport: { plainHttp: config.plainHttp, ...config.tls },
    onSecret: (secret: string) => core.setSecret(secret),
    debug: core.debug,
  });
}

// The runner masks line by line, so a multi-line secret (a PEM or OpenPGP key) is masked per line.
function maskSecrets(config: ActionConfig): void {
  for (const secret of [config.password, config.signingPassphrase]) if (secret) core.setSecret(secret);
  for (const secret of [config.tls.key, config.signingKey]) {
    for (const line of (secret ?? '').split(/\r?\n/)) {
      const value = line.trim();
      // Armor headers and short lines (`=XXXX` checksums) are not secret and would mask common text.
      if (value.length > 3 && !value.startsWith('-----')) core.setSecret(value);
    }
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
