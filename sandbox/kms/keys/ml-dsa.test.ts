import { createHash, createPublicKey, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';
import { describe, expect, it } from 'vitest';
import { signMessage, verifySignature } from './asymmetric';
import { KeyMaterialError } from './errors';
import { generateKeyMaterial, privateKeyFromMaterial, publicKeyDer } from './material';
import { runtimeHasMlDsa } from './ml-dsa';
import type { MlDsaKeySpec } from './specs';

/*
 * Every signature the sandbox makes is checked by an implementation it does not use for that
 * path, and it verifies signatures made by one: node:crypto (OpenSSL) signs RAW messages, so
 * @noble/post-quantum verifies those; @noble/post-quantum signs external μ, so OpenSSL verifies
 * those against the message μ stands for. μ itself is computed here from FIPS 204's formula.
 */

const CASES = [
  ['ML_DSA_44', ml_dsa44, 1334, 2420, '30820532300b06096086480165030403110382052100'],
  ['ML_DSA_65', ml_dsa65, 1974, 3309, '308207b2300b0609608648016503040312038207a100'],
  ['ML_DSA_87', ml_dsa87, 2614, 4627, '30820a32300b060960864801650304031303820a2100'],
] as const;

const message = Buffer.from('firmware image v1.2.3, build 4567');

/** μ = SHAKE256(SHAKE256(pk, 64) ‖ 0x00 ‖ 0x00 ‖ M, 64): pure ML-DSA, empty context. */
function mu(rawPublicKey: Uint8Array, data: Buffer): Buffer {
  const tr = createHash('shake256', { outputLength: 64 }).update(rawPublicKey).digest();
  return createHash('shake256', { outputLength: 64 })
    .update(tr)
    .update(Buffer.from([0, 0]))
    .update(data)
    .digest();
}

// Node 22's node:crypto has no ML-DSA (the sandbox refuses ML-DSA keys there: see conformance):
// there are no keys to test with, and the suites below are left out.
describe.each(runtimeHasMlDsa() ? CASES : [])(
  '%s',
  (spec, noble, spkiBytes, signatureBytes, spkiPrefix) => {
    const material = generateKeyMaterial(spec);
    const spki = publicKeyDer(spec, material);
    const publicKey = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    const rawPublicKey = publicKey.export({ format: 'raw-public' });
    const sign = (data: Buffer, messageType: 'RAW' | 'EXTERNAL_MU') =>
      signMessage({ material, algorithm: 'ML_DSA_SHAKE_256', message: data, messageType });
    const verify = (data: Buffer, signature: Buffer, messageType: 'RAW' | 'EXTERNAL_MU') =>
      verifySignature({
        material,
        algorithm: 'ML_DSA_SHAKE_256',
        message: data,
        messageType,
        signature,
      });

    it('has the public key GetPublicKey returns: SubjectPublicKeyInfo with the id-ml-dsa OID', () => {
      expect(spki).toHaveLength(spkiBytes);
      expect(spki.subarray(0, 22).toString('hex')).toBe(spkiPrefix);
      expect(publicKey.asymmetricKeyType).toBe(spec.toLowerCase().replaceAll('_', '-'));
    });

    it('signs RAW messages that @noble/post-quantum verifies, with hedged signatures', () => {
      const first = sign(message, 'RAW');
      const second = sign(message, 'RAW');
      expect(first).toHaveLength(signatureBytes);
      expect(noble.verify(first, message, rawPublicKey)).toBe(true);
      expect(noble.verify(second, message, rawPublicKey)).toBe(true);
      expect(first.equals(second)).toBe(false);
      expect(noble.verify(first, Buffer.from('another message'), rawPublicKey)).toBe(false);
    });

    it('signs an external μ; OpenSSL verifies the signature against the message itself', () => {
      const signature = sign(mu(rawPublicKey, message), 'EXTERNAL_MU');
      expect(signature).toHaveLength(signatureBytes);
      expect(nodeVerify(null, message, publicKey, signature)).toBe(true);
      expect(verify(message, signature, 'RAW')).toBe(true);
    });

    it('signs μ of a message longer than RAW allows', () => {
      const large = Buffer.alloc(100_000, 7);
      const signature = sign(mu(rawPublicKey, large), 'EXTERNAL_MU');
      expect(noble.verify(signature, large, rawPublicKey)).toBe(true);
      expect(() => sign(large, 'RAW')).toThrow(RangeError);
    });

    it('verifies signatures made elsewhere, RAW and as μ', () => {
      const seed = privateKeyFromMaterial(material).export({ format: 'raw-seed' });
      const keys = noble.keygen(seed);
      expect(Buffer.from(keys.publicKey).equals(rawPublicKey)).toBe(true);
      const external = Buffer.from(noble.sign(message, keys.secretKey));
      expect(verify(message, external, 'RAW')).toBe(true);
      expect(verify(mu(rawPublicKey, message), external, 'EXTERNAL_MU')).toBe(true);
      const openssl = nodeSign(null, message, privateKeyFromMaterial(material));
      expect(verify(mu(rawPublicKey, message), openssl, 'EXTERNAL_MU')).toBe(true);
    });

    it('refuses signatures that do not verify, whatever their shape', () => {
      const signature = sign(message, 'RAW');
      const tampered = Buffer.from(signature);
      tampered[100] ^= 1;
      expect(verify(message, tampered, 'RAW')).toBe(false);
      expect(verify(mu(rawPublicKey, message), tampered, 'EXTERNAL_MU')).toBe(false);
      expect(verify(message, signature.subarray(1), 'RAW')).toBe(false);
      expect(verify(mu(rawPublicKey, message), Buffer.alloc(3), 'EXTERNAL_MU')).toBe(false);
      expect(verify(Buffer.from('other'), signature, 'RAW')).toBe(false);
    });

    it('takes only a 64-byte μ, and no SHA-2 digest', () => {
      expect(() => sign(Buffer.alloc(32), 'EXTERNAL_MU')).toThrow(RangeError);
      expect(() =>
        signMessage({
          material,
          algorithm: 'ML_DSA_SHAKE_256',
          message: Buffer.alloc(32),
          messageType: 'DIGEST',
        }),
      ).toThrow(RangeError);
    });
  },
);

describe.runIf(runtimeHasMlDsa())('algorithm and key must match', () => {
  const mlDsa = () => generateKeyMaterial('ML_DSA_44' satisfies MlDsaKeySpec);
  const ecc = generateKeyMaterial('ECC_NIST_P256');

  it('refuses ML_DSA_SHAKE_256 with an ECC key, and ECDSA with an ML-DSA key', () => {
    expect(() =>
      signMessage({ material: ecc, algorithm: 'ML_DSA_SHAKE_256', message, messageType: 'RAW' }),
    ).toThrow(KeyMaterialError);
    expect(() =>
      signMessage({ material: mlDsa(), algorithm: 'ECDSA_SHA_256', message, messageType: 'RAW' }),
    ).toThrow(KeyMaterialError);
  });

  it('refuses an external μ for an ECDSA key', () => {
    expect(() =>
      signMessage({
        material: ecc,
        algorithm: 'ECDSA_SHA_256',
        message: Buffer.alloc(64),
        messageType: 'EXTERNAL_MU',
      }),
    ).toThrow(RangeError);
  });
});
