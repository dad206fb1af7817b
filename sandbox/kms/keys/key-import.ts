import {
  constants,
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { promisify } from 'node:util';
import type {
  AlgorithmSpec,
  KeySpec as SdkKeySpec,
  WrappingKeySpec as SdkWrappingKeySpec,
} from '@aws-sdk/client-kms';
import { KeyMaterialError } from './errors';
import { isKeySpec, keySpecInfo } from './specs';

/*
 * Importing key material (Origin EXTERNAL), as the KMS developer guide's "Importing key material"
 * steps 2 to 4 describe it: KMS hands out an RSA wrapping public key, the caller wraps the key
 * material under it with the wrapping algorithm it chose, and KMS unwraps and checks it.
 *
 * - RSAES_OAEP_SHA_1 / RSAES_OAEP_SHA_256: the material itself, RSA-OAEP encrypted (MGF1 with the
 *   same hash, as `openssl pkeyutl -pkeyopt rsa_oaep_md:sha256` does by default).
 * - RSA_AES_KEY_WRAP_SHA_1 / _SHA_256: an ephemeral 256-bit AES key, RSA-OAEP encrypted, followed
 *   by the material wrapped under that AES key with AES key wrap with padding (RFC 5649), exactly
 *   the `cat aes-key-wrapped.bin key-material-wrapped.bin` of the guide (PKCS #11
 *   CKM_RSA_AES_KEY_WRAP).
 */

/** AlgorithmSpec, in the model's order (GetParametersForImport's validation message). */
export const MODEL_WRAPPING_ALGORITHMS = [
  'RSAES_PKCS1_V1_5',
  'RSAES_OAEP_SHA_1',
  'RSAES_OAEP_SHA_256',
  'RSA_AES_KEY_WRAP_SHA_1',
  'RSA_AES_KEY_WRAP_SHA_256',
  'SM2PKE',
] as const satisfies readonly AlgorithmSpec[];

/** WrappingKeySpec, in the model's order. */
export const MODEL_WRAPPING_KEY_SPECS = [
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'SM2',
] as const satisfies readonly SdkWrappingKeySpec[];

/** The wrapping algorithms KMS supports outside China Regions (RSAES_PKCS1_V1_5 ended in 2023). */
export type WrappingAlgorithm = Exclude<AlgorithmSpec, 'RSAES_PKCS1_V1_5' | 'SM2PKE'>;
export type WrappingKeySpec = Exclude<SdkWrappingKeySpec, 'SM2'>;

export const WRAPPING_ALGORITHMS: readonly WrappingAlgorithm[] = [
  'RSAES_OAEP_SHA_1',
  'RSAES_OAEP_SHA_256',
  'RSA_AES_KEY_WRAP_SHA_1',
  'RSA_AES_KEY_WRAP_SHA_256',
];
export const WRAPPING_KEY_SPECS: readonly WrappingKeySpec[] = ['RSA_2048', 'RSA_3072', 'RSA_4096'];

const WRAPPING_MODULUS_BITS: Readonly<Record<WrappingKeySpec, number>> = {
  RSA_2048: 2048,
  RSA_3072: 3072,
  RSA_4096: 4096,
};

const OAEP_HASH: Readonly<Record<WrappingAlgorithm, 'sha1' | 'sha256'>> = {
  RSAES_OAEP_SHA_1: 'sha1',
  RSAES_OAEP_SHA_256: 'sha256',
  RSA_AES_KEY_WRAP_SHA_1: 'sha1',
  RSA_AES_KEY_WRAP_SHA_256: 'sha256',
};

export const isWrappingAlgorithm = (value: string): value is WrappingAlgorithm =>
  (WRAPPING_ALGORITHMS as readonly string[]).includes(value);
export const isWrappingKeySpec = (value: string): value is WrappingKeySpec =>
  (WRAPPING_KEY_SPECS as readonly string[]).includes(value);

const isHybrid = (algorithm: WrappingAlgorithm) => algorithm.startsWith('RSA_AES_KEY_WRAP_');

/** The guide generates a 256-bit AES key for the RSA_AES_KEY_WRAP algorithms; nothing else is documented. */
const AES_KEY_BYTES = 32;
/** RFC 5649's alternative initial value, the `-iv A65959A6` of the guide's openssl command. */
const KWP_IV = Buffer.from('a65959a6', 'hex');
const KWP_CIPHER = 'id-aes256-wrap-pad';

const PRIVATE_DER = { type: 'pkcs8', format: 'der' } as const;
const PUBLIC_DER = { type: 'spki', format: 'der' } as const;

export interface WrappingKeyPair {
  /** SubjectPublicKeyInfo DER: GetParametersForImport's PublicKey. */
  publicKey: Buffer;
  /** PKCS #8 DER; never leaves the sandbox. */
  privateKey: Buffer;
}

const generateKeyPairAsync = promisify(generateKeyPair);

/** A fresh RSA wrapping key pair, generated off the event loop (RSA_4096 takes about a second). */
export async function generateWrappingKeyPair(spec: WrappingKeySpec): Promise<WrappingKeyPair> {
  return generateKeyPairAsync('rsa', {
    modulusLength: WRAPPING_MODULUS_BITS[spec],
    publicKeyEncoding: PUBLIC_DER,
    privateKeyEncoding: PRIVATE_DER,
  });
}

/** Wrapped material that doesn't unwrap: not made with this public key and algorithm. */
export class UnwrapError extends Error {
  override readonly name = 'UnwrapError';
}

/** Unwrapped material that doesn't fit the KMS key's spec; the message says why, never the bytes. */
export class IncorrectMaterialError extends Error {
  override readonly name = 'IncorrectMaterialError';
}

export interface WrapInput {
  /** The wrapping public key (SubjectPublicKeyInfo DER). */
  publicKey: Uint8Array;
  algorithm: WrappingAlgorithm;
  material: Uint8Array;
}

/**
 * Wraps key material as a KMS client does before ImportKeyMaterial. The sandbox never needs this
 * itself; tests and tools use it to produce what openssl produces.
 */
export function wrapKeyMaterial(input: WrapInput): Buffer {
  const key = createPublicKey({ key: Buffer.from(input.publicKey), ...PUBLIC_DER });
  const oaep = (plaintext: Buffer) =>
    publicEncrypt(
      { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: OAEP_HASH[input.algorithm] },
      plaintext,
    );
  if (!isHybrid(input.algorithm)) return oaep(Buffer.from(input.material));
  const aesKey = randomBytes(AES_KEY_BYTES);
  const cipher = createCipheriv(KWP_CIPHER, aesKey, KWP_IV);
  const wrapped = Buffer.concat([cipher.update(input.material), cipher.final()]);
  return Buffer.concat([oaep(aesKey), wrapped]);
}

export interface UnwrapInput {
  /** The wrapping private key (PKCS #8 DER) that belongs to the import token. */
  privateKey: Uint8Array;
  algorithm: WrappingAlgorithm;
  wrapped: Uint8Array;
}

/** Unwraps EncryptedKeyMaterial; throws UnwrapError for anything that isn't ours to unwrap. */
export function unwrapKeyMaterial(input: UnwrapInput): Buffer {
  const key = createPrivateKey({ key: Buffer.from(input.privateKey), ...PRIVATE_DER });
  const modulusBytes = modulusLengthOf(key) / 8;
  const wrapped = Buffer.from(input.wrapped);
  const oaep = (ciphertext: Buffer) => {
    try {
      return privateDecrypt(
        { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: OAEP_HASH[input.algorithm] },
        ciphertext,
      );
    } catch {
      // OpenSSL's reason ("oaep decoding error") says nothing a caller can act on.
      throw new UnwrapError(
        `The key material is not encrypted with this wrapping public key and ${input.algorithm}`,
      );
    }
  };
  if (!isHybrid(input.algorithm)) {
    if (wrapped.length !== modulusBytes) {
      throw new UnwrapError(
        `${input.algorithm} ciphertext under this wrapping key is ${modulusBytes} bytes, not ${wrapped.length}`,
      );
    }
    return oaep(wrapped);
  }
  if (wrapped.length <= modulusBytes) {
    throw new UnwrapError(
      `${input.algorithm} wrapped key material is the RSA-encrypted AES key (${modulusBytes} bytes) followed by the AES-wrapped key material`,
    );
  }
  const aesKey = oaep(wrapped.subarray(0, modulusBytes));
  if (aesKey.length !== AES_KEY_BYTES) {
    aesKey.fill(0);
    throw new UnwrapError(`${input.algorithm} needs a 256-bit AES key, not ${aesKey.length * 8}`);
  }
  try {
    const decipher = createDecipheriv(KWP_CIPHER, aesKey, KWP_IV);
    return Buffer.concat([decipher.update(wrapped.subarray(modulusBytes)), decipher.final()]);
  } catch {
    throw new UnwrapError('The AES-wrapped key material does not unwrap under the AES key');
  } finally {
    aesKey.fill(0);
  }
}

function modulusLengthOf(key: KeyObject): number {
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (bits === undefined) throw new KeyMaterialError('The wrapping key is not an RSA key');
  return bits;
}

/** HMAC key material may be as long as 1024 bits ("Requirements for imported key material"). */
const HMAC_MAX_BYTES = 128;
const SYMMETRIC_BYTES = 32;

/**
 * Checks unwrapped material against the KMS key's spec, as "Requirements for imported key
 * material" lists it, and returns it as the sandbox stores it (asymmetric keys re-encoded as
 * PKCS #8 DER, which is what the rest of the sandbox reads).
 */
export function checkImportedMaterial(keySpec: SdkKeySpec, material: Buffer): Buffer {
  if (!isKeySpec(keySpec)) {
    throw new IncorrectMaterialError(`Key material cannot be imported into ${keySpec} keys`);
  }
  const info = keySpecInfo(keySpec);
  switch (info.family) {
    case 'SYMMETRIC':
      if (material.length !== SYMMETRIC_BYTES) {
        throw new IncorrectMaterialError(
          `SYMMETRIC_DEFAULT key material must be 256 bits (32 bytes) of binary data, not ${material.length} bytes`,
        );
      }
      return material;
    case 'HMAC': {
      // The guide's step 3 asks for exactly the spec's length; its requirements list allows
      // anything from that length to 1024 bits. The sandbox takes the wider rule.
      const min = info.hmacKeyBytes ?? 0;
      if (material.length < min || material.length > HMAC_MAX_BYTES) {
        throw new IncorrectMaterialError(
          `${keySpec} key material must be ${min * 8} to ${HMAC_MAX_BYTES * 8} bits (${min} to ${HMAC_MAX_BYTES} bytes), not ${material.length} bytes`,
        );
      }
      return material;
    }
    case 'RSA':
    case 'ECC':
      return checkPrivateKey(keySpec, material);
    default:
      throw new IncorrectMaterialError(`Key material cannot be imported into ${keySpec} keys`);
  }
}

function checkPrivateKey(keySpec: SdkKeySpec, material: Buffer): Buffer {
  const info = keySpecInfo(keySpec);
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: material, ...PRIVATE_DER });
  } catch {
    throw new IncorrectMaterialError(
      `${keySpec} key material must be the private key in PKCS #8 format, DER-encoded (openssl pkcs8 -topk8 -outform der -nocrypt)`,
    );
  }
  const details = key.asymmetricKeyDetails ?? {};
  if (info.family === 'RSA') {
    if (key.asymmetricKeyType !== 'rsa' || details.modulusLength !== info.rsaModulusBits) {
      throw new IncorrectMaterialError(
        `${keySpec} key material must be an RSA private key with a ${info.rsaModulusBits}-bit modulus`,
      );
    }
    if (!hasTwoPrimes(key)) {
      throw new IncorrectMaterialError(
        `${keySpec} key material must have two primes: multi-prime RSA keys are not supported`,
      );
    }
  } else if (key.asymmetricKeyType !== 'ec' || details.namedCurve !== info.curve) {
    throw new IncorrectMaterialError(
      `${keySpec} key material must be an elliptic curve private key on ${info.curve}`,
    );
  }
  return key.export(PRIVATE_DER);
}

