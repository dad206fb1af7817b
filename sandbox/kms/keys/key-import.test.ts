import {
  constants,
  createCipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  publicEncrypt,
  randomBytes,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkImportedMaterial,
  generateWrappingKeyPair,
  importedKeyMaterialId,
  IncorrectMaterialError,
  unsupportedWrapping,
  unwrapKeyMaterial,
  UnwrapError,
  wrapKeyMaterial,
  WRAPPING_ALGORITHMS,
  type WrappingKeyPair,
} from './key-import';
import { generateKeyMaterial } from './material';

const PKCS8 = { type: 'pkcs8', format: 'der' } as const;
const publicKey = () =>
  createPublicKey({ key: Buffer.from(wrapping.publicKey), type: 'spki', format: 'der' });

let wrapping: WrappingKeyPair;
let other: WrappingKeyPair;
beforeAll(async () => {
  [wrapping, other] = await Promise.all([
    generateWrappingKeyPair('RSA_2048'),
    generateWrappingKeyPair('RSA_2048'),
  ]);
});

describe('generateWrappingKeyPair', () => {
  it.each([
    ['RSA_2048', 2048],
    ['RSA_3072', 3072],
  ] as const)('makes an %s pair: SubjectPublicKeyInfo and PKCS #8 DER', async (spec, bits) => {
    const pair = spec === 'RSA_2048' ? wrapping : await generateWrappingKeyPair(spec);
    const key = createPrivateKey({ key: pair.privateKey, ...PKCS8 });
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(bits);
    // DER SubjectPublicKeyInfo starts with a SEQUENCE; GetParametersForImport returns it as is.
    expect(pair.publicKey[0]).toBe(0x30);
  });
});

