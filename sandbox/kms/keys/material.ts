import {
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  generateKeyPairSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { promisify } from 'node:util';
import type { KeySpec as SdkKeySpec } from '@aws-sdk/client-kms';
import { KeyMaterialError } from './errors';
import { keySpecInfo, type KeySpecInfo } from './specs';

/*
 * Key material is what the store keeps, as opaque bytes:
 * - SYMMETRIC_DEFAULT: a 256-bit AES-GCM key;
 * - HMAC_*: a random key as long as the spec's hash (28, 32, 48, 64 bytes);
 * - RSA_*, ECC_* and ML_DSA_*: the private key as PKCS #8 DER (the public key is derived from it;
 *   for ML-DSA, Node writes the 32-byte seed form, from which FIPS 204 expands the key).
 */

const SYMMETRIC_KEY_BYTES = 32;

const generateKeyPairAsync = promisify(generateKeyPair);

const PRIVATE_DER = { type: 'pkcs8', format: 'der' } as const;
const PUBLIC_DER = { type: 'spki', format: 'der' } as const;

/** Synchronous: fine for everything but RSA_4096 (and RSA_3072) on a busy server. */
export function generateKeyMaterial(keySpec: SdkKeySpec): Buffer {
  const info = keySpecInfo(keySpec);
  const secret = secretKeyBytes(info);
  if (secret !== undefined) return randomBytes(secret);
  if (info.rsaModulusBits !== undefined) {
    return generateKeyPairSync('rsa', {
      modulusLength: info.rsaModulusBits,
      publicKeyEncoding: PUBLIC_DER,
      privateKeyEncoding: PRIVATE_DER,
    }).privateKey;
  }
  if (info.mlDsaKeyType !== undefined) {
    return generateKeyPairSync(info.mlDsaKeyType, {
      publicKeyEncoding: PUBLIC_DER,
      privateKeyEncoding: PRIVATE_DER,
    }).privateKey;
  }
  return generateKeyPairSync('ec', {
    namedCurve: curveOf(info),
    publicKeyEncoding: PUBLIC_DER,
    privateKeyEncoding: PRIVATE_DER,
  }).privateKey;
}

/** Generates in libuv's thread pool, so RSA_4096 (about a second) doesn't stall the event loop. */
export async function generateKeyMaterialAsync(keySpec: SdkKeySpec): Promise<Buffer> {
  const info = keySpecInfo(keySpec);
  const secret = secretKeyBytes(info);
  if (secret !== undefined) return randomBytes(secret);
  if (info.rsaModulusBits !== undefined) {
    const pair = await generateKeyPairAsync('rsa', {
      modulusLength: info.rsaModulusBits,
      publicKeyEncoding: PUBLIC_DER,
      privateKeyEncoding: PRIVATE_DER,
    });
    return pair.privateKey;
  }
  // ML-DSA key generation takes well under a millisecond.
  if (info.mlDsaKeyType !== undefined) return generateKeyMaterial(keySpec);
  const pair = await generateKeyPairAsync('ec', {
    namedCurve: curveOf(info),
    publicKeyEncoding: PUBLIC_DER,
    privateKeyEncoding: PRIVATE_DER,
  });
  return pair.privateKey;
}

/** The SubjectPublicKeyInfo DER that GetPublicKey returns. */
export function publicKeyDer(keySpec: SdkKeySpec, material: Buffer): Buffer {
  const info = keySpecInfo(keySpec);
  if (info.family === 'SYMMETRIC' || info.family === 'HMAC') {
    throw new KeyMaterialError(`Key spec ${keySpec} has no public key`);
  }
  return createPublicKey(privateKeyFromMaterial(material)).export(PUBLIC_DER);
}

/** Parses stored asymmetric material; throws KeyMaterialError if it isn't a PKCS #8 key. */
export function privateKeyFromMaterial(material: Buffer): KeyObject {
  try {
    return createPrivateKey({ key: material, ...PRIVATE_DER });
  } catch {
    // OpenSSL's message adds nothing useful, and the material must never reach an error message.
    throw new KeyMaterialError('Key material is not a PKCS #8 private key');
  }
}

function secretKeyBytes(info: KeySpecInfo): number | undefined {
  if (info.family === 'SYMMETRIC') return SYMMETRIC_KEY_BYTES;
  return info.hmacKeyBytes;
}

function curveOf(info: KeySpecInfo): string {
  if (info.curve === undefined) throw new KeyMaterialError(`${info.keySpec} is not an ECC spec`);
  return info.curve;
}
