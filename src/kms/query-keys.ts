/**
 * react-query keys shared by every feature. Each signed-in session has its own QueryClient, so
 * keys never need to name the caller; a key id is always the bare key id (never an alias), so a
 * mutation anywhere invalidates the same entries.
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
  grants: (keyId: string) => [...kmsKeys.key(keyId), 'grants'] as const,
  tags: (keyId: string) => [...kmsKeys.key(keyId), 'tags'] as const,
  keyAliases: (keyId: string) => [...kmsKeys.key(keyId), 'aliases'] as const,
  publicKey: (keyId: string) => [...kmsKeys.key(keyId), 'public-key'] as const,
  /** Input typed by the user (alias name, ARN…) resolved to a key, via DescribeKey. */
  resolve: (keyRef: string) => [...kmsKeys.all, 'resolve', keyRef] as const,
};
