import { evaluatePolicy, parseIdentityPolicy, type PolicyDocument } from '../../../policy';
import type { Caller } from './caller';

/**
 * The KMS part of AWS's managed policy AmazonCognitoUnAuthedIdentitiesSessionPolicy, which
 * Cognito attaches as a session policy to every guest (unauthenticated) identity's credentials
 * in the enhanced flow. It is public, so the console may use it against real AWS too: a guest
 * can never do more than this, whatever its role allows.
 */
export const COGNITO_GUEST_SESSION_POLICY_NAME = 'AmazonCognitoUnAuthedIdentitiesSessionPolicy';

const COGNITO_GUEST_KMS_ACTIONS = [
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:ReEncryptTo',
  'kms:ReEncryptFrom',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyPair',
  'kms:GenerateDataKeyPairWithoutPlaintext',
  'kms:GenerateDataKeyWithoutPlaintext',
];

let parsed: PolicyDocument | undefined;

function guestSessionPolicy(): PolicyDocument {
  parsed ??= parseIdentityPolicy({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: COGNITO_GUEST_KMS_ACTIONS, Resource: '*' }],
  });
  return parsed;
}

/** Whether Cognito's guest session policy allows `action` (e.g. `kms:Decrypt`). */
export function guestSessionAllows(caller: Caller, action: string, resource = '*'): boolean {
  const evaluation = evaluatePolicy(guestSessionPolicy(), {
    principal: { arn: caller.arn, account: caller.account },
    action,
    resource,
  });
  return evaluation.decision === 'Allow';
}
