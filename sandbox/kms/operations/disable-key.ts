import type { DisableKeyCommandInput, DisableKeyCommandOutput } from '@aws-sdk/client-kms';
import {
  requireCustomerManaged,
  requireNotPendingDeletion,
  requireNotPendingImport,
} from '../key-lookup';
import { authorizeOwnKey, resolveManagedKey } from '../key-management';
import type { OperationContext } from '../operation';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<DisableKeyCommandOutput, '$metadata'>;

/** Disabling a disabled key is a no-op that succeeds, as in KMS. */
export function disableKey(input: DisableKeyCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  v.done();

  const { key } = resolveManagedKey(ctx, keyId);
  authorizeOwnKey(ctx, { action: 'kms:DisableKey', key });
  requireCustomerManaged(key, 'DisableKey');
  requireNotPendingDeletion(key);
  requireNotPendingImport(key);

  if (key.keyState !== 'Disabled') ctx.store.keys.update({ ...key, keyState: 'Disabled' });
  return {};
}
