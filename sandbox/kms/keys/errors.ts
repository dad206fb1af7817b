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

/** Why a peer's public key can't be used for key agreement with a key. */
export type PeerPublicKeyProblem =
  | { kind: 'unreadable' }
  /** A readable key of another type or curve (curve as OpenSSL names it, for EC keys). */
  | { kind: 'other-curve'; keyType: string; curve?: string };

/** DeriveSharedSecret's PublicKey is not SubjectPublicKeyInfo DER of a point on the key's curve. */
export class PeerPublicKeyError extends Error {
  override readonly name = 'PeerPublicKeyError';
  constructor(readonly problem: PeerPublicKeyProblem) {
    super(
      problem.kind === 'unreadable'
        ? 'The public key is not SubjectPublicKeyInfo DER'
        : 'The public key is not on the same curve',
    );
  }
}
