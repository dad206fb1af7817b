import { Buffer } from 'buffer';

/**
 * The Encryption SDK's browser packages still use Node's global `Buffer` in two places: decoding
 * the DER signature of every signed message (der2raw, and the SDK's default algorithm suite signs)
 * and building the caching materials manager's cache keys (aws-encryption-sdk-javascript#1050).
 * Browsers have no `Buffer`, so this installs the `buffer` polyfill before the SDK runs; every
 * module of this feature that calls the SDK imports `./sdk`, which imports this first.
 */
const scope = globalThis as { Buffer?: unknown };
scope.Buffer ??= Buffer;
