/*
 * What one cryptographic page hands another ("Send to Decrypt") through the history state
 * rather than the URL: a ciphertext is long, and never plaintext.
 */

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
