// The one timestamp every archive entry and the `created` annotation carry, so the same source
// gives the same bytes and digest on any machine: SOURCE_DATE_EPOCH, else the commit time of
// HEAD, else now.
import { getExecOutput } from '@actions/exec';
import { InputError } from './inputs.js';

export interface SourceDate {
  date: Date;
  from: 'SOURCE_DATE_EPOCH' | 'git' | 'now';
}

export async function sourceDate(cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<SourceDate> {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch) {
    if (!/^\d+$/.test(epoch)) {
      throw new InputError(`SOURCE_DATE_EPOCH is "${epoch}": it must be whole seconds since 1970-01-01 UTC, for example $(git log -1 --format=%ct)`);
    }
    return { date: new Date(Number(epoch) * 1000), from: 'SOURCE_DATE_EPOCH' };
  }
  const commitTime = await headCommitTime(cwd);
  if (commitTime) return { date: commitTime, from: 'git' };
  return { date: new Date(Math.floor(Date.now() / 1000) * 1000), from: 'now' };
}

async function headCommitTime(cwd: string): Promise<Date | undefined> {
  try {
    const { exitCode, stdout } = await getExecOutput('git', ['log', '-1', '--format=%ct'], {
      cwd,
      silent: true,
      ignoreReturnCode: true,
    });
    const seconds = stdout.trim();
    return exitCode === 0 && /^\d+$/.test(seconds) ? new Date(Number(seconds) * 1000) : undefined;
  } catch {
    return undefined; // no git on PATH: fall back to now
  }
}
