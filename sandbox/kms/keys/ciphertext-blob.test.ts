import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  BLOB_VERSION,
  canonicalEncryptionContext,
  MULTI_REGION_BLOB_VERSION,
  newMaterialId,
  openSymmetric,
  parseSymmetricBlob,
  sealSymmetric,
  SYMMETRIC_BLOB_OVERHEAD,
  type EncryptionContext,
} from './ciphertext-blob';
import { CiphertextAuthError, CiphertextFormatError, KeyMaterialError } from './errors';
import { generateKeyMaterial } from './material';

const keyId = randomUUID();
const materialId = newMaterialId();
const material = generateKeyMaterial('SYMMETRIC_DEFAULT');
const plaintext = Buffer.from('Hello, KMS sandbox');
const encryptionContext = { department: 'finance', team: 'payments' };

// No default for the context: an explicit undefined must mean "no context".
function seal(context: EncryptionContext | undefined, data = plaintext): Buffer {
  return sealSymmetric({
    keyId,
    materialId,
    material,
    plaintext: data,
    encryptionContext: context,
  });
}

function open(blob: Uint8Array, context: EncryptionContext | undefined) {
  return openSymmetric({ blob, material, encryptionContext: context });
}

describe('symmetric ciphertext blob', () => {
  it.each([0, 1, 32, 4096])('round-trips %i bytes with 61 bytes of overhead', (size) => {
    const data = randomBytes(size);
    const blob = seal(encryptionContext, data);
    expect(blob).toHaveLength(size + SYMMETRIC_BLOB_OVERHEAD);
    expect(SYMMETRIC_BLOB_OVERHEAD).toBe(61);
    expect(open(blob, encryptionContext).equals(data)).toBe(true);
  });

  it('round-trips without an encryption context, and {} is the same as none', () => {
    expect(open(seal(undefined), undefined).equals(plaintext)).toBe(true);
    expect(open(seal({}), undefined).equals(plaintext)).toBe(true);
    expect(open(seal(undefined), {}).equals(plaintext)).toBe(true);
  });

  it('names its key and material, so Decrypt needs no KeyId', () => {
    const header = parseSymmetricBlob(seal(encryptionContext));
    expect(header).toEqual({ keyId, materialId });
  });

  it('reports ids in lower case whatever case they were given in', () => {
    const upper = randomUUID().toUpperCase();
    const blob = sealSymmetric({ keyId: upper, materialId: upper, material, plaintext });
    expect(parseSymmetricBlob(blob)).toEqual({
      keyId: upper.toLowerCase(),
      materialId: upper.toLowerCase(),
    });
  });

  it('still decrypts ciphertexts of older material after a rotation', () => {
    const oldBlob = seal(encryptionContext);
    const newMaterial = generateKeyMaterial('SYMMETRIC_DEFAULT');
    const newMaterialIdValue = newMaterialId();
    const newBlob = sealSymmetric({
      keyId,
      materialId: newMaterialIdValue,
      material: newMaterial,
      plaintext,
    });
    const byId = new Map([
      [materialId, material],
      [newMaterialIdValue, newMaterial],
    ]);
    const decrypt = (blob: Buffer, context?: EncryptionContext) => {
      const found = byId.get(parseSymmetricBlob(blob).materialId);
      if (!found) throw new Error('material not found');
      return openSymmetric({ blob, material: found, encryptionContext: context });
    };
    expect(decrypt(oldBlob, encryptionContext).equals(plaintext)).toBe(true);
    expect(decrypt(newBlob).equals(plaintext)).toBe(true);
  });

  it('names a multi-Region key by its mrk- id, so a related key in another Region finds it', () => {
    const mrk = `mrk-${randomBytes(16).toString('hex')}`;
    const blob = sealSymmetric({ keyId: mrk, materialId, material, plaintext });
    expect(blob[0]).toBe(MULTI_REGION_BLOB_VERSION);
    expect(blob.length).toBe(plaintext.length + SYMMETRIC_BLOB_OVERHEAD);
    expect(parseSymmetricBlob(blob)).toEqual({ keyId: mrk, materialId });
    expect(open(blob, undefined)).toEqual(plaintext);
    // The format byte is authenticated: the same bytes under the UUID format do not open.
    const relabelled = Buffer.from(blob);
    relabelled[0] = BLOB_VERSION;
    expect(() => open(relabelled, undefined)).toThrow(CiphertextAuthError);
  });

  it('uses a fresh IV each time', () => {
    expect(seal(encryptionContext).equals(seal(encryptionContext))).toBe(false);
  });

  it('seals data keys the same way', () => {
    const dataKey = randomBytes(32);
    expect(open(seal(encryptionContext, dataKey), encryptionContext).equals(dataKey)).toBe(true);
  });
});

