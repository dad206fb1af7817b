import type {
  DisableKeyRotationCommandInput,
  DisableKeyRotationCommandOutput,
} from '@aws-sdk/client-kms';
import { requireEnabled } from '../key-lookup';
import { requireNotExternal } from '../imported-material';
import { ownKeyToChange, readKeyIdOnly, requireRotatable } from '../key-management';
import { requireNotReplica, updateFamily } from '../multi-region';
import type { OperationContext } from '../operation';

type Output = Omit<DisableKeyRotationCommandOutput, '$metadata'>;

export function disableKeyRotation(
  input: DisableKeyRotationCommandInput,
  ctx: OperationContext,
): Output {
  const key = ownKeyToChange(ctx, readKeyIdOnly(input), 'DisableKeyRotation');
  requireRotatable(key, 'DisableKeyRotation');
  requireNotExternal(key);
  requireNotReplica(key);
  requireEnabled(key);

  // Automatic rotation is a shared property of related multi-Region keys.
  updateFamily(ctx.store, key, (related) => ({
    ...related,
    rotationEnabled: false,
    rotationPeriodDays: undefined,
    nextRotationDate: undefined,
  }));
  return {};
}
