import {
  constants,
  createCipheriv,
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  verify,
} from 'node:crypto';
import {
  CancelKeyDeletionCommand,
  CreateKeyCommand,
  type CreateKeyCommandInput,
  DecryptCommand,
  DeleteImportedKeyMaterialCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  EnableKeyRotationCommand,
  EncryptCommand,
  GenerateMacCommand,
  GetKeyRotationStatusCommand,
  GetParametersForImportCommand,
  type GetParametersForImportCommandInput,
  GetPublicKeyCommand,
  ImportKeyMaterialCommand,
  type ImportKeyMaterialCommandInput,
  KMSClient,
  ListKeyRotationsCommand,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
  SignCommand,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  failure,
  keyPolicyWith,
  PARTNER_ADMIN,
  signInAs,
  startTestSandbox,
  type TestSandbox,
} from './harness';
import { DEMO_ACCOUNT as ACCOUNT } from '../scenario/demo-scenario';

const arn = (keyId: string, account = ACCOUNT) => `arn:aws:kms:us-east-1:${account}:key/${keyId}`;
const DEMO_APP = '1234abcd-12ab-34cd-56ef-1234567890ab';
const PARTNER_KEY = '9a8f7e6d-4c3b-4b2a-9bea-456789abcdef';
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const PKCS8 = { type: 'pkcs8', format: 'der' } as const;

type Algorithm = NonNullable<GetParametersForImportCommandInput['WrappingAlgorithm']>;

/**
 * Wraps key material as the developer guide's step 3 does with openssl, written here from the
 * guide (not with the sandbox's code): RSAES_OAEP_* encrypts the material under the wrapping
 * public key; RSA_AES_KEY_WRAP_* encrypts a fresh 256-bit AES key that way and appends the
 * material wrapped under it with AES key wrap with padding (RFC 5649).
 */
function wrap(publicKeyDer: Uint8Array, algorithm: Algorithm, material: Uint8Array): Buffer {
  const key = createPublicKey({ key: Buffer.from(publicKeyDer), type: 'spki', format: 'der' });
  const oaepHash = algorithm.endsWith('SHA_1') ? 'sha1' : 'sha256';
  const oaep = (data: Uint8Array) =>
    publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, data);
  if (algorithm.startsWith('RSAES_OAEP')) return oaep(material);
  const aesKey = randomBytes(32);
  const kwp = createCipheriv('id-aes256-wrap-pad', aesKey, Buffer.from('A65959A6', 'hex'));
  return Buffer.concat([oaep(aesKey), kwp.update(material), kwp.final()]);
}

const ecPrivateKey = (namedCurve: string) =>
  generateKeyPairSync('ec', { namedCurve }).privateKey.export(PKCS8);
const rsaPrivateKey = (modulusLength: number) =>
  generateKeyPairSync('rsa', { modulusLength }).privateKey.export(PKCS8);

