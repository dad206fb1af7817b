import type {
  ScheduleKeyDeletionCommandInput,
  ScheduleKeyDeletionCommandOutput,
} from '@aws-sdk/client-kms';
import { requireCustomerManaged, requireNotPendingDeletion } from '../key-lookup';
import { authorizeOwnKey, resolveManagedKey } from '../key-management';
import type { OperationContext } from '../operation';
import { addDays } from '../rotation';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<ScheduleKeyDeletionCommandOutput, '$metadata'>;

const DEFAULT_PENDING_WINDOW_DAYS = 30;

/**
 * The key stops working at once (PendingDeletion) and is deleted for real, with its material,
 * aliases, grants and tags, once the deletion date passes (see maintenance.ts).
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

  const { key } = resolveManagedKey(ctx, keyId);
  authorizeOwnKey(ctx, {
    action: 'kms:ScheduleKeyDeletion',
    key,
    conditionKeys: { 'kms:ScheduleKeyDeletionPendingWindowInDays': pendingWindowDays },
  });
  requireCustomerManaged(key, 'ScheduleKeyDeletion');
  requireNotPendingDeletion(key);

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
