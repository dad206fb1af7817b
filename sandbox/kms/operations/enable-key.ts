import type { EnableKeyCommandInput, EnableKeyCommandOutput } from '@aws-sdk/client-kms';
import {
  requireCustomerManaged,
  requireNotPendingDeletion,
  requireNotPendingImport,
} from '../key-lookup';
import { authorizeOwnKey, resolveManagedKey } from '../key-management';
import type { OperationContext } from '../operation';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<EnableKeyCommandOutput, '$metadata'>;

/** Enabling an enabled key is a no-op that succeeds, as in KMS. */
export function enableKey(input: EnableKeyCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  v.done();

  const { key } = resolveManagedKey(ctx, keyId);
  authorizeOwnKey(ctx, { action: 'kms:EnableKey', key });
  requireCustomerManaged(key, 'EnableKey');
  requireNotPendingDeletion(key);
  requireNotPendingImport(key);

  if (key.keyState !== 'Enabled') ctx.store.keys.update({ ...key, keyState: 'Enabled' });
  return {};
}
