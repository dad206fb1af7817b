import type { KeyMetadata } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { completeKeyMetadata } from './key-metadata';

// What moto 5 answers to DescribeKey: no KeyUsage, no MacAlgorithms.
const MOTO_SYMMETRIC: KeyMetadata = {
  KeyId: 'k',
  KeySpec: 'SYMMETRIC_DEFAULT',
  EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
  SigningAlgorithms: [],
};

describe('completeKeyMetadata', () => {
  it('fills in what the rest of the answer settles', () => {
    expect(completeKeyMetadata(MOTO_SYMMETRIC).KeyUsage).toBe('ENCRYPT_DECRYPT');
    expect(completeKeyMetadata({ KeyId: 'h', KeySpec: 'HMAC_384' })).toMatchObject({
      KeyUsage: 'GENERATE_VERIFY_MAC',
      MacAlgorithms: ['HMAC_SHA_384'],
    });
    expect(
      completeKeyMetadata({
        KeyId: 'r',
        KeySpec: 'RSA_2048',
        SigningAlgorithms: ['RSASSA_PSS_SHA_256'],
      }).KeyUsage,
    ).toBe('SIGN_VERIFY');
  });

  it('leaves a field out when nothing settles it, and never overrides what was said', () => {
    expect(completeKeyMetadata({ KeyId: 'r', KeySpec: 'RSA_2048' }).KeyUsage).toBeUndefined();
    const described: KeyMetadata = {
      KeyId: 'e',
      KeySpec: 'ECC_NIST_P256',
      KeyUsage: 'KEY_AGREEMENT',
    };
    expect(completeKeyMetadata(described)).toBe(described);
  });
});
