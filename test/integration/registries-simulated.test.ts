// The errors the action gives for each cloud registry's refusals, checked against small simulated
// registries (GHCR, Docker Hub, ECR, ACR, GAR, Harbor, Quay, Artifactory cannot run here) that
// answer as those registries do: status codes, error bodies, WWW-Authenticate challenges and
// token services. The client believes it talks to the real host name over HTTPS: a CONNECT
// proxy (HTTPS_PROXY) leads every host to one loopback TLS server whose certificate names them all.
import assert from 'node:assert/strict';
import { createServer as createHttpsServer, type Server } from 'node:https';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { blobOf } from '../../src/oci/helm-manifest.js';
import { RegistryClient, RegistryError } from '../../src/oci/index.js';
import { issueServerCert, makeCa } from '../support/certs.js';
import { Cleanup, removeDir } from '../support/tmp.js';

const cleanup = new Cleanup();
after(() => cleanup.run());

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** How one registry behaves: its auth, and what it answers to a push in the test's scenario. */
interface Flavor {
  host: string;
  /** Bearer: the token realm (a URL on a simulated host) and service; Basic: the realm. */
  challenge: string;
  /** Token service: the grant for these credentials, or the refusal. */
  token?: (auth: string | undefined, url: URL) => Answer | 'push' | 'pull';
  /** The answer to a write (upload POST/PUT) once authorized. */
  write: (auth: string, repository: string) => Answer;
}

const PASSWORD = 'right-password';
const basicOf = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const errors = (code: string, message: string, detail?: unknown) => ({ errors: [{ code, message, ...(detail ? { detail } : {}) }] });

let flavors: Flavor[] = [];
const flavorFor = (host: string) => flavors.find((f) => f.host === host);
let proxyUrl = '';
let caPem = '';

function send(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, { 'content-type': 'application/json', 'docker-distribution-api-version': 'registry/2.0', ...answer.headers });
  res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
}

/** One handler for every simulated host, chosen by the Host header. */
function handle(req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  req.on('end', () => {
    const host = (req.headers.host ?? '').replace(/:443$/, '');
    const url = new URL(req.url ?? '/', `https://${host}`);
    // Token services may live on another host of the same vendor (auth.docker.io).
    const tokenFlavor = flavors.find((f) => f.token && f.challenge.includes(`realm="https://${host}${url.pathname}"`));
    if (tokenFlavor) {
      const grant = tokenFlavor.token!(req.headers.authorization, url);
      if (typeof grant !== 'string') return send(res, grant);
      return send(res, { status: 200, body: { token: `${grant}-token`, expires_in: 300 } });
    }
    const flavor = flavorFor(host);
    if (!flavor) return send(res, { status: 404, body: errors('NOT_FOUND', 'no such simulated host') });
    const auth = req.headers.authorization;
    const challenge = { 'www-authenticate': flavor.challenge };
    const unauthorized = errors('UNAUTHORIZED', 'authentication required');
    const bearer = flavor.challenge.startsWith('Bearer');
    if (!auth || (bearer && !auth.startsWith('Bearer ')) || (!bearer && auth !== basicOf('ci', PASSWORD))) {
      return send(res, { status: 401, body: unauthorized, headers: challenge });
    }
    if (url.pathname === '/v2/') return send(res, { status: 200, body: {} });
    const repository = /^\/v2\/(.+?)\/(blobs|manifests)\//.exec(url.pathname)?.[1] ?? '';
    const write = req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH';
    if (!write) return send(res, { status: 404, body: errors('MANIFEST_UNKNOWN', 'manifest unknown') });
    if (bearer && auth === 'Bearer pull-token') {
      // Distribution's answer to a token without push: 401 with error="insufficient_scope".
      const scope = `repository:${repository}:pull,push`;
      return send(res, { status: 401, body: errors('UNAUTHORIZED', 'authentication required', [{ Type: 'repository', Name: repository, Action: 'push' }]), headers: { 'www-authenticate': `${flavor.challenge},scope="${scope}",error="insufficient_scope"` } });
    }
    return send(res, flavor.write(auth, repository));
  });
}

/** A CONNECT proxy that leads every host:443 to the simulated registries' server. */
function startProxy(target: number): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const proxy = createHttpServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (_req: IncomingMessage, client: Socket, head: Buffer) => {
    const upstream = connect(target, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => {});
      s.on('close', () => sockets.delete(s));
    }
  });
  return new Promise((resolve) =>
    proxy.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
        close: () => new Promise<void>((done) => { for (const s of sockets) s.destroy(); proxy.close(() => done()); }),
      }),
    ),
  );
}

const FAST_RETRY = { maxAttempts: 2, baseDelayMs: 10, factor: 2, jitter: 0, maxDelayMs: 20, maxRetryAfterMs: 100 };

type Creds = { username: string; password: string } | 'anonymous';

function client(host: string, credentials: Creds = { username: 'ci', password: PASSWORD }): RegistryClient {
  const c = new RegistryClient({ host, credentials: credentials === 'anonymous' ? undefined : credentials, transport: { ca: caPem, proxy: { httpsProxy: proxyUrl, noProxy: '' } }, retry: FAST_RETRY });
  cleanup.add(() => c.close());
  return c;
}

