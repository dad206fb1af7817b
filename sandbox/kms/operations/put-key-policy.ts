import type { PutKeyPolicyCommandInput, PutKeyPolicyCommandOutput } from '@aws-sdk/client-kms';
import { notFound } from '../../protocol/errors';
import { requireCustomerManaged } from '../key-lookup';
import { authorizeOwnKey, resolveManagedKey } from '../key-management';
import { DEFAULT_POLICY_NAME, requireNoLockout, validateKeyPolicy } from '../key-policy';
import { POLICY_NAME_PATTERN, POLICY_PATTERN } from '../model-patterns';
import type { OperationContext } from '../operation';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<PutKeyPolicyCommandOutput, '$metadata'>;

/** Works in every key state, so a key pending deletion can still be given a working policy. */
export function putKeyPolicy(input: PutKeyPolicyCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  const policyName =
    v.string('PolicyName', { min: 1, max: 128, ...POLICY_NAME_PATTERN }) ?? DEFAULT_POLICY_NAME;
  const policy = v.string('Policy', { required: true, min: 1, max: 131072, ...POLICY_PATTERN });
  const bypass = v.boolean('BypassPolicyLockoutSafetyCheck') ?? false;
  v.done();

  const { key } = resolveManagedKey(ctx, keyId);
  authorizeOwnKey(ctx, {
    action: 'kms:PutKeyPolicy',
    key,
    conditionKeys: { 'kms:BypassPolicyLockoutSafetyCheck': bypass },
  });
  requireCustomerManaged(key, 'PutKeyPolicy');
  if (policyName !== DEFAULT_POLICY_NAME) throw notFound('No such policy exists');
  validateKeyPolicy(policy);
  const updated = { ...key, policy };
  requireNoLockout(ctx, updated, bypass);

  ctx.store.keys.update(updated);
  return {};
}
