import {
  buildKmsConditionKeys,
  conditionRemedy,
  explainKmsAuthorization,
  explainPolicy,
  parseIdentityPolicy,
  parseKeyPolicy,
  PolicyDocumentError,
  type AccessDeniedPolicyType,
  type ConditionExplanation,
  type CoveringStatement,
  type GrantFinding,
  type KmsGrant,
  type ConditionKeys,
  type Effect,
  type KmsConditionInput,
  type ParsedAccessDenied,
  type StatementExplanation,
} from '../../../policy';
import { describePrincipal, principalArnOf, type Caller } from './caller';
import { guestSessionAllows, COGNITO_GUEST_SESSION_POLICY_NAME } from './cognito-guest';

/*
 * Why a request was denied, told from AWS's own answer (the AccessDenied message names the policy
 * type that decided) and from the key policy when the caller may read it: each statement is
 * evaluated with src/policy for the same principal, action, key and context, so the console can
 * point at the statement that denied, the one that delegated to IAM, or the condition that did
 * not hold. IAM policies are never readable from a browser, so identity-based denials are
 * explained by what the key policy delegates, plus a statement that would allow the request.
 */

/** What one key policy statement has to do with the denied request. */
export type StatementRole =
  /** A Deny that applies: it decides. */
  | 'denies'
  /** An Allow naming the caller (or its role) that applies. */
  | 'allows'
  /** An Allow naming the caller's account: IAM policies must allow too. */
  | 'delegates'
  /** An Allow for the caller, action and key whose condition does not hold. */
  | 'needs-condition'
  /** Covers this action on this key, for other principals. */
  | 'other-principal'
  /** Another action, or a Deny that does not apply. */
  | 'unrelated';

export interface StatementFinding {
  index: number;
  sid?: string;
  effect: Effect;
  role: StatementRole;
  /** One sentence: what the statement does to this request. */
  summary: string;
  /** The conditions that did not hold (for `needs-condition`, and Denies that did not apply). */
  failedConditions: ConditionExplanation[];
}

export interface Suggestion {
  /** Where the statement goes. */
  target: 'key-policy' | 'identity-policy';
  /** e.g. "an IAM policy of role KmsOperator". */
  where: string;
  statement: Record<string, unknown>;
}

/** One condition of an Allow that covers the request, which the request did not meet. */
export interface UnmetCondition {
  key: string;
  /** What would satisfy it, e.g. `kms:EncryptionContext:department is "finance" or "engineering"`. */
  requirement: string;
  /** What the request had: `the request had none`, `the request had "sales"`. */
  had: string;
  /**
   * False for keys the console cannot see (aws:SourceIp, VPC keys, kms:ViaService): the console
   * does not know whether the endpoint found the condition met.
   */
  knowable: boolean;
}

/** An Allow statement for the caller, action and key whose conditions the request did not meet. */
export interface ConditionalAllow {
  policy: 'identity' | 'key';
  /** "KmsOperatorPolicy (identity-based)", "the key policy". */
  policyName: string;
  /** The statement's Sid, or "statement 2". */
  statement: string;
  unmet: UnmetCondition[];
}

/** A grant for the caller and operation whose encryption context constraint the request missed. */
export interface UnmetGrant {
  grant: string;
  /** e.g. `the encryption context includes project=alpha`. */
  requirement: string;
  had: string;
}

export interface DenialExplanation {
  kind: ParsedAccessDenied['kind'];
  policyType?: AccessDeniedPolicyType;
  /** Which policy decided, in words. */
  headline: string;
  /** Undefined when the key policy could not be read (or parsed). */
  findings?: StatementFinding[];
  policyError?: string;
  /**
   * Whether evaluating the key policy agrees with AWS's answer; undefined when the key policy
   * alone cannot tell (identity-based and session denials also depend on policies not visible).
   */
  consistent?: boolean;
  suggestion?: Suggestion;
  /** Allows that would apply if their conditions held (from every policy the console could read). */
  conditionalAllows: ConditionalAllow[];
  /** Grants that would allow it if the request met their constraints (when the grants were read). */
  unmetGrants: UnmetGrant[];
  /** Encryption contexts that would meet every unmet condition of one such Allow: one-click retries. */
  retries: Record<string, string>[];
  /** Whether the caller's identity-based policies were read (the sandbox) or are unknown (AWS). */
  identityPolicies: 'read' | 'unknown';
  notes: string[];
}

