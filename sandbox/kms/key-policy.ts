import { parseKeyPolicy, PolicyDocumentError } from '../../src/policy';
import { AwsError, malformedPolicy } from '../protocol/errors';
import type { KeyRecord } from '../store/records';
import type { OperationContext } from './operation';

/** The only key policy name KMS has. */
export const DEFAULT_POLICY_NAME = 'default';

/** AWS's default key policy: the account root may do everything, which delegates to IAM. */
export function defaultKeyPolicy(account: string): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: [
        {
          Sid: 'Enable IAM User Permissions',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${account}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    },
    null,
    2,
  );
}

/**
 * Checks the grammar of a key policy that CreateKey or PutKeyPolicy is about to attach, with the
 * same parser that enforces it, so a policy is refused here rather than silently allowing nothing
 * later. The reason names the statement and element at fault.
 */
export function validateKeyPolicy(policy: string): void {
  try {
    parseKeyPolicy(policy);
  } catch (error) {
    if (error instanceof PolicyDocumentError) throw malformedPolicy(error.message);
    throw error;
  }
}

/**
 * AWS's policy lockout safety check: the new policy must still let the caller call PutKeyPolicy
 * on the key, unless BypassPolicyLockoutSafetyCheck is set. `key` carries the proposed policy;
 * the decision is the sandbox's own authorization, so it can never disagree with enforcement.
 */
export function requireNoLockout(ctx: OperationContext, key: KeyRecord, bypass: boolean): void {
  if (bypass) return;
  try {
    ctx.authorize({ action: 'kms:PutKeyPolicy', key, region: key.region });
  } catch (error) {
    if (error instanceof AwsError && error.type === 'AccessDeniedException') {
      throw malformedPolicy(
        'The new key policy will not allow you to update the key policy in the future.',
      );
    }
    throw error;
  }
}
