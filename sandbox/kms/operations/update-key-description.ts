import type {
  UpdateKeyDescriptionCommandInput,
  UpdateKeyDescriptionCommandOutput,
} from '@aws-sdk/client-kms';
import { requireCustomerManaged, requireNotPendingDeletion } from '../key-lookup';
import { authorizeOwnKey, resolveManagedKey } from '../key-management';
import type { OperationContext } from '../operation';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<UpdateKeyDescriptionCommandOutput, '$metadata'>;

export function updateKeyDescription(
  input: UpdateKeyDescriptionCommandInput,
  ctx: OperationContext,
): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  const description = v.string('Description', { required: true, min: 0, max: 8192 });
  v.done();

  const { key } = resolveManagedKey(ctx, keyId);
  authorizeOwnKey(ctx, { action: 'kms:UpdateKeyDescription', key });
  requireCustomerManaged(key, 'UpdateKeyDescription');
  requireNotPendingDeletion(key);

  ctx.store.keys.update({ ...key, description: description });
  return {};
}
