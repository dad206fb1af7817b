import { fromBase64, toBase64 } from '@smithy/util-base64';
import { toHex } from '@smithy/util-hex-encoding';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

/*
 * Bytes as the user types or reads them. The conversions themselves are the SDK's own codecs; this
 * module adds what they lack for a form: the browser build of fromBase64 does not validate its
 * input (it silently decodes garbage), so every string is checked first, and a failure says where
 * and why instead of throwing a bare TypeError.
 */

export type TextFormat = 'text' | 'base64' | 'hex';

export const TEXT_FORMAT_LABELS: Record<TextFormat, string> = {
  text: 'Text (UTF-8)',
  base64: 'Base64',
  hex: 'Hex',
};

export type Decoded = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

const BASE64_ALPHABET = /[A-Za-z0-9+/]/;
const VALID_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const HEX_DIGIT = /[0-9a-fA-F]/;
const WHITESPACE = /\s/;

/** "line 2, column 5" for multi-line input, "position 5" otherwise (1-based, as editors count). */
export function describePosition(input: string, index: number): string {
  const before = input.slice(0, index);
  const line = before.split('\n').length;
  if (!input.includes('\n')) return `position ${index + 1}`;
  const column = index - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** A character as a message shows it: visible characters quoted, others by code point. */
function showCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return code > 0x20 && code !== 0x7f ? `"${char}" (${hex})` : hex;
}

/** The -----BEGIN …----- and -----END …----- lines of PEM armour (RFC 7468). */
const PEM_ARMOUR_LINE = /^[ \t]*-----(?:BEGIN|END) [A-Z0-9 ]+-----[ \t\r]*$/gm;

/**
 * Standard base64 (RFC 4648 section 4, the alphabet the AWS CLI prints). Whitespace and line
 * breaks are ignored so `base64` output wrapped at 76 columns pastes as is, and so are PEM's
 * BEGIN/END lines, so a PEM public key pastes as its DER; padding is required because an unpadded
 * string usually means a truncated copy.
 */
export function decodeBase64(pasted: string): Decoded {
  const input = pasted.trimStart().startsWith('-----BEGIN ')
    ? pasted.replace(PEM_ARMOUR_LINE, '')
    : pasted;
  // Fast path: one regular expression over the whole text; the character scan below runs only to
  // explain a failure.
  const compactInput = input.replace(/\s+/g, '');
  if (VALID_BASE64.test(compactInput)) return { ok: true, bytes: fromBase64(compactInput) };
  let padding = 0;
  let compact = '';
  for (let index = 0; index < input.length; index++) {
    const char = input[index];
    if (WHITESPACE.test(char)) continue;
    if (char === '=') {
      padding++;
      compact += char;
      continue;
    }
    if (!BASE64_ALPHABET.test(char)) {
      const hint =
        char === '-' || char === '_'
          ? ' This looks like base64url: replace - with + and _ with /.'
          : ' Base64 uses A–Z, a–z, 0–9, + and /, with = as padding at the end.';
      return {
        ok: false,
        error: `Invalid base64 at ${describePosition(input, index)}: ${showCharacter(char)} is not a base64 character.${hint}`,
      };
    }
    if (padding > 0) {
      return {
        ok: false,
        error: `Invalid base64 at ${describePosition(input, index)}: "=" padding may only appear at the end.`,
      };
    }
    compact += char;
  }
  if (padding > 2) {
    return { ok: false, error: `Invalid base64: ${padding} "=" characters; padding is at most 2.` };
  }
  if (compact.length % 4 !== 0) {
    const missing = 4 - (compact.length % 4);
    return {
      ok: false,
      error: `Invalid base64: ${compact.length} characters, but base64 comes in groups of 4. The text is probably truncated${padding === 0 && missing <= 2 ? ` or lacks ${missing} "=" padding character${missing === 1 ? '' : 's'}` : ''}.`,
    };
  }
  return { ok: true, bytes: fromBase64(compact) };
}

// Each character code's value as a hex digit, or -1 (index by charCodeAt; codes above 127 are not
// digits).
const HEX_VALUES = Int8Array.from({ length: 128 }, (_, code) => {
  const char = String.fromCharCode(code);
  return /[0-9a-fA-F]/.test(char) ? Number.parseInt(char, 16) : -1;
});

/** The bytes of an even number of hex digits, or undefined at the first character that is not one. */
function hexDigitsToBytes(digits: string): Uint8Array | undefined {
  if (digits.length % 2 !== 0) return undefined;
  const bytes = new Uint8Array(digits.length / 2);
  for (let index = 0; index < bytes.length; index++) {
    const high = HEX_VALUES[digits.charCodeAt(2 * index)] ?? -1;
    const low = HEX_VALUES[digits.charCodeAt(2 * index + 1)] ?? -1;
    if (high < 0 || low < 0) return undefined;
    bytes[index] = (high << 4) | low;
  }
  return bytes;
}

/** Hex digits, two per byte, either case; whitespace and an optional leading 0x are ignored. */
export function decodeHex(input: string): Decoded {
  // Fast path: one table lookup per digit (the SDK's fromHex looks up a substring per byte); the
  // character scan below runs only to explain a failure.
  const fast = hexDigitsToBytes(input.replace(/\s+/g, '').replace(/^0x/i, ''));
  if (fast) return { ok: true, bytes: fast };
  const start = /^\s*0x/i.test(input) ? input.toLowerCase().indexOf('0x') + 2 : 0;
  let compact = '';
  for (let index = start; index < input.length; index++) {
    const char = input[index];
    if (WHITESPACE.test(char)) continue;
    if (!HEX_DIGIT.test(char)) {
      return {
        ok: false,
        error: `Invalid hex at ${describePosition(input, index)}: ${showCharacter(char)} is not a hex digit (0–9, a–f).`,
      };
    }
    compact += char;
  }
  if (compact.length % 2 !== 0) {
    return {
      ok: false,
      error: `Invalid hex: ${compact.length} digits, but every byte takes two. A digit is missing or extra.`,
    };
  }
  const bytes = hexDigitsToBytes(compact);
  if (!bytes) throw new Error('unreachable: every digit was checked');
  return { ok: true, bytes };
}

export function encodeUtf8(text: string): Uint8Array {
  return fromUtf8(text);
}

export function decodeText(input: string, format: TextFormat): Decoded {
  switch (format) {
    case 'text':
      return { ok: true, bytes: encodeUtf8(input) };
    case 'base64':
      return decodeBase64(input);
    case 'hex':
      return decodeHex(input);
  }
}

// `fatal` makes the decoder refuse invalid sequences instead of substituting U+FFFD.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** True when the bytes are valid UTF-8, so showing them as text loses nothing. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The bytes as a string in the chosen format. Text of invalid UTF-8 shows U+FFFD replacement
 * characters; callers that must not lose bytes check `isValidUtf8` first.
 */
export function encodeBytes(bytes: Uint8Array, format: TextFormat): string {
  switch (format) {
    case 'text':
      return toUtf8(bytes);
    case 'base64':
      return toBase64(bytes);
    case 'hex':
      return toHex(bytes);
  }
}

/** "1 byte", "4,096 bytes", "1.5 MB": sizes as the limits in messages are written. */
export function formatByteCount(count: number): string {
  if (count < 1024 * 1024) return `${count.toLocaleString('en-US')} byte${count === 1 ? '' : 's'}`;
  return `${(count / (1024 * 1024)).toFixed(1)} MB`;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}
