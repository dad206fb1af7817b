import type { KeyMetadata, KeyUsageType, MacAlgorithmSpec } from '@aws-sdk/client-kms';

/*
 * Endpoints other than AWS leave out fields of DescribeKey (moto: KeyUsage and MacAlgorithms).
 * Where another field of the same answer settles the value beyond doubt, it is filled in; where
 * nothing does, it stays absent and only that field is shown as unknown.
 */

const MAC_ALGORITHM_OF_SPEC: Readonly<Record<string, MacAlgorithmSpec>> = {
  HMAC_224: 'HMAC_SHA_224',
  HMAC_256: 'HMAC_SHA_256',
  HMAC_384: 'HMAC_SHA_384',
  HMAC_512: 'HMAC_SHA_512',
};

/** The key usage the answer implies: a key spec with one possible usage, or its algorithm lists. */
function impliedKeyUsage(metadata: KeyMetadata): KeyUsageType | undefined {
  const spec = metadata.KeySpec ?? metadata.CustomerMasterKeySpec;
  if (spec === 'SYMMETRIC_DEFAULT') return 'ENCRYPT_DECRYPT';
  if (spec?.startsWith('HMAC_')) return 'GENERATE_VERIFY_MAC';
  if (spec?.startsWith('ML_DSA_')) return 'SIGN_VERIFY';
  if (nonEmpty(metadata.KeyAgreementAlgorithms)) return 'KEY_AGREEMENT';
  if (nonEmpty(metadata.SigningAlgorithms)) return 'SIGN_VERIFY';
  if (nonEmpty(metadata.EncryptionAlgorithms)) return 'ENCRYPT_DECRYPT';
  return undefined;
}

function nonEmpty(list: readonly unknown[] | undefined): boolean {
  return list !== undefined && list.length > 0;
}

/** DescribeKey's metadata with the fields an endpoint left out but the rest of its answer implies. */
export function completeKeyMetadata(metadata: KeyMetadata): KeyMetadata {
  const keyUsage = metadata.KeyUsage ?? impliedKeyUsage(metadata);
  const spec = metadata.KeySpec ?? metadata.CustomerMasterKeySpec;
  const macAlgorithm = spec ? MAC_ALGORITHM_OF_SPEC[spec] : undefined;
  const macAlgorithms =
    nonEmpty(metadata.MacAlgorithms) || macAlgorithm === undefined
      ? metadata.MacAlgorithms
      : [macAlgorithm];
  if (keyUsage === metadata.KeyUsage && macAlgorithms === metadata.MacAlgorithms) return metadata;
  return {
    ...metadata,
    ...(keyUsage ? { KeyUsage: keyUsage } : {}),
    ...(macAlgorithms ? { MacAlgorithms: macAlgorithms } : {}),
  };
}
