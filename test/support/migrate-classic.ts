// Migrates a classic chart repository into a registry with the sources library and the push code
// the action uses (classicArtifact + pushChart), the way the publish pipeline composes them: every
// selected version downloaded once, pushed byte for byte, its temp folder removed; each version's
// outcome reported on its own.
import { createReadStream } from 'node:fs';
import { archiveFileDigests } from '../../src/chart/index.js';
import { mapConcurrent } from '../../src/concurrency.js';
import { describeError } from '../../src/errors.js';
import { pushChart, repositoryFor, tagForVersion, type RegistryClient } from '../../src/oci/index.js';
import {
  classicArtifact,
  discardDownload,
  downloadChartVersion,
  openClassicRepository,
  type ClassicRepoSource,
  type ClassicRepositoryOptions,
  type SelectOptions,
} from '../../src/sources/index.js';

export interface MigratedVersion {
  name: string;
  version: string;
  status: 'pushed' | 'unchanged' | 'skipped' | 'failed';
  digest?: string;
  signed?: boolean;
  error?: string;
}

export interface MigrateOptions {
  source: ClassicRepoSource;
  http: ClassicRepositoryOptions;
  client: RegistryClient;
  /** Charts go to `<namespace>/<name>` on the client's registry. */
  namespace: string;
  select?: SelectOptions;
  tempDir: string;
  concurrency: number;
  /** After each version, with how many are done out of how many. */
  onResult?: (result: MigratedVersion, done: number, total: number) => void;
}

export async function migrateClassic(options: MigrateOptions): Promise<MigratedVersion[]> {
  const repository = await openClassicRepository(options.source, options.http);
  const { selected, rejected } = repository.select(options.select ?? {});
  const total = selected.length + rejected.length;
  let done = 0;
  const report = (result: MigratedVersion): MigratedVersion => (options.onResult?.(result, ++done, total), result);
  const failed = rejected.map((r) => report({ name: r.name, version: r.version, status: 'failed', error: r.reason }));
  const target = { host: options.client.host, namespace: options.namespace };
  const migrated = await mapConcurrent(selected, options.concurrency, async (entry) => {
    try {
      const download = await downloadChartVersion(repository, entry, options.tempDir);
      try {
        const artifact = classicArtifact(download, repositoryFor(target, entry.name), tagForVersion(entry.version));
        const outcome = await pushChart(options.client, artifact, {
          ifExists: 'fail',
          sameChartFiles: async (remote) => sameFiles(await archiveFileDigests(createReadStream(download.archive.path)), await archiveFileDigests(remote)),
        });
        return report({ name: entry.name, version: entry.version, status: outcome.status, digest: outcome.digest, signed: outcome.signed });
      } finally {
        await discardDownload(download);
      }
    } catch (error) {
      return report({ name: entry.name, version: entry.version, status: 'failed', error: describeError(error) });
    }
  });
  return [...migrated, ...failed];
}

function sameFiles(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([path, digest]) => b.get(path) === digest);
}