export interface ExplainDenialInput {
  denied: ParsedAccessDenied;
  caller: Caller;
  /** The key's ARN (from DescribeKey, the typed ARN, or the AccessDenied message). */
  keyArn?: string;
  encryptionContext?: Readonly<Record<string, string>>;
  /** Key facts and request keys, as KMS sets them (kms:RequestAlias, kms:KeySpec…). */
  conditionInput?: Omit<KmsConditionInput, 'caller' | 'encryptionContext' | 'extra'>;
  /** Request-specific keys of the operation (kms:EncryptionAlgorithm, kms:GrantOperations…). */
  conditionKeys?: ConditionKeys;
  /** The key policy as GetKeyPolicy returned it; undefined when it could not be read. */
  keyPolicy?: string;
  /** True when the credentials are a Cognito guest's, which carry Cognito's session policy. */
  cognitoGuest?: boolean;
  /** The caller's identity-based policies when they can be read (the sandbox); else unknown. */
  identityPolicies?: readonly { name: string; document: string }[];
  /** The key's grants, when ListGrants answered. */
  grants?: readonly KmsGrant[];
}

const CONTEXT_ACTIONS = new Set([
  'kms:encrypt',
  'kms:decrypt',
  'kms:reencryptfrom',
  'kms:reencryptto',
  'kms:generatedatakey',
  'kms:generatedatakeywithoutplaintext',
  'kms:generatedatakeypair',
  'kms:generatedatakeypairwithoutplaintext',
]);

const POLICY_NAMES: Record<AccessDeniedPolicyType, string> = {
  'identity-based': 'an identity-based policy (the IAM policies of your user or role)',
  'resource-based': 'a resource-based policy (the key policy)',
  session: 'a session policy (passed when your temporary credentials were issued)',
  'service-control': 'a service control policy of your organization',
  'resource-control': 'a resource control policy of your organization',
  'permissions-boundary': 'the permissions boundary of your user or role',
  'vpc-endpoint': 'the policy of the VPC endpoint the request went through',
};

export function explainDenial(input: ExplainDenialInput): DenialExplanation {
  const { denied } = input;
  const notes: string[] = [];
  const authorization = explainAuthorization(input);
  const conditionalAllows = findConditionalAllows(authorization);
  const unmetGrants = findUnmetGrants(authorization, input);
  const base: DenialExplanation = {
    kind: denied.kind,
    ...(denied.policyType !== undefined ? { policyType: denied.policyType } : {}),
    headline: headlineOf(denied, conditionalAllows),
    conditionalAllows,
    unmetGrants,
    retries: contextRetries(authorization, input),
    identityPolicies: input.identityPolicies === undefined ? 'unknown' : 'read',
    notes,
  };
  const evaluated = evaluateKeyPolicy(input);
  const withPolicy: DenialExplanation =
    evaluated === undefined
      ? base
      : 'error' in evaluated
        ? { ...base, policyError: evaluated.error }
        : {
            ...base,
            findings: evaluated.findings,
            ...consistency(denied, evaluated.findings, input),
          };
  const suggestion = suggest(input, withPolicy.findings, conditionalAllows, notes);
  if (input.cognitoGuest) notes.push(guestNote(input));
  if (isCrossAccount(input)) {
    notes.push(
      `The key belongs to account ${accountOfKey(input.keyArn)}, not yours (${input.caller.account}): a cross-account request needs both the key policy and your IAM policies to allow it.`,
    );
  }
  return { ...withPolicy, ...(suggestion ? { suggestion } : {}) };
}

