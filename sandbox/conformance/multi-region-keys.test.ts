import { constants, createPublicKey, publicEncrypt, randomBytes } from 'node:crypto';
import {
  CancelKeyDeletionCommand,
  CreateAliasCommand,
  CreateKeyCommand,
  type CreateKeyCommandInput,
  DecryptCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  DisableKeyRotationCommand,
  EnableKeyCommand,
  EnableKeyRotationCommand,
  EncryptCommand,
  GenerateMacCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  GetParametersForImportCommand,
  GetPublicKeyCommand,
  ImportKeyMaterialCommand,
  type KeyMetadata,
  KMSClient,
  ListAliasesCommand,
  ListKeyRotationsCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  ReEncryptCommand,
  ReplicateKeyCommand,
  type ReplicateKeyCommandInput,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
  SignCommand,
  TagResourceCommand,
  UpdatePrimaryRegionCommand,
  VerifyCommand,
  VerifyMacCommand,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_ADMIN,
  failure,
  keyPolicyWith,
  signInAs,
  startTestSandbox,
  type TestSandbox,
} from './harness';
import { DEMO_ACCOUNT as ACCOUNT } from '../scenario/demo-scenario';

const EAST = 'us-east-1';
const WEST = 'eu-west-1';
const SYDNEY = 'ap-southeast-2';
const DAY = 24 * 60 * 60 * 1000;
const arnIn = (region: string, keyId: string) => `arn:aws:kms:${region}:${ACCOUNT}:key/${keyId}`;
const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes!).toString();

let sandbox: TestSandbox;
const kms: Record<string, KMSClient> = {};

beforeAll(async () => {
  sandbox = await startTestSandbox();
  for (const region of [EAST, WEST, SYDNEY, 'ap-south-1']) {
    kms[region] = sandbox.kms(DEMO_ADMIN, region);
  }
});
afterAll(() => sandbox.close());

const createPrimary = async (input: CreateKeyCommandInput = {}, region = EAST) =>
  (await kms[region].send(new CreateKeyCommand({ MultiRegion: true, ...input }))).KeyMetadata!;
const replicate = (
  KeyId: string,
  ReplicaRegion: string,
  input: Partial<ReplicateKeyCommandInput> = {},
  from = EAST,
) => kms[from].send(new ReplicateKeyCommand({ KeyId, ReplicaRegion, ...input }));
const describeIn = async (region: string, KeyId: string): Promise<KeyMetadata> =>
  (await kms[region].send(new DescribeKeyCommand({ KeyId }))).KeyMetadata!;

describe('CreateKey MultiRegion', () => {
  it('makes a primary key with an mrk- id and its MultiRegionConfiguration', async () => {
    const key = await createPrimary({ Description: 'global' });
    expect(key.KeyId).toMatch(/^mrk-[0-9a-f]{32}$/);
    expect(key).toMatchObject({
      Arn: arnIn(EAST, key.KeyId!),
      MultiRegion: true,
      MultiRegionConfiguration: {
        MultiRegionKeyType: 'PRIMARY',
        PrimaryKey: { Arn: arnIn(EAST, key.KeyId!), Region: EAST },
        ReplicaKeys: [],
      },
    });
    expect((await describeIn(EAST, key.KeyId!)).MultiRegionConfiguration).toEqual(
      key.MultiRegionConfiguration,
    );
  });

  it('leaves single-Region keys without a configuration', async () => {
    const key = (await kms[EAST].send(new CreateKeyCommand({}))).KeyMetadata!;
    expect(key.MultiRegion).toBe(false);
    expect(key.MultiRegionConfiguration).toBeUndefined();
  });
});

