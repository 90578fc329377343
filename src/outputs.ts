// Step outputs and the job summary, from the per-chart results.
import * as core from '@actions/core';
import type { ChartResult } from './publish/index.js';

const SINGLE_VALUE_OUTPUTS = ['name', 'version', 'tag', 'digest', 'repository', 'url', 'ref'] as const;
/** Outputs of the supply-chain step, by the result field they come from. */
const SUPPLY_CHAIN_OUTPUTS = {
  signatureDigest: 'signature-digest',
  legacySignatureDigest: 'legacy-signature-digest',
  attestationDigest: 'attestation-digest',
  attestationId: 'attestation-id',
  attestationUrl: 'attestation-url',
} as const;

export function setOutputs(results: ChartResult[]): void {
  core.setOutput('charts', JSON.stringify(results));
  // Single-value outputs only make sense when exactly one chart was published.
  const published = results.filter((r) => r.status !== 'failed');
  if (results.length === 1 && published.length === 1) {
    const only = published[0]!;
    for (const key of SINGLE_VALUE_OUTPUTS) core.setOutput(key, only[key]);
    for (const [key, output] of Object.entries(SUPPLY_CHAIN_OUTPUTS)) {
      const value = only[key as keyof typeof SUPPLY_CHAIN_OUTPUTS];
      if (value) core.setOutput(output, value);
    }
    core.setOutput('pushed', String(only.pushed));
    core.setOutput('signed', String(only.signed));
  } else {
    core.setOutput('pushed', String(results.some((r) => r.pushed)));
    core.setOutput('signed', String(results.length > 0 && results.every((r) => r.signed)));
  }
}

export async function writeSummary(results: ChartResult[], dryRun: boolean): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const header = [
    { data: 'Chart', header: true },
    { data: 'Version', header: true },
    { data: 'Tag', header: true },
    { data: 'Status', header: true },
    { data: 'Signed', header: true },
    { data: 'Digest', header: true },
  ];
  const rows = results.map((r) => [
    `<code>${escapeHtml(r.repository)}</code>`,
    escapeHtml(r.version),
    escapeHtml(r.tag),
    r.error ? `${r.status}: ${escapeHtml(r.error)}` : r.status,
    r.signed ? 'yes' : 'no',
    r.digest ? `<code>${r.digest}</code>` : '',
  ]);
  const installs = results
    .filter((r) => r.ref && r.status !== 'failed')
    .map((r) => `helm upgrade --install ${r.name} ${r.ref}`);
  const summary = core.summary.addHeading(dryRun ? 'Helm charts (dry run, nothing pushed)' : 'Helm charts published', 3).addRaw(counts(results), true).addTable([header, ...rows]);
  const failures = results.filter((r) => r.error);
  if (failures.length > 0) summary.addRaw('Failures:', true).addList(failures.map((r) => `<code>${escapeHtml(`${r.repository}:${r.tag}`)}</code> (from ${escapeHtml(r.source)}): ${escapeHtml(r.error!)}`));
  if (installs.length > 0) summary.addRaw('Deploy by digest:', true).addCodeBlock(installs.join('\n'), 'sh');
  await summary.write();
}

// "12 charts: 9 pushed, 2 unchanged, 1 failed"
function counts(results: ChartResult[]): string {
  const byStatus = new Map<string, number>();
  for (const r of results) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
  return `${results.length} chart${results.length === 1 ? '' : 's'}: ${[...byStatus].map(([status, n]) => `${n} ${status}`).join(', ')}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
