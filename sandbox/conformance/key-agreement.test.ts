import {
  CreateGrantCommand,
  CreateKeyCommand,
  DeriveSharedSecretCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  GetPublicKeyCommand,
  ScheduleKeyDeletionCommand,
  SignCommand,
  type DeriveSharedSecretCommandInput,
  type KeySpec,
} from '@aws-sdk/client-kms';
import { createPublicKey, diffieHellman, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultKeyPolicy } from '../kms/key-policy';
import { failure, keyArn, PARTNER_ADMIN, signInAs, suiteSandbox } from './harness';
import { APP_KEY_ID, DEMO_ACCOUNT, SIGN_KEY_ID } from '../scenario/demo-scenario';

const CURVES: [KeySpec, string, number][] = [
  ['ECC_NIST_P256', 'prime256v1', 32],
  ['ECC_NIST_P384', 'secp384r1', 48],
  ['ECC_NIST_P521', 'secp521r1', 66],
];

const spkiDer = (key: KeyObject) => key.export({ type: 'spki', format: 'der' });

describe('key agreement (DeriveSharedSecret)', () => {
  const sandbox = suiteSandbox();
  const kms = sandbox.kms();

  const createKey = async (KeySpec: KeySpec, Policy?: string) =>
    (await kms.send(new CreateKeyCommand({ KeySpec, KeyUsage: 'KEY_AGREEMENT', Policy })))
      .KeyMetadata!;
  const publicKeyOf = async (KeyId: string) =>
    createPublicKey({
      key: Buffer.from((await kms.send(new GetPublicKeyCommand({ KeyId }))).PublicKey!),
      format: 'der',
      type: 'spki',
    });
  const derive = (
    input: Partial<DeriveSharedSecretCommandInput> & { KeyId: string },
    client = kms,
  ) =>
    client.send(
      new DeriveSharedSecretCommand({
        KeyAgreementAlgorithm: 'ECDH',
        PublicKey: spkiDer(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey),
        ...input,
      }),
    );

  describe.each(CURVES)('%s', (spec, curve, secretBytes) => {
    let keyId: string;
    beforeAll(async () => {
      keyId = (await createKey(spec)).KeyId!;
    });

    it('is described with KeyAgreementAlgorithms ECDH and nothing else', async () => {
      const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
      expect(KeyMetadata).toMatchObject({
        KeySpec: spec,
        KeyUsage: 'KEY_AGREEMENT',
        KeyAgreementAlgorithms: ['ECDH'],
      });
      expect(KeyMetadata).not.toHaveProperty('SigningAlgorithms');
      const answer = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
      expect(answer).toMatchObject({
        KeyId: keyArn(keyId),
        KeySpec: spec,
        KeyUsage: 'KEY_AGREEMENT',
        KeyAgreementAlgorithms: ['ECDH'],
      });
      expect(answer).not.toHaveProperty('SigningAlgorithms');
      expect(answer).not.toHaveProperty('EncryptionAlgorithms');
    });

    it('derives the raw secret the peer derives with node:crypto', async () => {
      const peer = generateKeyPairSync('ec', { namedCurve: curve });
      const answer = await derive({ KeyId: keyId, PublicKey: spkiDer(peer.publicKey) });
      expect(answer).toEqual(
        expect.objectContaining({
          KeyId: keyArn(keyId),
          KeyAgreementAlgorithm: 'ECDH',
          KeyOrigin: 'AWS_KMS',
        }),
      );
      expect(answer).not.toHaveProperty('CiphertextForRecipient');
      const expected = diffieHellman({
        privateKey: peer.privateKey,
        publicKey: await publicKeyOf(keyId),
      });
      expect(answer.SharedSecret).toHaveLength(secretBytes);
      expect(Buffer.from(answer.SharedSecret!).equals(expected)).toBe(true);
    });

    it('agrees with another KMS key on the same curve', async () => {
      const other = (await createKey(spec)).KeyId!;
      const ours = await derive({ KeyId: keyId, PublicKey: spkiDer(await publicKeyOf(other)) });
      const theirs = await derive({ KeyId: other, PublicKey: spkiDer(await publicKeyOf(keyId)) });
      expect(Buffer.from(ours.SharedSecret!).equals(Buffer.from(theirs.SharedSecret!))).toBe(true);
    });
  });

  describe('the public key', () => {
    let keyId: string;
    beforeAll(async () => {
      keyId = (await createKey('ECC_NIST_P256')).KeyId!;
    });

    it('must be on the same curve', async () => {
      const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey;
      expect(await failure(derive({ KeyId: keyId, PublicKey: spkiDer(p384) }))).toEqual({
        name: 'ValidationException',
        message: `PublicKey is a public key on ECC_NIST_P384, but ${keyArn(keyId)} is an ECC_NIST_P256 key: both key pairs must use the same elliptic curve.`,
      });
      const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
      expect((await failure(derive({ KeyId: keyId, PublicKey: spkiDer(rsa) }))).message).toBe(
        `PublicKey is an RSA public key, but ${keyArn(keyId)} is an ECC_NIST_P256 key: both key pairs must use the same elliptic curve.`,
      );
    });

    it('must be SubjectPublicKeyInfo DER: not PEM text, not a raw point, not a point off the curve', async () => {
      const peer = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey;
      const pem = Buffer.from(peer.export({ type: 'spki', format: 'pem' }));
      const raw = peer.export({ format: 'jwk' });
      const point = Buffer.concat([
        Buffer.of(4),
        Buffer.from(raw.x!, 'base64url'),
        Buffer.from(raw.y!, 'base64url'),
      ]);
      const offCurve = Buffer.from(spkiDer(peer));
      offCurve[offCurve.length - 1] ^= 1;
      for (const PublicKey of [pem, point, offCurve]) {
        expect(await failure(derive({ KeyId: keyId, PublicKey }))).toEqual({
          name: 'ValidationException',
          message:
            'PublicKey must be a DER-encoded X.509 SubjectPublicKeyInfo (RFC 5280) of a point on the ECC_NIST_P256 curve. A PEM file must be base64-decoded without its BEGIN/END lines first; AWS CLI v1 needs the DER in a file (fileb://).',
        });
      }
    });

    it('is validated as the model says', async () => {
      expect(
        await failure(
          kms.send(
            new DeriveSharedSecretCommand({
              KeyId: keyId,
              KeyAgreementAlgorithm: 'ECDHE' as 'ECDH',
              PublicKey: undefined as unknown as Uint8Array,
            }),
          ),
        ),
      ).toEqual({
        name: 'ValidationException',
        message:
          "2 validation errors detected: Value 'ECDHE' at 'keyAgreementAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [ECDH]; Value null at 'publicKey' failed to satisfy constraint: Member must not be null",
      });
      expect(
        (await failure(derive({ KeyId: keyId, PublicKey: new Uint8Array(8193) }))).message,
      ).toBe(
        "1 validation error detected: Value at 'publicKey' failed to satisfy constraint: Member must have length less than or equal to 8192",
      );
    });
  });

  describe('keys and states', () => {
    it('needs a KEY_AGREEMENT key, which signs nothing', async () => {
      expect(await failure(derive({ KeyId: SIGN_KEY_ID }))).toEqual({
        name: 'InvalidKeyUsageException',
        message: `${keyArn(SIGN_KEY_ID)} key usage is SIGN_VERIFY which is not valid for DeriveSharedSecret.`,
      });
      expect(await failure(derive({ KeyId: 'alias/demo-app' }))).toEqual({
        name: 'InvalidKeyUsageException',
        message: `${keyArn(APP_KEY_ID)} key usage is ENCRYPT_DECRYPT which is not valid for DeriveSharedSecret.`,
      });
      const keyId = (await createKey('ECC_NIST_P256')).KeyId!;
      expect(
        await failure(
          kms.send(
            new SignCommand({
              KeyId: keyId,
              Message: new Uint8Array(1),
              SigningAlgorithm: 'ECDSA_SHA_256',
            }),
          ),
        ),
      ).toEqual({
        name: 'InvalidKeyUsageException',
        message: `${keyArn(keyId)} key usage is KEY_AGREEMENT which is not valid for Sign.`,
      });
    });

    it('refuses disabled keys and keys pending deletion', async () => {
      const disabled = (await createKey('ECC_NIST_P256')).KeyId!;
      await kms.send(new DisableKeyCommand({ KeyId: disabled }));
      expect(await failure(derive({ KeyId: disabled }))).toEqual({
        name: 'DisabledException',
        message: `${keyArn(disabled)} is disabled.`,
      });
      const deleted = (await createKey('ECC_NIST_P256')).KeyId!;
      await kms.send(new ScheduleKeyDeletionCommand({ KeyId: deleted, PendingWindowInDays: 7 }));
      expect(await failure(derive({ KeyId: deleted }))).toEqual({
        name: 'KMSInvalidStateException',
        message: `${keyArn(deleted)} is pending deletion.`,
      });
    });

    it('answers a dry run after every check, the public key included', async () => {
      const keyId = (await createKey('ECC_NIST_P256')).KeyId!;
      expect(await failure(derive({ KeyId: keyId, DryRun: true }))).toEqual({
        name: 'DryRunOperationException',
        message: 'The request would have succeeded, but the DryRun option is set.',
      });
      const p521 = generateKeyPairSync('ec', { namedCurve: 'secp521r1' }).publicKey;
      expect(
        (await failure(derive({ KeyId: keyId, DryRun: true, PublicKey: spkiDer(p521) }))).name,
      ).toBe('ValidationException');
    });

    it('refuses a Recipient: the sandbox cannot verify Nitro Enclaves attestation documents', async () => {
      const keyId = (await createKey('ECC_NIST_P256')).KeyId!;
      expect(
        await failure(
          derive({
            KeyId: keyId,
            Recipient: {
              KeyEncryptionAlgorithm: 'RSAES_OAEP_SHA_256',
              AttestationDocument: new Uint8Array(16),
            },
          }),
        ),
      ).toEqual({
        name: 'ValidationException',
        message:
          'The sandbox does not support Recipient: it cannot verify Nitro Enclaves attestation documents.',
      });
    });
  });

  describe('authorization', () => {
    it('is kms:DeriveSharedSecret, which the operator’s role does not allow', async () => {
      const keyId = (await createKey('ECC_NIST_P256')).KeyId!;
      const operator = sandbox.kms(await signInAs(sandbox, 'operator'));
      expect(await failure(derive({ KeyId: keyId }, operator))).toEqual({
        name: 'AccessDeniedException',
        message: `User: arn:aws:sts::${DEMO_ACCOUNT}:assumed-role/KmsOperator/CognitoIdentityCredentials is not authorized to perform: kms:DeriveSharedSecret on resource: ${keyArn(keyId)} because no identity-based policy allows the kms:DeriveSharedSecret action`,
      });
    });

    it('sets kms:KeyAgreementAlgorithm, and a key policy can deny on it', async () => {
      const policy = JSON.parse(defaultKeyPolicy(DEMO_ACCOUNT)) as { Statement: object[] };
      policy.Statement.push({
        Sid: 'No raw ECDH secrets for admins',
        Effect: 'Deny',
        Principal: { AWS: `arn:aws:iam::${DEMO_ACCOUNT}:user/admin` },
        Action: 'kms:DeriveSharedSecret',
        Resource: '*',
        Condition: { StringEquals: { 'kms:KeyAgreementAlgorithm': 'ECDH' } },
      });
      const keyId = (await createKey('ECC_NIST_P256', JSON.stringify(policy))).KeyId!;
      expect(await failure(derive({ KeyId: keyId }))).toEqual({
        name: 'AccessDeniedException',
        message: `User: arn:aws:iam::${DEMO_ACCOUNT}:user/admin is not authorized to perform: kms:DeriveSharedSecret on resource: ${keyArn(keyId)} with an explicit deny in a resource-based policy`,
      });
      expect((await failure(derive({ KeyId: keyId, DryRun: true }))).name).toBe(
        'AccessDeniedException',
      );
    });

    it('works across accounts by key ARN through a grant of DeriveSharedSecret', async () => {
      const keyId = (await createKey('ECC_NIST_P384')).KeyId!;
      const partner = sandbox.kms(PARTNER_ADMIN);
      const peer = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
      const request = { KeyId: keyArn(keyId), PublicKey: spkiDer(peer.publicKey) };
      expect((await failure(derive(request, partner))).name).toBe('AccessDeniedException');
      await kms.send(
        new CreateGrantCommand({
          KeyId: keyId,
          GranteePrincipal: 'arn:aws:iam::444455556666:root',
          Operations: ['DeriveSharedSecret'],
        }),
      );
      const answer = await derive(request, partner);
      const expected = diffieHellman({
        privateKey: peer.privateKey,
        publicKey: await publicKeyOf(keyId),
      });
      expect(Buffer.from(answer.SharedSecret!).equals(expected)).toBe(true);
      expect((await failure(derive({ KeyId: keyId }, partner))).name).toBe('NotFoundException');
    });
  });
});
