import type { KMSClient } from '@aws-sdk/client-kms';
import { encodeBytes } from '../../../bytes/codecs';

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
