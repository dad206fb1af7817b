import type { KeyObject } from 'node:crypto';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import type { CurveName } from './specs';

/*
 * ECDSA over a digest the caller already computed (Sign/Verify with MessageType DIGEST).
 * Node (still as of 24) cannot do this: crypto.sign(null, …) on an EC key hashes the input again, and
 * crypto.signDigest is only a proposal (nodejs/node#62345). @noble/curves (audited) signs a
 * prehashed digest as is (`prehash: false`), with RFC 6979 nonces.
 */

const CURVES = {
  prime256v1: p256,
  secp384r1: p384,
  secp521r1: p521,
  secp256k1,
} as const;

function curveOf(key: KeyObject) {
  const name = key.asymmetricKeyDetails?.namedCurve;
  if (name === undefined || !Object.hasOwn(CURVES, name)) throw new TypeError('Not an EC key');
  return CURVES[name as CurveName];
}

function jwkBytes(value: string | undefined): Uint8Array {
  if (value === undefined) throw new TypeError('Not an EC key');
  return Buffer.from(value, 'base64url');
}

/** Signs a digest with an EC private key; returns the DER signature KMS returns. */
export function signEcdsaDigest(privateKey: KeyObject, digest: Buffer): Buffer {
  if (privateKey.type !== 'private') throw new TypeError('Not an EC private key');
  const curve = curveOf(privateKey);
  const { d } = privateKey.export({ format: 'jwk' });
  // lowS false: AWS (and OpenSSL) produce either half of s, and verifiers accept both.
  const signature = curve.sign(digest, jwkBytes(d), { prehash: false, lowS: false, format: 'der' });
  return Buffer.from(signature);
}

/** Verifies a DER signature over a digest; false for anything that isn't a valid signature. */
export function verifyEcdsaDigest(key: KeyObject, digest: Buffer, signature: Buffer): boolean {
  const curve = curveOf(key);
  const { x, y } = key.export({ format: 'jwk' });
  const point = Buffer.concat([Buffer.from([0x04]), jwkBytes(x), jwkBytes(y)]);
  try {
    return curve.verify(signature, digest, point, { prehash: false, lowS: false, format: 'der' });
  } catch {
    return false;
  }
}
