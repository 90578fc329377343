// The benchmark's registry: the real CNCF Distribution (`docker-registry serve`) on loopback, with
// token auth, as cloud registries have, or Basic auth from an htpasswd file, as self-hosted ones
// often have. The registry and its token service sit behind delay proxies, so a client sees a
// remote registry whose token realm is remote too. The token realm must name the proxy, which is
// why this starts the registry itself instead of using test/support/registry.ts (whose token realm
// is the token server's own port); the parts are the same: the test token server, a CA made with
// openssl, bcrypt for htpasswd, a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import bcrypt from 'bcryptjs';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { makeCa } from '../test/support/certs.js';
import { freePort } from '../test/support/ports.js';
import { startTokenServer, type TokenServer } from '../test/support/token-server.js';
import { makeTempDir, removeDir } from '../test/support/tmp.js';
import { RequestLog, startDelayProxy, type DelayProxy } from './proxy.js';

export type BenchAuth = 'token' | 'basic';

export interface BenchRegistry {
  auth: BenchAuth;
  /** host:port of the registry as clients see it (the delay proxy). */
  host: string;
  username: string;
  password: string;
  log: RequestLog;
  /** CPU time the registry process has used so far (ms); NaN where /proc is not there. */
  cpuMs(): number;
  setDelay(ms: number): void;
  stop(): Promise<void>;
}

function probe(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/v2/', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
    req.end();
  });
}

/** /proc reports CPU times in USER_HZ: 100 on x86-64 and arm64, whatever the kernel tick. */
const CLOCK_TICKS_PER_SECOND = 100;

/** utime + stime of a process from /proc/PID/stat (fields 14 and 15, after the parenthesised name). */
function processCpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

// The registry's storage lives in memory (tmpfs) where there is one: a remote registry's disk costs
// the client's machine nothing, and Distribution's many small file operations on this machine's
// disk would otherwise take CPU from the contenders.
async function makeRegistryDir(): Promise<string> {
  return existsSync('/dev/shm') ? mkdtemp(join('/dev/shm', 'bench-registry-')) : makeTempDir('bench-registry-');
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function startBenchRegistry(options: { delayMs: number; auth: BenchAuth }): Promise<BenchRegistry> {
  const root = await makeRegistryDir();
  const log = new RequestLog();
  const username = 'bench';
  const password = randomBytes(12).toString('hex');
  const proxies: DelayProxy[] = [];
  let tokenServer: TokenServer | undefined;
  let child: ChildProcess | undefined;
  const stop = async (): Promise<void> => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child!.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child?.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await Promise.all(proxies.map((p) => p.stop()));
    await tokenServer?.stop();
    await removeDir(root);
  };
  try {
    let auth: Record<string, unknown>;
    if (options.auth === 'token') {
      const ca = await makeCa({ dir: join(root, 'ca'), commonName: 'bench token signing CA' });
      tokenServer = await startTokenServer({ users: [{ username, password }], service: 'bench-registry', issuer: 'bench-token-issuer', ca, expiresIn: 3600 });
      const tokenProxy = await startDelayProxy({ upstreamPort: Number(new URL(tokenServer.realm).port), delayMs: options.delayMs, target: 'token', log });
      proxies.push(tokenProxy);
      auth = { token: { realm: `http://${tokenProxy.host}/token`, service: tokenServer.service, issuer: tokenServer.issuer, rootcertbundle: tokenServer.rootCertBundleFile } };
    } else {
      // bcrypt cost 5 (the minimum Distribution takes) keeps the registry's per-request check cheap.
      const file = join(root, 'htpasswd');
      await writeFile(file, `${username}:${bcrypt.hashSync(password, 5)}\n`, { mode: 0o600 });
      auth = { htpasswd: { realm: 'bench-registry', path: file } };
    }

    const dataDir = join(root, 'data');
    await mkdir(dataDir);
    const port = await freePort();
    const config = {
      version: 0.1,
      // Errors only: the per-request access log costs CPU that would be charged to every contender.
      log: { level: 'error', formatter: 'text', accesslog: { disabled: true } },
      storage: {
        filesystem: { rootdirectory: dataDir },
        delete: { enabled: true },
        maintenance: { uploadpurging: { enabled: false } },
        cache: { blobdescriptor: 'inmemory' },
      },
      http: { addr: `127.0.0.1:${port}`, secret: randomBytes(16).toString('hex') },
      auth,
    };
    const configFile = join(root, 'config.yml');
    await writeFile(configFile, stringify(config));
    // setpriv: the kernel kills the registry if the bench dies, even by SIGKILL.
    const [command, args] = process.platform === 'linux' && existsSync('/usr/bin/setpriv')
      ? ['/usr/bin/setpriv', ['--pdeathsig', 'KILL', 'docker-registry', 'serve', configFile]]
      : ['docker-registry', ['serve', configFile]];
    let output = '';
    child = spawn(command as string, args as string[], { stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-64 * 1024);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const deadline = Date.now() + 15_000;
    while ((await probe(port)) !== 401) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`docker-registry did not start:\n${output}`);
      await sleep(50);
    }
    const registryProxy = await startDelayProxy({ upstreamPort: port, delayMs: options.delayMs, target: 'registry', log });
    proxies.push(registryProxy);
    return {
      auth: options.auth,
      host: registryProxy.host,
      username,
      password,
      log,
      cpuMs: () => processCpuMs(child?.pid),
      setDelay(ms: number) {
        for (const p of proxies) p.setDelay(ms);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
