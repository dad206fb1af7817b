import { unrecognizedClient } from '../protocol/errors';
import type { Credential, CredentialResolver, Principal } from './principal';

export interface IamUser {
  account: string;
  name: string;
  userId: string;
  accessKeyId: string;
  secretAccessKey: string;
  policies: string[];
}

export interface NamedPolicyDocument {
  name: string;
  /** The policy JSON. */
  document: string;
}

export interface IamRole {
  account: string;
  name: string;
  roleId: string;
  policies: string[];
}

export function userPrincipal(user: IamUser): Principal {
  return {
    arn: `arn:aws:iam::${user.account}:user/${user.name}`,
    account: user.account,
    userId: user.userId,
    type: 'user',
    username: user.name,
    identityPolicies: user.policies,
    sessionPolicies: [],
  };
}

export function roleSessionPrincipal(
  role: IamRole,
  sessionName: string,
  sessionPolicies: string[],
): Principal {
  return {
    arn: `arn:aws:sts::${role.account}:assumed-role/${role.name}/${sessionName}`,
    account: role.account,
    userId: `${role.roleId}:${sessionName}`,
    type: 'assumed-role',
    roleArn: `arn:aws:iam::${role.account}:role/${role.name}`,
    identityPolicies: role.policies,
    sessionPolicies,
  };
}

/**
 * The IAM side of the sandbox: users with long-term access keys and roles that temporary
 * credentials assume. Temporary credentials are resolved by a chained resolver (see sessions).
 */
export class IdentityDirectory implements CredentialResolver {
  /** Built once: users never change, and one principal object per user lets authorization memoize. */
  private readonly credentialsByAccessKey = new Map<string, Credential>();
  private readonly roles = new Map<string, IamRole>();
  private readonly users = new Map<string, IamUser>();

  constructor(users: IamUser[], roles: IamRole[]) {
    for (const user of users) {
      this.users.set(`arn:aws:iam::${user.account}:user/${user.name}`, user);
      this.credentialsByAccessKey.set(
        user.accessKeyId,
        Object.freeze({
          accessKeyId: user.accessKeyId,
          secretAccessKey: user.secretAccessKey,
          principal: Object.freeze(userPrincipal(user)),
        }),
      );
    }
    for (const role of roles)
      this.roles.set(`arn:aws:iam::${role.account}:role/${role.name}`, role);
  }

  role(roleArn: string): IamRole | undefined {
    return this.roles.get(roleArn);
  }

  /**
   * The identity-based policies of a user or role (a role session's are its role's), named
   * `<name>Policy`, `<name>Policy2`…; undefined for principals the sandbox does not know.
   */
  identityPolicies(principalArn: string): NamedPolicyDocument[] | undefined {
    const session = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\//.exec(principalArn);
    const arn = session ? `arn:aws:iam::${session[1]}:role/${session[2]}` : principalArn;
    const owner = this.roles.get(arn) ?? this.users.get(arn);
    if (!owner) return undefined;
    return owner.policies.map((document, index) => ({
      name: `${owner.name}Policy${index === 0 ? '' : index + 1}`,
      document,
    }));
  }

  /**
   * A long-term access key signs alone: AWS answers a session token sent with an AKIA key as an
   * unrecognized client, whatever the token is.
   */
  resolve(accessKeyId: string, sessionToken: string | undefined): Credential {
    const credential = this.credentialsByAccessKey.get(accessKeyId);
    if (!credential || sessionToken !== undefined) throw unrecognizedClient();
    return credential;
  }
}
