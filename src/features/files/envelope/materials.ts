import {
  getLocalCryptographicMaterialsCache,
  WebCryptoCachingMaterialsManager,
  type KeyringWebCrypto,
  type WebCryptoMaterialsManager,
} from './aws-crypto';
import type { EsdkKmsClient } from './kms-adapter';
import { SessionKmsKeyring } from './session-kms-keyring';

export interface CacheSettings {
  enabled: boolean;
  /** How long a data key may be reused, in seconds. */
  maxAgeSeconds: number;
  /** Messages one cached data key may encrypt. */
  maxMessages: number;
  /** Bytes one cached data key may encrypt. */
  maxBytes: number;
}

export const DEFAULT_CACHE_SETTINGS: CacheSettings = {
  enabled: false,
  maxAgeSeconds: 300,
  maxMessages: 100,
  maxBytes: 1024 * 1024 * 1024,
};

/** Entries the local cache keeps (LRU); one per key set, context and algorithm suite. */
const CACHE_CAPACITY = 100;

export type MaterialsCache = ReturnType<typeof getLocalCryptographicMaterialsCache>;

export function createMaterialsCache(): MaterialsCache {
  return getLocalCryptographicMaterialsCache(CACHE_CAPACITY);
}

/**
 * The keyring for encrypting: the first key generates the data key (GenerateDataKey), every
 * other key encrypts a copy of it (Encrypt). Key IDs, ARNs, alias names and alias ARNs all work.
 */
export function encryptingKeyring(keys: readonly string[], client: EsdkKmsClient) {
  const [generatorKeyId, ...keyIds] = keys;
  return new SessionKmsKeyring({ clientProvider: () => client, generatorKeyId, keyIds });
}

/**
 * The keyring for decrypting: only data keys encrypted under these key ARNs are tried, in the
 * message's order. The message records full key ARNs, so aliases would never match here.
 */
export function decryptingKeyring(keyArns: readonly string[], client: EsdkKmsClient) {
  return new SessionKmsKeyring({ clientProvider: () => client, keyIds: [...keyArns] });
}

/**
 * With caching on, a caching materials manager in front of the keyring. The cache is shared by
 * every job of the page, so the partition names what the keyring can do: a data key cached for
 * one set of keys is never served to a request for another (for decryption, that would let a key
 * the user deselected decrypt through the cache).
 */
export function materialsFor(
  keyring: KeyringWebCrypto,
  partition: string,
  settings: CacheSettings,
  cache: MaterialsCache | undefined,
): KeyringWebCrypto | WebCryptoMaterialsManager {
  if (!settings.enabled || !cache) return keyring;
  return new WebCryptoCachingMaterialsManager({
    backingMaterials: keyring,
    cache,
    partition,
    maxAge: settings.maxAgeSeconds * 1000,
    maxMessagesEncrypted: settings.maxMessages,
    maxBytesEncrypted: settings.maxBytes,
  });
}
