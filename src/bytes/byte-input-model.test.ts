import { describe, expect, it } from 'vitest';
import {
  byteInputOf,
  describeSize,
  evaluateByteInput,
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

describe('switchInputFormat', () => {
  it('keeps the same bytes when switching between formats', () => {
    let value = switchInputFormat({ format: 'text', text: 'hi' }, 'base64');
    expect(value).toMatchObject({ format: 'base64', text: 'aGk=' });
    value = switchInputFormat(value, 'hex');
    expect(value).toMatchObject({ format: 'hex', text: '6869' });
    value = switchInputFormat(value, 'text');
    expect(value).toMatchObject({ format: 'text', text: 'hi' });
  });

  it('keeps the typed text when the bytes are not UTF-8 or do not decode', () => {
    expect(switchInputFormat({ format: 'hex', text: 'ff' }, 'text')).toMatchObject({
      format: 'text',
      text: 'ff',
    });
    expect(switchInputFormat({ format: 'base64', text: '!!' }, 'hex').text).toBe('!!');
  });

  it('shows a chosen file in a text format', () => {
    const file = { name: 'a.bin', size: 3, bytes: new Uint8Array([1, 2, 3]) };
    expect(switchInputFormat({ format: 'file', text: '', file }, 'base64').text).toBe('AQID');
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
