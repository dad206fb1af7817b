// Characters no POSIX shell treats specially in an unquoted word.
const SAFE_WORD = /^[A-Za-z0-9_./:=@,+%-]+$/;

/** Quotes a word for sh, bash and zsh: single quotes, with embedded ones written as '\''. */
export function shellQuote(word: string): string {
  if (SAFE_WORD.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