function headlineOf(denied: ParsedAccessDenied, conditional: readonly ConditionalAllow[]): string {
  const type = denied.policyType;
  const deciding = conditional.find(
    (allow) =>
      (type === 'identity-based' && allow.policy === 'identity') ||
      (type === 'resource-based' && allow.policy === 'key'),
  );
  if (denied.kind === 'no-allow' && deciding !== undefined) {
    return `${capitalize(deciding.policyName)} allows ${denied.action} only when its conditions hold (statement ${deciding.statement}), and this request does not meet them.`;
  }
  if (denied.kind === 'explicit-deny') {
    const where = type ? POLICY_NAMES[type] : 'a policy';
    return `An explicit Deny in ${where} refuses ${denied.action}. An explicit deny always wins: no Allow anywhere can override it.`;
  }
  switch (type) {
    case 'identity-based':
      return `No identity-based policy allows ${denied.action}: the IAM policies of your user or role must allow it (the key policy only delegates to them).`;
    case 'resource-based':
      return `The key policy (a resource-based policy) does not allow you ${denied.action}, neither directly nor by delegating to your account's IAM policies.`;
    case 'session':
      return `The session policy of your temporary credentials does not allow ${denied.action}, although your other policies would.`;
    case undefined:
      return `No policy allows ${denied.action} (AWS's message names no policy type).`;
    default:
      return `${capitalize(POLICY_NAMES[type])} does not allow ${denied.action}.`;
  }
}

type Evaluated = { findings: StatementFinding[] } | { error: string };

function evaluateKeyPolicy(input: ExplainDenialInput): Evaluated | undefined {
  if (input.keyPolicy === undefined) return undefined;
  let document;
  try {
    document = parseKeyPolicy(input.keyPolicy);
  } catch (error) {
    const message = error instanceof PolicyDocumentError ? error.message : String(error);
    return { error: `The key policy could not be evaluated: ${message}` };
  }
  const { caller } = input;
  const conditionKeys = buildKmsConditionKeys({
    ...input.conditionInput,
    caller,
    ...(input.encryptionContext ? { encryptionContext: input.encryptionContext } : {}),
    ...(input.conditionKeys ? { extra: input.conditionKeys } : {}),
  });
  const explanation = explainPolicy(document, {
    principal: {
      arn: caller.arn,
      account: caller.account,
      ...(caller.roleArn ? { roleArn: caller.roleArn } : {}),
    },
    action: input.denied.action,
    resource: input.keyArn ?? input.denied.resource ?? '*',
    conditionKeys,
  });
  return { findings: explanation.statementDetails.map((detail) => toFinding(detail, input)) };
}

function toFinding(detail: StatementExplanation, input: ExplainDenialInput): StatementFinding {
  const action = input.denied.action;
  const failedConditions = detail.conditions.filter((condition) => !condition.matched);
  const base = {
    index: detail.index,
    ...(detail.sid !== undefined ? { sid: detail.sid } : {}),
    effect: detail.effect,
    failedConditions,
  };
  const covers = detail.action.matched && detail.resource.matched;
  if (!covers) {
    return {
      ...base,
      role: 'unrelated',
      summary: detail.action.matched ? 'Does not cover this key.' : `Does not cover ${action}.`,
    };
  }
  if (!detail.principal.matched) {
    return detail.effect === 'Allow'
      ? {
          ...base,
          role: 'other-principal',
          summary: `Allows ${action} to other principals, not to you: it would need to name you (or your account).`,
        }
      : {
          ...base,
          role: 'unrelated',
          summary: `Denies ${action} to other principals, not to you.`,
        };
  }
  if (failedConditions.length > 0) {
    const needed = failedConditions.map(describeCondition).join('; ');
    return detail.effect === 'Allow'
      ? {
          ...base,
          role: 'needs-condition',
          summary: `Would allow ${action} if its condition held: ${needed}.`,
        }
      : {
          ...base,
          role: 'unrelated',
          summary: `Would deny ${action} if its condition held: ${needed}.`,
        };
  }
  if (detail.effect === 'Deny') {
    return { ...base, role: 'denies', summary: `Denies ${action} to you: this statement decides.` };
  }
  if (detail.principal.match === 'account') {
    return {
      ...base,
      role: 'delegates',
      summary: `Allows ${action} to your account, which delegates the decision to your IAM policies: they must allow it too.`,
    };
  }
  return { ...base, role: 'allows', summary: `Allows ${action} to you.` };
}

