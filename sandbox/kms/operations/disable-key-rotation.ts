import type {
  DisableKeyRotationCommandInput,
  DisableKeyRotationCommandOutput,
} from '@aws-sdk/client-kms';
import { requireCustomerManaged, requireEnabled } from '../key-lookup';
import { requireNotExternal } from '../imported-material';
import { authorizeOwnKey, requireRotatable, resolveManagedKey } from '../key-management';
import { requireNotReplica, updateFamily } from '../multi-region';
import type { OperationContext } from '../operation';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<DisableKeyRotationCommandOutput, '$metadata'>;

export function disableKeyRotation(
  input: DisableKeyRotationCommandInput,
  ctx: OperationContext,
): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  v.done();

  const { key } = resolveManagedKey(ctx, keyId);
  authorizeOwnKey(ctx, { action: 'kms:DisableKeyRotation', key });
  requireCustomerManaged(key, 'DisableKeyRotation');
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
