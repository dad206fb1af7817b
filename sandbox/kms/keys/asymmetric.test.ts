import { execFileSync, spawnSync } from 'node:child_process';
import {
  constants,
  createECDH,
  createHash,
  createPublicKey,
  publicEncrypt,
  randomBytes,
  sign as nodeSign,
  verify as nodeVerify,
  webcrypto,
} from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deriveSharedSecret,
  rsaDecrypt,
  rsaEncrypt,
  signMessage,
  verifySignature,
  type SignInput,
} from './asymmetric';
import {
  CiphertextAuthError,
  CiphertextFormatError,
  KeyMaterialError,
  PeerPublicKeyError,
} from './errors';
import {
  generateKeyMaterial,
  generateKeyMaterialAsync,
  privateKeyFromMaterial,
  publicKeyDer,
} from './material';
import {
  digestLength,
  keyMetadataAlgorithms,
  rsaMaxPlaintextBytes,
  signingHash,
  type KeyPairSpec,
  type RsaEncryptionAlgorithm,
  type HashedSigningAlgorithm,
} from './specs';

const RSA_ENCRYPTION: RsaEncryptionAlgorithm[] = ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'];
const SIGNING_SPECS = [
  'RSA_2048',
  'RSA_3072',
  'ECC_NIST_P256',
  'ECC_NIST_P384',
  'ECC_NIST_P521',
  'ECC_SECG_P256K1',
] as const satisfies readonly KeyPairSpec[];

type SigningSpec = (typeof SIGNING_SPECS)[number];

const materials = new Map<SigningSpec, Buffer>();
const material = (spec: SigningSpec) => materials.get(spec) ?? Buffer.alloc(0);

beforeAll(async () => {
  const generated = await Promise.all(SIGNING_SPECS.map((s) => generateKeyMaterialAsync(s)));
  SIGNING_SPECS.forEach((spec, i) => materials.set(spec, generated[i]));
});

/** Every (spec, signing algorithm) pair KMS allows, from the catalogue. */
const SIGNING_CASES = SIGNING_SPECS.flatMap((spec) =>
  (keyMetadataAlgorithms(spec, 'SIGN_VERIFY').SigningAlgorithms ?? []).map(
    // These specs sign with SHA-2 algorithms only (ML-DSA has its own tests).
    (algorithm) => [spec, algorithm as HashedSigningAlgorithm] as const,
  ),
);

const message = Buffer.from('The quick brown fox jumps over the lazy dog');

function digestOf(algorithm: HashedSigningAlgorithm, data: Buffer = message): Buffer {
  return createHash(signingHash(algorithm)).update(data).digest();
}

function publicKeyOf(spec: SigningSpec) {
  return createPublicKey({ key: publicKeyDer(spec, material(spec)), format: 'der', type: 'spki' });
}

/** Verification as anyone holding the GetPublicKey output would do it, with node:crypto. */
function externalVerify(spec: SigningSpec, algorithm: HashedSigningAlgorithm, signature: Buffer) {
  const key = publicKeyOf(spec);
  const options = algorithm.startsWith('RSASSA_PSS')
    ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: digestLength(algorithm) }
    : { key };
  return nodeVerify(signingHash(algorithm), message, options, signature);
}

