import { KMSClient } from '@aws-sdk/client-kms';
import { decryptBytes, decryptFile } from '../src/features/files/envelope/decrypt-file';
import { encryptBytes, encryptFile } from '../src/features/files/envelope/encrypt-file';
import type { EnvelopeContext, JobHooks } from '../src/features/files/envelope/jobs';
import { DEFAULT_CACHE_SETTINGS } from '../src/features/files/envelope/materials';
import { readFileBytes } from '../src/features/files/envelope/read-file';
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

/** Milliseconds the SDK spent waiting for WebCrypto during one measured step, by algorithm. */
export interface WebCryptoTime {
  /** Every AES-GCM call (one per frame, plus the header's authentication tag). */
  aesGcmMs: number;
  /** The ECDSA signature (or its verification): one call over the whole message. */
  ecdsaMs: number;
}

let webCrypto: WebCryptoTime | undefined;

/*
 * Counts the time between each WebCrypto call and its result. The SDK awaits every call before
 * the next one, so the sum is WebCrypto's share of a step and the rest is the SDK's JavaScript
 * (copies, parsing) and the KMS calls. Costs microseconds per call; the SDK makes ~70 per step.
 */
{
  const subtle = SubtleCrypto.prototype as unknown as Record<
    'encrypt' | 'decrypt' | 'sign' | 'verify',
    (...args: unknown[]) => Promise<unknown>
  >;
  for (const name of ['encrypt', 'decrypt', 'sign', 'verify'] as const) {
    const original = subtle[name];
    subtle[name] = function (this: SubtleCrypto, ...args: unknown[]) {
      const algorithm = args[0];
      const algorithmName =
        typeof algorithm === 'string' ? algorithm : (algorithm as { name?: string }).name;
      const bucket =
        algorithmName === 'AES-GCM' ? 'aesGcmMs' : algorithmName === 'ECDSA' ? 'ecdsaMs' : null;
      const totals = webCrypto;
      const start = performance.now();
      const result = original.apply(this, args);
      if (!totals || !bucket) return result;
      return result.finally(() => {
        totals[bucket] += performance.now() - start;
      });
    };
  }
}

async function counted<T>(run: () => Promise<T>): Promise<[number, WebCryptoTime, T]> {
  const totals = { aesGcmMs: 0, ecdsaMs: 0 };
  webCrypto = totals;
  try {
    const [ms, result] = await timed(run);
    return [ms, totals, result];
  } finally {
    webCrypto = undefined;
  }
}

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
    const [encryptMs, encryptWebCrypto, { result }] = await counted(() =>
      encryptBytes(data, settings, context, hooks),
    );
    const [decryptMs, decryptWebCrypto, { plaintext }] = await counted(() =>
      decryptBytes(result, { keyArns: [KEY_ARN], expectedContext: {} }, context, hooks),
    );
    if (!same(plaintext, data)) throw new Error('envelope round trip differs');
    return {
      encryptMs,
      decryptMs,
      encryptWebCrypto,
      decryptWebCrypto,
      messageBytes: result.byteLength,
    };
  },

  /** A whole job as the page runs it: read the File, encrypt or decrypt, make the download Blob. */
  async files(suiteId: EncryptSuite, frameLength: number) {
    const file = new File([data], 'bench.bin');
    // Untimed: a page-made File's bytes travel to the Blob store first (one from disk is there).
    await file.arrayBuffer();
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

  parts,
};

/** The pieces a whole-buffer job is made of, each timed alone over the same bytes. */
async function parts() {
  const signing = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const ecdsa = { name: 'ECDSA', hash: 'SHA-384' };
  const aes = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const [aesGcmMs] = await timed(() => crypto.subtle.encrypt({ name: 'AES-GCM', iv }, aes, data));
  const [sha384Ms] = await timed(() => crypto.subtle.digest('SHA-384', data));
  const [signMs, signature] = await timed(() =>
    crypto.subtle.sign(ecdsa, signing.privateKey, data),
  );
  const [verifyMs, valid] = await timed(() =>
    crypto.subtle.verify(ecdsa, signing.publicKey, signature, data),
  );
  if (!valid) throw new Error('ECDSA verification failed');
  const [copyMs] = await timed(async () => data.slice());
  const [blobMs] = await timed(async () => new Blob([data]));
  const file = new File([data], 'bench.bin');
  // The first read of a page-made File also waits for its bytes to reach the Blob store (a file
  // from disk is there already): read it once untimed.
  await file.arrayBuffer();
  const [readMs] = await timed(() => readFileBytes(file));
  const [arrayBufferMs] = await timed(() => file.arrayBuffer());
  return { aesGcmMs, sha384Ms, signMs, verifyMs, copyMs, blobMs, readMs, arrayBufferMs };
}

declare global {
  interface Window {
    bench: typeof bench;
  }
}
window.bench = bench;
document.title = 'ready';
