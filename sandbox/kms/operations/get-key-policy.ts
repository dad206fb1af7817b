import type { GetKeyPolicyCommandInput, GetKeyPolicyCommandOutput } from '@aws-sdk/client-kms';
import { ownKeyToRead } from '../key-management';
import { DEFAULT_POLICY_NAME, readPolicyName, requireDefaultPolicyName } from '../key-policy';
import type { OperationContext } from '../operation';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<GetKeyPolicyCommandOutput, '$metadata'>;

/** Works in every key state. */
export function getKeyPolicy(input: GetKeyPolicyCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  const policyName = readPolicyName(v);
  v.done();

  const key = ownKeyToRead(ctx, keyId, 'GetKeyPolicy');
  requireDefaultPolicyName(policyName);

  return { Policy: key.policy, PolicyName: DEFAULT_POLICY_NAME };
}
