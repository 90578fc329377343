// The `chart` input: directories, .tgz files and globs, with `!` exclusions.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ChartSourceError, resolveChartSources } from '../../src/publish/sources.js';

const root = mkdtempSync(join(tmpdir(), 'chart-sources-'));
after(() => rmSync(root, { recursive: true, force: true }));
for (const name of ['api', 'web', 'legacy']) {
  mkdirSync(join(root, 'charts', name), { recursive: true });
  writeFileSync(join(root, 'charts', name, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`);
}
mkdirSync(join(root, 'charts', 'docs'));
writeFileSync(join(root, 'dist-chart-1.0.0.tgz'), '');

const relative = (sources: { kind: string; path: string }[]) => sources.map((s) => `${s.kind}:${s.path.slice(root.length + 1)}`);

describe('chart sources', () => {
  it('takes a directory and a packaged chart literally', async () => {
    assert.deepEqual(relative(await resolveChartSources(['charts/api', 'dist-chart-1.0.0.tgz'], root)), [
      'directory:charts/api',
      'archive:dist-chart-1.0.0.tgz',
    ]);
  });

  it('expands globs to chart directories only, sorted, minus exclusions', async () => {
    assert.deepEqual(relative(await resolveChartSources(['charts/*', '!charts/legacy'], root)), ['directory:charts/api', 'directory:charts/web']);
  });

  it('lists a chart matched twice once', async () => {
    assert.equal((await resolveChartSources(['charts/api', 'charts/a*'], root)).length, 1);
  });

  it('says which line matched nothing', async () => {
    await assert.rejects(resolveChartSources(['charts/missing'], root), (e: unknown) => e instanceof ChartSourceError && /chart "charts\/missing" does not exist/.test(e.message));
    await assert.rejects(resolveChartSources(['charts/docs'], root), /neither a chart directory \(no Chart\.yaml/);
    await assert.rejects(resolveChartSources(['nothing/*'], root), /"nothing\/\*" matched no chart directory/);
  });
});
