import type {
  ListKeyPoliciesCommandInput,
  ListKeyPoliciesCommandOutput,
} from '@aws-sdk/client-kms';
import { ownKeyToRead } from '../key-management';
import { DEFAULT_POLICY_NAME } from '../key-policy';
import type { OperationContext } from '../operation';
import { paginate, readPageRequest } from '../pagination';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<ListKeyPoliciesCommandOutput, '$metadata'>;

/** Every key has exactly one key policy, named "default". Works in every key state. */
export function listKeyPolicies(input: ListKeyPoliciesCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  const page = readPageRequest(v, { limit: 100, max: 1000 });
  v.done();

  ownKeyToRead(ctx, keyId, 'ListKeyPolicies');

  const { items, Truncated, NextMarker } = paginate([DEFAULT_POLICY_NAME], page, (name) => name);
  return { PolicyNames: items, Truncated, NextMarker };
}
