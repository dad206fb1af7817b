import {
  decodeBase64,
  decodeHex,
  decodeText,
  encodeBytes,
  formatByteCount,
  isValidUtf8,
  TEXT_FORMAT_LABELS,
  type TextFormat,
} from './codecs';

/*
 * The state of one byte field (what the user typed or chose) and what it decodes to, kept apart
 * from React so the rules (limits, conversions between formats) are tested on their own.
 */

export type InputFormat = TextFormat | 'file';

export const INPUT_FORMAT_LABELS: Record<InputFormat, string> = {
  ...TEXT_FORMAT_LABELS,
  file: 'File',
};

export interface LoadedFile {
  name: string;
  size: number;
  /** Absent when the file is over the limit: it is never read, so nothing of it can be sent. */
  bytes?: Uint8Array;
  /** The chosen File, so the upload control can show it again. */
  handle?: File;
}

export interface ByteInputValue {
  format: InputFormat;
  /** The typed text, in `format` (kept while a file is chosen, so switching back restores it). */
  text: string;
  file?: LoadedFile;
  /** What the last paste or change of format did, said under the field. */
  note?: ByteInputNote;
}

export interface ByteLimit {
  /** Most bytes the operation accepts. */
  max: number;
  /** Fewest bytes (KMS blobs are at least 1 byte). */
  min?: number;
  /** Who imposes the limit, for messages: "Encrypt accepts", "An RSA_2048 key with RSAES_OAEP_SHA_256 encrypts". */
  subject: string;
}

export interface ByteInputEvaluation {
  /** The decoded bytes when they are valid and within the limit. */
  bytes?: Uint8Array;
  /** Decoded size in bytes, when known (also when over the limit). */
  size?: number;
  error?: string;
  /** True when nothing was entered (no error is shown until the user submits). */
  empty: boolean;
}

/** An empty plaintext field: plaintext is typed as text. */
export const EMPTY_BYTE_INPUT: ByteInputValue = { format: 'text', text: '' };

/** An empty field of bytes (ciphertext, signature, MAC): they are pasted as base64. */
export const EMPTY_BINARY_INPUT: ByteInputValue = { format: 'base64', text: '' };

export function limitError(size: number, limit: ByteLimit): string | undefined {
  if (size > limit.max) {
    return `${formatByteCount(size)}: ${limit.subject} at most ${formatByteCount(limit.max)}.`;
  }
  if (limit.min !== undefined && size < limit.min) {
    return `${formatByteCount(size)}: ${limit.subject} at least ${formatByteCount(limit.min)}.`;
  }
  return undefined;
}

export function evaluateByteInput(value: ByteInputValue, limit: ByteLimit): ByteInputEvaluation {
  if (value.format === 'file') {
    const file = value.file;
    if (!file) return { empty: true, size: 0 };
    const over = limitError(file.size, limit);
    if (over)
      return { empty: false, size: file.size, error: `${file.name} is ${over} Nothing was sent.` };
    if (!file.bytes)
      return { empty: false, size: file.size, error: `${file.name} could not be read.` };
    return { empty: false, size: file.size, bytes: file.bytes };
  }
  if (value.text === '') return { empty: true, size: 0 };
  const decoded = decodeText(value.text, value.format);
  if (!decoded.ok) return { empty: false, error: decoded.error };
  const size = decoded.bytes.length;
  const over = limitError(size, limit);
  if (over) return { empty: false, size, error: over };
  return { empty: false, size, bytes: decoded.bytes };
}

/** A change of format or a paste the field reports under itself. */
export type ByteInputNote =
  /** A paste was recognised as base64 or hex, and the field now reads it so. */
  | { kind: 'recognised'; format: TextFormat }
  /** The format changed and the same text is read in the new one; `before` can be converted. */
  | { kind: 'reinterpreted'; before: ByteInputValue }
  /** The bytes the field held in `from` are now written in the current format. */
  | { kind: 'converted'; from: InputFormat; size: number }
  /** The user chose to keep text that looks like base64 as text. */
  | { kind: 'kept-as-text' };

/** The bytes a value holds (typed text decoded in its format, or a read file), if it holds any. */
function bytesOf(value: ByteInputValue): Uint8Array | undefined {
  if (value.format === 'file') return value.file?.bytes;
  if (value.text === '') return undefined;
  const decoded = decodeText(value.text, value.format);
  return decoded.ok ? decoded.bytes : undefined;
}

/*
 * Text made only of hex digits is also valid base64 whenever its length is a multiple of 4. Base64
 * of random bytes (ciphertexts, signatures, MACs) has 22 hex digits in its 64 characters, so 16 or
 * more characters that are all hex digits are hex (base64 would be so with a chance below 1 in
 * 10^7); shorter ones stay in the format the field has.
 */
const HEX_ONLY = /^(?:0x)?[0-9a-fA-F]+$/;
const SURELY_HEX_LENGTH = 16;

/** The format pasted text of bytes (a ciphertext, a signature) is written in, if it is one. */
export function recogniseBytesFormat(text: string, current: TextFormat): TextFormat | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact === '') return undefined;
  const hex = HEX_ONLY.test(compact) && decodeHex(compact).ok;
  // The whole text: base64 decoding also drops PEM's BEGIN and END lines, which need their lines.
  const base64 = decodeBase64(text).ok;
  if (hex && base64) {
    return compact.length >= SURELY_HEX_LENGTH || /^0x/i.test(compact) ? 'hex' : current;
  }
  if (hex) return 'hex';
  if (base64) return 'base64';
  return undefined;
}

