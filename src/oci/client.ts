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
import type { Readable } from 'node:stream';
import { isRepositoryName } from './reference.js';
import { REDIRECTS, RegistrySession, type Call, type ClientStats, type SessionOptions } from './session.js';
import { headerValue, type HttpResponse } from './transport.js';

export interface RegistryClientOptions extends SessionOptions {
  /**
   * Before pushing to several repositories, read the registry's catalog (GET /v2/_catalog, with
   * its own token scope `registry:catalog:*`) and skip the tag check of every repository it proves
   * absent: one request instead of one per chart where the registry allows it (self-hosted
   * Distribution does; most cloud registries refuse, which costs one request and changes nothing).
   * Off by default: see absentRepositories for when the answer is trusted.
   */
  catalog?: boolean;
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

/** The catalog is read only when it saves requests: from this many repositories on. */
const CATALOG_MIN_REPOSITORIES = 2;
/** Entries per catalog page (Distribution's maximum) and pages read before giving up. */
const CATALOG_PAGE = 1000;
const CATALOG_MAX_PAGES = 3;
const CATALOG_SCOPE = 'registry:catalog:*';
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
  private readonly useCatalog: boolean;
  /** Repositories the catalog proved absent (no tags) when authorizeRepositories ran. */
  private readonly absent = new Set<string>();
  /** Tag checks sent ahead by prefetchManifests, each handed out once. */
  private readonly prefetched = new Map<string, Promise<(ManifestInfo & { body?: Buffer }) | undefined>>();
  private authorizing: Promise<void> = Promise.resolve();

  constructor(options: RegistryClientOptions) {
    this.host = options.host;
    this.session = new RegistrySession(options);
    this.headIsCheaper = /^(registry-1\.|index\.)?docker\.io(:443)?$/.test(options.host);
    this.useCatalog = options.catalog ?? false;
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
    // A repository the catalog did not list has no tags (digests are never skipped).
    if (this.absent.has(repository) && TAG_RE.test(reference)) return undefined;
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
      if (this.absent.has(repository) && TAG_RE.test(reference)) continue;
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
   * Opens a connection and learns the auth scheme (one GET /v2/), best effort. Call it early, e.g.
   * while charts are packaged, so neither costs a round trip later; authorizeRepositories shares it.
   */
  probe(): Promise<void> {
    return this.session.probe();
  }

  /**
   * Learns the registry's auth scheme (one GET /v2/ if unknown) and fetches one token covering all
   * these repositories, so the pushes that follow pay no auth round trips. With the `catalog`
   * option, also reads which of them do not exist yet (in parallel). Best effort.
   */
  authorizeRepositories(repositories: readonly string[]): Promise<void> {
    const unique = [...new Set(repositories)];
    const tokens = this.session.authorizeRepositories(unique);
    const catalog = this.useCatalog && unique.length >= CATALOG_MIN_REPOSITORIES ? this.readCatalog(unique) : Promise.resolve();
    this.authorizing = Promise.all([tokens, catalog]).then(() => undefined);
    return this.authorizing;
  }

  private async readCatalog(repositories: readonly string[]): Promise<void> {
    try {
      await this.session.probe();
      const absent = await this.absentRepositories(repositories);
      for (const repository of absent) this.absent.add(repository);
      this.session.debug(`catalog: ${absent.size} of ${repositories.length} repositories do not exist yet; their tag checks are skipped`);
    } catch (error) {
      this.session.debug(`catalog: not used (${error instanceof Error ? error.message : String(error)}); every tag is checked`);
    }
  }

  /**
   * Which of these repositories the registry's catalog proves absent. Trusted only when all of them
   * share one namespace and the catalog's listing of that namespace was read to its end: the
   * listing starts after the namespace (`last=`), and ends at the first entry outside it once inside
   * it, at an entry outside the namespace's stem, or at the last page; more than 3 pages, any
   * answer but 200 with a list of names, or a next page on another origin: nothing is proven.
   */
  async absentRepositories(repositories: readonly string[]): Promise<Set<string>> {
    const none = new Set<string>();
    const namespaces = new Set(repositories.map((r) => (r.includes('/') ? r.slice(0, r.lastIndexOf('/')) : '')));
    if (namespaces.size !== 1) return none;
    const namespace = [...namespaces][0]!;
    const prefix = namespace ? `${namespace}/` : '';
    let url = this.session.url(`/v2/_catalog?n=${CATALOG_PAGE}${namespace ? `&last=${encodeURIComponent(namespace)}` : ''}`);
    const listed = new Set<string>();
    let inside = false;
    for (let page = 0; page < CATALOG_MAX_PAGES; page++) {
      const call: Call = { method: 'GET', url, scopes: [CATALOG_SCOPE], operation: 'read the catalog', noAuthRetry: true, maxResponseBytes: 1024 * 1024 };
      const response = await this.session.exchange(call);
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
      let names: unknown;
      try {
        names = (JSON.parse(response.body.toString('utf8')) as { repositories?: unknown }).repositories;
      } catch {
        throw new Error('the answer is not JSON');
      }
      if (!Array.isArray(names) || !names.every((n): n is string => typeof n === 'string')) throw new Error('the answer has no list of repositories');
      for (const name of names) {
        if (name.startsWith(prefix)) {
          inside = true;
          listed.add(name);
        } else if (inside || !name.startsWith(namespace)) {
          // Past the namespace's block (or it has none): the rest of the catalog is elsewhere.
          return new Set(repositories.filter((r) => !listed.has(r)));
        }
      }
      const next = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(headerValue(response.headers, 'link') ?? '')?.[1];
      if (!next) return new Set(repositories.filter((r) => !listed.has(r)));
      url = new URL(next, url);
      if (url.origin !== this.session.origin) throw new Error('the next page is on another origin');
    }
    return none;
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
}
