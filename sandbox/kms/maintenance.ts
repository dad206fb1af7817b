import type { Store } from '../store/store';
import { rotateKeyMaterial } from './rotation';

/** Carries out what is due: keys whose deletion date has passed are deleted, due rotations run. */
export function runMaintenance(store: Store, now: Date): void {
  for (const key of store.keys.dueForDeletion(now)) store.keys.delete(key.keyId);
  for (const key of store.keys.dueForRotation(now)) rotateKeyMaterial(store, key, now, 'AUTOMATIC');
}