/** The first write of a push (a blob upload), and the error the action reports for it. */
async function pushError(host: string, repository: string, credentials?: Creds): Promise<RegistryError> {
  try {
    await client(host, credentials).pushBlob(repository, blobOf(Buffer.from('chart bytes')));
  } catch (error) {
    assert.ok(error instanceof RegistryError, `a RegistryError, got ${String(error)}`);
    return error;
  }
  assert.fail(`the push to ${host}/${repository} was expected to fail`);
}

function tokenService(grantFor: (user: string) => 'push' | 'pull' | undefined) {
  return (auth: string | undefined): Answer | 'push' | 'pull' => {
    if (!auth) return 'pull';
    const [user, password] = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString().split(':');
    if (password !== PASSWORD) return { status: 401, body: errors('UNAUTHORIZED', 'authentication required') };
    return grantFor(user!) ?? { status: 403, body: errors('DENIED', 'access denied') };
  };
}

before(async () => {
  const ca = await makeCa({ commonName: 'simulated registries CA' });
  cleanup.add(() => removeDir(ca.dir));
  const hosts = [
    'ghcr.io',
    'registry-1.docker.io',
    'auth.docker.io',
    '123456789012.dkr.ecr.us-east-1.amazonaws.com',
    'acme.azurecr.io',
    'europe-west1-docker.pkg.dev',
    'harbor.example.com',
    'quay.io',
    'acme.jfrog.io',
  ];
  const cert = await issueServerCert(ca, { hosts, name: 'simulated-registries' });
  caPem = ca.certPem;
  const server: Server = createHttpsServer({ cert: cert.certPem, key: cert.keyPem }, handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.add(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));
  const proxy = await startProxy((server.address() as AddressInfo).port);
  proxyUrl = proxy.url;
  cleanup.add(() => proxy.close());

  flavors = [
    {
      host: 'ghcr.io',
      challenge: 'Bearer realm="https://ghcr.io/token",service="ghcr.io"',
      token: tokenService(() => 'push'), // GHCR hands out the token; the push itself is refused
      write: () => ({ status: 403, body: errors('DENIED', 'installation not allowed to Write organization package') }),
    },
    {
      host: 'registry-1.docker.io',
      challenge: 'Bearer realm="https://auth.docker.io/token",service="registry.docker.io"',
      token: tokenService((user) => (user === 'ci' ? 'pull' : undefined)), // a read-only access token
      write: () => ({ status: 201 }),
    },
    {
      host: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
      challenge: 'Basic realm="https://123456789012.dkr.ecr.us-east-1.amazonaws.com/",service="ecr.amazonaws.com"',
      write: (_auth, repository) =>
        repository === 'charts/expired'
          ? { status: 403, body: errors('DENIED', 'Your authorization token has expired. Reauthenticate and try again.') }
          : repository === 'charts/app'
          ? { status: 404, body: errors('NAME_UNKNOWN', `The repository with name '${repository}' does not exist in the registry with id '123456789012'`) }
          : {
              status: 403,
              body: errors('DENIED', `User: arn:aws:sts::123456789012:assumed-role/ci/gh is not authorized to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:us-east-1:123456789012:repository/${repository} because no identity-based policy allows the ecr:InitiateLayerUpload action`),
            },
    },
    {
      host: 'acme.azurecr.io',
      challenge: 'Bearer realm="https://acme.azurecr.io/oauth2/token",service="acme.azurecr.io"',
      token: tokenService(() => 'pull'), // AcrPull only
      write: () => ({ status: 201 }),
    },
    {
      host: 'europe-west1-docker.pkg.dev',
      challenge: 'Bearer realm="https://europe-west1-docker.pkg.dev/v2/token",service="europe-west1-docker.pkg.dev"',
      token: tokenService(() => 'push'),
      write: (_auth, repository) => ({
        status: 403,
        body: errors('DENIED', `Permission "artifactregistry.repositories.uploadArtifacts" denied on resource "projects/acme/locations/europe-west1/repositories/${repository.split('/')[1]}" (or it may not exist)`),
      }),
    },
    {
      host: 'harbor.example.com',
      challenge: 'Bearer realm="https://harbor.example.com/service/token",service="harbor-registry"',
      token: tokenService(() => 'pull'), // a robot account without push on the project: the token service drops push
      write: () => ({ status: 201 }),
    },
    {
      host: 'quay.io',
      challenge: 'Bearer realm="https://quay.io/v2/auth",service="quay.io"',
      token: tokenService(() => 'pull'), // a robot account with read only
      write: () => ({ status: 201 }),
    },
    {
      host: 'acme.jfrog.io',
      challenge: 'Bearer realm="https://acme.jfrog.io/v2/token",service="acme.jfrog.io"',
      token: tokenService(() => 'push'),
      write: () => ({ status: 403, body: errors('DENIED', 'Permission to deploy to helm-oci-local denied for user ci') }),
    },
  ];
});

