import type { KMSClient } from '@aws-sdk/client-kms';
import { encodeBytes } from '../../../bytes/codecs';
import type { EncryptionContext } from '../../../bytes/encryption-context';
import type { CryptoErrorHints } from '../../../kms/crypto-errors';

/*
 * Which key made each ciphertext this session produced, so "IncorrectKeyException" can name the
 * right key. Ciphertext and key ARNs are not secret; the map belongs to the session's client and
 * goes away with it (sign-out makes a new client).
 */

const MAX_ENTRIES = 200;
const origins = new WeakMap<KMSClient, Map<string, string>>();

export function rememberCiphertext(kms: KMSClient, ciphertext: Uint8Array, keyId: string): void {
  let map = origins.get(kms);
  if (!map) origins.set(kms, (map = new Map()));
  map.set(encodeBytes(ciphertext, 'base64'), keyId);
  if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value as string);
}

export function ciphertextOrigin(
  kms: KMSClient,
  ciphertext: Uint8Array | undefined,
): string | undefined {
  if (!ciphertext) return undefined;
  return origins.get(kms)?.get(encodeBytes(ciphertext, 'base64'));
}

/** What a Decrypt or ReEncrypt request sent, as its failure is explained. */
export interface SentCiphertext {
  ciphertext?: Uint8Array;
  /** The key the request named (Decrypt's KeyId, ReEncrypt's SourceKeyId). */
  keyId?: string;
  algorithm?: string;
  context?: EncryptionContext;
}

/**
 * The hints that explain a failure to decrypt: the key that made the ciphertext when this session
 * made it, and how many context pairs were sent (none counted for RSA, which takes no context).
 */
export function ciphertextHints(
  kms: KMSClient,
  sent: SentCiphertext | undefined,
): CryptoErrorHints {
  const rsa = sent?.algorithm !== undefined && sent.algorithm !== 'SYMMETRIC_DEFAULT';
  return {
    ciphertextKeyId: ciphertextOrigin(kms, sent?.ciphertext),
    contextPairs: rsa ? undefined : Object.keys(sent?.context ?? {}).length,
    keyId: sent?.keyId,
  };
}
