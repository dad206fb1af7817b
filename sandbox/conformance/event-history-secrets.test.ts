import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  constants,
  createPublicKey,
  generateKeyPairSync,
  publicEncrypt,
  randomBytes,
} from 'node:crypto';
import {
  CancelKeyDeletionCommand,
  CreateAliasCommand,
  CreateGrantCommand,
  CreateKeyCommand,
  DecryptCommand,
  DeleteAliasCommand,
  DeleteImportedKeyMaterialCommand,
  DeriveSharedSecretCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  DisableKeyRotationCommand,
  EnableKeyCommand,
  EnableKeyRotationCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyPairCommand,
  GenerateDataKeyPairWithoutPlaintextCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  GenerateMacCommand,
  GenerateRandomCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  GetParametersForImportCommand,
  GetPublicKeyCommand,
  ImportKeyMaterialCommand,
  ListAliasesCommand,
  ListGrantsCommand,
  ListKeyPoliciesCommand,
  ListKeyRotationsCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  ListRetirableGrantsCommand,
  PutKeyPolicyCommand,
  ReEncryptCommand,
  ReplicateKeyCommand,
  RetireGrantCommand,
  RevokeGrantCommand,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
  SignCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAliasCommand,
  UpdateKeyDescriptionCommand,
  UpdatePrimaryRegionCommand,
  VerifyCommand,
  VerifyMacCommand,
} from '@aws-sdk/client-kms';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../kms/operations';
import {
  USER_POOL_CLIENT_ID,
  USER_POOL_USERS,
  DEMO_ACCOUNT as ACCOUNT,
} from '../scenario/demo-scenario';
import { DEMO_ADMIN, signInAs, startTestSandbox, stsClient, type TestSandbox } from './harness';

const ADMIN_ARN = `arn:aws:iam::${ACCOUNT}:user/admin`;
const RSA_KEY = '0987dcba-09fe-87dc-65ba-ab0987654321';
const SIGN_KEY = '5c4b3a21-0f9e-4d8c-b7a6-0123456789ab';
const HMAC_KEY = '6d5c4b3a-1f0e-4e9d-a8b7-123456789abc';

/**
 * Every value a caller must never find in the event history, in each form it could be written
 * in: the text itself, base64 (the wire form of blobs) and hex.
 */
class Secrets {
  readonly values = new Set<string>();

  text(value: string | undefined): void {
    if (value && value.length >= 8) this.values.add(value);
  }

  bytes(value: Uint8Array | undefined): void {
    if (!value || value.length < 6) return;
    const buffer = Buffer.from(value);
    this.values.add(buffer.toString('base64'));
    this.values.add(buffer.toString('hex'));
    this.values.add(buffer.toString('base64url'));
  }
}

