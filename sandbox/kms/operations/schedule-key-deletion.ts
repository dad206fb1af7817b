import type {
  ScheduleKeyDeletionCommandInput,
  ScheduleKeyDeletionCommandOutput,
} from '@aws-sdk/client-kms';
import { requireNotPendingDeletion } from '../key-lookup';
import { ownKeyToChange } from '../key-management';
import { keyFamily, multiRegionKeyType } from '../multi-region';
import type { OperationContext } from '../operation';
import { addDays } from '../rotation';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<ScheduleKeyDeletionCommandOutput, '$metadata'>;

export const DEFAULT_PENDING_WINDOW_DAYS = 30;

/**
 * The key stops working at once (PendingDeletion) and is deleted for real, with its material,
 * aliases, grants and tags, once the deletion date passes (see maintenance.ts). A multi-Region
 * primary that still has replicas is never deleted first: it waits in PendingReplicaDeletion,
 * without a deletion date, until its last replica is deleted; then its waiting period begins.
 */
export function scheduleKeyDeletion(
  input: ScheduleKeyDeletionCommandInput,
  ctx: OperationContext,
): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  // The model allows 1–365, but KMS enforces the documented 7–30 in the same wording.
  const pendingWindowDays =
    v.integer('PendingWindowInDays', { min: 7, max: 30 }) ?? DEFAULT_PENDING_WINDOW_DAYS;
  v.done();

  const key = ownKeyToChange(ctx, keyId, 'ScheduleKeyDeletion', {
    'kms:ScheduleKeyDeletionPendingWindowInDays': pendingWindowDays,
  });
  requireNotPendingDeletion(key);

  if (multiRegionKeyType(key) === 'PRIMARY' && keyFamily(ctx.store, key).length > 1) {
    ctx.store.keys.update({
      ...key,
      keyState: 'PendingReplicaDeletion',
      deletionDate: undefined,
      pendingWindowDays,
    });
    return {
      KeyId: key.arn,
      KeyState: 'PendingReplicaDeletion',
      PendingWindowInDays: pendingWindowDays,
    };
  }
  const deletionDate = addDays(ctx.now, pendingWindowDays);
  ctx.store.keys.update({
    ...key,
    keyState: 'PendingDeletion',
    deletionDate,
    pendingWindowDays,
  });
  return {
    KeyId: key.arn,
    DeletionDate: deletionDate,
    KeyState: 'PendingDeletion',
    PendingWindowInDays: pendingWindowDays,
  };
}
