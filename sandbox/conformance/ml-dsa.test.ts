import {
  CreateKeyCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  GetPublicKeyCommand,
  RotateKeyOnDemandCommand,
  SignCommand,
  VerifyCommand,
  type KeySpec,
  type MessageType,
  type SignCommandInput,
} from '@aws-sdk/client-kms';
import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';
import { createHash, createPublicKey, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultKeyPolicy } from '../kms/key-policy';
import { runtimeHasMlDsa } from '../kms/keys';
import { failure, keyArn, suiteSandbox, utf8 } from './harness';
import { DEMO_ACCOUNT, SIGN_KEY_ID } from '../scenario/demo-scenario';

/*
 * ML-DSA through the SDK. Every signature is checked outside the sandbox by an implementation the
 * sandbox does not use for it (RAW signatures come from OpenSSL: @noble/post-quantum checks them;
 * μ signatures come from @noble/post-quantum: OpenSSL checks them), and μ is computed here.
 */

const NOBLE = { ML_DSA_44: ml_dsa44, ML_DSA_65: ml_dsa65, ML_DSA_87: ml_dsa87 } as const;
type MlDsaSpec = keyof typeof NOBLE;
const SPECS: [MlDsaSpec, number, number][] = [
  ['ML_DSA_44', 1334, 2420],
  ['ML_DSA_65', 1974, 3309],
  ['ML_DSA_87', 2614, 4627],
];

/** FIPS 204 μ with the empty context KMS signs with. */
function mu(publicKey: KeyObject, message: Uint8Array): Uint8Array {
  const raw = publicKey.export({ format: 'raw-public' });
  const tr = createHash('shake256', { outputLength: 64 }).update(raw).digest();
  return createHash('shake256', { outputLength: 64 })
    .update(tr)
    .update(Buffer.from([0, 0]))
    .update(message)
    .digest();
}

