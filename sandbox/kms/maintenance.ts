import type { Store } from '../store/store';
import { rotateKeyMaterial } from './rotation';

/** Carries out what is due: keys whose deletion date has passed are deleted, due rotations run. */
export function runMaintenance(store: Store, now: Date): void {
  for (const key of store.keysDueForDeletion(now)) store.deleteKey(key.keyId);
  for (const key of store.keysDueForRotation(now)) rotateKeyMaterial(store, key, now, 'AUTOMATIC');
}
