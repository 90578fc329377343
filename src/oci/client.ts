// A distribution-spec client for one registry host: manifests and blobs, digest-checked. One
// instance is shared by all concurrent pushes to that host, so connections, tokens and what we
// learn about the registry (auth scheme, monolithic uploads) are reused.
import { OciInputError, RegistryError } from './errors.js';
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
import { checkReference, isDigest } from './reference.js';
import { REDIRECTS, RegistrySession, type Call, type ClientStats, type SessionOptions } from './session.js';
import { headerValue, type HttpResponse } from './transport.js';
import { TagChecksAhead } from './tag-checks.js';
import { BlobUploader, checkStoredDigest, shortDigest, withDigestParam } from './upload.js';

export type RegistryClientOptions = SessionOptions;

/** A manifest to look up: a tag or digest in a repository. */
interface ManifestRef {
  repository: string;
  reference: string;
}

interface ManifestInfo {
  digest: string;
  mediaType: string;
  size: number;
}

export interface Manifest extends ManifestInfo {
  body: Buffer;
}

const MANIFEST_ACCEPT = [OCI_MANIFEST_MEDIA_TYPE, OCI_INDEX_MEDIA_TYPE, DOCKER_MANIFEST_MEDIA_TYPE, DOCKER_MANIFEST_LIST_MEDIA_TYPE].join(', ');

const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** No blob is read beyond this (a chart archive is far smaller); one with a descriptor, not beyond its size. */
const MAX_BLOB_BYTES = 256 * 1024 * 1024;

function mediaTypeOf(response: HttpResponse): string {
  return (headerValue(response.headers, 'content-type') ?? '').split(';')[0]!.trim();
}

export class RegistryClient {
  readonly host: string;
  private readonly session: RegistrySession;
  private readonly uploader: BlobUploader;
  private readonly headIsCheaper: boolean;
  private readonly checksAhead = new TagChecksAhead<(ManifestInfo & { body?: Buffer }) | undefined>();

  constructor(options: RegistryClientOptions) {
    this.host = options.host;
    this.session = new RegistrySession(options);
    this.uploader = new BlobUploader(this.session);
    this.headIsCheaper = /^(registry-1\.|index\.)?docker\.io(:443)?$/.test(options.host);
  }

  get stats(): ClientStats {
    return this.session.stats;
  }