describe('imported key material', () => {
  let sandbox: TestSandbox;
  let kms: KMSClient;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    kms = sandbox.kms();
  });
  afterAll(() => sandbox.close());

  const newKey = async (input: CreateKeyCommandInput = {}) =>
    (await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL', ...input }))).KeyMetadata!;
  const describe_ = async (KeyId: string) =>
    (await kms.send(new DescribeKeyCommand({ KeyId }))).KeyMetadata!;
  const parameters = (
    KeyId: string,
    WrappingAlgorithm: Algorithm = 'RSAES_OAEP_SHA_256',
    WrappingKeySpec: GetParametersForImportCommandInput['WrappingKeySpec'] = 'RSA_2048',
    client = kms,
  ) =>
    client.send(new GetParametersForImportCommand({ KeyId, WrappingAlgorithm, WrappingKeySpec }));
  /** GetParametersForImport, wrap as a client does, ImportKeyMaterial. */
  const importMaterial = async (
    KeyId: string,
    material: Uint8Array,
    options: {
      algorithm?: Algorithm;
      input?: Partial<ImportKeyMaterialCommandInput>;
    } = {},
  ) => {
    const algorithm = options.algorithm ?? 'RSAES_OAEP_SHA_256';
    const { PublicKey, ImportToken } = await parameters(KeyId, algorithm);
    return kms.send(
      new ImportKeyMaterialCommand({
        KeyId,
        ImportToken,
        EncryptedKeyMaterial: wrap(PublicKey!, algorithm, material),
        ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
        ...options.input,
      }),
    );
  };
  const encrypt = async (KeyId: string, text: string) =>
    (await kms.send(new EncryptCommand({ KeyId, Plaintext: new TextEncoder().encode(text) })))
      .CiphertextBlob!;
  const decrypt = async (CiphertextBlob: Uint8Array) =>
    new TextDecoder().decode((await kms.send(new DecryptCommand({ CiphertextBlob }))).Plaintext);
  const rotations = async (KeyId: string, include: 'ALL_KEY_MATERIAL' | 'ROTATIONS_ONLY') =>
    (await kms.send(new ListKeyRotationsCommand({ KeyId, IncludeKeyMaterial: include })))
      .Rotations!;

  describe('CreateKey with Origin EXTERNAL', () => {
    it('makes a key without key material, PendingImport, that names no material', async () => {
      const created = await newKey({ Description: 'for my own key material' });
      expect(created).toMatchObject({
        Origin: 'EXTERNAL',
        KeyState: 'PendingImport',
        Enabled: false,
        KeySpec: 'SYMMETRIC_DEFAULT',
        KeyUsage: 'ENCRYPT_DECRYPT',
      });
      expect(created.CurrentKeyMaterialId).toBeUndefined();
      const described = await describe_(created.KeyId!);
      expect(described.KeyState).toBe('PendingImport');
      expect(described.CurrentKeyMaterialId).toBeUndefined();
      expect(described.ExpirationModel).toBeUndefined();
      expect(described.ValidTo).toBeUndefined();
    });

    it.each([
      ['HMAC_256', 'GENERATE_VERIFY_MAC'],
      ['RSA_3072', 'ENCRYPT_DECRYPT'],
      ['RSA_2048', 'SIGN_VERIFY'],
      ['ECC_NIST_P521', 'SIGN_VERIFY'],
      ['ECC_SECG_P256K1', 'SIGN_VERIFY'],
      ['ECC_NIST_P384', 'KEY_AGREEMENT'],
    ] as const)('makes %s %s keys for import', async (KeySpec, KeyUsage) => {
      const created = await newKey({ KeySpec, KeyUsage });
      expect(created).toMatchObject({ KeySpec, KeyUsage, KeyState: 'PendingImport' });
    });

    it('refuses ML-DSA key specs, whose key material cannot be imported', async () => {
      expect(await failure(newKey({ KeySpec: 'ML_DSA_65', KeyUsage: 'SIGN_VERIFY' }))).toEqual({
        name: 'UnsupportedOperationException',
        message:
          'KeySpec ML_DSA_65 does not support imported key material: KMS keys with Origin EXTERNAL can be SYMMETRIC_DEFAULT, HMAC_*, RSA_* or ECC_* keys.',
      });
    });

    it('refuses crypto and state changes while pending import', async () => {
      const { KeyId } = await newKey();
      const pendingImport = {
        name: 'KMSInvalidStateException',
        message: `${arn(KeyId!)} is pending import.`,
      };
      expect(await failure(encrypt(KeyId!, 'x'))).toEqual(pendingImport);
      expect(await failure(kms.send(new EnableKeyCommand({ KeyId })))).toEqual(pendingImport);
      expect(await failure(kms.send(new DisableKeyCommand({ KeyId })))).toEqual(pendingImport);
    });
  });

  describe('GetParametersForImport', () => {
    it('answers an AWS_KMS key as AWS does', async () => {
      expect(await failure(parameters(DEMO_APP))).toEqual({
        name: 'UnsupportedOperationException',
        message: `${arn(DEMO_APP)} origin is AWS_KMS which is not valid for this operation.`,
      });
    });

    it.each([
      ['RSA_2048', 2048],
      ['RSA_3072', 3072],
      ['RSA_4096', 4096],
    ] as const)(
      'returns the key ARN, an %s public key, a token and a 24-hour validity',
      async (spec, bits) => {
        const { KeyId } = await newKey();
        const before = sandbox.clock.now().getTime();
        const answer = await parameters(KeyId!, 'RSAES_OAEP_SHA_1', spec);
        expect(answer.KeyId).toBe(arn(KeyId!));
        const publicKey = createPublicKey({
          key: Buffer.from(answer.PublicKey!),
          type: 'spki',
          format: 'der',
        });
        expect(publicKey.asymmetricKeyDetails?.modulusLength).toBe(bits);
        expect(answer.ImportToken!.length).toBeGreaterThan(0);
        const validTo = answer.ParametersValidTo!.getTime();
        expect(validTo).toBeGreaterThanOrEqual(before + DAY - 1000);
        expect(validTo).toBeLessThanOrEqual(sandbox.clock.now().getTime() + DAY + 1000);
      },
    );

    it('refuses RSAES_PKCS1_V1_5 and the China-only SM2 wrapping', async () => {
      const { KeyId } = await newKey();
      expect((await failure(parameters(KeyId!, 'RSAES_PKCS1_V1_5'))).name).toBe(
        'UnsupportedOperationException',
      );
      expect(await failure(parameters(KeyId!, 'SM2PKE', 'SM2'))).toEqual({
        name: 'UnsupportedOperationException',
        message:
          'The SM2PKE wrapping algorithm and the SM2 wrapping key spec are supported only in China Regions, not in us-east-1.',
      });
    });

    it('validates the enums in the model order', async () => {
      const { KeyId } = await newKey();
      expect(
        await failure(
          kms.send(
            new GetParametersForImportCommand({
              KeyId,
              WrappingAlgorithm: 'RSA_OAEP' as Algorithm,
              WrappingKeySpec: 'RSA_1024' as 'RSA_2048',
            }),
          ),
        ),
      ).toEqual({
        name: 'ValidationException',
        message:
          "2 validation errors detected: Value 'RSA_OAEP' at 'wrappingAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [RSAES_PKCS1_V1_5, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256, RSA_AES_KEY_WRAP_SHA_1, RSA_AES_KEY_WRAP_SHA_256, SM2PKE]; Value 'RSA_1024' at 'wrappingKeySpec' failed to satisfy constraint: Member must satisfy enum value set: [RSA_2048, RSA_3072, RSA_4096, SM2]",
      });
    });

    it('refuses the wrapping algorithms the guide does not list for the key spec', async () => {
      const rsa = await newKey({ KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' });
      expect(await failure(parameters(rsa.KeyId!, 'RSAES_OAEP_SHA_256'))).toEqual({
        name: 'ValidationException',
        message:
          'RSAES_OAEP_SHA_256 cannot wrap RSA private key material. Use RSA_AES_KEY_WRAP_SHA_256 or RSA_AES_KEY_WRAP_SHA_1.',
      });
      const symmetric = await newKey();
      expect((await failure(parameters(symmetric.KeyId!, 'RSA_AES_KEY_WRAP_SHA_1'))).name).toBe(
        'ValidationException',
      );
      const p521 = await newKey({ KeySpec: 'ECC_NIST_P521', KeyUsage: 'SIGN_VERIFY' });
      expect((await failure(parameters(p521.KeyId!, 'RSAES_OAEP_SHA_1', 'RSA_2048'))).name).toBe(
        'ValidationException',
      );
      await expect(parameters(p521.KeyId!, 'RSAES_OAEP_SHA_1', 'RSA_3072')).resolves.toBeDefined();
    });

    it('takes a key ID or key ARN, not an alias, and not another account’s key', async () => {
      expect(await failure(parameters('alias/demo-app'))).toEqual({
        name: 'NotFoundException',
        message: 'Invalid keyId alias/demo-app',
      });
      expect((await failure(parameters(arn(PARTNER_KEY, '444455556666')))).name).toBe(
        'AccessDeniedException',
      );
    });

    it('refuses a key pending deletion', async () => {
      const { KeyId } = await newKey();
      await kms.send(new ScheduleKeyDeletionCommand({ KeyId, PendingWindowInDays: 7 }));
      expect(await failure(parameters(KeyId!))).toEqual({
        name: 'KMSInvalidStateException',
        message: `${arn(KeyId!)} is pending deletion.`,
      });
    });
  });

  describe('ImportKeyMaterial', () => {
    it('enables a symmetric key with the imported material and names it', async () => {
      const { KeyId } = await newKey();
      const material = randomBytes(32);
      const answer = await importMaterial(KeyId!, material);
      expect(answer.KeyId).toBe(arn(KeyId!));
      expect(answer.KeyMaterialId).toMatch(/^[a-f0-9]{64}$/);
      const described = await describe_(KeyId!);
      expect(described).toMatchObject({
        KeyState: 'Enabled',
        Enabled: true,
        ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
        CurrentKeyMaterialId: answer.KeyMaterialId,
      });
      expect(described.ValidTo).toBeUndefined();
      expect(await decrypt(await encrypt(KeyId!, 'imported'))).toBe('imported');
    });

    it.each(['RSAES_OAEP_SHA_1', 'RSA_AES_KEY_WRAP_SHA_1', 'RSA_AES_KEY_WRAP_SHA_256'] as const)(
      'imports ECC signing material wrapped with %s, and signs with it',
      async (algorithm) => {
        const { KeyId } = await newKey({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
        const privateKey = ecPrivateKey('prime256v1');
        await importMaterial(KeyId!, privateKey, { algorithm });
        const message = new TextEncoder().encode('signed with my own key');
        const { Signature } = await kms.send(
          new SignCommand({ KeyId, Message: message, SigningAlgorithm: 'ECDSA_SHA_256' }),
        );
        const publicKey = createPublicKey(createPrivateKey({ key: privateKey, ...PKCS8 }));
        expect(verify('sha256', message, publicKey, Signature!)).toBe(true);
      },
    );

    it('imports an RSA private key (RSA_AES_KEY_WRAP only): its public key and decryption', async () => {
      const { KeyId } = await newKey({ KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' });
      const privateKey = rsaPrivateKey(2048);
      const answer = await importMaterial(KeyId!, privateKey, {
        algorithm: 'RSA_AES_KEY_WRAP_SHA_256',
      });
      expect(answer.KeyMaterialId).toMatch(/^[a-f0-9]{64}$/);
      const key = createPrivateKey({ key: privateKey, ...PKCS8 });
      const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId }));
      expect(Buffer.from(PublicKey!)).toEqual(
        createPublicKey(key).export({ type: 'spki', format: 'der' }),
      );
      const { CiphertextBlob } = await kms.send(
        new EncryptCommand({
          KeyId,
          Plaintext: new TextEncoder().encode('to my own key'),
          EncryptionAlgorithm: 'RSAES_OAEP_SHA_256',
        }),
      );
      const plaintext = privateDecrypt(
        { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
        CiphertextBlob!,
      );
      expect(plaintext.toString()).toBe('to my own key');
      // Asymmetric keys name no current material (DescribeKey documents it for symmetric keys).
      expect((await describe_(KeyId!)).CurrentKeyMaterialId).toBeUndefined();
    });

    it('imports HMAC material longer than the spec and computes MACs with it', async () => {
      const { KeyId } = await newKey({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
      const material = randomBytes(64);
      await importMaterial(KeyId!, material, { algorithm: 'RSAES_OAEP_SHA_1' });
      const message = new TextEncoder().encode('mac me');
      const { Mac } = await kms.send(
        new GenerateMacCommand({ KeyId, Message: message, MacAlgorithm: 'HMAC_SHA_256' }),
      );
      expect(Buffer.from(Mac!)).toEqual(createHmac('sha256', material).update(message).digest());
    });

    it('refuses material that does not fit the key spec', async () => {
      const { KeyId } = await newKey();
      expect(await failure(importMaterial(KeyId!, randomBytes(16)))).toEqual({
        name: 'IncorrectKeyMaterialException',
        message:
          'SYMMETRIC_DEFAULT key material must be 256 bits (32 bytes) of binary data, not 16 bytes.',
      });
      const ecc = await newKey({ KeySpec: 'ECC_NIST_P384', KeyUsage: 'SIGN_VERIFY' });
      expect(await failure(importMaterial(ecc.KeyId!, ecPrivateKey('prime256v1')))).toEqual({
        name: 'IncorrectKeyMaterialException',
        message: 'ECC_NIST_P384 key material must be an elliptic curve private key on secp384r1.',
      });
      expect((await describe_(KeyId!)).KeyState).toBe('PendingImport');
    });

    it('uses a public key and token set once, for its own key, for 24 hours', async () => {
      const { KeyId } = await newKey();
      const other = await newKey();
      const material = randomBytes(32);
      const { PublicKey, ImportToken } = await parameters(KeyId!);
      const request = {
        ImportToken,
        EncryptedKeyMaterial: wrap(PublicKey!, 'RSAES_OAEP_SHA_256', material),
        ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' as const,
      };
      const invalid = (await failure(
        kms.send(new ImportKeyMaterialCommand({ KeyId: other.KeyId, ...request })),
      )) as { name: string; message: string };
      expect(invalid.name).toBe('InvalidImportTokenException');
      expect(invalid.message).toContain(arn(other.KeyId!));
      await kms.send(new ImportKeyMaterialCommand({ KeyId, ...request }));
      expect(
        (await failure(kms.send(new ImportKeyMaterialCommand({ KeyId, ...request })))).name,
      ).toBe('InvalidImportTokenException');
      expect(
        (
          await failure(
            kms.send(
              new ImportKeyMaterialCommand({ KeyId, ...request, ImportToken: randomBytes(40) }),
            ),
          )
        ).name,
      ).toBe('InvalidImportTokenException');
    });

    it('refuses a token set older than 24 hours', async () => {
      const { KeyId } = await newKey();
      const { PublicKey, ImportToken, ParametersValidTo } = await parameters(KeyId!);
      sandbox.clock.advance(ParametersValidTo!.getTime() - sandbox.clock.now().getTime() + 1000);
      const expired = await failure(
        kms.send(
          new ImportKeyMaterialCommand({
            KeyId,
            ImportToken,
            EncryptedKeyMaterial: wrap(PublicKey!, 'RSAES_OAEP_SHA_256', randomBytes(32)),
            ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
          }),
        ),
      );
      expect(expired.name).toBe('ExpiredImportTokenException');
    });

    it('refuses material wrapped with another public key as undecryptable', async () => {
      const { KeyId } = await newKey();
      const first = await parameters(KeyId!);
      const second = await parameters(KeyId!);
      const answer = await failure(
        kms.send(
          new ImportKeyMaterialCommand({
            KeyId,
            ImportToken: first.ImportToken,
            EncryptedKeyMaterial: wrap(second.PublicKey!, 'RSAES_OAEP_SHA_256', randomBytes(32)),
            ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
          }),
        ),
      );
      expect(answer.name).toBe('InvalidCiphertextException');
      // Both sets stay usable: a newer set does not void an older one.
      await kms.send(
        new ImportKeyMaterialCommand({
          KeyId,
          ImportToken: first.ImportToken,
          EncryptedKeyMaterial: wrap(first.PublicKey!, 'RSAES_OAEP_SHA_256', randomBytes(32)),
          ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
        }),
      );
    });

    it('checks ExpirationModel and ValidTo', async () => {
      const { KeyId } = await newKey();
      const now = sandbox.clock.now().getTime();
      const attempt = (input: Partial<ImportKeyMaterialCommandInput>) =>
        failure(
          importMaterial(KeyId!, randomBytes(32), {
            input: { ExpirationModel: undefined, ...input },
          }),
        );
      expect(await attempt({})).toEqual({
        name: 'ValidationException',
        message:
          'ValidTo is required when ExpirationModel is KEY_MATERIAL_EXPIRES (the default): give the date the key material expires, or use KEY_MATERIAL_DOES_NOT_EXPIRE.',
      });
      expect(
        (
          await attempt({
            ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
            ValidTo: new Date(now + DAY),
          })
        ).name,
      ).toBe('ValidationException');
      expect((await attempt({ ValidTo: new Date(now - 1000) })).message).toMatch(
        /^ValidTo must be a future date and time/,
      );
      expect((await attempt({ ValidTo: new Date(now + 366 * DAY) })).message).toMatch(
        /^ValidTo can be at most 365 days from the request date/,
      );
      expect((await describe_(KeyId!)).KeyState).toBe('PendingImport');
    });

    it('refuses ImportType, KeyMaterialId and descriptions for keys that are not symmetric', async () => {
      const { KeyId } = await newKey({ KeySpec: 'HMAC_384', KeyUsage: 'GENERATE_VERIFY_MAC' });
      expect(
        await failure(
          importMaterial(KeyId!, randomBytes(48), { input: { ImportType: 'NEW_KEY_MATERIAL' } }),
        ),
      ).toEqual({
        name: 'ValidationException',
        message: `ImportType is only valid for symmetric encryption keys; ${arn(KeyId!)} is HMAC_384. Omit it.`,
      });
    });

    it('answers an AWS_KMS key as AWS does', async () => {
      const answer = await failure(
        kms.send(
          new ImportKeyMaterialCommand({
            KeyId: DEMO_APP,
            ImportToken: randomBytes(32),
            EncryptedKeyMaterial: randomBytes(256),
            ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
          }),
        ),
      );
      expect(answer).toEqual({
        name: 'UnsupportedOperationException',
        message: `${arn(DEMO_APP)} origin is AWS_KMS which is not valid for this operation.`,
      });
    });
  });

  describe('deleting, expiring and reimporting key material', () => {
    it('deletes the material (PendingImport) and takes the same material back', async () => {
      const { KeyId } = await newKey();
      const material = randomBytes(32);
      const { KeyMaterialId } = await importMaterial(KeyId!, material);
      const ciphertext = await encrypt(KeyId!, 'before deletion');

      const deleted = await kms.send(new DeleteImportedKeyMaterialCommand({ KeyId }));
      expect(deleted).toMatchObject({ KeyId: arn(KeyId!), KeyMaterialId });
      expect(await describe_(KeyId!)).toMatchObject({ KeyState: 'PendingImport', Enabled: false });
      expect(await failure(decrypt(ciphertext))).toEqual({
        name: 'KMSInvalidStateException',
        message: `${arn(KeyId!)} is pending import.`,
      });
      const [entry] = await rotations(KeyId!, 'ALL_KEY_MATERIAL');
      expect(entry).toMatchObject({ KeyMaterialId, ImportState: 'PENDING_IMPORT' });
      expect(entry.ExpirationModel).toBeUndefined();

      expect(await failure(importMaterial(KeyId!, randomBytes(32)))).toMatchObject({
        name: 'IncorrectKeyMaterialException',
      });
      const reimported = await importMaterial(KeyId!, material);
      expect(reimported.KeyMaterialId).toBe(KeyMaterialId);
      expect((await describe_(KeyId!)).KeyState).toBe('Enabled');
      expect(await decrypt(ciphertext)).toBe('before deletion');
    });

    it('deletes the material for real when ValidTo passes, and takes it back', async () => {
      const { KeyId } = await newKey();
      const material = randomBytes(32);
      const validTo = new Date(sandbox.clock.now().getTime() + HOUR);
      await importMaterial(KeyId!, material, {
        input: { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: validTo },
      });
      const described = await describe_(KeyId!);
      expect(described.ExpirationModel).toBe('KEY_MATERIAL_EXPIRES');
      expect(described.ValidTo?.getTime()).toBe(validTo.getTime());
      const ciphertext = await encrypt(KeyId!, 'short-lived');
      const { materialId } = sandbox.store.importedMaterials.listForKey({
        region: 'us-east-1',
        keyId: KeyId!,
      })[0];
      expect(sandbox.store.materials.get('us-east-1', materialId)).toBeDefined();

      sandbox.clock.advance(HOUR + 2000);
      expect((await describe_(KeyId!)).KeyState).toBe('PendingImport');
      // The bytes are gone from the store, not just hidden.
      expect(sandbox.store.materials.get('us-east-1', materialId)).toBeUndefined();
      expect(await failure(decrypt(ciphertext))).toMatchObject({
        name: 'KMSInvalidStateException',
      });

      await importMaterial(KeyId!, material);
      expect(await decrypt(ciphertext)).toBe('short-lived');
      expect((await describe_(KeyId!)).ExpirationModel).toBe('KEY_MATERIAL_DOES_NOT_EXPIRE');
    });

    it('changes the expiry by reimporting the material while it is imported', async () => {
      const { KeyId } = await newKey();
      const material = randomBytes(32);
      await importMaterial(KeyId!, material);
      const validTo = new Date(sandbox.clock.now().getTime() + 30 * DAY);
      await importMaterial(KeyId!, material, {
        input: { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: validTo },
      });
      expect((await describe_(KeyId!)).ValidTo?.getTime()).toBe(validTo.getTime());
    });

    it('brings a disabled key back Enabled after delete and reimport', async () => {
      const { KeyId } = await newKey();
      const material = randomBytes(32);
      await importMaterial(KeyId!, material);
      await kms.send(new DisableKeyCommand({ KeyId }));
      await kms.send(new DeleteImportedKeyMaterialCommand({ KeyId }));
      expect((await describe_(KeyId!)).KeyState).toBe('PendingImport');
      await importMaterial(KeyId!, material);
      expect((await describe_(KeyId!)).KeyState).toBe('Enabled');
    });

    it('keeps a key pending deletion in that state; cancelling leaves it PendingImport', async () => {
      const { KeyId } = await newKey();
      await importMaterial(KeyId!, randomBytes(32));
      await kms.send(new ScheduleKeyDeletionCommand({ KeyId, PendingWindowInDays: 7 }));
      await kms.send(new DeleteImportedKeyMaterialCommand({ KeyId }));
      expect((await describe_(KeyId!)).KeyState).toBe('PendingDeletion');
      await kms.send(new CancelKeyDeletionCommand({ KeyId }));
      expect((await describe_(KeyId!)).KeyState).toBe('PendingImport');
    });

    it('deletes from a key that never had material without changing anything', async () => {
      const { KeyId } = await newKey();
      const answer = await kms.send(new DeleteImportedKeyMaterialCommand({ KeyId }));
      expect(answer).toMatchObject({ KeyId: arn(KeyId!), KeyMaterialId: '' });
      expect((await describe_(KeyId!)).KeyState).toBe('PendingImport');
      expect(
        await failure(
          kms.send(
            new DeleteImportedKeyMaterialCommand({
              KeyId: DEMO_APP,
              KeyMaterialId: 'a'.repeat(64),
            }),
          ),
        ),
      ).toEqual({
        name: 'UnsupportedOperationException',
        message: `${arn(DEMO_APP)} origin is AWS_KMS which is not valid for this operation.`,
      });
    });
  });

  describe('new key material and on-demand rotation', () => {
    it('keeps new material pending until RotateKeyOnDemand makes it current', async () => {
      const { KeyId } = await newKey();
      const first = randomBytes(32);
      const second = randomBytes(32);
      const one = await importMaterial(KeyId!, first, {
        input: { KeyMaterialDescription: 'first material' },
      });
      const before = await encrypt(KeyId!, 'under the first material');
      const two = await importMaterial(KeyId!, second, {
        input: { ImportType: 'NEW_KEY_MATERIAL', KeyMaterialDescription: 'second material' },
      });
      expect(two.KeyMaterialId).not.toBe(one.KeyMaterialId);
      expect((await describe_(KeyId!)).CurrentKeyMaterialId).toBe(one.KeyMaterialId);
      expect(await rotations(KeyId!, 'ROTATIONS_ONLY')).toEqual([]);
      const listed = await rotations(KeyId!, 'ALL_KEY_MATERIAL');
      expect(listed).toEqual([
        {
          KeyId,
          KeyMaterialId: one.KeyMaterialId,
          KeyMaterialDescription: 'first material',
          ImportState: 'IMPORTED',
          KeyMaterialState: 'CURRENT',
          ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
        },
        {
          KeyId,
          KeyMaterialId: two.KeyMaterialId,
          KeyMaterialDescription: 'second material',
          ImportState: 'IMPORTED',
          KeyMaterialState: 'PENDING_ROTATION',
          ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
        },
      ]);

      const rotated = await kms.send(new RotateKeyOnDemandCommand({ KeyId }));
      expect(rotated.KeyId).toBe(arn(KeyId!));
      expect((await describe_(KeyId!)).CurrentKeyMaterialId).toBe(two.KeyMaterialId);
      const [rotation] = await rotations(KeyId!, 'ROTATIONS_ONLY');
      expect(rotation).toMatchObject({
        KeyMaterialId: two.KeyMaterialId,
        KeyMaterialState: 'CURRENT',
        RotationType: 'ON_DEMAND',
      });
      expect(rotation.RotationDate).toBeInstanceOf(Date);
      expect((await rotations(KeyId!, 'ALL_KEY_MATERIAL'))[0].KeyMaterialState).toBe('NON_CURRENT');
      expect(await decrypt(before)).toBe('under the first material');
      expect(await decrypt(await encrypt(KeyId!, 'under the second'))).toBe('under the second');
    });

    it('refuses a rotation with nothing pending, and a second pending material', async () => {
      const { KeyId } = await newKey();
      await importMaterial(KeyId!, randomBytes(32));
      expect(await failure(kms.send(new RotateKeyOnDemandCommand({ KeyId })))).toEqual({
        name: 'KMSInvalidStateException',
        message: `${arn(KeyId!)} has no key material pending rotation. Import new key material with ImportType NEW_KEY_MATERIAL, then rotate to it.`,
      });
      await importMaterial(KeyId!, randomBytes(32), { input: { ImportType: 'NEW_KEY_MATERIAL' } });
      expect(
        (
          await failure(
            importMaterial(KeyId!, randomBytes(32), { input: { ImportType: 'NEW_KEY_MATERIAL' } }),
          )
        ).name,
      ).toBe('KMSInvalidStateException');
    });

    it('deletes pending material without touching the key, and takes other material instead', async () => {
      const { KeyId } = await newKey();
      await importMaterial(KeyId!, randomBytes(32));
      const pending = await importMaterial(KeyId!, randomBytes(32), {
        input: { ImportType: 'NEW_KEY_MATERIAL' },
      });
      await kms.send(
        new DeleteImportedKeyMaterialCommand({ KeyId, KeyMaterialId: pending.KeyMaterialId }),
      );
      expect((await describe_(KeyId!)).KeyState).toBe('Enabled');
      expect(await rotations(KeyId!, 'ALL_KEY_MATERIAL')).toHaveLength(1);
      await importMaterial(KeyId!, randomBytes(32), { input: { ImportType: 'NEW_KEY_MATERIAL' } });
      expect((await rotations(KeyId!, 'ALL_KEY_MATERIAL'))[1].KeyMaterialState).toBe(
        'PENDING_ROTATION',
      );
    });

    it('refuses new material the key already has, and EXISTING material it never had', async () => {
      const { KeyId } = await newKey();
      const material = randomBytes(32);
      expect(
        (
          await failure(
            importMaterial(KeyId!, material, { input: { ImportType: 'EXISTING_KEY_MATERIAL' } }),
          )
        ).name,
      ).toBe('IncorrectKeyMaterialException');
      await importMaterial(KeyId!, material);
      expect(
        (
          await failure(
            importMaterial(KeyId!, material, { input: { ImportType: 'NEW_KEY_MATERIAL' } }),
          )
        ).name,
      ).toBe('IncorrectKeyMaterialException');
      expect(
        (
          await failure(
            importMaterial(KeyId!, randomBytes(32), {
              input: { ImportType: 'NEW_KEY_MATERIAL', KeyMaterialId: 'a'.repeat(64) },
            }),
          )
        ).name,
      ).toBe('ValidationException');
    });

    it('makes the key PendingImport when non-current material goes, until it comes back', async () => {
      const { KeyId } = await newKey();
      const first = randomBytes(32);
      const one = await importMaterial(KeyId!, first);
      const before = await encrypt(KeyId!, 'first');
      await importMaterial(KeyId!, randomBytes(32), { input: { ImportType: 'NEW_KEY_MATERIAL' } });
      await kms.send(new RotateKeyOnDemandCommand({ KeyId }));
      await kms.send(
        new DeleteImportedKeyMaterialCommand({ KeyId, KeyMaterialId: one.KeyMaterialId }),
      );
      expect((await describe_(KeyId!)).KeyState).toBe('PendingImport');
      expect(
        await failure(
          importMaterial(KeyId!, first, {
            input: { ImportType: 'EXISTING_KEY_MATERIAL', KeyMaterialId: 'b'.repeat(64) },
          }),
        ),
      ).toMatchObject({ name: 'IncorrectKeyMaterialException' });
      await importMaterial(KeyId!, first, {
        input: { ImportType: 'EXISTING_KEY_MATERIAL', KeyMaterialId: one.KeyMaterialId },
      });
      expect((await describe_(KeyId!)).KeyState).toBe('Enabled');
      expect(await decrypt(before)).toBe('first');
    });

    it('never rotates imported material automatically', async () => {
      const { KeyId } = await newKey();
      await importMaterial(KeyId!, randomBytes(32));
      expect(await failure(kms.send(new EnableKeyRotationCommand({ KeyId })))).toEqual({
        name: 'UnsupportedOperationException',
        message: `${arn(KeyId!)} origin is EXTERNAL which is not valid for this operation.`,
      });
      const status = await kms.send(new GetKeyRotationStatusCommand({ KeyId }));
      expect(status.KeyRotationEnabled).toBe(false);
    });
  });

  describe('authorization', () => {
    it('applies kms:WrappingAlgorithm, kms:ValidTo and kms:ExpirationModel from the key policy', async () => {
      const limit = new Date(sandbox.clock.now().getTime() + 10 * DAY);
      const { KeyId } = await newKey({
        Policy: keyPolicyWith(
          {
            Sid: 'NoSha1Wrapping',
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 'kms:GetParametersForImport',
            Resource: '*',
            Condition: { StringEquals: { 'kms:WrappingAlgorithm': 'RSAES_OAEP_SHA_1' } },
          },
          {
            Sid: 'ShortLivedMaterialOnly',
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 'kms:ImportKeyMaterial',
            Resource: '*',
            Condition: {
              StringEquals: { 'kms:ExpirationModel': 'KEY_MATERIAL_DOES_NOT_EXPIRE' },
            },
          },
          {
            Sid: 'NotBeyondTenDays',
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 'kms:ImportKeyMaterial',
            Resource: '*',
            Condition: { NumericGreaterThan: { 'kms:ValidTo': String(limit.getTime() / 1000) } },
          },
        ),
      });
      const denied = await failure(parameters(KeyId!, 'RSAES_OAEP_SHA_1'));
      expect(denied).toEqual({
        name: 'AccessDeniedException',
        message: `User: arn:aws:iam::${ACCOUNT}:user/admin is not authorized to perform: kms:GetParametersForImport on resource: ${arn(KeyId!)} with an explicit deny in a resource-based policy`,
      });
      const material = randomBytes(32);
      expect(
        (await failure(importMaterial(KeyId!, material))).name, // KEY_MATERIAL_DOES_NOT_EXPIRE
      ).toBe('AccessDeniedException');
      expect(
        (
          await failure(
            importMaterial(KeyId!, material, {
              input: {
                ExpirationModel: 'KEY_MATERIAL_EXPIRES',
                ValidTo: new Date(limit.getTime() + 1000),
              },
            }),
          )
        ).name,
      ).toBe('AccessDeniedException');
      await importMaterial(KeyId!, material, {
        input: { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: limit },
      });
      expect((await describe_(KeyId!)).KeyState).toBe('Enabled');
    });

    it('lets the auditor (kms:Get*) download parameters but not import or delete', async () => {
      const { KeyId } = await newKey();
      const auditor = sandbox.kms(await signInAs(sandbox, 'auditor'));
      const { PublicKey, ImportToken } = await parameters(
        KeyId!,
        'RSAES_OAEP_SHA_256',
        'RSA_2048',
        auditor,
      );
      const imported = await failure(
        auditor.send(
          new ImportKeyMaterialCommand({
            KeyId,
            ImportToken,
            EncryptedKeyMaterial: wrap(PublicKey!, 'RSAES_OAEP_SHA_256', randomBytes(32)),
            ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
          }),
        ),
      );
      expect(imported.name).toBe('AccessDeniedException');
      expect(imported.message).toContain('kms:ImportKeyMaterial');
      const deleted = await failure(auditor.send(new DeleteImportedKeyMaterialCommand({ KeyId })));
      expect(deleted.message).toContain('kms:DeleteImportedKeyMaterial');
    });

    it('refuses another account, whose key policy cannot grant import operations', async () => {
      const partner = sandbox.kms(PARTNER_ADMIN);
      const { KeyId } = await newKey({
        Policy: keyPolicyWith({
          Sid: 'PartnerImports',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::444455556666:root' },
          Action: ['kms:GetParametersForImport', 'kms:ImportKeyMaterial'],
          Resource: '*',
        }),
      });
      expect(
        (await failure(parameters(arn(KeyId!), 'RSAES_OAEP_SHA_256', 'RSA_2048', partner))).name,
      ).toBe('AccessDeniedException');
    });
  });
});
