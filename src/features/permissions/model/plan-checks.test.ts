import { describe, expect, it } from 'vitest';
import { CHOSEN_PROFILES, profileFromMetadata } from './key-profile';
import { planChecks } from './plan-checks';

const ROLE = 'arn:aws:iam::111122223333:role/KmsOperator';
const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('planChecks', () => {
  it('checks every symmetric operation, Decrypt and ReEncrypt without ciphertext', () => {
    const plan = planChecks({
      keyRef: 'alias/demo-app',
      profile: CHOSEN_PROFILES.symmetric,
      context: { department: 'finance' },
      grantee: ROLE,
      keyArn: KEY_ARN,
    });
    expect(plan.checks.map((check) => check.request.operation)).toEqual([
      'Encrypt',
      'Decrypt',
      'ReEncrypt',
      'GenerateDataKey',
      'GenerateDataKeyWithoutPlaintext',
      'GenerateDataKeyPair',
      'GenerateDataKeyPairWithoutPlaintext',
      'CreateGrant',
    ]);
    expect(plan.skipped.map((skip) => skip.operation)).toEqual(['RetireGrant', 'RevokeGrant']);
    const reEncrypt = plan.checks[2];
    expect(reEncrypt.actions).toEqual(['kms:ReEncryptFrom', 'kms:ReEncryptTo']);
    expect(reEncrypt.request.input).toEqual({
      SourceKeyId: 'alias/demo-app',
      DestinationKeyId: 'alias/demo-app',
      SourceEncryptionContext: { department: 'finance' },
      DestinationEncryptionContext: { department: 'finance' },
    });
    // CreateGrant takes no alias: the key's ARN from DescribeKey.
    expect(plan.checks[7].request.input).toEqual({
      KeyId: KEY_ARN,
      GranteePrincipal: ROLE,
      Operations: ['Decrypt'],
    });
  });

  it('sends no context to RSA keys, and says so', () => {
    const plan = planChecks({
      keyRef: 'alias/demo-rsa',
      profile: profileFromMetadata({
        KeyId: 'k',
        KeySpec: 'RSA_2048',
        KeyUsage: 'ENCRYPT_DECRYPT',
        EncryptionAlgorithms: ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'],
      }),
      context: { department: 'finance' },
      grantee: ROLE,
      keyArn: KEY_ARN,
    });
    expect(plan.checks.map((check) => check.request.operation)).toEqual([
      'Encrypt',
      'Decrypt',
      'ReEncrypt',
      'CreateGrant',
    ]);
    expect(plan.checks[0].request.input).toMatchObject({
      EncryptionAlgorithm: 'RSAES_OAEP_SHA_256',
    });
    expect(plan.checks[0].request.input).not.toHaveProperty('EncryptionContext');
    expect(plan.checks[0].note).toMatch(/take no encryption context/);
  });

  it('verifies with placeholders for signing and HMAC keys', () => {
    const signing = planChecks({
      keyRef: 'alias/demo-sign',
      profile: profileFromMetadata({
        KeyId: 'k',
        KeySpec: 'ECC_NIST_P256',
        KeyUsage: 'SIGN_VERIFY',
        SigningAlgorithms: ['ECDSA_SHA_256'],
      }),
      context: {},
      grantee: ROLE,
      keyArn: KEY_ARN,
    });
    expect(signing.checks.map((check) => [check.request.operation, check.placeholder])).toEqual([
      ['Sign', undefined],
      ['Verify', 'Signature'],
      ['CreateGrant', undefined],
    ]);
    const hmac = planChecks({
      keyRef: 'alias/demo-hmac',
      profile: profileFromMetadata({
        KeyId: 'k',
        KeySpec: 'HMAC_256',
        KeyUsage: 'GENERATE_VERIFY_MAC',
        MacAlgorithms: ['HMAC_SHA_256'],
      }),
      context: {},
      grantee: ROLE,
      keyArn: KEY_ARN,
    });
    expect(hmac.checks.map((check) => check.request.operation)).toEqual([
      'GenerateMac',
      'VerifyMac',
      'CreateGrant',
    ]);
    expect(hmac.checks[2].request.input).toMatchObject({ Operations: ['VerifyMac'] });
  });

  it('checks DeriveSharedSecret on a key agreement key with a public key on its curve', () => {
    const plan = planChecks({
      keyRef: 'alias/agree',
      profile: profileFromMetadata({
        KeyId: 'k',
        KeySpec: 'ECC_NIST_P384',
        KeyUsage: 'KEY_AGREEMENT',
        KeyAgreementAlgorithms: ['ECDH'],
      }),
      context: {},
      grantee: ROLE,
      keyArn: KEY_ARN,
    });
    expect(plan.checks.map((check) => check.request.operation)).toEqual([
      'DeriveSharedSecret',
      'CreateGrant',
    ]);
    const [derive, grant] = plan.checks;
    expect(derive.actions).toEqual(['kms:DeriveSharedSecret']);
    expect(derive.conditionKeys).toEqual({ 'kms:KeyAgreementAlgorithm': 'ECDH' });
    const input = derive.request.input as { PublicKey: Uint8Array; KeyAgreementAlgorithm: string };
    expect(input.KeyAgreementAlgorithm).toBe('ECDH');
    // SubjectPublicKeyInfo of a P-384 point: 120 bytes, with the secp384r1 OID (1.3.132.0.34).
    expect(input.PublicKey).toHaveLength(120);
    expect(Buffer.from(input.PublicKey).includes(Buffer.from('2b81040022', 'hex'))).toBe(true);
    expect(grant.request.input).toMatchObject({ Operations: ['DeriveSharedSecret'] });
  });

  it('skips DeriveSharedSecret when the curve has no placeholder public key', () => {
    const plan = planChecks({
      keyRef: KEY_ARN,
      profile: profileFromMetadata({ KeyId: 'k', KeySpec: 'SM2', KeyUsage: 'KEY_AGREEMENT' }),
      context: {},
    });
    expect(plan.skipped.find((skip) => skip.operation === 'DeriveSharedSecret')?.reason).toMatch(
      /SM2 is not one the console has a placeholder for/,
    );
  });

  it('skips CreateGrant when the caller is unknown, or the alias could not be resolved', () => {
    const plan = planChecks({ keyRef: KEY_ARN, profile: CHOSEN_PROFILES.symmetric, context: {} });
    expect(plan.skipped.map((skip) => skip.operation)).toContain('CreateGrant');
    const alias = planChecks({
      keyRef: 'alias/demo-app',
      profile: CHOSEN_PROFILES.symmetric,
      context: {},
      grantee: ROLE,
    });
    expect(alias.skipped.find((skip) => skip.operation === 'CreateGrant')?.reason).toMatch(
      /not an alias/,
    );
  });

  it('lists the import operations, never sent, only for keys with imported key material', () => {
    const imported = planChecks({
      keyRef: KEY_ARN,
      profile: profileFromMetadata({
        KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
        KeySpec: 'SYMMETRIC_DEFAULT',
        KeyUsage: 'ENCRYPT_DECRYPT',
        Origin: 'EXTERNAL',
      }),
      context: {},
      grantee: ROLE,
    });
    const operations = imported.skipped.map((skip) => skip.operation);
    expect(operations).toEqual(
      expect.arrayContaining([
        'GetParametersForImport',
        'ImportKeyMaterial',
        'DeleteImportedKeyMaterial',
      ]),
    );
    expect(imported.checks.map((check) => check.request.operation)).not.toContain(
      'ImportKeyMaterial',
    );
    expect(imported.skipped.find((s) => s.operation === 'ImportKeyMaterial')?.reason).toMatch(
      /^Takes no DryRun/,
    );
    const generated = planChecks({
      keyRef: KEY_ARN,
      profile: CHOSEN_PROFILES.symmetric,
      context: {},
    });
    expect(generated.skipped.map((skip) => skip.operation)).not.toContain('ImportKeyMaterial');
  });

  it('lists the multi-Region operations of a multi-Region key as not checkable (no DryRun)', () => {
    const metadata = {
      KeyId: 'mrk-1234abcd12ab34cd56ef1234567890ab',
      KeySpec: 'SYMMETRIC_DEFAULT',
      KeyUsage: 'ENCRYPT_DECRYPT',
      MultiRegion: true,
      MultiRegionConfiguration: {
        MultiRegionKeyType: 'REPLICA',
        PrimaryKey: { Region: 'us-east-1', Arn: KEY_ARN },
      },
    } as const;
    const replica = planChecks({
      keyRef: KEY_ARN,
      profile: profileFromMetadata(metadata),
      context: {},
      grantee: ROLE,
    });
    expect(replica.skipped.map((skip) => skip.operation)).toEqual([
      'RetireGrant',
      'RevokeGrant',
      'UpdatePrimaryRegion',
    ]);
    expect(replica.skipped[2]?.reason).toContain('Sent to the primary key in us-east-1');
    const primary = planChecks({
      keyRef: KEY_ARN,
      profile: profileFromMetadata({
        ...metadata,
        MultiRegionConfiguration: {
          ...metadata.MultiRegionConfiguration,
          MultiRegionKeyType: 'PRIMARY',
        },
      }),
      context: {},
      grantee: ROLE,
    });
    expect(primary.skipped.map((skip) => skip.operation)).toEqual([
      'RetireGrant',
      'RevokeGrant',
      'ReplicateKey',
      'UpdatePrimaryRegion',
    ]);
    // Nothing multi-Region is sent, not even as a dry run, and each says why as imports do.
    expect(primary.checks.map((check) => check.request.operation)).not.toContain('ReplicateKey');
    for (const skip of [...primary.skipped.slice(2), replica.skipped[2]]) {
      expect(skip?.reason).toMatch(/^Takes no DryRun: a check would really /);
    }
  });
});
