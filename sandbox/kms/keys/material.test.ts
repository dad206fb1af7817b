import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyMaterialError } from './errors';
import {
  generateKeyMaterial,
  generateKeyMaterialAsync,
  privateKeyFromMaterial,
  publicKeyDer,
} from './material';
import { UnsupportedKeySpecError } from './specs';

describe('generateKeyMaterial', () => {
  it.each([
    ['SYMMETRIC_DEFAULT', 32],
    ['HMAC_224', 28],
    ['HMAC_256', 32],
    ['HMAC_384', 48],
    ['HMAC_512', 64],
  ] as const)('makes %s material of %i random bytes', (spec, bytes) => {
    const a = generateKeyMaterial(spec);
    expect(a).toHaveLength(bytes);
    expect(a.equals(generateKeyMaterial(spec))).toBe(false);
  });

  it.each([
    ['ECC_NIST_P256', 'prime256v1'],
    ['ECC_NIST_P384', 'secp384r1'],
    ['ECC_NIST_P521', 'secp521r1'],
    ['ECC_SECG_P256K1', 'secp256k1'],
  ] as const)('makes %s material: a PKCS #8 key on %s', (spec, curve) => {
    const key = createPrivateKey({ key: generateKeyMaterial(spec), format: 'der', type: 'pkcs8' });
    expect(key.asymmetricKeyType).toBe('ec');
    expect(key.asymmetricKeyDetails?.namedCurve).toBe(curve);
  });

  it('makes RSA material: a PKCS #8 key with the spec modulus and exponent 65537', () => {
    const key = privateKeyFromMaterial(generateKeyMaterial('RSA_2048'));
    expect(key.asymmetricKeyType).toBe('rsa');
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(key.asymmetricKeyDetails?.publicExponent).toBe(65537n);
  });

  // RSA prime search takes a variable time, seconds on a loaded two-core machine.
  it('generates asynchronously too', { timeout: 30_000 }, async () => {
    const key = privateKeyFromMaterial(await generateKeyMaterialAsync('RSA_3072'));
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(3072);
    expect(await generateKeyMaterialAsync('HMAC_384')).toHaveLength(48);
    const ec = privateKeyFromMaterial(await generateKeyMaterialAsync('ECC_SECG_P256K1'));
    expect(ec.asymmetricKeyDetails?.namedCurve).toBe('secp256k1');
  });

  it('refuses specs the sandbox does not support', () => {
    expect(() => generateKeyMaterial('SM2')).toThrow(UnsupportedKeySpecError);
  });
});

describe('publicKeyDer', () => {
  it('returns the SubjectPublicKeyInfo of the private key', () => {
    const material = generateKeyMaterial('ECC_NIST_P256');
    const spki = publicKeyDer('ECC_NIST_P256', material);
    const fromSpki = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    expect(fromSpki.equals(createPublicKey(privateKeyFromMaterial(material)))).toBe(true);
    // SEQUENCE { SEQUENCE { id-ecPublicKey, prime256v1 }, BIT STRING }: 91 bytes for P-256.
    expect(spki).toHaveLength(91);
  });

  it('refuses symmetric and HMAC keys, and material that is not a key', () => {
    expect(() => publicKeyDer('SYMMETRIC_DEFAULT', Buffer.alloc(32))).toThrow(KeyMaterialError);
    expect(() => publicKeyDer('HMAC_256', Buffer.alloc(32))).toThrow(KeyMaterialError);
    expect(() => publicKeyDer('RSA_2048', Buffer.alloc(32))).toThrow(KeyMaterialError);
  });
});
