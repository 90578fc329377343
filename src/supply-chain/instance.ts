// Which Sigstore services sign: the public-good instance, GitHub's own (for private repositories:
// Fulcio and a timestamp authority, no public log), or a private deployment's URLs. Resolved and
// checked before any request.
import { urlUserInfo } from '../oci/index.js';

type SigstoreInstance = 'public-good' | 'github' | 'custom';

export interface SigstoreEndpoints {
  instance: SigstoreInstance;
  fulcioUrl: string;
  /** Transparency log; absent for GitHub's instance. */
  rekorUrl?: string;
  /** RFC 3161 timestamp authority (base URL, or the full `/api/v1/timestamp` URL). */
  tsaUrl?: string;
}

export interface SigstoreInstanceInput {
  /** `public-good` (default), `github` or `custom`. */
  sigstore?: string;
  fulcioUrl?: string;
  rekorUrl?: string;
  tsaUrl?: string;
  /** GITHUB_SERVER_URL, for GitHub's instance on GHE.com (`https://<tenant>.ghe.com`). */
  serverUrl?: string;
}

export class SupplyChainInputError extends Error {
  override name = 'SupplyChainInputError';
}

const PUBLIC_GOOD = { fulcioUrl: 'https://fulcio.sigstore.dev', rekorUrl: 'https://rekor.sigstore.dev' };

function githubEndpoints(serverUrl: string | undefined): { fulcioUrl: string; tsaUrl: string } {
  let host: string;
  try {
    host = new URL(serverUrl || 'https://github.com').hostname;
  } catch {
    throw new SupplyChainInputError(`GITHUB_SERVER_URL "${serverUrl}" is not a URL`);
  }
  const domain = host === 'github.com' ? 'githubapp.com' : host;
  return { fulcioUrl: `https://fulcio.${domain}`, tsaUrl: `https://timestamp.${domain}` };
}

/** An https URL (http only to this machine, for tests and sidecars), without credentials or query. */
function serviceUrl(input: string, name: string): string {
  // Refused before anything could echo it: a password may hold any character.
  if (urlUserInfo(input) !== undefined) throw new SupplyChainInputError(`${name} must not carry credentials in the URL`);
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new SupplyChainInputError(`${name} "${input}" is not a URL: give the service's base URL, e.g. https://fulcio.example.com`);
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new SupplyChainInputError(`${name} must be an https:// URL (got ${url.protocol}//${url.host})`);
  }
  if (url.username || url.password) throw new SupplyChainInputError(`${name} must not carry credentials in the URL`);
  if (url.search || url.hash) throw new SupplyChainInputError(`${name} must not have a query or fragment`);
  return url.href.replace(/\/$/, '');
}

/** The endpoints for the `sigstore`, `fulcio-url`, `rekor-url` and `tsa-url` inputs. */
export function resolveSigstoreEndpoints(input: SigstoreInstanceInput): SigstoreEndpoints {
  const name = (input.sigstore ?? '').trim() || 'public-good';
  const fulcio = input.fulcioUrl?.trim() ? serviceUrl(input.fulcioUrl, 'fulcio-url') : undefined;
  const rekor = input.rekorUrl?.trim() ? serviceUrl(input.rekorUrl, 'rekor-url') : undefined;
  const tsa = input.tsaUrl?.trim() ? serviceUrl(input.tsaUrl, 'tsa-url') : undefined;
  switch (name) {
    case 'public-good':
      if (fulcio) throw new SupplyChainInputError('fulcio-url is set but sigstore is public-good: set sigstore: custom to sign with a private Sigstore instance');
      return { instance: 'public-good', fulcioUrl: PUBLIC_GOOD.fulcioUrl, rekorUrl: rekor ?? PUBLIC_GOOD.rekorUrl, ...(tsa ? { tsaUrl: tsa } : {}) };
    case 'github': {
      if (fulcio || rekor) throw new SupplyChainInputError('fulcio-url and rekor-url do not apply to sigstore: github (GitHub runs its own Fulcio and timestamp authority): remove them, or set sigstore: custom');
      const gh = githubEndpoints(input.serverUrl);
      return { instance: 'github', fulcioUrl: gh.fulcioUrl, tsaUrl: tsa ?? gh.tsaUrl };
    }
    case 'custom':
      if (!fulcio) throw new SupplyChainInputError('sigstore: custom needs fulcio-url (the Fulcio that certifies the workflow identity)');
      if (!rekor && !tsa) throw new SupplyChainInputError('sigstore: custom needs rekor-url, tsa-url or both: a keyless signature is only verifiable with a transparency log entry or a signed timestamp');
      return { instance: 'custom', fulcioUrl: fulcio, ...(rekor ? { rekorUrl: rekor } : {}), ...(tsa ? { tsaUrl: tsa } : {}) };
    default:
      throw new SupplyChainInputError(`sigstore "${name}" is not known: use public-good, github, or custom with fulcio-url and rekor-url/tsa-url`);
  }
}
