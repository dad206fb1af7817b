import { decodeBodyHeader, type HeaderInfo } from './aws-crypto';
import { EnvelopeError } from './envelope-errors';

/**
 * Walks the message body frame by frame, reading only frame headers, to find a truncated or
 * padded file before any KMS call or decryption. Authentication still happens when decrypting:
 * this only makes "the file was cut short" a clear message instead of the SDK's "Format Error".
 */
export function checkMessageLayout(bytes: Uint8Array, info: HeaderInfo): void {
  let readPos = info.rawHeader.byteLength + info.headerAuth.headerAuthLength;
  let frames = 0;
  for (;;) {
    const frame = decodeBodyHeader(bytes, info, readPos);
    if (!frame) throw truncated(bytes, `inside the header of frame ${frames + 1}`);
    frames += 1;
    const end = frame.readPos + frame.contentLength + frame.tagLength / 8;
    if (end > bytes.byteLength) throw truncated(bytes, `inside frame ${frames}`);
    readPos = end;
    if (frame.isFinalFrame) break;
  }
  const rest = bytes.byteLength - readPos;
  if (info.algorithmSuite.signatureCurve) {
    if (rest < 2) throw truncated(bytes, 'before the signature');
    const signatureLength = (bytes[readPos] << 8) | bytes[readPos + 1];
    if (rest < 2 + signatureLength) throw truncated(bytes, 'inside the signature');
    if (rest > 2 + signatureLength) throw trailing(rest - 2 - signatureLength);
  } else if (rest > 0) {
    throw trailing(rest);
  }
}

function truncated(bytes: Uint8Array, where: string): EnvelopeError {
  return new EnvelopeError(
    'TruncatedMessage',
    `The message ends ${where}, after ${bytes.byteLength} bytes.`,
  );
}

function trailing(extra: number): EnvelopeError {
  return new EnvelopeError(
    'DamagedMessage',
    `${extra} bytes follow the end of the message: the file was changed or two files were joined.`,
  );
}
