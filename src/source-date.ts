// The one timestamp every archive entry and the `created` annotation carry, so the same source
// gives the same bytes and digest on any machine: SOURCE_DATE_EPOCH, else the commit time of
// HEAD, else now.
import { execFile } from 'node:child_process';
import { InputError } from './inputs.js';

export interface SourceDate {
  date: Date;
  from: 'SOURCE_DATE_EPOCH' | 'git' | 'now';
}

/** `git log` answers in milliseconds; a hung git (a lock, a network file system) must not hang the step. */
const GIT_TIMEOUT_MS = 30_000;

export async function sourceDate(cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<SourceDate> {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch) {
    if (!/^\d+$/.test(epoch)) {
      throw new InputError(`SOURCE_DATE_EPOCH is "${epoch}": it must be whole seconds since 1970-01-01 UTC, for example $(git log -1 --format=%ct)`);
    }
    return { date: new Date(Number(epoch) * 1000), from: 'SOURCE_DATE_EPOCH' };
  }
  const commitTime = await headCommitTime(cwd, env);
  if (commitTime) return { date: commitTime, from: 'git' };
  return { date: new Date(Math.floor(Date.now() / 1000) * 1000), from: 'now' };
}

// A plain child process, not @actions/exec: this runs on every start, and exec's PATH lookup and
// argument quoting cost more than the git call itself.
function headCommitTime(cwd: string, env: NodeJS.ProcessEnv): Promise<Date | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['log', '-1', '--format=%ct'], { cwd, env, timeout: GIT_TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
      const seconds = stdout.trim();
      // No git on PATH, not a repository, no commit yet: fall back to now.
      resolve(!error && /^\d+$/.test(seconds) ? new Date(Number(seconds) * 1000) : undefined);
    });
  });
}