describe('RSA encryption', () => {
  const spec = 'RSA_2048';

  it.each(RSA_ENCRYPTION)('round-trips with %s', (algorithm) => {
    const ciphertext = rsaEncrypt({ material: material(spec), algorithm, plaintext: message });
    expect(ciphertext).toHaveLength(256);
    const plaintext = rsaDecrypt({ material: material(spec), algorithm, ciphertext });
    expect(plaintext.equals(message)).toBe(true);
  });

  it.each(RSA_ENCRYPTION)('encrypts exactly up to the %s limit', (algorithm) => {
    const max = rsaMaxPlaintextBytes(spec, algorithm);
    const plaintext = randomBytes(max);
    const ciphertext = rsaEncrypt({ material: material(spec), algorithm, plaintext });
    expect(rsaDecrypt({ material: material(spec), algorithm, ciphertext }).equals(plaintext)).toBe(
      true,
    );
    expect(() =>
      rsaEncrypt({ material: material(spec), algorithm, plaintext: randomBytes(max + 1) }),
    ).toThrow(RangeError);
  });

  it.each([
    ['RSAES_OAEP_SHA_1', 'sha1'],
    ['RSAES_OAEP_SHA_256', 'sha256'],
  ] as const)('decrypts %s ciphertext made with crypto.publicEncrypt', (algorithm, oaepHash) => {
    const key = createPublicKey({
      key: publicKeyDer(spec, material(spec)),
      format: 'der',
      type: 'spki',
    });
    const ciphertext = publicEncrypt(
      { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash },
      message,
    );
    expect(rsaDecrypt({ material: material(spec), algorithm, ciphertext }).equals(message)).toBe(
      true,
    );
  });

  it('decrypts WebCrypto RSA-OAEP with SHA-256 (MGF1-SHA-256) ciphertext', async () => {
    const key = await webcrypto.subtle.importKey(
      'spki',
      publicKeyDer(spec, material(spec)),
      { name: 'RSA-OAEP', hash: 'SHA-256' },
      false,
      ['encrypt'],
    );
    const ciphertext = Buffer.from(
      await webcrypto.subtle.encrypt({ name: 'RSA-OAEP' }, key, message),
    );
    const plaintext = rsaDecrypt({
      material: material(spec),
      algorithm: 'RSAES_OAEP_SHA_256',
      ciphertext,
    });
    expect(plaintext.equals(message)).toBe(true);
  });

  it('fails to decrypt with the other algorithm, a tampered byte or another key', () => {
    const ciphertext = rsaEncrypt({
      material: material(spec),
      algorithm: 'RSAES_OAEP_SHA_256',
      plaintext: message,
    });
    expect(() =>
      rsaDecrypt({ material: material(spec), algorithm: 'RSAES_OAEP_SHA_1', ciphertext }),
    ).toThrow(CiphertextAuthError);
    const tampered = Buffer.from(ciphertext);
    tampered[100] ^= 1;
    expect(() =>
      rsaDecrypt({
        material: material(spec),
        algorithm: 'RSAES_OAEP_SHA_256',
        ciphertext: tampered,
      }),
    ).toThrow(CiphertextAuthError);
    expect(() =>
      rsaDecrypt({ material: material('RSA_3072'), algorithm: 'RSAES_OAEP_SHA_256', ciphertext }),
    ).toThrow(CiphertextFormatError);
  });

  it('rejects ciphertext of the wrong size as malformed', () => {
    expect(() =>
      rsaDecrypt({
        material: material(spec),
        algorithm: 'RSAES_OAEP_SHA_1',
        ciphertext: randomBytes(255),
      }),
    ).toThrow(CiphertextFormatError);
  });

  it('refuses ECC material', () => {
    expect(() =>
      rsaEncrypt({
        material: material('ECC_NIST_P256'),
        algorithm: 'RSAES_OAEP_SHA_1',
        plaintext: message,
      }),
    ).toThrow(KeyMaterialError);
  });
});

