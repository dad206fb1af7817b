import { describe, expect, it } from 'vitest';
import {
  digestLength,
  isKeySpec,
  isKeyUsageAllowed,
  KEY_SPEC_INFO,
  KEY_SPECS,
  keyMetadataAlgorithms,
  keySpecInfo,
  MAX_SIGN_MESSAGE_BYTES,
  rsaMaxPlaintextBytes,
  UnsupportedKeySpecError,
} from './specs';

const RSA_SIGNING = [
  'RSASSA_PKCS1_V1_5_SHA_256',
  'RSASSA_PKCS1_V1_5_SHA_384',
  'RSASSA_PKCS1_V1_5_SHA_512',
  'RSASSA_PSS_SHA_256',
  'RSASSA_PSS_SHA_384',
  'RSASSA_PSS_SHA_512',
];

describe('key spec catalogue', () => {
  it('covers the fifteen key specs', () => {
    expect([...KEY_SPECS].sort()).toEqual(Object.keys(KEY_SPEC_INFO).sort());
    expect(KEY_SPECS).toHaveLength(15);
  });

  it('describes SYMMETRIC_DEFAULT as AWS does', () => {
    const info = keySpecInfo('SYMMETRIC_DEFAULT');
    expect(info.keyUsages).toEqual(['ENCRYPT_DECRYPT']);
    expect(info.defaultKeyUsage).toBe('ENCRYPT_DECRYPT');
    expect(info.keyUsageRequired).toBe(false);
    expect(keyMetadataAlgorithms('SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT')).toEqual({
      EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    });
  });

  it.each(['RSA_2048', 'RSA_3072', 'RSA_4096'] as const)('describes %s as AWS does', (spec) => {
    expect(keySpecInfo(spec).keyUsages).toEqual(['ENCRYPT_DECRYPT', 'SIGN_VERIFY']);
    expect(keyMetadataAlgorithms(spec, 'ENCRYPT_DECRYPT')).toEqual({
      EncryptionAlgorithms: ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'],
    });
    expect(keyMetadataAlgorithms(spec, 'SIGN_VERIFY')).toEqual({ SigningAlgorithms: RSA_SIGNING });
  });

  it.each([
    ['ECC_NIST_P256', 'ECDSA_SHA_256', true],
    ['ECC_NIST_P384', 'ECDSA_SHA_384', true],
    ['ECC_NIST_P521', 'ECDSA_SHA_512', true],
    ['ECC_SECG_P256K1', 'ECDSA_SHA_256', false],
  ] as const)('describes %s: %s, key agreement %s', (spec, signing, agrees) => {
    expect(keySpecInfo(spec).defaultKeyUsage).toBe('SIGN_VERIFY');
    expect(keyMetadataAlgorithms(spec, 'SIGN_VERIFY')).toEqual({ SigningAlgorithms: [signing] });
    expect(isKeyUsageAllowed(spec, 'KEY_AGREEMENT')).toBe(agrees);
    expect(isKeyUsageAllowed(spec, 'ENCRYPT_DECRYPT')).toBe(false);
    if (agrees) {
      expect(keyMetadataAlgorithms(spec, 'KEY_AGREEMENT')).toEqual({
        KeyAgreementAlgorithms: ['ECDH'],
      });
    }
  });

  it.each([
    ['HMAC_224', 'HMAC_SHA_224', 28],
    ['HMAC_256', 'HMAC_SHA_256', 32],
    ['HMAC_384', 'HMAC_SHA_384', 48],
    ['HMAC_512', 'HMAC_SHA_512', 64],
  ] as const)('describes %s: %s with a %i-byte key', (spec, mac, bytes) => {
    expect(keySpecInfo(spec).keyUsages).toEqual(['GENERATE_VERIFY_MAC']);
    expect(keySpecInfo(spec).hmacKeyBytes).toBe(bytes);
    expect(keyMetadataAlgorithms(spec, 'GENERATE_VERIFY_MAC')).toEqual({ MacAlgorithms: [mac] });
  });

  it.each(['ML_DSA_44', 'ML_DSA_65', 'ML_DSA_87'] as const)('describes %s as AWS does', (spec) => {
    expect(keySpecInfo(spec).keyUsages).toEqual(['SIGN_VERIFY']);
    expect(keySpecInfo(spec).keyUsageRequired).toBe(true);
    expect(keyMetadataAlgorithms(spec, 'SIGN_VERIFY')).toEqual({
      SigningAlgorithms: ['ML_DSA_SHAKE_256'],
    });
    expect(isKeyUsageAllowed(spec, 'KEY_AGREEMENT')).toBe(false);
  });

  it('rejects usages a spec does not have', () => {
    expect(isKeyUsageAllowed('SYMMETRIC_DEFAULT', 'SIGN_VERIFY')).toBe(false);
    expect(isKeyUsageAllowed('HMAC_256', 'ENCRYPT_DECRYPT')).toBe(false);
    expect(() => keyMetadataAlgorithms('HMAC_256', 'ENCRYPT_DECRYPT')).toThrow(RangeError);
  });

  it('returns fresh arrays, so the catalogue cannot be changed through a response', () => {
    keyMetadataAlgorithms('RSA_2048', 'SIGN_VERIFY').SigningAlgorithms?.pop();
    expect(keyMetadataAlgorithms('RSA_2048', 'SIGN_VERIFY').SigningAlgorithms).toEqual(RSA_SIGNING);
  });

  it('refuses the specs AWS has and the sandbox does not', () => {
    expect(isKeySpec('ML_DSA_65')).toBe(true);
    expect(isKeySpec('ECC_NIST_EDWARDS25519')).toBe(false);
    expect(isKeySpec('toString')).toBe(false);
    expect(() => keySpecInfo('SM2')).toThrow(UnsupportedKeySpecError);
    expect(isKeyUsageAllowed('SM2', 'SIGN_VERIFY')).toBe(false);
  });
});

describe('limits', () => {
  it.each([
    ['RSA_2048', 214, 190],
    ['RSA_3072', 342, 318],
    ['RSA_4096', 470, 446],
  ] as const)('%s encrypts at most %i bytes with SHA-1, %i with SHA-256', (spec, sha1, sha256) => {
    expect(rsaMaxPlaintextBytes(spec, 'RSAES_OAEP_SHA_1')).toBe(sha1);
    expect(rsaMaxPlaintextBytes(spec, 'RSAES_OAEP_SHA_256')).toBe(sha256);
  });

  it('knows digest lengths and the Sign message size', () => {
    expect(digestLength('ECDSA_SHA_256')).toBe(32);
    expect(digestLength('RSASSA_PSS_SHA_384')).toBe(48);
    expect(digestLength('RSASSA_PKCS1_V1_5_SHA_512')).toBe(64);
    expect(MAX_SIGN_MESSAGE_BYTES).toBe(4096);
  });
});
