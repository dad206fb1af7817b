import { describe, expect, it } from 'vitest';
import { keyUsageProblem } from './key-usage';

describe('keyUsageProblem', () => {
  it('says which usage Sign and Verify need when the key has another', () => {
    const problem = keyUsageProblem('Sign', 'ENCRYPT_DECRYPT');
    expect(problem).toContain("This key's usage is ENCRYPT_DECRYPT");
    expect(problem).toContain('InvalidKeyUsageException');
    expect(problem).toContain('usage is SIGN_VERIFY');
    expect(problem).toContain('alias/demo-sign');
    expect(keyUsageProblem('Verify', 'GENERATE_VERIFY_MAC')).toContain('usage is SIGN_VERIFY');
    expect(keyUsageProblem('DeriveSharedSecret', 'SIGN_VERIFY')).toContain('KEY_AGREEMENT');
  });

  it('has nothing to say when the usage fits or is unknown, or the operation takes any key', () => {
    expect(keyUsageProblem('Sign', 'SIGN_VERIFY')).toBeUndefined();
    expect(keyUsageProblem('Encrypt', 'ENCRYPT_DECRYPT')).toBeUndefined();
    expect(keyUsageProblem('Sign', undefined)).toBeUndefined();
    expect(keyUsageProblem('GetPublicKey', 'KEY_AGREEMENT')).toBeUndefined();
  });
});
