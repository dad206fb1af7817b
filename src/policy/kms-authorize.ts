import type { PolicyType } from './access-denied.js';
import type { ConditionExplanation } from './conditions.js';
import type { Effect, PolicyDocument } from './document.js';
import { evaluatePolicy, explainStatement, type MatchedStatement } from './evaluate.js';
import {
  ENCRYPTION_CONTEXT_KEY_PREFIX,
  roleArnOfSession,
  type KmsCallerIdentity,
} from './kms-condition-keys.js';
import { PreparedRequest, type ConditionKeys, type RequestPrincipal } from './request.js';

export interface NamedPolicy {
  readonly name?: string;
  readonly document: PolicyDocument;
}

export type PolicyInput = PolicyDocument | NamedPolicy;

export interface KmsGrantConstraints {
  readonly encryptionContextSubset?: Readonly<Record<string, string>>;
  readonly encryptionContextEquals?: Readonly<Record<string, string>>;
}

export interface KmsGrant {
  readonly grantId?: string;
  readonly name?: string;
  /** A user, role or account root ARN, an account id, or a service principal. */
  readonly granteePrincipal: string;
  /** Grant operation names as in CreateGrant: `Encrypt`, `Decrypt`, `ReEncryptFrom`, … */
  readonly operations: readonly string[];
  readonly constraints?: KmsGrantConstraints;
}

export interface KmsAuthorizationInput {
  /** Omit (with keyArn) for actions that have no key resource: CreateKey, ListKeys, … */
  readonly keyPolicy?: PolicyDocument;
  readonly keyArn?: string;
  readonly keyAccount?: string;
  readonly principal: KmsCallerIdentity;
  /** The caller's identity-based policies (users: attached + group; sessions: the role's). */
  readonly identityPolicies?: readonly PolicyInput[];
  /** Session policies of temporary credentials; when present they must allow too. */
  readonly sessionPolicies?: readonly PolicyInput[];
  /** Grants on the key (all of them: the ones for other grantees are ignored). */
  readonly grants?: readonly KmsGrant[];
  /** e.g. `kms:Encrypt`. */
  readonly action: string;
  readonly conditionKeys?: ConditionKeys;
  /** The request's encryption context for grant constraints; read from conditionKeys if omitted. */
  readonly encryptionContext?: Readonly<Record<string, string>>;
}

export interface DecidingStatement {
  readonly policy: 'key' | 'identity' | 'session' | 'grant';
  readonly name?: string;
  readonly statementIndex?: number;
  readonly sid?: string;
}

export interface KmsAuthorizationResult {
  readonly allowed: boolean;
  readonly reason: 'explicit-deny' | 'no-allow' | 'allowed';
  /** For denials: the policy type AWS names in the AccessDenied message. */
  readonly policyType?: PolicyType;
  /** Explicit deny: every matching Deny. Allowed: the statements and grants that allowed it. */
  readonly deciding: readonly DecidingStatement[];
}

interface LayerResult {
  readonly denies: DecidingStatement[];
  readonly allows: DecidingStatement[];
  /** Key policy only: Allow statements naming the caller itself (not just its account). */
  readonly directAllows: DecidingStatement[];
}

// Grant constraints only apply to operations that take an encryption context.
const ENCRYPTION_CONTEXT_OPERATIONS = new Set([
  'encrypt',
  'decrypt',
  'reencryptfrom',
  'reencryptto',
  'generatedatakey',
  'generatedatakeywithoutplaintext',
  'generatedatakeypair',
  'generatedatakeypairwithoutplaintext',
]);

/**
 * The KMS authorization decision, as AWS KMS documents it: an explicit Deny in any policy wins;
 * otherwise the key policy must allow the caller directly, or allow the caller's account (which
 * delegates to IAM, so the caller's identity policies must allow too), or a grant must allow it.
 * Cross-account callers always need both the key policy and their own IAM policies. Session
 * policies, when present, must also allow.
 */
