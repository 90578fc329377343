// The real CNCF Distribution registry (`docker-registry serve`) as a child process on a free
// loopback port, with filesystem storage in a temp dir and the auth/TLS setup a test asks for.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import { stringify } from 'yaml';
import { issueClientCert, issueServerCert, makeCa, type CertAndKey, type TestCa } from './certs.js';
import { freePort } from './ports.js';
import { startTokenServer, type TokenServer } from './token-server.js';
import { makeTempDir, removeDir } from './tmp.js';

export type RegistryAuth = 'none' | 'basic' | 'token';
export type RegistryTls = 'none' | 'server' | 'mutual';

export interface RegistryUser {
  username: string;
  password: string;
  /** Token auth only: the actions this user may be granted (default pull, push, delete). */
  actions?: string[];
}

export interface RegistryOptions {
  auth?: RegistryAuth;
  /** Default: one user `ci` with a random password. */
  users?: RegistryUser[];
  /** Token auth: anonymous clients get pull-only tokens. */
  anonymousPull?: boolean;
  /** Token auth: serve the token endpoint over HTTPS (default: when the registry uses TLS). */
  tokenServerTls?: boolean;
  /** Token auth: token lifetime in seconds. */
  tokenExpiresIn?: number;
  tls?: RegistryTls;
  /** storage.delete.enabled (default true). */
  deleteEnabled?: boolean;
}

export interface TestRegistry {
  /** `127.0.0.1:PORT`, as it appears in OCI references. */
  host: string;
  port: number;
  /** `http://host` or `https://host`. */
  baseUrl: string;
  auth: RegistryAuth;
  tls: RegistryTls;
  users: RegistryUser[];
  /** First user's credentials. */
  username: string;
  password: string;
  /** TLS only: the CA that issued the server (and client) certificates. */
  ca?: TestCa;
  caFile?: string;
  caPem?: string;
  /** Mutual TLS only: a client certificate the registry accepts. */
  clientCertFile?: string;
  clientKeyFile?: string;
  clientCertPem?: string;
  clientKeyPem?: string;
  /** Token auth only. */
  tokenServer?: TokenServer;
  /** Root of the registry's filesystem storage. */
  dataDir: string;
  configFile: string;
  /** Everything the registry process printed so far (stdout and stderr interleaved). */
  logs(): string;
  /**
   * Kills the registry process (SIGKILL, as a crash would), keeping its storage; `restart` brings
   * it back on the same port. Upload sessions open at the kill are lost: the restarted registry
   * has a new http.secret, as a Distribution without a configured secret does on every start.
   */
  kill(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const LOG_LIMIT = 4 * 1024 * 1024;
const START_ATTEMPTS = 5;
const READY_TIMEOUT_MS = 15_000;

// Registries still running and their temp dirs; killed and removed if the test process goes
// away without stopping them.
const running = new Set<ChildProcess>();
const liveRoots = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const killAll = (): void => {
    for (const child of running) child.kill('SIGKILL');
    running.clear();
    for (const root of liveRoots) rmSync(root, { recursive: true, force: true });
    liveRoots.clear();
  };
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAll();
      process.kill(process.pid, signal);
    });
  }
}

// setpriv makes the kernel kill the registry when this process dies, even by SIGKILL.
function registryCommand(configFile: string): [string, string[]] {
  const args = ['serve', configFile];
  if (process.platform === 'linux' && existsSync('/usr/bin/setpriv')) {
    return ['/usr/bin/setpriv', ['--pdeathsig', 'KILL', 'docker-registry', ...args]];
  }
  return ['docker-registry', args];
}

interface TlsMaterial {
  ca: TestCa;
  server: CertAndKey;
  client?: CertAndKey;
}

async function makeTlsMaterial(dir: string, mode: RegistryTls): Promise<TlsMaterial | undefined> {
  if (mode === 'none') return undefined;
  const ca = await makeCa({ dir, commonName: 'test registry CA' });
  const server = await issueServerCert(ca, { hosts: ['127.0.0.1', 'localhost'], name: 'registry-server' });
  const client = mode === 'mutual' ? await issueClientCert(ca, 'test-client', { name: 'registry-client' }) : undefined;
  return { ca, server, client };
}

