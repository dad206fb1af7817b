import {
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

export const EMPTY_BYTE_INPUT: ByteInputValue = { format: 'text', text: '' };

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

/**
 * Switches the input format keeping the same bytes where possible: base64 pasted in becomes the
 * equivalent hex, a chosen file becomes its base64. When the bytes cannot be shown in the new
 * format (not UTF-8, or the current text does not decode) the text is kept as typed.
 */
export function switchInputFormat(value: ByteInputValue, next: InputFormat): ByteInputValue {
  if (next === value.format) return value;
  if (next === 'file') return { ...value, format: 'file' };
  const bytes =
    value.format === 'file'
      ? value.file?.bytes
      : value.text === ''
        ? undefined
        : (() => {
            const decoded = decodeText(value.text, value.format);
            return decoded.ok ? decoded.bytes : undefined;
          })();
  if (!bytes || (next === 'text' && !isValidUtf8(bytes))) {
    return { format: next, text: value.format === 'file' ? '' : value.text, file: value.file };
  }
  return { format: next, text: encodeBytes(bytes, next), file: value.file };
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
