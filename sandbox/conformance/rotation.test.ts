import {
  CreateKeyCommand,
  type CreateKeyCommandInput,
  DecryptCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  DisableKeyRotationCommand,
  EnableKeyRotationCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GetKeyRotationStatusCommand,
  ListKeyRotationsCommand,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
  CancelKeyDeletionCommand,
  EnableKeyCommand,
} from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { failure, keyArn, suiteSandbox, text, utf8 } from './harness';
import {
  HMAC_KEY_ID,
  PARTNER_ACCOUNT,
  PARTNER_KEY_ID,
  SIGN_KEY_ID,
} from '../scenario/demo-scenario';

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

describe('key rotation', () => {
  const sandbox = suiteSandbox();
  const kms = sandbox.kms();

  const newKey = async (input: CreateKeyCommandInput = {}) =>
    (await kms.send(new CreateKeyCommand(input))).KeyMetadata!.KeyId!;
  const status = (KeyId: string) => kms.send(new GetKeyRotationStatusCommand({ KeyId }));
  const currentMaterial = async (KeyId: string) =>
    (await kms.send(new DescribeKeyCommand({ KeyId }))).KeyMetadata!.CurrentKeyMaterialId!;
  /** Expects a date `days` after now, give or take the time the test itself takes. */
  const expectDaysAhead = (date: Date | undefined, days: number) => {
    const expected = sandbox.clock.now().getTime() + days * DAY;
    expect(Math.abs(date!.getTime() - expected)).toBeLessThan(MINUTE);
  };

  describe('EnableKeyRotation, DisableKeyRotation, GetKeyRotationStatus', () => {
    it('reports rotation off for a new key', async () => {
      const keyId = await newKey();
      const answer = await status(keyId);
      expect(answer.KeyId).toBe(keyId);
      expect(answer.KeyRotationEnabled).toBe(false);
      expect(answer.RotationPeriodInDays).toBeUndefined();
      expect(answer.NextRotationDate).toBeUndefined();
    });

    it('enables yearly rotation by default, and takes a custom period', async () => {
      const keyId = await newKey();
      await kms.send(new EnableKeyRotationCommand({ KeyId: keyId }));
      const yearly = await status(keyArn(keyId));
      expect(yearly).toMatchObject({
        KeyId: keyId,
        KeyRotationEnabled: true,
        RotationPeriodInDays: 365,
      });
      expectDaysAhead(yearly.NextRotationDate, 365);

      await kms.send(new EnableKeyRotationCommand({ KeyId: keyId, RotationPeriodInDays: 90 }));
      const quarterly = await status(keyId);
      expect(quarterly.RotationPeriodInDays).toBe(90);
      expectDaysAhead(quarterly.NextRotationDate, 90);

      await kms.send(new DisableKeyRotationCommand({ KeyId: keyId }));
      const off = await status(keyId);
      expect(off.KeyRotationEnabled).toBe(false);
      expect(off.NextRotationDate).toBeUndefined();
    });

    it('validates RotationPeriodInDays in AWS words', async () => {
      const keyId = await newKey();
      expect(
        await failure(
          kms.send(new EnableKeyRotationCommand({ KeyId: keyId, RotationPeriodInDays: 89 })),
        ),
      ).toEqual({
        name: 'ValidationException',
        message:
          "1 validation error detected: Value '89' at 'rotationPeriodInDays' failed to satisfy constraint: Member must have value greater than or equal to 90",
      });
      expect(
        (
          await failure(
            kms.send(new EnableKeyRotationCommand({ KeyId: keyId, RotationPeriodInDays: 2561 })),
          )
        ).message,
      ).toContain('Member must have value less than or equal to 2560');
    });

    it('refuses keys that cannot rotate, and disabled keys', async () => {
      for (const KeyId of [SIGN_KEY_ID, HMAC_KEY_ID]) {
        for (const command of [
          new EnableKeyRotationCommand({ KeyId }),
          new DisableKeyRotationCommand({ KeyId }),
        ]) {
          const error = await failure(kms.send(command));
          expect(error.name).toBe('UnsupportedOperationException');
          expect(error.message).toContain(keyArn(KeyId));
        }
        // GetKeyRotationStatus answers for them: they never rotate.
        expect((await status(KeyId)).KeyRotationEnabled).toBe(false);
      }
      const keyId = await newKey();
      await kms.send(new DisableKeyCommand({ KeyId: keyId }));
      expect(await failure(kms.send(new EnableKeyRotationCommand({ KeyId: keyId })))).toEqual({
        name: 'DisabledException',
        message: `${keyArn(keyId)} is disabled.`,
      });
      expect((await status(keyId)).KeyRotationEnabled).toBe(false);
    });

    it("reads another account's key status by ARN, where its key policy allows", async () => {
      const error = await failure(
        kms.send(
          new GetKeyRotationStatusCommand({ KeyId: keyArn(PARTNER_KEY_ID, PARTNER_ACCOUNT) }),
        ),
      );
      // The partner's key policy lets the demo account describe and use the key, nothing more.
      expect(error.name).toBe('AccessDeniedException');
      expect(
        await failure(
          kms.send(
            new EnableKeyRotationCommand({ KeyId: keyArn(PARTNER_KEY_ID, PARTNER_ACCOUNT) }),
          ),
        ),
      ).toEqual({
        name: 'AccessDeniedException',
        message: `User: arn:aws:iam::111122223333:user/admin is not authorized to perform: kms:EnableKeyRotation on resource: ${keyArn(PARTNER_KEY_ID, PARTNER_ACCOUNT)} because no resource-based policy allows the kms:EnableKeyRotation action`,
      });
    });

    it('reports false while the key is pending deletion and restores it when cancelled', async () => {
      const keyId = await newKey();
      await kms.send(new EnableKeyRotationCommand({ KeyId: keyId }));
      await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId }));
      expect((await status(keyId)).KeyRotationEnabled).toBe(false);
      expect(await failure(kms.send(new DisableKeyRotationCommand({ KeyId: keyId })))).toEqual({
        name: 'KMSInvalidStateException',
        message: `${keyArn(keyId)} is pending deletion.`,
      });
      await kms.send(new CancelKeyDeletionCommand({ KeyId: keyId }));
      await kms.send(new EnableKeyCommand({ KeyId: keyId }));
      expect((await status(keyId)).KeyRotationEnabled).toBe(true);
    });
  });

  describe('RotateKeyOnDemand and ListKeyRotations', () => {
    it('gives the key new material while old ciphertexts still decrypt', async () => {
      const keyId = await newKey();
      const context = { purpose: 'rotation-test' };
      const firstMaterial = await currentMaterial(keyId);
      const before = await kms.send(
        new EncryptCommand({
          KeyId: keyId,
          Plaintext: utf8('sealed before'),
          EncryptionContext: context,
        }),
      );
      const dataKey = await kms.send(
        new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' }),
      );

      const rotated = await kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
      expect(rotated.KeyId).toBe(keyArn(keyId));
      const secondMaterial = await currentMaterial(keyId);
      expect(secondMaterial).toMatch(/^[0-9a-f]{64}$/);
      expect(secondMaterial).not.toBe(firstMaterial);

      const after = await kms.send(
        new EncryptCommand({
          KeyId: keyId,
          Plaintext: utf8('sealed after'),
          EncryptionContext: context,
        }),
      );
      const old = await kms.send(
        new DecryptCommand({ CiphertextBlob: before.CiphertextBlob, EncryptionContext: context }),
      );
      expect(text(old.Plaintext)).toBe('sealed before');
      expect(old.KeyId).toBe(keyArn(keyId));
      const fresh = await kms.send(
        new DecryptCommand({ CiphertextBlob: after.CiphertextBlob, EncryptionContext: context }),
      );
      expect(text(fresh.Plaintext)).toBe('sealed after');
      const unwrapped = await kms.send(
        new DecryptCommand({ CiphertextBlob: dataKey.CiphertextBlob }),
      );
      expect(unwrapped.Plaintext).toEqual(dataKey.Plaintext);
      // Decrypt names the material that sealed each ciphertext.
      expect(old.KeyMaterialId).toBe(firstMaterial);
      expect(fresh.KeyMaterialId).toBe(secondMaterial);

      const { Rotations, Truncated } = await kms.send(
        new ListKeyRotationsCommand({ KeyId: keyId }),
      );
      expect(Truncated).toBe(false);
      expect(Rotations).toHaveLength(1);
      expect(Rotations![0]).toMatchObject({
        KeyId: keyId,
        KeyMaterialId: secondMaterial,
        KeyMaterialState: 'CURRENT',
        RotationType: 'ON_DEMAND',
      });
      expect(
        Math.abs(Rotations![0].RotationDate!.getTime() - sandbox.clock.now().getTime()),
      ).toBeLessThan(MINUTE);
    });

    it('lists the first material too with IncludeKeyMaterial ALL_KEY_MATERIAL, and pages', async () => {
      const keyId = await newKey();
      const materials = [await currentMaterial(keyId)];
      for (let i = 0; i < 3; i++) {
        await kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
        materials.push(await currentMaterial(keyId));
      }
      const all = await kms.send(
        new ListKeyRotationsCommand({ KeyId: keyId, IncludeKeyMaterial: 'ALL_KEY_MATERIAL' }),
      );
      expect(all.Rotations!.map((r) => r.KeyMaterialId)).toEqual(materials);
      expect(all.Rotations![0]).toEqual({
        KeyId: keyId,
        KeyMaterialId: materials[0],
        KeyMaterialState: 'NON_CURRENT',
      });
      expect(all.Rotations!.map((r) => r.KeyMaterialState)).toEqual([
        'NON_CURRENT',
        'NON_CURRENT',
        'NON_CURRENT',
        'CURRENT',
      ]);

      const first = await kms.send(new ListKeyRotationsCommand({ KeyId: keyId, Limit: 2 }));
      expect(first.Rotations!.map((r) => r.KeyMaterialId)).toEqual(materials.slice(1, 3));
      expect(first.Truncated).toBe(true);
      const second = await kms.send(
        new ListKeyRotationsCommand({ KeyId: keyId, Limit: 2, Marker: first.NextMarker }),
      );
      expect(second.Rotations!.map((r) => r.KeyMaterialId)).toEqual(materials.slice(3));
      expect(second.Truncated).toBe(false);
      expect(
        await failure(kms.send(new ListKeyRotationsCommand({ KeyId: keyId, Marker: 'bm9wZQ' }))),
      ).toEqual({ name: 'InvalidMarkerException', message: 'Marker is invalid or has expired.' });
    });

    it('refuses keys that cannot rotate, disabled keys and aliases', async () => {
      for (const KeyId of [SIGN_KEY_ID, HMAC_KEY_ID]) {
        // KMS sends no message; the SDK reports an empty one as 'UnknownError'.
        expect(await failure(kms.send(new RotateKeyOnDemandCommand({ KeyId })))).toEqual({
          name: 'UnsupportedOperationException',
          message: 'UnknownError',
        });
        expect((await failure(kms.send(new ListKeyRotationsCommand({ KeyId })))).name).toBe(
          'UnsupportedOperationException',
        );
      }
      const keyId = await newKey();
      await kms.send(new DisableKeyCommand({ KeyId: keyId }));
      expect(await failure(kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId })))).toEqual({
        name: 'DisabledException',
        message: `${keyArn(keyId)} is disabled.`,
      });
      // Disabled is checked before the key spec.
      const disabledSigningKey = (
        await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P384', KeyUsage: 'SIGN_VERIFY' }))
      ).KeyMetadata!.KeyId!;
      await kms.send(new DisableKeyCommand({ KeyId: disabledSigningKey }));
      expect(
        await failure(kms.send(new RotateKeyOnDemandCommand({ KeyId: disabledSigningKey }))),
      ).toEqual({
        name: 'DisabledException',
        message: `${keyArn(disabledSigningKey)} is disabled.`,
      });
      // Listing works in any state.
      expect((await kms.send(new ListKeyRotationsCommand({ KeyId: keyId }))).Rotations).toEqual([]);
      expect(
        await failure(kms.send(new RotateKeyOnDemandCommand({ KeyId: 'alias/demo-app' }))),
      ).toEqual({
        name: 'NotFoundException',
        message: 'Invalid keyId alias/demo-app',
      });
    });

    it('allows 25 on-demand rotations per key', async () => {
      const keyId = await newKey();
      for (let i = 0; i < 25; i++) await kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
      expect(await failure(kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId })))).toEqual({
        name: 'LimitExceededException',
        message: `The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: ${keyArn(keyId)}`,
      });
    });
  });

  describe('automatic rotation', () => {
    it('rotates when the date comes, keeps old ciphertexts readable, and leaves the schedule to on-demand rotations', async () => {
      const keyId = await newKey();
      await kms.send(new EnableKeyRotationCommand({ KeyId: keyId, RotationPeriodInDays: 90 }));
      const sealed = await kms.send(
        new EncryptCommand({ KeyId: keyId, Plaintext: utf8('from the first quarter') }),
      );
      const scheduled = (await status(keyId)).NextRotationDate!;

      await kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
      expect((await status(keyId)).NextRotationDate).toEqual(scheduled);

      // Within 20 minutes of an automatic rotation KMS refuses an on-demand one.
      sandbox.clock.advance(scheduled.getTime() - sandbox.clock.now().getTime() - 10 * MINUTE);
      expect((await failure(kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId })))).name).toBe(
        'ConflictException',
      );

      sandbox.clock.advance(11 * MINUTE);
      const rotations = await kms.send(new ListKeyRotationsCommand({ KeyId: keyId }));
      expect(rotations.Rotations!.map((r) => r.RotationType)).toEqual(['ON_DEMAND', 'AUTOMATIC']);
      const next = await status(keyId);
      expectDaysAhead(next.NextRotationDate, 90);
      const opened = await kms.send(new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob }));
      expect(text(opened.Plaintext)).toBe('from the first quarter');
    });
  });
});
