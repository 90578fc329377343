// A request that got no answer (refused, reset, TLS, a deadline, the step's time running out) as a
// RegistryError with a hint about which input to check.
import { errorCode, RegistryError } from './errors.js';

const TLS_UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);
const TLS_NOT_TLS = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_HTTP_REQUEST']);
const TLS_CLIENT_CERT = new Set([
  'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
  'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
  'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN',
]);

export interface NetworkErrorContext {
  host: string;
  repository?: string;
  operation: string;
  plainHttp: boolean;
  /** Was a TLS client certificate configured? */
  clientCertificate?: boolean;
  /** Did the step's signal fire (its time ran out)? */
  aborted?: boolean;
  /** Had the host answered before (a refused connection then means it went away)? */
  reachedBefore?: boolean;
}

/** Turns a connection, TLS or timeout failure into a RegistryError with a hint about the inputs. */
export function errorFromNetwork(error: unknown, ctx: NetworkErrorContext): RegistryError {
  if (error instanceof RegistryError) return error;
  const code = errorCode(error) ?? '';
  const where = ctx.repository ? `${ctx.host}/${ctx.repository}` : ctx.host;
  const prefix = `could not ${ctx.operation} (${where})`;
  const base = { host: ctx.host, repository: ctx.repository };
  if (ctx.aborted) {
    return new RegistryError(
      `${prefix}: the step ran out of time while waiting for ${ctx.host} to ${ctx.operation}; raise the timeout input if the registry is just slow.`,
      { kind: 'aborted', ...base },
      { cause: error },
    );
  }
  // Drop any user:password@ a proxy URL might carry into an error message.
  const text = (error instanceof Error ? error.message : String(error)).replace(/\/\/[^/@\s]+@/g, '//***@');
  const hostname = ctx.host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');

  if (TLS_UNTRUSTED.has(code)) {
    return new RegistryError(
      `${prefix}: the TLS certificate of ${ctx.host} is not trusted (${code}: ${text}). If the registry uses a private or self-signed CA, give its certificate in the ca-file input; only for testing, set insecure-skip-tls-verify: true.`,
      { kind: 'tls', ...base },
      { cause: error },
    );
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new RegistryError(
      `${prefix}: the TLS certificate of ${ctx.host} is not valid for the name ${hostname} (${text}). Use the host name the certificate was issued for in the registry URL; only for testing, set insecure-skip-tls-verify: true.`,
      { kind: 'tls', ...base },
      { cause: error },
    );
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return new RegistryError(
      `${prefix}: the TLS certificate of ${ctx.host} is ${code === 'CERT_HAS_EXPIRED' ? 'expired' : 'not yet valid'}. Renew it on the registry; only for testing, set insecure-skip-tls-verify: true.`,
      { kind: 'tls', ...base },
      { cause: error },
    );
  }
  if (TLS_NOT_TLS.has(code) || /wrong version number/i.test(text)) {
    return new RegistryError(
      `${prefix}: ${ctx.host} did not answer with TLS; it seems to serve plain HTTP. For a registry without TLS, set plain-http: true.`,
      { kind: 'tls', ...base },
      { cause: error },
    );
  }
  if (TLS_CLIENT_CERT.has(code)) {
    return new RegistryError(
      `${prefix}: ${ctx.host} refused the TLS handshake (${code}): it requires a client certificate it trusts; check the cert-file and key-file inputs.`,
      { kind: 'tls', ...base },
      { cause: error },
    );
  }
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
    return new RegistryError(
      `${prefix}: the TLS connection to ${ctx.host} failed (${code}: ${text}). Check the ca-file and insecure-skip-tls-verify inputs, or plain-http for a registry without TLS.`,
      { kind: 'tls', ...base },
      { cause: error },
    );
  }
  // A server that wants a client certificate may just close the connection after the handshake.
  const plainHint = ctx.plainHttp
    ? ' If the registry serves HTTPS, remove the plain-http input.'
    : ctx.clientCertificate
      ? ''
      : ' If the registry requires TLS client certificates (mutual TLS), set the cert-file and key-file inputs.';
  if (code === 'ECONNREFUSED') {
    return new RegistryError(
      `${prefix}: could not connect to ${ctx.host}: connection refused${ctx.reachedBefore ? ' (it answered earlier and did not come back in time; raise the retry-timeout input to wait longer)' : '. Check the host and port in the registry URL'}.`,
      { kind: 'connection', ...base },
      { cause: error },
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new RegistryError(
      `${prefix}: the host name ${hostname} could not be resolved (${code}). Check the registry URL.`,
      { kind: 'connection', ...base },
      { cause: error },
    );
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
    return new RegistryError(
      `${prefix}: connecting to ${ctx.host} timed out. Check the host and port, and the HTTPS_PROXY/NO_PROXY settings.`,
      { kind: 'connection', ...base },
      { cause: error },
    );
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ERR_REQUEST_DEADLINE') {
    return new RegistryError(`${prefix}: ${ctx.host} did not answer in time, also after retries (${text}).`, { kind: 'timeout', ...base }, { cause: error });
  }
  if (code === 'ERR_RESPONSE_TOO_LARGE') {
    return new RegistryError(`${prefix}: ${text}; refusing to read it.`, { kind: 'protocol', ...base }, { cause: error });
  }
  return new RegistryError(
    `${prefix}: the connection to ${ctx.host} failed (${code || text}).${plainHint}`,
    { kind: 'connection', ...base },
    { cause: error },
  );
}
