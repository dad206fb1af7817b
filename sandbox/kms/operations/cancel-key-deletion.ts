import type {
  CancelKeyDeletionCommandInput,
  CancelKeyDeletionCommandOutput,
} from '@aws-sdk/client-kms';
import { invalidState } from '../../protocol/errors';
import { isPendingDeletion } from '../key-lookup';
import { stateAfterCancelledDeletion } from '../imported-material';
import { ownKeyToChange, readKeyIdOnly } from '../key-management';
import type { OperationContext } from '../operation';

type Output = Omit<CancelKeyDeletionCommandOutput, '$metadata'>;

/**
 * The key comes back Disabled, whatever it was before, as KMS does: EnableKey restores it. A key
 * whose imported material was deleted or expired meanwhile comes back PendingImport.
 */
export function cancelKeyDeletion(
  input: CancelKeyDeletionCommandInput,
  ctx: OperationContext,
): Output {
  const key = ownKeyToChange(ctx, readKeyIdOnly(input), 'CancelKeyDeletion');
  if (!isPendingDeletion(key)) throw invalidState(`${key.arn} is not pending deletion.`);

  ctx.store.keys.update({
    ...key,
    keyState: stateAfterCancelledDeletion(ctx.store, key),
    deletionDate: undefined,
    pendingWindowDays: undefined,
  });
  return { KeyId: key.arn };
}
