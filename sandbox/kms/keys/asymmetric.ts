import {
  constants,
  createPublicKey,
  diffieHellman,
  privateDecrypt,
  publicEncrypt,
  sign as nodeSign,
  verify as nodeVerify,
  type KeyObject,
} from 'node:crypto';
import { signEcdsaDigest, verifyEcdsaDigest } from './ecdsa-digest';
import {
  CiphertextAuthError,
  CiphertextFormatError,
  KeyMaterialError,
  PeerPublicKeyError,
} from './errors';
import { privateKeyFromMaterial } from './material';
import { signMlDsa, verifyMlDsa } from './ml-dsa';
import { signPkcs1Digest, signPssDigest, verifyPkcs1Digest, verifyPssDigest } from './rsa-digest';
import {
  digestLength,
  hashLength,
  isHashedSigningAlgorithm,
  MAX_SIGN_MESSAGE_BYTES,
  oaepHash,
  signingHash,
  type CurveName,
  type HashedSigningAlgorithm,
  type MessageType,
  type RsaEncryptionAlgorithm,
  type SigningAlgorithm,
} from './specs';

/*
 * Operations with RSA and ECC key material (PKCS #8 DER, see material.ts). The server checks key
 * usage, algorithm and sizes first and answers in AWS's words; the checks here are a safety net
 * and throw plain errors.
 */

// ---- Encrypt / Decrypt (RSAES-OAEP) ----

export interface RsaEncryptInput {
  material: Buffer;
  algorithm: RsaEncryptionAlgorithm;
  plaintext: Buffer;
}

export interface RsaDecryptInput {
  material: Buffer;
  algorithm: RsaEncryptionAlgorithm;
  ciphertext: Buffer;
}

/**
 * RSAES-OAEP with SHA-1 or SHA-256, MGF1 using the same hash (OpenSSL's default when only the
 * OAEP hash is set), no label: what KMS does, and what `openssl pkeyutl -pkeyopt
 * rsa_oaep_md:sha256 -pkeyopt rsa_mgf1_md:sha256` or WebCrypto RSA-OAEP/SHA-256 produce.
 * Throws RangeError for a plaintext longer than rsaMaxPlaintextBytes.
 */
export function rsaEncrypt(input: RsaEncryptInput): Buffer {
  const key = rsaPrivateKey(input.material);
  const hashBytes = hashLength(oaepHash(input.algorithm));
  if (input.plaintext.length > modulusBytes(key) - 2 * hashBytes - 2) {
    throw new RangeError(`Plaintext is too long for ${input.algorithm} with this key`);
  }
  return publicEncrypt(oaepOptions(createPublicKey(key), input.algorithm), input.plaintext);
}

/** Throws CiphertextFormatError (wrong size) or CiphertextAuthError (doesn't decrypt). */
export function rsaDecrypt(input: RsaDecryptInput): Buffer {
  const key = rsaPrivateKey(input.material);
  if (input.ciphertext.length !== modulusBytes(key)) {
    throw new CiphertextFormatError('Ciphertext length does not match the RSA key size');
  }
  try {
    return privateDecrypt(oaepOptions(key, input.algorithm), input.ciphertext);
  } catch {
    throw new CiphertextAuthError(`Ciphertext does not decrypt with ${input.algorithm}`);
  }
}

function oaepOptions(key: KeyObject, algorithm: RsaEncryptionAlgorithm) {
  return { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: oaepHash(algorithm) };
}

// ---- Sign / Verify ----

export interface SignInput {
  material: Buffer;
  algorithm: SigningAlgorithm;
  /**
   * The message (RAW, at most 4096 bytes), its digest (DIGEST, exactly digestLength bytes; not
   * for ML-DSA) or ML-DSA's message representative μ (EXTERNAL_MU, 64 bytes; ML-DSA only).
   */
  message: Buffer;
  messageType: MessageType;
}

export interface VerifyInput extends SignInput {
  signature: Buffer;
}

/**
 * RSASSA-PKCS1-v1_5, RSASSA-PSS (salt length = digest length, MGF1 with the same hash), ECDSA
 * (DER-encoded signature) or ML-DSA, over the message or over a digest (μ for ML-DSA) the caller
 * computed. Either way the signature is the one of the original message: a DIGEST signature
 * verifies as a RAW one.
 */
export function signMessage(input: SignInput): Buffer {
  const key = signingKey(input.material, input.algorithm);
  const { algorithm } = input;
  if (!isHashedSigningAlgorithm(algorithm)) {
    return signMlDsa({ privateKey: key, message: input.message, messageType: mlDsaType(input) });
  }
  checkMessage(input, algorithm);
  const hash = signingHash(algorithm);
  if (input.messageType === 'RAW') return nodeSign(hash, input.message, rawOptions(key, algorithm));
  if (isEcdsa(algorithm)) return signEcdsaDigest(key, input.message);
  if (isPss(algorithm)) return signPssDigest(key, hash, input.message);
  return signPkcs1Digest(key, hash, input.message);
}

/** False for a signature that doesn't verify, including bytes that aren't a signature at all. */
export function verifySignature(input: VerifyInput): boolean {
  const key = signingKey(input.material, input.algorithm);
  const { algorithm, message, signature } = input;
  if (!isHashedSigningAlgorithm(algorithm)) {
    const publicKey = createPublicKey(key);
    return verifyMlDsa({ publicKey, message, signature, messageType: mlDsaType(input) });
  }
  checkMessage(input, algorithm);
  const hash = signingHash(algorithm);
  if (isEcdsa(algorithm) && input.messageType === 'DIGEST') {
    return verifyEcdsaDigest(key, message, signature);
  }
  const publicKey = createPublicKey(key);
  if (input.messageType === 'DIGEST') {
    return isPss(algorithm)
      ? verifyPssDigest(publicKey, hash, message, signature)
      : verifyPkcs1Digest(publicKey, hash, message, signature);
  }
  try {
    return nodeVerify(hash, message, rawOptions(publicKey, algorithm), signature);
  } catch {
    return false; // e.g. malformed DER for ECDSA
  }
}

