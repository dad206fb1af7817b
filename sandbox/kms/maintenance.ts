import type { Store } from '../store/store';
import { expireImportedMaterial } from './imported-material';
import { rotateKeyMaterial } from './rotation';

/** An unused import token is kept this long past its expiry, to say "expired" rather than "invalid". */
const EXPIRED_TOKEN_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Carries out what is due: keys whose deletion date has passed are deleted, imported material
 * whose ValidTo has passed is deleted, due rotations run.
 */
export function runMaintenance(store: Store, now: Date): void {
  for (const key of store.keys.dueForDeletion(now)) store.keys.delete(key);
  expireImportedMaterial(store, now);
  store.importTokens.deleteExpired(new Date(now.getTime() - EXPIRED_TOKEN_RETENTION_MS));
  for (const key of store.keys.dueForRotation(now)) rotateKeyMaterial(store, key, now, 'AUTOMATIC');
}
