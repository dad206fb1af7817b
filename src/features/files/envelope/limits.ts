import { EnvelopeError } from './envelope-errors';

/**
 * The browser SDK encrypts and decrypts whole buffers: the plaintext, the message and the SDK's
 * own copies are in memory together (about five times the file at the peak, see
 * bench/console-files.ts), and the download Blob is one more copy in the browser process, which
 * holds about 500 MiB of Blobs in all when it cannot spill to disk (private windows). 256 MiB
 * works reliably (e2e/files-limits.spec.ts), so it is the limit, checked before reading a byte.
 */
export const MAX_PLAINTEXT_BYTES = 256 * 1024 * 1024;

/** A 256 MiB plaintext in 4 KiB frames grows by 32 bytes per frame (0.8 %), plus header and signature. */
export const MAX_MESSAGE_BYTES = MAX_PLAINTEXT_BYTES + 4 * 1024 * 1024;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

/** The sentence shown next to a refused file, naming the limit. */
export function sizeProblem(file: Blob, kind: 'encrypt' | 'decrypt'): string | undefined {
  const limit = kind === 'encrypt' ? MAX_PLAINTEXT_BYTES : MAX_MESSAGE_BYTES;
  if (file.size <= limit) return undefined;
  // Just above the limit both round to "256 MiB": then the exact size says why.
  const size =
    formatBytes(file.size) === formatBytes(limit)
      ? `${file.size.toLocaleString('en-US')} bytes`
      : formatBytes(file.size);
  return `${size} is more than the ${formatBytes(limit)} the console can ${kind} in the browser.`;
}

export function checkSize(file: File, kind: 'encrypt' | 'decrypt'): void {
  const problem = sizeProblem(file, kind);
  if (problem) throw new EnvelopeError('FileTooLarge', `${file.name}: ${problem}`);
}
