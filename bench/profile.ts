// Where the action's CPU time goes: runs the dist/ bundle once with `node --cpu-prof` against the
// benchmark's registry (no added delay) and prints the self time by source file and by function.
// Sampling profiles are noisy on a busy machine; compare builds by the share of each part.
// --bare profiles the start alone: the bundle with no inputs loads everything and stops at the
// first input error, no registry involved.
//
//   npx tsx bench/profile.ts [--charts 100] [--auth token|basic] [--bundle dist/main.js] [--bare] [--top 30] [--keep DIR]
import { readdir, readFile } from 'node:fs/promises';
import { runBare } from './bench.js';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { makeTempDir, removeDir } from '../test/support/tmp.js';
import { actionNode } from '../test/support/action-runner.js';
import { helmHome } from '../test/support/helm.js';
import { makeWorkspace } from './charts.js';
import { runOurs } from './contenders.js';
import { startBenchRegistry, type BenchAuth } from './registry.js';

const { values: args } = parseArgs({
  options: {
    charts: { type: 'string', default: '100' },
    auth: { type: 'string', default: 'token' },
    bundle: { type: 'string' },
    top: { type: 'string', default: '30' },
    keep: { type: 'string' },
    interval: { type: 'string', default: '200' },
    bare: { type: 'boolean', default: false },
  },
});

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time (ms) per key, largest first. */
function selfTime(profile: CpuProfile, keyOf: (frame: ProfileNode['callFrame']) => string): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const key = keyOf(byId.get(id)!.callFrame);
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

const shortUrl = (url: string): string => url.replace(/^file:\/\/.*?\/(dist|node_modules)\//, '$1/');

/** What a bundled function belongs to: the `// node_modules/...` or `// src/...` banner above it. */
async function sourceMapOfBanners(dir: string): Promise<(url: string, line: number) => string> {
  const banners = new Map<string, Array<[number, string]>>();
  const load = async (file: string): Promise<void> => {
    const lines = (await readFile(file, 'utf8')).split('\n');
    const list: Array<[number, string]> = [];
    lines.forEach((line, i) => {
      const m = /^\/\/ ((?:node_modules\/(?:@[^/]+\/)?[^/]+)|src\/.+)/.exec(line);
      if (m) list.push([i, m[1]!.replace(/^src\/(.+)$/, 'src/$1')]);
    });
    banners.set(file, list);
  };
  for (const f of await readdir(dir, { recursive: true })) if (String(f).endsWith('.js')) await load(join(dir, String(f)));
  return (url, line) => {
    const file = url.replace(/^file:\/\//, '');
    const list = banners.get(file);
    if (!list) return url.startsWith('node:') ? 'node internals' : url === '' ? '(V8: compile, GC, idle)' : shortUrl(url);
    let owner = shortUrl(url);
    for (const [at, name] of list) {
      if (at > line) break;
      owner = name;
    }
    return owner;
  };
}

async function summarize(profileDir: string, header: string): Promise<void> {
  const file = (await readdir(profileDir)).find((f) => f.endsWith('.cpuprofile'))!;
  const profile = JSON.parse(await readFile(join(profileDir, file), 'utf8')) as CpuProfile;
  const distDir = args.bundle ? join(args.bundle, '..') : join(process.cwd(), 'dist');
  const owner = await sourceMapOfBanners(distDir);
  const total = profile.timeDeltas.reduce((a, b) => a + b, 0) / 1000;
  const top = Number(args.top);
  process.stdout.write(`${header}, profiled ${Math.round(total)} ms\n\n`);
  process.stdout.write('self time by source (bundle banners):\n');
  for (const [key, ms] of selfTime(profile, (f) => (f.functionName === '(idle)' ? '(idle)' : f.functionName.startsWith('(') ? f.functionName : owner(f.url, f.lineNumber))).slice(0, top)) process.stdout.write(`${ms.toFixed(1).padStart(9)} ms  ${key}\n`);
  process.stdout.write('\nself time by function:\n');
  for (const [key, ms] of selfTime(profile, (f) => `${f.functionName || '(anonymous)'}  ${owner(f.url, f.lineNumber)}`).slice(0, top)) process.stdout.write(`${ms.toFixed(1).padStart(9)} ms  ${key}\n`);
  if (args.keep) process.stdout.write(`\nprofile kept in ${profileDir} (open it in Chrome DevTools)\n`);
}

async function main(): Promise<void> {
  if (args.bare) {
    const work = await makeTempDir('bench-profile-');
    const profileDir = args.keep ?? join(work, 'profile');
    try {
      const bundle = args.bundle ?? join(process.cwd(), 'dist', 'main.js');
      const run = await runBare(actionNode(), ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-interval=${args.interval}`, bundle], work);
      await summarize(profileDir, `start with no inputs: wall ${Math.round(run.wallMs)} ms, CPU ${Math.round(run.cpuMs)} ms (GNU time)`);
    } finally {
      await removeDir(work);
    }
    return;
  }
  const charts = Number(args.charts);
  const work = await makeTempDir('bench-profile-');
  const registry = await startBenchRegistry({ delayMs: 0, auth: args.auth as BenchAuth });
  const home = await helmHome();
  const profileDir = args.keep ?? join(work, 'profile');
  try {
    const ws = await makeWorkspace(join(work, 'charts'), charts);
    const bundle = args.bundle;
    const run = await runOurs({
      bundle,
      workspace: ws.dir,
      home,
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-interval=${args.interval}`],
      inputs: { chart: 'charts/*', registry: `oci://${registry.host}/profile`, username: registry.username, password: registry.password, 'plain-http': 'true' },
    });
    if (run.code !== 0) throw new Error(`the action failed:\n${run.stdout.slice(-3000)}`);
    await summarize(profileDir, `${charts} charts, ${args.auth} auth: wall ${Math.round(run.wallMs)} ms, CPU ${Math.round(run.cpuMs)} ms (GNU time)`);
  } finally {
    await home.remove();
    await registry.stop();
    await removeDir(work);
  }
}

main().catch((error: unknown) => {
  process.exitCode = 1;
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
});
