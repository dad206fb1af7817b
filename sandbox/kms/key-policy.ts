import { parseKeyPolicy, PolicyDocumentError } from '../../src/policy';
import { AwsError, malformedPolicy, notFound } from '../protocol/errors';
import { POLICY_NAME_PATTERN } from './model-patterns';
import type { KeyRecord } from '../store/records';
import type { OperationContext } from './operation';
import type { InputValidator } from './validation';

/** The only key policy name KMS has. */
export const DEFAULT_POLICY_NAME = 'default';

/** PolicyName of GetKeyPolicy and PutKeyPolicy: optional, the default policy when left out. */
export const readPolicyName = (v: InputValidator) =>
  v.string('PolicyName', { min: 1, max: 128, ...POLICY_NAME_PATTERN }) ?? DEFAULT_POLICY_NAME;

/** A key has one policy; KMS answers any other name, once the caller is authorized, like this. */
export function requireDefaultPolicyName(policyName: string): void {
  if (policyName !== DEFAULT_POLICY_NAME) throw notFound('No such policy exists');
}

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