  /** HEAD a manifest: its descriptor, or undefined when the tag or digest does not exist. */
  async headManifest(repository: string, reference: string): Promise<ManifestInfo | undefined> {
    checkReference(repository, reference);
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
    if (!digest || !isDigest(digest)) {
      // Helm needs this header on HEAD too; without it (or with junk), read the manifest to know its digest.
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
    checkReference(repository, reference);
    return this.checksAhead.take(`${repository}:${reference}`) ?? this.checkNow(repository, reference);
  }

  private checkNow(repository: string, reference: string): Promise<(ManifestInfo & { body?: Buffer }) | undefined> {
    return this.headIsCheaper ? this.headManifest(repository, reference) : this.getManifest(repository, reference);
  }

  /**
   * Gets ready to push to these targets while the charts are being packaged: learns the auth
   * scheme (one GET /v2/ if unknown), fetches one token covering every repository, then sends
   * every tag check (at most 16 at a time), so checkManifest finds each answer waiting instead of
   * paying a round trip. Requests are the same as without it. Best effort: resolves when the
   * tokens are there or could not be had (each push then authenticates itself); a failed tag
   * check fails the push that takes it, as it would have anyway.
   */
  prepare(targets: readonly ManifestRef[]): Promise<void> {
    const authorized = this.session.authorizeRepositories([...new Set(targets.map((t) => t.repository))]);
    const refs = new Map(targets.map((t) => [`${t.repository}:${t.reference}`, t]));
    this.checksAhead.send([...refs.keys()], authorized, (key) => this.checkNow(refs.get(key)!.repository, refs.get(key)!.reference));
    return authorized;
  }

  /** GET a manifest, digest-verified; undefined when it does not exist. */
  async getManifest(repository: string, reference: string): Promise<Manifest | undefined> {
    checkReference(repository, reference);
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
    const claimed = isDigest(reference) ? reference : headerValue(response.headers, 'docker-content-digest');
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
    checkReference(repository, digest);
    const call: Call = {
      method: 'HEAD',
      url: this.session.url(`/v2/${repository}/blobs/${digest}`),
      repository,
      operation: `check blob ${shortDigest(digest)}`,
    };
    const response = await this.session.exchange(call);
    if (response.status === 404) return false;
    // A redirect means the registry would serve it from storage: it exists.
    if (response.status === 200 || REDIRECTS.has(response.status)) return true;
    throw this.session.fail(call, response);
  }

  /**
   * GET a blob (following storage redirects without credentials), digest-verified; `size` (from its
   * descriptor) bounds what is read.
   */
  async getBlob(repository: string, digest: string, size?: number): Promise<Buffer> {
    checkReference(repository, digest);
    const call: Call = {
      method: 'GET',
      url: this.session.url(`/v2/${repository}/blobs/${digest}`),
      repository,
      operation: `download blob ${shortDigest(digest)}`,
      maxResponseBytes: Math.min(size ?? MAX_BLOB_BYTES, MAX_BLOB_BYTES),
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
    checkReference(repository, blob.digest);
    return this.uploader.upload(repository, blob);
  }

  /** PUTs a manifest by tag or digest; returns its digest, checked against the registry's. */
  async putManifest(repository: string, reference: string, body: Buffer, mediaType: string): Promise<string> {
    checkReference(repository, reference);
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
    checkStoredDigest(this.host, call, response, digest);
    return digest;
  }

  close(): Promise<void> {
    return this.session.close();
  }

  /**
   * GET /v2/<repo>/referrers/<digest> (OCI distribution 1.1): the image index listing the
   * manifests whose subject is that digest; undefined when the registry has no referrers API
   * (404, 405, or 400/501 from registries that do not know the route).
   */
  async getReferrers(repository: string, digest: string): Promise<Buffer | undefined> {
    checkReference(repository, digest);
    const call: Call = {
      method: 'GET',
      url: this.session.url(`/v2/${repository}/referrers/${digest}`),
      repository,
      operation: `list the referrers of ${shortDigest(digest)}`,
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
    checkReference(repository, blob.digest);
    checkReference(from);
    const query = `?mount=${encodeURIComponent(blob.digest)}&from=${encodeURIComponent(from)}`;
    const operation = `mount blob ${shortDigest(blob.digest)} from ${from}`;
    const scopes = [repositoryScope(repository, true), repositoryScope(from, false)];
    const post: Call = { method: 'POST', url: this.session.url(`/v2/${repository}/blobs/uploads/${query}`), repository, scopes, operation, headers: { 'content-length': '0' } };
    const mounted = await this.session.exchange(post);
    if (mounted.status === 201) return (checkStoredDigest(this.host, post, mounted, blob.digest), 'mounted');
    if (mounted.status !== 202) throw this.session.fail(post, mounted);
    const location = headerValue(mounted.headers, 'location');
    if (!location) return this.uploader.upload(repository, blob).then(() => 'uploaded');
    const opened: Readable[] = [];
    const body = 'open' in blob ? () => opened[opened.push(blob.open()) - 1]! : blob.data;
    const headers = { 'content-type': 'application/octet-stream', 'content-length': String(blob.size) };
    const put: Call = { method: 'PUT', url: withDigestParam(new URL(location, post.url), blob.digest), repository, operation, headers, body, ...('open' in blob ? { bodyBytes: blob.size } : {}) };
    try {
      const response = await this.session.exchange(put);
      if (response.status !== 201) throw this.session.fail(put, response);
      checkStoredDigest(this.host, put, response, blob.digest);
      return 'uploaded';
    } finally {
      for (const stream of opened) stream.destroy();
    }
  }

  /**
   * A blob as a stream (storage redirects followed without credentials), never held whole: the
   * stream fails at its end unless the bytes match the digest. `size` (from its descriptor) bounds it.
   */
  async openBlob(repository: string, digest: string, size: number): Promise<Readable> {
    checkReference(repository, digest);
    if (!digest.startsWith('sha256:')) throw new OciInputError(`blob ${digest}: only sha256 digests can be checked`);
    const call: Call = { method: 'GET', url: this.session.url(`/v2/${repository}/blobs/${digest}`), repository, operation: `download blob ${shortDigest(digest)}`, maxResponseBytes: size, followRedirects: true, streamBody: true };
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
    checkReference(repository);
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
      const origin = this.session.url('/').origin;
      if (url && (url.origin !== origin || page >= 1000)) {
        throw new RegistryError(`could not ${call.operation} (${this.host}): the registry's next page ${url.origin !== origin ? `is on another host (${url.host})` : 'never ends'}`, { kind: 'protocol', host: this.host, repository });
      }
    }
    return tags;
  }
}
