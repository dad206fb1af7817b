import type { EnableKeyCommandInput, EnableKeyCommandOutput } from '@aws-sdk/client-kms';
import { requireNotPendingDeletion, requireNotPendingImport } from '../key-lookup';
import { ownKeyToChange, readKeyIdOnly } from '../key-management';
import type { OperationContext } from '../operation';

type Output = Omit<EnableKeyCommandOutput, '$metadata'>;

/** Enabling an enabled key is a no-op that succeeds, as in KMS. */
export function enableKey(input: EnableKeyCommandInput, ctx: OperationContext): Output {
  const key = ownKeyToChange(ctx, readKeyIdOnly(input), 'EnableKey');
  requireNotPendingDeletion(key);
  requireNotPendingImport(key);

  if (key.keyState !== 'Enabled') ctx.store.keys.update({ ...key, keyState: 'Enabled' });
  return {};
}
