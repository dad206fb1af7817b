import type { EncryptionContext } from '../../../bytes/encryption-context';

/**
 * The context the "mismatched context" demo sends to Decrypt: the one used to encrypt with its
 * first value changed, or one extra pair when there was none, so the only difference is the
 * context.
 */
export function mismatchedContext(original: EncryptionContext | undefined): EncryptionContext {
  const entries = Object.entries(original ?? {});
  if (entries.length === 0) return { demo: 'mismatch' };
  const [[firstKey, firstValue], ...rest] = entries;
  return { [firstKey]: `${firstValue}-changed`, ...Object.fromEntries(rest) };
}
