import type {
  EncryptionAlgorithmSpec,
  MacAlgorithmSpec,
  MessageType,
  SigningAlgorithmSpec,
} from '@aws-sdk/client-kms';
import { invalidKeyUsage, validationMessage } from '../protocol/errors';
import type { KeyRecord } from '../store/records';
import {
  digestLength,
  EXTERNAL_MU_BYTES,
  isHashedSigningAlgorithm,
  isSigningAlgorithm,
  keySpecInfo,
  rsaMaxPlaintextBytes,
  type KeyMetadataAlgorithms,
  type RsaEncryptionAlgorithm,
  type RsaKeySpec,
} from './keys';
import type { InputValidator } from './validation';

/*
 * Algorithm enums as KMS lists them in its validation messages. KMS's own order differs from the
 * botocore model's (and between members), so these are kept verbatim rather than derived.
 */

export const ENCRYPTION_ALGORITHM_ENUM = [
  'RSAES_OAEP_SHA_1',
  'RSAES_OAEP_SHA_256',
  'SM2PKE',
  'SYMMETRIC_DEFAULT',
] as const satisfies readonly EncryptionAlgorithmSpec[];

export const SIGNING_ALGORITHM_ENUM = [
  'RSASSA_PSS_SHA_256',
  'RSASSA_PSS_SHA_384',
  'RSASSA_PSS_SHA_512',
  'RSASSA_PKCS1_V1_5_SHA_256',
  'RSASSA_PKCS1_V1_5_SHA_384',
  'RSASSA_PKCS1_V1_5_SHA_512',
  'ECDSA_SHA_256',
  'ECDSA_SHA_384',
  'ECDSA_SHA_512',
  'ED25519_SHA_512',
  'ED25519_PH_SHA_512',
  'SM2DSA',
  'ML_DSA_SHAKE_256',
] as const satisfies readonly SigningAlgorithmSpec[];

export const MAC_ALGORITHM_ENUM = [
  'HMAC_SHA_384',
  'HMAC_SHA_256',
  'HMAC_SHA_224',
  'HMAC_SHA_512',
] as const satisfies readonly MacAlgorithmSpec[];

export const MESSAGE_TYPE_ENUM = [
  'RAW',
  'DIGEST',
  'EXTERNAL_MU',
] as const satisfies readonly MessageType[];

/** An EncryptionAlgorithm-typed member; the default is SYMMETRIC_DEFAULT, as in KMS. */
export function readEncryptionAlgorithm(v: InputValidator, name: string): EncryptionAlgorithmSpec {
  const value = v.string(name, { enum: ENCRYPTION_ALGORITHM_ENUM }) ?? 'SYMMETRIC_DEFAULT';
  // An out-of-enum value has been recorded as a violation; v.done() throws before it is used.
  return value as EncryptionAlgorithmSpec;
}

const incompatible = (algorithm: string, key: KeyRecord) =>
  invalidKeyUsage(`Algorithm ${algorithm} is incompatible with key spec ${key.keySpec}.`);

/** The algorithm lists DescribeKey shows for this key; empty when the spec is unknown to us. */
export function keyAlgorithms(key: KeyRecord): KeyMetadataAlgorithms {
  try {
    const lists = keySpecInfo(key.keySpec).algorithms;
    return lists[key.keyUsage as keyof typeof lists] ?? {};
  } catch {
    return {};
  }
}

export const isSymmetricKey = (key: KeyRecord) => key.keySpec === 'SYMMETRIC_DEFAULT';

export function requireEncryptionAlgorithm(
  key: KeyRecord,
  algorithm: EncryptionAlgorithmSpec,
): void {
  const allowed: readonly string[] = keyAlgorithms(key).EncryptionAlgorithms ?? [];
  if (!allowed.includes(algorithm)) throw incompatible(algorithm, key);
}

export function requireSigningAlgorithm(key: KeyRecord, algorithm: string): void {
  const allowed: readonly string[] = keyAlgorithms(key).SigningAlgorithms ?? [];
  if (!allowed.includes(algorithm)) throw incompatible(algorithm, key);
}

export function requireMacAlgorithm(key: KeyRecord, algorithm: MacAlgorithmSpec): void {
  const allowed: readonly string[] = keyAlgorithms(key).MacAlgorithms ?? [];
  if (!allowed.includes(algorithm)) throw incompatible(algorithm, key);
}

/**
 * The standard asymmetric ciphertext format has no room for additional authenticated data, so
 * KMS refuses an encryption context with RSA keys instead of silently dropping it.
 */
export function requireNoAsymmetricContext(
  key: KeyRecord,
  context: Record<string, string> | undefined,
): void {
  if (!isSymmetricKey(key) && context && Object.keys(context).length > 0) {
    throw validationMessage(
      'EncryptionContext is not supported when encrypting/decrypting with asymmetric CMKs.',
    );
  }
}

/** RSAES-OAEP can only carry a plaintext this much shorter than the modulus. */
export function requireRsaPlaintextFits(
  key: KeyRecord,
  algorithm: RsaEncryptionAlgorithm,
  plaintextBytes: number,
): void {
  const max = rsaMaxPlaintextBytes(key.keySpec as RsaKeySpec, algorithm);
  if (plaintextBytes > max) {
    throw validationMessage(
      `Algorithm ${algorithm} and key spec ${key.keySpec} cannot encrypt data larger than ${max} bytes.`,
    );
  }
}

const incompatibleMessageType = (messageType: MessageType, key: KeyRecord) =>
  validationMessage(`Message type ${messageType} is incompatible with key spec ${key.keySpec}.`);

/**
 * The Message fits the MessageType and the (key-compatible) algorithm: DIGEST takes exactly one
 * digest of the algorithm's SHA-2 hash, and only non-ML-DSA keys take one; EXTERNAL_MU takes the
 * 64-byte μ, and only ML-DSA keys take one. The wording for DIGEST on an ML-DSA key is KMS's
 * (observed); the other two mismatches follow it. KMS does not document its wording for a μ of
 * the wrong length, so it follows the one for a digest of the wrong length.
 */
export function requireMessageFits(
  algorithm: SigningAlgorithmSpec,
  messageType: MessageType,
  message: Uint8Array,
  key: KeyRecord,
): void {
  if (messageType === 'RAW' || !isSigningAlgorithm(algorithm)) return;
  const mlDsa = !isHashedSigningAlgorithm(algorithm);
  if (messageType === 'EXTERNAL_MU') {
    if (!mlDsa) throw incompatibleMessageType(messageType, key);
    if (message.length !== EXTERNAL_MU_BYTES) {
      throw validationMessage(`External mu is invalid length for algorithm ${algorithm}.`);
    }
    return;
  }
  if (mlDsa) throw incompatibleMessageType(messageType, key);
  if (message.length !== digestLength(algorithm)) {
    throw validationMessage(`Digest is invalid length for algorithm ${algorithm}.`);
  }
}
