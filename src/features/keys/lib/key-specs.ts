import type { KeySpec, KeyUsageType, OriginType } from '@aws-sdk/client-kms';

export type KeyTypeChoice = 'symmetric' | 'asymmetric' | 'hmac';

/** Key usages the AWS console offers per key type. */
export const USAGES: Record<KeyTypeChoice, KeyUsageType[]> = {
  symmetric: ['ENCRYPT_DECRYPT'],
  asymmetric: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'KEY_AGREEMENT'],
  hmac: ['GENERATE_VERIFY_MAC'],
};

/**
 * Key specs KMS accepts for a type and usage (CreateKey's rules); with Origin EXTERNAL, those
 * whose key material can be imported ("Requirements for imported key material": not ML-DSA, not
 * Ed25519, and SM2 only in China Regions).
 */
export function keySpecsFor(
  type: KeyTypeChoice,
  usage: KeyUsageType,
  origin: OriginType = 'AWS_KMS',
): KeySpec[] {
  const specs = allKeySpecsFor(type, usage);
  if (origin !== 'EXTERNAL') return specs;
  return specs.filter(
    (spec) => !spec.startsWith('ML_DSA_') && spec !== 'ECC_NIST_EDWARDS25519' && spec !== 'SM2',
  );
}

function allKeySpecsFor(type: KeyTypeChoice, usage: KeyUsageType): KeySpec[] {
  if (type === 'symmetric') return ['SYMMETRIC_DEFAULT'];
  if (type === 'hmac') return ['HMAC_224', 'HMAC_256', 'HMAC_384', 'HMAC_512'];
  switch (usage) {
    case 'ENCRYPT_DECRYPT':
      return ['RSA_2048', 'RSA_3072', 'RSA_4096', 'SM2'];
    case 'SIGN_VERIFY':
      return [
        'RSA_2048',
        'RSA_3072',
        'RSA_4096',
        'ECC_NIST_P256',
        'ECC_NIST_P384',
        'ECC_NIST_P521',
        'ECC_SECG_P256K1',
        'ECC_NIST_EDWARDS25519',
        'ML_DSA_44',
        'ML_DSA_65',
        'ML_DSA_87',
        'SM2',
      ];
    case 'KEY_AGREEMENT':
      return ['ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521', 'SM2'];
    default:
      return [];
  }
}

/** What a spec is, beyond its name, for the key spec list. */
const KEY_SPEC_NOTES: Partial<Record<KeySpec, string>> = {
  ECC_NIST_P256: 'secp256r1',
  ECC_NIST_P384: 'secp384r1',
  ECC_NIST_P521: 'secp521r1',
  ECC_SECG_P256K1: 'secp256k1, commonly used for cryptocurrencies',
  ECC_NIST_EDWARDS25519: 'Ed25519',
  ML_DSA_44: 'Post-quantum ML-DSA (FIPS 204): 1,312-byte public key, 2,420-byte signatures',
  ML_DSA_65: 'Post-quantum ML-DSA (FIPS 204): 1,952-byte public key, 3,309-byte signatures',
  ML_DSA_87: 'Post-quantum ML-DSA (FIPS 204): 2,592-byte public key, 4,627-byte signatures',
  SM2: 'China Regions only',
};

export function keySpecNote(spec: KeySpec): string | undefined {
  return KEY_SPEC_NOTES[spec];
}

/** The default spec the AWS console preselects. */
export function defaultSpec(type: KeyTypeChoice, usage: KeyUsageType): KeySpec {
  if (type === 'asymmetric' && usage === 'SIGN_VERIFY') return 'ECC_NIST_P256';
  if (type === 'asymmetric' && usage === 'KEY_AGREEMENT') return 'ECC_NIST_P256';
  if (type === 'hmac') return 'HMAC_256';
  return keySpecsFor(type, usage)[0] ?? 'SYMMETRIC_DEFAULT';
}
