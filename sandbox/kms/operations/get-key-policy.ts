import type { GetKeyPolicyCommandInput, GetKeyPolicyCommandOutput } from '@aws-sdk/client-kms';
import { notFound } from '../../protocol/errors';
import { authorizeOwnKey, resolveManagedKey } from '../key-management';
import { DEFAULT_POLICY_NAME } from '../key-policy';
import { POLICY_NAME_PATTERN } from '../model-patterns';
import type { OperationContext } from '../operation';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<GetKeyPolicyCommandOutput, '$metadata'>;

/** Works in every key state. */
export function getKeyPolicy(input: GetKeyPolicyCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  const policyName =
    v.string('PolicyName', { min: 1, max: 128, ...POLICY_NAME_PATTERN }) ?? DEFAULT_POLICY_NAME;
  v.done();

  const { key } = resolveManagedKey(ctx, keyId);
  authorizeOwnKey(ctx, { action: 'kms:GetKeyPolicy', key });
  if (policyName !== DEFAULT_POLICY_NAME) throw notFound('No such policy exists');

  return { Policy: key.policy, PolicyName: DEFAULT_POLICY_NAME };
}
