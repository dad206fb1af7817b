import { roleArnOfSession, type KmsCallerIdentity } from '../../../policy';

/**
 * The principal a check runs as, from STS GetCallerIdentity (or, when STS did not answer, from
 * the principal AWS named in an AccessDenied message). Policies are evaluated for it exactly as
 * KMS does: a role session also matches statements that name its role.
 */
export type Caller = KmsCallerIdentity;

const ACCOUNT = /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/;

export function callerFromArn(arn: string, account?: string): Caller | undefined {
  const accountOfArn = ACCOUNT.exec(arn)?.[1];
  const resolvedAccount = account ?? accountOfArn;
  if (resolvedAccount === undefined) return undefined;
  if (arn.includes(':assumed-role/')) {
    const roleArn = roleArnOfSession(arn);
    return { arn, account: resolvedAccount, type: 'assumed-role', ...(roleArn ? { roleArn } : {}) };
  }
  if (arn.endsWith(':root')) return { arn, account: resolvedAccount, type: 'root' };
  return { arn, account: resolvedAccount, type: 'user' };
}

/** The ARN to name in policies and grants: the role for a role session, else the caller. */
export function principalArnOf(caller: Caller): string {
  return caller.roleArn ?? caller.arn;
}

/** "role KmsOperator", "user admin", "account 111122223333". */
export function describePrincipal(caller: Caller): string {
  const arn = principalArnOf(caller);
  const role = /:role\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (role) return `role ${role[1]}`;
  const user = /:user\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (user) return `user ${user[1]}`;
  if (caller.type === 'root') return `account ${caller.account} (root user)`;
  return arn;
}
