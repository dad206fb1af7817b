import type { KeyMetadata } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import type { KeyRow } from '../../../kms/catalog/rows';
import { keyTypeOf, retargetCandidates } from './retarget-candidates';

const metadataOf = (keyId: string, metadata: Partial<KeyMetadata> = {}): KeyMetadata => ({
  KeyId: keyId,
  KeyManager: 'CUSTOMER',
  KeyState: 'Enabled',
  KeySpec: 'SYMMETRIC_DEFAULT',
  KeyUsage: 'ENCRYPT_DECRYPT',
  ...metadata,
});

const key = (
  keyId: string,
  metadata: Partial<KeyMetadata> | undefined,
  aliases: string[] = [],
): KeyRow => ({
  keyId,
  keyArn: `arn:aws:kms:us-east-1:111122223333:key/${keyId}`,
  aliases,
  metadata: metadata && metadataOf(keyId, metadata),
  searchText: keyId,
});

describe('keyTypeOf', () => {
  it('groups RSA, ECC, SM2 and ML-DSA as asymmetric', () => {
    expect(keyTypeOf('SYMMETRIC_DEFAULT')).toBe('symmetric');
    expect(keyTypeOf('HMAC_256')).toBe('hmac');
    for (const spec of ['RSA_2048', 'ECC_NIST_P256', 'SM2', 'ML_DSA_65'])
      expect(keyTypeOf(spec)).toBe('asymmetric');
  });
});

describe('retargetCandidates', () => {
  const current = metadataOf('current');

  it('offers keys without aliases of the same type and usage, never the current key', () => {
    const rows = [
      key('current', {}, ['alias/app']),
      key('fresh', {}),
      key('named', {}, ['alias/x']),
    ];
    expect(retargetCandidates(rows, current).map((row) => row.keyId)).toEqual(['fresh', 'named']);
  });

  it('leaves out other types, other usages, AWS managed, deleted and undescribed keys', () => {
    const rows = [
      key('hmac', { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }),
      key('rsa-encrypt', { KeySpec: 'RSA_2048' }),
      key('aws', { KeyManager: 'AWS' }),
      key('deleting', { KeyState: 'PendingDeletion' }),
      key('unknown', undefined),
      key('disabled', { KeyState: 'Disabled' }),
    ];
    expect(retargetCandidates(rows, current).map((row) => row.keyId)).toEqual(['disabled']);
  });

  it('matches an asymmetric key by usage across RSA and ECC', () => {
    const signing = metadataOf('rsa', { KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' });
    const rows = [
      key('ecc', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }),
      key('rsa-enc', { KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' }),
    ];
    expect(retargetCandidates(rows, signing).map((row) => row.keyId)).toEqual(['ecc']);
  });
});
