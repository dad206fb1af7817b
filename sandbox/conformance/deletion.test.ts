import {
  CancelKeyDeletionCommand,
  CreateAliasCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  EncryptCommand,
  GetKeyPolicyCommand,
  ListAliasesCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  PutKeyPolicyCommand,
  ScheduleKeyDeletionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateKeyDescriptionCommand,
} from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { failure, keyArn, PARTNER_ADMIN, suiteSandbox } from './harness';
import { DEMO_ACCOUNT, PARTNER_ACCOUNT, PARTNER_KEY_ID } from '../scenario/demo-scenario';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

describe('key deletion', () => {
  const sandbox = suiteSandbox();
  const kms = sandbox.kms();

  const newKey = async () => (await kms.send(new CreateKeyCommand({}))).KeyMetadata!.KeyId!;
  const expectDaysAhead = (date: Date | undefined, days: number) => {
    const expected = sandbox.clock.now().getTime() + days * DAY;
    expect(Math.abs(date!.getTime() - expected)).toBeLessThan(MINUTE);
  };

  describe('ScheduleKeyDeletion', () => {
    it('schedules deletion 30 days ahead by default and stops the key at once', async () => {
      const keyId = await newKey();
      const scheduled = await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId }));
      expect(scheduled).toMatchObject({
        KeyId: keyArn(keyId),
        KeyState: 'PendingDeletion',
        PendingWindowInDays: 30,
      });
      expectDaysAhead(scheduled.DeletionDate, 30);

      const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
      expect(KeyMetadata).toMatchObject({
        KeyState: 'PendingDeletion',
        Enabled: false,
        DeletionDate: scheduled.DeletionDate,
      });
      // PendingDeletionWindowInDays belongs to multi-Region primaries waiting for replicas.
      expect(KeyMetadata?.PendingDeletionWindowInDays).toBeUndefined();
      expect(
        await failure(
          kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: new Uint8Array([1]) })),
        ),
      ).toEqual({
        name: 'KMSInvalidStateException',
        message: `${keyArn(keyId)} is pending deletion.`,
      });
    });

    it('takes a waiting period of 7 to 30 days', async () => {
      const keyId = await newKey();
      const scheduled = await kms.send(
        new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }),
      );
      expect(scheduled.PendingWindowInDays).toBe(7);
      expectDaysAhead(scheduled.DeletionDate, 7);

      const other = await newKey();
      expect(
        await failure(
          kms.send(new ScheduleKeyDeletionCommand({ KeyId: other, PendingWindowInDays: 6 })),
        ),
      ).toEqual({
        name: 'ValidationException',
        message:
          "1 validation error detected: Value '6' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value greater than or equal to 7",
      });
      expect(
        await failure(
          kms.send(new ScheduleKeyDeletionCommand({ KeyId: other, PendingWindowInDays: 31 })),
        ),
      ).toEqual({
        name: 'ValidationException',
        message:
          "1 validation error detected: Value '31' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value less than or equal to 30",
      });
    });

    it('refuses most management operations while the key is pending deletion', async () => {
      const keyId = await newKey();
      await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId }));
      const pending = {
        name: 'KMSInvalidStateException',
        message: `${keyArn(keyId)} is pending deletion.`,
      };
      expect(await failure(kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId })))).toEqual(
        pending,
      );
      expect(await failure(kms.send(new EnableKeyCommand({ KeyId: keyId })))).toEqual(pending);
      expect(await failure(kms.send(new DisableKeyCommand({ KeyId: keyId })))).toEqual(pending);
      expect(
        await failure(
          kms.send(new UpdateKeyDescriptionCommand({ KeyId: keyId, Description: 'x' })),
        ),
      ).toEqual(pending);
      expect(
        await failure(
          kms.send(
            new TagResourceCommand({ KeyId: keyId, Tags: [{ TagKey: 'a', TagValue: 'b' }] }),
          ),
        ),
      ).toEqual(pending);
      expect(
        await failure(kms.send(new UntagResourceCommand({ KeyId: keyId, TagKeys: ['a'] }))),
      ).toEqual(pending);
      // Reading, and fixing the key policy, still work.
      await kms.send(new ListResourceTagsCommand({ KeyId: keyId }));
      const { Policy } = await kms.send(new GetKeyPolicyCommand({ KeyId: keyId }));
      await kms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy }));
    });

    it('refuses keys of other accounts and missing keys', async () => {
      expect(
        await failure(
          kms.send(
            new ScheduleKeyDeletionCommand({ KeyId: keyArn(PARTNER_KEY_ID, PARTNER_ACCOUNT) }),
          ),
        ),
      ).toEqual({
        name: 'AccessDeniedException',
        message: `User: arn:aws:iam::111122223333:user/admin is not authorized to perform: kms:ScheduleKeyDeletion on resource: ${keyArn(PARTNER_KEY_ID, PARTNER_ACCOUNT)} because no resource-based policy allows the kms:ScheduleKeyDeletion action`,
      });
      const missing = '00000000-1111-4222-8333-444444444444';
      expect(await failure(kms.send(new ScheduleKeyDeletionCommand({ KeyId: missing })))).toEqual({
        name: 'NotFoundException',
        message: `Key '${keyArn(missing)}' does not exist`,
      });
    });
  });

  it("refuses another account's key even when its key policy allows the action", async () => {
    const partner = sandbox.kms(PARTNER_ADMIN);
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [PARTNER_ACCOUNT, DEMO_ACCOUNT].map((account) => ({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: 'kms:*',
        Resource: '*',
      })),
    });
    const { KeyMetadata } = await partner.send(new CreateKeyCommand({ Policy: policy }));
    const keyArn = KeyMetadata!.Arn!;
    // DescribeKey works across accounts; ScheduleKeyDeletion doesn't, whatever the policy says.
    await kms.send(new DescribeKeyCommand({ KeyId: keyArn }));
    expect(await failure(kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyArn })))).toEqual({
      name: 'AccessDeniedException',
      message: `User: arn:aws:iam::111122223333:user/admin is not authorized to perform: kms:ScheduleKeyDeletion on resource: ${keyArn} because no resource-based policy allows the kms:ScheduleKeyDeletion action`,
    });
    const { KeyMetadata: after } = await partner.send(new DescribeKeyCommand({ KeyId: keyArn }));
    expect(after?.KeyState).toBe('Enabled');
  });

  describe('CancelKeyDeletion', () => {
    it('brings the key back disabled', async () => {
      const keyId = await newKey();
      await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId }));
      const cancelled = await kms.send(new CancelKeyDeletionCommand({ KeyId: keyId }));
      expect(cancelled.KeyId).toBe(keyArn(keyId));
      const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
      expect(KeyMetadata).toMatchObject({ KeyState: 'Disabled', Enabled: false });
      expect(KeyMetadata?.DeletionDate).toBeUndefined();
      await kms.send(new EnableKeyCommand({ KeyId: keyId }));
      await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: new Uint8Array([1]) }));
    });

    it('refuses a key that is not pending deletion', async () => {
      const keyId = await newKey();
      expect(await failure(kms.send(new CancelKeyDeletionCommand({ KeyId: keyId })))).toEqual({
        name: 'KMSInvalidStateException',
        message: `${keyArn(keyId)} is not pending deletion.`,
      });
    });
  });

  describe('when the deletion date passes', () => {
    it('deletes the key, its aliases and its tags for real', async () => {
      const keyId = await newKey();
      await kms.send(new CreateAliasCommand({ AliasName: 'alias/doomed', TargetKeyId: keyId }));
      await kms.send(
        new TagResourceCommand({ KeyId: keyId, Tags: [{ TagKey: 'a', TagValue: 'b' }] }),
      );
      const survivor = await newKey();
      await kms.send(new ScheduleKeyDeletionCommand({ KeyId: survivor, PendingWindowInDays: 30 }));
      const { DeletionDate } = await kms.send(
        new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }),
      );

      sandbox.clock.advance(DeletionDate!.getTime() - sandbox.clock.now().getTime() - MINUTE);
      const almost = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
      expect(almost.KeyMetadata?.KeyState).toBe('PendingDeletion');

      sandbox.clock.advance(2 * MINUTE);
      expect(await failure(kms.send(new DescribeKeyCommand({ KeyId: keyId })))).toEqual({
        name: 'NotFoundException',
        message: `Key '${keyArn(keyId)}' does not exist`,
      });
      expect(await failure(kms.send(new DescribeKeyCommand({ KeyId: 'alias/doomed' })))).toEqual({
        name: 'NotFoundException',
        message: `Alias arn:aws:kms:us-east-1:${DEMO_ACCOUNT}:alias/doomed is not found.`,
      });
      expect(await failure(kms.send(new CancelKeyDeletionCommand({ KeyId: keyId })))).toEqual({
        name: 'NotFoundException',
        message: `Key '${keyArn(keyId)}' does not exist`,
      });
      const keys = await kms.send(new ListKeysCommand({ Limit: 1000 }));
      expect(keys.Keys!.map((k) => k.KeyId)).not.toContain(keyId);
      const aliases = await kms.send(new ListAliasesCommand({ Limit: 100 }));
      expect(aliases.Aliases!.map((a) => a.AliasName)).not.toContain('alias/doomed');

      // A key with a longer window is still waiting.
      const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: survivor }));
      expect(KeyMetadata?.KeyState).toBe('PendingDeletion');
    });
  });
});
