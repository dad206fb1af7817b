import {
  CreateKeyCommand,
  DecryptCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  type GenerateDataKeyCommandInput,
  GenerateDataKeyWithoutPlaintextCommand,
  GenerateRandomCommand,
  ReEncryptCommand,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { failure, keyArn, suiteSandbox, text, utf8 } from './harness';
import {
  APP_KEY_ID,
  DEMO_ACCOUNT,
  DISABLED_KEY_ID,
  PARTNER_ACCOUNT,
  PARTNER_KEY_ID,
  RESTRICTED_KEY_ID,
  RSA_KEY_ID,
  SIGN_KEY_ID,
} from '../scenario/demo-scenario';

const INCORRECT_KEY =
  'The key ID in the request does not identify a CMK that can perform this operation.';

/** A copy of the blob with one byte changed. */
function flipped(blob: Uint8Array, index: number): Uint8Array {
  const copy = Uint8Array.from(blob);
  copy[index] ^= 0x01;
  return copy;
}

describe('symmetric cryptography', () => {
  const sandbox = suiteSandbox();
  const kms = sandbox.kms();

  const encrypt = async (plaintext: string, context?: Record<string, string>, keyId = APP_KEY_ID) =>
    (
      await kms.send(
        new EncryptCommand({
          KeyId: keyId,
          Plaintext: utf8(plaintext),
          EncryptionContext: context,
        }),
      )
    ).CiphertextBlob!;

  describe('Encrypt and Decrypt', () => {
    it('round-trips with an encryption context, answering the key ARN and algorithm', async () => {
      const context = { department: 'finance', team: 'payments' };
      const encrypted = await kms.send(
        new EncryptCommand({
          KeyId: 'alias/demo-app',
          Plaintext: utf8('hello, kms'),
          EncryptionContext: context,
        }),
      );
      expect(encrypted.KeyId).toBe(keyArn(APP_KEY_ID));
      expect(encrypted.EncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');

      const decrypted = await kms.send(
        new DecryptCommand({
          CiphertextBlob: encrypted.CiphertextBlob,
          EncryptionContext: context,
        }),
      );
      expect(text(decrypted.Plaintext)).toBe('hello, kms');
      expect(decrypted.KeyId).toBe(keyArn(APP_KEY_ID));
      expect(decrypted.EncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
      expect(decrypted.KeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    });

    it('decrypts with the KeyId named as id, ARN, alias or alias ARN', async () => {
      const blob = await encrypt('which key');
      for (const keyId of [
        APP_KEY_ID,
        keyArn(APP_KEY_ID),
        'alias/demo-app',
        `arn:aws:kms:us-east-1:${DEMO_ACCOUNT}:alias/demo-app`,
      ]) {
        const answer = await kms.send(new DecryptCommand({ CiphertextBlob: blob, KeyId: keyId }));
        expect(text(answer.Plaintext)).toBe('which key');
      }
    });

    it('takes the context in any order but matches it exactly, case included', async () => {
      const blob = await encrypt('ctx', { a: '1', b: '2' });
      const reordered = await kms.send(
        new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: { b: '2', a: '1' } }),
      );
      expect(text(reordered.Plaintext)).toBe('ctx');

      const wrong: (Record<string, string> | undefined)[] = [
        { a: '1', b: '3' },
        { A: '1', b: '2' },
        { a: '1' },
        undefined,
      ];
      for (const context of wrong) {
        const error = await failure(
          kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: context })),
        );
        expect(error.name).toBe('InvalidCiphertextException');
      }
    });

    it('treats an empty context like no context', async () => {
      const blob = await encrypt('empty', {});
      const answer = await kms.send(new DecryptCommand({ CiphertextBlob: blob }));
      expect(text(answer.Plaintext)).toBe('empty');
    });

    it('refuses a tampered, truncated or foreign ciphertext with InvalidCiphertextException', async () => {
      const blob = await encrypt('tamper with me');
      const candidates = [
        flipped(blob, blob.length - 1), // the tag
        flipped(blob, 50), // the ciphertext
        flipped(blob, 40), // the IV
        flipped(blob, 20), // the material id
        flipped(blob, 5), // the key id: names a key that doesn't exist
        blob.subarray(0, 30),
        utf8('not a ciphertext at all, just some bytes that are long enough to parse'),
      ];
      for (const candidate of candidates) {
        const error = await failure(kms.send(new DecryptCommand({ CiphertextBlob: candidate })));
        expect(error.name).toBe('InvalidCiphertextException');
      }
    });

    it('answers IncorrectKeyException when KeyId names another key', async () => {
      const blob = await encrypt('mine');
      for (const keyId of ['alias/demo-restricted', RSA_KEY_ID, keyArn(SIGN_KEY_ID)]) {
        const error = await failure(
          kms.send(new DecryptCommand({ CiphertextBlob: blob, KeyId: keyId })),
        );
        expect(error).toEqual({ name: 'IncorrectKeyException', message: INCORRECT_KEY });
      }
    });

    it('answers NotFoundException for a KeyId that does not exist', async () => {
      const blob = await encrypt('lost');
      const error = await failure(
        kms.send(new DecryptCommand({ CiphertextBlob: blob, KeyId: 'alias/does-not-exist' })),
      );
      expect(error).toEqual({
        name: 'NotFoundException',
        message: `Alias arn:aws:kms:us-east-1:${DEMO_ACCOUNT}:alias/does-not-exist is not found.`,
      });
    });

    it('refuses a disabled key with DisabledException', async () => {
      const error = await failure(
        kms.send(new EncryptCommand({ KeyId: 'alias/demo-disabled', Plaintext: utf8('x') })),
      );
      expect(error).toEqual({
        name: 'DisabledException',
        message: `${keyArn(DISABLED_KEY_ID)} is disabled.`,
      });
    });

    it('refuses a key whose usage is not ENCRYPT_DECRYPT', async () => {
      const error = await failure(
        kms.send(new EncryptCommand({ KeyId: 'alias/demo-sign', Plaintext: utf8('x') })),
      );
      expect(error).toEqual({
        name: 'InvalidKeyUsageException',
        message: `${keyArn(SIGN_KEY_ID)} key usage is SIGN_VERIFY which is not valid for Encrypt.`,
      });
    });

    it('encrypts under another account key named by ARN, and decrypts from the blob', async () => {
      const encrypted = await kms.send(
        new EncryptCommand({
          KeyId: keyArn(PARTNER_KEY_ID, PARTNER_ACCOUNT),
          Plaintext: utf8('shared'),
        }),
      );
      expect(encrypted.KeyId).toBe(keyArn(PARTNER_KEY_ID, PARTNER_ACCOUNT));
      const decrypted = await kms.send(
        new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob }),
      );
      expect(text(decrypted.Plaintext)).toBe('shared');
      expect(decrypted.KeyId).toBe(keyArn(PARTNER_KEY_ID, PARTNER_ACCOUNT));
    });

    it('finds another account key by ARN only', async () => {
      const error = await failure(
        kms.send(new EncryptCommand({ KeyId: PARTNER_KEY_ID, Plaintext: utf8('x') })),
      );
      expect(error.name).toBe('NotFoundException');
    });

    it('validates Plaintext without echoing it', async () => {
      const empty = await failure(
        kms.send(new EncryptCommand({ KeyId: APP_KEY_ID, Plaintext: new Uint8Array(0) })),
      );
      expect(empty).toEqual({
        name: 'ValidationException',
        message:
          "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length greater than or equal to 1",
      });
      const large = await failure(
        kms.send(new EncryptCommand({ KeyId: APP_KEY_ID, Plaintext: new Uint8Array(4097) })),
      );
      expect(large.message).toBe(
        "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096",
      );
      const missing = await failure(kms.send(new EncryptCommand({ KeyId: APP_KEY_ID } as never)));
      expect(missing.message).toBe(
        "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must not be null",
      );
      const max = await kms.send(
        new EncryptCommand({ KeyId: APP_KEY_ID, Plaintext: new Uint8Array(4096) }),
      );
      expect(max.CiphertextBlob!.length).toBeGreaterThan(4096);
    });

    it('validates CiphertextBlob, EncryptionAlgorithm and GrantTokens', async () => {
      const missing = await failure(kms.send(new DecryptCommand({} as never)));
      expect(missing.message).toBe(
        "1 validation error detected: Value null at 'ciphertextBlob' failed to satisfy constraint: Member must not be null",
      );
      const large = await failure(
        kms.send(new DecryptCommand({ CiphertextBlob: new Uint8Array(6145) })),
      );
      expect(large.message).toBe(
        "1 validation error detected: Value at 'ciphertextBlob' failed to satisfy constraint: Member must have length less than or equal to 6144",
      );
      const algorithm = await failure(
        kms.send(
          new EncryptCommand({
            KeyId: APP_KEY_ID,
            Plaintext: utf8('x'),
            EncryptionAlgorithm: 'FOO' as never,
          }),
        ),
      );
      expect(algorithm.message).toBe(
        "1 validation error detected: Value 'FOO' at 'encryptionAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256, SM2PKE, SYMMETRIC_DEFAULT]",
      );
      const tokens = await failure(
        kms.send(
          new EncryptCommand({
            KeyId: APP_KEY_ID,
            Plaintext: utf8('x'),
            GrantTokens: Array.from({ length: 11 }, (_, i) => `token-${i}`),
          }),
        ),
      );
      expect(tokens.name).toBe('ValidationException');
      expect(tokens.message).toContain(
        "at 'grantTokens' failed to satisfy constraint: Member must have length less than or equal to 10",
      );
    });
  });

  describe('GenerateDataKey and GenerateDataKeyWithoutPlaintext', () => {
    it('returns a data key whose CiphertextBlob decrypts to the same bytes', async () => {
      const context = { purpose: 'envelope' };
      const dataKey = await kms.send(
        new GenerateDataKeyCommand({
          KeyId: 'alias/demo-app',
          KeySpec: 'AES_256',
          EncryptionContext: context,
        }),
      );
      expect(dataKey.Plaintext).toHaveLength(32);
      expect(dataKey.KeyId).toBe(keyArn(APP_KEY_ID));
      expect(dataKey.KeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
      const decrypted = await kms.send(
        new DecryptCommand({ CiphertextBlob: dataKey.CiphertextBlob, EncryptionContext: context }),
      );
      expect(decrypted.Plaintext).toEqual(dataKey.Plaintext);
      expect(decrypted.KeyMaterialId).toBe(dataKey.KeyMaterialId);
    });

    it('sizes the key by KeySpec or NumberOfBytes', async () => {
      const sizes: [Partial<GenerateDataKeyCommandInput>, number][] = [
        [{ KeySpec: 'AES_128' }, 16],
        [{ KeySpec: 'AES_256' }, 32],
        [{ NumberOfBytes: 1 }, 1],
        [{ NumberOfBytes: 1024 }, 1024],
      ];
      for (const [member, length] of sizes) {
        const dataKey = await kms.send(
          new GenerateDataKeyCommand({ KeyId: APP_KEY_ID, ...member }),
        );
        expect(dataKey.Plaintext).toHaveLength(length);
      }
    });

    it('returns no plaintext from GenerateDataKeyWithoutPlaintext', async () => {
      const dataKey = await kms.send(
        new GenerateDataKeyWithoutPlaintextCommand({ KeyId: APP_KEY_ID, NumberOfBytes: 24 }),
      );
      expect(dataKey).not.toHaveProperty('Plaintext');
      expect(dataKey.KeyId).toBe(keyArn(APP_KEY_ID));
      const decrypted = await kms.send(
        new DecryptCommand({ CiphertextBlob: dataKey.CiphertextBlob }),
      );
      expect(decrypted.Plaintext).toHaveLength(24);
    });

    it('needs exactly one of KeySpec and NumberOfBytes', async () => {
      for (const members of [{}, { KeySpec: 'AES_256', NumberOfBytes: 32 }] as const) {
        for (const Command of [GenerateDataKeyCommand, GenerateDataKeyWithoutPlaintextCommand]) {
          const error = await failure(kms.send(new Command({ KeyId: APP_KEY_ID, ...members })));
          expect(error).toEqual({
            name: 'ValidationException',
            message: 'Please specify either number of bytes or key spec.',
          });
        }
      }
    });

    it('validates NumberOfBytes and KeySpec as AWS words it', async () => {
      const zero = await failure(
        kms.send(new GenerateDataKeyCommand({ KeyId: APP_KEY_ID, NumberOfBytes: 0 })),
      );
      expect(zero).toEqual({
        name: 'ValidationException',
        message:
          "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1",
      });
      const many = await failure(
        kms.send(new GenerateDataKeyCommand({ KeyId: APP_KEY_ID, NumberOfBytes: 1025 })),
      );
      expect(many.message).toBe(
        "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024",
      );
      const spec = await failure(
        kms.send(new GenerateDataKeyCommand({ KeyId: APP_KEY_ID, KeySpec: 'AES_512' as never })),
      );
      expect(spec.message).toBe(
        "1 validation error detected: Value 'AES_512' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [RSA_2048, RSA_3072, RSA_4096, ECC_NIST_P256, ECC_NIST_P384, ECC_NIST_P521, ECC_SECG_P256K1, ECC_NIST_EDWARDS25519, SYMMETRIC_DEFAULT, HMAC_224, HMAC_256, HMAC_384, HMAC_512, SM2, ML_DSA_44, ML_DSA_65, ML_DSA_87]",
      );
    });

    it('refuses an asymmetric KMS key', async () => {
      const error = await failure(
        kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/demo-rsa', KeySpec: 'AES_256' })),
      );
      expect(error).toEqual({
        name: 'InvalidKeyUsageException',
        message: 'You cannot generate a data key with an asymmetric CMK',
      });
      const usage = await failure(
        kms.send(
          new GenerateDataKeyWithoutPlaintextCommand({ KeyId: SIGN_KEY_ID, KeySpec: 'AES_256' }),
        ),
      );
      expect(usage.message).toBe(
        `${keyArn(SIGN_KEY_ID)} key usage is SIGN_VERIFY which is not valid for GenerateDataKeyWithoutPlaintext.`,
      );
    });
  });

  describe('GenerateRandom', () => {
    it('returns the requested number of random bytes', async () => {
      const first = await kms.send(new GenerateRandomCommand({ NumberOfBytes: 32 }));
      const second = await kms.send(new GenerateRandomCommand({ NumberOfBytes: 32 }));
      expect(first.Plaintext).toHaveLength(32);
      expect(first.Plaintext).not.toEqual(second.Plaintext);
      const max = await kms.send(new GenerateRandomCommand({ NumberOfBytes: 1024 }));
      expect(max.Plaintext).toHaveLength(1024);
    });

    it('validates NumberOfBytes', async () => {
      const zero = await failure(kms.send(new GenerateRandomCommand({ NumberOfBytes: 0 })));
      expect(zero).toEqual({
        name: 'ValidationException',
        message:
          "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1",
      });
      const missing = await failure(kms.send(new GenerateRandomCommand({})));
      expect(missing).toEqual({
        name: 'ValidationException',
        message: 'NumberOfBytes is required.',
      });
    });

    it('answers CustomKeyStoreNotFoundException for a custom key store', async () => {
      const error = await failure(
        kms.send(new GenerateRandomCommand({ NumberOfBytes: 8, CustomKeyStoreId: 'cks-1234' })),
      );
      expect(error.name).toBe('CustomKeyStoreNotFoundException');
    });
  });

  describe('ReEncrypt', () => {
    it('moves a ciphertext to another key and context', async () => {
      const blob = await encrypt('move me', { stage: 'one' });
      const answer = await kms.send(
        new ReEncryptCommand({
          CiphertextBlob: blob,
          SourceEncryptionContext: { stage: 'one' },
          DestinationKeyId: 'alias/demo-restricted',
          DestinationEncryptionContext: { stage: 'two' },
        }),
      );
      expect(answer.SourceKeyId).toBe(keyArn(APP_KEY_ID));
      expect(answer.KeyId).toBe(keyArn(RESTRICTED_KEY_ID));
      expect(answer.SourceEncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
      expect(answer.DestinationEncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
      expect(answer.SourceKeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
      expect(answer.DestinationKeyMaterialId).toMatch(/^[0-9a-f]{64}$/);

      const decrypted = await kms.send(
        new DecryptCommand({
          CiphertextBlob: answer.CiphertextBlob,
          EncryptionContext: { stage: 'two' },
        }),
      );
      expect(text(decrypted.Plaintext)).toBe('move me');
      expect(decrypted.KeyId).toBe(keyArn(RESTRICTED_KEY_ID));
    });

    it('re-encrypts under the same key with a new context', async () => {
      const blob = await encrypt('same key');
      const answer = await kms.send(
        new ReEncryptCommand({
          CiphertextBlob: blob,
          SourceKeyId: 'alias/demo-app',
          DestinationKeyId: 'alias/demo-app',
          DestinationEncryptionContext: { v: '2' },
        }),
      );
      expect(answer.SourceKeyId).toBe(answer.KeyId);
      const decrypted = await kms.send(
        new DecryptCommand({
          CiphertextBlob: answer.CiphertextBlob,
          EncryptionContext: { v: '2' },
        }),
      );
      expect(text(decrypted.Plaintext)).toBe('same key');
    });

    it('checks the source context, source key and destination key', async () => {
      const blob = await encrypt('checked', { stage: 'one' });
      const context = await failure(
        kms.send(
          new ReEncryptCommand({
            CiphertextBlob: blob,
            SourceEncryptionContext: { stage: 'ONE' },
            DestinationKeyId: APP_KEY_ID,
          }),
        ),
      );
      expect(context.name).toBe('InvalidCiphertextException');
      const source = await failure(
        kms.send(
          new ReEncryptCommand({
            CiphertextBlob: blob,
            SourceEncryptionContext: { stage: 'one' },
            SourceKeyId: RESTRICTED_KEY_ID,
            DestinationKeyId: APP_KEY_ID,
          }),
        ),
      );
      expect(source).toEqual({ name: 'IncorrectKeyException', message: INCORRECT_KEY });
      const disabled = await failure(
        kms.send(
          new ReEncryptCommand({
            CiphertextBlob: blob,
            SourceEncryptionContext: { stage: 'one' },
            DestinationKeyId: 'alias/demo-disabled',
          }),
        ),
      );
      expect(disabled).toEqual({
        name: 'DisabledException',
        message: `${keyArn(DISABLED_KEY_ID)} is disabled.`,
      });
      const missing = await failure(
        kms.send(new ReEncryptCommand({ CiphertextBlob: blob } as never)),
      );
      expect(missing.message).toBe(
        "1 validation error detected: Value null at 'destinationKeyId' failed to satisfy constraint: Member must not be null",
      );
    });
  });

  describe('key material rotation and key state', () => {
    it('decrypts ciphertexts made before a rotation with the material they name', async () => {
      const created = await kms.send(new CreateKeyCommand({ Description: 'rotating' }));
      const keyId = created.KeyMetadata!.KeyId!;
      const before = await kms.send(
        new EncryptCommand({ KeyId: keyId, Plaintext: utf8('before rotation') }),
      );
      const beforeMaterial = (
        await kms.send(new DecryptCommand({ CiphertextBlob: before.CiphertextBlob }))
      ).KeyMaterialId;

      await kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
      const after = await kms.send(
        new EncryptCommand({ KeyId: keyId, Plaintext: utf8('after rotation') }),
      );
      const oldAnswer = await kms.send(
        new DecryptCommand({ CiphertextBlob: before.CiphertextBlob, KeyId: keyId }),
      );
      const newAnswer = await kms.send(
        new DecryptCommand({ CiphertextBlob: after.CiphertextBlob }),
      );
      expect(text(oldAnswer.Plaintext)).toBe('before rotation');
      expect(text(newAnswer.Plaintext)).toBe('after rotation');
      expect(oldAnswer.KeyMaterialId).toBe(beforeMaterial);
      expect(newAnswer.KeyMaterialId).not.toBe(beforeMaterial);
    });

    it('refuses a key pending deletion with KMSInvalidStateException', async () => {
      const created = await kms.send(new CreateKeyCommand({ Description: 'doomed' }));
      const keyArn = created.KeyMetadata!.Arn!;
      const blob = (
        await kms.send(new EncryptCommand({ KeyId: keyArn, Plaintext: utf8('last words') }))
      ).CiphertextBlob;
      await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyArn, PendingWindowInDays: 7 }));

      for (const call of [
        () => kms.send(new EncryptCommand({ KeyId: keyArn, Plaintext: utf8('x') })),
        () => kms.send(new DecryptCommand({ CiphertextBlob: blob })),
        () => kms.send(new GenerateDataKeyCommand({ KeyId: keyArn, KeySpec: 'AES_256' })),
      ]) {
        expect(await failure(call())).toEqual({
          name: 'KMSInvalidStateException',
          message: `${keyArn} is pending deletion.`,
        });
      }
    });
  });
});
