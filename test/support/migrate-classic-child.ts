// A migration in a process of its own, so a test can kill it half-way: reads its settings from the
// MIGRATE_SETTINGS environment variable (JSON) and prints one line per finished version.
import { RegistryClient } from '../../src/oci/index.js';
import { Transport } from '../../src/oci/transport.js';
import { parseSourceLine, type ClassicRepoSource } from '../../src/sources/index.js';
import { migrateClassic } from './migrate-classic.js';

interface Settings {
  repoUrl: string;
  repoCredentials: { username: string; password: string };
  registryHost: string;
  registryCredentials: { username: string; password: string };
  namespace: string;
  tempDir: string;
}

const settings = JSON.parse(process.env.MIGRATE_SETTINGS ?? '{}') as Settings;
const transport = new Transport({ plainHttp: true, proxy: {} });
const client = new RegistryClient({ host: settings.registryHost, credentials: settings.registryCredentials, transport: { plainHttp: true, proxy: {} } });
await migrateClassic({
  source: parseSourceLine(settings.repoUrl) as ClassicRepoSource,
  http: { transport, plainHttp: true, credentials: settings.repoCredentials },
  client,
  namespace: settings.namespace,
  tempDir: settings.tempDir,
  concurrency: 1,
  onResult: (result, done, total) => console.log(`${done}/${total} ${result.name} ${result.version} ${result.status}`),
});
console.log('finished');
await Promise.all([client.close(), transport.close()]);
