import {
  CreateKeyCommand,
  type CreateKeyCommandInput,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  EncryptCommand,
  GetKeyPolicyCommand,
  type KeyMetadata,
  type KeySpec,
  type KeyUsageType,
  ListKeyPoliciesCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  PutKeyPolicyCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateKeyDescriptionCommand,
} from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { failure, keyArn, PARTNER_ADMIN, suiteSandbox } from './harness';
import {
  APP_KEY_ID,
  DEMO_ACCOUNT,
  DISABLED_KEY_ID,
  PARTNER_ACCOUNT,
  PARTNER_KEY_ID,
} from '../scenario/demo-scenario';

const MISSING_KEY = '00000000-1111-4222-8333-444444444444';

type Algorithms = Pick<KeyMetadata, 'EncryptionAlgorithms' | 'SigningAlgorithms' | 'MacAlgorithms'>;

const DEFAULT_POLICY = {
  Version: '2012-10-17',
  Id: 'key-default-1',
  Statement: [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${DEMO_ACCOUNT}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
  ],
};

describe('key management', () => {
  const sandbox = suiteSandbox();
  const kms = sandbox.kms();

  const create = async (input: CreateKeyCommandInput = {}): Promise<KeyMetadata> =>
    (await kms.send(new CreateKeyCommand(input))).KeyMetadata!;

  describe('CreateKey', () => {
    it('creates a symmetric encryption key with exactly the KeyMetadata AWS returns', async () => {
      const before = sandbox.clock.now().getTime();
      const metadata = await create({ Description: 'orders' });
      expect(Object.keys(metadata).sort()).toEqual(
        [
          'AWSAccountId',
          'Arn',
          'CreationDate',
          'CurrentKeyMaterialId',
          'CustomerMasterKeySpec',
          'Description',
          'Enabled',
          'EncryptionAlgorithms',
          'KeyId',
          'KeyManager',
          'KeySpec',
          'KeyState',
          'KeyUsage',
          'MultiRegion',
          'Origin',
        ].sort(),
      );
      expect(metadata).toMatchObject({
        AWSAccountId: DEMO_ACCOUNT,
        Arn: keyArn(metadata.KeyId!),
        Enabled: true,
        Description: 'orders',
        KeyUsage: 'ENCRYPT_DECRYPT',
        KeyState: 'Enabled',
        Origin: 'AWS_KMS',
        KeyManager: 'CUSTOMER',
        CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
        KeySpec: 'SYMMETRIC_DEFAULT',
        EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
        MultiRegion: false,
      });
      expect(metadata.KeyId).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(metadata.CurrentKeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
      expect(metadata.CreationDate!.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(metadata.CreationDate!.getTime()).toBeLessThanOrEqual(
        sandbox.clock.now().getTime() + 1000,
      );
    });

    it('defaults to an empty description and the default key policy', async () => {
      const metadata = await create();
      expect(metadata.Description).toBe('');
      const policy = await kms.send(new GetKeyPolicyCommand({ KeyId: metadata.KeyId }));
      expect(JSON.parse(policy.Policy!)).toEqual(DEFAULT_POLICY);
      expect(policy.PolicyName).toBe('default');
    });

    it.each<[KeySpec, KeyUsageType, Algorithms]>([
      [
        'RSA_2048',
        'ENCRYPT_DECRYPT',
        { EncryptionAlgorithms: ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'] },
      ],
      [
        'RSA_3072',
        'SIGN_VERIFY',
        {
          SigningAlgorithms: [
            'RSASSA_PKCS1_V1_5_SHA_256',
            'RSASSA_PKCS1_V1_5_SHA_384',
            'RSASSA_PKCS1_V1_5_SHA_512',
            'RSASSA_PSS_SHA_256',
            'RSASSA_PSS_SHA_384',
            'RSASSA_PSS_SHA_512',
          ],
        },
      ],
      [
        'RSA_4096',
        'ENCRYPT_DECRYPT',
        { EncryptionAlgorithms: ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'] },
      ],
      ['ECC_NIST_P256', 'SIGN_VERIFY', { SigningAlgorithms: ['ECDSA_SHA_256'] }],
      ['ECC_NIST_P384', 'SIGN_VERIFY', { SigningAlgorithms: ['ECDSA_SHA_384'] }],
      ['ECC_NIST_P521', 'SIGN_VERIFY', { SigningAlgorithms: ['ECDSA_SHA_512'] }],
      ['ECC_SECG_P256K1', 'SIGN_VERIFY', { SigningAlgorithms: ['ECDSA_SHA_256'] }],
      ['HMAC_224', 'GENERATE_VERIFY_MAC', { MacAlgorithms: ['HMAC_SHA_224'] }],
      ['HMAC_256', 'GENERATE_VERIFY_MAC', { MacAlgorithms: ['HMAC_SHA_256'] }],
      ['HMAC_384', 'GENERATE_VERIFY_MAC', { MacAlgorithms: ['HMAC_SHA_384'] }],
      ['HMAC_512', 'GENERATE_VERIFY_MAC', { MacAlgorithms: ['HMAC_SHA_512'] }],
    ])('creates a %s key for %s', async (keySpec, keyUsage, algorithms) => {
      const metadata = await create({ KeySpec: keySpec, KeyUsage: keyUsage });
      expect(metadata).toMatchObject({
        KeySpec: keySpec,
        CustomerMasterKeySpec: keySpec,
        KeyUsage: keyUsage,
      });
      for (const field of ['EncryptionAlgorithms', 'SigningAlgorithms', 'MacAlgorithms'] as const) {
        expect(metadata[field]).toEqual(algorithms[field]);
      }
      // Only symmetric encryption keys have rotating key material.
      expect(metadata.CurrentKeyMaterialId).toBeUndefined();
    });

    it('accepts the deprecated CustomerMasterKeySpec', async () => {
      const metadata = await create({
        CustomerMasterKeySpec: 'HMAC_256',
        KeyUsage: 'GENERATE_VERIFY_MAC',
      });
      expect(metadata.KeySpec).toBe('HMAC_256');
    });

    it('refuses KeySpec and CustomerMasterKeySpec together', async () => {
      expect(
        await failure(
          create({
            KeySpec: 'RSA_2048',
            CustomerMasterKeySpec: 'RSA_2048',
            KeyUsage: 'SIGN_VERIFY',
          }),
        ),
      ).toEqual({
        name: 'ValidationException',
        message:
          'You cannot specify KeySpec and CustomerMasterKeySpec in the same request. CustomerMasterKeySpec is deprecated.',
      });
    });

    it('requires KeyUsage for every key but symmetric encryption keys', async () => {
      expect(await failure(create({ KeySpec: 'HMAC_256' }))).toEqual({
        name: 'ValidationException',
        message:
          'You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.',
      });
    });

    it('refuses a key usage the key spec does not support', async () => {
      expect(await failure(create({ KeyUsage: 'SIGN_VERIFY' }))).toEqual({
        name: 'ValidationException',
        message:
          'The operation failed because the KeyUsage value of the CMK is SIGN_VERIFY. To perform this operation, the KeyUsage value must be ENCRYPT_DECRYPT.',
      });
      expect(
        await failure(create({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'ENCRYPT_DECRYPT' })),
      ).toEqual({
        name: 'ValidationException',
        message: 'KeyUsage ENCRYPT_DECRYPT is not compatible with KeySpec ECC_NIST_P256',
      });
      expect(await failure(create({ KeySpec: 'HMAC_384', KeyUsage: 'SIGN_VERIFY' }))).toEqual({
        name: 'ValidationException',
        message: 'KeyUsage SIGN_VERIFY is not compatible with KeySpec HMAC_384',
      });
      expect(
        await failure(create({ KeySpec: 'ECC_SECG_P256K1', KeyUsage: 'KEY_AGREEMENT' })),
      ).toEqual({
        name: 'ValidationException',
        message: 'KeyUsage KEY_AGREEMENT is not compatible with KeySpec ECC_SECG_P256K1',
      });
    });

    it('validates members in AWS words', async () => {
      const tooLong = 'd'.repeat(8193);
      expect(await failure(create({ Description: tooLong }))).toEqual({
        name: 'ValidationException',
        message: `1 validation error detected: Value '${tooLong}' at 'description' failed to satisfy constraint: Member must have length less than or equal to 8192`,
      });
      expect(
        await failure(
          create({
            KeySpec: 'AES_256' as CreateKeyCommandInput['KeySpec'],
            KeyUsage: 'SOMETHING' as CreateKeyCommandInput['KeyUsage'],
          }),
        ),
      ).toEqual({
        name: 'ValidationException',
        message:
          "2 validation errors detected: Value 'SOMETHING' at 'keyUsage' failed to satisfy constraint: Member must satisfy enum value set: [SIGN_VERIFY, ENCRYPT_DECRYPT, GENERATE_VERIFY_MAC, KEY_AGREEMENT]; Value 'AES_256' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [RSA_2048, RSA_3072, RSA_4096, ECC_NIST_P256, ECC_NIST_P384, ECC_NIST_P521, ECC_SECG_P256K1, SYMMETRIC_DEFAULT, HMAC_224, HMAC_256, HMAC_384, HMAC_512, SM2, ML_DSA_44, ML_DSA_65, ML_DSA_87, ECC_NIST_EDWARDS25519]",
      });
      expect(await failure(create({ CustomerMasterKeySpec: 'AES_256' as never }))).toEqual({
        name: 'ValidationException',
        message:
          "1 validation error detected: Value 'AES_256' at 'customerMasterKeySpec' failed to satisfy constraint: Member must satisfy enum value set: [RSA_2048, RSA_3072, RSA_4096, ECC_NIST_P256, ECC_NIST_P384, ECC_NIST_P521, ECC_SECG_P256K1, SYMMETRIC_DEFAULT, HMAC_224, HMAC_256, HMAC_384, HMAC_512, SM2]",
      });
    });

    it('refuses what the sandbox does not emulate with UnsupportedOperationException', async () => {
      const cloudHsm = await failure(create({ Origin: 'AWS_CLOUDHSM' }));
      expect(cloudHsm.name).toBe('UnsupportedOperationException');
      expect(cloudHsm.message).toContain('Origin AWS_CLOUDHSM is not supported by the sandbox');
      const edwards = await failure(
        create({ KeySpec: 'ECC_NIST_EDWARDS25519', KeyUsage: 'SIGN_VERIFY' }),
      );
      expect(edwards.name).toBe('UnsupportedOperationException');
      expect(edwards.message).toContain(
        'KeySpec ECC_NIST_EDWARDS25519 is not supported by the sandbox',
      );
    });

    it('attaches a given key policy and refuses one that is not a policy document', async () => {
      const policy = JSON.stringify({ ...DEFAULT_POLICY, Id: 'custom' });
      const metadata = await create({ Policy: policy });
      const stored = await kms.send(new GetKeyPolicyCommand({ KeyId: metadata.KeyId }));
      expect(stored.Policy).toBe(policy);
      expect((await failure(create({ Policy: '{"Statement": ' }))).name).toBe(
        'MalformedPolicyDocumentException',
      );
      expect((await failure(create({ Policy: '{"Version": "2012-10-17"}' }))).name).toBe(
        'MalformedPolicyDocumentException',
      );
    });

    it('tags the key at creation', async () => {
      const metadata = await create({ Tags: [{ TagKey: 'team', TagValue: 'payments' }] });
      const tags = await kms.send(new ListResourceTagsCommand({ KeyId: metadata.KeyId }));
      expect(tags.Tags).toEqual([{ TagKey: 'team', TagValue: 'payments' }]);
      expect((await failure(create({ Tags: [{ TagKey: 'aws:team', TagValue: 'x' }] }))).name).toBe(
        'TagException',
      );
    });
  });

  describe('DescribeKey', () => {
    it.each([
      ['key id', APP_KEY_ID],
      ['key ARN', keyArn(APP_KEY_ID)],
      ['alias name', 'alias/demo-app'],
      ['alias ARN', `arn:aws:kms:us-east-1:${DEMO_ACCOUNT}:alias/demo-app`],
    ])('finds a key by its %s', async (_kind, keyId) => {
      const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
      expect(KeyMetadata).toMatchObject({
        KeyId: APP_KEY_ID,
        Arn: keyArn(APP_KEY_ID),
        Description: 'Demo application data key (symmetric)',
      });
    });

    it("describes another account's key by ARN when its key policy allows", async () => {
      const { KeyMetadata } = await kms.send(
        new DescribeKeyCommand({ KeyId: keyArn(PARTNER_KEY_ID, PARTNER_ACCOUNT) }),
      );
      expect(KeyMetadata).toMatchObject({ KeyId: PARTNER_KEY_ID, AWSAccountId: PARTNER_ACCOUNT });
    });

    it('answers NotFoundException in AWS words', async () => {
      expect(await failure(kms.send(new DescribeKeyCommand({ KeyId: MISSING_KEY })))).toEqual({
        name: 'NotFoundException',
        message: `Key '${keyArn(MISSING_KEY)}' does not exist`,
      });
      expect(await failure(kms.send(new DescribeKeyCommand({ KeyId: 'not-a-key' })))).toEqual({
        name: 'NotFoundException',
        message: "Invalid keyId 'not-a-key'",
      });
      expect(await failure(kms.send(new DescribeKeyCommand({ KeyId: 'alias/nope' })))).toEqual({
        name: 'NotFoundException',
        message: `Alias arn:aws:kms:us-east-1:${DEMO_ACCOUNT}:alias/nope is not found.`,
      });
      // Without an ARN, a key id names a key in the caller's own account.
      expect(await failure(kms.send(new DescribeKeyCommand({ KeyId: PARTNER_KEY_ID })))).toEqual({
        name: 'NotFoundException',
        message: `Key '${keyArn(PARTNER_KEY_ID)}' does not exist`,
      });
      expect(
        await failure(
          kms.send(
            new DescribeKeyCommand({
              KeyId: `arn:aws:kms:eu-west-1:${DEMO_ACCOUNT}:key/${APP_KEY_ID}`,
            }),
          ),
        ),
      ).toEqual({ name: 'NotFoundException', message: 'Invalid arn eu-west-1' });
    });

    it('requires KeyId', async () => {
      expect(await failure(kms.send(new DescribeKeyCommand({ KeyId: '' })))).toEqual({
        name: 'ValidationException',
        message:
          "1 validation error detected: Value '' at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1",
      });
    });
  });

  describe('ListKeys', () => {
    it('pages with Limit, NextMarker and Truncated', async () => {
      const seen: string[] = [];
      let marker: string | undefined;
      let pages = 0;
      do {
        const page = await kms.send(new ListKeysCommand({ Limit: 3, Marker: marker }));
        pages++;
        expect(page.Keys!.length).toBeLessThanOrEqual(3);
        for (const entry of page.Keys!) {
          expect(entry.KeyArn).toBe(keyArn(entry.KeyId!));
          seen.push(entry.KeyId!);
        }
        expect(page.Truncated).toBe(page.NextMarker !== undefined);
        marker = page.NextMarker;
      } while (marker);
      const all = await kms.send(new ListKeysCommand({}));
      expect(all.Truncated).toBe(false);
      expect(seen).toEqual(all.Keys!.map((k) => k.KeyId));
      expect(pages).toBeGreaterThan(2);
      expect(seen).toContain(APP_KEY_ID);
      expect(seen).not.toContain(PARTNER_KEY_ID);
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('refuses a marker it did not issue, and a Limit out of range', async () => {
      expect(await failure(kms.send(new ListKeysCommand({ Marker: 'bm90LWEta2V5' })))).toEqual({
        name: 'InvalidMarkerException',
        message: 'Marker is invalid or has expired.',
      });
      expect((await failure(kms.send(new ListKeysCommand({ Limit: 1001 })))).message).toBe(
        "1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000",
      );
    });
  });

  describe('UpdateKeyDescription, EnableKey, DisableKey', () => {
    it('changes the description', async () => {
      const { KeyId } = await create({ Description: 'before' });
      await kms.send(
        new UpdateKeyDescriptionCommand({ KeyId: keyArn(KeyId!), Description: 'after' }),
      );
      const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId }));
      expect(KeyMetadata?.Description).toBe('after');
      expect(
        (
          await failure(
            kms.send(new UpdateKeyDescriptionCommand({ KeyId, Description: undefined })),
          )
        ).message,
      ).toBe(
        "1 validation error detected: Value null at 'description' failed to satisfy constraint: Member must not be null",
      );
    });

    it('disables and enables a key, which changes what it may do', async () => {
      const { KeyId } = await create();
      await kms.send(new DisableKeyCommand({ KeyId }));
      await kms.send(new DisableKeyCommand({ KeyId }));
      const disabled = await kms.send(new DescribeKeyCommand({ KeyId }));
      expect(disabled.KeyMetadata).toMatchObject({ KeyState: 'Disabled', Enabled: false });
      expect(
        await failure(
          kms.send(new EncryptCommand({ KeyId, Plaintext: new Uint8Array([1, 2, 3]) })),
        ),
      ).toEqual({ name: 'DisabledException', message: `${keyArn(KeyId!)} is disabled.` });

      await kms.send(new EnableKeyCommand({ KeyId }));
      await kms.send(new EnableKeyCommand({ KeyId }));
      const enabled = await kms.send(new DescribeKeyCommand({ KeyId }));
      expect(enabled.KeyMetadata).toMatchObject({ KeyState: 'Enabled', Enabled: true });
      await kms.send(new EncryptCommand({ KeyId, Plaintext: new Uint8Array([1, 2, 3]) }));
    });

    it('enables the seeded disabled key', async () => {
      await kms.send(new EnableKeyCommand({ KeyId: DISABLED_KEY_ID }));
      const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: DISABLED_KEY_ID }));
      expect(KeyMetadata?.KeyState).toBe('Enabled');
      await kms.send(new DisableKeyCommand({ KeyId: DISABLED_KEY_ID }));
    });

    it('takes a key id or key ARN, not an alias, and only keys of the caller', async () => {
      expect(await failure(kms.send(new DisableKeyCommand({ KeyId: 'alias/demo-app' })))).toEqual({
        name: 'NotFoundException',
        message: 'Invalid keyId alias/demo-app',
      });
      expect(
        await failure(
          kms.send(new DisableKeyCommand({ KeyId: keyArn(PARTNER_KEY_ID, PARTNER_ACCOUNT) })),
        ),
      ).toEqual({
        name: 'AccessDeniedException',
        message: `User: arn:aws:iam::111122223333:user/admin is not authorized to perform: kms:DisableKey on resource: ${keyArn(PARTNER_KEY_ID, PARTNER_ACCOUNT)} because no resource-based policy allows the kms:DisableKey action`,
      });
      expect(await failure(kms.send(new EnableKeyCommand({ KeyId: MISSING_KEY })))).toEqual({
        name: 'NotFoundException',
        message: `Key '${keyArn(MISSING_KEY)}' does not exist`,
      });
    });
  });

  describe('key policies', () => {
    it('gets, replaces and lists the default key policy', async () => {
      const { KeyId } = await create();
      const policy = JSON.stringify({ ...DEFAULT_POLICY, Id: 'replaced' }, null, 2);
      await kms.send(new PutKeyPolicyCommand({ KeyId, Policy: policy }));
      const stored = await kms.send(new GetKeyPolicyCommand({ KeyId, PolicyName: 'default' }));
      expect(stored).toMatchObject({ Policy: policy, PolicyName: 'default' });
      await kms.send(
        new PutKeyPolicyCommand({
          KeyId,
          PolicyName: 'default',
          Policy: policy,
          BypassPolicyLockoutSafetyCheck: true,
        }),
      );
      const names = await kms.send(new ListKeyPoliciesCommand({ KeyId }));
      expect(names.PolicyNames).toEqual(['default']);
      expect(names.Truncated).toBe(false);
    });

    it('knows no policy but "default"', async () => {
      expect(
        await failure(
          kms.send(new GetKeyPolicyCommand({ KeyId: APP_KEY_ID, PolicyName: 'other' })),
        ),
      ).toEqual({
        name: 'NotFoundException',
        message: 'No such policy exists',
      });
      expect(
        await failure(
          kms.send(new GetKeyPolicyCommand({ KeyId: APP_KEY_ID, PolicyName: 'no-dashes' })),
        ),
      ).toEqual({
        name: 'ValidationException',
        message:
          "1 validation error detected: Value 'no-dashes' at 'policyName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w]+",
      });
    });

    it('refuses a malformed policy and keeps the old one', async () => {
      const { KeyId } = await create();
      const error = await failure(kms.send(new PutKeyPolicyCommand({ KeyId, Policy: 'not json' })));
      expect(error.name).toBe('MalformedPolicyDocumentException');
      const stored = await kms.send(new GetKeyPolicyCommand({ KeyId }));
      expect(JSON.parse(stored.Policy!)).toEqual(DEFAULT_POLICY);
    });
  });

  describe('tags', () => {
    it('adds, overwrites, lists and removes tags', async () => {
      const { KeyId } = await create();
      await kms.send(
        new TagResourceCommand({
          KeyId,
          Tags: [
            { TagKey: 'team', TagValue: 'payments' },
            { TagKey: 'env', TagValue: '' },
          ],
        }),
      );
      await kms.send(
        new TagResourceCommand({
          KeyId: keyArn(KeyId!),
          Tags: [{ TagKey: 'team', TagValue: 'risk' }],
        }),
      );
      const listed = await kms.send(new ListResourceTagsCommand({ KeyId }));
      expect(listed).toMatchObject({
        Tags: [
          { TagKey: 'env', TagValue: '' },
          { TagKey: 'team', TagValue: 'risk' },
        ],
        Truncated: false,
      });
      await kms.send(new UntagResourceCommand({ KeyId, TagKeys: ['team', 'never-there'] }));
      const after = await kms.send(new ListResourceTagsCommand({ KeyId }));
      expect(after.Tags).toEqual([{ TagKey: 'env', TagValue: '' }]);
    });

    it('pages tags', async () => {
      const { KeyId } = await create();
      const tags = Array.from({ length: 5 }, (_, i) => ({ TagKey: `k${i}`, TagValue: `v${i}` }));
      await kms.send(new TagResourceCommand({ KeyId, Tags: tags }));
      const first = await kms.send(new ListResourceTagsCommand({ KeyId, Limit: 2 }));
      expect(first).toMatchObject({ Tags: tags.slice(0, 2), Truncated: true });
      const second = await kms.send(
        new ListResourceTagsCommand({ KeyId, Limit: 2, Marker: first.NextMarker }),
      );
      expect(second).toMatchObject({ Tags: tags.slice(2, 4), Truncated: true });
      const third = await kms.send(
        new ListResourceTagsCommand({ KeyId, Limit: 2, Marker: second.NextMarker }),
      );
      expect(third.Tags).toEqual(tags.slice(4));
      expect(third.Truncated).toBe(false);
      expect(third.NextMarker).toBeUndefined();
    });

    it('refuses reserved, duplicate, too many and too long tags', async () => {
      const { KeyId } = await create();
      const tag = (tags: { TagKey: string; TagValue: string }[]) =>
        failure(kms.send(new TagResourceCommand({ KeyId, Tags: tags })));
      expect(await tag([{ TagKey: 'AWS:owner', TagValue: 'x' }])).toEqual({
        name: 'TagException',
        message: 'Tags beginning with aws: are reserved',
      });
      expect(
        await tag([
          { TagKey: 'a', TagValue: '1' },
          { TagKey: 'a', TagValue: '2' },
        ]),
      ).toEqual({
        name: 'TagException',
        message: 'Duplicate tag keys',
      });
      const many = Array.from({ length: 51 }, (_, i) => ({ TagKey: `k${i}`, TagValue: '' }));
      expect(await tag(many)).toEqual({ name: 'TagException', message: 'Too many tags' });
      await kms.send(new TagResourceCommand({ KeyId, Tags: many.slice(0, 50) }));
      expect(await tag([{ TagKey: 'one-more', TagValue: '' }])).toEqual({
        name: 'TagException',
        message: 'Too many tags',
      });
      const longKey = 'k'.repeat(129);
      expect(await tag([{ TagKey: longKey, TagValue: 'v' }])).toEqual({
        name: 'ValidationException',
        message: `1 validation error detected: Value '${longKey}' at 'tags.1.member.tagKey' failed to satisfy constraint: Member must have length less than or equal to 128`,
      });
      expect(
        await failure(kms.send(new UntagResourceCommand({ KeyId, TagKeys: ['aws:x'] }))),
      ).toEqual({
        name: 'TagException',
        message: 'Tags beginning with aws: are reserved',
      });
    });
  });
});

describe('key management across accounts', () => {
  const sandbox = suiteSandbox();

  it("lists and creates keys in the caller's own account", async () => {
    const partner = sandbox.kms(PARTNER_ADMIN);
    const created = await partner.send(new CreateKeyCommand({}));
    expect(created.KeyMetadata?.AWSAccountId).toBe(PARTNER_ACCOUNT);
    const keys = await partner.send(new ListKeysCommand({}));
    expect(keys.Keys!.map((k) => k.KeyId).sort()).toEqual(
      [PARTNER_KEY_ID, created.KeyMetadata!.KeyId].sort(),
    );
  });
});
