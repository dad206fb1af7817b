import type { EncryptionContext } from '../../../bytes/encryption-context';

/**
 * The context the "mismatched context" demo sends to Decrypt: the one used to encrypt plus one
 * extra pair. Adding a pair keeps every pair a policy condition may require (a changed value
 * would fail `kms:EncryptionContext:department`, and Decrypt would be denied before any
 * cryptography), so the only thing that refuses it is the ciphertext's own authentication.
 */
export function mismatchedContext(original: EncryptionContext | undefined): EncryptionContext {
  const context = original ?? {};
  let key = 'demo';
  for (let n = 2; key in context; n++) key = `demo-${n}`;
  return { ...context, [key]: 'mismatch' };
}
