import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let offset = 0;

/**
 * Random bytes for values that are public and unique but not secret (AES-GCM IVs). One
 * randomFillSync per 4 KiB instead of one randomBytes call per Encrypt; every byte is handed
 * out once, and a spent pool is replaced rather than refilled, so earlier slices never change.
 */
export function randomIv(size: number): Buffer {
  if (offset + size > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafe(Math.max(POOL_BYTES, size)));
    offset = 0;
  }
  const iv = pool.subarray(offset, offset + size);
  offset += size;
  return iv;
}