describe('no secret value in any stored event, over a run of every operation', () => {
  let sandbox: TestSandbox;
  const secrets = new Secrets();
  const utf8 = (text: string) => {
    secrets.text(text);
    const bytes = new TextEncoder().encode(text);
    secrets.bytes(bytes);
    return bytes;
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    secrets.text(DEMO_ADMIN.secretAccessKey);
    const kms = sandbox.kms();
    const attempt = (promise: Promise<unknown>) => promise.catch(() => undefined);

    // Keys, aliases, policies, tags, rotation, deletion.
    const key = (
      await kms.send(
        new CreateKeyCommand({ Description: 'secrets', Tags: [{ TagKey: 't', TagValue: 'v' }] }),
      )
    ).KeyMetadata!;
    const keyId = key.KeyId!;
    const other = (await kms.send(new CreateKeyCommand({}))).KeyMetadata!.KeyId!;
    await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
    await kms.send(new ListKeysCommand({}));
    await kms.send(new UpdateKeyDescriptionCommand({ KeyId: keyId, Description: 'renamed' }));
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    await kms.send(new EnableKeyCommand({ KeyId: keyId }));
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/secrets', TargetKeyId: keyId }));
    await kms.send(new UpdateAliasCommand({ AliasName: 'alias/secrets', TargetKeyId: other }));
    await kms.send(new ListAliasesCommand({}));
    await kms.send(new DeleteAliasCommand({ AliasName: 'alias/secrets' }));
    await kms.send(new EnableKeyRotationCommand({ KeyId: keyId }));
    await kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId }));
    await kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
    await kms.send(new ListKeyRotationsCommand({ KeyId: keyId }));
    await kms.send(new DisableKeyRotationCommand({ KeyId: keyId }));
    const { Policy } = await kms.send(new GetKeyPolicyCommand({ KeyId: keyId }));
    await kms.send(new PutKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default', Policy }));
    await kms.send(new ListKeyPoliciesCommand({ KeyId: keyId }));
    await kms.send(
      new TagResourceCommand({ KeyId: keyId, Tags: [{ TagKey: 'a', TagValue: 'b' }] }),
    );
    await kms.send(new UntagResourceCommand({ KeyId: keyId, TagKeys: ['a'] }));
    await kms.send(new ListResourceTagsCommand({ KeyId: keyId }));

    // Cryptography: every plaintext, ciphertext, data key, signature and MAC is a secret here.
    const context = { department: 'finance' };
    const encrypted = await kms.send(
      new EncryptCommand({
        KeyId: keyId,
        Plaintext: utf8('payroll 4711 top secret'),
        EncryptionContext: context,
      }),
    );
    secrets.bytes(encrypted.CiphertextBlob);
    const decrypted = await kms.send(
      new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob, EncryptionContext: context }),
    );
    secrets.bytes(decrypted.Plaintext);
    await attempt(
      kms.send(
        new DecryptCommand({
          CiphertextBlob: encrypted.CiphertextBlob,
          EncryptionContext: { department: 'wrong' },
        }),
      ),
    );
    const reEncrypted = await kms.send(
      new ReEncryptCommand({
        CiphertextBlob: encrypted.CiphertextBlob,
        SourceEncryptionContext: context,
        DestinationKeyId: other,
      }),
    );
    secrets.bytes(reEncrypted.CiphertextBlob);
    const dataKey = await kms.send(
      new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: context }),
    );
    secrets.bytes(dataKey.Plaintext);
    secrets.bytes(dataKey.CiphertextBlob);
    const dataKeyOnly = await kms.send(
      new GenerateDataKeyWithoutPlaintextCommand({ KeyId: keyId, NumberOfBytes: 32 }),
    );
    secrets.bytes(dataKeyOnly.CiphertextBlob);
    const pair = await kms.send(
      new GenerateDataKeyPairCommand({ KeyId: keyId, KeyPairSpec: 'ECC_NIST_P256' }),
    );
    secrets.bytes(pair.PrivateKeyPlaintext);
    secrets.bytes(pair.PrivateKeyCiphertextBlob);
    const pairOnly = await kms.send(
      new GenerateDataKeyPairWithoutPlaintextCommand({
        KeyId: keyId,
        KeyPairSpec: 'ECC_NIST_P256',
      }),
    );
    secrets.bytes(pairOnly.PrivateKeyCiphertextBlob);
    secrets.bytes((await kms.send(new GenerateRandomCommand({ NumberOfBytes: 32 }))).Plaintext);
    await kms.send(new GetPublicKeyCommand({ KeyId: RSA_KEY }));
    const rsa = await kms.send(
      new EncryptCommand({
        KeyId: RSA_KEY,
        Plaintext: utf8('rsa wrapped secret'),
        EncryptionAlgorithm: 'RSAES_OAEP_SHA_256',
      }),
    );
    secrets.bytes(rsa.CiphertextBlob);
    const message = utf8('contract to be signed');
    const signed = await kms.send(
      new SignCommand({ KeyId: SIGN_KEY, Message: message, SigningAlgorithm: 'ECDSA_SHA_256' }),
    );
    secrets.bytes(signed.Signature);
    await kms.send(
      new VerifyCommand({
        KeyId: SIGN_KEY,
        Message: message,
        Signature: signed.Signature,
        SigningAlgorithm: 'ECDSA_SHA_256',
      }),
    );
    const macMessage = utf8('message to authenticate');
    const mac = await kms.send(
      new GenerateMacCommand({
        KeyId: HMAC_KEY,
        Message: macMessage,
        MacAlgorithm: 'HMAC_SHA_256',
      }),
    );
    secrets.bytes(mac.Mac);
    await kms.send(
      new VerifyMacCommand({
        KeyId: HMAC_KEY,
        Message: macMessage,
        Mac: mac.Mac,
        MacAlgorithm: 'HMAC_SHA_256',
      }),
    );
    await attempt(
      kms.send(
        new EncryptCommand({ KeyId: keyId, Plaintext: utf8('dry run plaintext'), DryRun: true }),
      ),
    );
    const agreement = await kms.send(
      new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'KEY_AGREEMENT' }),
    );
    const peer = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const shared = await kms.send(
      new DeriveSharedSecretCommand({
        KeyId: agreement.KeyMetadata!.KeyId,
        KeyAgreementAlgorithm: 'ECDH',
        PublicKey: peer.publicKey.export({ type: 'spki', format: 'der' }),
      }),
    );
    secrets.bytes(shared.SharedSecret);

    // Imported key material: the material, its wrapped form and the import token.
    const external = (await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL' }))).KeyMetadata!;
    const importParameters = await kms.send(
      new GetParametersForImportCommand({
        KeyId: external.KeyId,
        WrappingAlgorithm: 'RSAES_OAEP_SHA_256',
        WrappingKeySpec: 'RSA_2048',
      }),
    );
    secrets.bytes(importParameters.ImportToken);
    const material = randomBytes(32);
    secrets.bytes(material);
    const wrappedMaterial = publicEncrypt(
      {
        key: createPublicKey({
          key: Buffer.from(importParameters.PublicKey!),
          type: 'spki',
          format: 'der',
        }),
        padding: constants.RSA_PKCS1_OAEP_PADDING,
        oaepHash: 'sha256',
      },
      material,
    );
    secrets.bytes(wrappedMaterial);
    const imported = await kms.send(
      new ImportKeyMaterialCommand({
        KeyId: external.KeyId,
        ImportToken: importParameters.ImportToken,
        EncryptedKeyMaterial: wrappedMaterial,
        ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
      }),
    );
    await kms.send(
      new DeleteImportedKeyMaterialCommand({
        KeyId: external.KeyId,
        KeyMaterialId: imported.KeyMaterialId,
      }),
    );

    // Multi-Region keys: a replica, and the primary moved to it.
    const multiRegion = (await kms.send(new CreateKeyCommand({ MultiRegion: true }))).KeyMetadata!;
    await kms.send(
      new ReplicateKeyCommand({ KeyId: multiRegion.KeyId, ReplicaRegion: 'eu-west-1' }),
    );
    await kms.send(
      new UpdatePrimaryRegionCommand({ KeyId: multiRegion.KeyId, PrimaryRegion: 'eu-west-1' }),
    );

    // Grants: the grant token is a bearer credential.
    const grant = await kms.send(
      new CreateGrantCommand({
        KeyId: keyId,
        GranteePrincipal: ADMIN_ARN,
        RetiringPrincipal: ADMIN_ARN,
        Operations: ['Encrypt', 'Decrypt'],
      }),
    );
    secrets.text(grant.GrantToken);
    await kms.send(
      new EncryptCommand({
        KeyId: keyId,
        Plaintext: utf8('with a grant token'),
        GrantTokens: [grant.GrantToken!],
      }),
    );
    await kms.send(new ListGrantsCommand({ KeyId: keyId }));
    await kms.send(new ListRetirableGrantsCommand({ RetiringPrincipal: ADMIN_ARN }));
    await kms.send(new RetireGrantCommand({ GrantToken: grant.GrantToken }));
    const second = await kms.send(
      new CreateGrantCommand({
        KeyId: keyId,
        GranteePrincipal: ADMIN_ARN,
        Operations: ['Encrypt'],
      }),
    );
    secrets.text(second.GrantToken);
    await kms.send(new RevokeGrantCommand({ KeyId: keyId, GrantId: second.GrantId }));
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: other, PendingWindowInDays: 7 }));
    await kms.send(new CancelKeyDeletionCommand({ KeyId: other }));

    // Sign-in: passwords, tokens, temporary credentials; a wrong password too.
    const cognito = new CognitoIdentityProviderClient({
      endpoint: sandbox.url,
      region: 'us-east-1',
      maxAttempts: 1,
    });
    for (const user of USER_POOL_USERS) secrets.text(user.password);
    secrets.text('Wrong-Passw0rd-42!');
    await attempt(
      cognito.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: USER_POOL_CLIENT_ID,
          AuthParameters: { USERNAME: 'operator', PASSWORD: 'Wrong-Passw0rd-42!' },
        }),
      ),
    );
    const signedIn = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: USER_POOL_CLIENT_ID,
        AuthParameters: { USERNAME: 'admin', PASSWORD: USER_POOL_USERS[0].password },
      }),
    );
    const tokens = signedIn.AuthenticationResult!;
    for (const token of [tokens.IdToken, tokens.AccessToken, tokens.RefreshToken]) {
      secrets.text(token);
      // A JWT's signature alone would be enough to find it.
      secrets.text(token?.split('.').at(-1));
    }
    await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: USER_POOL_CLIENT_ID,
        AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! },
      }),
    );
    cognito.destroy();
    for (const user of ['operator', 'guest'] as const) {
      const credentials = await signInAs(sandbox, user);
      secrets.text(credentials.secretAccessKey);
      secrets.text(credentials.sessionToken);
      // A denied call carrying a plaintext.
      await attempt(
        sandbox
          .kms(credentials)
          .send(new EncryptCommand({ KeyId: keyId, Plaintext: utf8(`denied secret of ${user}`) })),
      );
      await stsClient(sandbox, credentials).send(new GetCallerIdentityCommand({}));
    }
  }, 120_000);
  afterAll(() => sandbox.close());

  /** Every text the event history holds: records are rebuilt from exactly these. */
  const storedRecords = async (): Promise<string[]> => {
    // A lookup first stores whatever is still queued.
    const { CloudTrailClient, LookupEventsCommand } = await import('@aws-sdk/client-cloudtrail');
    const trail = new CloudTrailClient({
      endpoint: sandbox.url,
      region: 'us-east-1',
      credentials: DEMO_ADMIN,
      maxAttempts: 1,
    });
    await trail.send(new LookupEventsCommand({ MaxResults: 1 }));
    trail.destroy();
    return ['event_chunks', 'event_terms'].flatMap((table) =>
      (sandbox.store.db.prepare(`SELECT * FROM ${table}`).all() as object[]).map((row) =>
        Object.values(row).join('\n'),
      ),
    );
  };

  it('recorded every KMS operation the sandbox serves', async () => {
    await storedRecords();
    const names = sandbox.store.db
      .prepare(
        `SELECT DISTINCT shape.value ->> 3 FROM event_chunks, json_each(events, '$.shapes') AS shape
         WHERE shape.value ->> 2 = 'kms.amazonaws.com'`,
      )
      .pluck()
      .all() as string[];
    expect(names.sort()).toEqual(Object.keys(OPERATIONS).sort());
  });

  it('holds none of the plaintexts, ciphertexts, data keys, passwords, tokens or secret keys', async () => {
    const records = await storedRecords();
    expect(records.length).toBeGreaterThan(50);
    expect(secrets.values.size).toBeGreaterThan(60);
    const leaks = [...secrets.values].filter((secret) =>
      records.some((record) => record.includes(secret)),
    );
    expect(leaks).toEqual([]);
  });
});
