// Simulated: an in-memory OCI registry for behaviours the local Distribution 2.8 does not have —
// the referrers API (GET /v2/<name>/referrers/<digest>), and a registry that declines
// cross-repository mounts (202 + an upload session). Anonymous, plain HTTP, loopback only; it checks
// digests on upload like a real registry and logs every request.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MiniRegistryOptions {
  referrersApi?: boolean;
  declineMounts?: boolean;
}

export interface MiniRegistry {
  host: string;
  requests: Array<{ method: string; url: string; status: number }>;
  stop(): Promise<void>;
}

const sha256 = (data: Buffer): string => `sha256:${createHash('sha256').update(data).digest('hex')}`;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startMiniRegistry(options: MiniRegistryOptions = {}): Promise<MiniRegistry> {
  const blobs = new Map<string, Buffer>(); // "<repo>@<digest>"
  const manifests = new Map<string, { body: Buffer; type: string }>(); // "<repo>@<digest>"
  const tags = new Map<string, string>(); // "<repo>:<tag>" → digest
  const requests: MiniRegistry['requests'] = [];
  let uploads = 0;

  const server = createServer((req, res) => void handle(req, res));
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, headers: Record<string, string> = {}, body?: Buffer | string): void => {
      requests.push({ method: req.method ?? '', url: `${url.pathname}${url.search}`, status });
      res.writeHead(status, headers).end(req.method === 'HEAD' ? undefined : body);
    };
    const body = await readBody(req);
    if (url.pathname === '/v2/') return send(200, {}, '{}');
    const m = /^\/v2\/(.+?)\/(manifests|blobs|referrers|tags)\/(.*)$/.exec(url.pathname);
    if (!m) return send(404);
    const [, repo, kind, rest] = m as unknown as [string, string, string, string];
    if (kind === 'referrers') {
      if (!options.referrersApi) return send(404, {}, '404 page not found');
      const found = [...manifests].filter(([key, value]) => key.startsWith(`${repo}@`) && (JSON.parse(value.body.toString()) as { subject?: { digest: string } }).subject?.digest === rest)
        .map(([key, value]) => {
          const json = JSON.parse(value.body.toString()) as { artifactType?: string; annotations?: Record<string, string> };
          return { mediaType: value.type, digest: key.slice(repo.length + 1), size: value.body.length, artifactType: json.artifactType, annotations: json.annotations };
        });
      return send(200, { 'content-type': 'application/vnd.oci.image.index.v1+json' }, JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: found }));
    }
    if (kind === 'tags') return send(200, { 'content-type': 'application/json' }, JSON.stringify({ name: repo, tags: [...tags.keys()].filter((k) => k.startsWith(`${repo}:`)).map((k) => k.slice(repo.length + 1)) }));
    if (kind === 'manifests') {
      if (req.method === 'PUT') {
        const digest = sha256(body);
        manifests.set(`${repo}@${digest}`, { body, type: String(req.headers['content-type']) });
        if (!rest.startsWith('sha256:')) tags.set(`${repo}:${rest}`, digest);
        const subject = (JSON.parse(body.toString()) as { subject?: { digest: string } }).subject;
        return send(201, { 'docker-content-digest': digest, ...(subject && options.referrersApi ? { 'oci-subject': subject.digest } : {}) });
      }
      const digest = rest.startsWith('sha256:') ? rest : tags.get(`${repo}:${rest}`);
      const found = digest && manifests.get(`${repo}@${digest}`);
      if (!found) return send(404, { 'content-type': 'application/json' }, '{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}');
      return send(200, { 'content-type': found.type, 'docker-content-digest': digest!, 'content-length': String(found.body.length) }, found.body);
    }
    // blobs
    if (rest.startsWith('uploads/')) {
      const mount = url.searchParams.get('mount');
      const from = url.searchParams.get('from');
      if (req.method === 'POST' && mount && from && !options.declineMounts && blobs.has(`${from}@${mount}`)) {
        blobs.set(`${repo}@${mount}`, blobs.get(`${from}@${mount}`)!);
        return send(201, { 'docker-content-digest': mount, location: `/v2/${repo}/blobs/${mount}` });
      }
      if (req.method === 'POST') return send(202, { location: `/v2/${repo}/blobs/uploads/u${++uploads}?state=x` });
      const digest = url.searchParams.get('digest') ?? '';
      if (req.method !== 'PUT' || sha256(body) !== digest) return send(400, { 'content-type': 'application/json' }, '{"errors":[{"code":"DIGEST_INVALID","message":"digest invalid"}]}');
      blobs.set(`${repo}@${digest}`, body);
      return send(201, { 'docker-content-digest': digest });
    }
    const blob = blobs.get(`${repo}@${rest}`);
    if (!blob) return send(404, { 'content-type': 'application/json' }, '{"errors":[{"code":"BLOB_UNKNOWN","message":"blob unknown"}]}');
    return send(200, { 'content-type': 'application/octet-stream', 'content-length': String(blob.length) }, blob);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
