import {
  authorizeKmsRequest,
  buildKmsConditionKeys,
  createPolicyCache,
  formatAccessDenied,
  type KmsCallerIdentity,
  type KmsGrant,
  type PolicyDocument,
} from '../../src/policy';
import type { Principal } from '../identity/principal';
import { grantsFromTokens } from '../kms/grants';
import type { AuthorizationRequest } from '../kms/operation';
import { AwsError } from '../protocol/errors';
import type { GrantRecord } from '../store/records';
import type { Store } from '../store/store';
import type { Authorizer } from './authorizer';

const callerIdentity = (caller: Principal): KmsCallerIdentity => ({
  arn: caller.arn,
  account: caller.account,
  type: caller.type,
  userId: caller.userId,
  ...(caller.roleArn ? { roleArn: caller.roleArn } : {}),
  ...(caller.username ? { username: caller.username } : {}),
});

const toKmsGrant = (grant: GrantRecord): KmsGrant => ({
  grantId: grant.grantId,
  granteePrincipal: grant.granteePrincipal,
  operations: grant.operations,
  ...(grant.constraints
    ? {
        constraints: {
          ...(grant.constraints.EncryptionContextSubset
            ? { encryptionContextSubset: grant.constraints.EncryptionContextSubset }
            : {}),
          ...(grant.constraints.EncryptionContextEquals
            ? { encryptionContextEquals: grant.constraints.EncryptionContextEquals }
            : {}),
        },
      }
    : {}),
});

/**
 * Authorization as KMS does it, decided by the pure evaluator in src/policy (the same code the
 * console uses to explain denials): key policy, the caller's IAM policies, session policies and
 * the key's grants. Policies are parsed once per distinct text.
 */
export function createKmsAuthorizer(): Authorizer {
  const cache = createPolicyCache(2000);
  const identityPolicy = (json: string): PolicyDocument =>
    cache.get(json, { principal: 'forbidden' });

  return {
    authorize(caller: Principal, request: AuthorizationRequest, store: Store, now: Date): void {
      const key = request.key;
      // Grants take effect at once in the sandbox, so tokens add no grants; a token that names no
      // live grant, or is not ours, is still refused as KMS refuses it.
      if (request.grantTokens) grantsFromTokens(store, request.grantTokens);
      let keyPolicy: PolicyDocument | undefined;
      if (key) {
        try {
          keyPolicy = cache.get(key.policy, { principal: 'required' });
        } catch {
          // A stored policy that no longer parses allows nothing, exactly like an empty one.
          keyPolicy = { statements: [] };
        }
      }
      const conditionKeys = buildKmsConditionKeys({
        caller: callerIdentity(caller),
        encryptionContext: request.encryptionContext,
        requestAlias: request.requestAlias,
        resourceAliases: key
          ? store.listAliasesForKey(key.keyId).map((a) => a.aliasName)
          : undefined,
        keySpec: key?.keySpec,
        keyUsage: key?.keyUsage,
        keyOrigin: key?.origin,
        currentTime: now,
        secureTransport: false,
        extra: request.conditionKeys,
      });
      const result = authorizeKmsRequest({
        keyPolicy,
        keyArn: key?.arn,
        keyAccount: key?.account,
        principal: callerIdentity(caller),
        identityPolicies: caller.identityPolicies.map(identityPolicy),
        sessionPolicies: caller.sessionPolicies.map(identityPolicy),
        grants: key ? store.listGrantsForKey(key.keyId).map(toKmsGrant) : [],
        action: request.action,
        conditionKeys,
        encryptionContext: request.encryptionContext,
      });
      if (result.allowed) return;
      throw new AwsError(
        'AccessDeniedException',
        formatAccessDenied({
          principalArn: caller.arn,
          action: request.action,
          resource: key?.arn ?? '*',
          kind: result.reason === 'explicit-deny' ? 'explicit-deny' : 'no-allow',
          policyType: result.policyType ?? 'identity-based',
        }),
      );
    },
  };
}