function rawOptions(key: KeyObject, algorithm: HashedSigningAlgorithm) {
  if (isEcdsa(algorithm)) return { key, dsaEncoding: 'der' as const };
  if (!isPss(algorithm)) return { key, padding: constants.RSA_PKCS1_PADDING };
  // Node would otherwise sign with the longest salt and verify with any: KMS uses hLen.
  return {
    key,
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: digestLength(algorithm),
  };
}

function checkMessage(input: SignInput, algorithm: HashedSigningAlgorithm): void {
  if (input.messageType === 'EXTERNAL_MU') {
    throw new RangeError(`${algorithm} takes no external μ: that is for ML-DSA keys`);
  }
  if (input.messageType === 'DIGEST') {
    const expected = digestLength(algorithm);
    if (input.message.length !== expected) {
      throw new RangeError(`A ${algorithm} digest must be ${expected} bytes`);
    }
  } else if (input.message.length > MAX_SIGN_MESSAGE_BYTES) {
    throw new RangeError(`Message must be at most ${MAX_SIGN_MESSAGE_BYTES} bytes`);
  }
}

/** ML-DSA signs a message or μ, never a SHA-2 digest. */
function mlDsaType(input: SignInput): 'RAW' | 'EXTERNAL_MU' {
  if (input.messageType === 'DIGEST') {
    throw new RangeError('ML_DSA_SHAKE_256 takes a RAW message or an EXTERNAL_MU, not a DIGEST');
  }
  if (input.messageType === 'RAW' && input.message.length > MAX_SIGN_MESSAGE_BYTES) {
    throw new RangeError(`Message must be at most ${MAX_SIGN_MESSAGE_BYTES} bytes`);
  }
  return input.messageType;
}

type EcdsaAlgorithm = Extract<SigningAlgorithm, `ECDSA_${string}`>;

const ECDSA_CURVES: Readonly<Record<EcdsaAlgorithm, readonly CurveName[]>> = {
  ECDSA_SHA_256: ['prime256v1', 'secp256k1'],
  ECDSA_SHA_384: ['secp384r1'],
  ECDSA_SHA_512: ['secp521r1'],
};

/** The private key, after checking the algorithm fits it (e.g. ECDSA_SHA_384 needs P-384). */
function signingKey(material: Buffer, algorithm: SigningAlgorithm): KeyObject {
  const key = privateKeyFromMaterial(material);
  // ml-dsa.ts checks that an ML-DSA algorithm gets an ML-DSA key.
  if (!isHashedSigningAlgorithm(algorithm)) return key;
  if (!isEcdsa(algorithm)) return assertRsa(key, algorithm);
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (key.asymmetricKeyType !== 'ec' || !ECDSA_CURVES[algorithm].some((c) => c === curve)) {
    throw new KeyMaterialError(`${algorithm} can't be used with this key`);
  }
  return key;
}

function rsaPrivateKey(material: Buffer): KeyObject {
  return assertRsa(privateKeyFromMaterial(material), 'RSAES_OAEP');
}

function assertRsa(key: KeyObject, algorithm: string): KeyObject {
  if (key.asymmetricKeyType !== 'rsa') {
    throw new KeyMaterialError(`${algorithm} can't be used with this key`);
  }
  return key;
}

function modulusBytes(key: KeyObject): number {
  return Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 0) / 8);
}

function isEcdsa(algorithm: HashedSigningAlgorithm): algorithm is EcdsaAlgorithm {
  return algorithm.startsWith('ECDSA_');
}

function isPss(algorithm: HashedSigningAlgorithm): boolean {
  return algorithm.startsWith('RSASSA_PSS_');
}

// ---- DeriveSharedSecret (ECDH) ----

export interface DeriveSharedSecretInput {
  /** An ECC_NIST_* key's material. */
  material: Buffer;
  /** The other party's public key, SubjectPublicKeyInfo DER, on the same curve. */
  publicKey: Buffer;
}

/**
 * The raw ECDH shared secret (the x coordinate, as long as the curve's field), as KMS's
 * DeriveSharedSecret returns it: no key derivation function is applied.
 * Throws PeerPublicKeyError for a public key that isn't SubjectPublicKeyInfo DER of a valid point
 * on the key's curve.
 */
export function deriveSharedSecret(input: DeriveSharedSecretInput): Buffer {
  const privateKey = privateKeyFromMaterial(input.material);
  const curve = privateKey.asymmetricKeyDetails?.namedCurve;
  if (privateKey.asymmetricKeyType !== 'ec' || curve === undefined) {
    throw new KeyMaterialError('Key agreement needs an ECC key');
  }
  let publicKey: KeyObject;
  try {
    // OpenSSL refuses a point that is not on its curve here, so no invalid-curve point gets through.
    publicKey = createPublicKey({ key: input.publicKey, format: 'der', type: 'spki' });
  } catch {
    throw new PeerPublicKeyError({ kind: 'unreadable' });
  }
  const peerCurve = publicKey.asymmetricKeyDetails?.namedCurve;
  if (publicKey.asymmetricKeyType !== 'ec' || peerCurve !== curve) {
    throw new PeerPublicKeyError({
      kind: 'other-curve',
      keyType: publicKey.asymmetricKeyType ?? 'unknown',
      curve: peerCurve,
    });
  }
  return diffieHellman({ privateKey, publicKey });
}
