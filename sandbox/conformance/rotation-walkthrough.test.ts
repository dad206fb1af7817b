import {
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DisableKeyCommand,
  EncryptCommand,
  ListAliasesCommand,
  ReEncryptCommand,
  UpdateAliasCommand,
} from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { failure, suiteSandbox, text, utf8 } from './harness';

/**
 * The manual key rotation operators follow: point an alias at a new key, re-encrypt what the old
 * key protects, then retire the old key. Applications that name the alias never change.
 */
describe('rotating to a new key behind an alias', () => {
  const sandbox = suiteSandbox();
  const kms = sandbox.kms();

  it('re-encrypts under the new key, and only the old key is retired', async () => {
    const context = { app: 'billing' };

    const oldKey = (await kms.send(new CreateKeyCommand({ Description: 'my-key, first' })))
      .KeyMetadata!;
    await kms.send(
      new CreateAliasCommand({ AliasName: 'alias/my-key', TargetKeyId: oldKey.KeyId }),
    );

    const original = await kms.send(
      new EncryptCommand({
        KeyId: 'alias/my-key',
        Plaintext: utf8('invoice 42'),
        EncryptionContext: context,
      }),
    );
    expect(original.KeyId).toBe(oldKey.Arn);

    const newKey = (await kms.send(new CreateKeyCommand({ Description: 'my-key, second' })))
      .KeyMetadata!;
    await kms.send(
      new UpdateAliasCommand({ AliasName: 'alias/my-key', TargetKeyId: newKey.KeyId }),
    );
    const aliases = (await kms.send(new ListAliasesCommand({ KeyId: newKey.KeyId }))).Aliases;
    expect(aliases?.map((a) => a.AliasName)).toEqual(['alias/my-key']);

    const reEncrypted = await kms.send(
      new ReEncryptCommand({
        CiphertextBlob: original.CiphertextBlob,
        SourceEncryptionContext: context,
        DestinationKeyId: 'alias/my-key',
        DestinationEncryptionContext: context,
      }),
    );
    expect(reEncrypted.SourceKeyId).toBe(oldKey.Arn);
    expect(reEncrypted.KeyId).toBe(newKey.Arn);

    await kms.send(new DisableKeyCommand({ KeyId: oldKey.KeyId }));

    const old = await failure(
      kms.send(
        new DecryptCommand({ CiphertextBlob: original.CiphertextBlob, EncryptionContext: context }),
      ),
    );
    expect(old).toEqual({ name: 'DisabledException', message: `${oldKey.Arn} is disabled.` });

    const current = await kms.send(
      new DecryptCommand({
        CiphertextBlob: reEncrypted.CiphertextBlob,
        KeyId: 'alias/my-key',
        EncryptionContext: context,
      }),
    );
    expect(text(current.Plaintext)).toBe('invoice 42');
    expect(current.KeyId).toBe(newKey.Arn);

    const fresh = await kms.send(
      new EncryptCommand({ KeyId: 'alias/my-key', Plaintext: utf8('invoice 43') }),
    );
    expect(fresh.KeyId).toBe(newKey.Arn);
  });
});
