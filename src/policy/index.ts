export {
  parsePolicyDocument,
  parseKeyPolicy,
  parseIdentityPolicy,
  PolicyDocumentError,
  type Effect,
  type ElementList,
  type ElementMatcher,
  type ParsePolicyOptions,
  type PolicyDocument,
  type PolicyStatement,
  type PolicyVersion,
  type StatementPrincipal,
} from './document.js';
export {
  CONDITION_OPERATORS,
  conditionRemedy,
  evaluateCondition,
  explainCondition,
  type CompiledCondition,
  type ConditionExplanation,
  type ConditionRemedy,
  type ConditionOperator,
  type SetOperator,
} from './conditions.js';
export type { NormalizedPrincipal, PrincipalMatch, PrincipalType } from './principal.js';
export {
  PreparedRequest,
  prepareRequest,
  type ConditionKeys,
  type ConditionValue,
  type RequestContext,
  type RequestPrincipal,
} from './request.js';
export {
  evaluatePolicy,
  explainPolicy,
  explainStatement,
  type Decision,
  type MatchedStatement,
  type PolicyEvaluation,
  type PolicyExplanation,
  type StatementExplanation,
} from './evaluate.js';
export {
  buildKmsConditionKeys,
  roleArnOfSession,
  ENCRYPTION_CONTEXT_KEY_PREFIX,
  type KmsCallerIdentity,
  type KmsConditionInput,
  type KmsPrincipalType,
} from './kms-condition-keys.js';
export {
  authorizeKmsRequest,
  explainKmsAuthorization,
  type CoveringStatement,
  type DecidingStatement,
  type GrantFinding,
  type KmsAuthorizationExplanation,
  type KmsAuthorizationInput,
  type KmsAuthorizationResult,
  type KmsGrant,
  type KmsGrantConstraints,
  type NamedPolicy,
  type PolicyInput,
} from './kms-authorize.js';
export {
  formatAccessDenied,
  parseAccessDenied,
  type AccessDeniedDetails,
  type AccessDeniedKind,
  type AccessDeniedPolicyType,
  type ParsedAccessDenied,
  type PolicyType,
} from './access-denied.js';
export { createPolicyCache, type PolicyCache } from './policy-cache.js';
