/**
 * IAM wildcard patterns: `*` matches any run of characters (also none), `?` exactly one.
 * Patterns are compiled once; the common shapes (exact, `*`, `prefix*`, `*suffix`) avoid RegExp.
 */
export interface WildcardMatcher {
  readonly pattern: string;
  matches(value: string): boolean;
}

/**
 * A piece of a pattern. `literal` pieces come from policy variables: their `*` and `?` are plain
 * characters, not wildcards (AWS substitutes `${*}` as a literal asterisk).
 */
export interface PatternPiece {
  readonly text: string;
  readonly literal: boolean;
}

const MATCH_ALL: WildcardMatcher = { pattern: '*', matches: () => true };

export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

export function compileWildcard(pattern: string): WildcardMatcher {
  if (pattern === '*') return MATCH_ALL;
  if (!hasWildcard(pattern)) return { pattern, matches: (value) => value === pattern };
  const star = pattern.indexOf('*');
  const onlyOneStar = star === pattern.lastIndexOf('*') && !pattern.includes('?');
  if (onlyOneStar && star === pattern.length - 1) {
    const prefix = pattern.slice(0, -1);
    return { pattern, matches: (value) => value.startsWith(prefix) };
  }
  if (onlyOneStar && star === 0) {
    const suffix = pattern.slice(1);
    return { pattern, matches: (value) => value.endsWith(suffix) };
  }
  return compilePieces([{ text: pattern, literal: false }], pattern);
}

/** Compiles a pattern made of wildcard text and literal (variable-substituted) text. */
export function compilePieces(pieces: readonly PatternPiece[], pattern?: string): WildcardMatcher {
  const source = pieces
    .map((piece) => pieceToRegExp(piece.text, piece.literal, '.*', '.'))
    .join('');
  const regexp = new RegExp(`^${source}$`, 's');
  return {
    pattern: pattern ?? pieces.map((piece) => piece.text).join(''),
    matches: (value) => regexp.test(value),
  };
}

/**
 * ArnLike / ArnEquals: each of the six colon-delimited ARN components is matched on its own, so a
 * `*` in the first five components never crosses a colon. The sixth (resource) may contain colons.
 */
export function compileArnPattern(pieces: readonly PatternPiece[]): WildcardMatcher {
  const pattern = pieces.map((piece) => piece.text).join('');
  if (pattern === '*') return MATCH_ALL;
  let colons = 0;
  const source = pieces
    .map((piece) => {
      if (piece.literal) {
        colons += piece.text.split(':').length - 1;
        return pieceToRegExp(piece.text, true, '', '');
      }
      let out = '';
      for (const char of piece.text) {
        if (char === ':') colons += 1;
        const inResourceSegment = colons >= 5 && char !== ':';
        out += pieceToRegExp(
          char,
          false,
          inResourceSegment ? '.*' : '[^:]*',
          inResourceSegment ? '.' : '[^:]',
        );
      }
      return out;
    })
    .join('');
  if (colons < 5) return compilePieces(pieces, pattern);
  const regexp = new RegExp(`^${source}$`, 's');
  return { pattern, matches: (value) => regexp.test(value) };
}

function pieceToRegExp(text: string, literal: boolean, star: string, question: string): string {
  let out = '';
  for (const char of text) {
    if (!literal && char === '*') out += star;
    else if (!literal && char === '?') out += question;
    else out += escapeRegExpChar(char);
  }
  return out;
}

function escapeRegExpChar(char: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(char) ? `\\${char}` : char;
}