describe('simulated registries: the error for each missing permission', () => {
  it('simulated: GHCR refuses a token without write:packages and says how to grant it', async () => {
    const error = await pushError('ghcr.io', 'acme/charts/app');
    assert.equal(error.kind, 'denied');
    assert.match(error.message, /could not upload blob sha256:[0-9a-f]+… \(ghcr\.io\/acme\/charts\/app\)/);
    assert.match(error.message, /the token needs the write:packages scope; with GITHUB_TOKEN, give the job `permissions: packages: write`/);
    assert.match(error.message, /grant this repository write access to it in the package settings/);
    assert.match(error.message, /registry said: DENIED: installation not allowed to Write organization package/);
  });

  it('simulated: GHCR refuses a wrong token at its token service', async () => {
    const error = await pushError('ghcr.io', 'acme/charts/app', { username: 'ci', password: 'expired' });
    assert.equal(error.kind, 'unauthorized');
    assert.match(error.message, /refused the credentials \(HTTP 401\)\. Check the username and password inputs/);
  });

  it('simulated: Docker Hub grants a read-only token: valid credentials without push permission', async () => {
    const error = await pushError('registry-1.docker.io', 'acme/app');
    assert.equal(error.kind, 'denied');
    assert.match(error.message, /the credentials are valid but have no permission to push to registry-1\.docker\.io\/acme\/app/);
  });

  it('simulated: Docker Hub without credentials asks for them', async () => {
    const error = await pushError('registry-1.docker.io', 'acme/app', 'anonymous');
    assert.equal(error.kind, 'unauthorized');
    assert.match(error.message, /requires credentials \(HTTP 401\) and none were given: set the username and password inputs/);
  });

  it('simulated: ECR says to create the repository first, with the command', async () => {
    const error = await pushError('123456789012.dkr.ecr.us-east-1.amazonaws.com', 'charts/app');
    assert.equal(error.kind, 'name-unknown');
    assert.match(error.message, /does not exist and this registry does not create repositories on push: create it first/);
    assert.match(error.message, /aws ecr create-repository --repository-name charts\/app/);
  });

  it('simulated: ECR names the IAM action the role lacks', async () => {
    const error = await pushError('123456789012.dkr.ecr.us-east-1.amazonaws.com', 'charts/other');
    assert.equal(error.kind, 'denied');
    assert.match(error.message, /no permission to push to .*charts\/other/);
    assert.match(error.message, /not authorized to perform: ecr:InitiateLayerUpload/);
  });

  it('simulated: ECR with an expired login token says to get a fresh one', async () => {
    const error = await pushError('123456789012.dkr.ecr.us-east-1.amazonaws.com', 'charts/expired');
    assert.equal(error.kind, 'unauthorized');
    assert.match(error.message, /says the login token has expired \(HTTP 403\): get a fresh one .*aws-actions\/amazon-ecr-login/);
    assert.doesNotMatch(error.message, /credentials are valid/);
  });

  it('simulated: ECR refuses a wrong password (Basic auth)', async () => {
    const error = await pushError('123456789012.dkr.ecr.us-east-1.amazonaws.com', 'charts/app', { username: 'AWS', password: 'stale' });
    assert.equal(error.kind, 'unauthorized');
    assert.match(error.message, /refused the credentials \(HTTP 401\)/);
  });

  it('simulated: ACR with AcrPull only: no permission to push', async () => {
    const error = await pushError('acme.azurecr.io', 'charts/app');
    assert.equal(error.kind, 'denied');
    assert.match(error.message, /no permission to push to acme\.azurecr\.io\/charts\/app/);
  });

  it('simulated: GAR names the missing artifactregistry permission', async () => {
    const error = await pushError('europe-west1-docker.pkg.dev', 'acme/charts/app');
    assert.equal(error.kind, 'denied');
    assert.match(error.message, /artifactregistry\.repositories\.uploadArtifacts/);
  });

  it('simulated: Harbor robot account without push on the project', async () => {
    const error = await pushError('harbor.example.com', 'charts/app');
    assert.equal(error.kind, 'denied');
    assert.match(error.message, /no permission to push to harbor\.example\.com\/charts\/app/);
    assert.doesNotMatch(error.message, /write:packages|aws ecr/);
  });

  it('simulated: Quay robot account with read only', async () => {
    const error = await pushError('quay.io', 'acme/app');
    assert.equal(error.kind, 'denied');
    assert.match(error.message, /no permission to push to quay\.io\/acme\/app/);
  });

  it('simulated: Artifactory without deploy permission', async () => {
    const error = await pushError('acme.jfrog.io', 'helm-oci-local/app');
    assert.equal(error.kind, 'denied');
    assert.match(error.message, /no permission to push to acme\.jfrog\.io\/helm-oci-local\/app.*Permission to deploy to helm-oci-local denied/);
  });

  it('never puts the password or a token in a message', async () => {
    for (const host of ['ghcr.io', 'acme.azurecr.io', '123456789012.dkr.ecr.us-east-1.amazonaws.com']) {
      const error = await pushError(host, 'charts/other');
      assert.ok(!error.message.includes(PASSWORD) && !error.message.includes('-token') && !error.message.includes(Buffer.from(`ci:${PASSWORD}`).toString('base64')));
    }
  });
});
