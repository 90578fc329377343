// CPU per chart, in process and without the network: the benchmark's `helm create`-sized charts
// checked (read, .helmignore, Chart.yaml and values YAML), packaged (tar, gzip, write, SHA-256)
// and turned into Helm's manifest, stage by stage, with the same functions the action runs.
// CPU time (process.cpuUsage) is steadier than wall time on a shared machine; the first rounds
// warm the JIT and are not counted. --profile FILE writes a CPU profile of the counted rounds only
// (bench/profile.ts summarizes a profile with --summarize FILE).
//
//   npx tsx bench/chart-cpu.ts [--charts 50] [--rounds 5] [--warmup 2] [--profile FILE]
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkChart, configJson, writeChartPackage } from '../src/chart/index.js';
import { helmArtifact } from '../src/oci/index.js';
import { makeTempDir, removeDir } from '../test/support/tmp.js';
import { makeWorkspace } from './charts.js';

const { values: args } = parseArgs({ options: { charts: { type: 'string', default: '50' }, rounds: { type: 'string', default: '5' }, warmup: { type: 'string', default: '2' }, profile: { type: 'string' } } });

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function main(): Promise<void> {
  const work = await makeTempDir('bench-chart-cpu-');
  try {
    const charts = Number(args.charts);
    const ws = await makeWorkspace(join(work, 'ws'), charts);
    const created = new Date('2026-01-02T03:04:05Z');
    const stages = { check: [] as number[], package: [] as number[], manifest: [] as number[] };
    let digests = '';
    const rounds = Number(args.rounds);
    const warmup = Number(args.warmup);
    const session = args.profile ? new Session() : undefined;
    for (let round = 0; round < warmup + rounds; round++) {
      if (session && round === warmup) {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 100 });
        await session.post('Profiler.start');
      }
      const out = join(work, `out-${round}`);
      await mkdir(out);
      const t0 = cpuMs();
      const checked = [];
      for (const c of ws.charts) checked.push(await checkChart(join(ws.dir, c), {}));
      const t1 = cpuMs();
      const packaged = [];
      for (const c of checked) packaged.push(await writeChartPackage(c, { mtime: created, outDir: out }));
      const t2 = cpuMs();
      const manifests = [];
      for (let i = 0; i < checked.length; i++) {
        const p = packaged[i]!;
        manifests.push(helmArtifact({ repository: `bench/${p.metadata.name}`, tag: p.metadata.version, config: configJson(checked[i]!.metadata), chart: await readFile(p.path), meta: checked[i]!.metadata, created }).manifest);
      }
      const t3 = cpuMs();
      if (round >= warmup) {
        stages.check.push((t1 - t0) / charts);
        stages.package.push((t2 - t1) / charts);
        stages.manifest.push((t3 - t2) / charts);
      }
      digests = packaged.map((p) => p.digest).join(',');
      await removeDir(out);
    }
    if (session) {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(args.profile!, JSON.stringify(profile));
      session.disconnect();
    }
    const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const total = med(stages.check) + med(stages.package) + med(stages.manifest);
    process.stdout.write(`CPU per chart (median of ${rounds} rounds over ${charts} charts, after ${warmup} warm-up rounds; node ${process.version}):\n`);
    for (const [name, xs] of Object.entries(stages)) process.stdout.write(`  ${name.padEnd(9)} ${med(xs).toFixed(2).padStart(6)} ms  (${xs.map((x) => x.toFixed(2)).join(' ')})\n`);
    process.stdout.write(`  total     ${total.toFixed(2).padStart(6)} ms\n`);
    const { createHash } = await import('node:crypto');
    process.stdout.write(`archives: ${createHash('sha256').update(digests).digest('hex').slice(0, 16)} (a hash of every archive digest: must not change with an optimization)\n`);
  } finally {
    await removeDir(work);
  }
}

main().catch((error: unknown) => {
  process.exitCode = 1;
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
});
