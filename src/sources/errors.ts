// Failures of one chart source: a repository that cannot be read, a version whose download does not
// match its index, an archive that is not the chart the index says. The message is the whole story.
export class SourceError extends Error {
  override name = 'SourceError';
}

/** A URL as it may be shown: no user info, no query or fragment (they can carry tokens). */
export function displayUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}
