/**
 * A ciphertext the sandbox can't decrypt. The server answers every subclass with
 * InvalidCiphertextException, as KMS does; the subclasses only say why, for tests and logs.
 */
export class InvalidCiphertextError extends Error {
  override readonly name: string = 'InvalidCiphertextError';
}

/** The bytes aren't a ciphertext of ours: too short, wrong size, unknown version. */
export class CiphertextFormatError extends InvalidCiphertextError {
  override readonly name = 'CiphertextFormatError';
}

/**
 * The ciphertext is well formed but doesn't decrypt under this key material and encryption
 * context: tampered, another key's, or a different context.
 */
export class CiphertextAuthError extends InvalidCiphertextError {
  override readonly name = 'CiphertextAuthError';
}

/** Key material that can't be used as the caller asked (wrong type, curve or algorithm). */
export class KeyMaterialError extends Error {
  override readonly name = 'KeyMaterialError';
}
