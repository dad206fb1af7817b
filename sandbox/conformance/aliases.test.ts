import {
  type AliasListEntry,
  CreateAliasCommand,
  CreateKeyCommand,
  type CreateKeyCommandInput,
  DeleteAliasCommand,
  DescribeKeyCommand,
  EncryptCommand,
  ListAliasesCommand,
  ScheduleKeyDeletionCommand,
  UpdateAliasCommand,
} from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { buildKey } from '../kms/key-factory';
import { defaultKeyPolicy } from '../kms/key-policy';
import { failure, keyArn, PARTNER_ADMIN, suiteSandbox } from './harness';
import {
  APP_KEY_ID,
  DEMO_ACCOUNT,
  HMAC_KEY_ID,
  PARTNER_ACCOUNT,
  PARTNER_KEY_ID,
  RSA_KEY_ID,
} from '../scenario/demo-scenario';

const aliasArn = (name: string, account = DEMO_ACCOUNT) =>
  `arn:aws:kms:us-east-1:${account}:${name}`;
const MISSING_KEY = '00000000-1111-4222-8333-444444444444';
const SECOND = 1000;
const DAY = 24 * 60 * 60 * SECOND;

describe('aliases', () => {
  const sandbox = suiteSandbox();
  const kms = sandbox.kms();

  const newKey = async (input: CreateKeyCommandInput = {}) =>
    (await kms.send(new CreateKeyCommand(input))).KeyMetadata!.KeyId!;

  async function listAll(keyId?: string): Promise<AliasListEntry[]> {
    const entries: AliasListEntry[] = [];
    let marker: string | undefined;
    do {
      const page = await kms.send(new ListAliasesCommand({ KeyId: keyId, Marker: marker }));
      entries.push(...page.Aliases!);
      marker = page.NextMarker;
    } while (marker);
    return entries;
  }

  describe('AWS managed aliases', () => {
    const PREDEFINED = [
      'alias/aws/acm',
      'alias/aws/dynamodb',
      'alias/aws/ebs',
      'alias/aws/elasticfilesystem',
      'alias/aws/es',
      'alias/aws/glue',
      'alias/aws/kinesisvideo',
      'alias/aws/lambda',
      'alias/aws/rds',
      'alias/aws/redshift',
      'alias/aws/s3',
      'alias/aws/secretsmanager',
      'alias/aws/ssm',
      'alias/aws/xray',
    ];

    it('lists the predefined alias/aws/* names of every account, without a key until one exists', async () => {
      const partner = sandbox.kms(PARTNER_ADMIN);
      const { Aliases, Truncated } = await partner.send(new ListAliasesCommand({}));
      expect(Truncated).toBe(false);
      expect(Aliases!.map((a) => a.AliasName)).toEqual([...PREDEFINED, 'alias/partner-shared']);
      expect(Aliases![10]).toEqual({
        AliasName: 'alias/aws/s3',
        AliasArn: aliasArn('alias/aws/s3', PARTNER_ACCOUNT),
      });
      // They belong to no customer key, so a key's own aliases never include them.
      const { Aliases: keyAliases } = await partner.send(
        new ListAliasesCommand({ KeyId: PARTNER_KEY_ID }),
      );
      expect(keyAliases!.map((a) => a.AliasName)).toEqual(['alias/partner-shared']);
      // Paging runs through them like any other alias.
      const first = await partner.send(new ListAliasesCommand({ Limit: 10 }));
      expect(first.Aliases!.map((a) => a.AliasName)).toEqual(PREDEFINED.slice(0, 10));
      const rest = await partner.send(
        new ListAliasesCommand({ Limit: 10, Marker: first.NextMarker }),
      );
      expect(rest.Aliases!.map((a) => a.AliasName)).toEqual([
        ...PREDEFINED.slice(10),
        'alias/partner-shared',
      ]);
      expect(rest.Truncated).toBe(false);
    });

    it('names the AWS managed key once it exists, with its dates', async () => {
      // No API call creates an AWS managed key (AWS services do), so the test stores one.
      const now = sandbox.clock.now();
      const { key, material } = buildKey({
        account: DEMO_ACCOUNT,
        region: 'us-east-1',
        keySpec: 'SYMMETRIC_DEFAULT',
        keyUsage: 'ENCRYPT_DECRYPT',
        description: 'Default key that protects my EBS volumes when no other key is defined',
        policy: defaultKeyPolicy(DEMO_ACCOUNT),
        now,
        keyManager: 'AWS',
      });
      sandbox.store.transaction(() => {
        sandbox.store.keys.insert(key, material);
        sandbox.store.aliases.put({
          account: DEMO_ACCOUNT,
          region: 'us-east-1',
          aliasName: 'alias/aws/ebs',
          targetKeyId: key.keyId,
          creationDate: now,
          lastUpdatedDate: now,
        });
      });
      const all = await listAll();
      const ebs = all.filter((a) => a.AliasName === 'alias/aws/ebs');
      expect(ebs).toEqual([
        {
          AliasName: 'alias/aws/ebs',
          AliasArn: aliasArn('alias/aws/ebs'),
          TargetKeyId: key.keyId,
          CreationDate: now,
          LastUpdatedDate: now,
        },
      ]);
      expect(all.find((a) => a.AliasName === 'alias/aws/s3')).not.toHaveProperty('TargetKeyId');
      const { Aliases } = await kms.send(new ListAliasesCommand({ KeyId: key.keyId }));
      expect(Aliases!.map((a) => a.AliasName)).toEqual(['alias/aws/ebs']);
    });

    it('accepts a marker that names a predefined alias', async () => {
      const first = await kms.send(new ListAliasesCommand({ Limit: 1 }));
      expect(first.Aliases![0].AliasName).toBe('alias/aws/acm');
      const second = await kms.send(new ListAliasesCommand({ Limit: 1, Marker: first.NextMarker }));
      expect(second.Aliases![0].AliasName).toBe('alias/aws/dynamodb');
    });
  });

  describe('CreateAlias and ListAliases', () => {
    it('creates an alias that names the key everywhere a KeyId is taken', async () => {
      const keyId = await newKey();
      await kms.send(new CreateAliasCommand({ AliasName: 'alias/orders', TargetKeyId: keyId }));
      const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: 'alias/orders' }));
      expect(KeyMetadata?.KeyId).toBe(keyId);
      const encrypted = await kms.send(
        new EncryptCommand({ KeyId: aliasArn('alias/orders'), Plaintext: new Uint8Array([1]) }),
      );
      expect(encrypted.KeyId).toBe(keyArn(keyId));

      const { Aliases, Truncated } = await kms.send(new ListAliasesCommand({ KeyId: keyId }));
      expect(Truncated).toBe(false);
      expect(Aliases).toHaveLength(1);
      const [entry] = Aliases!;
      expect(Object.keys(entry).sort()).toEqual(
        ['AliasArn', 'AliasName', 'CreationDate', 'LastUpdatedDate', 'TargetKeyId'].sort(),
      );
      expect(entry).toMatchObject({
        AliasName: 'alias/orders',
        AliasArn: aliasArn('alias/orders'),
        TargetKeyId: keyId,
      });
      expect(entry.CreationDate!.getTime()).toBe(entry.LastUpdatedDate!.getTime());
    });

    it('accepts the target as key ARN', async () => {
      const keyId = await newKey();
      await kms.send(
        new CreateAliasCommand({ AliasName: 'alias/by-arn', TargetKeyId: keyArn(keyId) }),
      );
      const { Aliases } = await kms.send(new ListAliasesCommand({ KeyId: keyArn(keyId) }));
      expect(Aliases!.map((a) => a.AliasName)).toEqual(['alias/by-arn']);
    });

    it('lists every alias of the account by name, the seeded ones included', async () => {
      const names = (await listAll()).map((a) => a.AliasName!);
      expect(names).toEqual([...names].sort());
      expect(names).toEqual(
        expect.arrayContaining([
          'alias/demo-app',
          'alias/demo-rsa',
          'alias/demo-sign',
          'alias/demo-hmac',
          'alias/demo-disabled',
          'alias/demo-restricted',
        ]),
      );
      expect(names).not.toContain('alias/partner-shared');
    });

    it('pages with Limit, NextMarker and Truncated', async () => {
      const keyId = await newKey();
      for (const suffix of ['a', 'b', 'c', 'd', 'e']) {
        await kms.send(
          new CreateAliasCommand({ AliasName: `alias/page-${suffix}`, TargetKeyId: keyId }),
        );
      }
      const first = await kms.send(new ListAliasesCommand({ KeyId: keyId, Limit: 2 }));
      expect(first.Aliases!.map((a) => a.AliasName)).toEqual(['alias/page-a', 'alias/page-b']);
      expect(first.Truncated).toBe(true);
      const second = await kms.send(
        new ListAliasesCommand({ KeyId: keyId, Limit: 2, Marker: first.NextMarker }),
      );
      expect(second.Aliases!.map((a) => a.AliasName)).toEqual(['alias/page-c', 'alias/page-d']);
      const third = await kms.send(
        new ListAliasesCommand({ KeyId: keyId, Limit: 2, Marker: second.NextMarker }),
      );
      expect(third.Aliases!.map((a) => a.AliasName)).toEqual(['alias/page-e']);
      expect(third.Truncated).toBe(false);
      expect(third.NextMarker).toBeUndefined();

      const all = await listAll();
      const paged: string[] = [];
      let marker: string | undefined;
      do {
        const page = await kms.send(new ListAliasesCommand({ Limit: 3, Marker: marker }));
        paged.push(...page.Aliases!.map((a) => a.AliasName!));
        marker = page.NextMarker;
      } while (marker);
      expect(paged).toEqual(all.map((a) => a.AliasName));
    });

    it('refuses a marker it did not issue', async () => {
      expect(await failure(kms.send(new ListAliasesCommand({ Marker: 'YWxpYXMvbm9wZQ' })))).toEqual(
        { name: 'InvalidMarkerException', message: 'Marker is invalid or has expired.' },
      );
    });

    it('filters by a key of the caller only, named by key id or key ARN', async () => {
      expect(await failure(kms.send(new ListAliasesCommand({ KeyId: MISSING_KEY })))).toEqual({
        name: 'NotFoundException',
        message: `Key '${keyArn(MISSING_KEY)}' does not exist`,
      });
      expect(
        await failure(
          kms.send(new ListAliasesCommand({ KeyId: keyArn(PARTNER_KEY_ID, PARTNER_ACCOUNT) })),
        ),
      ).toEqual({
        name: 'NotFoundException',
        message: `Key '${keyArn(PARTNER_KEY_ID, PARTNER_ACCOUNT)}' does not exist`,
      });
    });

    it("keeps each account's aliases apart", async () => {
      const partner = sandbox.kms(PARTNER_ADMIN);
      const { Aliases } = await partner.send(new ListAliasesCommand({}));
      const own = Aliases!.filter((a) => !a.AliasName!.startsWith('alias/aws/'));
      expect(own.map((a) => a.AliasName)).toEqual(['alias/partner-shared']);
      expect(own[0]).toMatchObject({
        AliasArn: aliasArn('alias/partner-shared', PARTNER_ACCOUNT),
        TargetKeyId: PARTNER_KEY_ID,
      });
    });

    it('refuses a name that already exists', async () => {
      expect(
        await failure(
          kms.send(
            new CreateAliasCommand({ AliasName: 'alias/demo-app', TargetKeyId: RSA_KEY_ID }),
          ),
        ),
      ).toEqual({
        name: 'AlreadyExistsException',
        message: `An alias with the name ${aliasArn('alias/demo-app')} already exists`,
      });
    });

    it('validates the alias name in AWS words', async () => {
      const create = (AliasName: string, TargetKeyId = APP_KEY_ID) =>
        failure(kms.send(new CreateAliasCommand({ AliasName, TargetKeyId })));
      expect(await create('orders')).toEqual({
        name: 'ValidationException',
        message:
          'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
      });
      expect(await create('alias/has space')).toEqual({
        name: 'ValidationException',
        message:
          "1 validation error detected: Value 'alias/has space' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$",
      });
      const long = `alias/${'a'.repeat(251)}`;
      expect((await create(long)).message).toBe(
        `1 validation error detected: Value '${long}' at 'aliasName' failed to satisfy constraint: Member must have length less than or equal to 256`,
      );
      expect((await create('alias/aws/s3')).name).toBe('NotAuthorizedException');
      expect(await create('alias/points-at-alias', 'alias/demo-app')).toEqual({
        name: 'ValidationException',
        message: 'Aliases must refer to keys. Not aliases',
      });
      expect(await create('alias/no-key', MISSING_KEY)).toEqual({
        name: 'NotFoundException',
        message: `Key '${keyArn(MISSING_KEY)}' does not exist`,
      });
      expect(await create('alias/other-account', keyArn(PARTNER_KEY_ID, PARTNER_ACCOUNT))).toEqual({
        name: 'AccessDeniedException',
        message: `User: arn:aws:iam::111122223333:user/admin is not authorized to perform: kms:CreateAlias on resource: ${keyArn(PARTNER_KEY_ID, PARTNER_ACCOUNT)} because no resource-based policy allows the kms:CreateAlias action`,
      });
    });

    it('refuses a key pending deletion', async () => {
      const keyId = await newKey();
      await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId }));
      expect(
        await failure(
          kms.send(new CreateAliasCommand({ AliasName: 'alias/doomed', TargetKeyId: keyId })),
        ),
      ).toEqual({
        name: 'KMSInvalidStateException',
        message: `${keyArn(keyId)} is pending deletion.`,
      });
    });
  });

  describe('UpdateAlias', () => {
    it('points the alias at another key of the same type and usage', async () => {
      const first = await newKey();
      const second = await newKey();
      await kms.send(new CreateAliasCommand({ AliasName: 'alias/moving', TargetKeyId: first }));
      const [created] = (await kms.send(new ListAliasesCommand({ KeyId: first }))).Aliases!;
      sandbox.clock.advance(5 * SECOND);
      await kms.send(new UpdateAliasCommand({ AliasName: 'alias/moving', TargetKeyId: second }));
      const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: 'alias/moving' }));
      expect(KeyMetadata?.KeyId).toBe(second);
      const [updated] = (await kms.send(new ListAliasesCommand({ KeyId: second }))).Aliases!;
      expect(updated.CreationDate).toEqual(created.CreationDate);
      expect(updated.LastUpdatedDate!.getTime()).toBeGreaterThan(
        created.LastUpdatedDate!.getTime(),
      );
      expect((await kms.send(new ListAliasesCommand({ KeyId: first }))).Aliases).toEqual([]);
    });

    it('refuses a key of another type or usage', async () => {
      const symmetric = await newKey();
      await kms.send(new CreateAliasCommand({ AliasName: 'alias/typed', TargetKeyId: symmetric }));
      for (const other of [RSA_KEY_ID, HMAC_KEY_ID]) {
        const error = await failure(
          kms.send(new UpdateAliasCommand({ AliasName: 'alias/typed', TargetKeyId: other })),
        );
        expect(error.name).toBe('ValidationException');
        expect(error.message).toContain('must be the same type');
      }
      // Two asymmetric keys of different families are the same type; the usage must still match.
      const rsaSigning = await newKey({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' });
      const eccSigning = await newKey({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
      await kms.send(
        new CreateAliasCommand({ AliasName: 'alias/signer', TargetKeyId: rsaSigning }),
      );
      await kms.send(
        new UpdateAliasCommand({ AliasName: 'alias/signer', TargetKeyId: eccSigning }),
      );
      expect(
        (
          await failure(
            kms.send(
              new UpdateAliasCommand({ AliasName: 'alias/signer', TargetKeyId: RSA_KEY_ID }),
            ),
          )
        ).name,
      ).toBe('ValidationException');
    });

    it('refuses an alias that does not exist, and a target pending deletion', async () => {
      expect(
        await failure(
          kms.send(new UpdateAliasCommand({ AliasName: 'alias/ghost', TargetKeyId: APP_KEY_ID })),
        ),
      ).toEqual({
        name: 'NotFoundException',
        message: `Alias ${aliasArn('alias/ghost')} is not found.`,
      });
      const doomed = await newKey();
      await kms.send(new ScheduleKeyDeletionCommand({ KeyId: doomed }));
      const live = await newKey();
      await kms.send(new CreateAliasCommand({ AliasName: 'alias/live', TargetKeyId: live }));
      expect(
        await failure(
          kms.send(new UpdateAliasCommand({ AliasName: 'alias/live', TargetKeyId: doomed })),
        ),
      ).toEqual({
        name: 'KMSInvalidStateException',
        message: `${keyArn(doomed)} is pending deletion.`,
      });
    });
  });

  describe('DeleteAlias', () => {
    it('deletes the alias, not the key', async () => {
      const keyId = await newKey();
      await kms.send(
        new CreateAliasCommand({ AliasName: 'alias/short-lived', TargetKeyId: keyId }),
      );
      await kms.send(new DeleteAliasCommand({ AliasName: 'alias/short-lived' }));
      expect(
        await failure(kms.send(new DescribeKeyCommand({ KeyId: 'alias/short-lived' }))),
      ).toEqual({
        name: 'NotFoundException',
        message: `Alias ${aliasArn('alias/short-lived')} is not found.`,
      });
      const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
      expect(KeyMetadata?.KeyState).toBe('Enabled');
      expect(
        await failure(kms.send(new DeleteAliasCommand({ AliasName: 'alias/short-lived' }))),
      ).toEqual({
        name: 'NotFoundException',
        message: `Alias ${aliasArn('alias/short-lived')} is not found.`,
      });
    });

    it('deletes the alias of a key pending deletion, and the name can be reused', async () => {
      const keyId = await newKey();
      await kms.send(new CreateAliasCommand({ AliasName: 'alias/reused', TargetKeyId: keyId }));
      await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId }));
      await kms.send(new DeleteAliasCommand({ AliasName: 'alias/reused' }));
      const replacement = await newKey();
      await kms.send(
        new CreateAliasCommand({ AliasName: 'alias/reused', TargetKeyId: replacement }),
      );
      const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: 'alias/reused' }));
      expect(KeyMetadata?.KeyId).toBe(replacement);
    });

    it('validates the name like CreateAlias', async () => {
      expect(
        (await failure(kms.send(new DeleteAliasCommand({ AliasName: 'demo-app' })))).name,
      ).toBe('ValidationException');
    });
  });

  it('disappears with its key when the key is deleted', async () => {
    const keyId = await newKey();
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/with-key', TargetKeyId: keyId }));
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    sandbox.clock.advance(7 * DAY + SECOND);
    expect((await listAll()).map((a) => a.AliasName)).not.toContain('alias/with-key');
    expect(
      (await failure(kms.send(new DescribeKeyCommand({ KeyId: 'alias/with-key' })))).name,
    ).toBe('NotFoundException');
  });
});
