import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  contextParameter,
  parseContextText,
  type ContextRow,
  type EncryptionContext,
} from '../bytes/encryption-context';

/*
 * Deep links prefill forms with non-secret values only: `keyId` and `context` in the URL (the
 * AWS CLI shorthand), the same two parameters on every route that has a key or a context
 * (DESIGN.md section 5). Plaintext never goes in a URL.
 */

export interface DeepLink {
  keyId: string;
  contextRows: ContextRow[];
  /** Set when `context` could not be parsed: the page says so instead of dropping it silently. */
  contextError?: string;
}

export function readDeepLink(params: URLSearchParams): DeepLink {
  const keyId = params.get('keyId')?.trim() ?? '';
  const raw = params.get('context');
  if (!raw) return { keyId, contextRows: [] };
  const parsed = parseContextText(raw);
  return parsed.ok
    ? { keyId, contextRows: parsed.rows }
    : {
        keyId,
        contextRows: [],
        contextError: `The link's context parameter was ignored: ${parsed.error}`,
      };
}

/** The page's deep link as it opened (later changes to the URL do not refill the form). */
export function useDeepLink(): DeepLink {
  const [params] = useSearchParams();
  const [link] = useState(() => readDeepLink(params));
  return link;
}

export function deepLinkSearch(
  keyId: string | undefined,
  context: EncryptionContext | undefined,
): string {
  const params = new URLSearchParams();
  if (keyId) params.set('keyId', keyId);
  const contextText = contextParameter(context);
  if (contextText) params.set('context', contextText);
  const text = params.toString();
  return text ? `?${text}` : '';
}
