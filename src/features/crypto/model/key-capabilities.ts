import type {
  EncryptionAlgorithmSpec,
  KeyMetadata,
  MacAlgorithmSpec,
  SigningAlgorithmSpec,
} from '@aws-sdk/client-kms';

/*
 * What a key can do, read from its DescribeKey metadata, so forms offer only the algorithms the
 * key supports and size limits that fit it. When the caller may not describe the key, forms fall
 * back to every algorithm and let KMS decide.
 */

export const ALL_ENCRYPTION_ALGORITHMS: EncryptionAlgorithmSpec[] = [
  'SYMMETRIC_DEFAULT',
  'RSAES_OAEP_SHA_1',
  'RSAES_OAEP_SHA_256',
];

export const ALL_SIGNING_ALGORITHMS: SigningAlgorithmSpec[] = [
  'RSASSA_PKCS1_V1_5_SHA_256',
  'RSASSA_PKCS1_V1_5_SHA_384',
  'RSASSA_PKCS1_V1_5_SHA_512',
  'RSASSA_PSS_SHA_256',
  'RSASSA_PSS_SHA_384',
  'RSASSA_PSS_SHA_512',
  'ECDSA_SHA_256',
  'ECDSA_SHA_384',
  'ECDSA_SHA_512',
  'ML_DSA_SHAKE_256',
];

export const ALL_MAC_ALGORITHMS: MacAlgorithmSpec[] = [
  'HMAC_SHA_224',
  'HMAC_SHA_256',
  'HMAC_SHA_384',
  'HMAC_SHA_512',
];

/** The KMS limits of the blob members (PlaintextType, CiphertextType in the API model). */
/** The algorithm in effect: the one chosen if the key offers it, else the key's only one. */
export function effectiveAlgorithm(available: readonly string[], chosen: string): string {
  if (available.includes(chosen)) return chosen;
  return available.length === 1 ? available[0] : '';
}

export const PLAINTEXT_MAX = 4096;
export const CIPHERTEXT_MAX = 6144;
export const SIGNATURE_MAX = 6144;
export const MAC_MAX = 6144;

export function isRsaEncryptionKey(metadata: KeyMetadata | undefined): boolean {
  return metadata?.KeyUsage === 'ENCRYPT_DECRYPT' && (metadata.KeySpec ?? '').startsWith('RSA_');
}

export function isSymmetricEncryptionKey(metadata: KeyMetadata | undefined): boolean {
  return metadata?.KeySpec === 'SYMMETRIC_DEFAULT' && metadata.KeyUsage === 'ENCRYPT_DECRYPT';
}

/**
 * RSAES-OAEP encrypts at most k − 2·hLen − 2 bytes (RFC 8017 section 7.1.1): 214 or 190 bytes
 * for RSA_2048 with SHA-1 or SHA-256.
 */
export function rsaPlaintextLimit(
  keySpec: string | undefined,
  algorithm: string | undefined,
): number | undefined {
  const bits = /^RSA_(\d+)$/.exec(keySpec ?? '')?.[1];
  if (!bits) return undefined;
  const hashBytes =
    algorithm === 'RSAES_OAEP_SHA_1' ? 20 : algorithm === 'RSAES_OAEP_SHA_256' ? 32 : undefined;
  if (hashBytes === undefined) return undefined;
  return Number(bits) / 8 - 2 * hashBytes - 2;
}

/** Digest sizes the DIGEST message type requires, by signing algorithm. */
export function digestLength(algorithm: string | undefined): number | undefined {
  const bits = /_SHA_(256|384|512)$/.exec(algorithm ?? '')?.[1];
  return bits ? Number(bits) / 8 : undefined;
}

/** A short line about the key under its field: spec, usage, state. */
export function describeKeyFacts(metadata: KeyMetadata): string {
  const parts = [metadata.KeySpec, metadata.KeyUsage, metadata.KeyState].filter(Boolean);
  return parts.join(' · ');
}
