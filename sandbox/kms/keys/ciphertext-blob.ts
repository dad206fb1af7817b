import { createCipheriv, createDecipheriv, randomUUID } from 'node:crypto';
import { BoundedMap } from '../../store/bounded-map';
import { CiphertextAuthError, CiphertextFormatError, KeyMaterialError } from './errors';
import { randomIv } from './random-pool';

export { CiphertextAuthError, CiphertextFormatError } from './errors';

/*
 * The sandbox's CiphertextBlob for SYMMETRIC_DEFAULT keys (Encrypt, GenerateDataKey*, ReEncrypt):
 *
 *   offset  size  field
 *        0     1  format: BLOB_VERSION, or MULTI_REGION_BLOB_VERSION for a multi-Region key
 *        1    16  key id: the UUID's 16 raw bytes, or the 16 bytes of hex after `mrk-`
 *       17    16  material id, the UUID's 16 raw bytes: which rotation of the key sealed it
 *       33    12  AES-GCM IV, random
 *       45     n  AES-256-GCM ciphertext, as long as the plaintext
 *     45+n    16  AES-GCM tag
 *
 * The blob names its key and material, so Decrypt needs no KeyId and still works after rotation,
 * and in every Region that has a related multi-Region key (same key id, same material ids).
 * The AAD is the 33-byte header followed by the canonical encryption context, so changing the
 * header, the context or any ciphertext byte fails authentication.
 */

/**
 * 0x53 ('S' for sandbox), not 0x01: real KMS blobs start with 0x01, and one pasted into the
 * sandbox should fail as "not ours" rather than parse into a random key id.
 */
export const BLOB_VERSION = 0x53;
/** 0x4D ('M'): the key id is a multi-Region key's `mrk-…`. */
export const MULTI_REGION_BLOB_VERSION = 0x4d;
const MRK_PREFIX = 'mrk-';

const UUID_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_OFFSET = 1;
const MATERIAL_ID_OFFSET = KEY_ID_OFFSET + UUID_BYTES;
const HEADER_BYTES = MATERIAL_ID_OFFSET + UUID_BYTES;
const IV_OFFSET = HEADER_BYTES;
const CIPHERTEXT_OFFSET = IV_OFFSET + IV_BYTES;

/** Bytes a blob adds to its plaintext: 61. */
export const SYMMETRIC_BLOB_OVERHEAD = CIPHERTEXT_OFFSET + TAG_BYTES;

const AES_KEY_BYTES = 32;
const CIPHER = 'aes-256-gcm';

export type EncryptionContext = Readonly<Record<string, string>>;

export interface SealSymmetricInput {
  /** The KMS key id (a UUID, or `mrk-` and 32 hex digits). */
  keyId: string;
  /** The id of the key material version (a UUID), as the store names it. */
  materialId: string;
  /** The 32-byte SYMMETRIC_DEFAULT key material. */
  material: Buffer;
  plaintext: Buffer;
  encryptionContext?: EncryptionContext;
}

export interface SymmetricBlobHeader {
  /** Lower-case UUID, or `mrk-` and 32 lower-case hex digits. */
  keyId: string;
  /** Lower-case UUID. */
  materialId: string;
}

export interface OpenSymmetricInput {
  blob: Uint8Array;
  material: Buffer;
  encryptionContext?: EncryptionContext;
}

/** A fresh material id in the form the blob can carry. */
export function newMaterialId(): string {
  return randomUUID();
}

export function sealSymmetric(input: SealSymmetricInput): Buffer {
  assertAesKey(input.material);
  const header = Buffer.alloc(HEADER_BYTES);
  const multiRegion = input.keyId.startsWith(MRK_PREFIX);
  header[0] = multiRegion ? MULTI_REGION_BLOB_VERSION : BLOB_VERSION;
  (multiRegion ? mrkToBytes(input.keyId) : uuidToBytes(input.keyId, 'keyId')).copy(
    header,
    KEY_ID_OFFSET,
  );
  uuidToBytes(input.materialId, 'materialId').copy(header, MATERIAL_ID_OFFSET);
  const iv = randomIv(IV_BYTES);
  const cipher = createCipheriv(CIPHER, input.material, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(header, input.encryptionContext));
  const ciphertext = Buffer.concat([cipher.update(input.plaintext), cipher.final()]);
  return Buffer.concat([header, iv, ciphertext, cipher.getAuthTag()]);
}