describe.each(SIGNING_CASES)('%s with %s', (spec, algorithm) => {
  const input = (messageType: 'RAW' | 'DIGEST'): SignInput => ({
    material: material(spec),
    algorithm,
    message: messageType === 'RAW' ? message : digestOf(algorithm),
    messageType,
  });

  it.each(['RAW', 'DIGEST'] as const)('signs and verifies a %s message', (messageType) => {
    const signature = signMessage(input(messageType));
    expect(verifySignature({ ...input(messageType), signature })).toBe(true);
    expect(externalVerify(spec, algorithm, signature)).toBe(true);
  });

  it('verifies a DIGEST signature as a RAW one and a RAW signature as a DIGEST one', () => {
    const fromDigest = signMessage(input('DIGEST'));
    const fromRaw = signMessage(input('RAW'));
    expect(verifySignature({ ...input('RAW'), signature: fromDigest })).toBe(true);
    expect(verifySignature({ ...input('DIGEST'), signature: fromRaw })).toBe(true);
  });

  it('rejects another message, a flipped bit and a truncated signature', () => {
    for (const messageType of ['RAW', 'DIGEST'] as const) {
      const signature = signMessage(input(messageType));
      const other =
        messageType === 'RAW' ? Buffer.from('another message') : digestOf(algorithm, Buffer.of(1));
      expect(verifySignature({ ...input(messageType), message: other, signature })).toBe(false);
      const flipped = Buffer.from(signature);
      flipped[flipped.length - 3] ^= 1;
      expect(verifySignature({ ...input(messageType), signature: flipped })).toBe(false);
      const truncated = signature.subarray(0, signature.length - 1);
      expect(verifySignature({ ...input(messageType), signature: truncated })).toBe(false);
    }
  });

  it('returns false for bytes that are not a signature', () => {
    for (const messageType of ['RAW', 'DIGEST'] as const) {
      for (const signature of [
        Buffer.alloc(0),
        Buffer.alloc(1),
        randomBytes(64),
        randomBytes(512),
      ]) {
        expect(verifySignature({ ...input(messageType), signature })).toBe(false);
      }
    }
  });

  it('refuses a digest of the wrong length', () => {
    const wrong = { ...input('DIGEST'), message: randomBytes(digestLength(algorithm) + 1) };
    expect(() => signMessage(wrong)).toThrow(RangeError);
    expect(() => verifySignature({ ...wrong, signature: Buffer.alloc(8) })).toThrow(RangeError);
  });
});

describe('signature details', () => {
  it('makes PKCS #1 v1.5 DIGEST signatures byte for byte equal to RAW ones', () => {
    for (const algorithm of [
      'RSASSA_PKCS1_V1_5_SHA_256',
      'RSASSA_PKCS1_V1_5_SHA_384',
      'RSASSA_PKCS1_V1_5_SHA_512',
    ] as const) {
      const base = { material: material('RSA_2048'), algorithm };
      const raw = signMessage({ ...base, message, messageType: 'RAW' });
      const digest = signMessage({ ...base, message: digestOf(algorithm), messageType: 'DIGEST' });
      expect(digest.equals(raw)).toBe(true);
    }
  });

  it('verifies PSS signatures made outside with salt length = digest length', () => {
    const key = { key: publicKeyOf('RSA_3072'), padding: constants.RSA_PKCS1_PSS_PADDING };
    const signature = signMessage({
      material: material('RSA_3072'),
      algorithm: 'RSASSA_PSS_SHA_384',
      message: digestOf('RSASSA_PSS_SHA_384'),
      messageType: 'DIGEST',
    });
    expect(nodeVerify('sha384', message, { ...key, saltLength: 48 }, signature)).toBe(true);
    expect(nodeVerify('sha384', message, { ...key, saltLength: 47 }, signature)).toBe(false);
  });

  it('returns ECDSA signatures DER-encoded, as KMS does', () => {
    const signature = signMessage({
      material: material('ECC_NIST_P521'),
      algorithm: 'ECDSA_SHA_512',
      message: digestOf('ECDSA_SHA_512'),
      messageType: 'DIGEST',
    });
    expect(signature[0]).toBe(0x30);
    const key = { key: publicKeyOf('ECC_NIST_P521'), dsaEncoding: 'der' as const };
    expect(nodeVerify('sha512', message, key, signature)).toBe(true);
  });

  it('rejects an ECDSA signature that is not strict DER', () => {
    const base = {
      material: material('ECC_NIST_P256'),
      algorithm: 'ECDSA_SHA_256' as const,
      message: digestOf('ECDSA_SHA_256'),
      messageType: 'DIGEST' as const,
    };
    const signature = signMessage(base);
    const trailing = Buffer.concat([signature, Buffer.of(0)]);
    expect(verifySignature({ ...base, signature: trailing })).toBe(false);
    expect(verifySignature({ ...base, messageType: 'RAW', message, signature: trailing })).toBe(
      false,
    );
    // A valid signature in IEEE P1363 form (r ‖ s) is not what KMS takes.
    const p1363 = nodeSign('sha256', message, {
      key: privateKeyFromMaterial(material('ECC_NIST_P256')),
      dsaEncoding: 'ieee-p1363',
    });
    expect(verifySignature({ ...base, signature: p1363 })).toBe(false);
    expect(verifySignature({ ...base, messageType: 'RAW', message, signature: p1363 })).toBe(false);
  });

  it('signs an all-zero digest (e = 0) with ECDSA', () => {
    const base = {
      material: material('ECC_NIST_P256'),
      algorithm: 'ECDSA_SHA_256' as const,
      message: Buffer.alloc(32),
      messageType: 'DIGEST' as const,
    };
    expect(verifySignature({ ...base, signature: signMessage(base) })).toBe(true);
  });

  it('refuses algorithms that do not fit the key', () => {
    const sign = (spec: SigningSpec, algorithm: HashedSigningAlgorithm) =>
      signMessage({ material: material(spec), algorithm, message, messageType: 'RAW' });
    expect(() => sign('ECC_NIST_P256', 'ECDSA_SHA_384')).toThrow(KeyMaterialError);
    expect(() => sign('ECC_NIST_P384', 'RSASSA_PSS_SHA_384')).toThrow(KeyMaterialError);
    expect(() => sign('RSA_2048', 'ECDSA_SHA_256')).toThrow(KeyMaterialError);
  });

  it('refuses a RAW message over 4096 bytes', () => {
    const input = {
      material: material('ECC_NIST_P256'),
      algorithm: 'ECDSA_SHA_256' as const,
      messageType: 'RAW' as const,
    };
    expect(() => signMessage({ ...input, message: Buffer.alloc(4096) })).not.toThrow();
    expect(() => signMessage({ ...input, message: Buffer.alloc(4097) })).toThrow(RangeError);
  });
});

