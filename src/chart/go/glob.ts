// Go's path/filepath.Match, Unix flavour, which .helmignore patterns are written in. Not a
// gitignore or minimatch glob: `*` and `?` stop at `/`, classes are `[...]` / `[^...]` and may
// match `/`, `\` escapes the next character, and there is no `**` or `{a,b}`.
//
// Matching follows Go's algorithm rather than a regular expression: Go splits the pattern at
// each run of stars and commits to the leftmost place a middle chunk fits. That differs from full
// backtracking only for classes that match `/`, but "the same as Helm" is the point.

/** A pattern that Go's filepath.Match would reject with ErrBadPattern. */
export class GlobSyntaxError extends Error {
  override readonly name = 'GlobSyntaxError';
}

type Atom =
  | { kind: 'literal'; char: string }
  | { kind: 'any' }
  | { kind: 'class'; negated: boolean; ranges: Array<[number, number]> };

/** A chunk of atoms, optionally preceded by a run of stars. */
interface Segment {
  star: boolean;
  atoms: Atom[];
}

export interface GoGlob {
  readonly pattern: string;
  matches(name: string): boolean;
}

/** Parses `pattern` the way filepath.Match reads it; throws GlobSyntaxError when Go would. */
export function compileGoGlob(pattern: string): GoGlob {
  const segments = parseSegments([...pattern], pattern);
  return { pattern, matches: (name) => matchSegments(segments, [...name]) };
}

function parseSegments(chars: string[], pattern: string): Segment[] {
  const segments: Segment[] = [];
  let i = 0;
  let current: Segment = { star: false, atoms: [] };
  const bad = (why: string): never => {
    throw new GlobSyntaxError(`syntax error in pattern ${JSON.stringify(pattern)}: ${why}`);
  };
  // A class member: one character, possibly `\`-escaped; `-` and `]` must be escaped, and the
  // class must not end right after it (Go checks that too).
  const classChar = (): number => {
    if (i >= chars.length || chars[i] === '-' || chars[i] === ']') bad('"-" or "]" in the wrong place in a [class], or the class is not closed');
    if (chars[i] === '\\') {
      i++;
      if (i >= chars.length) bad('"\\" at the end of the pattern');
    }
    const code = chars[i]!.codePointAt(0)!;
    i++;
    if (i >= chars.length) bad('the [class] is not closed');
    return code;
  };

  while (i < chars.length) {
    const c = chars[i]!;
    if (c === '*') {
      if (current.star || current.atoms.length > 0) segments.push(current);
      while (chars[i] === '*') i++;
      current = { star: true, atoms: [] };
      continue;
    }
    if (c === '?') {
      current.atoms.push({ kind: 'any' });
      i++;
    } else if (c === '\\') {
      i++;
      if (i >= chars.length) bad('"\\" at the end of the pattern');
      current.atoms.push({ kind: 'literal', char: chars[i]! });
      i++;
    } else if (c === '[') {
      i++;
      let negated = false;
      if (chars[i] === '^') {
        negated = true;
        i++;
      }
      const ranges: Array<[number, number]> = [];
      for (;;) {
        if (chars[i] === ']' && ranges.length > 0) {
          i++;
          break;
        }
        const lo = classChar();
        let hi = lo;
        if (chars[i] === '-') {
          i++;
          hi = classChar();
        }
        ranges.push([lo, hi]);
      }
      current.atoms.push({ kind: 'class', negated, ranges });
    } else {
      current.atoms.push({ kind: 'literal', char: c });
      i++;
    }
  }
  if (current.star || current.atoms.length > 0 || segments.length === 0) segments.push(current);
  return segments;
}

/** Matches `atoms` against name[start…]; returns the index after the match, or -1. */
function matchAtoms(atoms: Atom[], name: string[], start: number): number {
  let pos = start;
  for (const atom of atoms) {
    if (pos >= name.length) return -1;
    const ch = name[pos]!;
    switch (atom.kind) {
      case 'literal':
        if (ch !== atom.char) return -1;
        break;
      case 'any':
        if (ch === '/') return -1;
        break;
      case 'class': {
        const code = ch.codePointAt(0)!;
        const inside = atom.ranges.some(([lo, hi]) => lo <= code && code <= hi);
        if (inside === atom.negated) return -1;
        break;
      }
    }
    pos++;
  }
  return pos;
}

function matchSegments(segments: Segment[], name: string[]): boolean {
  let rest = name;
  for (let k = 0; k < segments.length; k++) {
    const { star, atoms } = segments[k]!;
    const last = k === segments.length - 1;
    // Trailing stars match whatever is left, as long as it holds no separator.
    if (star && atoms.length === 0) return !rest.includes('/');
    const end = matchAtoms(atoms, rest, 0);
    if (end >= 0 && (end === rest.length || !last)) {
      rest = rest.slice(end);
      continue;
    }
    if (!star) return false;
    let advanced = false;
    // The star swallows 1, 2, … characters (never a `/`); the first fit is kept.
    for (let skip = 0; skip < rest.length && rest[skip] !== '/'; skip++) {
      const after = matchAtoms(atoms, rest, skip + 1);
      if (after < 0) continue;
      if (last && after < rest.length) continue;
      rest = rest.slice(after);
      advanced = true;
      break;
    }
    if (!advanced) return false;
  }
  return rest.length === 0;
}