export function authorizeKmsRequest(input: KmsAuthorizationInput): KmsAuthorizationResult {
  const caller = input.principal;
  const request = new PreparedRequest({
    principal: toRequestPrincipal(caller),
    action: input.action,
    resource: input.keyArn ?? '*',
    ...(input.conditionKeys ? { conditionKeys: input.conditionKeys } : {}),
  });
  const key = input.keyPolicy ? evaluateLayer('key', [input.keyPolicy], request) : undefined;
  const identity = evaluateLayer('identity', input.identityPolicies ?? [], request);
  const session = evaluateLayer('session', input.sessionPolicies ?? [], request);

  const denyType = explicitDenyType(key, identity, session);
  if (denyType !== undefined) {
    return {
      allowed: false,
      reason: 'explicit-deny',
      policyType: denyType,
      deciding: [...(key?.denies ?? []), ...identity.denies, ...session.denies],
    };
  }

  // The root user is not governed by identity-based policies: within its account it may do anything.
  const identityAllows = caller.type === 'root' || identity.allows.length > 0;
  const policyPath = policiesAllow(input, key, identityAllows, identity);
  const grantPath =
    policyPath === undefined ? grantsAllow(input, request, identityAllows) : undefined;
  const allowedBy = policyPath ?? grantPath;
  const sessionApplies = (input.sessionPolicies ?? []).length > 0;
  const sessionAllows = !sessionApplies || session.allows.length > 0;

  if (allowedBy !== undefined && sessionAllows) {
    return { allowed: true, reason: 'allowed', deciding: [...allowedBy, ...session.allows] };
  }
  return {
    allowed: false,
    reason: 'no-allow',
    policyType: noAllowType(allowedBy !== undefined, key, identityAllows),
    deciding: [],
  };
}

function toRequestPrincipal(caller: KmsCallerIdentity): RequestPrincipal {
  if (caller.type === 'service') return { arn: caller.arn, account: '', service: caller.arn };
  if (caller.type !== 'assumed-role') return { arn: caller.arn, account: caller.account };
  const roleArn = caller.roleArn ?? roleArnOfSession(caller.arn);
  return { arn: caller.arn, account: caller.account, ...(roleArn ? { roleArn } : {}) };
}

function evaluateLayer(
  policy: DecidingStatement['policy'],
  inputs: readonly PolicyInput[],
  request: PreparedRequest,
): LayerResult {
  const result: LayerResult = { denies: [], allows: [], directAllows: [] };
  for (const input of inputs) {
    const { document, name } = toNamedPolicy(input);
    const evaluation = evaluatePolicy(document, request);
    if (evaluation.decision === 'NotApplicable') continue;
    for (const statement of evaluation.statements) {
      const deciding = toDeciding(policy, name, statement);
      if (statement.effect === 'Deny') {
        result.denies.push(deciding);
        continue;
      }
      // A key policy statement without Principal is malformed; never let it allow anyone.
      if (policy === 'key' && statement.principalMatch === 'implicit') continue;
      result.allows.push(deciding);
      if (statement.principalMatch === 'direct') result.directAllows.push(deciding);
    }
  }
  return result;
}

function toNamedPolicy(input: PolicyInput): NamedPolicy {
  return 'document' in input ? input : { document: input };
}

function toDeciding(
  policy: DecidingStatement['policy'],
  name: string | undefined,
  statement: MatchedStatement,
): DecidingStatement {
  return {
    policy,
    ...(name !== undefined ? { name } : {}),
    statementIndex: statement.index,
    ...(statement.sid !== undefined ? { sid: statement.sid } : {}),
  };
}

function explicitDenyType(
  key: LayerResult | undefined,
  identity: LayerResult,
  session: LayerResult,
): PolicyType | undefined {
  if (key !== undefined && key.denies.length > 0) return 'resource-based';
  if (identity.denies.length > 0) return 'identity-based';
  if (session.denies.length > 0) return 'session';
  return undefined;
}

/** The statements that allow the request through policies, or undefined if they don't. */
function policiesAllow(
  input: KmsAuthorizationInput,
  key: LayerResult | undefined,
  identityAllows: boolean,
  identity: LayerResult,
): DecidingStatement[] | undefined {
  const caller = input.principal;
  // Without a key resource (ListKeys, CreateKey) only identity-based policies decide.
  if (key === undefined) return identityAllows ? identity.allows : undefined;
  const sameAccount = caller.account === input.keyAccount;
  if (key.directAllows.length > 0 && (sameAccount || caller.type === 'service')) {
    return key.directAllows;
  }
  // Naming the account (or, cross-account, the caller) in the key policy lets IAM decide.
  if (key.allows.length > 0 && identityAllows && caller.type !== 'service') {
    return [...key.allows, ...identity.allows];
  }
  return undefined;
}