// Node 22's node:crypto has no ML-DSA: there the sandbox refuses the keys (tested below).
describe.runIf(runtimeHasMlDsa())('ML-DSA keys', () => {
  const sandbox = suiteSandbox();
  const kms = sandbox.kms();

  const createKey = async (KeySpec: KeySpec, Policy?: string) =>
    (await kms.send(new CreateKeyCommand({ KeySpec, KeyUsage: 'SIGN_VERIFY', Policy })))
      .KeyMetadata!;
  const sign = async (input: Partial<SignCommandInput> & { KeyId: string }) =>
    (
      await kms.send(
        new SignCommand({
          Message: utf8('hello'),
          SigningAlgorithm: 'ML_DSA_SHAKE_256',
          ...input,
        }),
      )
    ).Signature!;

  describe.each(SPECS)('%s', (spec, publicKeyBytes, signatureBytes) => {
    let keyId: string;
    let publicKey: KeyObject;
    let rawPublicKey: Uint8Array;
    const message = utf8('release 2026.1 of the firmware');

    beforeAll(async () => {
      keyId = (await createKey(spec)).KeyId!;
      const answer = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
      publicKey = createPublicKey({
        key: Buffer.from(answer.PublicKey!),
        format: 'der',
        type: 'spki',
      });
      rawPublicKey = publicKey.export({ format: 'raw-public' });
    });

    it('is described as AWS describes it', async () => {
      const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
      expect(KeyMetadata).toMatchObject({
        KeySpec: spec,
        CustomerMasterKeySpec: spec,
        KeyUsage: 'SIGN_VERIFY',
        SigningAlgorithms: ['ML_DSA_SHAKE_256'],
        Origin: 'AWS_KMS',
      });
      expect(KeyMetadata).not.toHaveProperty('EncryptionAlgorithms');
      expect(KeyMetadata).not.toHaveProperty('CurrentKeyMaterialId');
    });

    it('gives its public key as SubjectPublicKeyInfo', async () => {
      const answer = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
      expect(answer).toMatchObject({
        KeyId: keyArn(keyId),
        KeySpec: spec,
        KeyUsage: 'SIGN_VERIFY',
        SigningAlgorithms: ['ML_DSA_SHAKE_256'],
      });
      expect(answer).not.toHaveProperty('KeyAgreementAlgorithms');
      expect(answer.PublicKey).toHaveLength(publicKeyBytes);
      expect(publicKey.asymmetricKeyType).toBe(spec.toLowerCase().replaceAll('_', '-'));
    });

    it('signs a RAW message that @noble/post-quantum verifies, and Verify agrees', async () => {
      const signed = await kms.send(
        new SignCommand({
          KeyId: keyId,
          Message: message,
          MessageType: 'RAW',
          SigningAlgorithm: 'ML_DSA_SHAKE_256',
        }),
      );
      expect(signed).toMatchObject({ KeyId: keyArn(keyId), SigningAlgorithm: 'ML_DSA_SHAKE_256' });
      expect(signed.Signature).toHaveLength(signatureBytes);
      expect(NOBLE[spec].verify(signed.Signature!, message, rawPublicKey)).toBe(true);
      expect(NOBLE[spec].verify(signed.Signature!, utf8('another'), rawPublicKey)).toBe(false);

      const verified = await kms.send(
        new VerifyCommand({
          KeyId: keyId,
          Message: message,
          Signature: signed.Signature,
          SigningAlgorithm: 'ML_DSA_SHAKE_256',
        }),
      );
      expect(verified).toEqual(
        expect.objectContaining({
          KeyId: keyArn(keyId),
          SignatureValid: true,
          SigningAlgorithm: 'ML_DSA_SHAKE_256',
        }),
      );
      // The same signature verifies as μ: μ stands for the message.
      await expect(
        kms.send(
          new VerifyCommand({
            KeyId: keyId,
            Message: mu(publicKey, message),
            MessageType: 'EXTERNAL_MU',
            Signature: signed.Signature,
            SigningAlgorithm: 'ML_DSA_SHAKE_256',
          }),
        ),
      ).resolves.toMatchObject({ SignatureValid: true });
    });

    it('signs an EXTERNAL_MU for a message longer than 4096 bytes; OpenSSL verifies it', async () => {
      const large = new Uint8Array(50_000).fill(42);
      const signature = await sign({
        KeyId: keyId,
        Message: mu(publicKey, large),
        MessageType: 'EXTERNAL_MU',
      });
      expect(signature).toHaveLength(signatureBytes);
      expect(nodeVerify(null, large, publicKey, signature)).toBe(true);
      expect(NOBLE[spec].verify(signature, large, rawPublicKey)).toBe(true);
    });

    it('answers KMSInvalidSignatureException for a signature that does not verify', async () => {
      const signature = await sign({ KeyId: keyId, Message: message });
      const tampered = Uint8Array.from(signature);
      tampered[10] ^= 0x80;
      for (const MessageType of ['RAW', 'EXTERNAL_MU'] as const) {
        const Message = MessageType === 'RAW' ? message : mu(publicKey, message);
        expect(
          await failure(
            kms.send(
              new VerifyCommand({
                KeyId: keyId,
                Message,
                MessageType,
                Signature: tampered,
                SigningAlgorithm: 'ML_DSA_SHAKE_256',
              }),
            ),
          ),
          // KMS sends no message; the SDK reports an empty one as 'UnknownError'.
        ).toEqual({ name: 'KMSInvalidSignatureException', message: 'UnknownError' });
      }
    });
  });

  describe('what an ML-DSA key refuses', () => {
    let keyId: string;
    beforeAll(async () => {
      keyId = (await createKey('ML_DSA_44')).KeyId!;
    });

    it('refuses a DIGEST with KMS’s message', async () => {
      expect(
        await failure(sign({ KeyId: keyId, Message: new Uint8Array(32), MessageType: 'DIGEST' })),
      ).toEqual({
        name: 'ValidationException',
        message: 'Message type DIGEST is incompatible with key spec ML_DSA_44.',
      });
    });

    it('refuses an EXTERNAL_MU that is not 64 bytes', async () => {
      for (const length of [32, 63, 65]) {
        expect(
          await failure(
            sign({ KeyId: keyId, Message: new Uint8Array(length), MessageType: 'EXTERNAL_MU' }),
          ),
        ).toEqual({
          name: 'ValidationException',
          message: 'External mu is invalid length for algorithm ML_DSA_SHAKE_256.',
        });
      }
    });

    it('refuses SHA-2 signing algorithms, and ML_DSA_SHAKE_256 refuses other keys', async () => {
      expect(await failure(sign({ KeyId: keyId, SigningAlgorithm: 'ECDSA_SHA_256' }))).toEqual({
        name: 'InvalidKeyUsageException',
        message: 'Algorithm ECDSA_SHA_256 is incompatible with key spec ML_DSA_44.',
      });
      expect(await failure(sign({ KeyId: SIGN_KEY_ID }))).toEqual({
        name: 'InvalidKeyUsageException',
        message: 'Algorithm ML_DSA_SHAKE_256 is incompatible with key spec ECC_NIST_P256.',
      });
      expect(
        await failure(
          sign({
            KeyId: SIGN_KEY_ID,
            SigningAlgorithm: 'ECDSA_SHA_256',
            Message: new Uint8Array(64),
            MessageType: 'EXTERNAL_MU',
          }),
        ),
      ).toEqual({
        name: 'ValidationException',
        message: 'Message type EXTERNAL_MU is incompatible with key spec ECC_NIST_P256.',
      });
    });

    it('takes RAW messages of 4096 bytes at most', async () => {
      await expect(sign({ KeyId: keyId, Message: new Uint8Array(4096) })).resolves.toBeDefined();
      expect(await failure(sign({ KeyId: keyId, Message: new Uint8Array(4097) }))).toEqual({
        name: 'ValidationException',
        message:
          "1 validation error detected: Value at 'message' failed to satisfy constraint: Member must have length less than or equal to 4096",
      });
    });

    it('needs KeyUsage SIGN_VERIFY at creation', async () => {
      expect(await failure(kms.send(new CreateKeyCommand({ KeySpec: 'ML_DSA_65' })))).toEqual({
        name: 'ValidationException',
        message:
          'You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.',
      });
      expect(
        await failure(
          kms.send(new CreateKeyCommand({ KeySpec: 'ML_DSA_65', KeyUsage: 'ENCRYPT_DECRYPT' })),
        ),
      ).toEqual({
        name: 'ValidationException',
        message: 'KeyUsage ENCRYPT_DECRYPT is not compatible with KeySpec ML_DSA_65',
      });
    });

    it('has no rotating key material', async () => {
      expect(await failure(kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId })))).toEqual({
        name: 'UnsupportedOperationException',
        message: 'UnknownError',
      });
    });

    it('answers dry runs after every check, and DisabledException when disabled', async () => {
      expect(await failure(sign({ KeyId: keyId, DryRun: true }))).toEqual({
        name: 'DryRunOperationException',
        message: 'The request would have succeeded, but the DryRun option is set.',
      });
      expect(
        await failure(
          sign({ KeyId: keyId, DryRun: true, Message: new Uint8Array(32), MessageType: 'DIGEST' }),
        ),
      ).toMatchObject({ name: 'ValidationException' });
      const disabledKey = (await createKey('ML_DSA_87')).KeyId!;
      await kms.send(new DisableKeyCommand({ KeyId: disabledKey }));
      expect(await failure(sign({ KeyId: disabledKey }))).toEqual({
        name: 'DisabledException',
        message: `${keyArn(disabledKey)} is disabled.`,
      });
    });
  });

  describe('authorization', () => {
    it('sets kms:MessageType, kms:SigningAlgorithm and kms:KeySpec for ML-DSA requests', async () => {
      const denyExternalMu = JSON.parse(defaultKeyPolicy(DEMO_ACCOUNT)) as { Statement: object[] };
      denyExternalMu.Statement.push({
        Sid: 'Only whole messages from this key',
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: ['kms:Sign', 'kms:Verify'],
        Resource: '*',
        Condition: {
          StringEquals: {
            'kms:MessageType': 'EXTERNAL_MU',
            'kms:SigningAlgorithm': 'ML_DSA_SHAKE_256',
            'kms:KeySpec': 'ML_DSA_65',
          },
        },
      });
      const keyId = (await createKey('ML_DSA_65', JSON.stringify(denyExternalMu))).KeyId!;
      await expect(sign({ KeyId: keyId, MessageType: 'RAW' })).resolves.toBeDefined();
      const mlDsaMu: MessageType = 'EXTERNAL_MU';
      expect(
        await failure(sign({ KeyId: keyId, Message: new Uint8Array(64), MessageType: mlDsaMu })),
      ).toEqual({
        name: 'AccessDeniedException',
        message: `User: arn:aws:iam::${DEMO_ACCOUNT}:user/admin is not authorized to perform: kms:Sign on resource: ${keyArn(keyId)} with an explicit deny in a resource-based policy`,
      });
    });
  });
});

describe.skipIf(runtimeHasMlDsa())('ML-DSA keys on a Node.js without ML-DSA', () => {
  const sandbox = suiteSandbox();
  const kms = sandbox.kms();

  it('refuses to create one, saying which Node.js it needs', async () => {
    expect(
      await failure(
        kms.send(new CreateKeyCommand({ KeySpec: 'ML_DSA_65', KeyUsage: 'SIGN_VERIFY' })),
      ),
    ).toEqual({
      name: 'UnsupportedOperationException',
      message: `KeySpec ML_DSA_65 needs Node.js 24 or later: this sandbox runs on Node.js ${process.version}, whose node:crypto has no ML-DSA. Start the sandbox on Node.js 24 (README, Development) to create ML-DSA keys.`,
    });
  });
});
