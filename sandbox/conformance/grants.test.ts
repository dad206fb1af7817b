import {
  CreateGrantCommand,
  type CreateGrantCommandInput,
  type GrantListEntry,
  ListGrantsCommand,
  ListRetirableGrantsCommand,
  RetireGrantCommand,
  RevokeGrantCommand,
} from '@aws-sdk/client-kms';
import { beforeAll, describe, expect, it } from 'vitest';
import { failure, keyArn, suiteSandbox } from './harness';
import {
  APP_KEY_ID,
  DEMO_ACCOUNT,
  DISABLED_KEY_ID,
  HMAC_KEY_ID,
  RESTRICTED_KEY_ID,
  RSA_KEY_ID,
  SIGN_KEY_ID,
} from '../scenario/demo-scenario';

const ADMIN_ARN = `arn:aws:iam::${DEMO_ACCOUNT}:user/admin`;
const role = (name: string) => `arn:aws:iam::${DEMO_ACCOUNT}:role/${name}`;

describe('grants', () => {
  const sandbox = suiteSandbox();
  const kms = sandbox.kms();

  const create = (input: Partial<CreateGrantCommandInput>) =>
    kms.send(
      new CreateGrantCommand({
        KeyId: APP_KEY_ID,
        GranteePrincipal: role('KmsOperator'),
        Operations: ['Decrypt'],
        ...input,
      } as CreateGrantCommandInput),
    );

  const grantsOn = async (keyId: string, grantee?: string): Promise<GrantListEntry[]> =>
    (await kms.send(new ListGrantsCommand({ KeyId: keyId, GranteePrincipal: grantee, Limit: 100 })))
      .Grants ?? [];

  describe('CreateGrant and ListGrants', () => {
    it('creates a grant and lists it with every field AWS shows', async () => {
      const grantee = role('GrantListing');
      const created = await create({
        KeyId: APP_KEY_ID,
        GranteePrincipal: grantee,
        RetiringPrincipal: ADMIN_ARN,
        Operations: ['Decrypt', 'GenerateDataKey', 'DescribeKey'],
        Constraints: { EncryptionContextSubset: { department: 'finance' } },
      });
      expect(created.GrantId).toMatch(/^[0-9a-f]{64}$/);
      expect(created.GrantToken).toMatch(/^[A-Za-z0-9_-]{100,}$/);

      const [grant, ...others] = await grantsOn(APP_KEY_ID, grantee);
      expect(others).toHaveLength(0);
      expect(grant).toEqual({
        KeyId: keyArn(APP_KEY_ID),
        GrantId: created.GrantId,
        Name: '',
        CreationDate: expect.any(Date),
        GranteePrincipal: grantee,
        RetiringPrincipal: ADMIN_ARN,
        IssuingAccount: `arn:aws:iam::${DEMO_ACCOUNT}:root`,
        Operations: ['Decrypt', 'GenerateDataKey', 'DescribeKey'],
        Constraints: { EncryptionContextSubset: { department: 'finance' } },
      });
      expect(Math.abs(grant.CreationDate!.getTime() - Date.now())).toBeLessThan(60_000);
    });

    it('accepts the key ARN and answers the same grant for it', async () => {
      const grantee = role('ByArn');
      const created = await create({ KeyId: keyArn(APP_KEY_ID), GranteePrincipal: grantee });
      const listed = await kms.send(
        new ListGrantsCommand({ KeyId: keyArn(APP_KEY_ID), GrantId: created.GrantId }),
      );
      expect(listed.Grants?.map((g) => g.GrantId)).toEqual([created.GrantId]);
      expect(listed.Truncated).toBe(false);
      expect(listed.NextMarker).toBeUndefined();
    });

    it('refuses aliases, as KMS does for grant operations', async () => {
      for (const keyId of [
        'alias/demo-app',
        `arn:aws:kms:us-east-1:${DEMO_ACCOUNT}:alias/demo-app`,
      ]) {
        expect(await failure(create({ KeyId: keyId }))).toEqual({
          name: 'InvalidArnException',
          message: 'Key Aliases are not supported for this operation.',
        });
        expect((await failure(kms.send(new ListGrantsCommand({ KeyId: keyId })))).name).toBe(
          'InvalidArnException',
        );
      }
    });

    it('answers NotFoundException for an unknown key', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      const error = await failure(create({ KeyId: missing }));
      expect(error).toEqual({
        name: 'NotFoundException',
        message: `Key '${keyArn(missing)}' does not exist`,
      });
      expect((await failure(kms.send(new ListGrantsCommand({ KeyId: missing })))).name).toBe(
        'NotFoundException',
      );
    });

    it('answers DisabledException for a disabled key', async () => {
      expect(await failure(create({ KeyId: DISABLED_KEY_ID }))).toEqual({
        name: 'DisabledException',
        message: `${keyArn(DISABLED_KEY_ID)} is disabled.`,
      });
    });

    it('returns the existing grant id when a named CreateGrant is retried with the same parameters', async () => {
      const grantee = role('Idempotent');
      const request = {
        GranteePrincipal: grantee,
        Name: 'app-decrypt/retry_1',
        Operations: ['Decrypt', 'Encrypt'] as const,
        Constraints: { EncryptionContextEquals: { team: 'payments', env: 'prod' } },
      };
      const first = await create({ ...request, Operations: ['Decrypt', 'Encrypt'] });
      const retry = await create({
        ...request,
        Operations: ['Encrypt', 'Decrypt'],
        Constraints: { EncryptionContextEquals: { env: 'prod', team: 'payments' } },
      });
      expect(retry.GrantId).toBe(first.GrantId);
      expect(retry.GrantToken).not.toBe(first.GrantToken);

      const changed = await create({ ...request, Operations: ['Decrypt'] });
      expect(changed.GrantId).not.toBe(first.GrantId);
      const unnamed = await create({ GranteePrincipal: grantee, Operations: ['Decrypt'] });
      const unnamedAgain = await create({ GranteePrincipal: grantee, Operations: ['Decrypt'] });
      expect(unnamedAgain.GrantId).not.toBe(unnamed.GrantId);

      const listed = await grantsOn(APP_KEY_ID, grantee);
      expect(listed.map((g) => g.GrantId)).toEqual([
        first.GrantId,
        changed.GrantId,
        unnamed.GrantId,
        unnamedAgain.GrantId,
      ]);
      expect(listed[0].Name).toBe('app-decrypt/retry_1');

      // Every token of a grant identifies it: the retry's token retires the original grant.
      await kms.send(new RetireGrantCommand({ GrantToken: retry.GrantToken }));
      expect((await grantsOn(APP_KEY_ID, grantee)).map((g) => g.GrantId)).not.toContain(
        first.GrantId,
      );
    });
  });

  describe('operations must fit the key', () => {
    it.each([
      [SIGN_KEY_ID, ['Encrypt']],
      [SIGN_KEY_ID, ['Sign', 'Decrypt']],
      [APP_KEY_ID, ['Sign']],
      [APP_KEY_ID, ['GetPublicKey']],
      [RSA_KEY_ID, ['GenerateDataKey']],
      [HMAC_KEY_ID, ['Decrypt']],
    ])('refuses %s with %j', async (keyId, operations) => {
      const error = await failure(
        create({ KeyId: keyId, Operations: operations as CreateGrantCommandInput['Operations'] }),
      );
      expect(error.name).toBe('ValidationException');
      expect(error.message).toContain(keyArn(keyId));
    });

    it.each([
      [APP_KEY_ID, ['Encrypt', 'Decrypt', 'GenerateDataKeyPair', 'ReEncryptFrom', 'ReEncryptTo']],
      [RSA_KEY_ID, ['Encrypt', 'Decrypt', 'GetPublicKey', 'DescribeKey']],
      [SIGN_KEY_ID, ['Sign', 'Verify', 'GetPublicKey', 'RetireGrant']],
      [HMAC_KEY_ID, ['GenerateMac', 'VerifyMac', 'CreateGrant']],
    ])('allows on %s %j', async (keyId, operations) => {
      const created = await create({
        KeyId: keyId,
        GranteePrincipal: role('KeyTypes'),
        Operations: operations as CreateGrantCommandInput['Operations'],
      });
      expect(created.GrantId).toMatch(/^[0-9a-f]{64}$/);
    });

    it('allows constraints only where every operation takes an encryption context', async () => {
      const constraints = { EncryptionContextSubset: { purpose: 'test' } };
      await create({
        GranteePrincipal: role('Constrained'),
        Operations: ['Decrypt', 'DescribeKey', 'RetireGrant'],
        Constraints: constraints,
      });
      for (const [keyId, operations] of [
        [SIGN_KEY_ID, ['Sign']],
        [RSA_KEY_ID, ['Decrypt']],
        [HMAC_KEY_ID, ['GenerateMac']],
      ] as const) {
        const error = await failure(
          create({ KeyId: keyId, Operations: [...operations], Constraints: constraints }),
        );
        expect(error.name).toBe('ValidationException');
      }
    });
  });

  describe('validation', () => {
    it('requires Operations', async () => {
      expect(await failure(create({ Operations: undefined }))).toEqual({
        name: 'ValidationException',
        message:
          "1 validation error detected: Value null at 'operations' failed to satisfy constraint: Member must not be null",
      });
    });

    it('requires KeyId and GranteePrincipal', async () => {
      const error = await failure(create({ KeyId: undefined, GranteePrincipal: undefined }));
      expect(error.name).toBe('ValidationException');
      expect(error.message).toMatch(/^2 validation errors detected: /);
      expect(error.message).toContain("Value null at 'keyId' failed to satisfy constraint");
      expect(error.message).toContain(
        "Value null at 'granteePrincipal' failed to satisfy constraint",
      );
    });

    it('refuses operation names outside the GrantOperation enum', async () => {
      const error = await failure(
        create({
          Operations: ['Decrypt', 'ScheduleKeyDeletion'] as CreateGrantCommandInput['Operations'],
        }),
      );
      expect(error.name).toBe('ValidationException');
      expect(error.message).toBe(
        "1 validation error detected: Value '[Decrypt, ScheduleKeyDeletion]' at 'operations' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [Decrypt, Encrypt, GenerateDataKey, GenerateDataKeyWithoutPlaintext, ReEncryptFrom, ReEncryptTo, Sign, Verify, GetPublicKey, CreateGrant, RetireGrant, DescribeKey, GenerateDataKeyPair, GenerateDataKeyPairWithoutPlaintext, GenerateMac, VerifyMac, DeriveSharedSecret]]",
      );
    });

    it('refuses a grant that allows only CreateGrant', async () => {
      expect(await failure(create({ Operations: ['CreateGrant'] }))).toEqual({
        name: 'ValidationException',
        message: 'Grants must not contain only the CreateGrant operation.',
      });
    });

    it('refuses both constraint kinds at once', async () => {
      const error = await failure(
        create({
          Constraints: {
            EncryptionContextSubset: { a: '1' },
            EncryptionContextEquals: { a: '1' },
          },
        }),
      );
      expect(error.name).toBe('ValidationException');
      expect(error.message).toContain('EncryptionContextSubset');
    });

    it('checks principal and name patterns as the model writes them', async () => {
      const error = await failure(
        create({ GranteePrincipal: 'not a principal', Name: 'bad name!' }),
      );
      expect(error.message).toBe(
        "2 validation errors detected: Value 'not a principal' at 'granteePrincipal' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\w+=,.@:/-]+$; Value 'bad name!' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$",
      );
    });

    it('refuses a malformed grant id filter', async () => {
      const error = await failure(
        kms.send(new ListGrantsCommand({ KeyId: APP_KEY_ID, GrantId: 'nope' })),
      );
      expect(error.name).toBe('InvalidGrantIdException');
    });
  });

  describe('ListGrants pagination and filters', () => {
    const grantee = role('Paging');
    let ids: string[] = [];

    beforeAll(async () => {
      ids = [];
      for (let i = 0; i < 5; i++) {
        ids.push(
          (await create({ KeyId: RSA_KEY_ID, GranteePrincipal: grantee, Operations: ['Encrypt'] }))
            .GrantId!,
        );
      }
      await create({ KeyId: RSA_KEY_ID, GranteePrincipal: role('Other'), Operations: ['Decrypt'] });
    });

    it('pages with Limit and NextMarker in creation order', async () => {
      const seen: string[] = [];
      const truncations: boolean[] = [];
      let marker: string | undefined;
      do {
        const page = await kms.send(
          new ListGrantsCommand({
            KeyId: RSA_KEY_ID,
            GranteePrincipal: grantee,
            Limit: 2,
            Marker: marker,
          }),
        );
        expect(page.Grants!.length).toBeLessThanOrEqual(2);
        seen.push(...page.Grants!.map((g) => g.GrantId!));
        truncations.push(page.Truncated!);
        marker = page.NextMarker;
        expect(marker === undefined).toBe(!page.Truncated);
      } while (marker);
      expect(seen).toEqual(ids);
      expect(truncations).toEqual([true, true, false]);
    });

    it('filters by GrantId and by GranteePrincipal', async () => {
      const byId = await kms.send(new ListGrantsCommand({ KeyId: RSA_KEY_ID, GrantId: ids[3] }));
      expect(byId.Grants!.map((g) => g.GrantId)).toEqual([ids[3]]);
      const all = await grantsOn(RSA_KEY_ID);
      expect(all.length).toBeGreaterThan(ids.length);
      const other = await grantsOn(RSA_KEY_ID, role('Other'));
      expect(other.map((g) => g.Operations)).toEqual([['Decrypt']]);
      const none = await kms.send(
        new ListGrantsCommand({ KeyId: RSA_KEY_ID, GrantId: '0'.repeat(64) }),
      );
      expect(none.Grants).toEqual([]);
    });

    it('refuses a marker it did not issue and a Limit out of range', async () => {
      expect(
        await failure(kms.send(new ListGrantsCommand({ KeyId: RSA_KEY_ID, Marker: 'bogus' }))),
      ).toEqual({ name: 'InvalidMarkerException', message: 'Marker is invalid or has expired.' });
      expect(
        await failure(kms.send(new ListGrantsCommand({ KeyId: RSA_KEY_ID, Limit: 0 }))),
      ).toEqual({
        name: 'ValidationException',
        message:
          "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
      });
    });
  });

  describe('ListRetirableGrants', () => {
    const retiring = role('Retirer');

    it('lists the grants a principal may retire, across keys, with paging', async () => {
      const a = await create({ KeyId: APP_KEY_ID, RetiringPrincipal: retiring });
      const b = await create({
        KeyId: RSA_KEY_ID,
        RetiringPrincipal: retiring,
        Operations: ['Encrypt'],
      });
      await create({ KeyId: APP_KEY_ID, RetiringPrincipal: role('SomeoneElse') });

      const all = await kms.send(new ListRetirableGrantsCommand({ RetiringPrincipal: retiring }));
      expect(all.Grants!.map((g) => [g.GrantId, g.KeyId, g.RetiringPrincipal])).toEqual([
        [a.GrantId, keyArn(APP_KEY_ID), retiring],
        [b.GrantId, keyArn(RSA_KEY_ID), retiring],
      ]);
      expect(all.Truncated).toBe(false);

      const first = await kms.send(
        new ListRetirableGrantsCommand({ RetiringPrincipal: retiring, Limit: 1 }),
      );
      expect(first.Grants!.map((g) => g.GrantId)).toEqual([a.GrantId]);
      expect(first.Truncated).toBe(true);
      const second = await kms.send(
        new ListRetirableGrantsCommand({
          RetiringPrincipal: retiring,
          Limit: 1,
          Marker: first.NextMarker,
        }),
      );
      expect(second.Grants!.map((g) => g.GrantId)).toEqual([b.GrantId]);
      expect(second.Truncated).toBe(false);
    });

    it('requires RetiringPrincipal', async () => {
      const error = await failure(
        kms.send(new ListRetirableGrantsCommand({} as { RetiringPrincipal: string })),
      );
      expect(error.message).toBe(
        "1 validation error detected: Value null at 'retiringPrincipal' failed to satisfy constraint: Member must not be null",
      );
    });
  });

  describe('RetireGrant', () => {
    it('retires by grant token', async () => {
      const grantee = role('RetireByToken');
      const { GrantToken, GrantId } = await create({
        GranteePrincipal: grantee,
        RetiringPrincipal: ADMIN_ARN,
      });
      await kms.send(new RetireGrantCommand({ GrantToken }));
      expect(await grantsOn(APP_KEY_ID, grantee)).toEqual([]);
      // A token never outlives its grant.
      expect(await failure(kms.send(new RetireGrantCommand({ GrantToken })))).toEqual({
        name: 'NotFoundException',
        message: `Grant ID ${GrantId} not found`,
      });
    });

    it('retires by key id and grant id', async () => {
      const grantee = role('RetireById');
      const { GrantId } = await create({
        KeyId: SIGN_KEY_ID,
        GranteePrincipal: grantee,
        Operations: ['Sign'],
      });
      await kms.send(new RetireGrantCommand({ KeyId: keyArn(SIGN_KEY_ID), GrantId }));
      expect(await grantsOn(SIGN_KEY_ID, grantee)).toEqual([]);
    });

    it('refuses a grant id on the wrong key, strings that are not grant tokens, and missing identifiers', async () => {
      const { GrantId } = await create({ GranteePrincipal: role('WrongKey') });
      expect(
        (await failure(kms.send(new RetireGrantCommand({ KeyId: RSA_KEY_ID, GrantId })))).name,
      ).toBe('NotFoundException');
      expect(
        (await failure(kms.send(new RetireGrantCommand({ GrantToken: 'not-a-token' })))).name,
      ).toBe('InvalidGrantTokenException');
      expect((await failure(kms.send(new RetireGrantCommand({ GrantId })))).name).toBe(
        'ValidationException',
      );
    });
  });

  describe('RevokeGrant', () => {
    it('revokes a grant so ListGrants no longer shows it', async () => {
      const grantee = role('Revoked');
      const { GrantId } = await create({ KeyId: RESTRICTED_KEY_ID, GranteePrincipal: grantee });
      expect(await grantsOn(RESTRICTED_KEY_ID, grantee)).toHaveLength(1);
      await kms.send(new RevokeGrantCommand({ KeyId: RESTRICTED_KEY_ID, GrantId }));
      expect(await grantsOn(RESTRICTED_KEY_ID, grantee)).toEqual([]);
      expect(
        await failure(kms.send(new RevokeGrantCommand({ KeyId: RESTRICTED_KEY_ID, GrantId }))),
      ).toEqual({ name: 'NotFoundException', message: `Grant ID ${GrantId} not found` });
    });

    it('refuses malformed grant ids and aliases', async () => {
      expect(
        (await failure(kms.send(new RevokeGrantCommand({ KeyId: APP_KEY_ID, GrantId: 'xyz' }))))
          .name,
      ).toBe('InvalidGrantIdException');
      expect(
        (
          await failure(
            kms.send(new RevokeGrantCommand({ KeyId: 'alias/demo-app', GrantId: '0'.repeat(64) })),
          )
        ).name,
      ).toBe('InvalidArnException');
    });

    it('works on a disabled key, like ListGrants and RetireGrant', async () => {
      // Grants can't be created on a disabled key, so none exist; ListGrants still answers.
      expect(await grantsOn(DISABLED_KEY_ID)).toEqual([]);
      expect(
        (
          await failure(
            kms.send(new RevokeGrantCommand({ KeyId: DISABLED_KEY_ID, GrantId: '0'.repeat(64) })),
          )
        ).name,
      ).toBe('NotFoundException');
    });
  });

  describe('DryRun', () => {
    const dryRunError = {
      name: 'DryRunOperationException',
      message: 'The request would have succeeded, but the DryRun option is set.',
    };

    it('CreateGrant creates nothing', async () => {
      const grantee = role('DryRunCreate');
      expect(await failure(create({ GranteePrincipal: grantee, DryRun: true }))).toEqual(
        dryRunError,
      );
      expect(await grantsOn(APP_KEY_ID, grantee)).toEqual([]);
      // Validation and key checks still come first.
      expect((await failure(create({ KeyId: SIGN_KEY_ID, DryRun: true }))).name).toBe(
        'ValidationException',
      );
      expect((await failure(create({ KeyId: DISABLED_KEY_ID, DryRun: true }))).name).toBe(
        'DisabledException',
      );
    });

    it('RetireGrant and RevokeGrant remove nothing', async () => {
      const grantee = role('DryRunDelete');
      const { GrantId, GrantToken } = await create({ GranteePrincipal: grantee });
      expect(await failure(kms.send(new RetireGrantCommand({ GrantToken, DryRun: true })))).toEqual(
        dryRunError,
      );
      expect(
        await failure(
          kms.send(new RetireGrantCommand({ KeyId: APP_KEY_ID, GrantId, DryRun: true })),
        ),
      ).toEqual(dryRunError);
      expect(
        await failure(
          kms.send(new RevokeGrantCommand({ KeyId: APP_KEY_ID, GrantId, DryRun: true })),
        ),
      ).toEqual(dryRunError);
      expect((await grantsOn(APP_KEY_ID, grantee)).map((g) => g.GrantId)).toEqual([GrantId]);
      // A dry run on a grant that does not exist reports that, not success.
      expect(
        (
          await failure(
            kms.send(
              new RevokeGrantCommand({ KeyId: APP_KEY_ID, GrantId: '0'.repeat(64), DryRun: true }),
            ),
          )
        ).name,
      ).toBe('NotFoundException');
    });
  });
});
