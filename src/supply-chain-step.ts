// The runner side of `sigstore-sign`, `attest` and `artifacthub-repo`: the inputs are checked
// before any request, and the supply-chain code (sigstore-js, @actions/attest) is loaded only
// when one of them is asked for.
import * as core from '@actions/core';
import type { SupplyChainSettings } from './inputs.js';
import type { ReferrersClient } from './oci/referrers.js';
import type { ChartSupplyChain, PushedChart } from './supply-chain/index.js';

/** Signs, attests and publishes metadata for one pushed chart; throws SupplyChainError. */
export type Secure = (client: ReferrersClient, chart: PushedChart) => Promise<ChartSupplyChain>;

export async function openSupplyChain(settings: SupplyChainSettings, dryRun: boolean): Promise<Secure | undefined> {
  if (!settings.sigstoreSign && !settings.attest && !settings.artifacthubRepo) return undefined;
  const supplyChain = await import('./supply-chain/index.js');
  const config = await supplyChain.resolveSupplyChain({ ...settings, dryRun, env: process.env });
  const { GITHUB_API_URL, GITHUB_SERVER_URL, GITHUB_REPOSITORY } = process.env;
  const github = settings.attest && settings.githubToken && GITHUB_API_URL && GITHUB_REPOSITORY
    ? { apiUrl: GITHUB_API_URL, serverUrl: GITHUB_SERVER_URL || 'https://github.com', repository: GITHUB_REPOSITORY, token: settings.githubToken }
    : undefined;
  const chain = new supplyChain.SupplyChain(config, {
    getToken: async (audience) => {
      const token = await supplyChain.requestIdToken(audience, process.env);
      core.setSecret(token);
      return token;
    },
    github,
    warning: core.warning,
  });
  return (client, chart) => chain.secure(client, { ...chart, unchanged: chart.unchanged && !settings.resign });
}
