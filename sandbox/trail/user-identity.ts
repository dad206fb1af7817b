import type { Credential } from '../identity/principal';
import { trailTime, type UserIdentity } from './record';

/** A role ARN's last segment: `arn:aws:iam::111122223333:role/KmsOperator` → `KmsOperator`. */
const roleName = (roleArn: string) => roleArn.slice(roleArn.lastIndexOf('/') + 1);

/**
 * CloudTrail's userIdentity for a signed request: an IAM user with its access key, or a role
 * session with the role that issued it, when, and (for Cognito identity pool credentials) the
 * web identity behind it. Built from the credential, so it never holds a secret.
 */
export function userIdentityOf(credential: Credential): UserIdentity {
  const principal = credential.principal;
  if (principal.type === 'assumed-role' && principal.roleArn) {
    const colon = principal.userId.indexOf(':');
    const roleId = colon === -1 ? principal.userId : principal.userId.slice(0, colon);
    return {
      type: 'AssumedRole',
      principalId: principal.userId,
      arn: principal.arn,
      accountId: principal.account,
      accessKeyId: credential.accessKeyId,
      sessionContext: {
        sessionIssuer: {
          type: 'Role',
          principalId: roleId,
          arn: principal.roleArn,
          accountId: principal.account,
          userName: roleName(principal.roleArn),
        },
        ...(credential.webIdentity
          ? {
              webIdFederationData: {
                federatedProvider: credential.webIdentity.provider,
                attributes: credential.webIdentity.attributes,
              },
            }
          : {}),
        attributes: {
          ...(credential.issuedAt ? { creationDate: trailTime(credential.issuedAt) } : {}),
          mfaAuthenticated: 'false',
        },
      },
    };
  }
  return {
    type: principal.type === 'root' ? 'Root' : 'IAMUser',
    principalId: principal.userId,
    arn: principal.arn,
    accountId: principal.account,
    accessKeyId: credential.accessKeyId,
    ...(principal.username ? { userName: principal.username } : {}),
  };
}

/**
 * LookupEvents' `Username`: the IAM user's name, or a role session's session name (what
 * CloudTrail's Event history shows in its "User name" column).
 */
export function lookupUsername(credential: Credential): string {
  const principal = credential.principal;
  if (principal.username) return principal.username;
  return principal.arn.slice(principal.arn.lastIndexOf('/') + 1);
}

/** Unsigned calls (Cognito sign-in): CloudTrail knows no caller. */
export const ANONYMOUS: UserIdentity = { type: 'Unknown', principalId: 'Anonymous' };
