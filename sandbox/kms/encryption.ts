import type { EncryptionAlgorithmSpec } from '@aws-sdk/client-kms';
import { incorrectKey, invalidCiphertext } from '../protocol/errors';
import type { KeyRecord } from '../store/records';
import {
  isSymmetricKey,
  requireEncryptionAlgorithm,
  requireNoAsymmetricContext,
  requireRsaPlaintextFits,
} from './algorithms';
import { requireEnabled, requireUsage, resolveKey, type ResolvedKey } from './key-lookup';
import {
  InvalidCiphertextError,
  KeyMaterialError,
  rsaDecrypt,
  rsaEncrypt,
  type RsaEncryptionAlgorithm,
  type SymmetricBlobHeader,
} from './keys';
import type { OperationContext } from './operation';
import { openUnderKey, readBlobHeader, sealUnderKey } from './symmetric-ciphertext';

/*
 * What Encrypt, Decrypt and ReEncrypt share: finding the key that can decrypt a ciphertext, the
 * key state/usage/algorithm checks in KMS's order (usage, then state, then algorithm), and the
 * symmetric or RSA operation itself.
 */

export type Context = Record<string, string> | undefined;

export interface DecryptionSource extends ResolvedKey {
  /** Set when the ciphertext is a symmetric blob: which key and material sealed it. */
  header?: SymmetricBlobHeader;
}

export interface LocateDecryptionKey {
  ciphertext: Uint8Array | undefined;
  /** KeyId (Decrypt) or SourceKeyId (ReEncrypt), as the caller wrote it. */
  keyIdInput: string | undefined;
  algorithm: EncryptionAlgorithmSpec;
  /** DryRunModifiers IGNORE_CIPHERTEXT: the key comes from keyIdInput alone. */
  ignoreCiphertext: boolean;
}

/**
 * The key a Decrypt or ReEncrypt source uses. Symmetric blobs name their key, and a KeyId that
 * names another key is IncorrectKeyException; raw RSA ciphertext names nothing, so an RSA
 * algorithm needs the KeyId. Without one the bytes are read as a symmetric blob, which an RSA
 * ciphertext is not: InvalidCiphertextException, as KMS answers.
 */
export function locateDecryptionKey(
  ctx: OperationContext,
  request: LocateDecryptionKey,
): DecryptionSource {
  const requested =
    request.keyIdInput === undefined ? undefined : resolveKey(ctx, request.keyIdInput);
  if (request.ignoreCiphertext || !request.ciphertext) {
    if (!requested) throw invalidCiphertext();
    return requested;
  }
  if (request.algorithm !== 'SYMMETRIC_DEFAULT' && requested) return requested;

  const header = readBlobHeader(request.ciphertext);
  const key = ctx.store.keys.get({ region: ctx.region, keyId: header.keyId });
  if (requested && requested.key.keyId !== header.keyId) {
    // Other bytes (an RSA ciphertext) can start like a blob by chance, naming a key that was
    // never made: that is not ciphertext of another key.
    throw key ? incorrectKey() : invalidCiphertext();
  }
  if (requested) return { ...requested, header };
  // A blob is only good in the region whose key sealed it; another account's key is fine.
  if (!key || key.region !== ctx.region || !isSymmetricKey(key)) throw invalidCiphertext();
  return { key, header };
}

/** Key usage, then key state, then algorithm, as KMS checks them. */
export function requireDecryptionKey(
  key: KeyRecord,
  algorithm: EncryptionAlgorithmSpec,
  context: Context,
  operation: string,
): void {
  requireUsage(key, 'ENCRYPT_DECRYPT', operation);
  requireEnabled(key);
  requireEncryptionAlgorithm(key, algorithm);
  requireNoAsymmetricContext(key, context);
}

export function requireEncryptionKey(
  key: KeyRecord,
  algorithm: EncryptionAlgorithmSpec,
  context: Context,
  plaintextBytes: number | undefined,
  operation: string,
): void {
  requireDecryptionKey(key, algorithm, context, operation);
  if (!isSymmetricKey(key) && plaintextBytes !== undefined) {
    requireRsaPlaintextFits(key, algorithm as RsaEncryptionAlgorithm, plaintextBytes);
  }
}

export interface Decrypted {
  plaintext: Buffer;
  /** The symmetric key material version that opened the blob. */
  materialId?: string;
}

/** Decrypts once every check passed; any ciphertext problem is InvalidCiphertextException. */
export function decryptWith(
  ctx: OperationContext,
  source: DecryptionSource,
  ciphertext: Uint8Array,
  algorithm: EncryptionAlgorithmSpec,
  context: Context,
): Decrypted {
  const { key } = source;
  if (isSymmetricKey(key)) {
    const header = source.header ?? readBlobHeader(ciphertext);
    return openUnderKey(ctx.store, key, header, ciphertext, context);
  }
  const material = ctx.store.materials.get(key.region, key.currentMaterialId);
  if (!material) throw invalidCiphertext();
  try {
    const plaintext = rsaDecrypt({
      material: material.material,
      algorithm: algorithm as RsaEncryptionAlgorithm,
      ciphertext: Buffer.from(ciphertext),
    });
    return { plaintext };
  } catch (error) {
    if (error instanceof InvalidCiphertextError || error instanceof KeyMaterialError) {
      throw invalidCiphertext();
    }
    throw error;
  }
}

export interface Encrypted {
  ciphertext: Buffer;
  materialId?: string;
}

export function encryptWith(
  ctx: OperationContext,
  key: KeyRecord,
  plaintext: Uint8Array,
  algorithm: EncryptionAlgorithmSpec,
  context: Context,
): Encrypted {
  if (isSymmetricKey(key)) {
    const sealed = sealUnderKey(ctx.store, key, plaintext, context);
    return { ciphertext: sealed.blob, materialId: sealed.materialId };
  }
  const material = ctx.store.materials.get(key.region, key.currentMaterialId);
  if (!material) throw new KeyMaterialError(`Key ${key.keyId} has no key material`);
  const ciphertext = rsaEncrypt({
    material: material.material,
    algorithm: algorithm as RsaEncryptionAlgorithm,
    plaintext: Buffer.from(plaintext),
  });
  return { ciphertext };
}
