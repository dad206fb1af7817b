import { describe, expect, it } from 'vitest';
import { readFileBytes } from './read-file';

const bytes = (size: number) => Uint8Array.from({ length: size }, (_, i) => (i * 7) & 0xff);

/** A Blob-like whose stream is made of `chunks`, while it claims to hold `size` bytes. */
function fakeBlob(size: number, chunks: Uint8Array[], type?: 'bytes'): Blob {
  let next = 0;
  // Both kinds of controller have enqueue and close; a byte stream's also has byobRequest.
  const pull = (controller: ReadableByteStreamController) => {
    // A byte stream takes over (detaches) what is enqueued: enqueue copies.
    if (next < chunks.length) return controller.enqueue(chunks[next++].slice());
    controller.close();
    // A byte stream closed under a pending read must answer it (browsers' Blob streams do).
    controller.byobRequest?.respond(0);
  };
  const stream = type
    ? new ReadableStream({ type, pull })
    : new ReadableStream<Uint8Array>({
        pull: (controller) => pull(controller as unknown as ReadableByteStreamController),
      });
  return { size, stream: () => stream } as unknown as Blob;
}

describe('reading a file into memory', () => {
  it('reads every byte into a buffer of its own (the SDK ignores byteOffset)', async () => {
    const content = bytes(200_000);
    const progress: number[] = [];
    const read = await readFileBytes(new Blob([content]), {
      onProgress: (fraction) => progress.push(fraction),
    });
    // (toEqual compares typed arrays element by element: seconds for this size.)
    expect(Buffer.compare(read, content)).toBe(0);
    expect(read.byteOffset).toBe(0);
    expect(read.buffer.byteLength).toBe(content.byteLength);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('reads an empty file', async () => {
    await expect(readFileBytes(new Blob([]))).resolves.toEqual(new Uint8Array(0));
  });

  for (const type of ['bytes', undefined] as const) {
    const how = type ? 'in place (byte stream)' : 'chunk by chunk (other streams)';

    it(`reads ${how}`, async () => {
      const content = bytes(1000);
      const blob = fakeBlob(
        1000,
        [content.slice(0, 10), content.slice(10, 600), content.slice(600)],
        type,
      );
      await expect(readFileBytes(blob)).resolves.toEqual(content);
    });

    it(`refuses a file that grew or shrank while read ${how}`, async () => {
      const content = bytes(100);
      await expect(readFileBytes(fakeBlob(99, [content], type))).rejects.toThrow(/grew/);
      await expect(readFileBytes(fakeBlob(0, [content.slice(0, 1)], type))).rejects.toThrow(/grew/);
      await expect(readFileBytes(fakeBlob(101, [content], type))).rejects.toThrow(/shrank/);
    });

    it(`stops when the job is cancelled, reading ${how}`, async () => {
      const controller = new AbortController();
      const content = bytes(100);
      const blob = fakeBlob(100, [content.slice(0, 50), content.slice(50)], type);
      const read = readFileBytes(blob, {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      });
      await expect(read).rejects.toMatchObject({ name: 'AbortError' });
    });
  }
});
