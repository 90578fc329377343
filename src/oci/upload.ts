// Blob uploads: in one POST where the registry takes it, else POST then PUT to the upload location.
// An upload session the registry lost (it restarted, or a reset left it half written) is not
// retried into: a new session is started, within the retry budget.
import type { Readable } from 'node:stream';
import { OciInputError, parseErrorBody, RegistryError } from './errors.js';
import type { Blob, StreamedBlob } from './helm-manifest.js';
import type { Call, RegistrySession } from './session.js';
import { headerValue, type HttpResponse } from './transport.js';

/**
 * While we do not know whether the registry takes a blob in the POST (Distribution does not: it
 * answers 202 without reading the body), only small blobs are tried that way, so a refusal costs
 * little and the server can still drain the unread body and keep the connection.
 */
const MONOLITHIC_PROBE_MAX = 256 * 1024;
/** New upload sessions after a lost one, per blob (each also bounded by the retry time). */
const MAX_SESSION_RESTARTS = 3;

export function shortDigest(digest: string): string {
  return digest.length > 19 ? `${digest.slice(0, 19)}…` : digest;
}

/** Appends `digest=` to an upload URL that may carry its own query (e.g. Distribution's _state). */
export function withDigestParam(location: URL, digest: string): URL {
  const search = location.search ? `${location.search}&` : '?';
  return new URL(`${location.origin}${location.pathname}${search}digest=${encodeURIComponent(digest)}`);
}

/** A 201 that names a digest must name ours: anything else stored other bytes. */
export function checkStoredDigest(host: string, call: Call, response: HttpResponse, expected: string): void {
  const announced = headerValue(response.headers, 'docker-content-digest');
  if (announced && announced !== expected) {
    throw new RegistryError(
      `could not ${call.operation} (${host}/${call.repository}): the registry stored it as ${announced}, not ${expected}`,
      { kind: 'digest-mismatch', host, repository: call.repository, status: response.status },
    );
  }
}

// The upload session behind a Location is gone: unknown to the registry, or its state no longer
// matches what was written.
function lostSession(response: HttpResponse): boolean {
  if (response.status === 404 || response.status === 416) return true;
  return parseErrorBody(response.body).some((e) => e.code === 'BLOB_UPLOAD_UNKNOWN' || e.code === 'BLOB_UPLOAD_INVALID');
}

export class BlobUploader {
  /** Does the registry accept a whole blob in the upload POST? Learned on the first upload. */
  private monolithic: 'unknown' | 'yes' | 'no' = 'unknown';

  constructor(private readonly session: RegistrySession) {}

  async upload(repository: string, blob: Blob | StreamedBlob): Promise<void> {
    if (!('open' in blob)) {
      if (blob.data.length !== blob.size) throw new OciInputError(`blob ${blob.digest} has ${blob.data.length} bytes but claims ${blob.size}`);
      return this.uploadWithRestarts(repository, blob, blob.data);
    }
    // Every attempt (retry, new token, new session) reads the blob afresh; what an attempt left
    // unread is closed when the upload is over, so no file stays open.
    const opened: Readable[] = [];
    const open = (): Readable => {
      const stream = blob.open();
      opened.push(stream);
      return stream;
    };
    try {
      await this.uploadWithRestarts(repository, blob, open);
    } finally {
      for (const stream of opened) stream.destroy();
    }
  }

  private async uploadWithRestarts(repository: string, blob: Blob | StreamedBlob, body: Buffer | (() => Readable)): Promise<void> {
    const started = Date.now();
    for (let restarts = 0; ; restarts++) {
      const lost = await this.uploadOnce(repository, blob, body);
      if (!lost) return;
      if (restarts >= MAX_SESSION_RESTARTS || Date.now() - started > this.session.retryPolicy.maxElapsedMs) throw lost.error;
      this.session.debug(`upload: ${this.session.host} lost the upload session of ${shortDigest(blob.digest)} (HTTP ${lost.error.status}); starting a new one`);
    }
  }

  /** One upload session: undefined when the blob is stored, the session's error when it was lost. */
  private async uploadOnce(repository: string, blob: Blob | StreamedBlob, body: Buffer | (() => Readable)): Promise<{ error: RegistryError } | undefined> {
    const streamed = typeof body === 'function';
    // A stream is never sent on a guess: the registry may not read it.
    const tryMonolithic = this.monolithic === 'yes' || (this.monolithic === 'unknown' && !streamed && blob.size <= MONOLITHIC_PROBE_MAX);
    const startUrl = this.session.url(`/v2/${repository}/blobs/uploads/`);
    const operation = `upload blob ${shortDigest(blob.digest)}`;
    const octets = { 'content-type': 'application/octet-stream', 'content-length': String(blob.size) };
    const sized = streamed ? { bodyBytes: blob.size } : {};

    let location: URL | undefined;
    if (tryMonolithic) {
      const call: Call = { method: 'POST', url: withDigestParam(startUrl, blob.digest), repository, operation, headers: octets, body, ...sized };
      const response = await this.session.exchange(call);
      if (response.status === 201) {
        this.monolithic = 'yes';
        checkStoredDigest(this.session.host, call, response, blob.digest);
        return undefined;
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
    const put: Call = { method: 'PUT', url: withDigestParam(location, blob.digest), repository, operation, headers: octets, body, ...sized };
    const response = await this.session.exchange(put);
    if (response.status !== 201) {
      const error = this.session.fail(put, response);
      if (lostSession(response)) return { error };
      throw error;
    }
    checkStoredDigest(this.session.host, put, response, blob.digest);
    return undefined;
  }

  private uploadLocation(call: Call, response: HttpResponse): URL {
    const location = headerValue(response.headers, 'location');
    let url: URL | undefined;
    try {
      url = location ? new URL(location, call.url) : undefined;
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new RegistryError(
        `could not ${call.operation} (${this.session.host}/${call.repository}): the registry started an upload without a usable Location`,
        { kind: 'protocol', host: this.session.host, repository: call.repository, status: response.status },
      );
    }
    return url;
  }

  // A refusal of the one-request upload, as opposed to a real error (auth, rate limit, …).
  private isMonolithicRefusal(response: HttpResponse): boolean {
    if (![400, 404, 405, 413, 415, 501].includes(response.status)) return false;
    const codes = parseErrorBody(response.body).map((e) => e.code);
    return !codes.some((code) => code === 'NAME_UNKNOWN' || code === 'NAME_INVALID' || code === 'DENIED' || code === 'UNAUTHORIZED');
  }

  private noteMonolithicRefused(status: number): void {
    if (this.monolithic !== 'no') this.session.debug(`upload: ${this.session.host} does not take a blob in the POST (HTTP ${status}); using POST + PUT`);
    this.monolithic = 'no';
  }
}
