import { describe, expect, it } from 'vitest';
import {
  byteInputOf,
  conversionOffer,
  convertToFormat,
  describeSize,
  EMPTY_BINARY_INPUT,
  EMPTY_BYTE_INPUT,
  enterText,
  evaluateByteInput,
  howRead,
  looksEncoded,
  recogniseBytesFormat,
  switchInputFormat,
  type ByteLimit,
} from './byte-input-model';
import { bytesEqual, encodeUtf8 } from './codecs';

const PLAINTEXT: ByteLimit = { max: 4096, min: 1, subject: "Encrypt's Plaintext is" };

describe('evaluateByteInput', () => {
  it('decodes text in the chosen format and reports its size', () => {
    const result = evaluateByteInput({ format: 'text', text: 'héllo' }, PLAINTEXT);
    expect(result.size).toBe(6);
    expect(result.error).toBeUndefined();
    expect(describeSize(result, PLAINTEXT)).toBe('6 of 4,096 bytes.');
  });

  it('treats an empty field as empty, not as an error', () => {
    expect(evaluateByteInput({ format: 'base64', text: '' }, PLAINTEXT)).toEqual({
      empty: true,
      size: 0,
    });
  });

  it('accepts exactly the limit and refuses one byte more, naming both sizes', () => {
    const at = evaluateByteInput({ format: 'text', text: 'a'.repeat(4096) }, PLAINTEXT);
    expect(at.bytes?.length).toBe(4096);
    const over = evaluateByteInput({ format: 'text', text: 'a'.repeat(4097) }, PLAINTEXT);
    expect(over.bytes).toBeUndefined();
    expect(over.size).toBe(4097);
    expect(over.error).toBe("4,097 bytes: Encrypt's Plaintext is at most 4,096 bytes.");
  });

  it('counts UTF-8 bytes, not characters', () => {
    // 1366 three-byte characters = 4098 bytes although the string has 1366 characters.
    const result = evaluateByteInput({ format: 'text', text: '世'.repeat(1366) }, PLAINTEXT);
    expect(result.size).toBe(4098);
    expect(result.error).toContain('at most 4,096 bytes');
  });

  it('passes decoding errors through', () => {
    const result = evaluateByteInput({ format: 'hex', text: 'zz' }, PLAINTEXT);
    expect(result.error).toContain('not a hex digit');
  });

  it('refuses a file over the limit without reading it, before anything is sent', () => {
    const result = evaluateByteInput(
      { format: 'file', text: '', file: { name: 'big.bin', size: 5000 } },
      PLAINTEXT,
    );
    expect(result.error).toBe(
      "big.bin is 5,000 bytes: Encrypt's Plaintext is at most 4,096 bytes. Nothing was sent.",
    );
    const ok = evaluateByteInput(
      { format: 'file', text: '', file: { name: 'a.bin', size: 2, bytes: new Uint8Array(2) } },
      PLAINTEXT,
    );
    expect(ok.bytes?.length).toBe(2);
  });
});

// What `aws kms encrypt … --query CiphertextBlob --output text` prints: base64 of a ciphertext.
const CLI_CIPHERTEXT =
  'AQICAHhj4Zf5R0rzrcGJXfN7Kx3m8N0FbGkqhTYzv3a7xnM9LQHpTFGyeJqrDeScAxkqXYk4AAAAYzBhBgkqhkiG9w0BBwagVDBSAgEAME0GCSqGSIb3DQEHATAeBglghkgBZQMEAS4wEQQMr9Hs6qR0kdQvPwAPAgEQgCA=';
const HEX_MAC = 'a3f1'.repeat(16);

describe('switchInputFormat', () => {
  it('reads the same text in the new format instead of encoding it again', () => {
    const value = switchInputFormat({ format: 'text', text: CLI_CIPHERTEXT }, 'base64');
    expect(value).toMatchObject({ format: 'base64', text: CLI_CIPHERTEXT });
    expect(value.note).toEqual({
      kind: 'reinterpreted',
      before: { format: 'text', text: CLI_CIPHERTEXT },
    });
    const bytes = evaluateByteInput(value, PLAINTEXT).bytes!;
    expect(bytes).toEqual(new Uint8Array(Buffer.from(CLI_CIPHERTEXT, 'base64')));
  });

  it('keeps text that is not valid in the new format as typed (its error shows)', () => {
    const value = switchInputFormat({ format: 'text', text: 'hi' }, 'base64');
    expect(value.text).toBe('hi');
    expect(evaluateByteInput(value, PLAINTEXT).error).toContain('Invalid base64');
  });

  it('converts the bytes only when asked, and says from which format', () => {
    const value = switchInputFormat({ format: 'text', text: 'hi' }, 'base64');
    expect(conversionOffer(value)).toEqual({ from: 'text', size: 2 });
    expect(convertToFormat(value)).toEqual({
      format: 'base64',
      text: 'aGk=',
      note: { kind: 'converted', from: 'text', size: 2 },
    });
    const hex = convertToFormat(switchInputFormat({ format: 'base64', text: 'aGk=' }, 'hex'));
    expect(hex.text).toBe('6869');
  });

  it('offers no conversion that would lose bytes or change nothing', () => {
    // 0xff is not UTF-8: shown as text it would be replaced by U+FFFD.
    expect(conversionOffer(switchInputFormat({ format: 'hex', text: 'ff' }, 'text'))).toBe(
      undefined,
    );
    expect(conversionOffer(switchInputFormat({ format: 'base64', text: '!!' }, 'hex'))).toBe(
      undefined,
    );
    expect(conversionOffer({ format: 'base64', text: 'aGk=' })).toBeUndefined();
  });

  it('converts a chosen file when asked, and keeps the typed text otherwise', () => {
    const file = { name: 'a.bin', size: 3, bytes: new Uint8Array([1, 2, 3]) };
    const value = switchInputFormat({ format: 'file', text: '', file }, 'base64');
    expect(value.text).toBe('');
    expect(convertToFormat(value).text).toBe('AQID');
  });
});

