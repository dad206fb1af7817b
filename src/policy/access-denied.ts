/** The policy types a KMS authorization names. */
export type PolicyType = 'identity-based' | 'resource-based' | 'session';

/** Every policy type AWS names in AccessDenied messages (real AWS may name the last four too). */
export type AccessDeniedPolicyType =
  PolicyType | 'service-control' | 'resource-control' | 'permissions-boundary' | 'vpc-endpoint';

export type AccessDeniedKind = 'no-allow' | 'explicit-deny';

export interface AccessDeniedDetails {
  readonly principalArn: string;
  readonly action: string;
  /** Omitted for actions that have no resource in the message. */
  readonly resource?: string;
  readonly kind: AccessDeniedKind;
  readonly policyType: AccessDeniedPolicyType;
}

export interface ParsedAccessDenied {
  readonly principalArn: string;
  readonly action: string;
  /** Absent when the message names no resource (or says "the resource associated with this ciphertext"). */
  readonly resource?: string;
  readonly kind: AccessDeniedKind;
  /** Absent in the older form that gives no reason (AWS then means: nothing allowed it). */
  readonly policyType?: AccessDeniedPolicyType;
  /** Some explicit-deny messages end with `: <policy ARN>`. */
  readonly policyArn?: string;
}

interface PolicyPhrase {
  readonly type: AccessDeniedPolicyType;
  readonly phrase: string;
  readonly article: 'a' | 'an';
}

const PHRASES: readonly PolicyPhrase[] = [
  { type: 'identity-based', phrase: 'identity-based policy', article: 'an' },
  { type: 'resource-based', phrase: 'resource-based policy', article: 'a' },
  { type: 'session', phrase: 'session policy', article: 'a' },
  { type: 'service-control', phrase: 'service control policy', article: 'a' },
  { type: 'resource-control', phrase: 'resource control policy', article: 'a' },
  { type: 'permissions-boundary', phrase: 'permissions boundary', article: 'a' },
  { type: 'vpc-endpoint', phrase: 'VPC endpoint policy', article: 'a' },
];

/**
 * AWS's wording, e.g. `User: arn:… is not authorized to perform: kms:Encrypt on resource: arn:…
 * because no identity-based policy allows the kms:Encrypt action` or `… with an explicit deny in
 * a resource-based policy`.
 */
export function formatAccessDenied(details: AccessDeniedDetails): string {
  const phrase = phraseOf(details.policyType);
  const onResource = details.resource === undefined ? '' : ` on resource: ${details.resource}`;
  const head = `User: ${details.principalArn} is not authorized to perform: ${details.action}${onResource}`;
  return details.kind === 'no-allow'
    ? `${head} because no ${phrase.phrase} allows the ${details.action} action`
    : `${head} with an explicit deny in ${phrase.article} ${phrase.phrase}`;
}

const HEAD = /User: (\S+) is not authorized to perform: (\S+)/;
const ON_RESOURCE = /^ on resource: (\S+)/;
const ON_CIPHERTEXT = /^ on the resource associated with this ciphertext/;
const NO_ALLOW = /^ because no (.+?) allows the \S+ action/i;
const EXPLICIT_DENY = /^ with an explicit deny/i;
const POLICY_ARN = /^: (arn:\S+)/;

/**
 * Reads an AccessDenied message (also inside a longer SDK error text); null if it isn't one.
 * Accepts AWS's forms: with a reason, with an explicit deny (optionally naming the policy ARN),
 * and the older KMS form without a reason.
 */
export function parseAccessDenied(message: string): ParsedAccessDenied | null {
  const head = HEAD.exec(message);
  if (head === null) return null;
  const principalArn = head[1] ?? '';
  let action = head[2] ?? '';
  let rest = message.slice(head.index + head[0].length);
  let resource: string | undefined;
  const onResource = ON_RESOURCE.exec(rest);
  if (onResource !== null) {
    resource = onResource[1] ?? '';
    rest = rest.slice(onResource[0].length);
  } else {
    const onCiphertext = ON_CIPHERTEXT.exec(rest);
    if (onCiphertext !== null) rest = rest.slice(onCiphertext[0].length);
  }
  const reason = parseReason(rest);
  if (reason === undefined) {
    // The older form ends right after the action or resource, maybe with a period.
    if (resource !== undefined) resource = stripPeriod(resource);
    else action = stripPeriod(action);
  }
  return {
    principalArn,
    action,
    ...(resource !== undefined ? { resource } : {}),
    kind: reason?.kind ?? 'no-allow',
    ...(reason?.policyType !== undefined ? { policyType: reason.policyType } : {}),
    ...(reason?.policyArn !== undefined ? { policyArn: reason.policyArn } : {}),
  };
}

interface Reason {
  readonly kind: AccessDeniedKind;
  readonly policyType?: AccessDeniedPolicyType;
  readonly policyArn?: string;
}

function parseReason(text: string): Reason | undefined {
  const noAllow = NO_ALLOW.exec(text);
  if (noAllow !== null) {
    const policyType = typeOfPhrase(noAllow[1] ?? '');
    return { kind: 'no-allow', ...(policyType ? { policyType } : {}) };
  }
  const deny = EXPLICIT_DENY.exec(text);
  if (deny === null) return undefined;
  // " in an identity-based policy", " in a session policy", " in the permissions boundary", …
  const after = text.slice(deny[0].length).replace(/^ in (?:an?|the) /i, '');
  const phrase = PHRASES.find((candidate) =>
    after.toLowerCase().startsWith(candidate.phrase.toLowerCase()),
  );
  if (phrase === undefined) return { kind: 'explicit-deny' };
  const policyArn = POLICY_ARN.exec(after.slice(phrase.phrase.length))?.[1];
  return {
    kind: 'explicit-deny',
    policyType: phrase.type,
    ...(policyArn !== undefined ? { policyArn: stripPeriod(policyArn) } : {}),
  };
}

function phraseOf(type: AccessDeniedPolicyType): PolicyPhrase {
  const phrase = PHRASES.find((candidate) => candidate.type === type);
  if (phrase === undefined) throw new Error(`Unknown policy type: ${String(type)}`);
  return phrase;
}

function typeOfPhrase(text: string): AccessDeniedPolicyType | undefined {
  const lower = text.toLowerCase();
  return PHRASES.find((candidate) => candidate.phrase.toLowerCase() === lower)?.type;
}

function stripPeriod(text: string): string {
  return text.endsWith('.') ? text.slice(0, -1) : text;
}
