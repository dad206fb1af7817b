import {
  parseContextText,
  type ContextRow,
  type EncryptionContext,
} from '../../../bytes/encryption-context';
import { contextParameter } from '../../../bytes/encryption-context';

/*
 * Deep links prefill forms with non-secret values only: `keyId` and `context` in the URL (the
 * AWS CLI shorthand), as DESIGN.md section 5 fixes. Ciphertext, which is long but not secret,
 * travels between pages in the history state instead of the URL.
 */

export interface DeepLink {
  keyId: string;
  contextRows: ContextRow[];
  /** Set when `context` could not be parsed: the form says so instead of dropping it silently. */
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

/** What one page hands another through the history state (never plaintext). */
export interface CryptoHandoff {
  /** Base64 ciphertext. */
  ciphertext?: string;
  encryptionAlgorithm?: string;
}

export function readHandoff(state: unknown): CryptoHandoff {
  if (typeof state !== 'object' || state === null) return {};
  const { ciphertext, encryptionAlgorithm } = state as Record<string, unknown>;
  return {
    ciphertext: typeof ciphertext === 'string' ? ciphertext : undefined,
    encryptionAlgorithm: typeof encryptionAlgorithm === 'string' ? encryptionAlgorithm : undefined,
  };
}