function grantsAllow(
  input: KmsAuthorizationInput,
  request: PreparedRequest,
  identityAllows: boolean,
): DecidingStatement[] | undefined {
  const grants = input.grants ?? [];
  if (grants.length === 0 || !request.actionLower.startsWith('kms:')) return undefined;
  const operation = request.actionLower.slice('kms:'.length);
  const context = input.encryptionContext ?? encryptionContextFromKeys(input.conditionKeys);
  const allowing = grants.filter(
    (grant) =>
      grant.operations.some((op) => op.toLowerCase() === operation) &&
      granteeMatches(grant.granteePrincipal, input.principal, identityAllows) &&
      (!ENCRYPTION_CONTEXT_OPERATIONS.has(operation) ||
        constraintsHold(grant.constraints, context)),
  );
  if (allowing.length === 0) return undefined;
  return allowing.map((grant): DecidingStatement => {
    const name = grant.name ?? grant.grantId;
    return { policy: 'grant', ...(name !== undefined ? { name } : {}) };
  });
}

function granteeMatches(
  grantee: string,
  caller: KmsCallerIdentity,
  identityAllows: boolean,
): boolean {
  if (grantee === caller.arn) return true;
  if (caller.type === 'assumed-role') {
    if (grantee === (caller.roleArn ?? roleArnOfSession(caller.arn))) return true;
  }
  // A grant to an account works like a key policy naming it: the account's IAM must delegate.
  const account = /^\d{12}$/.test(grantee)
    ? grantee
    : /^arn:[^:]+:iam::(\d{12}):root$/.exec(grantee)?.[1];
  return account !== undefined && account === caller.account && identityAllows;
}

/** Constraint keys are case-insensitive, values case-sensitive (KMS GrantConstraints). */
function constraintsHold(
  constraints: KmsGrantConstraints | undefined,
  context: Readonly<Record<string, string>>,
): boolean {
  const subset = constraints?.encryptionContextSubset;
  const equals = constraints?.encryptionContextEquals;
  if (subset !== undefined && Object.keys(subset).length > 0 && !containsAll(context, subset)) {
    return false;
  }
  if (equals !== undefined && Object.keys(equals).length > 0) {
    return (
      Object.keys(context).length === Object.keys(equals).length && containsAll(context, equals)
    );
  }
  return true;
}

function containsAll(
  context: Readonly<Record<string, string>>,
  required: Readonly<Record<string, string>>,
): boolean {
  const contextKeys = Object.keys(context);
  return Object.entries(required).every(([name, value]) => {
    const lower = name.toLowerCase();
    return contextKeys.some((key) => key.toLowerCase() === lower && context[key] === value);
  });
}

function encryptionContextFromKeys(keys: ConditionKeys | undefined): Record<string, string> {
  const context: Record<string, string> = {};
  if (keys === undefined) return context;
  const prefixLength = ENCRYPTION_CONTEXT_KEY_PREFIX.length;
  const prefixLower = ENCRYPTION_CONTEXT_KEY_PREFIX.toLowerCase();
  for (const [name, value] of Object.entries(keys)) {
    if (typeof value === 'string' && name.toLowerCase().startsWith(prefixLower)) {
      context[name.slice(prefixLength)] = value;
    }
  }
  return context;
}

/** Which policy AWS names when nothing allowed the request. */
function noAllowType(
  allowedWithoutSession: boolean,
  key: LayerResult | undefined,
  identityAllows: boolean,
): PolicyType {
  if (allowedWithoutSession) return 'session';
  if (key === undefined) return 'identity-based';
  if (key.allows.length === 0) return 'resource-based';
  return identityAllows ? 'resource-based' : 'identity-based';
}

/** One statement that covers the request's principal, action and resource, and its conditions. */
export interface CoveringStatement {
  readonly policy: 'key' | 'identity' | 'session';
  readonly name?: string;
  readonly statementIndex: number;
  readonly sid?: string;
  readonly effect: Effect;
  /** True when every condition held, i.e. the statement applied to the request. */
  readonly applies: boolean;
  readonly conditions: readonly ConditionExplanation[];
  readonly failedConditions: readonly ConditionExplanation[];
}

/** A grant for this caller and operation, and the constraints the request did not meet. */
export interface GrantFinding {
  readonly grantId?: string;
  readonly name?: string;
  readonly applies: boolean;
  readonly failedConstraints: readonly {
    readonly constraint: 'EncryptionContextSubset' | 'EncryptionContextEquals';
    readonly required: Readonly<Record<string, string>>;
  }[];
}