describe('key agreement', () => {
  it('derives the same secret as the other party', () => {
    const kmsMaterial = generateKeyMaterial('ECC_NIST_P384');
    const peer = createECDH('secp384r1');
    peer.generateKeys();
    const peerSpki = createPublicKey({
      key: { kty: 'EC', crv: 'P-384', ...pointToJwk(peer.getPublicKey(), 48) },
      format: 'jwk',
    }).export({ type: 'spki', format: 'der' });
    const secret = deriveSharedSecret({ material: kmsMaterial, publicKey: peerSpki });
    const kmsPublic = createPublicKey({
      key: publicKeyDer('ECC_NIST_P384', kmsMaterial),
      format: 'der',
      type: 'spki',
    }).export({ format: 'jwk' });
    const kmsPoint = Buffer.concat([
      Buffer.of(4),
      Buffer.from(kmsPublic.x ?? '', 'base64url'),
      Buffer.from(kmsPublic.y ?? '', 'base64url'),
    ]);
    expect(secret.equals(peer.computeSecret(kmsPoint))).toBe(true);
    expect(secret).toHaveLength(48);
  });

  it('refuses a public key on another curve, of another type, or not a public key', () => {
    const derive = (publicKey: Buffer) =>
      deriveSharedSecret({ material: material('ECC_NIST_P384'), publicKey });
    const problem = (publicKey: Buffer) => {
      try {
        derive(publicKey);
      } catch (error) {
        return error instanceof PeerPublicKeyError ? error.problem : error;
      }
      return undefined;
    };
    expect(problem(publicKeyDer('ECC_NIST_P256', material('ECC_NIST_P256')))).toEqual({
      kind: 'other-curve',
      keyType: 'ec',
      curve: 'prime256v1',
    });
    expect(problem(publicKeyDer('RSA_2048', material('RSA_2048')))).toEqual({
      kind: 'other-curve',
      keyType: 'rsa',
      curve: undefined,
    });
    const offCurve = Buffer.from(publicKeyDer('ECC_NIST_P384', material('ECC_NIST_P384')));
    offCurve[offCurve.length - 1] ^= 1;
    expect(problem(offCurve)).toEqual({ kind: 'unreadable' });
    expect(problem(Buffer.from('not a key'))).toEqual({ kind: 'unreadable' });
  });
});

function pointToJwk(point: Buffer, bytes: number): { x: string; y: string } {
  return {
    x: point.subarray(1, 1 + bytes).toString('base64url'),
    y: point.subarray(1 + bytes).toString('base64url'),
  };
}

