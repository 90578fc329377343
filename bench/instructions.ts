// The start's cost in instructions, which a busy machine does not change (wall and CPU time do):
// valgrind's callgrind counts what `node -e 0` executes and what each bundle executes when started
// with no inputs (it loads everything and stops at the first input error), and prints the
// difference: loading and compiling the bundle and its Node built-ins. Slow (valgrind runs Node
// about 50 times slower): a few minutes for a few builds.
//
//   npx tsx bench/instructions.ts [--node PATH] [BUNDLE ...]      (default: dist/main.js)
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { actionNode, projectRoot } from '../test/support/action-runner.js';

const run = promisify(execFile);
const { values: args, positionals } = parseArgs({ options: { node: { type: 'string', default: actionNode() } }, allowPositionals: true });

async function instructions(command: string[]): Promise<number> {
  const { stderr } = await run('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', ...command], { cwd: projectRoot, maxBuffer: 16 * 1024 * 1024 }).catch((error: Error & { stderr?: string; code?: number }) => {
    // The bundle exits 1 on the missing input: that is the point; valgrind's report is still there.
    if (typeof error.stderr === 'string' && /Collected : \d+/.test(error.stderr)) return { stderr: error.stderr };
    throw new Error(`valgrind failed (is the valgrind package installed?): ${String(error.stderr ?? error).slice(-2000)}`);
  });
  const match = /Collected : (\d+)/.exec(stderr);
  if (!match) throw new Error(`no instruction count in valgrind's output:\n${stderr.slice(-2000)}`);
  return Number(match[1]);
}

async function main(): Promise<void> {
  const node = args.node!;
  const bundles = positionals.length > 0 ? positionals : [join(projectRoot, 'dist', 'main.js')];
  const { stdout: version } = await run(node, ['--version']);
  const base = await instructions([node, '-e', '0']);
  const m = (n: number): string => `${(n / 1e6).toFixed(0)}M`;
  process.stdout.write(`node ${version.trim()}: node -e 0 executes ${m(base)} instructions\n`);
  for (const bundle of bundles) {
    const count = await instructions([node, bundle]);
    process.stdout.write(`${bundle} with no inputs: ${m(count)} (${m(count - base)} more than node -e 0)\n`);
  }
}

main().catch((error: unknown) => {
  process.exitCode = 1;
  console.error(error instanceof Error ? error.message : error);
});