/** "StringEquals kms:EncryptionContext:department is finance or engineering (the request had none)". */
export function describeCondition(condition: ConditionExplanation): string {
  const values =
    condition.values.length === 1 ? condition.values[0] : condition.values.join(' or ');
  const had =
    condition.requestValues === undefined
      ? 'the request had none'
      : `the request had ${condition.requestValues.join(', ')}`;
  return `${condition.operator} ${condition.key} ${values} (${had})`;
}

function consistency(
  denied: ParsedAccessDenied,
  findings: readonly StatementFinding[],
  input: ExplainDenialInput,
): Pick<DenialExplanation, 'consistent'> {
  const has = (role: StatementRole) => findings.some((finding) => finding.role === role);
  if (denied.kind === 'explicit-deny') {
    return denied.policyType === 'resource-based' ? { consistent: has('denies') } : {};
  }
  if (denied.policyType === 'resource-based') {
    return { consistent: !has('allows') && (isCrossAccount(input) || !has('delegates')) };
  }
  if (denied.policyType === 'identity-based') {
    return { consistent: has('delegates') && !has('allows') && !has('denies') };
  }
  return {};
}

// Condition keys whose request value the console cannot know: the endpoint sets them.
const UNKNOWABLE_KEYS = new Set([
  'aws:sourceip',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:vpcsourceip',
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:calledvia',
  'aws:calledviafirst',
  'aws:calledvialast',
  'aws:viaawsservice',
  'kms:viaservice',
]);

/**
 * The Allow statements that cover this caller, action and key but whose conditions failed, from
 * the key policy (when read) and the caller's identity-based policies (when readable).
 */
interface Authorization {
  /** Covering Allow statements, of the policies the console could read, that did not apply. */
  allows: UnmetAllow[];
  /** Grants to the caller for the operation whose constraints the request did not meet. */
  grants: GrantFinding[];
}

type UnmetAllow = CoveringStatement & { policy: 'identity' | 'key' };

/** src/policy's account of the request, with every policy and grant the console could read. */
function explainAuthorization(input: ExplainDenialInput): Authorization {
  if (input.denied.kind !== 'no-allow') return { allows: [], grants: [] };
  const identity = parsedIdentityPolicies(input.identityPolicies);
  const keyPolicy = parsedKeyPolicy(input.keyPolicy);
  const keyArn = input.keyArn ?? input.denied.resource;
  const explained = explainKmsAuthorization({
    ...(keyPolicy ? { keyPolicy } : {}),
    ...(keyArn ? { keyArn, keyAccount: accountOfKey(keyArn) ?? '' } : {}),
    principal: input.caller,
    identityPolicies: identity,
    ...(input.grants ? { grants: input.grants } : {}),
    action: input.denied.action,
    conditionKeys: requestConditionKeys(input),
  });
  return {
    allows: explained.covering.filter(
      (statement): statement is UnmetAllow =>
        statement.effect === 'Allow' && !statement.applies && statement.policy !== 'session',
    ),
    grants: explained.grants.filter((grant) => !grant.applies),
  };
}

function findConditionalAllows(authorization: Authorization): ConditionalAllow[] {
  return authorization.allows.map((statement) => ({
    policy: statement.policy,
    policyName:
      statement.policy === 'key'
        ? 'the key policy'
        : `${statement.name ?? 'an IAM policy'} (identity-based)`,
    statement: statement.sid ?? `${statement.statementIndex + 1}`,
    unmet: statement.failedConditions.map(unmetCondition),
  }));
}

function findUnmetGrants(authorization: Authorization, input: ExplainDenialInput): UnmetGrant[] {
  const pairs = Object.entries(input.encryptionContext ?? {});
  const had =
    pairs.length === 0
      ? 'the request had no encryption context'
      : `the request had ${contextWordsOf(input.encryptionContext ?? {})}`;
  return authorization.grants.flatMap((grant) =>
    grant.failedConstraints.map((unmet) => ({
      grant: grant.name ?? grant.grantId ?? 'a grant',
      requirement:
        unmet.constraint === 'EncryptionContextSubset'
          ? `the encryption context includes ${contextWordsOf(unmet.required)}`
          : `the encryption context is exactly ${contextWordsOf(unmet.required)}`,
      had,
    })),
  );
}