/** Reads which key and material sealed the blob, without decrypting it. */
export function parseSymmetricBlob(blob: Uint8Array): SymmetricBlobHeader {
  if (blob.length < SYMMETRIC_BLOB_OVERHEAD) {
    throw new CiphertextFormatError('Ciphertext is too short to be a sandbox ciphertext blob');
  }
  if (blob[0] !== BLOB_VERSION && blob[0] !== MULTI_REGION_BLOB_VERSION) {
    throw new CiphertextFormatError('Ciphertext is not a sandbox ciphertext blob');
  }
  const keyIdBytes = blob.subarray(KEY_ID_OFFSET, MATERIAL_ID_OFFSET);
  return {
    keyId:
      blob[0] === MULTI_REGION_BLOB_VERSION
        ? MRK_PREFIX + Buffer.from(keyIdBytes).toString('hex')
        : bytesToUuid(keyIdBytes),
    materialId: bytesToUuid(blob.subarray(MATERIAL_ID_OFFSET, HEADER_BYTES)),
  };
}

/**
 * Decrypts a blob with the material its header names (the caller looks it up via
 * parseSymmetricBlob). Throws CiphertextFormatError or CiphertextAuthError.
 */
export function openSymmetric(input: OpenSymmetricInput): Buffer {
  assertAesKey(input.material);
  parseSymmetricBlob(input.blob);
  const blob = Buffer.from(input.blob.buffer, input.blob.byteOffset, input.blob.byteLength);
  const tagOffset = blob.length - TAG_BYTES;
  const decipher = createDecipheriv(
    CIPHER,
    input.material,
    blob.subarray(IV_OFFSET, CIPHERTEXT_OFFSET),
    {
      authTagLength: TAG_BYTES,
    },
  );
  decipher.setAAD(additionalData(blob.subarray(0, HEADER_BYTES), input.encryptionContext));
  decipher.setAuthTag(blob.subarray(tagOffset));
  const plaintext = decipher.update(blob.subarray(CIPHERTEXT_OFFSET, tagOffset));
  try {
    return Buffer.concat([plaintext, decipher.final()]);
  } catch {
    plaintext.fill(0);
    throw new CiphertextAuthError(
      'Ciphertext does not decrypt under this key material and encryption context',
    );
  }
}

/**
 * The encryption context as bytes, independent of the order the caller wrote it in:
 * uint32 pair count, then for each pair sorted by the key's UTF-8 bytes, uint32 key length, key,
 * uint32 value length, value (lengths in bytes, big-endian). Length prefixes keep {a: 'bc'} and
 * {ab: 'c'} apart; comparison is exact, so keys and values are case-sensitive as in KMS.
 */
export function canonicalEncryptionContext(context: EncryptionContext = {}): Buffer {
  return additionalData(new Uint8Array(0), context);
}

/** The header followed by the canonical encryption context, written into one buffer. */
function additionalData(header: Uint8Array, context: EncryptionContext | undefined): Buffer {
  const pairs = Object.entries(context ?? {}).map(([key, value]) => ({
    key: Buffer.from(key, 'utf8'),
    value,
    valueBytes: Buffer.byteLength(value, 'utf8'),
  }));
  // Sort by UTF-8 bytes, not JS string order: they differ for characters outside the BMP.
  if (pairs.length > 1) pairs.sort((a, b) => Buffer.compare(a.key, b.key));
  let size = header.length + 4;
  for (const pair of pairs) size += 8 + pair.key.length + pair.valueBytes;
  const aad = Buffer.allocUnsafe(size);
  aad.set(header, 0);
  let offset = aad.writeUInt32BE(pairs.length, header.length);
  for (const { key, value, valueBytes } of pairs) {
    offset = aad.writeUInt32BE(key.length, offset);
    aad.set(key, offset);
    offset = aad.writeUInt32BE(valueBytes, offset + key.length);
    offset += aad.write(value, offset, 'utf8');
  }
  return aad;
}

function assertAesKey(material: Buffer): void {
  if (material.length !== AES_KEY_BYTES) {
    throw new KeyMaterialError('SYMMETRIC_DEFAULT key material must be 32 bytes');
  }
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Key and material ids recur on every Encrypt; their bytes are only ever copied out of here. */
const uuidBytes = new BoundedMap<string, Buffer>(10_000);

function uuidToBytes(uuid: string, field: string): Buffer {
  let bytes = uuidBytes.get(uuid);
  if (!bytes) {
    if (!UUID_PATTERN.test(uuid)) throw new TypeError(`${field} must be a UUID`);
    bytes = Buffer.from(uuid.replaceAll('-', ''), 'hex');
    uuidBytes.set(uuid, bytes);
  }
  return bytes;
}

const MRK_PATTERN = /^mrk-[0-9a-f]{32}$/;

function mrkToBytes(keyId: string): Buffer {
  if (!MRK_PATTERN.test(keyId)) throw new TypeError('keyId must be mrk- and 32 hex digits');
  return Buffer.from(keyId.slice(MRK_PREFIX.length), 'hex');
}

function bytesToUuid(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}