/*
 * Typed words are rarely valid base64 on their own: words are separated by spaces, and a single
 * word of 16 letters or more is rare. Base64 and hex are one run of characters (line breaks aside).
 */
const LOOKS_ENCODED_LENGTH = 16;

/**
 * The format text in a Text field is probably written in (base64, or hex such as a digest from
 * `sha256sum`), when the user likely meant its bytes.
 */
export function looksEncoded(text: string): 'base64' | 'hex' | undefined {
  const trimmed = text.trim();
  if (/[ \t]/.test(trimmed) || trimmed.replace(/\s+/g, '').length < LOOKS_ENCODED_LENGTH) {
    return undefined;
  }
  const format = recogniseBytesFormat(trimmed, 'base64');
  return format === 'text' ? undefined : format;
}

/** The base64 bytes of a Text field's text, when it is valid base64 (it was likely meant so). */
export function base64ReadAsText(value: ByteInputValue): Uint8Array | undefined {
  if (value.format !== 'text' || value.text.trim() === '') return undefined;
  const decoded = decodeBase64(value.text);
  return decoded.ok ? decoded.bytes : undefined;
}

/** How a field reads its value: its format, or `text-but-base64` for valid base64 read as text. */
export function howRead(value: ByteInputValue): InputFormat | 'text-but-base64' {
  return base64ReadAsText(value) ? 'text-but-base64' : value.format;
}

/**
 * The field after the user typed or pasted: `replacedAll` when the change replaced the whole text
 * (a paste into an empty field, or over a full selection). A field of bytes reading base64 or hex
 * then recognises which of the two was pasted and reads the text so; Text or File, which the user
 * chose, stay as chosen, and nothing else changes the format.
 */
export function enterText(
  value: ByteInputValue,
  text: string,
  { bytes, replacedAll }: { bytes: boolean; replacedAll: boolean },
): ByteInputValue {
  // Keeping text as text holds while the user edits it; a new paste asks again.
  const kept = !replacedAll && value.note?.kind === 'kept-as-text' ? value.note : undefined;
  const next: ByteInputValue = { format: value.format, text, file: value.file, note: kept };
  if (!bytes || !replacedAll || (value.format !== 'base64' && value.format !== 'hex')) return next;
  const recognised = recogniseBytesFormat(text, value.format);
  if (!recognised || recognised === value.format) return next;
  return { ...next, format: recognised, note: { kind: 'recognised', format: recognised } };
}

/**
 * Switches the input format keeping what was typed: the same text is read in the new format
 * (base64 pasted while Text was selected is meant as base64, not to be encoded again). The value
 * before remembers the bytes, so `convertToFormat` can write them in the new format instead.
 */
export function switchInputFormat(value: ByteInputValue, next: InputFormat): ByteInputValue {
  if (next === value.format) return value;
  const kept = { format: next, text: value.text, file: value.file };
  if (next === 'file') return kept;
  return { ...kept, note: { kind: 'reinterpreted', before: { ...value, note: undefined } } };
}

/** What converting after a switch would do: the bytes it keeps, and the format they were read in. */
export function conversionOffer(
  value: ByteInputValue,
): { from: InputFormat; size: number } | undefined {
  if (value.note?.kind !== 'reinterpreted' || value.format === 'file') return undefined;
  const before = value.note.before;
  const bytes = bytesOf(before);
  if (!bytes || bytes.length === 0) return undefined;
  if (value.format === 'text' && !isValidUtf8(bytes)) return undefined;
  if (encodeBytes(bytes, value.format) === value.text) return undefined;
  return { from: before.format, size: bytes.length };
}

/** After a switch, writes the bytes of the value before it in the new format (when asked to). */
export function convertToFormat(value: ByteInputValue): ByteInputValue {
  const offer = conversionOffer(value);
  if (!offer || value.note?.kind !== 'reinterpreted' || value.format === 'file') return value;
  const bytes = bytesOf(value.note.before);
  if (!bytes) return value;
  return {
    format: value.format,
    text: encodeBytes(bytes, value.format),
    file: value.file,
    note: { kind: 'converted', from: offer.from, size: offer.size },
  };
}

/** A value holding `bytes`, shown in `format` (deep links and "send to Decrypt" prefill this way). */
export function byteInputOf(bytes: Uint8Array, format: TextFormat = 'base64'): ByteInputValue {
  const usable = format === 'text' && !isValidUtf8(bytes) ? 'base64' : format;
  return { format: usable, text: encodeBytes(bytes, usable) };
}

/** "12 of 4,096 bytes" for the field's constraint line. */
export function describeSize(evaluation: ByteInputEvaluation, limit: ByteLimit): string {
  const max = formatByteCount(limit.max).replace(/ bytes?$/, '');
  if (evaluation.size === undefined) return `Up to ${formatByteCount(limit.max)}.`;
  return `${evaluation.size.toLocaleString('en-US')} of ${max} bytes.`;
}
