// A distribution-spec client for one registry host: manifests and blobs, digest-checked. One
// instance is shared by all concurrent pushes to that host, so connections, tokens and what we
// learn about the registry (auth scheme, monolithic uploads) are reused.
import { OciInputError, parseErrorBody, RegistryError } from './errors.js';
import {
  DOCKER_MANIFEST_LIST_MEDIA_TYPE,
  DOCKER_MANIFEST_MEDIA_TYPE,
  OCI_INDEX_MEDIA_TYPE,
  OCI_MANIFEST_MEDIA_TYPE,
  sha256Digest,
  type Blob,
  type StreamedBlob,
} from './helm-manifest.js';
import { createHash } from 'node:crypto';
import { pipeline, Transform, type Readable } from 'node:stream';
import { repositoryScope } from './auth.js';
import { isRepositoryName } from './reference.js';
import { REDIRECTS, RegistrySession, type Call, type ClientStats, type SessionOptions } from './session.js';
import { headerValue, type HttpResponse } from './transport.js';

export interface RegistryClientOptions extends SessionOptions {
}

export type { StreamedBlob };

export function isStreamedBlob(blob: Blob | StreamedBlob): blob is StreamedBlob {
  return typeof (blob as StreamedBlob).open === 'function';
}

export interface ManifestRef {
  repository: string;
  reference: string;
}

export interface ManifestInfo {
  digest: string;
  mediaType: string;
  size: number;
}

export interface Manifest extends ManifestInfo {
  body: Buffer;
}

export const MANIFEST_ACCEPT = [OCI_MANIFEST_MEDIA_TYPE, OCI_INDEX_MEDIA_TYPE, DOCKER_MANIFEST_MEDIA_TYPE, DOCKER_MANIFEST_LIST_MEDIA_TYPE].join(', ');

const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const MAX_BLOB_BYTES = 256 * 1024 * 1024;
/**
 * While we do not know whether the registry takes a blob in the POST (Distribution does not: it
 * answers 202 without reading the body), only small blobs are tried that way, so a refusal costs
 * little and the server can still drain the unread body and keep the connection.
 */
const MONOLITHIC_PROBE_MAX = 256 * 1024;

/** Tag checks sent ahead by prefetchManifests at once (the connection pool allows 32). */
const PREFETCH_IN_FLIGHT = 16;

const DIGEST_RE = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const TAG_RE = /^\w[\w.-]{0,127}$/;

function checkName(repository: string, reference?: string): void {
  if (!isRepositoryName(repository)) throw new OciInputError(`"${repository}" is not a valid OCI repository name`);
  if (reference !== undefined && !TAG_RE.test(reference) && !DIGEST_RE.test(reference)) {
    throw new OciInputError(`"${reference}" is neither a valid tag nor a digest`);
  }
}

function short(digest: string): string {
  return digest.length > 19 ? `${digest.slice(0, 19)}…` : digest;
}

function mediaTypeOf(response: HttpResponse): string {
  return (headerValue(response.headers, 'content-type') ?? '').split(';')[0]!.trim();
}

/** Appends `digest=` to an upload URL that may carry its own query (e.g. Distribution's _state). */
export function withDigestParam(location: URL, digest: string): URL {
  const search = location.search ? `${location.search}&` : '?';
  return new URL(`${location.origin}${location.pathname}${search}digest=${encodeURIComponent(digest)}`);
}

export class RegistryClient {
  readonly host: string;
  private readonly session: RegistrySession;
  private readonly headIsCheaper: boolean;
  /** Does the registry accept a whole blob in the upload POST? Learned on the first upload. */
  private monolithic: 'unknown' | 'yes' | 'no' = 'unknown';
  /** Tag checks sent ahead by prefetchManifests, each handed out once. */
  private readonly prefetched = new Map<string, Promise<(ManifestInfo & { body?: Buffer }) | undefined>>();
  private authorizing: Promise<void> = Promise.resolve();

  constructor(options: RegistryClientOptions) {
    this.host = options.host;
    this.session = new RegistrySession(options);
    this.headIsCheaper = /^(registry-1\.|index\.)?docker\.io(:443)?$/.test(options.host);
  }

  get stats(): ClientStats {
    return this.session.stats;
  }

