/** A condition key's value in the request: missing keys are simply absent from the map. */
export type ConditionValue = string | readonly string[] | boolean | number;

/** Condition keys by name; names are case-insensitive, as in AWS. */
export type ConditionKeys = Readonly<Record<string, ConditionValue | undefined>>;

export interface RequestPrincipal {
  /** The caller's ARN: a user, an account root, or an STS assumed-role session. */
  readonly arn: string;
  /** The caller's account id (empty for service principals). */
  readonly account: string;
  /** For assumed-role sessions: the role's ARN, so that policies naming the role match the session. */
  readonly roleArn?: string;
  /** For service principals, e.g. `ec2.amazonaws.com`. */
  readonly service?: string;
  /** For web-identity or SAML federated principals: the provider. */
  readonly federated?: string;
}

export interface RequestContext {
  readonly principal: RequestPrincipal;
  /** e.g. `kms:Encrypt`; matched case-insensitively. */
  readonly action: string;
  /** The resource ARN, or `*` for actions that have none (ListKeys, CreateKey). */
  readonly resource: string;
  readonly conditionKeys?: ConditionKeys;
}

const EMPTY_KEYS: ReadonlyMap<string, readonly string[]> = new Map();
const ACCOUNT_ROOT = /^arn:[^:]+:iam::(\d{12}):root$/;

/**
 * A request normalized once (lower-cased action and condition key names, values as string lists),
 * so that evaluating it against many policies does not repeat that work.
 */
export class PreparedRequest {
  readonly principal: RequestPrincipal;
  readonly action: string;
  readonly actionLower: string;
  readonly resource: string;
  /** True when the caller is an account's root user. */
  readonly isAccountRoot: boolean;
  private readonly keys: ReadonlyMap<string, readonly string[]>;

  constructor(context: RequestContext) {
    this.principal = context.principal;
    this.action = context.action;
    this.actionLower = context.action.toLowerCase();
    this.resource = context.resource;
    const root = ACCOUNT_ROOT.exec(context.principal.arn);
    this.isAccountRoot = root !== null && root[1] === context.principal.account;
    this.keys = normalizeConditionKeys(context.conditionKeys);
  }

  /** The key's values, or undefined when the key is absent or an empty list. */
  values(keyLower: string): readonly string[] | undefined {
    return this.keys.get(keyLower);
  }

  /** A single-valued key's value (for policy variables); multi-valued keys have none. */
  single(keyLower: string): string | undefined {
    const values = this.keys.get(keyLower);
    return values !== undefined && values.length === 1 ? values[0] : undefined;
  }
}

export function prepareRequest(context: RequestContext | PreparedRequest): PreparedRequest {
  return context instanceof PreparedRequest ? context : new PreparedRequest(context);
}

function normalizeConditionKeys(
  keys: ConditionKeys | undefined,
): ReadonlyMap<string, readonly string[]> {
  if (keys === undefined) return EMPTY_KEYS;
  const map = new Map<string, readonly string[]>();
  for (const name of Object.keys(keys)) {
    const values = toStringList(keys[name]);
    if (values === undefined || values.length === 0) continue;
    const lower = name.toLowerCase();
    const existing = map.get(lower);
    // Two names that differ only by case are one key to IAM; keep all their values.
    map.set(lower, existing === undefined ? values : [...existing, ...values]);
  }
  return map;
}

function toStringList(value: ConditionValue | undefined): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return [value];
  if (typeof value === 'boolean' || typeof value === 'number') return [String(value)];
  return value;
}
