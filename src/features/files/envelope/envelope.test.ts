import { fromBase64 } from '@smithy/util-base64';
import { describe, expect, it } from 'vitest';
import { checkContext, checkKeys, decryptedName } from './decrypt-file';
import { encryptPartition } from './encrypt-file';
import { classifyDecryptError, EnvelopeError } from './envelope-errors';
import { missingPairs } from './encryption-context';
import { inspectFile, readHeader, summarizeHeader } from './header';
import { formatBytes, MAX_PLAINTEXT_BYTES, sizeProblem } from './limits';
import { SIGNED_MESSAGE_BASE64, UNSIGNED_MESSAGE_BASE64 } from './message-fixtures.test-data';
import { checkMessageLayout } from './structure';
import { suiteIdHex } from './suites';

// Copies backed by a plain ArrayBuffer, so Blob takes them.
const signed = new Uint8Array(fromBase64(SIGNED_MESSAGE_BASE64));
const unsigned = new Uint8Array(fromBase64(UNSIGNED_MESSAGE_BASE64));

function failure(run: () => unknown): EnvelopeError {
  try {
    run();
  } catch (error) {
    if (error instanceof EnvelopeError) return error;
    throw error;
  }
  throw new Error('expected an EnvelopeError');
}

describe('reading the header (the inspector)', () => {
  it('summarizes a signed message written by client-node', () => {
    const summary = summarizeHeader(readHeader(signed)!);
    expect(summary.formatVersion).toBe(2);
    expect(summary.suite).toMatchObject({
      id: 0x0578,
      name: 'ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY_ECDSA_P384',
      summary: 'AES-256-GCM, HKDF with SHA-512, key commitment, ECDSA P-384 signature',
      signed: true,
      committing: true,
    });
    expect(summary.frameLength).toBe(64);
    expect(summary.framed).toBe(true);
    expect(summary.encryptionContext.purpose).toBe('fixture');
    expect(summary.encryptionContext['aws-crypto-public-key']).toBeDefined();
    expect(summary.encryptedDataKeys).toEqual([
      expect.objectContaining({ providerId: 'fixture', isKms: false }),
    ]);
    expect(summary.messageId).toMatch(/^[0-9a-f]{64}$/);
  });

  it('says when the bytes end inside the header, and when they are no message at all', async () => {
    expect(readHeader(signed.subarray(0, 30))).toBeUndefined();
    const notAMessage = new Uint8Array(100).fill(0xff);
    expect(failure(() => readHeader(notAMessage)).name).toBe('NotAnEncryptedMessage');
    await expect(inspectFile(new Blob([signed.subarray(0, 30)]))).rejects.toMatchObject({
      name: 'TruncatedMessage',
    });
    await expect(inspectFile(new Blob([signed]))).resolves.toMatchObject({ frameLength: 64 });
  });

  it('writes suite ids as the message format documentation does', () => {
    expect(suiteIdHex(0x0478)).toBe('0x0478');
  });
});

describe('the layout check (before any KMS call)', () => {
  it('accepts complete messages, signed and unsigned', () => {
    expect(() => checkMessageLayout(signed, readHeader(signed)!)).not.toThrow();
    expect(() => checkMessageLayout(unsigned, readHeader(unsigned)!)).not.toThrow();
  });

  it('finds truncation in a frame, before the final frame, and in the signature', () => {
    const header = readHeader(signed)!;
    const headerEnd = header.headerLength + header.headerAuth.headerAuthLength;
    const insideFrame = failure(() =>
      checkMessageLayout(signed.subarray(0, headerEnd + 50), header),
    );
    expect(insideFrame.name).toBe('TruncatedMessage');
    expect(insideFrame.message).toContain('inside frame 1');
    const inSignature = failure(() =>
      checkMessageLayout(signed.subarray(0, signed.byteLength - 10), header),
    );
    expect(inSignature.message).toContain('inside the signature');
    const unsignedHeader = readHeader(unsigned)!;
    const lastFrameCut = failure(() =>
      checkMessageLayout(unsigned.subarray(0, unsigned.byteLength - 1), unsignedHeader),
    );
    expect(lastFrameCut.message).toMatch(/inside (the header of )?frame 4/);
  });

  it('refuses bytes after the end of the message', () => {
    const padded = new Uint8Array(unsigned.byteLength + 3);
    padded.set(unsigned);
    const error = failure(() => checkMessageLayout(padded, readHeader(padded)!));
    expect(error.name).toBe('DamagedMessage');
    expect(error.message).toContain('3 bytes follow the end of the message');
  });
});

