import {
  authorizeKmsRequest,
  buildKmsConditionKeys,
  formatAccessDenied,
  parsePolicyDocument,
  type KmsCallerIdentity,
  type KmsGrant,
  type ParsePolicyOptions,
  type PolicyDocument,
} from '../../src/policy';
import type { Principal } from '../identity/principal';
import { grantsFromTokens } from '../kms/grants';
import { multiRegionConditionInputs } from '../kms/multi-region';
import type { AuthorizationRequest } from '../kms/operation';
import { accessDenied } from '../protocol/errors';
import type { AliasRecord, GrantRecord } from '../store/records';
import { BoundedMap } from '../store/bounded-map';
import type { AuthorizationScope, Authorizer } from './authorizer';

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

/** A stored key policy that no longer parses allows nothing, exactly like an empty one. */
const UNPARSABLE_POLICY: PolicyDocument = { statements: [] };

/**
 * Parsed documents keyed by their exact text. Keying by the text itself (not a derived string)
 * keeps a hit cheap: the store hands out the same string for an unchanged key, and V8 remembers
 * a string's hash. A changed policy is a different text, so no invalidation is needed.
 */
function policyParser(options: ParsePolicyOptions, onError?: PolicyDocument) {
  const parsed = new BoundedMap<string, PolicyDocument>(2000);
  return (json: string): PolicyDocument => {
    let document = parsed.get(json);
    if (document === undefined) {
      try {
        document = parsePolicyDocument(json, options);
      } catch (error) {
        if (!onError) throw error;
        document = onError;
      }
      parsed.set(json, document);
    }
    return document;
  };
}

interface CallerView {
  identity: KmsCallerIdentity;
  identityPolicies: PolicyDocument[];
  sessionPolicies: PolicyDocument[];
}

/**
 * Authorization as KMS does it, decided by the pure evaluator in src/policy (the same code the
 * console uses to explain denials): key policy, the caller's IAM policies, session policies and
 * the key's grants. Policies are parsed once per distinct text; what is derived from a caller,
 * or from a key's (cached, immutable) alias and grant lists, is derived once per such object.
 */
export function createKmsAuthorizer(): Authorizer {
  const keyPolicy = policyParser({ principal: 'required' }, UNPARSABLE_POLICY);
  const identityPolicy = policyParser({ principal: 'forbidden' });
  const callers = new WeakMap<Principal, CallerView>();
  const aliasNames = new WeakMap<readonly AliasRecord[], string[]>();
  const kmsGrants = new WeakMap<readonly GrantRecord[], KmsGrant[]>();

  const callerView = (caller: Principal): CallerView => {
    let view = callers.get(caller);
    if (!view) {
      view = {
        identity: callerIdentity(caller),
        identityPolicies: caller.identityPolicies.map(identityPolicy),
        sessionPolicies: caller.sessionPolicies.map(identityPolicy),
      };
      callers.set(caller, view);
    }
    return view;
  };
  const resourceAliases = (aliases: readonly AliasRecord[]): string[] => {
    let names = aliasNames.get(aliases);
    if (!names) {
      names = aliases.map((a) => a.aliasName);
      aliasNames.set(aliases, names);
    }
    return names;
  };
  const keyGrants = (grants: readonly GrantRecord[]): KmsGrant[] => {
    let converted = kmsGrants.get(grants);
    if (!converted) {
      converted = grants.map(toKmsGrant);
      kmsGrants.set(grants, converted);
    }
    return converted;
  };

  return {
    authorize(scope: AuthorizationScope, request: AuthorizationRequest): void {
      const { caller, store, now } = scope;
      const key = request.key;
      // Grants take effect at once in the sandbox, so tokens add no grants; a token that names no
      // live grant, or is not ours, is still refused as KMS refuses it.
      if (request.grantTokens) grantsFromTokens(store, request.grantTokens);
      const view = callerView(caller);
      const conditionKeys = buildKmsConditionKeys({
        caller: view.identity,
        encryptionContext: request.encryptionContext,
        requestAlias: request.requestAlias,
        resourceAliases: key ? resourceAliases(store.aliases.listForKey(key)) : undefined,
        keySpec: key?.keySpec,
        keyUsage: key?.keyUsage,
        keyOrigin: key?.origin,
        ...(key ? multiRegionConditionInputs(key) : {}),
        requestedRegion: request.region ?? scope.region,
        currentTime: now,
        secureTransport: false,
        ...request.conditionInput,
        extra: request.conditionKeys,
      });
      const result = authorizeKmsRequest({
        keyPolicy: key ? keyPolicy(key.policy) : undefined,
        keyArn: key?.arn,
        keyAccount: key?.account,
        principal: view.identity,
        identityPolicies: view.identityPolicies,
        sessionPolicies: view.sessionPolicies,
        grants: key ? keyGrants(store.grants.listForKey(key)) : [],
        action: request.action,
        conditionKeys,
        encryptionContext: request.encryptionContext,
      });
      if (result.allowed) return;
      throw accessDenied(
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