  /** HEAD a manifest: its descriptor, or undefined when the tag or digest does not exist. */
  async headManifest(repository: string, reference: string): Promise<ManifestInfo | undefined> {
    checkName(repository, reference);
    const call: Call = {
      method: 'HEAD',
      url: this.session.url(`/v2/${repository}/manifests/${reference}`),
      repository,
      operation: `check ${repository}:${reference}`,
      headers: { accept: MANIFEST_ACCEPT },
      followRedirects: true,
    };
    const response = await this.session.exchange(call);
    if (response.status === 404) return undefined;
    if (response.status !== 200) throw this.session.fail(call, response);
    const digest = headerValue(response.headers, 'docker-content-digest');
    if (!digest) {
      // Helm needs this header on HEAD too; without it, read the manifest to know its digest.
      const manifest = await this.getManifest(repository, reference);
      return manifest && { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.size };
    }
    return { digest, mediaType: mediaTypeOf(response), size: Number(headerValue(response.headers, 'content-length') ?? 0) };
  }

  /**
   * What a tag or digest points to, in the one request that costs least overall: a GET, which also
   * brings the manifest (needed when it differs) and keeps the connection alive, where Distribution
   * closes the connection after every HEAD. On Docker Hub a GET counts against the pull rate
   * limit, so there it is a HEAD (and no body).
   */
  async checkManifest(repository: string, reference: string): Promise<(ManifestInfo & { body?: Buffer }) | undefined> {
    checkName(repository, reference);
    const key = `${repository}:${reference}`;
    const ahead = this.prefetched.get(key);
    if (ahead) {
      this.prefetched.delete(key);
      return ahead;
    }
    if (this.headIsCheaper) return this.headManifest(repository, reference);
    return this.getManifest(repository, reference);
  }

