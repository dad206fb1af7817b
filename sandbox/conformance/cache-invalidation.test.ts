import {
  CreateAliasCommand,
  CreateKeyCommand,
  DeleteAliasCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  EncryptCommand,
  KMSClient,
  ListAliasesCommand,
  PutKeyPolicyCommand,
  RotateKeyOnDemandCommand,
  UpdateAliasCommand,
} from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { failure, keyArn, keyPolicyWith, PARTNER_ADMIN, suiteSandbox } from './harness';
import { DEMO_ACCOUNT, PARTNER_ACCOUNT } from '../scenario/demo-scenario';

/*
 * The sandbox caches keys, key material, aliases, grants and parsed policies between requests.
 * Each change below must decide the very next request, as it does in KMS.
 */

const ADMIN_ARN = `arn:aws:iam::${DEMO_ACCOUNT}:user/admin`;
const PLAINTEXT = new Uint8Array([1, 2, 3]);

describe('changes take effect on the next request', () => {
  const sandbox = suiteSandbox();
  const kms = sandbox.kms();
  const partner = sandbox.kms(PARTNER_ADMIN);

  const newKey = async () =>
    (await kms.send(new CreateKeyCommand({ Policy: keyPolicyWith() }))).KeyMetadata!.KeyId!;
  const encrypt = (client: KMSClient, keyId: string) =>
    client.send(new EncryptCommand({ KeyId: keyId, Plaintext: PLAINTEXT }));

  it('PutKeyPolicy grants and withdraws cross-account use at once', async () => {
    const keyId = await newKey();
    const partnerEncrypt = {
      Sid: 'Partner',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${PARTNER_ACCOUNT}:root` },
      Action: 'kms:Encrypt',
      Resource: '*',
    };
    expect((await failure(encrypt(partner, keyArn(keyId)))).name).toBe('AccessDeniedException');
    await kms.send(
      new PutKeyPolicyCommand({ KeyId: keyId, Policy: keyPolicyWith(partnerEncrypt) }),
    );
    expect((await encrypt(partner, keyArn(keyId))).KeyId).toBe(keyArn(keyId));
    await kms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: keyPolicyWith() }));
    expect((await failure(encrypt(partner, keyArn(keyId)))).name).toBe('AccessDeniedException');
  });

  it('PutKeyPolicy adds and removes an explicit deny at once', async () => {
    const keyId = await newKey();
    await encrypt(kms, keyId);
    const denyEncrypt = {
      Sid: 'NoEncrypt',
      Effect: 'Deny',
      Principal: { AWS: ADMIN_ARN },
      Action: 'kms:Encrypt',
      Resource: '*',
    };
    await kms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: keyPolicyWith(denyEncrypt) }));
    expect(await failure(encrypt(kms, keyId))).toEqual({
      name: 'AccessDeniedException',
      message: `User: ${ADMIN_ARN} is not authorized to perform: kms:Encrypt on resource: ${keyArn(keyId)} with an explicit deny in a resource-based policy`,
    });
    await kms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: keyPolicyWith() }));
    await encrypt(kms, keyId);
  });

  it('UpdateAlias retargets, DeleteAlias and CreateAlias remove and restore, at once', async () => {
    const first = await newKey();
    const second = await newKey();
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/cache-moving', TargetKeyId: first }));
    expect((await encrypt(kms, 'alias/cache-moving')).KeyId).toBe(keyArn(first));
    await kms.send(
      new UpdateAliasCommand({ AliasName: 'alias/cache-moving', TargetKeyId: second }),
    );
    expect((await encrypt(kms, 'alias/cache-moving')).KeyId).toBe(keyArn(second));
    await kms.send(new DeleteAliasCommand({ AliasName: 'alias/cache-moving' }));
    expect((await failure(encrypt(kms, 'alias/cache-moving'))).name).toBe('NotFoundException');
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/cache-moving', TargetKeyId: first }));
    expect((await encrypt(kms, 'alias/cache-moving')).KeyId).toBe(keyArn(first));
  });

  it('alias changes reach kms:ResourceAliases conditions at once', async () => {
    const keyId = await newKey();
    const other = await newKey();
    const denyWhenBlocked = {
      Sid: 'NotWhileBlocked',
      Effect: 'Deny',
      Principal: { AWS: ADMIN_ARN },
      Action: 'kms:Encrypt',
      Resource: '*',
      Condition: { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': 'alias/cache-blocked' } },
    };
    await kms.send(
      new PutKeyPolicyCommand({ KeyId: keyId, Policy: keyPolicyWith(denyWhenBlocked) }),
    );
    await encrypt(kms, keyId);
    await kms.send(
      new CreateAliasCommand({ AliasName: 'alias/cache-blocked', TargetKeyId: keyId }),
    );
    expect((await failure(encrypt(kms, keyId))).name).toBe('AccessDeniedException');
    await kms.send(
      new UpdateAliasCommand({ AliasName: 'alias/cache-blocked', TargetKeyId: other }),
    );
    await encrypt(kms, keyId);
    await kms.send(
      new UpdateAliasCommand({ AliasName: 'alias/cache-blocked', TargetKeyId: keyId }),
    );
    expect((await failure(encrypt(kms, keyId))).name).toBe('AccessDeniedException');
    await kms.send(new DeleteAliasCommand({ AliasName: 'alias/cache-blocked' }));
    await encrypt(kms, keyId);
  });

  it('DisableKey and EnableKey decide the next Encrypt', async () => {
    const keyId = await newKey();
    await encrypt(kms, keyId);
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    expect((await failure(encrypt(kms, keyId))).name).toBe('DisabledException');
    await kms.send(new EnableKeyCommand({ KeyId: keyId }));
    await encrypt(kms, keyId);
  });

  it('seals with the new material right after RotateKeyOnDemand', async () => {
    const keyId = await newKey();
    // Bytes 17–33 of a sandbox blob name the key material version that sealed it.
    const materialOf = async () =>
      Buffer.from((await encrypt(kms, keyId)).CiphertextBlob!.subarray(17, 33)).toString('hex');
    const before = await materialOf();
    expect(await materialOf()).toBe(before);
    await kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
    expect(await materialOf()).not.toBe(before);
  });

  it('refuses a ListAliases marker whose alias was deleted or moved to another key', async () => {
    const keyId = await newKey();
    const other = await newKey();
    for (const name of ['alias/cache-page-a', 'alias/cache-page-b', 'alias/cache-page-c']) {
      await kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: keyId }));
    }
    const first = await kms.send(new ListAliasesCommand({ KeyId: keyId, Limit: 1 }));
    expect(first.Aliases!.map((a) => a.AliasName)).toEqual(['alias/cache-page-a']);
    const rest = await kms.send(
      new ListAliasesCommand({ KeyId: keyId, Limit: 5, Marker: first.NextMarker }),
    );
    expect(rest.Aliases!.map((a) => a.AliasName)).toEqual([
      'alias/cache-page-b',
      'alias/cache-page-c',
    ]);
    expect(rest.Truncated).toBe(false);

    await kms.send(new UpdateAliasCommand({ AliasName: 'alias/cache-page-a', TargetKeyId: other }));
    const invalid = {
      name: 'InvalidMarkerException',
      message: 'Marker is invalid or has expired.',
    };
    expect(
      await failure(
        kms.send(new ListAliasesCommand({ KeyId: keyId, Limit: 1, Marker: first.NextMarker })),
      ),
    ).toEqual(invalid);
    // Without the key filter the moved alias is still in the list, so its marker still works.
    const unfiltered = await kms.send(
      new ListAliasesCommand({ Limit: 1, Marker: first.NextMarker }),
    );
    expect(unfiltered.Aliases!.map((a) => a.AliasName)).toEqual(['alias/cache-page-b']);
    await kms.send(new DeleteAliasCommand({ AliasName: 'alias/cache-page-a' }));
    expect(
      await failure(kms.send(new ListAliasesCommand({ Limit: 1, Marker: first.NextMarker }))),
    ).toEqual(invalid);
  });
});
