import { describe, expect, it } from 'vitest';
import {
  expirationProblem,
  materialRequirement,
  opensslWrapCommands,
  wrappingAlgorithmsFor,
  wrappingProblem,
} from './key-import';

describe('wrapping algorithms per key spec', () => {
  it('follows the guide’s table', () => {
    expect(wrappingAlgorithmsFor('SYMMETRIC_DEFAULT')).toEqual([
      'RSAES_OAEP_SHA_256',
      'RSAES_OAEP_SHA_1',
    ]);
    expect(wrappingAlgorithmsFor('HMAC_512')).toEqual(['RSAES_OAEP_SHA_256', 'RSAES_OAEP_SHA_1']);
    expect(wrappingAlgorithmsFor('RSA_3072')).toEqual([
      'RSA_AES_KEY_WRAP_SHA_256',
      'RSA_AES_KEY_WRAP_SHA_1',
    ]);
    expect(wrappingAlgorithmsFor('ECC_SECG_P256K1')).toHaveLength(4);
    expect(wrappingAlgorithmsFor('ML_DSA_65')).toBeUndefined();
    expect(wrappingAlgorithmsFor('ECC_NIST_EDWARDS25519')).toBeUndefined();
  });

  it('rules out RSAES_OAEP with RSA_2048 for ECC_NIST_P521 only', () => {
    expect(wrappingProblem('ECC_NIST_P521', 'RSAES_OAEP_SHA_1', 'RSA_2048')).toMatch(/RSA_2048/);
    expect(wrappingProblem('ECC_NIST_P521', 'RSAES_OAEP_SHA_1', 'RSA_3072')).toBeUndefined();
    expect(wrappingProblem('ECC_NIST_P384', 'RSAES_OAEP_SHA_1', 'RSA_2048')).toBeUndefined();
  });

  it('says what material each key spec takes', () => {
    expect(materialRequirement('HMAC_384')).toBe(
      'Binary data of 384 to 1024 bits (48 to 128 bytes).',
    );
    expect(materialRequirement('RSA_4096')).toMatch(/4096-bit modulus/);
  });

  it('gives the guide’s OpenSSL commands for the algorithm', () => {
    expect(opensslWrapCommands('RSAES_OAEP_SHA_256')).toContain('rsa_oaep_md:sha256');
    const hybrid = opensslWrapCommands('RSA_AES_KEY_WRAP_SHA_1');
    expect(hybrid).toContain('-id-aes256-wrap-pad');
    expect(hybrid).toContain('rsa_oaep_md:sha1');
    expect(hybrid).toContain('cat aes-key-wrapped.bin key-material-wrapped.bin');
  });
});

describe('expirationProblem', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('takes a date up to 365 days ahead', () => {
    expect(expirationProblem(new Date('2026-12-31T23:59:00Z'), now)).toBeUndefined();
    expect(expirationProblem(new Date('2027-01-02T00:00:00Z'), now)).toBe(
      'Choose a date at most 365 days from now.',
    );
    expect(expirationProblem(new Date('2025-12-31T00:00:00Z'), now)).toBe(
      'Choose a date and time in the future.',
    );
    expect(expirationProblem(undefined, now)).toMatch(/^Choose the date/);
    expect(expirationProblem(new Date('nonsense'), now)).toMatch(/^Choose the date/);
  });
});
