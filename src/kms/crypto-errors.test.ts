import { describe, expect, it } from 'vitest';
import { describeCryptoError } from './crypto-errors';

/** An SDK service exception as the client throws it (name, message, $metadata). */
function awsError(name: string, message = '') {
  return Object.assign(new Error(message || 'UnknownError'), {
    name,
    $metadata: { httpStatusCode: 400, requestId: 'req-1' },
  });
}

describe('describeCryptoError', () => {
  it('explains InvalidCiphertextException on Decrypt as a context mismatch first', () => {
    const error = describeCryptoError(awsError('InvalidCiphertextException'), 'Decrypt', {
      contextPairs: 2,
    });
    expect(error.title).toBe('The encryption context differs, or the ciphertext was changed');
    expect(error.cause).toContain('This request sent 2 encryption context pairs');
    expect(error.fix).toContain('Enter the encryption context used when encrypting');
    // KMS sends no message for this exception; the SDK's placeholder is not shown as if it were one.
    expect(error.message).toBe('(KMS sent no message.)');
    expect(error.requestId).toBe('req-1');
  });

  it('says when no context was sent, and speaks of the source context on ReEncrypt', () => {
    const decrypt = describeCryptoError(awsError('InvalidCiphertextException'), 'Decrypt', {
      contextPairs: 0,
    });
    expect(decrypt.cause).toContain('This request sent no encryption context');
    const reEncrypt = describeCryptoError(awsError('InvalidCiphertextException'), 'ReEncrypt', {
      contextPairs: 1,
    });
    expect(reEncrypt.title).toContain('source encryption context');
    expect(reEncrypt.cause).toContain('1 source encryption context pair;');
  });

  it('says first that base64 was read as text, when the ciphertext field read it so', () => {
    const error = describeCryptoError(awsError('InvalidCiphertextException'), 'Decrypt', {
      contextPairs: 0,
      ciphertextRead: 'text-but-base64',
    });
    expect(error.title).toBe('The ciphertext was read as text, but it looks like base64');
    expect(error.fix).toMatch(/^Retry as Base64/);
  });

  it('gives no base64 advice when the ciphertext was already read as base64', () => {
    const asBase64 = describeCryptoError(awsError('InvalidCiphertextException'), 'Decrypt', {
      contextPairs: 0,
      ciphertextRead: 'base64',
    });
    expect(`${asBase64.cause} ${asBase64.fix}`).not.toMatch(/base64/i);
    const asText = describeCryptoError(awsError('InvalidCiphertextException'), 'Decrypt', {
      contextPairs: 0,
      ciphertextRead: 'text',
    });
    expect(asText.fix).toContain('If you pasted base64, set the input format to Base64.');
  });

  it('names the key that made the ciphertext when it is known', () => {
    const known = describeCryptoError(awsError('IncorrectKeyException', 'The key ID…'), 'Decrypt', {
      ciphertextKeyId: 'arn:aws:kms:us-east-1:111122223333:key/a',
      keyId: 'alias/other',
    });
    expect(known.cause).toBe(
      'The ciphertext was encrypted under arn:aws:kms:us-east-1:111122223333:key/a, not under alias/other.',
    );
    expect(known.fix).toContain('Set Key to arn:aws:kms:us-east-1:111122223333:key/a');
    const unknown = describeCryptoError(awsError('IncorrectKeyException', 'x'), 'ReEncrypt', {});
    expect(unknown.fix).toContain('Clear Source key');
  });

  it('explains InvalidKeyUsageException by the usage the operation needs', () => {
    expect(describeCryptoError(awsError('InvalidKeyUsageException', 'x'), 'Sign').cause).toContain(
      'SIGN_VERIFY',
    );
    expect(
      describeCryptoError(awsError('InvalidKeyUsageException', 'x'), 'VerifyMac').cause,
    ).toContain('GENERATE_VERIFY_MAC');
    expect(
      describeCryptoError(awsError('InvalidKeyUsageException', 'x'), 'GenerateDataKeyPair').cause,
    ).toContain('symmetric encryption key');
  });

  it('keeps the catalogue entry for exceptions without an operation-specific meaning', () => {
    const error = describeCryptoError(awsError('DisabledException', 'key is disabled'), 'Encrypt');
    expect(error.title).toBe('The key is disabled');
    expect(error.message).toBe('key is disabled');
    expect(describeCryptoError(awsError('KMSInvalidMacException'), 'VerifyMac').cause).toContain(
      'The MAC does not verify',
    );
  });
});
