import { evaluateCondition, explainCondition, type ConditionExplanation } from './conditions.js';
import type { Effect, ElementList, PolicyDocument, PolicyStatement } from './document.js';
import { matchNotPrincipal, matchPrincipal, type PrincipalMatch } from './principal.js';
import { prepareRequest, type PreparedRequest, type RequestContext } from './request.js';

export type Decision = 'Allow' | 'Deny' | 'NotApplicable';

export interface MatchedStatement {
  readonly index: number;
  readonly sid?: string;
  readonly effect: Effect;
  readonly principalMatch: PrincipalMatch;
}

export interface PolicyEvaluation {
  readonly decision: Decision;
  /** Deny: every matching Deny statement. Allow: every matching Allow statement. */
  readonly statements: readonly MatchedStatement[];
}

export interface StatementExplanation {
  readonly index: number;
  readonly sid?: string;
  readonly effect: Effect;
  /** True when every part below matched, i.e. the statement applies to the request. */
  readonly applies: boolean;
  readonly principal: {
    readonly element: 'Principal' | 'NotPrincipal' | 'none';
    readonly matched: boolean;
    readonly match?: PrincipalMatch;
  };
  readonly action: { readonly element: 'Action' | 'NotAction'; readonly matched: boolean };
  readonly resource: {
    readonly element: 'Resource' | 'NotResource' | 'none';
    readonly matched: boolean;
  };
  readonly conditions: readonly ConditionExplanation[];
}

export interface PolicyExplanation extends PolicyEvaluation {
  readonly statementDetails: readonly StatementExplanation[];
}

const NOT_APPLICABLE: PolicyEvaluation = Object.freeze({
  decision: 'NotApplicable',
  statements: Object.freeze([]) as readonly MatchedStatement[],
});

/**
 * Evaluates one policy: any matching Deny wins, else any matching Allow allows. A statement that
 * names the caller's account root matches with `principalMatch: 'account'`; in a key policy that
 * means "delegated to IAM", which the KMS decision (kms-authorize) tells apart.
 */
export function evaluatePolicy(
  document: PolicyDocument,
  request: RequestContext | PreparedRequest,
): PolicyEvaluation {
  const prepared = prepareRequest(request);
  let denies: MatchedStatement[] | undefined;
  let allows: MatchedStatement[] | undefined;
  for (const statement of document.statements) {
    if (statement.effect === 'Allow' && denies !== undefined) continue;
    const principalMatch = statementMatch(statement, prepared);
    if (principalMatch === undefined) continue;
    const matched = toMatched(statement, principalMatch);
    if (statement.effect === 'Deny') (denies ??= []).push(matched);
    else (allows ??= []).push(matched);
  }
  if (denies !== undefined) return { decision: 'Deny', statements: denies };
  if (allows !== undefined) return { decision: 'Allow', statements: allows };
  return NOT_APPLICABLE;
}

/** The evaluation plus, for every statement, which of its parts matched the request. */
export function explainPolicy(
  document: PolicyDocument,
  request: RequestContext | PreparedRequest,
): PolicyExplanation {
  const prepared = prepareRequest(request);
  return {
    ...evaluatePolicy(document, prepared),
    statementDetails: document.statements.map((statement) => explainStatement(statement, prepared)),
  };
}

export function explainStatement(
  statement: PolicyStatement,
  request: RequestContext | PreparedRequest,
): StatementExplanation {
  const prepared = prepareRequest(request);
  const principalMatch = matchStatementPrincipal(statement, prepared);
  const actionMatched = matchElement(statement.action, prepared.actionLower, prepared);
  const resourceMatched =
    statement.resource === undefined ||
    matchElement(statement.resource, prepared.resource, prepared);
  const conditions = statement.conditions.map((condition) => explainCondition(condition, prepared));
  return {
    index: statement.index,
    ...(statement.sid !== undefined ? { sid: statement.sid } : {}),
    effect: statement.effect,
    applies:
      principalMatch !== undefined &&
      actionMatched &&
      resourceMatched &&
      conditions.every((condition) => condition.matched),
    principal: {
      element: principalElement(statement),
      matched: principalMatch !== undefined,
      ...(principalMatch !== undefined ? { match: principalMatch } : {}),
    },
    action: { element: statement.action.negated ? 'NotAction' : 'Action', matched: actionMatched },
    resource: { element: resourceElement(statement), matched: resourceMatched },
    conditions,
  };
}

/** Whether the statement applies to the request, and how its principal matched. */
export function statementMatch(
  statement: PolicyStatement,
  request: PreparedRequest,
): PrincipalMatch | undefined {
  // Cheapest checks first: most statements fail on the action.
  if (!matchElement(statement.action, request.actionLower, request)) return undefined;
  if (statement.resource && !matchElement(statement.resource, request.resource, request)) {
    return undefined;
  }
  const principalMatch = matchStatementPrincipal(statement, request);
  if (principalMatch === undefined) return undefined;
  for (const condition of statement.conditions) {
    if (!evaluateCondition(condition, request)) return undefined;
  }
  return principalMatch;
}

function matchStatementPrincipal(
  statement: PolicyStatement,
  request: PreparedRequest,
): PrincipalMatch | undefined {
  const principal = statement.principal;
  if (principal === undefined) return 'implicit';
  if (principal.negated)
    return matchNotPrincipal(principal.entries, request) ? 'direct' : undefined;
  return matchPrincipal(principal.entries, request);
}

function matchElement(element: ElementList, value: string, request: PreparedRequest): boolean {
  let any = false;
  for (const matcher of element.matchers) {
    if (matcher.matches(value, request)) {
      any = true;
      break;
    }
  }
  return any !== element.negated;
}

function toMatched(statement: PolicyStatement, principalMatch: PrincipalMatch): MatchedStatement {
  return {
    index: statement.index,
    ...(statement.sid !== undefined ? { sid: statement.sid } : {}),
    effect: statement.effect,
    principalMatch,
  };
}

function principalElement(statement: PolicyStatement): 'Principal' | 'NotPrincipal' | 'none' {
  if (statement.principal === undefined) return 'none';
  return statement.principal.negated ? 'NotPrincipal' : 'Principal';
}

function resourceElement(statement: PolicyStatement): 'Resource' | 'NotResource' | 'none' {
  if (statement.resource === undefined) return 'none';
  return statement.resource.negated ? 'NotResource' : 'Resource';
}
