import { abortError } from './envelope-errors';

export interface ReadOptions {
  signal?: AbortSignal;
  /** Fraction read, 0 to 1. */
  onProgress?: (fraction: number) => void;
}

/**
 * Reads a whole file into one buffer, chunk by chunk, so reading shows progress and stops at once
 * when the job is cancelled (File.arrayBuffer() can do neither).
 */
export async function readFileBytes(file: Blob, { signal, onProgress }: ReadOptions = {}) {
  const bytes = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let offset = 0;
  try {
    for (;;) {
      if (signal?.aborted) throw abortError();
      const { done, value } = await reader.read();
      if (done) break;
      if (offset + value.byteLength > bytes.byteLength) {
        throw new Error('The file grew while it was being read; choose it again.');
      }
      bytes.set(value, offset);
      offset += value.byteLength;
      onProgress?.(file.size === 0 ? 1 : offset / file.size);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    bytes.fill(0);
    throw error;
  }
  if (offset !== bytes.byteLength) {
    throw new Error('The file shrank while it was being read; choose it again.');
  }
  onProgress?.(1);
  return bytes;
}

/** A download-ready Blob (the browser copies the bytes into its Blob store). */
export function bytesToBlob(bytes: Uint8Array): Blob {
  // The SDK types its results as Uint8Array<ArrayBufferLike>; they never live in shared memory.
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
}
