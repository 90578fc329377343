// Run as its own process by chart-memory.test.ts, so nothing else moves its memory: does what a
// dry run does with one chart folder (check, package, config JSON, provenance text) and prints
// how far its peak memory (the kernel's max RSS) rose above the RSS it had just before, and how
// long it took.
//   node --import tsx test/support/chart-memory-child.ts <chart dir> <out dir>
import { checkChart, configJson, writeChartPackage } from '../../src/chart/index.js';
import { provenanceMessage } from '../../src/chart/provenance.js';

const [chartDir, outDir] = process.argv.slice(2) as [string, string];
const before = process.memoryUsage().rss;
const started = performance.now();
const checked = await checkChart(chartDir, {});
const packaged = await writeChartPackage(checked, { mtime: new Date('2026-01-02T03:04:05Z'), outDir });
const config = configJson(packaged.metadata);
const message = provenanceMessage(config, packaged.fileName, packaged.digest);
const seconds = (performance.now() - started) / 1000;
const peakGrowth = process.resourceUsage().maxRSS * 1024 - before;
process.stdout.write(`${JSON.stringify({ seconds, peakGrowth, configBytes: config.length, messageBytes: message.length })}\n`);
