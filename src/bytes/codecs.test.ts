import { describe, expect, it } from 'vitest';
import {
  bytesEqual,
  decodeBase64,
  decodeHex,
  decodeText,
  describePosition,
  encodeBytes,
  encodeUtf8,
  formatByteCount,
  isValidUtf8,
} from './codecs';

const bytes = (...values: number[]) => new Uint8Array(values);
const all256 = Uint8Array.from({ length: 256 }, (_, i) => i);

function decoded(result: ReturnType<typeof decodeBase64>): Uint8Array {
  if (!result.ok) throw new Error(result.error);
  return result.bytes;
}

describe('base64', () => {
  it('round-trips every byte value and every padding length', () => {
    for (let length = 0; length <= 9; length++) {
      const input = all256.slice(100, 100 + length);
      const text = encodeBytes(input, 'base64');
      expect(bytesEqual(decoded(decodeBase64(text)), input)).toBe(true);
    }
    expect(bytesEqual(decoded(decodeBase64(encodeBytes(all256, 'base64'))), all256)).toBe(true);
  });

  it('matches the RFC 4648 test vectors', () => {
    const vectors: Array<[string, string]> = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(encodeBytes(encodeUtf8(plain), 'base64')).toBe(encoded);
      expect(bytesEqual(decoded(decodeBase64(encoded)), encodeUtf8(plain))).toBe(true);
    }
  });

  it('ignores whitespace and line breaks (wrapped base64 output pastes as is)', () => {
    expect(bytesEqual(decoded(decodeBase64(' Zm9v\nYmFy \r\n')), encodeUtf8('foobar'))).toBe(true);
  });

  it('says where an invalid character is and why', () => {
    const result = decodeBase64('Zm9v*mFy');
    expect(result).toEqual({ ok: false, error: expect.stringContaining('position 5') });
    expect(!result.ok && result.error).toContain('"*"');
    const multiLine = decodeBase64('Zm9v\nYm!y');
    expect(!multiLine.ok && multiLine.error).toContain('line 2, column 3');
  });

  it('recognizes base64url and says how to convert it', () => {
    const result = decodeBase64('ab-_');
    expect(!result.ok && result.error).toContain('base64url');
  });

  it('rejects truncated input, misplaced and excess padding', () => {
    expect(!decodeBase64('Zm9vY').ok).toBe(true);
    const unpadded = decodeBase64('Zg');
    expect(!unpadded.ok && unpadded.error).toContain('lacks 2 "=" padding characters');
    const middle = decodeBase64('Zg==Zm9v');
    expect(!middle.ok && middle.error).toContain('only appear at the end');
    expect(!decodeBase64('Z===').ok).toBe(true);
  });
});

describe('hex', () => {
  it('round-trips every byte value', () => {
    const text = encodeBytes(all256, 'hex');
    expect(text).toHaveLength(512);
    expect(bytesEqual(decoded(decodeHex(text)), all256)).toBe(true);
  });

  it('accepts upper case, whitespace and a 0x prefix', () => {
    expect(bytesEqual(decoded(decodeHex('0xDE AD\nbe ef')), bytes(0xde, 0xad, 0xbe, 0xef))).toBe(
      true,
    );
  });

  it('decodes both cases of every digit pair to the byte the SDK decoder gives', () => {
    const upper = encodeBytes(all256, 'hex').toUpperCase();
    expect(bytesEqual(decoded(decodeHex(upper)), all256)).toBe(true);
    expect(bytesEqual(decoded(decodeHex('')), bytes())).toBe(true);
    expect(bytesEqual(decoded(decodeHex('0x')), bytes())).toBe(true);
  });

  it('refuses characters that only look like hex digits', () => {
    // Full-width "ａ", Arabic-Indic zero, and characters whose codes sit next to the digit ranges.
    for (const char of ['\uff41', '\u0660', '/', ':', '@', 'G', '`', 'g', '\u0130']) {
      const result = decodeHex(`0${char}`);
      expect(result.ok, char).toBe(false);
      expect(!result.ok && result.error).toContain('position 2');
    }
  });

  it('says where a non-hex character is, and when a digit is missing', () => {
    const bad = decodeHex('00g1');
    expect(!bad.ok && bad.error).toContain('position 3');
    const odd = decodeHex('abc');
    expect(!odd.ok && odd.error).toContain('3 digits');
  });
});

describe('text (UTF-8)', () => {
  it('encodes Unicode beyond the BMP as UTF-8', () => {
    const text = 'Grüße, 世界 🔐';
    const utf8 = encodeUtf8(text);
    expect(utf8.length).toBe(new TextEncoder().encode(text).length);
    expect(encodeBytes(utf8, 'text')).toBe(text);
    expect(isValidUtf8(utf8)).toBe(true);
  });

  it('tells valid UTF-8 from arbitrary bytes', () => {
    expect(isValidUtf8(bytes())).toBe(true);
    expect(isValidUtf8(bytes(0xff, 0xfe))).toBe(false);
    expect(isValidUtf8(bytes(0xe4, 0xb8))).toBe(false); // a truncated three-byte sequence
    expect(isValidUtf8(bytes(0xc3, 0xbc))).toBe(true); // ü
  });

  it('decodes text in any format to the same bytes', () => {
    const expected = encodeUtf8('hello');
    for (const [input, format] of [
      ['hello', 'text'],
      ['aGVsbG8=', 'base64'],
      ['68656c6c6f', 'hex'],
    ] as const) {
      const result = decodeText(input, format);
      expect(result.ok && bytesEqual(result.bytes, expected)).toBe(true);
    }
  });
});

describe('helpers', () => {
  it('formats sizes and positions', () => {
    expect(formatByteCount(1)).toBe('1 byte');
    expect(formatByteCount(4096)).toBe('4,096 bytes');
    expect(formatByteCount(3 * 1024 * 1024)).toBe('3.0 MB');
    expect(describePosition('abc', 1)).toBe('position 2');
    expect(describePosition('ab\ncd', 4)).toBe('line 2, column 2');
  });
});

describe('base64 with PEM armour', () => {
  it('decodes a PEM block pasted into a base64 field as its DER, keeping line numbers', () => {
    const pem = '-----BEGIN PUBLIC KEY-----\r\nAAEC\r\nAw==\r\n-----END PUBLIC KEY-----\r\n';
    expect(decoded(decodeBase64(pem))).toEqual(new Uint8Array([0, 1, 2, 3]));
    const broken = decodeBase64('-----BEGIN PUBLIC KEY-----\nAAEC\nA*==\n-----END PUBLIC KEY-----');
    expect(broken).toEqual({
      ok: false,
      error: expect.stringMatching(/^Invalid base64 at line 3, column 2: "\*"/) as string,
    });
  });
});
