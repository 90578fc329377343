// The job's OIDC token, as the runner hands it to a step with `id-token: write`: GET
// ACTIONS_ID_TOKEN_REQUEST_URL (which already carries `?api-version=…`) plus the audience, with
// the request token as Bearer. @actions/core's own client is left out of the bundle (a plain
// publish never needs it), so this chunk asks for the token itself.
import { HttpClient } from '@actions/http-client';

class IdTokenError extends Error {
  override name = 'SupplyChainInputError';
}

export async function requestIdToken(audience: string, env: Record<string, string | undefined>, timeoutMs = 30_000): Promise<string> {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !bearer) throw new IdTokenError('the job cannot get an OIDC token: give the job `permissions: id-token: write`');
  const client = new HttpClient('helm-oci-publish', [], { socketTimeout: timeoutMs, allowRetries: true, maxRetries: 3 });
  try {
    const response = await client.getJson<{ value?: unknown }>(`${url}&audience=${encodeURIComponent(audience)}`, { authorization: `Bearer ${bearer}` });
    const value = response.result?.value;
    if (typeof value !== 'string' || value === '') throw new IdTokenError(`the runner's OIDC endpoint answered HTTP ${response.statusCode} without a token`);
    return value;
  } catch (error) {
    if (error instanceof IdTokenError) throw error;
    // The message of a failed request never holds the token (it was not received).
    const status = (error as { statusCode?: number }).statusCode;
    throw new IdTokenError(`could not get the job's OIDC token from the runner${status ? ` (HTTP ${status})` : ''}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    client.dispose();
  }
}