function htpasswd(users: RegistryUser[]): string {
  // bcryptjs writes `$2b$`; Distribution (Go's x/crypto/bcrypt) accepts it like `$2a$`/`$2y$`.
  return users.map((u) => `${u.username}:${bcrypt.hashSync(u.password, 5)}`).join('\n') + '\n';
}

function registryConfig(options: {
  port: number;
  dataDir: string;
  deleteEnabled: boolean;
  tls?: TlsMaterial;
  auth?: Record<string, unknown>;
}): string {
  const http: Record<string, unknown> = {
    addr: `127.0.0.1:${options.port}`,
    secret: randomBytes(16).toString('hex'),
    headers: { 'X-Content-Type-Options': ['nosniff'] },
  };
  if (options.tls) {
    http.tls = {
      certificate: options.tls.server.certFile,
      key: options.tls.server.keyFile,
      ...(options.tls.client ? { clientcas: [options.tls.ca.certFile] } : {}),
    };
  }
  const config: Record<string, unknown> = {
    version: 0.1,
    log: { level: 'info', formatter: 'text', fields: { service: 'registry' } },
    storage: {
      filesystem: { rootdirectory: options.dataDir },
      delete: { enabled: options.deleteEnabled },
      maintenance: { uploadpurging: { enabled: false } },
      cache: { blobdescriptor: 'inmemory' },
    },
    http,
  };
  if (options.auth) config.auth = options.auth;
  return stringify(config);
}

/** Asks `/v2/` once; resolves with the status code, or undefined if nothing answered. */
function probe(baseUrl: string, tls?: TlsMaterial): Promise<number | undefined> {
  return new Promise((resolve) => {
    const url = new URL('/v2/', baseUrl);
    const onResponse = (res: IncomingMessage): void => {
      res.resume();
      resolve(res.statusCode);
    };
    const req = tls
      ? httpsRequest(url, { ca: tls.ca.certPem, cert: tls.client?.certPem, key: tls.client?.keyPem, timeout: 1000 }, onResponse)
      : httpRequest(url, { timeout: 1000 }, onResponse);
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
    req.end();
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Started {
  child: ChildProcess;
  port: number;
  logs: () => string;
}

class PortTaken extends Error {}

async function launch(configFile: string, port: number, baseUrl: string, tls: TlsMaterial | undefined): Promise<Started> {
  let buffer = '';
  const append = (chunk: Buffer): void => {
    buffer += chunk.toString('utf8');
    if (buffer.length > LOG_LIMIT) buffer = buffer.slice(buffer.length - LOG_LIMIT);
  };
  const [command, args] = registryCommand(configFile);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    running.delete(child);
    exited = signal ? `signal ${signal}` : `code ${code}`;
  });
  child.once('error', (error) => {
    exited = `spawn error: ${error.message}`;
  });

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      if (/address already in use/i.test(buffer)) throw new PortTaken(`port ${port} was taken`);
      throw new Error(`docker-registry exited (${exited}) before it was ready:\n${buffer}`);
    }
    const status = await probe(baseUrl, tls);
    // A 200 or 401 comes from the registry itself; anything else may be a stranger on the port.
    if ((status === 200 || status === 401) && exited === undefined) return { child, port, logs: () => buffer };
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error(`docker-registry did not answer on ${baseUrl}/v2/ within ${READY_TIMEOUT_MS} ms:\n${buffer}`);
}

async function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
  running.delete(child);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
  running.delete(child);
}

