import {
  CreateGrantCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GetKeyPolicyCommand,
  ListKeysCommand,
  PutKeyPolicyCommand,
  RevokeGrantCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, PARTNER_ACCOUNT, SEED_KEYS } from '../scenario/demo-scenario';
import { DEMO_ADMIN, signInAs, suiteSandbox } from './harness';

const PLAINTEXT = new TextEncoder().encode('quarterly numbers');
const FINANCE = { department: 'finance' };
const keyArnOf = (alias: string) => {
  const seed = SEED_KEYS.find((k) => k.alias === alias)!;
  return `arn:aws:kms:us-east-1:${seed.account}:key/${seed.keyId}`;
};
const PARTNER_KEY_ARN = keyArnOf('alias/partner-shared');
const operatorArn = `arn:aws:sts::${DEMO_ACCOUNT}:assumed-role/KmsOperator/CognitoIdentityCredentials`;

describe('authorization of the demo scenario, signed in through Cognito', () => {
  const sandbox = suiteSandbox();
  const admin = sandbox.kms(DEMO_ADMIN);
  let operator: KMSClient;
  let auditor: KMSClient;
  let guest: KMSClient;

  beforeAll(async () => {
    operator = sandbox.kms(await signInAs(sandbox, 'operator'));
    auditor = sandbox.kms(await signInAs(sandbox, 'auditor'));
    guest = sandbox.kms(await signInAs(sandbox, 'guest'));
  });

  describe('operator', () => {
    it('encrypts under alias/demo-app with department=finance', async () => {
      const result = await operator.send(
        new EncryptCommand({
          KeyId: 'alias/demo-app',
          Plaintext: PLAINTEXT,
          EncryptionContext: FINANCE,
        }),
      );
      expect(result.KeyId).toBe(keyArnOf('alias/demo-app'));
    });

    it('is denied without the context, naming the identity-based policy', async () => {
      await expect(
        operator.send(new EncryptCommand({ KeyId: 'alias/demo-app', Plaintext: PLAINTEXT })),
      ).rejects.toMatchObject({
        name: 'AccessDeniedException',
        message: `User: ${operatorArn} is not authorized to perform: kms:Encrypt on resource: ${keyArnOf('alias/demo-app')} because no identity-based policy allows the kms:Encrypt action`,
      });
    });

    it('is denied with another department', async () => {
      await expect(
        operator.send(
          new EncryptCommand({
            KeyId: 'alias/demo-app',
            Plaintext: PLAINTEXT,
            EncryptionContext: { department: 'marketing' },
          }),
        ),
      ).rejects.toMatchObject({ name: 'AccessDeniedException' });
    });

    it('gets the same answers from dry runs', async () => {
      await expect(
        operator.send(
          new EncryptCommand({
            KeyId: 'alias/demo-app',
            Plaintext: PLAINTEXT,
            EncryptionContext: FINANCE,
            DryRun: true,
          }),
        ),
      ).rejects.toMatchObject({ name: 'DryRunOperationException' });
      await expect(
        operator.send(
          new EncryptCommand({ KeyId: 'alias/demo-app', Plaintext: PLAINTEXT, DryRun: true }),
        ),
      ).rejects.toMatchObject({ name: 'AccessDeniedException' });
    });

    it('cannot DisableKey', async () => {
      await expect(
        operator.send(new DisableKeyCommand({ KeyId: keyArnOf('alias/demo-app') })),
      ).rejects.toMatchObject({
        name: 'AccessDeniedException',
        message: expect.stringContaining('kms:DisableKey') as unknown,
      });
    });

    it('meets an explicit deny when decrypting under alias/demo-restricted', async () => {
      const encrypted = await operator.send(
        new EncryptCommand({
          KeyId: 'alias/demo-restricted',
          Plaintext: PLAINTEXT,
          EncryptionContext: FINANCE,
        }),
      );
      await expect(
        operator.send(
          new DecryptCommand({
            CiphertextBlob: encrypted.CiphertextBlob,
            EncryptionContext: FINANCE,
          }),
        ),
      ).rejects.toMatchObject({
        name: 'AccessDeniedException',
        message: `User: ${operatorArn} is not authorized to perform: kms:Decrypt on resource: ${keyArnOf('alias/demo-restricted')} with an explicit deny in a resource-based policy`,
      });
      // The same ciphertext decrypts for the admin: only the operator is denied.
      const decrypted = await admin.send(
        new DecryptCommand({
          CiphertextBlob: encrypted.CiphertextBlob,
          EncryptionContext: FINANCE,
        }),
      );
      expect(new TextDecoder().decode(decrypted.Plaintext)).toBe('quarterly numbers');
    });
  });

  describe('auditor', () => {
    it('can DescribeKey and GetKeyPolicy', async () => {
      const described = await auditor.send(new DescribeKeyCommand({ KeyId: 'alias/demo-app' }));
      expect(described.KeyMetadata?.KeyId).toBe(SEED_KEYS[0].keyId);
      const policy = await auditor.send(
        new GetKeyPolicyCommand({ KeyId: keyArnOf('alias/demo-app'), PolicyName: 'default' }),
      );
      expect(policy.Policy).toContain('Enable IAM User Permissions');
    });

    it('cannot Encrypt, even with an allowed context', async () => {
      await expect(
        auditor.send(
          new EncryptCommand({
            KeyId: 'alias/demo-app',
            Plaintext: PLAINTEXT,
            EncryptionContext: FINANCE,
          }),
        ),
      ).rejects.toMatchObject({
        name: 'AccessDeniedException',
        message: expect.stringMatching(
          /because no identity-based policy allows the kms:Encrypt action$/,
        ) as unknown,
      });
    });
  });

  describe('guest', () => {
    it('can Encrypt under alias/demo-app', async () => {
      const result = await guest.send(
        new EncryptCommand({ KeyId: 'alias/demo-app', Plaintext: PLAINTEXT }),
      );
      expect(result.CiphertextBlob?.length).toBeGreaterThan(0);
    });

    it('cannot ListKeys', async () => {
      await expect(guest.send(new ListKeysCommand({}))).rejects.toMatchObject({
        name: 'AccessDeniedException',
        message: expect.stringMatching(
          /kms:ListKeys on resource: \* because no (identity-based|session) policy allows/,
        ) as unknown,
      });
    });
  });

  describe('cross-account', () => {
    it('lets the demo admin use the partner key by ARN', async () => {
      const encrypted = await admin.send(
        new EncryptCommand({
          KeyId: PARTNER_KEY_ARN,
          Plaintext: PLAINTEXT,
          EncryptionContext: FINANCE,
        }),
      );
      expect(encrypted.KeyId).toBe(PARTNER_KEY_ARN);
      const decrypted = await admin.send(
        new DecryptCommand({
          CiphertextBlob: encrypted.CiphertextBlob,
          EncryptionContext: FINANCE,
        }),
      );
      expect(decrypted.KeyId).toBe(PARTNER_KEY_ARN);
    });

    it('does not show the partner key in the demo account ListKeys', async () => {
      const listed = await admin.send(new ListKeysCommand({}));
      const arns = listed.Keys!.map((k) => k.KeyArn);
      expect(arns).toContain(keyArnOf('alias/demo-app'));
      expect(arns.some((arn) => arn?.includes(PARTNER_ACCOUNT))).toBe(false);
    });

    it('does not resolve the partner alias by name from the demo account', async () => {
      await expect(
        admin.send(new EncryptCommand({ KeyId: 'alias/partner-shared', Plaintext: PLAINTEXT })),
      ).rejects.toMatchObject({ name: 'NotFoundException' });
    });

    it('refuses partner-key actions the partner policy does not grant', async () => {
      await expect(
        admin.send(new DisableKeyCommand({ KeyId: PARTNER_KEY_ARN })),
      ).rejects.toMatchObject({
        name: 'AccessDeniedException',
        message: expect.stringContaining('because no resource-based policy allows') as unknown,
      });
    });
  });

  describe('grants', () => {
    it('let a grantee decrypt at once with the grant token, and not after RevokeGrant', async () => {
      const encrypted = await admin.send(
        new EncryptCommand({
          KeyId: 'alias/demo-app',
          Plaintext: PLAINTEXT,
          EncryptionContext: { app: 'billing' },
        }),
      );
      const decryptAsOperator = (grantTokens?: string[]) =>
        operator.send(
          new DecryptCommand({
            CiphertextBlob: encrypted.CiphertextBlob,
            EncryptionContext: { app: 'billing' },
            GrantTokens: grantTokens,
          }),
        );
      // Without a grant the operator's IAM policy wants a department in the context.
      await expect(decryptAsOperator()).rejects.toMatchObject({ name: 'AccessDeniedException' });

      const grant = await admin.send(
        new CreateGrantCommand({
          KeyId: keyArnOf('alias/demo-app'),
          GranteePrincipal: 'arn:aws:iam::111122223333:role/KmsOperator',
          Operations: ['Decrypt'],
          Constraints: { EncryptionContextSubset: { app: 'billing' } },
        }),
      );
      const decrypted = await decryptAsOperator([grant.GrantToken!]);
      expect(new TextDecoder().decode(decrypted.Plaintext)).toBe('quarterly numbers');

      await admin.send(
        new RevokeGrantCommand({ KeyId: keyArnOf('alias/demo-app'), GrantId: grant.GrantId! }),
      );
      await expect(decryptAsOperator([grant.GrantToken!])).rejects.toMatchObject({
        name: expect.stringMatching(/AccessDeniedException|InvalidGrantTokenException/) as unknown,
      });
    });
  });

  describe('key policy safety', () => {
    it('refuses a malformed policy with a reason', async () => {
      await expect(
        admin.send(
          new PutKeyPolicyCommand({
            KeyId: keyArnOf('alias/demo-app'),
            PolicyName: 'default',
            Policy: JSON.stringify({
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }],
            }),
          }),
        ),
      ).rejects.toMatchObject({ name: 'MalformedPolicyDocumentException' });
    });

    it('refuses a policy that would lock the caller out, unless told to bypass the check', async () => {
      const lockout = JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::111122223333:role/KmsAuditor' },
            Action: 'kms:Describe*',
            Resource: '*',
          },
        ],
      });
      await expect(
        admin.send(
          new PutKeyPolicyCommand({
            KeyId: keyArnOf('alias/demo-hmac'),
            PolicyName: 'default',
            Policy: lockout,
          }),
        ),
      ).rejects.toMatchObject({ name: 'MalformedPolicyDocumentException' });
      await admin.send(
        new PutKeyPolicyCommand({
          KeyId: keyArnOf('alias/demo-hmac'),
          PolicyName: 'default',
          Policy: lockout,
          BypassPolicyLockoutSafetyCheck: true,
        }),
      );
      await expect(
        admin.send(new DescribeKeyCommand({ KeyId: 'alias/demo-hmac' })),
      ).rejects.toMatchObject({ name: 'AccessDeniedException' });
    });
  });

  it('guest data keys work too (GenerateDataKey is in the guest policy)', async () => {
    const dataKey = await guest.send(
      new GenerateDataKeyCommand({ KeyId: 'alias/demo-app', KeySpec: 'AES_256' }),
    );
    expect(dataKey.Plaintext?.length).toBe(32);
  });
});
