import { KMSClient } from '@aws-sdk/client-kms';
import { decryptBytes, decryptFile } from '../src/features/files/envelope/decrypt-file';
import { encryptBytes, encryptFile } from '../src/features/files/envelope/encrypt-file';
import type { EnvelopeContext, JobHooks } from '../src/features/files/envelope/jobs';
import { DEFAULT_CACHE_SETTINGS } from '../src/features/files/envelope/materials';
import type { EncryptSuite } from '../src/features/files/envelope/sdk';

/*
 * The page bench/console-files.ts drives in Chromium. It runs the Files page's own envelope code
 * (src/features/files/envelope) against the sandbox that serves it, next to raw WebCrypto
 * AES-GCM over the same bytes, and reports milliseconds. Never part of the console build.
 */

const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

const context: EnvelopeContext = {
  kms: new KMSClient({
    region: 'us-east-1',
    endpoint: location.origin,
    credentials: {
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    },
  }),
  cache: undefined,
  cacheSettings: DEFAULT_CACHE_SETTINGS,
};

const hooks: JobHooks = {
  signal: new AbortController().signal,
  onProgress: () => undefined,
  onKmsCall: () => undefined,
};

let data: Uint8Array<ArrayBuffer> = new Uint8Array(0);

function randomBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  // getRandomValues fills at most 64 KiB per call.
  for (let offset = 0; offset < size; offset += 65536) {
    crypto.getRandomValues(bytes.subarray(offset, Math.min(size, offset + 65536)));
  }
  return bytes;
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

async function timed<T>(run: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await run();
  return [performance.now() - start, result];
}

const bench = {
  prepare(size: number) {
    data = randomBytes(size);
  },

  /** One AES-256-GCM call over all the bytes each way: the browser's ceiling. */
  async raw() {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const [encryptMs, sealed] = await timed(() =>
      crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data),
    );
    const [decryptMs, opened] = await timed(() =>
      crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed),
    );
    if (!same(new Uint8Array(opened), data)) throw new Error('raw AES-GCM round trip differs');
    return { encryptMs, decryptMs };
  },

  /** The console's encryptBytes/decryptBytes: KMS calls and the SDK, bytes already in memory. */
  async envelope(suiteId: EncryptSuite, frameLength: number) {
    const settings = {
      keys: [KEY_ARN],
      encryptionContext: { bench: 'files' },
      suiteId,
      frameLength,
    };
    const [encryptMs, { result }] = await timed(() => encryptBytes(data, settings, context, hooks));
    const [decryptMs, { plaintext }] = await timed(() =>
      decryptBytes(result, { keyArns: [KEY_ARN], expectedContext: {} }, context, hooks),
    );
    if (!same(plaintext, data)) throw new Error('envelope round trip differs');
    return { encryptMs, decryptMs, messageBytes: result.byteLength };
  },

  /** A whole job as the page runs it: read the File, encrypt or decrypt, make the download Blob. */
  async files(suiteId: EncryptSuite, frameLength: number) {
    const file = new File([data], 'bench.bin');
    const settings = {
      keys: [KEY_ARN],
      encryptionContext: { bench: 'files' },
      suiteId,
      frameLength,
    };
    const [encryptMs, encrypted] = await timed(() => encryptFile(file, settings, context, hooks));
    const message = new File([encrypted.blob], encrypted.fileName);
    const [decryptMs, decrypted] = await timed(() =>
      decryptFile(message, { keyArns: [KEY_ARN], expectedContext: {} }, context, hooks),
    );
    if (decrypted.blob.size !== data.byteLength) throw new Error('file round trip differs');
    return { encryptMs, decryptMs, messageBytes: encrypted.blob.size };
  },
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}
window.bench = bench;
document.title = 'ready';