/** Starts a real Distribution registry; always `stop()` it (e.g. in `after`). */
export async function startRegistry(options: RegistryOptions = {}): Promise<TestRegistry> {
  installExitHook();
  const auth = options.auth ?? 'none';
  const tlsMode = options.tls ?? 'none';
  const users = options.users ?? [{ username: 'ci', password: randomBytes(12).toString('hex') }];
  if (auth !== 'none' && users.length === 0) throw new Error(`auth '${auth}' needs at least one user`);

  const root = await makeTempDir('test-registry-');
  liveRoots.add(root);
  let tokenServer: TokenServer | undefined;
  try {
    const dataDir = join(root, 'data');
    await mkdir(dataDir);
    const tls = await makeTlsMaterial(join(root, 'tls'), tlsMode);

    let authConfig: Record<string, unknown> | undefined;
    if (auth === 'basic') {
      const file = join(root, 'htpasswd');
      await writeFile(file, htpasswd(users), { mode: 0o600 });
      authConfig = { htpasswd: { realm: 'test-registry', path: file } };
    } else if (auth === 'token') {
      const overTls = options.tokenServerTls ?? tls !== undefined;
      let tokenTls: CertAndKey | undefined;
      let ca = tls?.ca;
      if (overTls) {
        ca ??= await makeCa({ dir: join(root, 'tls'), commonName: 'test token server CA' });
        tokenTls = await issueServerCert(ca, { name: 'token-server' });
      }
      tokenServer = await startTokenServer({
        users,
        service: 'test-registry',
        issuer: 'test-token-issuer',
        anonymousPull: options.anonymousPull,
        expiresIn: options.tokenExpiresIn,
        tls: tokenTls,
        ca: ca ?? (await makeCa({ dir: join(root, 'token-ca'), commonName: 'token signing CA' })),
      });
      authConfig = {
        token: {
          realm: tokenServer.realm,
          service: tokenServer.service,
          issuer: tokenServer.issuer,
          rootcertbundle: tokenServer.rootCertBundleFile,
        },
      };
    }

    const configFile = join(root, 'config.yml');
    const scheme = tls ? 'https' : 'http';
    const writeConfig = (port: number): Promise<void> =>
      writeFile(configFile, registryConfig({ port, dataDir, deleteEnabled: options.deleteEnabled ?? true, tls, auth: authConfig }));
    let started: Started | undefined;
    for (let attempt = 1; started === undefined; attempt++) {
      const port = await freePort();
      await writeConfig(port);
      try {
        started = await launch(configFile, port, `${scheme}://127.0.0.1:${port}`, tls);
      } catch (error) {
        if (!(error instanceof PortTaken) || attempt >= START_ATTEMPTS) throw error;
      }
    }

    const { port } = started;
    let { child } = started;
    let earlierLogs = '';
    let currentLogs = started.logs;
    const host = `127.0.0.1:${port}`;
    const ownTokenServer = tokenServer;
    let stopped = false;
    return {
      host,
      port,
      baseUrl: `${scheme}://${host}`,
      auth,
      tls: tlsMode,
      users,
      username: users[0]?.username ?? '',
      password: users[0]?.password ?? '',
      ca: tls?.ca,
      caFile: tls?.ca.certFile,
      caPem: tls?.ca.certPem,
      clientCertFile: tls?.client?.certFile,
      clientKeyFile: tls?.client?.keyFile,
      clientCertPem: tls?.client?.certPem,
      clientKeyPem: tls?.client?.keyPem,
      tokenServer: ownTokenServer,
      dataDir,
      configFile,
      logs: () => earlierLogs + currentLogs(),
      async kill() {
        await killChild(child);
      },
      async restart() {
        if (stopped) throw new Error('the registry was stopped');
        await killChild(child);
        earlierLogs += currentLogs();
        await writeConfig(port);
        const again = await launch(configFile, port, `${scheme}://${host}`, tls);
        child = again.child;
        currentLogs = again.logs;
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        await stopChild(child);
        await ownTokenServer?.stop();
        await removeDir(root);
        liveRoots.delete(root);
      },
    };
  } catch (error) {
    await tokenServer?.stop();
    await removeDir(root);
    liveRoots.delete(root);
    throw error;
  }
}
