import { describe, expect, it } from 'vitest';
import { parseGrantTokens } from '../components/shared/GrantTokensField';
import { parseByteCount } from './byte-count';
import {
  readSavedEncryptForm,
  savedEncryptFormState,
  type SavedEncryptForm,
} from './encrypt-history';
import { readHandoff } from './handoff';
import { digestLength, effectiveAlgorithm, rsaPlaintextLimit } from './key-capabilities';
import { effectiveMessageType, messageLimit, messageTypesFor } from './message-limit';
import { mismatchedContext } from './mismatch-demo';

describe('handoffs', () => {
  it('take only strings from the history state', () => {
    expect(readHandoff({ ciphertext: 'AQID', encryptionAlgorithm: 5 })).toEqual({
      ciphertext: 'AQID',
      encryptionAlgorithm: undefined,
    });
    expect(readHandoff(null)).toEqual({});
  });
});

describe('key capabilities', () => {
  it('computes the RSAES-OAEP plaintext limits KMS documents', () => {
    expect(rsaPlaintextLimit('RSA_2048', 'RSAES_OAEP_SHA_1')).toBe(214);
    expect(rsaPlaintextLimit('RSA_2048', 'RSAES_OAEP_SHA_256')).toBe(190);
    expect(rsaPlaintextLimit('RSA_3072', 'RSAES_OAEP_SHA_256')).toBe(318);
    expect(rsaPlaintextLimit('RSA_4096', 'RSAES_OAEP_SHA_1')).toBe(470);
    expect(rsaPlaintextLimit('SYMMETRIC_DEFAULT', 'SYMMETRIC_DEFAULT')).toBeUndefined();
  });

  it('requires digests of the hash size for DIGEST messages', () => {
    expect(digestLength('ECDSA_SHA_384')).toBe(48);
    expect(messageLimit('Sign', 'DIGEST', 'RSASSA_PSS_SHA_512')).toMatchObject({
      min: 64,
      max: 64,
    });
    expect(messageLimit('Sign', 'RAW', 'ECDSA_SHA_256')).toMatchObject({ min: 1, max: 4096 });
    expect(messageLimit('Sign', 'EXTERNAL_MU', 'ML_DSA_SHAKE_256')).toMatchObject({
      min: 64,
      max: 64,
    });
    expect(messageLimit('Verify', 'RAW', 'ML_DSA_SHAKE_256')).toMatchObject({ max: 4096 });
  });
});

describe('form helpers', () => {
  it('adds exactly one pair in the mismatched-context demo, keeping every pair sent', () => {
    expect(mismatchedContext({ department: 'finance', team: 'payments' })).toEqual({
      department: 'finance',
      team: 'payments',
      demo: 'mismatch',
    });
    expect(mismatchedContext({ demo: 'x' })).toEqual({ demo: 'x', 'demo-2': 'mismatch' });
    expect(mismatchedContext(undefined)).toEqual({ demo: 'mismatch' });
  });

  it('checks NumberOfBytes and grant tokens', () => {
    expect(parseByteCount('32', 1024)).toEqual({ value: 32 });
    expect(parseByteCount('0', 1024).error).toContain('out of range');
    expect(parseByteCount('1.5', 1024).error).toContain('whole number');
    expect(parseGrantTokens(' a\nb ')).toEqual({ tokens: ['a', 'b'] });
    expect(parseGrantTokens('')).toEqual({ tokens: undefined });
    expect(
      parseGrantTokens(Array.from({ length: 11 }, (_, i) => `t${i}`).join('\n')).error,
    ).toContain('at most 10');
  });
});

describe('effectiveAlgorithm', () => {
  it("keeps a choice the key offers, takes a key's only algorithm, and drops the rest", () => {
    expect(effectiveAlgorithm(['RSASSA_PSS_SHA_256', 'ECDSA_SHA_256'], 'ECDSA_SHA_256')).toBe(
      'ECDSA_SHA_256',
    );
    expect(effectiveAlgorithm(['HMAC_SHA_256'], '')).toBe('HMAC_SHA_256');
    expect(effectiveAlgorithm(['HMAC_SHA_256'], 'HMAC_SHA_512')).toBe('HMAC_SHA_256');
    expect(effectiveAlgorithm(['RSASSA_PSS_SHA_256', 'ECDSA_SHA_256'], 'HMAC_SHA_512')).toBe('');
  });
});

describe('message types', () => {
  it('offers ML-DSA a message or its μ, and the SHA-2 algorithms a message or its digest', () => {
    expect(messageTypesFor('ML_DSA_SHAKE_256')).toEqual(['RAW', 'EXTERNAL_MU']);
    expect(messageTypesFor('ECDSA_SHA_384')).toEqual(['RAW', 'DIGEST']);
    expect(messageTypesFor('')).toEqual(['RAW', 'DIGEST', 'EXTERNAL_MU']);
  });

  it('sends RAW when the chosen type does not fit the algorithm chosen after it', () => {
    expect(effectiveMessageType('ML_DSA_SHAKE_256', 'DIGEST')).toBe('RAW');
    expect(effectiveMessageType('RSASSA_PSS_SHA_256', 'EXTERNAL_MU')).toBe('RAW');
    expect(effectiveMessageType('ML_DSA_SHAKE_256', 'EXTERNAL_MU')).toBe('EXTERNAL_MU');
  });
});

describe('the saved Encrypt form', () => {
  const form: SavedEncryptForm = {
    keyId: 'alias/demo-app',
    contextRows: [{ key: 'purpose', value: 'demo' }],
    algorithm: '',
    where: 'kms',
    result: {
      source: 'kms',
      ciphertext: 'AQID',
      keyId: 'alias/demo-app',
      context: { purpose: 'demo' },
      keyArn: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
    },
  };

  it('reads back what was saved, through a structured clone as history does', () => {
    expect(readSavedEncryptForm(structuredClone(savedEncryptFormState(form)))).toEqual({
      ...form,
      result: { ...form.result, requestId: undefined },
    });
  });

  it('ignores any other history state', () => {
    expect(readSavedEncryptForm(null)).toBeUndefined();
    expect(readSavedEncryptForm({ ciphertext: 'AQID' })).toBeUndefined();
    expect(readSavedEncryptForm({ encryptForm: { keyId: 5 } })).toBeUndefined();
  });
});
