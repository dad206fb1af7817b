import {
  CreateKeyCommand,
  DecryptCommand,
  DisableKeyCommand,
  EncryptCommand,
  GenerateDataKeyPairCommand,
  GenerateDataKeyPairWithoutPlaintextCommand,
  GenerateMacCommand,
  GetPublicKeyCommand,
  ReEncryptCommand,
  SignCommand,
  VerifyCommand,
  VerifyMacCommand,
  type DataKeyPairSpec,
  type SigningAlgorithmSpec,
} from '@aws-sdk/client-kms';
import {
  constants,
  createHash,
  createPrivateKey,
  createPublicKey,
  publicEncrypt,
  verify as nodeVerify,
  type KeyObject,
} from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { failure, keyArn, suiteSandbox, text, utf8 } from './harness';
import { APP_KEY_ID, HMAC_KEY_ID, RSA_KEY_ID, SIGN_KEY_ID } from '../scenario/demo-scenario';
import { BLOB_VERSION } from '../kms/keys/ciphertext-blob';

const sha = (algorithm: string, data: Uint8Array) => createHash(algorithm).update(data).digest();
const spki = (der: Uint8Array) =>
  createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' });

describe('asymmetric cryptography, MACs and data key pairs', () => {
  const sandbox = suiteSandbox();
  const kms = sandbox.kms();

  const publicKeyOf = async (keyId: string): Promise<KeyObject> =>
    spki((await kms.send(new GetPublicKeyCommand({ KeyId: keyId }))).PublicKey!);

  describe('GetPublicKey', () => {
    it('describes an RSA encryption key', async () => {
      const answer = await kms.send(new GetPublicKeyCommand({ KeyId: 'alias/demo-rsa' }));
      expect(answer).toMatchObject({
        KeyId: keyArn(RSA_KEY_ID),
        KeySpec: 'RSA_2048',
        CustomerMasterKeySpec: 'RSA_2048',
        KeyUsage: 'ENCRYPT_DECRYPT',
        EncryptionAlgorithms: ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'],
      });
      expect(answer).not.toHaveProperty('SigningAlgorithms');
      const key = spki(answer.PublicKey!);
      expect(key.asymmetricKeyType).toBe('rsa');
      expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
    });

    it('describes an ECC signing key', async () => {
      const answer = await kms.send(new GetPublicKeyCommand({ KeyId: 'alias/demo-sign' }));
      expect(answer).toMatchObject({
        KeyId: keyArn(SIGN_KEY_ID),
        KeySpec: 'ECC_NIST_P256',
        KeyUsage: 'SIGN_VERIFY',
        SigningAlgorithms: ['ECDSA_SHA_256'],
      });
      expect(answer).not.toHaveProperty('EncryptionAlgorithms');
      expect(spki(answer.PublicKey!).asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    });

    it('refuses symmetric and HMAC keys with UnsupportedOperationException', async () => {
      for (const keyId of [APP_KEY_ID, HMAC_KEY_ID]) {
        const error = await failure(kms.send(new GetPublicKeyCommand({ KeyId: keyId })));
        expect(error.name).toBe('UnsupportedOperationException');
      }
    });

    it('works on a disabled key', async () => {
      const created = await kms.send(
        new CreateKeyCommand({ KeySpec: 'ECC_NIST_P384', KeyUsage: 'SIGN_VERIFY' }),
      );
      const keyId = created.KeyMetadata!.KeyId!;
      await kms.send(new DisableKeyCommand({ KeyId: keyId }));
      const answer = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
      expect(answer.SigningAlgorithms).toEqual(['ECDSA_SHA_384']);
    });
  });

  describe('RSA encryption', () => {
    it('encrypts and decrypts with both OAEP algorithms', async () => {
      for (const algorithm of ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'] as const) {
        const encrypted = await kms.send(
          new EncryptCommand({
            KeyId: 'alias/demo-rsa',
            Plaintext: utf8(`secret via ${algorithm}`),
            EncryptionAlgorithm: algorithm,
          }),
        );
        expect(encrypted.CiphertextBlob).toHaveLength(256);
        expect(encrypted.EncryptionAlgorithm).toBe(algorithm);
        expect(encrypted.KeyId).toBe(keyArn(RSA_KEY_ID));
        const decrypted = await kms.send(
          new DecryptCommand({
            CiphertextBlob: encrypted.CiphertextBlob,
            KeyId: 'alias/demo-rsa',
            EncryptionAlgorithm: algorithm,
          }),
        );
        expect(text(decrypted.Plaintext)).toBe(`secret via ${algorithm}`);
        expect(decrypted.EncryptionAlgorithm).toBe(algorithm);
        expect(decrypted.KeyId).toBe(keyArn(RSA_KEY_ID));
        expect(decrypted).not.toHaveProperty('KeyMaterialId');
      }
    });

    it('decrypts a ciphertext made outside KMS with the public key', async () => {
      const publicKey = await publicKeyOf('alias/demo-rsa');
      for (const [algorithm, oaepHash] of [
        ['RSAES_OAEP_SHA_256', 'sha256'],
        ['RSAES_OAEP_SHA_1', 'sha1'],
      ] as const) {
        const ciphertext = publicEncrypt(
          { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash },
          Buffer.from('made outside'),
        );
        const decrypted = await kms.send(
          new DecryptCommand({
            CiphertextBlob: ciphertext,
            KeyId: RSA_KEY_ID,
            EncryptionAlgorithm: algorithm,
          }),
        );
        expect(text(decrypted.Plaintext)).toBe('made outside');
      }
    });

    it('needs the KeyId and the algorithm the ciphertext was made with', async () => {
      const blob = (
        await kms.send(
          new EncryptCommand({
            KeyId: RSA_KEY_ID,
            Plaintext: utf8('x'),
            EncryptionAlgorithm: 'RSAES_OAEP_SHA_256',
          }),
        )
      ).CiphertextBlob;
      // About 1 RSA ciphertext in 128 starts with a byte that marks a symmetric blob: the same
      // answer for such a one.
      const lookalike = Uint8Array.from(blob!);
      lookalike[0] = BLOB_VERSION;
      for (const ciphertext of [blob, lookalike]) {
        for (const input of [
          { KeyId: RSA_KEY_ID },
          { EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' as const },
          { KeyId: RSA_KEY_ID, EncryptionAlgorithm: 'RSAES_OAEP_SHA_1' as const },
        ]) {
          const error = await failure(
            kms.send(new DecryptCommand({ CiphertextBlob: ciphertext, ...input })),
          );
          expect(error.name).toBe('InvalidCiphertextException');
        }
      }
    });

    it('refuses an algorithm that does not fit the key spec', async () => {
      const rsaDefault = await failure(
        kms.send(new EncryptCommand({ KeyId: 'alias/demo-rsa', Plaintext: utf8('x') })),
      );
      expect(rsaDefault).toEqual({
        name: 'InvalidKeyUsageException',
        message: 'Algorithm SYMMETRIC_DEFAULT is incompatible with key spec RSA_2048.',
      });
      const symmetricRsa = await failure(
        kms.send(
          new EncryptCommand({
            KeyId: 'alias/demo-app',
            Plaintext: utf8('x'),
            EncryptionAlgorithm: 'RSAES_OAEP_SHA_256',
          }),
        ),
      );
      expect(symmetricRsa).toEqual({
        name: 'InvalidKeyUsageException',
        message: 'Algorithm RSAES_OAEP_SHA_256 is incompatible with key spec SYMMETRIC_DEFAULT.',
      });
    });

    it('refuses an encryption context', async () => {
      const error = await failure(
        kms.send(
          new EncryptCommand({
            KeyId: RSA_KEY_ID,
            Plaintext: utf8('x'),
            EncryptionAlgorithm: 'RSAES_OAEP_SHA_256',
            EncryptionContext: { department: 'finance' },
          }),
        ),
      );
      expect(error).toEqual({
        name: 'ValidationException',
        message:
          'EncryptionContext is not supported when encrypting/decrypting with asymmetric CMKs.',
      });
    });

    it('limits the plaintext by key size and algorithm', async () => {
      const fits = [
        ['RSAES_OAEP_SHA_256', 190],
        ['RSAES_OAEP_SHA_1', 214],
      ] as const;
      for (const [algorithm, max] of fits) {
        const ok = await kms.send(
          new EncryptCommand({
            KeyId: RSA_KEY_ID,
            Plaintext: new Uint8Array(max),
            EncryptionAlgorithm: algorithm,
          }),
        );
        expect(ok.CiphertextBlob).toHaveLength(256);
        const error = await failure(
          kms.send(
            new EncryptCommand({
              KeyId: RSA_KEY_ID,
              Plaintext: new Uint8Array(max + 1),
              EncryptionAlgorithm: algorithm,
            }),
          ),
        );
        expect(error).toEqual({
          name: 'ValidationException',
          message: `Algorithm ${algorithm} and key spec RSA_2048 cannot encrypt data larger than ${max} bytes.`,
        });
      }
    });

    it('re-encrypts from a symmetric key to an RSA key and back', async () => {
      const blob = (
        await kms.send(new EncryptCommand({ KeyId: APP_KEY_ID, Plaintext: utf8('round trip') }))
      ).CiphertextBlob;
      const toRsa = await kms.send(
        new ReEncryptCommand({
          CiphertextBlob: blob,
          DestinationKeyId: 'alias/demo-rsa',
          DestinationEncryptionAlgorithm: 'RSAES_OAEP_SHA_256',
        }),
      );
      expect(toRsa.CiphertextBlob).toHaveLength(256);
      expect(toRsa).toMatchObject({
        SourceKeyId: keyArn(APP_KEY_ID),
        KeyId: keyArn(RSA_KEY_ID),
        SourceEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
        DestinationEncryptionAlgorithm: 'RSAES_OAEP_SHA_256',
      });
      expect(toRsa).not.toHaveProperty('DestinationKeyMaterialId');

      const back = await kms.send(
        new ReEncryptCommand({
          CiphertextBlob: toRsa.CiphertextBlob,
          SourceKeyId: RSA_KEY_ID,
          SourceEncryptionAlgorithm: 'RSAES_OAEP_SHA_256',
          DestinationKeyId: APP_KEY_ID,
          DestinationEncryptionContext: { back: 'yes' },
        }),
      );
      expect(back.SourceEncryptionAlgorithm).toBe('RSAES_OAEP_SHA_256');
      const decrypted = await kms.send(
        new DecryptCommand({
          CiphertextBlob: back.CiphertextBlob,
          EncryptionContext: { back: 'yes' },
        }),
      );
      expect(text(decrypted.Plaintext)).toBe('round trip');
    });
  });

  describe('Sign and Verify', () => {
    const message = utf8('sign this message');

    it('signs RAW and DIGEST messages with ECDSA that verify outside KMS and in KMS', async () => {
      const publicKey = await publicKeyOf(SIGN_KEY_ID);
      for (const [messageType, payload] of [
        ['RAW', message],
        ['DIGEST', sha('sha256', message)],
      ] as const) {
        const signed = await kms.send(
          new SignCommand({
            KeyId: 'alias/demo-sign',
            Message: payload,
            MessageType: messageType,
            SigningAlgorithm: 'ECDSA_SHA_256',
          }),
        );
        expect(signed.KeyId).toBe(keyArn(SIGN_KEY_ID));
        expect(signed.SigningAlgorithm).toBe('ECDSA_SHA_256');
        expect(
          nodeVerify('sha256', message, { key: publicKey, dsaEncoding: 'der' }, signed.Signature!),
        ).toBe(true);

        for (const [type, body] of [
          ['RAW', message],
          ['DIGEST', sha('sha256', message)],
        ] as const) {
          const verified = await kms.send(
            new VerifyCommand({
              KeyId: SIGN_KEY_ID,
              Message: body,
              MessageType: type,
              Signature: signed.Signature,
              SigningAlgorithm: 'ECDSA_SHA_256',
            }),
          );
          expect(verified).toMatchObject({
            KeyId: keyArn(SIGN_KEY_ID),
            SignatureValid: true,
            SigningAlgorithm: 'ECDSA_SHA_256',
          });
        }
      }
    });

    it('signs with RSA PKCS #1 v1.5 and PSS, RAW and DIGEST', async () => {
      const created = await kms.send(
        new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }),
      );
      const keyId = created.KeyMetadata!.KeyId!;
      const publicKey = await publicKeyOf(keyId);
      const cases: [SigningAlgorithmSpec, string, number][] = [
        ['RSASSA_PKCS1_V1_5_SHA_256', 'sha256', constants.RSA_PKCS1_PADDING],
        ['RSASSA_PKCS1_V1_5_SHA_512', 'sha512', constants.RSA_PKCS1_PADDING],
        ['RSASSA_PSS_SHA_256', 'sha256', constants.RSA_PKCS1_PSS_PADDING],
        ['RSASSA_PSS_SHA_384', 'sha384', constants.RSA_PKCS1_PSS_PADDING],
      ];
      for (const [algorithm, hash, padding] of cases) {
        for (const [messageType, payload] of [
          ['RAW', message],
          ['DIGEST', sha(hash, message)],
        ] as const) {
          const signed = await kms.send(
            new SignCommand({
              KeyId: keyId,
              Message: payload,
              MessageType: messageType,
              SigningAlgorithm: algorithm,
            }),
          );
          expect(signed.Signature).toHaveLength(256);
          const outside = nodeVerify(
            hash,
            message,
            { key: publicKey, padding, saltLength: sha(hash, message).length },
            signed.Signature!,
          );
          expect(outside, `${algorithm} ${messageType}`).toBe(true);
        }
      }
    });

    it('answers KMSInvalidSignatureException for a signature that does not verify', async () => {
      const signed = await kms.send(
        new SignCommand({
          KeyId: SIGN_KEY_ID,
          Message: message,
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      );
      for (const [body, signature] of [
        [utf8('another message'), signed.Signature!],
        [message, new Uint8Array(64).fill(1)],
      ] as const) {
        const error = await failure(
          kms.send(
            new VerifyCommand({
              KeyId: SIGN_KEY_ID,
              Message: body,
              Signature: signature,
              SigningAlgorithm: 'ECDSA_SHA_256',
            }),
          ),
        );
        expect(error.name).toBe('KMSInvalidSignatureException');
      }
    });

    it('checks the digest length, the algorithm and the key usage', async () => {
      const digest = await failure(
        kms.send(
          new SignCommand({
            KeyId: SIGN_KEY_ID,
            Message: new Uint8Array(20),
            MessageType: 'DIGEST',
            SigningAlgorithm: 'ECDSA_SHA_256',
          }),
        ),
      );
      expect(digest).toEqual({
        name: 'ValidationException',
        message: 'Digest is invalid length for algorithm ECDSA_SHA_256.',
      });
      const algorithm = await failure(
        kms.send(
          new SignCommand({
            KeyId: SIGN_KEY_ID,
            Message: message,
            SigningAlgorithm: 'ECDSA_SHA_384',
          }),
        ),
      );
      expect(algorithm).toEqual({
        name: 'InvalidKeyUsageException',
        message: 'Algorithm ECDSA_SHA_384 is incompatible with key spec ECC_NIST_P256.',
      });
      const usage = await failure(
        kms.send(
          new SignCommand({
            KeyId: RSA_KEY_ID,
            Message: message,
            SigningAlgorithm: 'RSASSA_PSS_SHA_256',
          }),
        ),
      );
      expect(usage).toEqual({
        name: 'InvalidKeyUsageException',
        message: `${keyArn(RSA_KEY_ID)} key usage is ENCRYPT_DECRYPT which is not valid for Sign.`,
      });
    });

    it('validates its members as AWS words them', async () => {
      const missing = await failure(
        kms.send(new SignCommand({ KeyId: SIGN_KEY_ID, Message: message } as never)),
      );
      expect(missing.message).toBe(
        "1 validation error detected: Value null at 'signingAlgorithm' failed to satisfy constraint: Member must not be null",
      );
      const unknown = await failure(
        kms.send(
          new SignCommand({
            KeyId: SIGN_KEY_ID,
            Message: message,
            SigningAlgorithm: 'FOO' as never,
          }),
        ),
      );
      expect(unknown.message).toBe(
        "1 validation error detected: Value 'FOO' at 'signingAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [RSASSA_PSS_SHA_256, RSASSA_PSS_SHA_384, RSASSA_PSS_SHA_512, RSASSA_PKCS1_V1_5_SHA_256, RSASSA_PKCS1_V1_5_SHA_384, RSASSA_PKCS1_V1_5_SHA_512, ECDSA_SHA_256, ECDSA_SHA_384, ECDSA_SHA_512, ED25519_SHA_512, ED25519_PH_SHA_512, SM2DSA, ML_DSA_SHAKE_256]",
      );
      const large = await failure(
        kms.send(
          new SignCommand({
            KeyId: SIGN_KEY_ID,
            Message: new Uint8Array(4097),
            SigningAlgorithm: 'ECDSA_SHA_256',
          }),
        ),
      );
      expect(large.message).toBe(
        "1 validation error detected: Value at 'message' failed to satisfy constraint: Member must have length less than or equal to 4096",
      );
      const noSignature = await failure(
        kms.send(
          new VerifyCommand({
            KeyId: SIGN_KEY_ID,
            Message: message,
            SigningAlgorithm: 'ECDSA_SHA_256',
          } as never),
        ),
      );
      expect(noSignature.message).toBe(
        "1 validation error detected: Value null at 'signature' failed to satisfy constraint: Member must not be null",
      );
    });
  });

  describe('GenerateMac and VerifyMac', () => {
    const message = utf8('authenticate me');

    it('generates a MAC that VerifyMac accepts', async () => {
      const generated = await kms.send(
        new GenerateMacCommand({
          KeyId: 'alias/demo-hmac',
          Message: message,
          MacAlgorithm: 'HMAC_SHA_256',
        }),
      );
      expect(generated.Mac).toHaveLength(32);
      expect(generated).toMatchObject({ KeyId: keyArn(HMAC_KEY_ID), MacAlgorithm: 'HMAC_SHA_256' });
      const again = await kms.send(
        new GenerateMacCommand({
          KeyId: HMAC_KEY_ID,
          Message: message,
          MacAlgorithm: 'HMAC_SHA_256',
        }),
      );
      expect(again.Mac).toEqual(generated.Mac);

      const verified = await kms.send(
        new VerifyMacCommand({
          KeyId: HMAC_KEY_ID,
          Message: message,
          Mac: generated.Mac,
          MacAlgorithm: 'HMAC_SHA_256',
        }),
      );
      expect(verified).toMatchObject({
        KeyId: keyArn(HMAC_KEY_ID),
        MacValid: true,
        MacAlgorithm: 'HMAC_SHA_256',
      });
    });

    it('answers KMSInvalidMacException for a MAC that does not match', async () => {
      const generated = await kms.send(
        new GenerateMacCommand({
          KeyId: HMAC_KEY_ID,
          Message: message,
          MacAlgorithm: 'HMAC_SHA_256',
        }),
      );
      const tampered = Uint8Array.from(generated.Mac!);
      tampered[0] ^= 0xff;
      for (const [body, mac] of [
        [message, tampered],
        [utf8('other message'), generated.Mac!],
        [message, generated.Mac!.subarray(0, 16)],
      ] as const) {
        const error = await failure(
          kms.send(
            new VerifyMacCommand({
              KeyId: HMAC_KEY_ID,
              Message: body,
              Mac: mac,
              MacAlgorithm: 'HMAC_SHA_256',
            }),
          ),
        );
        expect(error.name).toBe('KMSInvalidMacException');
      }
    });

    it('checks the algorithm and key usage', async () => {
      const algorithm = await failure(
        kms.send(
          new GenerateMacCommand({
            KeyId: HMAC_KEY_ID,
            Message: message,
            MacAlgorithm: 'HMAC_SHA_512',
          }),
        ),
      );
      expect(algorithm).toEqual({
        name: 'InvalidKeyUsageException',
        message: 'Algorithm HMAC_SHA_512 is incompatible with key spec HMAC_256.',
      });
      const usage = await failure(
        kms.send(
          new GenerateMacCommand({
            KeyId: APP_KEY_ID,
            Message: message,
            MacAlgorithm: 'HMAC_SHA_256',
          }),
        ),
      );
      expect(usage.message).toBe(
        `${keyArn(APP_KEY_ID)} key usage is ENCRYPT_DECRYPT which is not valid for GenerateMac.`,
      );
      const unknown = await failure(
        kms.send(
          new GenerateMacCommand({
            KeyId: HMAC_KEY_ID,
            Message: message,
            MacAlgorithm: 'FOO' as never,
          }),
        ),
      );
      expect(unknown.message).toBe(
        "1 validation error detected: Value 'FOO' at 'macAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [HMAC_SHA_384, HMAC_SHA_256, HMAC_SHA_224, HMAC_SHA_512]",
      );
    });
  });

  describe('GenerateDataKeyPair and GenerateDataKeyPairWithoutPlaintext', () => {
    const specs: [DataKeyPairSpec, string][] = [
      ['ECC_NIST_P256', 'ec'],
      ['RSA_2048', 'rsa'],
    ];

    it('returns a key pair whose private key Decrypt gives back as PKCS #8 DER', async () => {
      for (const [spec, type] of specs) {
        const pair = await kms.send(
          new GenerateDataKeyPairCommand({
            KeyId: 'alias/demo-app',
            KeyPairSpec: spec,
            EncryptionContext: { use: 'pair' },
          }),
        );
        expect(pair).toMatchObject({ KeyId: keyArn(APP_KEY_ID), KeyPairSpec: spec });
        expect(pair.KeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
        const publicKey = spki(pair.PublicKey!);
        expect(publicKey.asymmetricKeyType).toBe(type);
        const privateKey = createPrivateKey({
          key: Buffer.from(pair.PrivateKeyPlaintext!),
          format: 'der',
          type: 'pkcs8',
        });
        expect(createPublicKey(privateKey).export({ format: 'der', type: 'spki' })).toEqual(
          Buffer.from(pair.PublicKey!),
        );

        const decrypted = await kms.send(
          new DecryptCommand({
            CiphertextBlob: pair.PrivateKeyCiphertextBlob,
            EncryptionContext: { use: 'pair' },
          }),
        );
        expect(decrypted.Plaintext).toEqual(pair.PrivateKeyPlaintext);
      }
    });

    it('returns no private key plaintext from the WithoutPlaintext variant', async () => {
      const pair = await kms.send(
        new GenerateDataKeyPairWithoutPlaintextCommand({
          KeyId: APP_KEY_ID,
          KeyPairSpec: 'ECC_SECG_P256K1',
        }),
      );
      expect(pair).not.toHaveProperty('PrivateKeyPlaintext');
      expect(pair.KeyPairSpec).toBe('ECC_SECG_P256K1');
      const decrypted = await kms.send(
        new DecryptCommand({ CiphertextBlob: pair.PrivateKeyCiphertextBlob }),
      );
      const privateKey = createPrivateKey({
        key: Buffer.from(decrypted.Plaintext!),
        format: 'der',
        type: 'pkcs8',
      });
      expect(createPublicKey(privateKey).export({ format: 'der', type: 'spki' })).toEqual(
        Buffer.from(pair.PublicKey!),
      );
    });

    it('refuses an asymmetric KMS key and validates KeyPairSpec', async () => {
      const asymmetric = await failure(
        kms.send(new GenerateDataKeyPairCommand({ KeyId: RSA_KEY_ID, KeyPairSpec: 'RSA_2048' })),
      );
      expect(asymmetric).toEqual({
        name: 'InvalidKeyUsageException',
        message: 'You cannot generate a data key with an asymmetric CMK',
      });
      const missing = await failure(
        kms.send(new GenerateDataKeyPairWithoutPlaintextCommand({ KeyId: APP_KEY_ID } as never)),
      );
      expect(missing.message).toBe(
        "1 validation error detected: Value null at 'keyPairSpec' failed to satisfy constraint: Member must not be null",
      );
      const unknown = await failure(
        kms.send(
          new GenerateDataKeyPairCommand({ KeyId: APP_KEY_ID, KeyPairSpec: 'AES_256' as never }),
        ),
      );
      expect(unknown.message).toBe(
        "1 validation error detected: Value 'AES_256' at 'keyPairSpec' failed to satisfy constraint: Member must satisfy enum value set: [RSA_2048, RSA_3072, RSA_4096, ECC_NIST_P256, ECC_NIST_P384, ECC_NIST_P521, ECC_SECG_P256K1, SM2, ECC_NIST_EDWARDS25519]",
      );
    });
  });
});
