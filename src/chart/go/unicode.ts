// Go's unicode.IsSpace and unicode.IsPrint, which differ from JavaScript's trim() and \s, and the
// two places Helm applies them: strings.TrimSpace (.helmignore lines) and Metadata's
// sanitizeString (every Chart.yaml text field).

/** unicode.IsSpace: Unicode White_Space. */
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
const GO_SPACE_RUN_AT_START = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;
const GO_SPACE_RUN_AT_END = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/u;
/** Not unicode.IsPrint: what sanitizeString replaces or drops (an ASCII space stays as it is). */
const NOT_PRINTABLE = /[^\p{L}\p{M}\p{N}\p{P}\p{S} ]/gu;

/** strings.TrimSpace. */
export function trimGoSpace(s: string): string {
  return s.replace(GO_SPACE_RUN_AT_START, '').replace(GO_SPACE_RUN_AT_END, '');
}

/** Helm's sanitizeString: white space becomes a plain space, unprintable characters go. */
export function sanitizeString(value: string): string {
  // One regular-expression pass: a character-by-character loop costs ~100× the text in memory.
  return value.replace(NOT_PRINTABLE, (char) => (GO_SPACE.test(char) ? ' ' : ''));
}