function contextWordsOf(context: Readonly<Record<string, string>>): string {
  return Object.entries(context)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
}

function unmetCondition(condition: ConditionExplanation): UnmetCondition {
  const knowable = !UNKNOWABLE_KEYS.has(condition.key.toLowerCase());
  const had = !knowable
    ? 'the console cannot see this value: the endpoint sets it'
    : condition.requestValues === undefined
      ? 'the request had none'
      : `the request had ${condition.requestValues.map((value) => `"${value}"`).join(', ')}`;
  return { key: condition.key, requirement: conditionRemedy(condition).requirement, had, knowable };
}

function parsedIdentityPolicies(
  policies: ExplainDenialInput['identityPolicies'],
): { name: string; document: ReturnType<typeof parseIdentityPolicy> }[] {
  const parsed = [];
  for (const policy of policies ?? []) {
    try {
      parsed.push({ name: policy.name, document: parseIdentityPolicy(policy.document) });
    } catch {
      // A policy that does not parse allows nothing, as in the sandbox.
    }
  }
  return parsed;
}

function parsedKeyPolicy(text: string | undefined) {
  if (text === undefined) return undefined;
  try {
    return parseKeyPolicy(text);
  } catch {
    return undefined;
  }
}

function requestConditionKeys(input: ExplainDenialInput) {
  return buildKmsConditionKeys({
    ...input.conditionInput,
    caller: input.caller,
    ...(input.encryptionContext ? { encryptionContext: input.encryptionContext } : {}),
    ...(input.conditionKeys ? { extra: input.conditionKeys } : {}),
  });
}

const CONTEXT_KEY = /^kms:EncryptionContext:(.+)$/i;

/**
 * Encryption contexts that meet every unmet condition of one conditional Allow, when each of
 * them is a `kms:EncryptionContext:<key>` condition with values to take as they are: the request's
 * own pairs, with the missing or wrong pair set to each value the statement allows.
 */
function contextRetries(
  authorization: Authorization,
  input: ExplainDenialInput,
): Record<string, string>[] {
  if (!CONTEXT_ACTIONS.has(input.denied.action.toLowerCase())) return [];
  const retries: Record<string, string>[] = [];
  const seen = new Set<string>();
  const offer = (context: Record<string, string>) => {
    const signature = JSON.stringify(context);
    if (seen.has(signature)) return;
    seen.add(signature);
    retries.push(context);
  };
  for (const statement of authorization.allows) {
    const choices = statement.failedConditions.map((condition) => ({
      contextKey: CONTEXT_KEY.exec(condition.key)?.[1],
      values: conditionRemedy(condition).values,
    }));
    const [first, ...others] = choices;
    if (
      first === undefined ||
      choices.some((choice) => choice.contextKey === undefined || choice.values.length === 0)
    ) {
      continue;
    }
    for (const value of first.values) {
      const context: Record<string, string> = { ...input.encryptionContext };
      context[first.contextKey ?? ''] = value;
      for (const other of others) context[other.contextKey ?? ''] = other.values[0] ?? '';
      offer(context);
    }
  }
  for (const grant of authorization.grants) {
    for (const unmet of grant.failedConstraints) {
      offer(
        unmet.constraint === 'EncryptionContextSubset'
          ? { ...input.encryptionContext, ...unmet.required }
          : { ...unmet.required },
      );
    }
  }
  return retries;
}

