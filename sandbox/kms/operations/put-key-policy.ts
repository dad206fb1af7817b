import type { PutKeyPolicyCommandInput, PutKeyPolicyCommandOutput } from '@aws-sdk/client-kms';
import { ownKeyToChange } from '../key-management';
import {
  readPolicyName,
  requireDefaultPolicyName,
  requireNoLockout,
  validateKeyPolicy,
} from '../key-policy';
import { POLICY_PATTERN } from '../model-patterns';
import type { OperationContext } from '../operation';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<PutKeyPolicyCommandOutput, '$metadata'>;

/** Works in every key state, so a key pending deletion can still be given a working policy. */
export function putKeyPolicy(input: PutKeyPolicyCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  const policyName = readPolicyName(v);
  const policy = v.string('Policy', { required: true, min: 1, max: 131072, ...POLICY_PATTERN });
  const bypass = v.boolean('BypassPolicyLockoutSafetyCheck') ?? false;
  v.done();

  const key = ownKeyToChange(ctx, keyId, 'PutKeyPolicy', {
    'kms:BypassPolicyLockoutSafetyCheck': bypass,
  });
  requireDefaultPolicyName(policyName);
  validateKeyPolicy(policy);
  const updated = { ...key, policy };
  requireNoLockout(ctx, updated, bypass);

  ctx.store.keys.update(updated);
  return {};
}
