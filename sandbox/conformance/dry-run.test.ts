import {
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyPairCommand,
  GenerateDataKeyPairWithoutPlaintextCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  GenerateMacCommand,
  ListAliasesCommand,
  ListKeyRotationsCommand,
  ListKeysCommand,
  ReEncryptCommand,
  SignCommand,
  VerifyCommand,
  VerifyMacCommand,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, keyArn, suiteSandbox, utf8 } from './harness';
import {
  APP_KEY_ID,
  DISABLED_KEY_ID,
  HMAC_KEY_ID,
  RSA_KEY_ID,
  SIGN_KEY_ID,
} from '../scenario/demo-scenario';

const DRY_RUN = {
  name: 'DryRunOperationException',
  message: 'The request would have succeeded, but the DryRun option is set.',
};

describe('DryRun on the cryptographic operations', () => {
  const sandbox = suiteSandbox();
  const kms = sandbox.kms();
  let ciphertext: Uint8Array;
  let signature: Uint8Array;
  let mac: Uint8Array;
  const context = { purpose: 'dry-run' };
  const message = utf8('dry run message');

  beforeAll(async () => {
    ciphertext = (
      await kms.send(
        new EncryptCommand({
          KeyId: APP_KEY_ID,
          Plaintext: utf8('secret'),
          EncryptionContext: context,
        }),
      )
    ).CiphertextBlob!;
    signature = (
      await kms.send(
        new SignCommand({
          KeyId: SIGN_KEY_ID,
          Message: message,
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      )
    ).Signature!;
    mac = (
      await kms.send(
        new GenerateMacCommand({
          KeyId: HMAC_KEY_ID,
          Message: message,
          MacAlgorithm: 'HMAC_SHA_256',
        }),
      )
    ).Mac!;
  });
  afterAll(() => sandbox.close());

  /** Everything a dry run could conceivably touch: keys, their state and material, aliases. */
  async function snapshot() {
    const keys = (await kms.send(new ListKeysCommand({ Limit: 1000 }))).Keys ?? [];
    const described = [];
    for (const { KeyId } of keys) {
      const metadata = (await kms.send(new DescribeKeyCommand({ KeyId }))).KeyMetadata;
      const rotations =
        metadata?.KeySpec === 'SYMMETRIC_DEFAULT'
          ? (await kms.send(new ListKeyRotationsCommand({ KeyId }))).Rotations
          : undefined;
      described.push({ metadata, rotations });
    }
    const aliases = (await kms.send(new ListAliasesCommand({ Limit: 100 }))).Aliases;
    return { keys, described, aliases };
  }

  it('answers DryRunOperationException from every operation that takes DryRun, changing nothing', async () => {
    const before = await snapshot();
    const calls: [string, () => Promise<unknown>][] = [
      [
        'Encrypt',
        () =>
          kms.send(new EncryptCommand({ KeyId: APP_KEY_ID, Plaintext: utf8('x'), DryRun: true })),
      ],
      [
        'Decrypt',
        () =>
          kms.send(
            new DecryptCommand({
              CiphertextBlob: ciphertext,
              EncryptionContext: context,
              DryRun: true,
            }),
          ),
      ],
      [
        'ReEncrypt',
        () =>
          kms.send(
            new ReEncryptCommand({
              CiphertextBlob: ciphertext,
              SourceEncryptionContext: context,
              DestinationKeyId: 'alias/demo-restricted',
              DryRun: true,
            }),
          ),
      ],
      [
        'GenerateDataKey',
        () =>
          kms.send(
            new GenerateDataKeyCommand({ KeyId: APP_KEY_ID, KeySpec: 'AES_256', DryRun: true }),
          ),
      ],
      [
        'GenerateDataKeyWithoutPlaintext',
        () =>
          kms.send(
            new GenerateDataKeyWithoutPlaintextCommand({
              KeyId: APP_KEY_ID,
              NumberOfBytes: 16,
              DryRun: true,
            }),
          ),
      ],
      [
        'GenerateDataKeyPair',
        () =>
          kms.send(
            new GenerateDataKeyPairCommand({
              KeyId: APP_KEY_ID,
              KeyPairSpec: 'RSA_4096',
              DryRun: true,
            }),
          ),
      ],
      [
        'GenerateDataKeyPairWithoutPlaintext',
        () =>
          kms.send(
            new GenerateDataKeyPairWithoutPlaintextCommand({
              KeyId: APP_KEY_ID,
              KeyPairSpec: 'ECC_NIST_P256',
              DryRun: true,
            }),
          ),
      ],
      [
        'Sign',
        () =>
          kms.send(
            new SignCommand({
              KeyId: SIGN_KEY_ID,
              Message: message,
              SigningAlgorithm: 'ECDSA_SHA_256',
              DryRun: true,
            }),
          ),
      ],
      [
        'Verify',
        () =>
          kms.send(
            new VerifyCommand({
              KeyId: SIGN_KEY_ID,
              Message: message,
              Signature: signature,
              SigningAlgorithm: 'ECDSA_SHA_256',
              DryRun: true,
            }),
          ),
      ],
      [
        'GenerateMac',
        () =>
          kms.send(
            new GenerateMacCommand({
              KeyId: HMAC_KEY_ID,
              Message: message,
              MacAlgorithm: 'HMAC_SHA_256',
              DryRun: true,
            }),
          ),
      ],
      [
        'VerifyMac',
        () =>
          kms.send(
            new VerifyMacCommand({
              KeyId: HMAC_KEY_ID,
              Message: message,
              Mac: mac,
              MacAlgorithm: 'HMAC_SHA_256',
              DryRun: true,
            }),
          ),
      ],
    ];
    for (const [operation, call] of calls) {
      expect({ operation, ...(await failure(call())) }).toEqual({ operation, ...DRY_RUN });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('still reports every error a real call would', async () => {
    const disabled = await failure(
      kms.send(new EncryptCommand({ KeyId: DISABLED_KEY_ID, Plaintext: utf8('x'), DryRun: true })),
    );
    expect(disabled).toEqual({
      name: 'DisabledException',
      message: `${keyArn(DISABLED_KEY_ID)} is disabled.`,
    });

    const usage = await failure(
      kms.send(
        new SignCommand({
          KeyId: APP_KEY_ID,
          Message: message,
          SigningAlgorithm: 'ECDSA_SHA_256',
          DryRun: true,
        }),
      ),
    );
    expect(usage.name).toBe('InvalidKeyUsageException');

    const validation = await failure(
      kms.send(new GenerateDataKeyCommand({ KeyId: APP_KEY_ID, NumberOfBytes: 0, DryRun: true })),
    );
    expect(validation.name).toBe('ValidationException');

    const wrongContext = await failure(
      kms.send(new DecryptCommand({ CiphertextBlob: ciphertext, DryRun: true })),
    );
    expect(wrongContext.name).toBe('InvalidCiphertextException');

    const badSignature = await failure(
      kms.send(
        new VerifyCommand({
          KeyId: SIGN_KEY_ID,
          Message: utf8('another message'),
          Signature: signature,
          SigningAlgorithm: 'ECDSA_SHA_256',
          DryRun: true,
        }),
      ),
    );
    expect(badSignature.name).toBe('KMSInvalidSignatureException');

    const badMac = await failure(
      kms.send(
        new VerifyMacCommand({
          KeyId: HMAC_KEY_ID,
          Message: utf8('another message'),
          Mac: mac,
          MacAlgorithm: 'HMAC_SHA_256',
          DryRun: true,
        }),
      ),
    );
    expect(badMac.name).toBe('KMSInvalidMacException');
  });

  describe('DryRunModifiers IGNORE_CIPHERTEXT', () => {
    const garbage = utf8('this is not a ciphertext');

    it('skips ciphertext validation on Decrypt, taking the key from KeyId', async () => {
      for (const blob of [garbage, undefined]) {
        const answer = await failure(
          kms.send(
            new DecryptCommand({
              CiphertextBlob: blob,
              KeyId: 'alias/demo-app',
              DryRun: true,
              DryRunModifiers: ['IGNORE_CIPHERTEXT'],
            }),
          ),
        );
        expect(answer).toEqual(DRY_RUN);
      }
    });

    it('still checks the KeyId key', async () => {
      const disabled = await failure(
        kms.send(
          new DecryptCommand({
            KeyId: DISABLED_KEY_ID,
            DryRun: true,
            DryRunModifiers: ['IGNORE_CIPHERTEXT'],
          }),
        ),
      );
      expect(disabled.name).toBe('DisabledException');
      const rsaDefault = await failure(
        kms.send(
          new DecryptCommand({
            KeyId: RSA_KEY_ID,
            DryRun: true,
            DryRunModifiers: ['IGNORE_CIPHERTEXT'],
          }),
        ),
      );
      expect(rsaDefault).toEqual({
        name: 'InvalidKeyUsageException',
        message: 'Algorithm SYMMETRIC_DEFAULT is incompatible with key spec RSA_2048.',
      });
      const rsa = await failure(
        kms.send(
          new DecryptCommand({
            KeyId: RSA_KEY_ID,
            EncryptionAlgorithm: 'RSAES_OAEP_SHA_256',
            DryRun: true,
            DryRunModifiers: ['IGNORE_CIPHERTEXT'],
          }),
        ),
      );
      expect(rsa).toEqual(DRY_RUN);
    });

    it('needs KeyId on Decrypt and SourceKeyId on ReEncrypt', async () => {
      const decrypt = await failure(
        kms.send(
          new DecryptCommand({
            CiphertextBlob: garbage,
            DryRun: true,
            DryRunModifiers: ['IGNORE_CIPHERTEXT'],
          }),
        ),
      );
      expect(decrypt).toEqual({
        name: 'ValidationException',
        message:
          "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null",
      });
      const reEncrypt = await failure(
        kms.send(
          new ReEncryptCommand({
            CiphertextBlob: garbage,
            DestinationKeyId: APP_KEY_ID,
            DryRun: true,
            DryRunModifiers: ['IGNORE_CIPHERTEXT'],
          }),
        ),
      );
      expect(reEncrypt).toEqual({
        name: 'ValidationException',
        message:
          "1 validation error detected: Value null at 'sourceKeyId' failed to satisfy constraint: Member must not be null",
      });
    });

    it('skips ciphertext validation on ReEncrypt, taking the source from SourceKeyId', async () => {
      const answer = await failure(
        kms.send(
          new ReEncryptCommand({
            CiphertextBlob: garbage,
            SourceKeyId: APP_KEY_ID,
            DestinationKeyId: 'alias/demo-restricted',
            DryRun: true,
            DryRunModifiers: ['IGNORE_CIPHERTEXT'],
          }),
        ),
      );
      expect(answer).toEqual(DRY_RUN);
      const destination = await failure(
        kms.send(
          new ReEncryptCommand({
            SourceKeyId: APP_KEY_ID,
            DestinationKeyId: 'alias/demo-disabled',
            DryRun: true,
            DryRunModifiers: ['IGNORE_CIPHERTEXT'],
          }),
        ),
      );
      expect(destination.name).toBe('DisabledException');
    });

    it('is ignored without DryRun, and validated', async () => {
      const real = await failure(
        kms.send(
          new DecryptCommand({
            CiphertextBlob: garbage,
            KeyId: APP_KEY_ID,
            DryRunModifiers: ['IGNORE_CIPHERTEXT'],
          }),
        ),
      );
      expect(real.name).toBe('InvalidCiphertextException');
      const unknown = await failure(
        kms.send(
          new DecryptCommand({
            CiphertextBlob: ciphertext,
            DryRun: true,
            DryRunModifiers: ['IGNORE_EVERYTHING' as never],
          }),
        ),
      );
      expect(unknown.name).toBe('ValidationException');
    });
  });
});