describe('checks before decrypting', () => {
  const summary = summarizeHeader(readHeader(unsigned)!);

  it('requires the expected pairs, and allows more', () => {
    expect(() => checkContext({ purpose: 'fixture' }, summary.encryptionContext)).not.toThrow();
    expect(() => checkContext({}, summary.encryptionContext)).not.toThrow();
    const error = failure(() => checkContext({ purpose: 'other' }, summary.encryptionContext));
    expect(error.name).toBe('EncryptionContextMismatch');
    expect(error.message).toBe('Expected purpose=other; the message has purpose=fixture.');
    expect(missingPairs({ a: '1', b: '2' }, { a: '1' })).toEqual([['b', '2']]);
  });

  it('requires a chosen key among the KMS data keys of the message', () => {
    const error = failure(() => checkKeys(summary, ['arn:aws:kms:us-east-1:111122223333:key/x']));
    expect(error.name).toBe('NoUsableDataKey');
    expect(failure(() => checkKeys(summary, [])).message).toBe(
      'Choose at least one KMS key to decrypt with.',
    );
  });

  it('names the decrypted file after the encrypted one', () => {
    expect(decryptedName('report.pdf.encrypted')).toBe('report.pdf');
    expect(decryptedName('report.bin')).toBe('report.bin.decrypted');
    expect(decryptedName('.encrypted')).toBe('.encrypted.decrypted');
  });
});

describe('limits', () => {
  it('refuses files above 256 MiB with a sentence naming the limit', () => {
    const big = { size: MAX_PLAINTEXT_BYTES + 1 } as Blob;
    expect(sizeProblem(big, 'encrypt')).toBe(
      '268,435,457 bytes is more than the 256 MiB the console can encrypt in the browser.',
    );
    expect(sizeProblem({ size: MAX_PLAINTEXT_BYTES } as Blob, 'encrypt')).toBeUndefined();
    expect(sizeProblem(big, 'decrypt')).toBeUndefined();
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MiB');
    expect(sizeProblem({ size: 300 * 1024 * 1024 } as Blob, 'encrypt')).toMatch(/^300 MiB is more/);
  });
});

describe('what the SDK throws, classified', () => {
  it('turns KMS refusals, tags and signatures into the feature’s errors', () => {
    const denied = Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' });
    const fromKms = classifyDecryptError(
      new Error('Unable to decrypt data key and one or more KMS CMKs had an error.'),
      [denied],
    );
    expect(fromKms).toMatchObject({ name: 'DataKeyDecryptFailed', kmsError: denied });
    const tag = Object.assign(new Error(''), { name: 'OperationError' });
    expect(classifyDecryptError(tag, [])).toMatchObject({ name: 'DamagedMessage' });
    expect(classifyDecryptError(new Error('Invalid Signature'), [])).toMatchObject({
      name: 'DamagedMessage',
    });
    const policy = new Error(
      'Configuration conflict. Cannot process message with ID … due to client method decrypt requiring only committed messages.',
    );
    expect(classifyDecryptError(policy, [])).toMatchObject({ name: 'UncommittedMessage' });
    const abort = new DOMException('stop', 'AbortError');
    expect(classifyDecryptError(abort, [])).toBe(abort);
  });

  it('keeps cache partitions of different key lists apart', () => {
    expect(encryptPartition(['a', 'b'])).not.toBe(encryptPartition(['b', 'a']));
  });
});
