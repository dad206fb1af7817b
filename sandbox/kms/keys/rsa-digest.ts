import {
  constants,
  createHash,
  privateEncrypt,
  publicDecrypt,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import type { SignatureHashName as SignatureHash } from './specs';

/*
 * RSA signatures over a digest the caller already computed (Sign/Verify with MessageType DIGEST).
 *
 * Node (still as of 24) can't sign a precomputed hash: crypto.sign(null, …) on an RSA key doesn't skip hashing,
 * OpenSSL falls back to the key's default digest (SHA-256) and hashes the input again
 * (crypto.signDigest is only a proposal, nodejs/node#62345). So we build the PKCS #1 encoding of
 * the digest ourselves and let OpenSSL do the RSA private-key operation on it:
 * - PKCS #1 v1.5: DigestInfo(hash OID, digest) through privateEncrypt's type-1 padding; this is
 *   byte for byte what crypto.sign(hash, message) produces, since the scheme is deterministic.
 * - PSS: EMSA-PSS (RFC 8017 §9.1) with MGF1 of the same hash and a salt as long as the digest,
 *   as KMS uses, then a raw (RSA_NO_PADDING) private-key operation.
 * Tests check both directions against node's own RAW signing and verification.
 */

/** DER of DigestInfo up to the digest itself (RFC 8017 §9.2, note 1). */
const DIGEST_INFO_PREFIX: Readonly<Record<SignatureHash, Buffer>> = {
  sha256: Buffer.from('3031300d060960864801650304020105000420', 'hex'),
  sha384: Buffer.from('3041300d060960864801650304020205000430', 'hex'),
  sha512: Buffer.from('3051300d060960864801650304020305000440', 'hex'),
};

export function signPkcs1Digest(key: KeyObject, hash: SignatureHash, digest: Buffer): Buffer {
  const digestInfo = Buffer.concat([DIGEST_INFO_PREFIX[hash], digest]);
  return privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, digestInfo);
}

export function verifyPkcs1Digest(
  key: KeyObject,
  hash: SignatureHash,
  digest: Buffer,
  signature: Buffer,
): boolean {
  const recovered = recoverPublic(key, signature, constants.RSA_PKCS1_PADDING);
  if (!recovered) return false;
  const expected = Buffer.concat([DIGEST_INFO_PREFIX[hash], digest]);
  return recovered.length === expected.length && timingSafeEqual(recovered, expected);
}

export function signPssDigest(key: KeyObject, hash: SignatureHash, digest: Buffer): Buffer {
  const { modulusBytes, emBits, emLength } = pssSizes(key);
  const saltLength = digest.length;
  const salt = randomBytes(saltLength);
  const h = pssHash(hash, digest, salt);
  const db = Buffer.alloc(emLength - digest.length - 1);
  db[db.length - saltLength - 1] = 0x01;
  salt.copy(db, db.length - saltLength);
  const maskedDb = xor(db, mgf1(hash, h, db.length));
  maskedDb[0] &= 0xff >>> (8 * emLength - emBits);
  const em = Buffer.concat([Buffer.alloc(modulusBytes - emLength), maskedDb, h, Buffer.of(0xbc)]);
  return privateEncrypt({ key, padding: constants.RSA_NO_PADDING }, em);
}

export function verifyPssDigest(
  key: KeyObject,
  hash: SignatureHash,
  digest: Buffer,
  signature: Buffer,
): boolean {
  const { modulusBytes, emBits, emLength } = pssSizes(key);
  const raw = recoverPublic(key, signature, constants.RSA_NO_PADDING);
  if (!raw || raw.length !== modulusBytes) return false;
  if (raw.subarray(0, modulusBytes - emLength).some((byte) => byte !== 0)) return false;
  const em = raw.subarray(modulusBytes - emLength);
  return emsaPssVerify(hash, digest, em, emBits);
}

/** EMSA-PSS-VERIFY (RFC 8017 §9.1.2) with sLen = hLen. */
function emsaPssVerify(hash: SignatureHash, digest: Buffer, em: Buffer, emBits: number): boolean {
  const hLength = digest.length;
  const saltLength = hLength;
  const unusedBits = 8 * em.length - emBits;
  if (em.length < hLength + saltLength + 2 || em[em.length - 1] !== 0xbc) return false;
  const maskedDb = em.subarray(0, em.length - hLength - 1);
  const h = em.subarray(em.length - hLength - 1, em.length - 1);
  if ((maskedDb[0] & ~(0xff >>> unusedBits) & 0xff) !== 0) return false;
  const db = xor(maskedDb, mgf1(hash, h, maskedDb.length));
  db[0] &= 0xff >>> unusedBits;
  const separator = db.length - saltLength - 1;
  if (db.subarray(0, separator).some((byte) => byte !== 0) || db[separator] !== 0x01) return false;
  const expected = pssHash(hash, digest, db.subarray(separator + 1));
  return timingSafeEqual(h, expected);
}

/** H = Hash(0x00 × 8 ‖ mHash ‖ salt). */
function pssHash(hash: SignatureHash, digest: Buffer, salt: Buffer): Buffer {
  return createHash(hash).update(Buffer.alloc(8)).update(digest).update(salt).digest();
}

/** MGF1 (RFC 8017 §B.2.1). */
function mgf1(hash: SignatureHash, seed: Buffer, length: number): Buffer {
  const blocks: Buffer[] = [];
  const counter = Buffer.alloc(4);
  for (let produced = 0, i = 0; produced < length; i += 1) {
    counter.writeUInt32BE(i);
    const block = createHash(hash).update(seed).update(counter).digest();
    blocks.push(block);
    produced += block.length;
  }
  return Buffer.concat(blocks).subarray(0, length);
}

function xor(a: Buffer, b: Buffer): Buffer {
  const out = Buffer.alloc(a.length);
  for (let i = 0; i < a.length; i += 1) out[i] = a[i] ^ b[i];
  return out;
}

function pssSizes(key: KeyObject): { modulusBytes: number; emBits: number; emLength: number } {
  const modulusBits = key.asymmetricKeyDetails?.modulusLength;
  if (modulusBits === undefined) throw new TypeError('Not an RSA key');
  const emBits = modulusBits - 1;
  return { modulusBytes: Math.ceil(modulusBits / 8), emBits, emLength: Math.ceil(emBits / 8) };
}

/**
 * The public-key RSA operation, or undefined for a signature that can't be one. Like OpenSSL's
 * own verify, a signature must be exactly as long as the modulus.
 */
function recoverPublic(key: KeyObject, signature: Buffer, padding: number): Buffer | undefined {
  const modulusBits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (signature.length !== Math.ceil(modulusBits / 8)) return undefined;
  try {
    return publicDecrypt({ key, padding }, signature);
  } catch {
    return undefined;
  }
}
