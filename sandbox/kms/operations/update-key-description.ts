import type {
  UpdateKeyDescriptionCommandInput,
  UpdateKeyDescriptionCommandOutput,
} from '@aws-sdk/client-kms';
import { requireNotPendingDeletion } from '../key-lookup';
import { ownKeyToChange } from '../key-management';
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

  const key = ownKeyToChange(ctx, keyId, 'UpdateKeyDescription');
  requireNotPendingDeletion(key);

  ctx.store.keys.update({ ...key, description: description });
  return {};
}