describe('encryption context', () => {
  it('accepts the same pairs in any order', () => {
    const blob = seal({ b: '2', a: '1', c: '3' });
    expect(open(blob, { c: '3', a: '1', b: '2' }).equals(plaintext)).toBe(true);
  });

  it.each<[string, EncryptionContext | undefined]>([
    ['a different value', { department: 'engineering', team: 'payments' }],
    ['a value in another case', { department: 'Finance', team: 'payments' }],
    ['a key in another case', { Department: 'finance', team: 'payments' }],
    ['a missing pair', { department: 'finance' }],
    ['an extra pair', { ...encryptionContext, extra: '' }],
    ['no context', undefined],
  ])('fails with %s', (_label, context) => {
    expect(() => open(seal(encryptionContext), context)).toThrow(CiphertextAuthError);
  });

  it('fails when the blob had no context and one is given', () => {
    expect(() => open(seal(undefined), { department: 'finance' })).toThrow(CiphertextAuthError);
  });

  it('length-prefixes keys and values, so shifting a boundary changes the bytes', () => {
    const a = canonicalEncryptionContext({ a: 'bc' });
    const b = canonicalEncryptionContext({ ab: 'c' });
    expect(a.equals(b)).toBe(false);
    expect(() => open(seal({ a: 'bc' }), { ab: 'c' })).toThrow(CiphertextAuthError);
  });

  it('sorts keys by UTF-8 bytes, not by UTF-16 code units', () => {
    // U+FFFD is EF BF BD in UTF-8 and sorts before U+1F600 (F0 9F 98 80); JS sorts it after.
    const bytes = canonicalEncryptionContext({ '\u{1F600}': 'x', '\uFFFD': 'y' });
    const firstKeyLength = bytes.readUInt32BE(4);
    expect(bytes.subarray(8, 8 + firstKeyLength).toString('utf8')).toBe('\uFFFD');
  });

  it('encodes pair count, then length-prefixed UTF-8 key and value', () => {
    expect(canonicalEncryptionContext({ k: 'é' }).toString('hex')).toBe(
      '00000001' + '00000001' + '6b' + '00000002' + 'c3a9',
    );
    expect(canonicalEncryptionContext().toString('hex')).toBe('00000000');
  });
});

describe('tampering and foreign blobs', () => {
  it('fails on a flipped bit anywhere in the blob', () => {
    const blob = seal(encryptionContext);
    for (let i = 0; i < blob.length; i += 1) {
      const tampered = Buffer.from(blob);
      tampered[i] ^= 0x01;
      const expected = i === 0 ? CiphertextFormatError : CiphertextAuthError;
      expect(() => open(tampered, encryptionContext), `byte ${i}`).toThrow(expected);
    }
  });

  it('fails under other key material', () => {
    const other = generateKeyMaterial('SYMMETRIC_DEFAULT');
    expect(() =>
      openSymmetric({ blob: seal(encryptionContext), material: other, encryptionContext }),
    ).toThrow(CiphertextAuthError);
  });

  it.each([0, 1, 33, 45, SYMMETRIC_BLOB_OVERHEAD - 1])(
    'rejects a blob truncated to %i bytes as not ours',
    (length) => {
      const truncated = seal(encryptionContext).subarray(0, length);
      expect(() => parseSymmetricBlob(truncated)).toThrow(CiphertextFormatError);
      expect(() => open(truncated, encryptionContext)).toThrow(CiphertextFormatError);
    },
  );

  it('rejects a truncated tag as not authentic', () => {
    const blob = seal(encryptionContext, randomBytes(64));
    expect(() => open(blob.subarray(0, blob.length - 1), encryptionContext)).toThrow(
      CiphertextAuthError,
    );
  });

  it('rejects another version, such as a real KMS blob (which starts with 0x01)', () => {
    const blob = seal(encryptionContext);
    blob[0] = 0x01;
    expect(() => parseSymmetricBlob(blob)).toThrow(CiphertextFormatError);
    expect(BLOB_VERSION).not.toBe(0x01);
  });

  it('accepts a Uint8Array view into a larger buffer', () => {
    const blob = seal(encryptionContext);
    const backing = Buffer.concat([Buffer.from('junk'), blob, Buffer.from('junk')]);
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 4, blob.length);
    expect(open(view, encryptionContext).equals(plaintext)).toBe(true);
  });
});

describe('input checks', () => {
  it('refuses ids that are not UUIDs and material that is not 32 bytes', () => {
    expect(() => sealSymmetric({ keyId: 'alias/x', materialId, material, plaintext })).toThrow(
      TypeError,
    );
    expect(() => sealSymmetric({ keyId, materialId: '1', material, plaintext })).toThrow(TypeError);
    const short = Buffer.alloc(16);
    expect(() => sealSymmetric({ keyId, materialId, material: short, plaintext })).toThrow(
      KeyMaterialError,
    );
    expect(() => openSymmetric({ blob: seal(encryptionContext), material: short })).toThrow(
      KeyMaterialError,
    );
  });
});