describe('unwrapKeyMaterial', () => {
  it.each(WRAPPING_ALGORITHMS)('unwraps what %s wrapped', (algorithm) => {
    const material = generateKeyMaterial(
      algorithm.startsWith('RSA_AES') ? 'ECC_NIST_P384' : 'SYMMETRIC_DEFAULT',
    );
    const wrapped = wrapKeyMaterial({ publicKey: wrapping.publicKey, algorithm, material });
    expect(unwrapKeyMaterial({ privateKey: wrapping.privateKey, algorithm, wrapped })).toEqual(
      material,
    );
  });

  it('reads RSA_AES_KEY_WRAP as the OAEP-encrypted AES key followed by RFC 5649 key wrap', () => {
    // Built step by step as the developer guide's openssl commands build it.
    const material = generateKeyMaterial('RSA_2048');
    const aesKey = randomBytes(32);
    const kwp = createCipheriv('id-aes256-wrap-pad', aesKey, Buffer.from('A65959A6', 'hex'));
    const wrappedMaterial = Buffer.concat([kwp.update(material), kwp.final()]);
    const wrappedKey = publicEncrypt(
      { key: publicKey(), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      aesKey,
    );
    const wrapped = Buffer.concat([wrappedKey, wrappedMaterial]);
    expect(
      unwrapKeyMaterial({
        privateKey: wrapping.privateKey,
        algorithm: 'RSA_AES_KEY_WRAP_SHA_256',
        wrapped,
      }),
    ).toEqual(material);
  });

  it('refuses material wrapped with the other OAEP hash', () => {
    const wrapped = wrapKeyMaterial({
      publicKey: wrapping.publicKey,
      algorithm: 'RSAES_OAEP_SHA_1',
      material: randomBytes(32),
    });
    expect(() =>
      unwrapKeyMaterial({
        privateKey: wrapping.privateKey,
        algorithm: 'RSAES_OAEP_SHA_256',
        wrapped,
      }),
    ).toThrow(UnwrapError);
  });

  it('refuses material wrapped under another wrapping key', () => {
    const wrapped = wrapKeyMaterial({
      publicKey: other.publicKey,
      algorithm: 'RSAES_OAEP_SHA_256',
      material: randomBytes(32),
    });
    expect(() =>
      unwrapKeyMaterial({
        privateKey: wrapping.privateKey,
        algorithm: 'RSAES_OAEP_SHA_256',
        wrapped,
      }),
    ).toThrow(UnwrapError);
  });

  it('refuses an OAEP ciphertext of the wrong length and a hybrid one with nothing after the key', () => {
    expect(() =>
      unwrapKeyMaterial({
        privateKey: wrapping.privateKey,
        algorithm: 'RSAES_OAEP_SHA_1',
        wrapped: randomBytes(100),
      }),
    ).toThrow(/256 bytes, not 100/);
    const keyOnly = wrapKeyMaterial({
      publicKey: wrapping.publicKey,
      algorithm: 'RSAES_OAEP_SHA_1',
      material: randomBytes(32),
    });
    expect(() =>
      unwrapKeyMaterial({
        privateKey: wrapping.privateKey,
        algorithm: 'RSA_AES_KEY_WRAP_SHA_1',
        wrapped: keyOnly,
      }),
    ).toThrow(UnwrapError);
  });

  it('refuses a hybrid wrap whose AES key is not 256 bits', () => {
    const aesKey = randomBytes(16);
    const kwp = createCipheriv('id-aes128-wrap-pad', aesKey, Buffer.from('A65959A6', 'hex'));
    const wrapped = Buffer.concat([
      publicEncrypt(
        { key: publicKey(), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
        aesKey,
      ),
      kwp.update(randomBytes(32)),
      kwp.final(),
    ]);
    expect(() =>
      unwrapKeyMaterial({
        privateKey: wrapping.privateKey,
        algorithm: 'RSA_AES_KEY_WRAP_SHA_1',
        wrapped,
      }),
    ).toThrow(/256-bit AES key, not 128/);
  });

  it('refuses AES-wrapped material that was tampered with', () => {
    const wrapped = wrapKeyMaterial({
      publicKey: wrapping.publicKey,
      algorithm: 'RSA_AES_KEY_WRAP_SHA_256',
      material: randomBytes(48),
    });
    wrapped[wrapped.length - 1] ^= 1;
    expect(() =>
      unwrapKeyMaterial({
        privateKey: wrapping.privateKey,
        algorithm: 'RSA_AES_KEY_WRAP_SHA_256',
        wrapped,
      }),
    ).toThrow(UnwrapError);
  });
});

describe('checkImportedMaterial', () => {
  it('takes 32 bytes for SYMMETRIC_DEFAULT and nothing else', () => {
    const material = randomBytes(32);
    expect(checkImportedMaterial('SYMMETRIC_DEFAULT', material)).toBe(material);
    expect(() => checkImportedMaterial('SYMMETRIC_DEFAULT', randomBytes(16))).toThrow(
      'SYMMETRIC_DEFAULT key material must be 256 bits (32 bytes) of binary data, not 16 bytes',
    );
  });

  it.each([
    ['HMAC_224', 28],
    ['HMAC_256', 32],
    ['HMAC_384', 48],
    ['HMAC_512', 64],
  ] as const)('takes %s material from %i bytes up to 1024 bits', (spec, min) => {
    expect(checkImportedMaterial(spec, randomBytes(min))).toHaveLength(min);
    expect(checkImportedMaterial(spec, randomBytes(128))).toHaveLength(128);
    expect(() => checkImportedMaterial(spec, randomBytes(min - 1))).toThrow(IncorrectMaterialError);
    expect(() => checkImportedMaterial(spec, randomBytes(129))).toThrow(
      `${spec} key material must be ${min * 8} to 1024 bits (${min} to 128 bytes), not 129 bytes`,
    );
  });

  it('takes a PKCS #8 private key of the spec and returns it as PKCS #8 DER', () => {
    const material = generateKeyMaterial('ECC_NIST_P256');
    expect(checkImportedMaterial('ECC_NIST_P256', material)).toEqual(material);
    const rsa = generateKeyMaterial('RSA_2048');
    expect(checkImportedMaterial('RSA_2048', rsa)).toEqual(rsa);
  });

  it('refuses a key of another size or curve', () => {
    expect(() => checkImportedMaterial('RSA_3072', generateKeyMaterial('RSA_2048'))).toThrow(
      'RSA_3072 key material must be an RSA private key with a 3072-bit modulus',
    );
    expect(() =>
      checkImportedMaterial('ECC_SECG_P256K1', generateKeyMaterial('ECC_NIST_P256')),
    ).toThrow('ECC_SECG_P256K1 key material must be an elliptic curve private key on secp256k1');
    expect(() => checkImportedMaterial('ECC_NIST_P256', generateKeyMaterial('RSA_2048'))).toThrow(
      IncorrectMaterialError,
    );
  });

  it('refuses a key that is not PKCS #8 (SEC1, or raw bytes)', () => {
    const sec1 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({
      type: 'sec1',
      format: 'der',
    });
    for (const material of [sec1, randomBytes(32)]) {
      expect(() => checkImportedMaterial('ECC_NIST_P256', material)).toThrow(
        'ECC_NIST_P256 key material must be the private key in PKCS #8 format, DER-encoded (openssl pkcs8 -topk8 -outform der -nocrypt)',
      );
    }
  });

  it('refuses a multi-prime RSA key', () => {
    const fixture = readFileSync(
      new URL('./fixtures/rsa-2048-three-primes.pkcs8.b64', import.meta.url),
      'utf8',
    );
    const base64 = fixture
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .join('');
    expect(() => checkImportedMaterial('RSA_2048', Buffer.from(base64, 'base64'))).toThrow(
      'RSA_2048 key material must have two primes: multi-prime RSA keys are not supported',
    );
  });
});

describe('importedKeyMaterialId', () => {
  it('is 64 hex digits, the same for the same key and material, different across keys', () => {
    const material = randomBytes(32);
    const id = importedKeyMaterialId('1234abcd-12ab-34cd-56ef-1234567890ab', material);
    expect(id).toMatch(/^[a-f0-9]{64}$/);
    expect(
      importedKeyMaterialId('1234abcd-12ab-34cd-56ef-1234567890ab', Buffer.from(material)),
    ).toBe(id);
    expect(importedKeyMaterialId('0987dcba-09fe-87dc-65ba-ab0987654321', material)).not.toBe(id);
    expect(importedKeyMaterialId('1234abcd-12ab-34cd-56ef-1234567890ab', randomBytes(32))).not.toBe(
      id,
    );
  });
});

describe('unsupportedWrapping', () => {
  it('follows the guide: RSA keys need RSA_AES, symmetric and HMAC keys RSAES_OAEP', () => {
    expect(unsupportedWrapping('RSA_4096', 'RSAES_OAEP_SHA_256', 'RSA_4096')).toBe(
      'RSAES_OAEP_SHA_256 cannot wrap RSA private key material. Use RSA_AES_KEY_WRAP_SHA_256 or RSA_AES_KEY_WRAP_SHA_1.',
    );
    expect(unsupportedWrapping('RSA_4096', 'RSA_AES_KEY_WRAP_SHA_1', 'RSA_2048')).toBeUndefined();
    expect(unsupportedWrapping('HMAC_256', 'RSA_AES_KEY_WRAP_SHA_256', 'RSA_4096')).toBe(
      'RSA_AES_KEY_WRAP_SHA_256 is not supported for HMAC_256 key material. Use RSAES_OAEP_SHA_256 or RSAES_OAEP_SHA_1.',
    );
    expect(
      unsupportedWrapping('SYMMETRIC_DEFAULT', 'RSAES_OAEP_SHA_1', 'RSA_2048'),
    ).toBeUndefined();
    for (const algorithm of WRAPPING_ALGORITHMS) {
      expect(unsupportedWrapping('ECC_NIST_P256', algorithm, 'RSA_2048')).toBeUndefined();
    }
  });

  it('refuses every wrapping for key specs whose material cannot be imported', () => {
    expect(unsupportedWrapping('ML_DSA_65', 'RSA_AES_KEY_WRAP_SHA_256', 'RSA_4096')).toBe(
      'Key material cannot be imported into ML_DSA_65 keys.',
    );
  });

  it('refuses only RSAES_OAEP with RSA_2048 for ECC_NIST_P521', () => {
    expect(unsupportedWrapping('ECC_NIST_P521', 'RSAES_OAEP_SHA_1', 'RSA_2048')).toMatch(
      /^An RSA_2048 wrapping key cannot wrap ECC_NIST_P521 key material with RSAES_OAEP_SHA_1/,
    );
    expect(unsupportedWrapping('ECC_NIST_P521', 'RSAES_OAEP_SHA_1', 'RSA_3072')).toBeUndefined();
    expect(
      unsupportedWrapping('ECC_NIST_P521', 'RSA_AES_KEY_WRAP_SHA_1', 'RSA_2048'),
    ).toBeUndefined();
  });
});
