import { abortError } from './envelope-errors';

export interface ReadOptions {
  signal?: AbortSignal;
  /** Fraction read, 0 to 1. */
  onProgress?: (fraction: number) => void;
}

/**
 * Reads a whole file into one buffer, chunk by chunk, so reading shows progress and stops at once
 * when the job is cancelled (File.arrayBuffer() can do neither). The result always starts at
 * offset 0 of its own ArrayBuffer: the browser SDK frames `plaintext.buffer` and ignores
 * `byteOffset`.
 */
export async function readFileBytes(
  file: Blob,
  options: ReadOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const stream = file.stream();
  let reader: ReadableStreamBYOBReader;
  try {
    reader = stream.getReader({ mode: 'byob' });
  } catch {
    // Blob.stream() is a byte stream in Chromium and Firefox; anything else reads chunk by chunk.
    return readChunks(file.size, stream.getReader(), options);
  }
  return readInPlace(file.size, reader, options);
}

/**
 * Lets the stream write straight into the result (a "bring your own buffer" reader): no chunk
 * is allocated and copied, which makes reading 64 MiB about three times faster in Chromium
 * (bench/console-files.ts). Each read hands the buffer to the stream and gets it back.
 */
async function readInPlace(
  size: number,
  reader: ReadableStreamBYOBReader,
  { signal, onProgress }: ReadOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  let buffer = new ArrayBuffer(size);
  let offset = 0;
  try {
    while (offset < size) {
      if (signal?.aborted) throw abortError();
      const { done, value } = await reader.read(new Uint8Array(buffer, offset, size - offset));
      if (!value) throw new Error('The file could not be read; choose it again.');
      buffer = value.buffer;
      if (done) throw new Error('The file shrank while it was being read; choose it again.');
      offset += value.byteLength;
      onProgress?.(offset / size);
    }
    if (signal?.aborted) throw abortError();
    // The stream must end exactly here: one more byte means the file changed under us.
    const { done } = await reader.read(new Uint8Array(1));
    if (!done) throw new Error('The file grew while it was being read; choose it again.');
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    // A read that failed keeps the buffer it was given (detached here, byteLength 0): nothing to
    // clear then.
    if (buffer.byteLength > 0) new Uint8Array(buffer).fill(0);
    throw error;
  }
  onProgress?.(1);
  return new Uint8Array(buffer);
}

async function readChunks(
  size: number,
  reader: ReadableStreamDefaultReader<Uint8Array>,
  { signal, onProgress }: ReadOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = new Uint8Array(size);
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
      onProgress?.(size === 0 ? 1 : offset / size);
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
