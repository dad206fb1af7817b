import type { KeyMetadata } from '@aws-sdk/client-kms';

/**
 * What the checks need to know about a key: which operations apply to it and with which
 * algorithm. From DescribeKey when the caller may call it; otherwise chosen by the user (the
 * console assumes a symmetric encryption key and says so).
 */
export type KeyKind =
  | 'symmetric'
  | 'rsa-encryption'
  | 'ecc-signing'
  | 'rsa-signing'
  | 'ml-dsa-signing'
  | 'hmac'
  | 'key-agreement'
  | 'other';

export interface KeyProfile {
  kind: KeyKind;
  /** EXTERNAL: the key's material is imported, so the import operations apply to it. */
  origin?: string;
  keySpec?: string;
  keyUsage?: string;
  encryptionAlgorithm?: string;
  signingAlgorithm?: string;
  macAlgorithm?: string;
  keyAgreementAlgorithm?: string;
  /** Set for multi-Region keys: which operations on the related keys apply to this one. */
  multiRegion?: { type: 'PRIMARY' | 'REPLICA'; primaryRegion?: string };
}

export const KEY_KIND_LABELS: Record<KeyKind, string> = {
  symmetric: 'Symmetric encryption key (SYMMETRIC_DEFAULT)',
  'rsa-encryption': 'RSA encryption key',
  'ecc-signing': 'ECC signing key',
  'rsa-signing': 'RSA signing key',
  'ml-dsa-signing': 'ML-DSA signing key',
  hmac: 'HMAC key',
  'key-agreement': 'Key agreement key (ECDH)',
  other: 'Other key',
};

/**
 * The profile the user picks when DescribeKey is not allowed: the most common algorithm of each.
 * Not key agreement: its check needs the key's curve, which only DescribeKey tells.
 */
export const CHOSEN_PROFILES: Record<Exclude<KeyKind, 'other' | 'key-agreement'>, KeyProfile> = {
  symmetric: { kind: 'symmetric', keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT' },
  'rsa-encryption': {
    kind: 'rsa-encryption',
    keyUsage: 'ENCRYPT_DECRYPT',
    encryptionAlgorithm: 'RSAES_OAEP_SHA_256',
  },
  'ecc-signing': {
    kind: 'ecc-signing',
    keyUsage: 'SIGN_VERIFY',
    signingAlgorithm: 'ECDSA_SHA_256',
  },
  'rsa-signing': {
    kind: 'rsa-signing',
    keyUsage: 'SIGN_VERIFY',
    signingAlgorithm: 'RSASSA_PSS_SHA_256',
  },
  'ml-dsa-signing': {
    kind: 'ml-dsa-signing',
    keyUsage: 'SIGN_VERIFY',
    signingAlgorithm: 'ML_DSA_SHAKE_256',
  },
  hmac: { kind: 'hmac', keyUsage: 'GENERATE_VERIFY_MAC', macAlgorithm: 'HMAC_SHA_256' },
};

function prefer(list: readonly string[] | undefined, preferred: string): string | undefined {
  if (list === undefined || list.length === 0) return undefined;
  return list.includes(preferred) ? preferred : list[0];
}

function signingKind(
  keySpec: string | undefined,
): 'ecc-signing' | 'rsa-signing' | 'ml-dsa-signing' {
  if (keySpec?.startsWith('RSA') === true) return 'rsa-signing';
  if (keySpec?.startsWith('ML_DSA') === true) return 'ml-dsa-signing';
  return 'ecc-signing';
}

export function profileFromMetadata(metadata: KeyMetadata): KeyProfile {
  const keySpec = metadata.KeySpec;
  const keyUsage = metadata.KeyUsage;
  const config = metadata.MultiRegionConfiguration;
  const base = {
    keySpec,
    keyUsage,
    ...(metadata.Origin ? { origin: metadata.Origin } : {}),
    ...(config?.MultiRegionKeyType
      ? {
          multiRegion: {
            type: config.MultiRegionKeyType,
            primaryRegion: config.PrimaryKey?.Region,
          },
        }
      : {}),
  };
  if (keyUsage === 'ENCRYPT_DECRYPT') {
    if (keySpec === 'SYMMETRIC_DEFAULT' || keySpec === undefined) {
      return { ...base, kind: 'symmetric' };
    }
    return {
      ...base,
      kind: 'rsa-encryption',
      encryptionAlgorithm: prefer(metadata.EncryptionAlgorithms, 'RSAES_OAEP_SHA_256'),
    };
  }
  if (keyUsage === 'SIGN_VERIFY') {
    const kind = signingKind(keySpec);
    return {
      ...base,
      kind,
      signingAlgorithm: prefer(
        metadata.SigningAlgorithms,
        CHOSEN_PROFILES[kind].signingAlgorithm ?? 'ECDSA_SHA_256',
      ),
    };
  }
  if (keyUsage === 'GENERATE_VERIFY_MAC') {
    return { ...base, kind: 'hmac', macAlgorithm: metadata.MacAlgorithms?.[0] };
  }
  if (keyUsage === 'KEY_AGREEMENT') {
    return {
      ...base,
      kind: 'key-agreement',
      keyAgreementAlgorithm: metadata.KeyAgreementAlgorithms?.[0] ?? 'ECDH',
    };
  }
  return { ...base, kind: 'other' };
}

/**
 * Where the checks take the key's type from: DescribeKey's metadata (`described`), the user's
 * choice because DescribeKey is denied (`chosen`), or nowhere yet (`none`: no key, or another
 * failure, which the page reports).
 */
export type KeyTypeSource = 'none' | 'described' | 'chosen';

/**
 * The key type's source as DescribeKey's lookup has answered it, or `undefined` while the answer
 * is not in. A new key starts `pending`, and TanStack Query puts a failed lookup back to `pending`
 * (error cleared) whenever it asks again: the page keeps the last answer meanwhile, so the "Key
 * type" choice is not taken away (unmounted, its list closed) from under the user's click.
 */
export function keyTypeSource(lookup: {
  keyValid: boolean;
  status: 'pending' | 'error' | 'success';
  accessDenied: boolean;
}): KeyTypeSource | undefined {
  if (!lookup.keyValid) return 'none';
  if (lookup.status === 'pending') return undefined;
  if (lookup.status === 'success') return 'described';
  return lookup.accessDenied ? 'chosen' : 'none';
}
