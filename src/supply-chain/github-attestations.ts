// GitHub's attestations API (`POST /repos/{owner}/{repo}/attestations`), where
// `gh attestation verify` finds a bundle without registry access. Not every repository can store
// attestations (private repositories outside GitHub Enterprise Cloud, tokens without
// `attestations: write`): that is a warning, since the attestation is in the registry anyway.
import type { SerializedBundle } from '@sigstore/bundle';
import { HttpClient, HttpClientError } from '@actions/http-client';

export interface GitHubApi {
  /** GITHUB_API_URL, e.g. https://api.github.com. */
  apiUrl: string;
  /** GITHUB_SERVER_URL, for the attestation's web URL. */
  serverUrl: string;
  /** owner/name (GITHUB_REPOSITORY). */
  repository: string;
  /** A token with `attestations: write` (the job's GITHUB_TOKEN). */
  token: string;
  /** Deadline of a request without progress (default 30 s). */
  timeoutMs?: number;
}

export type StoredAttestation = { stored: true; id: string; url: string } | { stored: false; warning: string };

const RETRIES = 3;

function explain(status: number, repository: string): string {
  if (status === 401) return 'GitHub refused the token: pass the job\'s GITHUB_TOKEN';
  if (status === 403) return `the token may not write attestations for ${repository}: give the job \`permissions: attestations: write\``;
  if (status === 404) return `${repository} cannot store attestations (GitHub offers them for public repositories, and for private ones on GitHub Enterprise Cloud)`;
  if (status === 422) return `GitHub did not accept the attestation for ${repository} (attestations may not be available for this repository)`;
  return `GitHub answered HTTP ${status}`;
}

export async function storeAttestation(bundle: SerializedBundle, api: GitHubApi): Promise<StoredAttestation> {
  const [owner, repo] = api.repository.split('/');
  if (!owner || !repo) return { stored: false, warning: `GITHUB_REPOSITORY "${api.repository}" is not owner/name: the attestation was not stored with GitHub` };
  const client = new HttpClient('helm-oci-publish', [], { socketTimeout: api.timeoutMs ?? 30_000, allowRetries: false });
  const url = `${api.apiUrl.replace(/\/$/, '')}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/attestations`;
  const headers = { authorization: `Bearer ${api.token}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' };
  let last = '';
  try {
    for (let attempt = 1; attempt <= RETRIES; attempt++) {
      try {
        const response = await client.postJson<{ id?: number | string }>(url, { bundle }, headers);
        // http-client answers a 404 with a null result instead of an error.
        if (response.statusCode === 404) {
          return { stored: false, warning: `the attestation was not stored with GitHub: ${explain(404, api.repository)}. It is in the registry.` };
        }
        const id = response.result?.id;
        if (id === undefined || id === null) return { stored: false, warning: 'GitHub stored the attestation but returned no id' };
        return { stored: true, id: String(id), url: `${api.serverUrl.replace(/\/$/, '')}/${owner}/${repo}/attestations/${id}` };
      } catch (error) {
        if (error instanceof HttpClientError && error.statusCode < 500 && error.statusCode !== 429) {
          return { stored: false, warning: `the attestation was not stored with GitHub: ${explain(error.statusCode, api.repository)}. It is in the registry.` };
        }
        last = error instanceof HttpClientError ? `HTTP ${error.statusCode}` : error instanceof Error ? error.message : String(error);
        if (attempt < RETRIES) await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
      }
    }
  } finally {
    client.dispose();
  }
  return { stored: false, warning: `the attestation was not stored with GitHub (${last}, after ${RETRIES} attempts). It is in the registry.` };
}