describe('ReplicateKey', () => {
  it('creates a replica with its own policy, description and tags', async () => {
    const primary = await createPrimary({
      Description: 'primary',
      Tags: [{ TagKey: 'home', TagValue: 'us' }],
    });
    const policy = keyPolicyWith({
      Sid: 'ReplicaOnly',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/KmsOperator` },
      Action: 'kms:DescribeKey',
      Resource: '*',
    });
    const answer = await replicate(primary.KeyId!, WEST, {
      Description: 'Irish replica',
      Policy: policy,
      Tags: [{ TagKey: 'home', TagValue: 'eu' }],
    });
    const replicaArn = arnIn(WEST, primary.KeyId!);
    expect(answer.ReplicaKeyMetadata).toMatchObject({
      KeyId: primary.KeyId,
      Arn: replicaArn,
      Description: 'Irish replica',
      KeyState: 'Enabled',
      KeySpec: 'SYMMETRIC_DEFAULT',
      KeyUsage: 'ENCRYPT_DECRYPT',
      Origin: 'AWS_KMS',
      MultiRegion: true,
      MultiRegionConfiguration: {
        MultiRegionKeyType: 'REPLICA',
        PrimaryKey: { Arn: primary.Arn, Region: EAST },
        ReplicaKeys: [{ Arn: replicaArn, Region: WEST }],
      },
    });
    expect(answer.ReplicaPolicy).toBe(policy);
    expect(answer.ReplicaTags).toEqual([{ TagKey: 'home', TagValue: 'eu' }]);
    const tags = async (region: string) =>
      (await kms[region].send(new ListResourceTagsCommand({ KeyId: primary.KeyId }))).Tags;
    expect(await tags(WEST)).toEqual([{ TagKey: 'home', TagValue: 'eu' }]);
    expect(await tags(EAST)).toEqual([{ TagKey: 'home', TagValue: 'us' }]);
    expect((await describeIn(EAST, primary.KeyId!)).Description).toBe('primary');
    const listed = (await kms[WEST].send(new ListKeysCommand({}))).Keys ?? [];
    expect(listed).toContainEqual({ KeyId: primary.KeyId, KeyArn: replicaArn });
  });

  it('gives a replica the default key policy when none is given', async () => {
    const primary = await createPrimary();
    const answer = await replicate(primary.KeyId!, WEST);
    const primaryPolicy = await kms[EAST].send(
      new GetKeyPolicyCommand({ KeyId: primary.KeyId, PolicyName: 'default' }),
    );
    expect(answer.ReplicaPolicy).toBe(primaryPolicy.Policy);
    expect(answer.ReplicaTags).toEqual([]);
  });

  it('every related key describes the same primary and replicas', async () => {
    const primary = await createPrimary();
    await replicate(primary.KeyId!, WEST);
    await replicate(primary.KeyId!, SYDNEY);
    const expected = {
      PrimaryKey: { Arn: primary.Arn, Region: EAST },
      ReplicaKeys: [
        { Arn: arnIn(WEST, primary.KeyId!), Region: WEST },
        { Arn: arnIn(SYDNEY, primary.KeyId!), Region: SYDNEY },
      ],
    };
    expect((await describeIn(EAST, primary.KeyId!)).MultiRegionConfiguration).toEqual({
      MultiRegionKeyType: 'PRIMARY',
      ...expected,
    });
    for (const region of [WEST, SYDNEY]) {
      expect((await describeIn(region, primary.KeyId!)).MultiRegionConfiguration).toEqual({
        MultiRegionKeyType: 'REPLICA',
        ...expected,
      });
    }
  });

  it('keeps aliases per Region', async () => {
    const primary = await createPrimary();
    await replicate(primary.KeyId!, WEST);
    await kms[EAST].send(
      new CreateAliasCommand({ AliasName: 'alias/mrk-east', TargetKeyId: primary.KeyId }),
    );
    const names = async (region: string) =>
      (
        (await kms[region].send(new ListAliasesCommand({ KeyId: primary.KeyId }))).Aliases ?? []
      ).map((a) => a.AliasName);
    expect(await names(EAST)).toEqual(['alias/mrk-east']);
    expect(await names(WEST)).toEqual([]);
  });

  it('refuses what AWS refuses', async () => {
    const primary = await createPrimary();
    await replicate(primary.KeyId!, WEST);
    const single = (await kms[EAST].send(new CreateKeyCommand({}))).KeyMetadata!;
    expect(await failure(replicate(single.KeyId!, WEST))).toEqual({
      name: 'UnsupportedOperationException',
      message: `${single.Arn} is not a multi-Region primary key.`,
    });
    expect(await failure(replicate(primary.KeyId!, SYDNEY, {}, WEST))).toEqual({
      name: 'UnsupportedOperationException',
      message: `${arnIn(WEST, primary.KeyId!)} is not a multi-Region primary key.`,
    });
    expect((await failure(replicate(primary.KeyId!, WEST))).name).toBe('AlreadyExistsException');
    expect((await failure(replicate(primary.KeyId!, EAST))).name).toBe('ValidationException');
    expect((await failure(replicate(primary.KeyId!, 'cn-north-1'))).name).toBe(
      'UnsupportedOperationException',
    );
    expect(await failure(replicate(primary.KeyId!, 'Ireland'))).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value 'Ireland' at 'replicaRegion' failed to satisfy constraint: Member must satisfy regular expression pattern: ^([a-z]+-){2,3}\\d+$",
    });
    expect((await failure(replicate('alias/anything', SYDNEY))).name).toBe('NotFoundException');
    await kms[EAST].send(new DisableKeyCommand({ KeyId: primary.KeyId }));
    expect(await failure(replicate(primary.KeyId!, SYDNEY))).toEqual({
      name: 'DisabledException',
      message: `${primary.Arn} is disabled.`,
    });
  });
});

describe('related keys share key material', () => {
  it('ciphertext from one Region decrypts with the related key in another', async () => {
    const primary = await createPrimary();
    await replicate(primary.KeyId!, WEST);
    const sealed = await kms[EAST].send(
      new EncryptCommand({
        KeyId: primary.KeyId,
        Plaintext: Buffer.from('crosses the Atlantic'),
        EncryptionContext: { app: 'x' },
      }),
    );
    const opened = await kms[WEST].send(
      new DecryptCommand({
        CiphertextBlob: sealed.CiphertextBlob,
        EncryptionContext: { app: 'x' },
      }),
    );
    expect(text(opened.Plaintext)).toBe('crosses the Atlantic');
    expect(opened.KeyId).toBe(arnIn(WEST, primary.KeyId!));
    // Naming the other Region's key is still refused.
    expect(
      await failure(
        kms[WEST].send(
          new DecryptCommand({
            CiphertextBlob: sealed.CiphertextBlob,
            KeyId: primary.Arn,
            EncryptionContext: { app: 'x' },
          }),
        ),
      ),
    ).toEqual({ name: 'NotFoundException', message: `Invalid arn ${EAST}` });

    const back = await kms[WEST].send(
      new EncryptCommand({ KeyId: primary.KeyId, Plaintext: Buffer.from('and back') }),
    );
    const reEncrypted = await kms[EAST].send(
      new ReEncryptCommand({
        CiphertextBlob: back.CiphertextBlob,
        DestinationKeyId: primary.KeyId,
      }),
    );
    expect(reEncrypted.SourceKeyId).toBe(primary.Arn);
    const again = await kms[WEST].send(
      new DecryptCommand({ CiphertextBlob: reEncrypted.CiphertextBlob }),
    );
    expect(text(again.Plaintext)).toBe('and back');
  });

  it('signatures and MACs verify in every Region', async () => {
    const signing = await createPrimary({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    const hmac = await createPrimary({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
    await replicate(signing.KeyId!, WEST);
    await replicate(hmac.KeyId!, WEST);
    const Message = Buffer.from('signed in Virginia');
    const { Signature } = await kms[EAST].send(
      new SignCommand({ KeyId: signing.KeyId, Message, SigningAlgorithm: 'ECDSA_SHA_256' }),
    );
    const verified = await kms[WEST].send(
      new VerifyCommand({
        KeyId: signing.KeyId,
        Message,
        Signature,
        SigningAlgorithm: 'ECDSA_SHA_256',
      }),
    );
    expect(verified.SignatureValid).toBe(true);
    const publicKey = async (region: string) =>
      Buffer.from(
        (await kms[region].send(new GetPublicKeyCommand({ KeyId: signing.KeyId }))).PublicKey!,
      );
    expect(await publicKey(WEST)).toEqual(await publicKey(EAST));
    const { Mac } = await kms[WEST].send(
      new GenerateMacCommand({ KeyId: hmac.KeyId, Message, MacAlgorithm: 'HMAC_SHA_256' }),
    );
    const macValid = await kms[EAST].send(
      new VerifyMacCommand({ KeyId: hmac.KeyId, Message, Mac, MacAlgorithm: 'HMAC_SHA_256' }),
    );
    expect(macValid.MacValid).toBe(true);
  });

  it('rotation is set on the primary and reaches every replica, old material included', async () => {
    const primary = await createPrimary();
    await replicate(primary.KeyId!, WEST);
    expect(
      await failure(kms[WEST].send(new EnableKeyRotationCommand({ KeyId: primary.KeyId }))),
    ).toEqual({
      name: 'UnsupportedOperationException',
      message: `${arnIn(WEST, primary.KeyId!)} is not a multi-Region primary key.`,
    });
    expect(
      (await failure(kms[WEST].send(new RotateKeyOnDemandCommand({ KeyId: primary.KeyId })))).name,
    ).toBe('UnsupportedOperationException');
    await kms[EAST].send(
      new EnableKeyRotationCommand({ KeyId: primary.KeyId, RotationPeriodInDays: 180 }),
    );
    const status = await kms[WEST].send(new GetKeyRotationStatusCommand({ KeyId: primary.KeyId }));
    expect(status).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 180 });

    const before = await kms[EAST].send(
      new EncryptCommand({ KeyId: primary.KeyId, Plaintext: Buffer.from('before') }),
    );
    await kms[EAST].send(new RotateKeyOnDemandCommand({ KeyId: primary.KeyId }));
    const rotations = async (region: string) =>
      (
        await kms[region].send(new ListKeyRotationsCommand({ KeyId: primary.KeyId }))
      ).Rotations?.map((r) => [r.KeyMaterialId, r.RotationType]);
    expect(await rotations(WEST)).toEqual(await rotations(EAST));
    expect((await rotations(WEST))?.map(([, type]) => type)).toEqual(['ON_DEMAND']);
    const [eastKey, westKey] = [
      await describeIn(EAST, primary.KeyId!),
      await describeIn(WEST, primary.KeyId!),
    ];
    expect(westKey.CurrentKeyMaterialId).toBe(eastKey.CurrentKeyMaterialId);
    const after = await kms[WEST].send(
      new EncryptCommand({ KeyId: primary.KeyId, Plaintext: Buffer.from('after') }),
    );
    // A replica made after the rotation has every version too.
    await replicate(primary.KeyId!, SYDNEY);
    for (const [blob, plaintext] of [
      [before, 'before'],
      [after, 'after'],
    ] as const) {
      const opened = await kms[SYDNEY].send(
        new DecryptCommand({ CiphertextBlob: blob.CiphertextBlob }),
      );
      expect(text(opened.Plaintext)).toBe(plaintext);
    }

    await kms[EAST].send(new DisableKeyRotationCommand({ KeyId: primary.KeyId }));
    const off = await kms[SYDNEY].send(new GetKeyRotationStatusCommand({ KeyId: primary.KeyId }));
    expect(off.KeyRotationEnabled).toBe(false);
  });

  it('the primary’s automatic rotation reaches its replicas', async () => {
    const primary = await createPrimary();
    await replicate(primary.KeyId!, WEST);
    await kms[EAST].send(
      new EnableKeyRotationCommand({ KeyId: primary.KeyId, RotationPeriodInDays: 90 }),
    );
    sandbox.clock.advance(91 * DAY);
    const rotated = await kms[WEST].send(new ListKeyRotationsCommand({ KeyId: primary.KeyId }));
    expect(rotated.Rotations?.map((r) => r.RotationType)).toEqual(['AUTOMATIC']);
    const status = await kms[WEST].send(new GetKeyRotationStatusCommand({ KeyId: primary.KeyId }));
    const eastStatus = await kms[EAST].send(
      new GetKeyRotationStatusCommand({ KeyId: primary.KeyId }),
    );
    expect(status.NextRotationDate).toEqual(eastStatus.NextRotationDate);
  });
});

describe('UpdatePrimaryRegion', () => {
  it('swaps the primary and a replica; every key says so, and only the new primary replicates', async () => {
    const primary = await createPrimary();
    await replicate(primary.KeyId!, WEST);
    await replicate(primary.KeyId!, SYDNEY);
    await kms[EAST].send(
      new UpdatePrimaryRegionCommand({ KeyId: primary.KeyId, PrimaryRegion: WEST }),
    );
    const westArn = arnIn(WEST, primary.KeyId!);
    for (const region of [EAST, WEST, SYDNEY]) {
      const config = (await describeIn(region, primary.KeyId!)).MultiRegionConfiguration!;
      expect(config.MultiRegionKeyType).toBe(region === WEST ? 'PRIMARY' : 'REPLICA');
      expect(config.PrimaryKey).toEqual({ Arn: westArn, Region: WEST });
      expect(config.ReplicaKeys?.map((r) => r.Region).sort()).toEqual([SYDNEY, EAST].sort());
    }
    expect((await failure(replicate(primary.KeyId!, 'ap-south-1'))).message).toBe(
      `${primary.Arn} is not a multi-Region primary key.`,
    );
    const fromWest = await replicate(primary.KeyId!, 'ap-south-1', {}, WEST);
    expect(fromWest.ReplicaKeyMetadata?.MultiRegionConfiguration?.PrimaryKey?.Region).toBe(WEST);
    // Rotation now belongs to the key in eu-west-1.
    await kms[WEST].send(new EnableKeyRotationCommand({ KeyId: primary.KeyId }));
    expect(
      (await kms[EAST].send(new GetKeyRotationStatusCommand({ KeyId: primary.KeyId })))
        .KeyRotationEnabled,
    ).toBe(true);
  });

  it('refuses what AWS refuses', async () => {
    const primary = await createPrimary();
    await replicate(primary.KeyId!, WEST);
    const update = (KeyId: string, PrimaryRegion: string, from = EAST) =>
      kms[from].send(new UpdatePrimaryRegionCommand({ KeyId, PrimaryRegion }));
    expect(await failure(update(primary.KeyId!, SYDNEY))).toEqual({
      name: 'NotFoundException',
      message: `Key '${arnIn(SYDNEY, primary.KeyId!)}' does not exist`,
    });
    expect(await failure(update(primary.KeyId!, EAST, WEST))).toEqual({
      name: 'UnsupportedOperationException',
      message: `${arnIn(WEST, primary.KeyId!)} is not a multi-Region primary key.`,
    });
    expect((await failure(update(primary.KeyId!, EAST))).name).toBe('ValidationException');
    const single = (await kms[EAST].send(new CreateKeyCommand({}))).KeyMetadata!;
    expect((await failure(update(single.KeyId!, WEST))).message).toBe(
      `${single.Arn} is not a multi-Region primary key.`,
    );
  });
});

describe('deleting multi-Region keys', () => {
  it('a primary with replicas waits in PendingReplicaDeletion until its last replica is deleted', async () => {
    const primary = await createPrimary();
    await replicate(primary.KeyId!, WEST);
    const scheduled = await kms[EAST].send(
      new ScheduleKeyDeletionCommand({ KeyId: primary.KeyId, PendingWindowInDays: 7 }),
    );
    expect(scheduled).toMatchObject({
      KeyId: primary.Arn,
      KeyState: 'PendingReplicaDeletion',
      PendingWindowInDays: 7,
    });
    expect(scheduled.DeletionDate).toBeUndefined();
    const waiting = await describeIn(EAST, primary.KeyId!);
    expect(waiting).toMatchObject({
      KeyState: 'PendingReplicaDeletion',
      PendingDeletionWindowInDays: 7,
      Enabled: false,
    });
    expect(waiting.DeletionDate).toBeUndefined();
    expect(
      await failure(
        kms[EAST].send(new EncryptCommand({ KeyId: primary.KeyId, Plaintext: Buffer.from('x') })),
      ),
    ).toEqual({
      name: 'KMSInvalidStateException',
      message: `${primary.Arn} is pending replica deletion.`,
    });
    expect((await failure(replicate(primary.KeyId!, SYDNEY))).name).toBe(
      'KMSInvalidStateException',
    );
    // The replica still works meanwhile.
    await kms[WEST].send(new EncryptCommand({ KeyId: primary.KeyId, Plaintext: Buffer.from('x') }));

    await kms[EAST].send(new CancelKeyDeletionCommand({ KeyId: primary.KeyId }));
    expect((await describeIn(EAST, primary.KeyId!)).KeyState).toBe('Disabled');
    await kms[EAST].send(new EnableKeyCommand({ KeyId: primary.KeyId }));
    await kms[EAST].send(
      new ScheduleKeyDeletionCommand({ KeyId: primary.KeyId, PendingWindowInDays: 7 }),
    );

    const replicaGone = await kms[WEST].send(
      new ScheduleKeyDeletionCommand({ KeyId: primary.KeyId, PendingWindowInDays: 7 }),
    );
    expect(replicaGone.KeyState).toBe('PendingDeletion');
    sandbox.clock.advance(7 * DAY + 1000);
    expect((await failure(describeIn(WEST, primary.KeyId!))).name).toBe('NotFoundException');
    const nowPending = await describeIn(EAST, primary.KeyId!);
    expect(nowPending.KeyState).toBe('PendingDeletion');
    expect(nowPending.MultiRegionConfiguration?.ReplicaKeys).toEqual([]);
    const days = (nowPending.DeletionDate!.getTime() - (Date.now() + sandbox.clock.offsetMs)) / DAY;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    sandbox.clock.advance(7 * DAY + 1000);
    expect((await failure(describeIn(EAST, primary.KeyId!))).name).toBe('NotFoundException');
  });

  it('a deleted replica can be made again, with the material it had', async () => {
    const primary = await createPrimary();
    await replicate(primary.KeyId!, WEST);
    const sealed = await kms[EAST].send(
      new EncryptCommand({ KeyId: primary.KeyId, Plaintext: Buffer.from('kept') }),
    );
    await kms[WEST].send(
      new ScheduleKeyDeletionCommand({ KeyId: primary.KeyId, PendingWindowInDays: 7 }),
    );
    expect((await describeIn(EAST, primary.KeyId!)).KeyState).toBe('Enabled');
    sandbox.clock.advance(7 * DAY + 1000);
    expect((await describeIn(EAST, primary.KeyId!)).MultiRegionConfiguration?.ReplicaKeys).toEqual(
      [],
    );
    await replicate(primary.KeyId!, WEST);
    const opened = await kms[WEST].send(
      new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob }),
    );
    expect(text(opened.Plaintext)).toBe('kept');
  });
});

describe('authorization', () => {
  it('kms:ReplicaRegion in the primary’s key policy limits where it may be replicated', async () => {
    const primary = await createPrimary({
      Policy: keyPolicyWith({
        Sid: 'OnlySydney',
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 'kms:ReplicateKey',
        Resource: '*',
        Condition: { StringNotEquals: { 'kms:ReplicaRegion': SYDNEY } },
      }),
    });
    expect(await failure(replicate(primary.KeyId!, WEST))).toEqual({
      name: 'AccessDeniedException',
      message: `User: arn:aws:iam::${ACCOUNT}:user/admin is not authorized to perform: kms:ReplicateKey on resource: ${primary.Arn} with an explicit deny in a resource-based policy`,
    });
    await expect(replicate(primary.KeyId!, SYDNEY)).resolves.toMatchObject({});
  });

  it('ReplicateKey also needs kms:CreateKey from an IAM policy in the replica Region', async () => {
    const primary = await createPrimary({
      Policy: keyPolicyWith({
        Sid: 'OperatorReplicates',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/KmsOperator` },
        Action: 'kms:ReplicateKey',
        Resource: '*',
      }),
    });
    const operator = sandbox.kms(await signInAs(sandbox, 'operator'), EAST);
    expect(
      await failure(
        operator.send(new ReplicateKeyCommand({ KeyId: primary.Arn, ReplicaRegion: WEST })),
      ),
    ).toEqual({
      name: 'AccessDeniedException',
      message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/KmsOperator/CognitoIdentityCredentials is not authorized to perform: kms:CreateKey on resource: * because no identity-based policy allows the kms:CreateKey action`,
    });
    expect(await failure(describeIn(WEST, primary.KeyId!))).toMatchObject({
      name: 'NotFoundException',
    });
  });

  it('kms:MultiRegionKeyType tells a replica from its primary', async () => {
    const denyReplicaUse = keyPolicyWith({
      Sid: 'NoReplicaEncrypt',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 'kms:Encrypt',
      Resource: '*',
      Condition: { StringEquals: { 'kms:MultiRegionKeyType': 'REPLICA' } },
    });
    const primary = await createPrimary({ Policy: denyReplicaUse });
    await replicate(primary.KeyId!, WEST, { Policy: denyReplicaUse });
    const encrypt = (region: string) =>
      kms[region].send(new EncryptCommand({ KeyId: primary.KeyId, Plaintext: Buffer.from('x') }));
    await expect(encrypt(EAST)).resolves.toMatchObject({ KeyId: primary.Arn });
    expect((await failure(encrypt(WEST))).message).toMatch(
      /explicit deny in a resource-based policy$/,
    );
  });

  it('UpdatePrimaryRegion needs kms:UpdatePrimaryRegion on both keys; kms:PrimaryRegion names the new Region', async () => {
    const primary = await createPrimary({
      Policy: keyPolicyWith({
        Sid: 'PrimaryStaysInTheUsOrSydney',
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 'kms:UpdatePrimaryRegion',
        Resource: '*',
        Condition: { StringNotEquals: { 'kms:PrimaryRegion': SYDNEY } },
      }),
    });
    await replicate(primary.KeyId!, WEST);
    await replicate(primary.KeyId!, SYDNEY, {
      Policy: keyPolicyWith({
        Sid: 'ThisReplicaStaysAReplica',
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 'kms:UpdatePrimaryRegion',
        Resource: '*',
      }),
    });
    const update = (PrimaryRegion: string) =>
      kms[EAST].send(new UpdatePrimaryRegionCommand({ KeyId: primary.KeyId, PrimaryRegion }));
    expect((await failure(update(WEST))).message).toContain(
      `on resource: ${primary.Arn} with an explicit deny`,
    );
    expect((await failure(update(SYDNEY))).message).toContain(
      `on resource: ${arnIn(SYDNEY, primary.KeyId!)} with an explicit deny`,
    );
    expect(
      (await describeIn(EAST, primary.KeyId!)).MultiRegionConfiguration?.MultiRegionKeyType,
    ).toBe('PRIMARY');
  });
});

describe('multi-Region keys with imported key material', () => {
  const importInto = async (region: string, KeyId: string, material: Buffer) => {
    const { PublicKey, ImportToken } = await kms[region].send(
      new GetParametersForImportCommand({
        KeyId,
        WrappingAlgorithm: 'RSAES_OAEP_SHA_256',
        WrappingKeySpec: 'RSA_2048',
      }),
    );
    // RSAES_OAEP_SHA_256 as the developer guide's openssl step wraps it.
    const publicKey = createPublicKey({
      key: Buffer.from(PublicKey!),
      format: 'der',
      type: 'spki',
    });
    const wrapped = publicEncrypt(
      { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      material,
    );
    return kms[region].send(
      new ImportKeyMaterialCommand({
        KeyId,
        ImportToken,
        EncryptedKeyMaterial: wrapped,
        ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
      }),
    );
  };

  it('a replica starts without material and takes only the primary’s', async () => {
    const material = randomBytes(32);
    const primary = await createPrimary({ Origin: 'EXTERNAL' });
    expect(primary.KeyState).toBe('PendingImport');
    await importInto(EAST, primary.KeyId!, material);
    const answer = await replicate(primary.KeyId!, WEST);
    expect(answer.ReplicaKeyMetadata?.KeyState).toBe('PendingImport');
    expect((await failure(importInto(WEST, primary.KeyId!, randomBytes(32)))).name).toBe(
      'IncorrectKeyMaterialException',
    );
    await importInto(WEST, primary.KeyId!, material);
    expect((await describeIn(WEST, primary.KeyId!)).KeyState).toBe('Enabled');
    const sealed = await kms[EAST].send(
      new EncryptCommand({ KeyId: primary.KeyId, Plaintext: Buffer.from('imported') }),
    );
    const opened = await kms[WEST].send(
      new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob }),
    );
    expect(text(opened.Plaintext)).toBe('imported');
    expect(
      (await failure(kms[EAST].send(new RotateKeyOnDemandCommand({ KeyId: primary.KeyId })))).name,
    ).toBe('UnsupportedOperationException');
  });
});

describe('tags stay per Region', () => {
  it('tagging a replica leaves its primary alone', async () => {
    const primary = await createPrimary();
    await replicate(primary.KeyId!, WEST);
    await kms[WEST].send(
      new TagResourceCommand({
        KeyId: primary.KeyId,
        Tags: [{ TagKey: 'only', TagValue: 'west' }],
      }),
    );
    expect(
      (await kms[EAST].send(new ListResourceTagsCommand({ KeyId: primary.KeyId }))).Tags,
    ).toEqual([]);
  });
});