describe('recogniseBytesFormat', () => {
  it('recognises base64 as the AWS CLI prints it, and hex', () => {
    expect(recogniseBytesFormat(CLI_CIPHERTEXT, 'hex')).toBe('base64');
    expect(
      recogniseBytesFormat(`${CLI_CIPHERTEXT.slice(0, 76)}\n${CLI_CIPHERTEXT.slice(76)}`, 'hex'),
    ).toBe('base64');
    expect(recogniseBytesFormat(HEX_MAC, 'base64')).toBe('hex');
    expect(recogniseBytesFormat(`0x${HEX_MAC.slice(0, 8)}`, 'base64')).toBe('hex');
  });

  it('leaves short text that is both valid hex and valid base64 in the chosen format', () => {
    expect(recogniseBytesFormat('AAAA', 'base64')).toBe('base64');
    expect(recogniseBytesFormat('AAAA', 'hex')).toBe('hex');
  });

  it('recognises nothing in text that is neither', () => {
    expect(recogniseBytesFormat('not base64!', 'base64')).toBeUndefined();
    expect(recogniseBytesFormat('   ', 'base64')).toBeUndefined();
  });
});

describe('enterText', () => {
  const bytesField = { bytes: true, replacedAll: true };

  it('reads a paste that fills a field of bytes in the format it is written in', () => {
    expect(enterText(EMPTY_BINARY_INPUT, HEX_MAC, bytesField)).toEqual({
      format: 'hex',
      text: HEX_MAC,
      note: { kind: 'recognised', format: 'hex' },
    });
    expect(enterText(EMPTY_BINARY_INPUT, CLI_CIPHERTEXT, bytesField)).toEqual({
      format: 'base64',
      text: CLI_CIPHERTEXT,
    });
  });

  it('keeps Text when the user chose it in a field of bytes', () => {
    const chosen = { format: 'text' as const, text: '' };
    expect(enterText(chosen, CLI_CIPHERTEXT, bytesField).format).toBe('text');
  });

  it('changes no format while typing, nor in a plaintext field', () => {
    expect(enterText(EMPTY_BINARY_INPUT, HEX_MAC, { bytes: true, replacedAll: false }).format).toBe(
      'base64',
    );
    expect(enterText(EMPTY_BYTE_INPUT, HEX_MAC, { bytes: false, replacedAll: true }).format).toBe(
      'text',
    );
  });

  it('keeps "keep as text" while the text is edited, and asks again after a new paste', () => {
    const kept = { format: 'text' as const, text: 'x', note: { kind: 'kept-as-text' as const } };
    expect(enterText(kept, 'xy', { bytes: false, replacedAll: false }).note).toEqual(kept.note);
    expect(enterText(kept, 'xy', { bytes: false, replacedAll: true }).note).toBeUndefined();
  });
});

describe('looksEncoded and howRead', () => {
  it('sees base64 or hex in bytes pasted as text, not in words', () => {
    expect(looksEncoded(CLI_CIPHERTEXT)).toBe('base64');
    expect(looksEncoded(HEX_MAC)).toBe('hex');
    expect(looksEncoded('Hello my name is Bob')).toBeUndefined();
    expect(looksEncoded('Passw0rd')).toBeUndefined();
    expect(looksEncoded('')).toBeUndefined();
  });

  it('says when a Text field holds valid base64', () => {
    expect(howRead({ format: 'text', text: CLI_CIPHERTEXT })).toBe('text-but-base64');
    expect(howRead({ format: 'text', text: 'hello' })).toBe('text');
    expect(howRead({ format: 'base64', text: CLI_CIPHERTEXT })).toBe('base64');
  });
});

describe('byteInputOf', () => {
  it('falls back to base64 for bytes that are not text', () => {
    expect(byteInputOf(new Uint8Array([0xff]), 'text')).toEqual({ format: 'base64', text: '/w==' });
    const value = byteInputOf(encodeUtf8('ok'), 'text');
    expect(value).toEqual({ format: 'text', text: 'ok' });
    const round = evaluateByteInput(value, PLAINTEXT);
    expect(bytesEqual(round.bytes!, encodeUtf8('ok'))).toBe(true);
  });
});
