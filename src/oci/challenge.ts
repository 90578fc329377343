// WWW-Authenticate parsing (RFC 9110 §11.6.1): one header may hold several challenges, and a
// parameter value may be a quoted string containing commas (Bearer scope="repository:a:pull,push").

export interface Challenge {
  /** Lower case: "basic", "bearer", … */
  scheme: string;
  /** Parameter names lower case, values unquoted. */
  params: Record<string, string>;
}

const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;

class Scanner {
  i = 0;
  constructor(readonly s: string) {}
  get done(): boolean {
    return this.i >= this.s.length;
  }
  peek(): string {
    return this.s[this.i] ?? '';
  }
  skipSpaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.i++;
  }
  skipSpacesAndCommas(): void {
    while (this.peek() === ' ' || this.peek() === '\t' || this.peek() === ',') this.i++;
  }
  token(): string {
    const start = this.i;
    while (!this.done && TCHAR.test(this.peek())) this.i++;
    return this.s.slice(start, this.i);
  }
  quoted(): string {
    this.i++; // opening quote
    let out = '';
    while (!this.done && this.peek() !== '"') {
      if (this.peek() === '\\' && this.i + 1 < this.s.length) this.i++;
      out += this.s[this.i++];
    }
    this.i++; // closing quote (or end of input)
    return out;
  }
  /** After a comma: does a `name=` parameter follow (true) or a new challenge's scheme (false)? */
  paramFollows(): boolean {
    const save = this.i;
    this.skipSpacesAndCommas();
    const name = this.token();
    this.skipSpaces();
    const result = name !== '' && this.peek() === '=';
    this.i = save;
    return result;
  }
}

/** Parses one or several WWW-Authenticate header values into challenges, in order. */
export function parseChallenges(header: string | readonly string[] | undefined): Challenge[] {
  if (header === undefined) return [];
  if (typeof header !== 'string') return header.flatMap((h) => parseChallenges(h));
  const sc = new Scanner(header);
  const challenges: Challenge[] = [];
  while (true) {
    sc.skipSpacesAndCommas();
    if (sc.done) break;
    const scheme = sc.token();
    if (scheme === '') {
      sc.i++; // not a token character: skip it rather than loop forever
      continue;
    }
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params: {} };
    challenges.push(challenge);
    sc.skipSpaces();
    if (sc.peek() !== ',' && !sc.paramFollows()) {
      // token68 (e.g. "Negotiate abc=="): not used by registries; skip to the next comma.
      while (!sc.done && sc.peek() !== ',') sc.i++;
      continue;
    }
    while (sc.paramFollows()) {
      sc.skipSpacesAndCommas();
      const name = sc.token().toLowerCase();
      sc.skipSpaces();
      sc.i++; // '='
      sc.skipSpaces();
      challenge.params[name] = sc.peek() === '"' ? sc.quoted() : sc.token();
      sc.skipSpaces();
      if (sc.peek() !== ',') break;
    }
  }
  return challenges;
}

/** The scopes a Bearer challenge asks for: its `scope` parameter holds space-separated scopes. */
export function challengeScopes(challenge: Challenge): string[] {
  return (challenge.params.scope ?? '').split(' ').filter(Boolean);
}
