import type { DisableKeyCommandInput, DisableKeyCommandOutput } from '@aws-sdk/client-kms';
import { requireNotPendingDeletion, requireNotPendingImport } from '../key-lookup';
import { ownKeyToChange, readKeyIdOnly } from '../key-management';
import type { OperationContext } from '../operation';

type Output = Omit<DisableKeyCommandOutput, '$metadata'>;

/** Disabling a disabled key is a no-op that succeeds, as in KMS. */
export function disableKey(input: DisableKeyCommandInput, ctx: OperationContext): Output {
  const key = ownKeyToChange(ctx, readKeyIdOnly(input), 'DisableKey');
  requireNotPendingDeletion(key);
  requireNotPendingImport(key);

  if (key.keyState !== 'Disabled') ctx.store.keys.update({ ...key, keyState: 'Disabled' });
  return {};
}