function suggest(
  input: ExplainDenialInput,
  findings: readonly StatementFinding[] | undefined,
  conditional: readonly ConditionalAllow[],
  notes: string[],
): Suggestion | undefined {
  const { denied, caller } = input;
  if (denied.kind === 'explicit-deny') {
    notes.push(
      denied.policyType === 'resource-based'
        ? 'No statement can allow this while the highlighted Deny applies: change its Principal, Action or Condition in the key policy, or use another principal.'
        : 'No statement can allow this while the Deny applies: an administrator must change or remove it, or you must use another principal.',
    );
    return undefined;
  }
  // Nothing a key or IAM policy says can get past Cognito's guest session policy.
  if (input.cognitoGuest && !guestSessionAllows(caller, denied.action)) return undefined;
  const condition = contextCondition(input);
  const principalArn = principalArnOf(caller);
  // A statement that already allows the action under a condition narrowed it on purpose: the
  // way out is to meet the condition, never a statement without it.
  const narrowed = conditional.find(
    (allow) =>
      (denied.policyType === 'identity-based' && allow.policy === 'identity') ||
      (denied.policyType !== 'identity-based' && allow.policy === 'key'),
  );
  if (narrowed !== undefined) {
    notes.push(
      `No statement is suggested: ${narrowed.policyName} already allows ${denied.action} under a condition, and a statement without it would widen what the condition narrowed. Meet the condition instead.`,
    );
    return undefined;
  }
  if (denied.policyType === 'identity-based' && input.identityPolicies === undefined) {
    notes.push(
      `The IAM policies of ${describePrincipal(caller)} cannot be read from the browser, so whether one already allows ${denied.action} under a condition is unknown. If one does, meet its condition instead of adding the statement below, which allows only this key and this request's encryption context.`,
    );
  }
  if (denied.policyType === 'identity-based') {
    const delegates = findings?.some((finding) => finding.role === 'delegates');
    if (findings !== undefined && !delegates) {
      notes.push(
        'The key policy does not name your account, so it does not delegate to IAM: the key policy must allow you as well.',
      );
    }
    return {
      target: 'identity-policy',
      where: `an IAM policy of ${describePrincipal(caller)}`,
      statement: {
        Sid: sidFor(denied.action, caller),
        Effect: 'Allow',
        Action: denied.action,
        Resource: input.keyArn ?? denied.resource ?? '*',
        ...condition,
      },
    };
  }
  if (denied.policyType === 'resource-based' || denied.policyType === undefined) {
    return {
      target: 'key-policy',
      where: `the key policy of ${input.keyArn ?? denied.resource ?? 'the key'}`,
      statement: {
        Sid: sidFor(denied.action, caller),
        Effect: 'Allow',
        Principal: { AWS: principalArn },
        Action: denied.action,
        Resource: '*',
        ...condition,
      },
    };
  }
  notes.push(
    denied.policyType === 'session'
      ? 'Session policies come with the credentials (for Cognito guests, from Cognito): no key policy or IAM statement can widen them. Sign in another way to get other session permissions.'
      : 'This policy is managed outside KMS (by your organization or network administrators): no key policy or IAM statement can override it.',
  );
  return undefined;
}

function contextCondition(input: ExplainDenialInput): Record<string, unknown> {
  const context = input.encryptionContext ?? {};
  const pairs = Object.entries(context);
  if (pairs.length === 0 || !CONTEXT_ACTIONS.has(input.denied.action.toLowerCase())) return {};
  return {
    Condition: {
      StringEquals: Object.fromEntries(
        pairs.map(([key, value]) => [`kms:EncryptionContext:${key}`, value]),
      ),
    },
  };
}

function sidFor(action: string, caller: Caller): string {
  const operation = action.replace(/^kms:/i, '');
  const name = describePrincipal(caller).split(' ').pop() ?? '';
  return `Allow${operation}For${name}`.replace(/[^A-Za-z0-9]/g, '');
}

function guestNote(input: ExplainDenialInput): string {
  const action = input.denied.action;
  return guestSessionAllows(input.caller, action)
    ? `Cognito gives guests the session policy ${COGNITO_GUEST_SESSION_POLICY_NAME}, which allows ${action}: the guest role's own policies decide.`
    : `Cognito gives guests the session policy ${COGNITO_GUEST_SESSION_POLICY_NAME}, which does not allow ${action}: no change to the guest role or key policy can let a guest do it.`;
}

function accountOfKey(keyArn: string | undefined): string | undefined {
  return keyArn === undefined ? undefined : /^arn:[^:]+:kms:[^:]*:(\d{12}):/.exec(keyArn)?.[1];
}

function isCrossAccount(input: ExplainDenialInput): boolean {
  const account = accountOfKey(input.keyArn ?? input.denied.resource);
  return account !== undefined && account !== input.caller.account;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
