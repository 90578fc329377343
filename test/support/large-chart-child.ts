// Run as its own process by large-chart.test.ts, so nothing else moves its memory: packages a
// chart folder and pushes it with pushChart, then prints what it pushed and how far its peak
// memory (the kernel's max RSS) rose above the RSS it had just before.
//   node --import tsx test/support/large-chart-child.ts <chart dir> <out dir> <registry host>
import { createReadStream } from 'node:fs';
import { configJson, packageChart } from '../../src/chart/index.js';
import { helmArtifact, parseRegistryUrl, pushChart, RegistryClient, repositoryFor, tagForVersion } from '../../src/oci/index.js';

const [chartDir, outDir, host] = process.argv.slice(2) as [string, string, string];
const created = new Date('2026-01-02T03:04:05Z');
const client = new RegistryClient({ host, transport: { plainHttp: true } });
// Connections and code loaded before the baseline: only the chart's own cost is measured.
await client.headManifest('warmup/none', 'latest');

const before = process.memoryUsage().rss;
const packaged = await packageChart(chartDir, { mtime: created, outDir });
const { path, digest, size } = packaged;
const artifact = helmArtifact({
  repository: repositoryFor(parseRegistryUrl(`oci://${host}/big`), packaged.metadata.name),
  tag: tagForVersion(packaged.metadata.version),
  config: configJson(packaged.metadata),
  chart: { digest, size, open: () => createReadStream(path) },
  meta: packaged.metadata,
  created,
});
const result = await pushChart(client, artifact, { ifExists: 'fail', sameChartFiles: async () => false });
const peakGrowth = process.resourceUsage().maxRSS * 1024 - before;
await client.close();
process.stdout.write(`${JSON.stringify({ status: result.status, manifestDigest: result.digest, chartDigest: digest, size, repository: artifact.repository, tag: artifact.tag, peakGrowth })}\n`);
