// The archive time: SOURCE_DATE_EPOCH, else HEAD's commit time from git, else now (whole seconds).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { InputError } from '../../src/inputs.js';
import { sourceDate } from '../../src/source-date.js';
import { tempDirFor } from '../support/tmp.js';

const noEpoch = { PATH: process.env.PATH };

test('a checkout: the archive time is the commit time of HEAD, not the author time', async (t) => {
  const repo = await tempDirFor(t.after.bind(t), 'source-date');
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repo,
      env: { ...noEpoch, HOME: repo, GIT_AUTHOR_DATE: '2001-02-03T04:05:06Z', GIT_COMMITTER_DATE: '2021-07-08T09:10:11Z', GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@example.com', GIT_COMMITTER_NAME: 'c', GIT_COMMITTER_EMAIL: 'c@example.com' },
    });
  git('init', '-q');
  await writeFile(join(repo, 'Chart.yaml'), 'name: a\n');
  git('add', '.');
  git('commit', '-q', '-m', 'first');
  const got = await sourceDate(join(repo), noEpoch);
  assert.deepEqual(got, { date: new Date('2021-07-08T09:10:11Z'), from: 'git' });
});

test('SOURCE_DATE_EPOCH wins over git; a value that is not whole seconds is refused with an example', async (t) => {
  const dir = await tempDirFor(t.after.bind(t), 'source-date');
  assert.deepEqual(await sourceDate(dir, { ...noEpoch, SOURCE_DATE_EPOCH: ' 1700000000 ' }), { date: new Date(1_700_000_000_000), from: 'SOURCE_DATE_EPOCH' });
  await assert.rejects(sourceDate(dir, { ...noEpoch, SOURCE_DATE_EPOCH: '2024-01-01' }), (e: unknown) => e instanceof InputError && /whole seconds.*git log -1 --format=%ct/.test(e.message));
});

test('no repository (or no git): now, in whole seconds', async (t) => {
  const dir = await tempDirFor(t.after.bind(t), 'source-date');
  const before = Math.floor(Date.now() / 1000) * 1000;
  const got = await sourceDate(dir, noEpoch);
  assert.equal(got.from, 'now');
  assert.equal(got.date.getTime() % 1000, 0);
  assert.ok(got.date.getTime() >= before && got.date.getTime() <= Date.now());
  const repo = await tempDirFor(t.after.bind(t), 'source-date');
  execFileSync('git', ['init', '-q'], { cwd: repo });
  assert.equal((await sourceDate(repo, noEpoch)).from, 'now', 'a repository without a commit');
  assert.equal((await sourceDate(process.cwd(), { PATH: '/nonexistent' })).from, 'now', 'no git on PATH');
});
