import { bareKeyId } from './key-reference';

/**
 * react-query keys shared by every feature. Each signed-in session has its own QueryClient, so
 * keys never need to name the caller. Entries about a key are under its bare key id (never an
 * alias or an ARN), so a change anywhere reaches every entry of the key; what was looked up by an
 * alias lives apart, under `aliasLookups`, because an alias can point at another key tomorrow.
 */
export const kmsKeys = {
  all: ['kms'] as const,
  catalog: () => [...kmsKeys.all, 'key-catalog'] as const,
  aliases: () => [...kmsKeys.all, 'aliases'] as const,
  key: (keyId: string) => [...kmsKeys.all, 'key', keyId] as const,
  describe: (keyId: string) => [...kmsKeys.key(keyId), 'describe'] as const,
  policy: (keyId: string) => [...kmsKeys.key(keyId), 'policy'] as const,
  rotationStatus: (keyId: string) => [...kmsKeys.key(keyId), 'rotation-status'] as const,
  rotations: (keyId: string) => [...kmsKeys.key(keyId), 'rotations'] as const,
  /** ListKeyRotations with ALL_KEY_MATERIAL: every key material, imported ones with their state. */
  materials: (keyId: string) => [...kmsKeys.key(keyId), 'materials'] as const,
  grants: (keyId: string) => [...kmsKeys.key(keyId), 'grants'] as const,
  tags: (keyId: string) => [...kmsKeys.key(keyId), 'tags'] as const,
  keyAliases: (keyId: string) => [...kmsKeys.key(keyId), 'aliases'] as const,
  publicKey: (keyId: string) => [...kmsKeys.key(keyId), 'public-key'] as const,
  /** Everything looked up by an alias name or alias ARN: alias changes drop it all. */
  aliasLookups: () => [...kmsKeys.all, 'by-alias'] as const,
};

/**
 * Where an entry about a typed key reference (key id, key ARN, alias name, alias ARN) belongs:
 * under the key itself for a key id or key ARN, under `aliasLookups` for an alias.
 */
export function referenceScope(keyRef: string): readonly string[] {
  const keyId = bareKeyId(keyRef);
  return keyId ? kmsKeys.key(keyId) : [...kmsKeys.aliasLookups(), keyRef.trim()];
}
