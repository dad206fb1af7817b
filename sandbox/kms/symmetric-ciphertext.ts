import { createHash } from 'node:crypto';
import { invalidCiphertext } from '../protocol/errors';
import type { KeyRecord, MaterialRecord } from '../store/records';
import type { Store } from '../store/store';
import {
  InvalidCiphertextError,
  KeyMaterialError,
  openSymmetric,
  parseSymmetricBlob,
  sealSymmetric,
  type EncryptionContext,
  type SymmetricBlobHeader,
} from './keys';

/*
 * Sealing and opening SYMMETRIC_DEFAULT ciphertext blobs under a stored key. The blob names the
 * key and the key material version that sealed it, so Decrypt finds the key itself and old
 * ciphertexts still open after the key rotated. Every failure is InvalidCiphertextException with
 * no message, as KMS answers: it doesn't tell a tampered blob from a wrong context.
 */

/**
 * KMS names key material versions with 64 hex digits (KeyMaterialId, CurrentKeyMaterialId). The
 * store's material ids are UUIDs, so responses carry this stable digest of them instead.
 */
export function keyMaterialId(materialId: string): string {
  return createHash('sha256').update(materialId).digest('hex');
}

export interface SealedBlob {
  blob: Buffer;
  materialId: string;
}

/** Seals under the key's current material, the only one new ciphertexts use. */
export function sealUnderKey(
  store: Store,
  key: KeyRecord,
  plaintext: Uint8Array,
  context: EncryptionContext | undefined,
): SealedBlob {
  const material = store.materials.get(key.region, key.currentMaterialId);
  if (!material) throw new KeyMaterialError(`Key ${key.keyId} has no current key material`);
  const blob = sealSymmetric({
    keyId: key.keyId,
    materialId: material.materialId,
    material: material.material,
    plaintext: Buffer.from(plaintext),
    encryptionContext: context,
  });
  return { blob, materialId: material.materialId };
}

/** Which key and material the blob names, or InvalidCiphertextException for foreign bytes. */
export function readBlobHeader(blob: Uint8Array): SymmetricBlobHeader {
  try {
    return parseSymmetricBlob(blob);
  } catch {
    throw invalidCiphertext();
  }
}

/** The material the blob names, which must be one of this key's versions. */
export function materialForBlob(
  store: Store,
  key: KeyRecord,
  header: SymmetricBlobHeader,
): MaterialRecord {
  const material = store.materials.get(key.region, header.materialId);
  if (!material || material.keyId !== key.keyId || header.keyId !== key.keyId) {
    throw invalidCiphertext();
  }
  return material;
}

export function openUnderKey(
  store: Store,
  key: KeyRecord,
  header: SymmetricBlobHeader,
  blob: Uint8Array,
  context: EncryptionContext | undefined,
): { plaintext: Buffer; materialId: string } {
  const material = materialForBlob(store, key, header);
  try {
    const plaintext = openSymmetric({
      blob,
      material: material.material,
      encryptionContext: context,
    });
    return { plaintext, materialId: material.materialId };
  } catch (error) {
    if (error instanceof InvalidCiphertextError || error instanceof KeyMaterialError) {
      throw invalidCiphertext();
    }
    throw error;
  }
}