describe('RSA_4096 (the one slow key)', () => {
  it('encrypts to its limits and signs a digest', { timeout: 60_000 }, async () => {
    const rsa4096 = await generateKeyMaterialAsync('RSA_4096');
    for (const algorithm of RSA_ENCRYPTION) {
      const plaintext = randomBytes(rsaMaxPlaintextBytes('RSA_4096', algorithm));
      const ciphertext = rsaEncrypt({ material: rsa4096, algorithm, plaintext });
      expect(ciphertext).toHaveLength(512);
      expect(rsaDecrypt({ material: rsa4096, algorithm, ciphertext }).equals(plaintext)).toBe(true);
    }
    const algorithm = 'RSASSA_PSS_SHA_512';
    const signature = signMessage({
      material: rsa4096,
      algorithm,
      message: digestOf(algorithm),
      messageType: 'DIGEST',
    });
    expect(
      verifySignature({ material: rsa4096, algorithm, message, messageType: 'RAW', signature }),
    ).toBe(true);
  });
});

// ---- Interoperability with the openssl command line, when it is installed ----

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

describe.skipIf(!hasOpenssl)('openssl interop', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kms-keys-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const file = (name: string, data?: Buffer) => {
    const path = join(dir, name);
    if (data) writeFileSync(path, data);
    return path;
  };

  const pkeyopts = (algorithm: HashedSigningAlgorithm) => [
    '-pkeyopt',
    `digest:${signingHash(algorithm)}`,
    ...(algorithm.startsWith('RSASSA_PSS')
      ? ['-pkeyopt', 'rsa_padding_mode:pss', '-pkeyopt', 'rsa_pss_saltlen:digest']
      : []),
  ];

  it('decrypts `openssl pkeyutl -encrypt` RSA-OAEP SHA-256 / MGF1-SHA-256 ciphertext', () => {
    const spec = 'RSA_2048';
    execFileSync('openssl', [
      'pkeyutl',
      '-encrypt',
      '-pubin',
      '-keyform',
      'DER',
      '-inkey',
      file('rsa.pub.der', publicKeyDer(spec, material(spec))),
      '-pkeyopt',
      'rsa_padding_mode:oaep',
      '-pkeyopt',
      'rsa_oaep_md:sha256',
      '-pkeyopt',
      'rsa_mgf1_md:sha256',
      '-in',
      file('plain.bin', message),
      '-out',
      file('cipher.bin'),
    ]);
    const ciphertext = readFileSync(file('cipher.bin'));
    const plaintext = rsaDecrypt({
      material: material(spec),
      algorithm: 'RSAES_OAEP_SHA_256',
      ciphertext,
    });
    expect(plaintext.equals(message)).toBe(true);
  });

  it.each(SIGNING_CASES)('%s %s: openssl verifies our DIGEST signatures', (spec, algorithm) => {
    const digest = digestOf(algorithm);
    const signature = signMessage({
      material: material(spec),
      algorithm,
      message: digest,
      messageType: 'DIGEST',
    });
    const result = spawnSync('openssl', [
      'pkeyutl',
      '-verify',
      '-pubin',
      '-keyform',
      'DER',
      '-inkey',
      file(`${spec}.pub.der`, publicKeyDer(spec, material(spec))),
      '-in',
      file('digest.bin', digest),
      '-sigfile',
      file('sig.bin', signature),
      ...pkeyopts(algorithm),
    ]);
    expect(result.status, result.stderr.toString()).toBe(0);
  });

  it.each(SIGNING_CASES)('%s %s: we verify openssl DIGEST signatures', (spec, algorithm) => {
    const digest = digestOf(algorithm);
    execFileSync('openssl', [
      'pkeyutl',
      '-sign',
      '-keyform',
      'DER',
      '-inkey',
      file(`${spec}.key.der`, material(spec)),
      '-in',
      file('digest.bin', digest),
      '-out',
      file('openssl-sig.bin'),
      ...pkeyopts(algorithm),
    ]);
    const signature = readFileSync(file('openssl-sig.bin'));
    const base = { material: material(spec), algorithm, signature };
    expect(verifySignature({ ...base, message: digest, messageType: 'DIGEST' })).toBe(true);
    expect(verifySignature({ ...base, message, messageType: 'RAW' })).toBe(true);
  });
});
