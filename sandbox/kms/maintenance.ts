import type { KeyRecord } from '../store/records';
import type { Store } from '../store/store';
import { expireImportedMaterial } from './imported-material';
import { multiRegionKeyType } from './multi-region';
import { DEFAULT_PENDING_WINDOW_DAYS } from './operations/schedule-key-deletion';
import { addDays, rotateKeyMaterial } from './rotation';

/** An unused import token is kept this long past its expiry, to say "expired" rather than "invalid". */
const EXPIRED_TOKEN_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Carries out what is due: keys whose deletion date has passed are deleted, imported material
 * whose ValidTo has passed is deleted, due rotations run.
 */
export function runMaintenance(store: Store, now: Date): void {
  for (const key of store.keys.dueForDeletion(now)) {
    store.transaction(() => {
      store.keys.delete(key);
      startPrimaryDeletion(store, key, now);
    });
  }
  expireImportedMaterial(store, now);
  store.importTokens.deleteExpired(new Date(now.getTime() - EXPIRED_TOKEN_RETENTION_MS));
  for (const key of store.keys.dueForRotation(now)) rotateKeyMaterial(store, key, now, 'AUTOMATIC');
}

/**
 * A multi-Region primary scheduled for deletion while it had replicas waits in
 * PendingReplicaDeletion; when its last replica is deleted (not just scheduled), it becomes
 * PendingDeletion and its waiting period begins, as ScheduleKeyDeletion documents.
 */
function startPrimaryDeletion(store: Store, deleted: KeyRecord, now: Date): void {
  if (multiRegionKeyType(deleted) !== 'REPLICA') return;
  const related = store.keys.related(deleted);
  const primary = related.find((key) => key.region === deleted.primaryRegion);
  if (primary?.keyState !== 'PendingReplicaDeletion' || related.length > 1) return;
  store.keys.update({
    ...primary,
    keyState: 'PendingDeletion',
    deletionDate: addDays(now, primary.pendingWindowDays ?? DEFAULT_PENDING_WINDOW_DAYS),
  });
}
