import { describe, expect, it } from 'vitest';
import { kmsReadOnly, kmsRequestParameters, kmsResponseElements } from './kms-events';
import { responseDate } from './record';

describe('KMS requestParameters as CloudTrail records them', () => {
  it('writes members in lowerCamelCase and keeps encryption context keys as the caller wrote them', () => {
    expect(
      kmsRequestParameters('Encrypt', {
        KeyId: 'alias/demo-app',
        Plaintext: new Uint8Array([1, 2, 3]),
        EncryptionContext: { Department: 'Finance', team_Name: 'x' },
        GrantTokens: ['token'],
      }),
    ).toEqual({
      keyId: 'alias/demo-app',
      encryptionContext: { Department: 'Finance', team_Name: 'x' },
      encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
    });
  });

  it('leaves out every member it does not list, whatever the request carries', () => {
    expect(
      kmsRequestParameters('Verify', {
        KeyId: 'k',
        Message: new Uint8Array(8),
        Signature: new Uint8Array(8),
        Password: 'hunter2',
        SigningAlgorithm: 'ECDSA_SHA_256',
      }),
    ).toEqual({ keyId: 'k', signingAlgorithm: 'ECDSA_SHA_256' });
  });

  it('camel-cases nested structures but not the maps inside them', () => {
    expect(
      kmsRequestParameters('CreateGrant', {
        KeyId: 'k',
        Operations: ['Decrypt'],
        Constraints: { EncryptionContextSubset: { Dept: 'IT' } },
        GranteePrincipal: 'arn:aws:iam::111122223333:role/R',
      }),
    ).toEqual({
      keyId: 'k',
      operations: ['Decrypt'],
      constraints: { encryptionContextSubset: { Dept: 'IT' } },
      granteePrincipal: 'arn:aws:iam::111122223333:role/R',
    });
  });

  it('always names the algorithms of Decrypt and ReEncrypt, as CloudTrail does', () => {
    expect(kmsRequestParameters('Decrypt', { CiphertextBlob: new Uint8Array(4) })).toEqual({
      encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
    });
    expect(kmsRequestParameters('ReEncrypt', { DestinationKeyId: 'k' })).toEqual({
      destinationKeyId: 'k',
      sourceEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      destinationEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
    });
  });

  it('records the replica Region of ReplicateKey and the new primary Region of UpdatePrimaryRegion', () => {
    expect(
      kmsRequestParameters('ReplicateKey', {
        KeyId: 'mrk-1',
        ReplicaRegion: 'us-west-2',
        BypassPolicyLockoutSafetyCheck: false,
        Description: '',
      }),
    ).toEqual({
      keyId: 'mrk-1',
      replicaRegion: 'us-west-2',
      bypassPolicyLockoutSafetyCheck: false,
      description: '',
    });
    expect(
      kmsRequestParameters('UpdatePrimaryRegion', { KeyId: 'mrk-1', PrimaryRegion: 'eu-west-1' }),
    ).toEqual({ keyId: 'mrk-1', primaryRegion: 'eu-west-1' });
  });

  it('records GenerateRandom with no request parameters', () => {
    expect(kmsRequestParameters('GenerateRandom', { NumberOfBytes: 32 })).toBeNull();
  });
});

describe('KMS responseElements as CloudTrail records them', () => {
  it('keeps a grant id and never its token', () => {
    expect(kmsResponseElements('CreateGrant', { GrantId: 'g', GrantToken: 'secret' })).toEqual({
      grantId: 'g',
    });
  });

  it("keeps a replica's metadata, never its policy", () => {
    expect(
      kmsResponseElements('ReplicateKey', {
        ReplicaKeyMetadata: { KeyId: 'mrk-1', CreationDate: new Date('2020-11-18T01:29:18Z') },
        ReplicaPolicy: '{}',
      }),
    ).toEqual({ replicaKeyMetadata: { keyId: 'mrk-1', creationDate: 'Nov 18, 2020 1:29:18 AM' } });
  });

  it('keeps nothing of a cryptographic answer', () => {
    expect(kmsResponseElements('Decrypt', { Plaintext: new Uint8Array(4), KeyId: 'k' })).toBeNull();
  });

  it("writes dates the way KMS's Java service prints them", () => {
    expect(responseDate(new Date('2020-06-30T02:34:07Z'))).toBe('Jun 30, 2020 2:34:07 AM');
    expect(responseDate(new Date('2023-01-19T17:55:08Z'))).toBe('Jan 19, 2023 5:55:08 PM');
    expect(responseDate(new Date('2023-01-19T00:05:08Z'))).toBe('Jan 19, 2023 12:05:08 AM');
  });
});

describe('readOnly', () => {
  it.each([
    ['Encrypt', true],
    ['Decrypt', true],
    ['GenerateDataKeyPair', true],
    ['DescribeKey', true],
    ['ListGrants', true],
    ['GetKeyPolicy', true],
    ['CreateKey', false],
    ['ScheduleKeyDeletion', false],
    ['PutKeyPolicy', false],
    ['RetireGrant', false],
  ])('%s is %s', (operation, readOnly) => {
    expect(kmsReadOnly(operation)).toBe(readOnly);
  });
});