/**
 * Multi-prime keys are told by their modulus, not by JWK's `oth` member: Node 24 exports the
 * extra primes there, Node 22 drops them and still writes p and q.
 */
function hasTwoPrimes(key: KeyObject): boolean {
  const jwk = key.export({ format: 'jwk' });
  const big = (member: string | undefined) =>
    BigInt(`0x${Buffer.from(member ?? '', 'base64url').toString('hex') || '0'}`);
  return big(jwk.p) * big(jwk.q) === big(jwk.n);
}

/**
 * KMS "assigns a unique identifier to the key material based on the KMS key ID and the imported
 * key material" (ImportKeyMaterial's KeyMaterialId), 64 hex digits. How it derives it is not
 * documented; this keys an HMAC-SHA256 of the key id with the material, so the same material
 * always gets the same id in the same key and the id reveals nothing about the material.
 */
export function importedKeyMaterialId(keyId: string, material: Buffer): string {
  return createHmac('sha256', material)
    .update(`kms-sandbox imported key material ${keyId}`)
    .digest('hex');
}

/**
 * Why a wrapping algorithm and wrapping key spec can't carry material of this key spec, per the
 * guide's "Select a wrapping algorithm" table; undefined when they can.
 */
export function unsupportedWrapping(
  keySpec: SdkKeySpec,
  algorithm: WrappingAlgorithm,
  wrappingKeySpec: WrappingKeySpec,
): string | undefined {
  const family = isKeySpec(keySpec) ? keySpecInfo(keySpec).family : undefined;
  if (family === undefined || family === 'ML_DSA' || family === 'SM2') {
    return `Key material cannot be imported into ${keySpec} keys.`;
  }
  if (family === 'RSA' && !isHybrid(algorithm)) {
    return `${algorithm} cannot wrap RSA private key material. Use RSA_AES_KEY_WRAP_SHA_256 or RSA_AES_KEY_WRAP_SHA_1.`;
  }
  if ((family === 'SYMMETRIC' || family === 'HMAC') && isHybrid(algorithm)) {
    return `${algorithm} is not supported for ${keySpec} key material. Use RSAES_OAEP_SHA_256 or RSAES_OAEP_SHA_1.`;
  }
  if (keySpec === 'ECC_NIST_P521' && wrappingKeySpec === 'RSA_2048' && !isHybrid(algorithm)) {
    return `An RSA_2048 wrapping key cannot wrap ECC_NIST_P521 key material with ${algorithm}. Use RSA_3072 or RSA_4096, or an RSA_AES_KEY_WRAP_SHA_* wrapping algorithm.`;
  }
  return undefined;
}
