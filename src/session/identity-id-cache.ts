/**
 * Where `fromCognitoIdentityPool` keeps Cognito identity ids. The SDK's default is IndexedDB or
 * localStorage, which would outlive the tab; identity ids are not secrets, but the console keeps
 * everything about a session in this tab only (sessionStorage), and "Sign out" forgets it.
 */
export interface IdentityIdStorage {
  getItem(key: string): string | null | Promise<string | null>;
  setItem(key: string, value: string): void | Promise<void>;
  removeItem(key: string): void | Promise<void>;
}

const PREFIX = 'aws:cognito-identity-';

export function memoryIdentityIdStorage(): IdentityIdStorage & { size(): number } {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    size: () => items.size,
  };
}

export function sessionIdentityIdStorage(): IdentityIdStorage {
  const storage = typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  if (!storage) return memoryIdentityIdStorage();
  return {
    getItem: (key) => storage.getItem(key),
    setItem: (key, value) => storage.setItem(key, value),
    removeItem: (key) => storage.removeItem(key),
  };
}

/** The key the SDK uses for an identity pool and user (see fromCognitoIdentityPool). */
export function identityIdCacheKey(identityPoolId: string, userIdentifier: string): string {
  return `${PREFIX}credentials:${identityPoolId}:${userIdentifier}`;
}

export function forgetIdentityIds(): void {
  if (typeof sessionStorage === 'undefined') return;
  for (let i = sessionStorage.length - 1; i >= 0; i--) {
    const key = sessionStorage.key(i);
    if (key?.startsWith(PREFIX)) sessionStorage.removeItem(key);
  }
}
