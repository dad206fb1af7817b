import type { EncryptionContext } from '../../../bytes/encryption-context';

export type { EncryptionContext };

/** The SDK reserves keys with this prefix (it stores the signature's public key under one). */
export const RESERVED_CONTEXT_PREFIX = 'aws-crypto-';

export function isReservedContextKey(key: string): boolean {
  return key.startsWith(RESERVED_CONTEXT_PREFIX);
}

/** `department=finance,team=payments`, for messages (not for parsing back: no quoting). */
export function formatPairs(pairs: Iterable<[string, string]>): string {
  return [...pairs].map(([key, value]) => `${key}=${value}`).join(',');
}

/**
 * The pairs of `expected` that `actual` lacks or holds with another value. Decrypting checks the
 * message's context this way (as the AWS Encryption CLI's --encryption-context does): the message
 * may carry more pairs, such as the SDK's own aws-crypto-public-key.
 */
export function missingPairs(
  expected: EncryptionContext,
  actual: Readonly<EncryptionContext>,
): [string, string][] {
  return Object.entries(expected).filter(([key, value]) => actual[key] !== value);
}