export interface KmsAuthorizationExplanation extends KmsAuthorizationResult {
  /**
   * Every statement, in every policy given, that covers this principal, action and resource,
   * whether or not its conditions held: an Allow among them with failed conditions is what would
   * allow the request, and its failed conditions are what the request lacks.
   */
  readonly covering: readonly CoveringStatement[];
  /** Grants to this caller for this operation, with the constraints the request did not meet. */
  readonly grants: readonly GrantFinding[];
}

/**
 * The decision of authorizeKmsRequest, plus what decides it statement by statement: which
 * statements match the action (for this principal and resource) and which of their conditions
 * failed, and which grants for the operation have constraints the request does not meet.
 */
export function explainKmsAuthorization(input: KmsAuthorizationInput): KmsAuthorizationExplanation {
  const decision = authorizeKmsRequest(input);
  const request = new PreparedRequest({
    principal: toRequestPrincipal(input.principal),
    action: input.action,
    resource: input.keyArn ?? '*',
    ...(input.conditionKeys ? { conditionKeys: input.conditionKeys } : {}),
  });
  const covering: CoveringStatement[] = [
    ...coveringStatements('key', input.keyPolicy ? [input.keyPolicy] : [], request),
    ...coveringStatements('identity', input.identityPolicies ?? [], request),
    ...coveringStatements('session', input.sessionPolicies ?? [], request),
  ];
  return { ...decision, covering, grants: grantFindings(input, request) };
}

function coveringStatements(
  policy: CoveringStatement['policy'],
  inputs: readonly PolicyInput[],
  request: PreparedRequest,
): CoveringStatement[] {
  const found: CoveringStatement[] = [];
  for (const input of inputs) {
    const { document, name } = toNamedPolicy(input);
    for (const statement of document.statements) {
      const detail = explainStatement(statement, request);
      if (!detail.principal.matched || !detail.action.matched || !detail.resource.matched) continue;
      // A key policy statement without Principal never allows anyone (see evaluateLayer).
      if (policy === 'key' && detail.principal.element === 'none') continue;
      found.push({
        policy,
        ...(name !== undefined ? { name } : {}),
        statementIndex: detail.index,
        ...(detail.sid !== undefined ? { sid: detail.sid } : {}),
        effect: detail.effect,
        applies: detail.applies,
        conditions: detail.conditions,
        failedConditions: detail.conditions.filter((condition) => !condition.matched),
      });
    }
  }
  return found;
}

function grantFindings(input: KmsAuthorizationInput, request: PreparedRequest): GrantFinding[] {
  if (!request.actionLower.startsWith('kms:')) return [];
  const operation = request.actionLower.slice('kms:'.length);
  const takesContext = ENCRYPTION_CONTEXT_OPERATIONS.has(operation);
  const context = input.encryptionContext ?? encryptionContextFromKeys(input.conditionKeys);
  return (input.grants ?? [])
    .filter(
      (grant) =>
        grant.operations.some((op) => op.toLowerCase() === operation) &&
        granteeMatches(grant.granteePrincipal, input.principal, true),
    )
    .map((grant) => {
      const failedConstraints = takesContext ? unmetConstraints(grant.constraints, context) : [];
      const name = grant.name;
      return {
        ...(grant.grantId !== undefined ? { grantId: grant.grantId } : {}),
        ...(name !== undefined ? { name } : {}),
        applies: failedConstraints.length === 0,
        failedConstraints,
      };
    });
}

function unmetConstraints(
  constraints: KmsGrantConstraints | undefined,
  context: Readonly<Record<string, string>>,
): GrantFinding['failedConstraints'] {
  const unmet: GrantFinding['failedConstraints'][number][] = [];
  const subset = constraints?.encryptionContextSubset;
  const equals = constraints?.encryptionContextEquals;
  if (
    subset !== undefined &&
    Object.keys(subset).length > 0 &&
    !constraintsHold({ encryptionContextSubset: subset }, context)
  ) {
    unmet.push({ constraint: 'EncryptionContextSubset', required: subset });
  }
  if (
    equals !== undefined &&
    Object.keys(equals).length > 0 &&
    !constraintsHold({ encryptionContextEquals: equals }, context)
  ) {
    unmet.push({ constraint: 'EncryptionContextEquals', required: equals });
  }
  return unmet;
}
