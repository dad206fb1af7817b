import type { PatternPiece } from './wildcard.js';

/**
 * Policy variables such as `${aws:username}` or `${aws:username, 'guest'}` in Resource and in
 * condition values. Only documents with Version 2012-10-17 have them; older documents treat the
 * text literally.
 */
export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'variable'; readonly keyLower: string; readonly defaultValue?: string };

export interface PolicyTemplate {
  readonly source: string;
  readonly parts: readonly TemplatePart[];
}

/** Looks up a single-valued condition key by its lower-cased name. */
export type VariableLookup = (keyLower: string) => string | undefined;

const VARIABLE = /\$\{([^}]*)\}/g;
// AWS's escapes for characters that would otherwise have a meaning in the policy language.
const SPECIAL_CHARACTERS: Readonly<Record<string, string>> = { '*': '*', '?': '?', $: '$' };

/** Returns undefined when the text has no variables, so callers keep their fast path. */
export function parsePolicyTemplate(source: string): PolicyTemplate | undefined {
  if (!source.includes('${')) return undefined;
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of source.matchAll(VARIABLE)) {
    const start = match.index;
    if (start > last) parts.push({ kind: 'text', text: source.slice(last, start) });
    parts.push(parseVariable(match[1] ?? ''));
    last = start + match[0].length;
  }
  if (parts.length === 0) return undefined;
  if (last < source.length) parts.push({ kind: 'text', text: source.slice(last) });
  return { source, parts };
}

function parseVariable(inner: string): TemplatePart {
  const trimmed = inner.trim();
  const special = SPECIAL_CHARACTERS[trimmed];
  if (special !== undefined) return { kind: 'variable', keyLower: '', defaultValue: special };
  const comma = trimmed.indexOf(',');
  if (comma < 0) return { kind: 'variable', keyLower: trimmed.toLowerCase() };
  const key = trimmed.slice(0, comma).trim().toLowerCase();
  const rawDefault = trimmed.slice(comma + 1).trim();
  const defaultValue = /^'.*'$/s.test(rawDefault) ? rawDefault.slice(1, -1) : rawDefault;
  return { kind: 'variable', keyLower: key, defaultValue };
}

/**
 * Resolves a template into pattern pieces; substituted values are literal (their `*` is not a
 * wildcard). Returns undefined when a variable has neither a value nor a default: AWS then
 * treats the element as not matching.
 */
export function resolveTemplatePieces(
  template: PolicyTemplate,
  lookup: VariableLookup,
): PatternPiece[] | undefined {
  const pieces: PatternPiece[] = [];
  for (const part of template.parts) {
    if (part.kind === 'text') {
      pieces.push({ text: part.text, literal: false });
      continue;
    }
    const value = part.keyLower === '' ? undefined : lookup(part.keyLower);
    const resolved = value ?? part.defaultValue;
    if (resolved === undefined) return undefined;
    pieces.push({ text: resolved, literal: true });
  }
  return pieces;
}

export function resolveTemplateText(
  template: PolicyTemplate,
  lookup: VariableLookup,
): string | undefined {
  const pieces = resolveTemplatePieces(template, lookup);
  return pieces?.map((piece) => piece.text).join('');
}
