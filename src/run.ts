// The main step from inputs to outputs, with a log group per phase.
import * as core from '@actions/core';
import { resolveChartSources } from './chart-sources.js';
import { parseInputs, type ActionConfig } from './inputs.js';
import { loginForLaterSteps } from './login.js';
import { RegistryClient } from './oci/index.js';
import { setOutputs, writeSummary } from './outputs.js';
import { prepareCharts, pushCharts, type ChartResult, type PublishLog } from './publish.js';
import { sourceDate } from './source-date.js';

const log: PublishLog = { info: core.info, warning: core.warning, debug: core.debug };

export async function run(): Promise<void> {
  const config = parseInputs((name) => core.getInput(name));
  maskSecrets(config);

  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const sources = await resolveChartSources(config.chartPatterns, workspace);
  const created = await sourceDate(workspace);
  core.debug(`archive time ${created.date.toISOString()} from ${created.from}`);

  const prepared = await core.group(`Package ${plural(sources.length, 'chart')}`, async () => {
    const charts = await prepareCharts(sources, config, created.date);
    for (const c of charts) core.info(`${c.packaged.fileName}: ${c.chart.digest} (${c.chart.size} bytes) → ${config.registry.host}/${c.repository}:${c.tag}`);
    return charts;
  });

  let results: ChartResult[];
  if (config.dryRun) {
    results = await core.group('Dry run: nothing is pushed', () => pushCharts(prepared, undefined, config, log));
  } else {
    const client = registryClient(config);
    try {
      results = await core.group(`Push to ${config.registry.host}`, async () => {
        await client.authorizeRepositories(prepared.map((p) => p.repository));
        return pushCharts(prepared, client, config, log);
      });
    } finally {
      await client.close();
    }
    // Only credentials the registry accepted are handed to later steps.
    if (config.login && config.username && results.some((r) => r.status !== 'failed')) {
      await loginForLaterSteps(config.registry.host, config.username, config.password, config.logout);
    }
  }

  setOutputs(results);
  await writeSummary(results, config.dryRun);
  const failed = results.filter((r) => r.status === 'failed');
  if (failed.length > 0) {
    core.setFailed(`helm-oci-publish: ${failed.length} of ${plural(results.length, 'chart')} failed:\n${failed.map((f) => `${f.repository}:${f.tag}: ${f.error}`).join('\n')}`);
  }
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

// The runner masks line by line, so a multi-line secret (a PEM key) is masked per line.
function maskSecrets(config: ActionConfig): void {
  for (const secret of [config.password, config.tls.key]) {
    for (const line of (secret ?? '').split(/\r?\n/)) if (line.trim().length > 3) core.setSecret(line.trim());
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
