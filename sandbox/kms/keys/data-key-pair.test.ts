import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateDataKeyPair } from './data-key-pair';
import { UnsupportedKeySpecError } from './specs';

describe('generateDataKeyPair', () => {
  // RSA_4096 is left to the single slow test in asymmetric.test.ts.
  it.each([
    ['RSA_2048', 'rsa'],
    ['RSA_3072', 'rsa'],
    ['ECC_NIST_P256', 'ec'],
    ['ECC_NIST_P384', 'ec'],
    ['ECC_NIST_P521', 'ec'],
    ['ECC_SECG_P256K1', 'ec'],
  ] as const)('makes a matching %s pair (PKCS #8 and SPKI DER)', async (spec, type) => {
    const pair = await generateDataKeyPair(spec);
    const privateKey = createPrivateKey({ key: pair.privateKeyDer, format: 'der', type: 'pkcs8' });
    const publicKey = createPublicKey({ key: pair.publicKeyDer, format: 'der', type: 'spki' });
    expect(privateKey.asymmetricKeyType).toBe(type);
    expect(createPublicKey(privateKey).equals(publicKey)).toBe(true);
  });

  it('refuses key pair specs the sandbox does not support', async () => {
    await expect(generateDataKeyPair('SM2')).rejects.toThrow(UnsupportedKeySpecError);
  });
});