  /**
   * Sends the tag checks of all these references now (at most 16 at a time, after the tokens of
   * authorizeRepositories), so a push that later calls checkManifest for one of them finds the
   * answer waiting instead of paying a round trip. Each answer is handed out once; a failed
   * check fails that push, as it would have anyway. Requests are the same as without it.
   */
  prefetchManifests(refs: readonly ManifestRef[]): void {
    const waiting: Array<() => void> = [];
    let inFlight = 0;
    const slot = async (): Promise<void> => {
      if (inFlight < PREFETCH_IN_FLIGHT) {
        inFlight++;
        return;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    };
    const release = (): void => {
      const next = waiting.shift();
      if (next) next();
      else inFlight--;
    };
    const authorized = this.authorizing;
    for (const { repository, reference } of refs) {
      const key = `${repository}:${reference}`;
      if (this.prefetched.has(key)) continue;
      const check = (async () => {
        await authorized;
        await slot();
        try {
          return await (this.headIsCheaper ? this.headManifest(repository, reference) : this.getManifest(repository, reference));
        } finally {
          release();
        }
      })();
      check.catch(() => {}); // reported to the push that takes it; unclaimed failures are moot
      this.prefetched.set(key, check);
    }
  }

  /** GET a manifest, digest-verified; undefined when it does not exist. */
  async getManifest(repository: string, reference: string): Promise<Manifest | undefined> {
    checkName(repository, reference);
    const call: Call = {
      method: 'GET',
      url: this.session.url(`/v2/${repository}/manifests/${reference}`),
      repository,
      operation: `read the manifest ${repository}:${reference}`,
      headers: { accept: MANIFEST_ACCEPT },
      maxResponseBytes: MAX_MANIFEST_BYTES,
      followRedirects: true,
    };
    const response = await this.session.exchange(call);
    if (response.status === 404) return undefined;
    if (response.status !== 200) throw this.session.fail(call, response);
    const digest = sha256Digest(response.body);
    const claimed = DIGEST_RE.test(reference) ? reference : headerValue(response.headers, 'docker-content-digest');
    if (claimed && claimed.startsWith('sha256:') && claimed !== digest) {
      throw new RegistryError(
        `could not ${call.operation} (${this.host}/${repository}): the registry sent content with digest ${digest}, not the ${claimed} it announced`,
        { kind: 'digest-mismatch', host: this.host, repository },
      );
    }
    return { digest, mediaType: mediaTypeOf(response), size: response.body.length, body: response.body };
  }

  /** HEAD a blob: true when the repository has it. */
  async blobExists(repository: string, digest: string): Promise<boolean> {
    checkName(repository, digest);
    const call: Call = {
      method: 'HEAD',
      url: this.session.url(`/v2/${repository}/blobs/${digest}`),
      repository,
      operation: `check blob ${short(digest)}`,
    };
    const response = await this.session.exchange(call);
    if (response.status === 404) return false;
    // A redirect means the registry would serve it from storage: it exists.
    if (response.status === 200 || REDIRECTS.has(response.status)) return true;
    throw this.session.fail(call, response);
  }

  /** GET a blob (following storage redirects without credentials), digest-verified. */
  async getBlob(repository: string, digest: string): Promise<Buffer> {
    checkName(repository, digest);
    const call: Call = {
      method: 'GET',
      url: this.session.url(`/v2/${repository}/blobs/${digest}`),
      repository,
      operation: `download blob ${short(digest)}`,
      maxResponseBytes: MAX_BLOB_BYTES,
      followRedirects: true,
    };
    const response = await this.session.exchange(call);
    if (response.status !== 200) throw this.session.fail(call, response);
    if (digest.startsWith('sha256:') && sha256Digest(response.body) !== digest) {
      throw new RegistryError(
        `could not ${call.operation} (${this.host}/${repository}): the content received does not match its digest`,
        { kind: 'digest-mismatch', host: this.host, repository },
      );
    }
    return response.body;
  }

  /**
   * Uploads a blob: in one POST where the registry allows it, else POST then PUT to the upload
   * location. The registry must answer 201 and, if it says a digest, ours.
   */
  async pushBlob(repository: string, blob: Blob | StreamedBlob): Promise<void> {
    checkName(repository, blob.digest);
    if (!isStreamedBlob(blob)) return this.uploadBlob(repository, blob, blob.data);
    // Every attempt (retry, new token) reads the blob afresh; what an attempt left unread is
    // closed when the upload is over, so no file stays open.
    const opened: Readable[] = [];
    const open = (): Readable => {
      const stream = blob.open();
      opened.push(stream);
      return stream;
    };
    try {
      await this.uploadBlob(repository, blob, open);
    } finally {
      for (const stream of opened) stream.destroy();
    }
  }

  private async uploadBlob(repository: string, blob: Blob | StreamedBlob, body: Buffer | (() => Readable)): Promise<void> {
    const streamed = typeof body === 'function';
    if (Buffer.isBuffer(body) && body.length !== blob.size) throw new OciInputError(`blob ${blob.digest} has ${body.length} bytes but claims ${blob.size}`);
    // A stream is never sent on a guess: the registry may not read it.
    const tryMonolithic = this.monolithic === 'yes' || (this.monolithic === 'unknown' && !streamed && blob.size <= MONOLITHIC_PROBE_MAX);
    const startUrl = this.session.url(`/v2/${repository}/blobs/uploads/`);
    const operation = `upload blob ${short(blob.digest)}`;
    const octets = { 'content-type': 'application/octet-stream', 'content-length': String(blob.size) };

    let location: URL | undefined;
    if (tryMonolithic) {
      const call: Call = { method: 'POST', url: withDigestParam(startUrl, blob.digest), repository, operation, headers: octets, body };
      const response = await this.session.exchange(call);
      if (response.status === 201) {
        this.monolithic = 'yes';
        return this.checkCreated(call, response, blob.digest);
      }
      if (response.status === 202) {
        // The registry opened an upload session and ignored the body: finish it with a PUT.
        this.noteMonolithicRefused(response.status);
        location = this.uploadLocation(call, response);
      } else if (this.isMonolithicRefusal(response)) {
        this.noteMonolithicRefused(response.status);
      } else {
        throw this.session.fail(call, response);
      }
    }
    if (!location) {
      const call: Call = { method: 'POST', url: startUrl, repository, operation, headers: { 'content-length': '0' } };
      const response = await this.session.exchange(call);
      if (response.status !== 202) throw this.session.fail(call, response);
      location = this.uploadLocation(call, response);
    }
    const put: Call = { method: 'PUT', url: withDigestParam(location, blob.digest), repository, operation, headers: octets, body };
    const response = await this.session.exchange(put);
    if (response.status !== 201) throw this.session.fail(put, response);
    this.checkCreated(put, response, blob.digest);
  }

  /** PUTs a manifest by tag or digest; returns its digest, checked against the registry's. */
  async putManifest(repository: string, reference: string, body: Buffer, mediaType: string): Promise<string> {
    checkName(repository, reference);
    const digest = sha256Digest(body);
    const call: Call = {
      method: 'PUT',
      url: this.session.url(`/v2/${repository}/manifests/${reference}`),
      repository,
      operation: `push the manifest ${repository}:${reference}`,
      headers: { 'content-type': mediaType, 'content-length': String(body.length) },
      body,
    };
    const response = await this.session.exchange(call);
    if (response.status < 200 || response.status > 299) throw this.session.fail(call, response);
    this.checkCreated(call, response, digest);
    return digest;
  }

  /**
   * Learns the registry's auth scheme (one GET /v2/ if unknown) and fetches one token covering all
   * these repositories, so the pushes that follow pay no auth round trips. Best effort.
   */
  authorizeRepositories(repositories: readonly string[]): Promise<void> {
    this.authorizing = this.session.authorizeRepositories([...new Set(repositories)]);
    return this.authorizing;
  }

  close(): Promise<void> {
    return this.session.close();
  }

  private uploadLocation(call: Call, response: HttpResponse): URL {
    const location = headerValue(response.headers, 'location');
    if (!location) {
      throw new RegistryError(`could not ${call.operation} (${this.host}/${call.repository}): the registry started an upload without a Location`, {
        kind: 'protocol',
        host: this.host,
        repository: call.repository,
        status: response.status,
      });
    }
    return new URL(location, call.url);
  }

  // A refusal of the one-request upload, as opposed to a real error (auth, rate limit, …).
  private isMonolithicRefusal(response: HttpResponse): boolean {
    if (![400, 404, 405, 413, 415, 501].includes(response.status)) return false;
    const codes = parseErrorBody(response.body).map((e) => e.code);
    return !codes.some((code) => code === 'NAME_UNKNOWN' || code === 'NAME_INVALID' || code === 'DENIED' || code === 'UNAUTHORIZED');
  }

  private noteMonolithicRefused(status: number): void {
    if (this.monolithic !== 'no') this.session.debug(`upload: ${this.host} does not take a blob in the POST (HTTP ${status}); using POST + PUT`);
    this.monolithic = 'no';
  }

  private checkCreated(call: Call, response: HttpResponse, expected: string): void {
    const announced = headerValue(response.headers, 'docker-content-digest');
    if (announced && announced !== expected) {
      throw new RegistryError(
        `could not ${call.operation} (${this.host}/${call.repository}): the registry stored it as ${announced}, not ${expected}`,
        { kind: 'digest-mismatch', host: this.host, repository: call.repository, status: response.status },
      );
    }
  }

  /**
   * GET /v2/<repo>/referrers/<digest> (OCI distribution 1.1): the image index listing the
   * manifests whose subject is that digest; undefined when the registry has no referrers API
   * (404, 405, or 400/501 from registries that do not know the route).
   */
  async getReferrers(repository: string, digest: string): Promise<Buffer | undefined> {
    checkName(repository, digest);
    const call: Call = {
      method: 'GET',
      url: this.session.url(`/v2/${repository}/referrers/${digest}`),
      repository,
      operation: `list the referrers of ${short(digest)}`,
      headers: { accept: OCI_INDEX_MEDIA_TYPE },
      maxResponseBytes: MAX_MANIFEST_BYTES,
      followRedirects: true,
    };
    const response = await this.session.exchange(call);
    if ([400, 404, 405, 501].includes(response.status)) return undefined;
    if (response.status !== 200) throw this.session.fail(call, response);
    return response.body;
  }

  /**
   * Mounts a blob from another repository on this registry (the token covers both); when the
   * registry declines (202), finishes the upload session it opened with the blob itself.
   */
  async mountBlob(repository: string, from: string, blob: Blob | StreamedBlob): Promise<'mounted' | 'uploaded'> {
    checkName(repository, blob.digest);
    checkName(from);
    const query = `?mount=${encodeURIComponent(blob.digest)}&from=${encodeURIComponent(from)}`;
    const operation = `mount blob ${short(blob.digest)} from ${from}`;
    const scopes = [repositoryScope(repository, true), repositoryScope(from, false)];
    const post: Call = { method: 'POST', url: this.session.url(`/v2/${repository}/blobs/uploads/${query}`), repository, scopes, operation, headers: { 'content-length': '0' } };
    const mounted = await this.session.exchange(post);
    if (mounted.status === 201) return (this.checkCreated(post, mounted, blob.digest), 'mounted');
    if (mounted.status !== 202) throw this.session.fail(post, mounted);
    const opened: Readable[] = [];
    const body = isStreamedBlob(blob) ? () => opened[opened.push(blob.open()) - 1]! : blob.data;
    const headers = { 'content-type': 'application/octet-stream', 'content-length': String(blob.size) };
    const put: Call = { method: 'PUT', url: withDigestParam(this.uploadLocation(post, mounted), blob.digest), repository, operation, headers, body };
    try {
      const response = await this.session.exchange(put);
      if (response.status !== 201) throw this.session.fail(put, response);
      this.checkCreated(put, response, blob.digest);
      return 'uploaded';
    } finally {
      for (const stream of opened) stream.destroy();
    }
  }

  /**
   * A blob as a stream (storage redirects followed without credentials), never held whole: the
   * stream fails at its end unless the bytes match the digest.
   */
  async openBlob(repository: string, digest: string): Promise<Readable> {
    checkName(repository, digest);
    if (!digest.startsWith('sha256:')) throw new OciInputError(`blob ${digest}: only sha256 digests can be checked`);
    const call: Call = { method: 'GET', url: this.session.url(`/v2/${repository}/blobs/${digest}`), repository, operation: `download blob ${short(digest)}`, followRedirects: true, streamBody: true };
    const response = await this.session.exchange(call);
    if (response.status !== 200 || !response.stream) {
      response.stream?.on('error', () => {}).destroy();
      throw this.session.fail(call, response);
    }
    const hash = createHash('sha256');
    const mismatch = new RegistryError(`could not ${call.operation} (${this.host}/${repository}): the content received does not match its digest`, { kind: 'digest-mismatch', host: this.host, repository });
    const verify = new Transform({
      transform: (chunk: Buffer, _encoding, done) => done(null, (hash.update(chunk), chunk)),
      flush: (done) => done(`sha256:${hash.digest('hex')}` === digest ? null : mismatch),
    });
    return pipeline(response.stream, verify, () => {});
  }

  /** Every tag of a repository, following `Link: <…>; rel="next"` pages on this registry. */
  async listTags(repository: string): Promise<string[]> {
    checkName(repository);
    const tags: string[] = [];
    let url: URL | undefined = this.session.url(`/v2/${repository}/tags/list?n=1000`);
    for (let page = 1; url; page++) {
      const call: Call = { method: 'GET', url, repository, operation: `list the tags of ${repository}`, maxResponseBytes: MAX_MANIFEST_BYTES, followRedirects: true };
      const response = await this.session.exchange(call);
      if (response.status !== 200) throw this.session.fail(call, response);
      let listed: unknown;
      try {
        listed = (JSON.parse(response.body.toString('utf8')) as { tags?: unknown }).tags ?? [];
      } catch {
        listed = undefined;
      }
      if (!Array.isArray(listed) || !listed.every((t) => typeof t === 'string')) {
        throw new RegistryError(`could not ${call.operation} (${this.host}): the registry answered with something that is not a tag list`, { kind: 'protocol', host: this.host, repository });
      }
      tags.push(...(listed as string[]));
      const next = /<([^>]+)>\s*;[^,]*rel="?next"?/.exec(headerValue(response.headers, 'link') ?? '')?.[1];
      url = next === undefined ? undefined : new URL(next, url);
      if (url && (url.origin !== this.session.origin || page >= 1000)) {
        throw new RegistryError(`could not ${call.operation} (${this.host}): the registry's next page ${url.origin !== this.session.origin ? `is on another host (${url.host})` : 'never ends'}`, { kind: 'protocol', host: this.host, repository });
      }
    }
    return tags;
  }
}
