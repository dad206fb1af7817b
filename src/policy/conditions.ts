import { cidrContains, parseCidr, parseIpAddress } from './ip-address.js';
import { PolicyDocumentError } from './policy-document-error.js';
import {
  parsePolicyTemplate,
  resolveTemplatePieces,
  resolveTemplateText,
  type PolicyTemplate,
} from './policy-variables.js';
import type { PreparedRequest } from './request.js';
import {
  compileArnPattern,
  compilePieces,
  compileWildcard,
  type PatternPiece,
  type WildcardMatcher,
} from './wildcard.js';

export type SetOperator = 'ForAllValues' | 'ForAnyValue';

export const CONDITION_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
] as const;

export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** Tests one request value against one policy value (the positive form of the operator). */
type ValueTest = (requestValue: string, request: PreparedRequest) => boolean;

export interface CompiledCondition {
  /** The operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string;
  readonly baseOperator: ConditionOperator;
  readonly setOperator?: SetOperator;
  readonly ifExists: boolean;
  /** The condition key as written. */
  readonly key: string;
  readonly keyLower: string;
  /** The policy values as written (JSON numbers and booleans as their text). */
  readonly values: readonly string[];
  /** Not-operators (StringNotEquals, NotIpAddress, …): true when no policy value matches. */
  readonly negated: boolean;
  readonly tests: readonly ValueTest[];
}

export interface ConditionExplanation {
  readonly operator: string;
  readonly baseOperator: ConditionOperator;
  readonly setOperator?: SetOperator;
  readonly ifExists: boolean;
  readonly negated: boolean;
  readonly key: string;
  readonly values: readonly string[];
  readonly matched: boolean;
  /** What the request had for the key; undefined when the key was absent. */
  readonly requestValues: readonly string[] | undefined;
  /** Whether a request without the key satisfies the condition. */
  readonly absentSatisfies: boolean;
}

/** What a request must carry for a condition to hold, in words and, where possible, as values. */
export interface ConditionRemedy {
  /**
   * Values that satisfy the condition as written, for a one-click retry: the policy values of
   * positive equality operators (not patterns, not policy variables). Empty when none is.
   */
  readonly values: readonly string[];
  /** e.g. `kms:EncryptionContext:department is "finance" or "engineering"`. */
  readonly requirement: string;
}

export interface ConditionCompileOptions {
  /** Policy variables (`${aws:username}`) are only substituted in Version 2012-10-17 documents. */
  readonly policyVariables: boolean;
}

interface OperatorSpec {
  readonly negated: boolean;
  readonly compile: (raw: string, options: ConditionCompileOptions) => ValueTest | string;
}

// ---------------------------------------------------------------------------------------------
// Compilation

export function compileConditionBlock(
  block: unknown,
  path: string,
  options: ConditionCompileOptions,
): CompiledCondition[] {
  if (!isPlainObject(block)) {
    throw new PolicyDocumentError(path, 'Condition must be an object of condition operators');
  }
  const compiled: CompiledCondition[] = [];
  for (const [operator, entries] of Object.entries(block)) {
    const operatorPath = `${path}.${operator}`;
    if (!isPlainObject(entries)) {
      throw new PolicyDocumentError(operatorPath, 'must be an object of condition keys and values');
    }
    const keys = Object.entries(entries);
    if (keys.length === 0) {
      throw new PolicyDocumentError(operatorPath, 'must name at least one condition key');
    }
    for (const [key, rawValues] of keys) {
      compiled.push(compileCondition(operator, key, rawValues, `${operatorPath}.${key}`, options));
    }
  }
  return compiled;
}

export function compileCondition(
  operator: string,
  key: string,
  rawValues: unknown,
  path: string,
  options: ConditionCompileOptions,
): CompiledCondition {
  const parsed = parseOperatorName(operator, path);
  if (key.trim() === '') throw new PolicyDocumentError(path, 'condition key name is empty');
  const values = conditionValues(rawValues, path);
  const spec = OPERATOR_SPECS[parsed.baseOperator];
  const tests = values.map((value) => {
    const test = spec.compile(value, options);
    if (typeof test === 'string') throw new PolicyDocumentError(path, test);
    return test;
  });
  return {
    operator,
    baseOperator: parsed.baseOperator,
    ...(parsed.setOperator === undefined ? {} : { setOperator: parsed.setOperator }),
    ifExists: parsed.ifExists,
    key,
    keyLower: key.toLowerCase(),
    values,
    negated: spec.negated,
    tests,
  };
}

interface ParsedOperatorName {
  readonly baseOperator: ConditionOperator;
  readonly setOperator?: SetOperator;
  readonly ifExists: boolean;
}

const OPERATORS_BY_LOWER_NAME: ReadonlyMap<string, ConditionOperator> = new Map(
  CONDITION_OPERATORS.map((name) => [name.toLowerCase(), name]),
);

function parseOperatorName(operator: string, path: string): ParsedOperatorName {
  let rest = operator;
  let setOperator: SetOperator | undefined;
  const colon = operator.indexOf(':');
  if (colon >= 0) {
    const prefix = operator.slice(0, colon).toLowerCase();
    if (prefix === 'forallvalues') setOperator = 'ForAllValues';
    else if (prefix === 'foranyvalue') setOperator = 'ForAnyValue';
    else {
      throw new PolicyDocumentError(
        path,
        `unknown condition set operator "${operator.slice(0, colon)}" (expected ForAllValues or ForAnyValue)`,
      );
    }
    rest = operator.slice(colon + 1);
  }
  let lower = rest.toLowerCase();
  const ifExists = lower.endsWith('ifexists') && lower !== 'ifexists';
  if (ifExists) lower = lower.slice(0, -'ifexists'.length);
  const baseOperator = OPERATORS_BY_LOWER_NAME.get(lower);
  if (baseOperator === undefined) {
    throw new PolicyDocumentError(path, `unknown condition operator "${operator}"`);
  }
  if (baseOperator === 'Null' && (ifExists || setOperator !== undefined)) {
    throw new PolicyDocumentError(
      path,
      `the Null operator takes no IfExists suffix or set operator`,
    );
  }
  return { baseOperator, ...(setOperator === undefined ? {} : { setOperator }), ifExists };
}

function conditionValues(raw: unknown, path: string): string[] {
  const list = Array.isArray(raw) ? (raw as unknown[]) : [raw];
  if (list.length === 0) throw new PolicyDocumentError(path, 'condition has no values');
  return list.map((value) => {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw new PolicyDocumentError(path, 'condition values must be strings, numbers or booleans');
  });
}

// ---------------------------------------------------------------------------------------------
// Operators

const STRING_EQUALS: OperatorSpec = { negated: false, compile: compileStringEquals };
const STRING_EQUALS_IGNORE_CASE: OperatorSpec = { negated: false, compile: compileIgnoreCase };
const STRING_LIKE: OperatorSpec = { negated: false, compile: compileStringLike };
const NUMERIC_EQUALS: OperatorSpec = numeric((a, b) => a === b);
const DATE_EQUALS: OperatorSpec = date((a, b) => a === b);
const IP_ADDRESS: OperatorSpec = { negated: false, compile: compileIpAddress };
const ARN_LIKE: OperatorSpec = { negated: false, compile: compileArnLike };

const OPERATOR_SPECS: Readonly<Record<ConditionOperator, OperatorSpec>> = {
  StringEquals: STRING_EQUALS,
  StringNotEquals: { ...STRING_EQUALS, negated: true },
  StringEqualsIgnoreCase: STRING_EQUALS_IGNORE_CASE,
  StringNotEqualsIgnoreCase: { ...STRING_EQUALS_IGNORE_CASE, negated: true },
  StringLike: STRING_LIKE,
  StringNotLike: { ...STRING_LIKE, negated: true },
  NumericEquals: NUMERIC_EQUALS,
  NumericNotEquals: { ...NUMERIC_EQUALS, negated: true },
  NumericLessThan: numeric((a, b) => a < b),
  NumericLessThanEquals: numeric((a, b) => a <= b),
  NumericGreaterThan: numeric((a, b) => a > b),
  NumericGreaterThanEquals: numeric((a, b) => a >= b),
  DateEquals: DATE_EQUALS,
  DateNotEquals: { ...DATE_EQUALS, negated: true },
  DateLessThan: date((a, b) => a < b),
  DateLessThanEquals: date((a, b) => a <= b),
  DateGreaterThan: date((a, b) => a > b),
  DateGreaterThanEquals: date((a, b) => a >= b),
  Bool: { negated: false, compile: compileBool },
  BinaryEquals: { negated: false, compile: (raw) => (value) => value === raw },
  IpAddress: IP_ADDRESS,
  NotIpAddress: { ...IP_ADDRESS, negated: true },
  // AWS documents ArnEquals and ArnLike as the same per-component wildcard match.
  ArnEquals: ARN_LIKE,
  ArnLike: ARN_LIKE,
  ArnNotEquals: { ...ARN_LIKE, negated: true },
  ArnNotLike: { ...ARN_LIKE, negated: true },
  // Null never calls its value test: evaluateCondition handles it before looking at values.
  Null: { negated: false, compile: compileNull },
};

function templateOf(raw: string, options: ConditionCompileOptions): PolicyTemplate | undefined {
  return options.policyVariables ? parsePolicyTemplate(raw) : undefined;
}

function compileStringEquals(raw: string, options: ConditionCompileOptions): ValueTest {
  const template = templateOf(raw, options);
  if (template === undefined) return (value) => value === raw;
  return (value, request) => value === resolveTemplateText(template, (k) => request.single(k));
}

function compileIgnoreCase(raw: string, options: ConditionCompileOptions): ValueTest {
  const template = templateOf(raw, options);
  const lower = raw.toLowerCase();
  if (template === undefined) {
    return (value) => value.toLowerCase() === lower;
  }
  return (value, request) =>
    value.toLowerCase() === resolveTemplateText(template, (k) => request.single(k))?.toLowerCase();
}

function compileStringLike(raw: string, options: ConditionCompileOptions): ValueTest {
  return compileTemplatedPattern(raw, options, compileWildcard, compilePieces);
}

function compileArnLike(raw: string, options: ConditionCompileOptions): ValueTest {
  return compileTemplatedPattern(
    raw,
    options,
    (pattern) => compileArnPattern([{ text: pattern, literal: false }]),
    compileArnPattern,
  );
}

function compileTemplatedPattern(
  raw: string,
  options: ConditionCompileOptions,
  compilePlain: (pattern: string) => WildcardMatcher,
  compileResolved: (pieces: readonly PatternPiece[]) => WildcardMatcher,
): ValueTest {
  const template = templateOf(raw, options);
  if (template === undefined) {
    const matcher = compilePlain(raw);
    return (value) => matcher.matches(value);
  }
  return (value, request) => {
    const pieces = resolveTemplatePieces(template, (k) => request.single(k));
    return pieces !== undefined && compileResolved(pieces).matches(value);
  };
}

function numeric(compare: (requestValue: number, policyValue: number) => boolean): OperatorSpec {
  return {
    negated: false,
    compile: (raw) => {
      const policyValue = parseNumber(raw);
      if (policyValue === undefined) return `"${raw}" is not a number`;
      return (value) => {
        const requestValue = parseNumber(value);
        return requestValue !== undefined && compare(requestValue, policyValue);
      };
    },
  };
}

function date(compare: (requestValue: number, policyValue: number) => boolean): OperatorSpec {
  return {
    negated: false,
    compile: (raw) => {
      const policyValue = parseDate(raw);
      if (policyValue === undefined) {
        return `"${raw}" is not a date (use ISO 8601 or epoch seconds)`;
      }
      return (value) => {
        const requestValue = parseDate(value);
        return requestValue !== undefined && compare(requestValue, policyValue);
      };
    },
  };
}

function compileBool(raw: string): ValueTest | string {
  const lower = raw.toLowerCase();
  if (lower !== 'true' && lower !== 'false') return `"${raw}" is not a boolean (true or false)`;
  return (value) => value.toLowerCase() === lower;
}

function compileIpAddress(raw: string): ValueTest | string {
  const block = parseCidr(raw);
  if (block === undefined) return `"${raw}" is not an IP address or CIDR block`;
  return (value) => {
    const address = parseIpAddress(value);
    return address !== undefined && cidrContains(block, address);
  };
}

function compileNull(raw: string): ValueTest | string {
  const lower = raw.toLowerCase();
  if (lower !== 'true' && lower !== 'false') return `Null takes true or false, not "${raw}"`;
  return () => false;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const EPOCH_SECONDS = /^-?\d+(\.\d+)?$/;

function parseNumber(text: string): number | undefined {
  return NUMBER.test(text.trim()) ? Number(text) : undefined;
}

/** Milliseconds since the epoch, from ISO 8601 or epoch seconds (like aws:EpochTime). */
export function parseDate(text: string): number | undefined {
  if (EPOCH_SECONDS.test(text)) return Number(text) * 1000;
  const millis = Date.parse(text);
  return Number.isNaN(millis) ? undefined : millis;
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/**
 * AWS semantics: the condition's values are OR'd; a missing key fails positive operators and
 * satisfies negated ones; `…IfExists` and ForAllValues are satisfied by a missing key;
 * ForAnyValue is not. Without a set operator a multi-valued key matches when any of its values
 * matches (negated: when none does).
 */
export function evaluateCondition(condition: CompiledCondition, request: PreparedRequest): boolean {
  const values = request.values(condition.keyLower);
  if (condition.baseOperator === 'Null') return evaluateNull(condition, values !== undefined);
  if (values === undefined) return missingKeyResult(condition);
  if (condition.setOperator === 'ForAllValues') {
    for (const value of values) {
      if (matchesOneValue(condition, value, request) === condition.negated) return false;
    }
    return true;
  }
  if (condition.setOperator === 'ForAnyValue') {
    for (const value of values) {
      if (matchesOneValue(condition, value, request) !== condition.negated) return true;
    }
    return false;
  }
  for (const value of values) {
    if (matchesOneValue(condition, value, request)) return !condition.negated;
  }
  return condition.negated;
}

export function explainCondition(
  condition: CompiledCondition,
  request: PreparedRequest,
): ConditionExplanation {
  return {
    operator: condition.operator,
    baseOperator: condition.baseOperator,
    ...(condition.setOperator === undefined ? {} : { setOperator: condition.setOperator }),
    ifExists: condition.ifExists,
    negated: condition.negated,
    key: condition.key,
    values: condition.values,
    matched: evaluateCondition(condition, request),
    requestValues: request.values(condition.keyLower),
    absentSatisfies:
      condition.baseOperator === 'Null'
        ? evaluateNull(condition, false)
        : missingKeyResult(condition),
  };
}

// Operators whose policy values, as written, are values a request may carry to satisfy them.
const LITERAL_OPERATORS: ReadonlySet<ConditionOperator> = new Set([
  'StringEquals',
  'StringEqualsIgnoreCase',
  'StringLike',
  'ArnEquals',
  'ArnLike',
  'NumericEquals',
  'Bool',
]);

const PHRASES: Readonly<Record<Exclude<ConditionOperator, 'Null'>, string>> = {
  StringEquals: 'is',
  StringNotEquals: 'is not',
  StringEqualsIgnoreCase: 'is (in any case)',
  StringNotEqualsIgnoreCase: 'is not (in any case)',
  StringLike: 'matches',
  StringNotLike: 'does not match',
  NumericEquals: 'equals',
  NumericNotEquals: 'does not equal',
  NumericLessThan: 'is less than',
  NumericLessThanEquals: 'is at most',
  NumericGreaterThan: 'is greater than',
  NumericGreaterThanEquals: 'is at least',
  DateEquals: 'is the date',
  DateNotEquals: 'is not the date',
  DateLessThan: 'is before',
  DateLessThanEquals: 'is at or before',
  DateGreaterThan: 'is after',
  DateGreaterThanEquals: 'is at or after',
  Bool: 'is',
  BinaryEquals: 'is the base64 bytes',
  IpAddress: 'is an address in',
  NotIpAddress: 'is not an address in',
  ArnEquals: 'is',
  ArnLike: 'matches',
  ArnNotEquals: 'is not',
  ArnNotLike: 'does not match',
};

/** What would satisfy the condition: in words, and the literal values a retry may use. */
export function conditionRemedy(condition: ConditionExplanation): ConditionRemedy {
  if (condition.baseOperator === 'Null') {
    const absent = condition.values.some((value) => value.toLowerCase() === 'true');
    return {
      values: [],
      requirement: `${condition.key} ${absent ? 'is absent from the request' : 'is in the request'}`,
    };
  }
  const quoted = condition.values.map((value) => `"${value}"`);
  const alternatives =
    quoted.length <= 1
      ? (quoted[0] ?? '')
      : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1] ?? ''}`;
  const pattern = condition.baseOperator === 'StringLike' || condition.baseOperator === 'ArnLike';
  const literal =
    LITERAL_OPERATORS.has(condition.baseOperator) && condition.setOperator !== 'ForAllValues'
      ? condition.values.filter(
          (value) => !value.includes('${') && !(pattern && /[*?]/.test(value)),
        )
      : [];
  const set =
    condition.setOperator === 'ForAnyValue'
      ? 'has a value that '
      : condition.setOperator === 'ForAllValues'
        ? 'has only values that '
        : '';
  const requirement = `${condition.key} ${set}${PHRASES[condition.baseOperator]} ${alternatives}${condition.ifExists ? ', or is absent' : ''}`;
  return { values: literal, requirement };
}

function missingKeyResult(condition: CompiledCondition): boolean {
  if (condition.ifExists) return true;
  if (condition.setOperator === 'ForAllValues') return true;
  if (condition.setOperator === 'ForAnyValue') return false;
  return condition.negated;
}

/** Whether one request value equals (or is like, …) any of the policy values. */
function matchesOneValue(
  condition: CompiledCondition,
  value: string,
  request: PreparedRequest,
): boolean {
  for (const test of condition.tests) {
    if (test(value, request)) return true;
  }
  return false;
}

function evaluateNull(condition: CompiledCondition, present: boolean): boolean {
  for (const value of condition.values) {
    // "Null": {"key": true} asks "is the key absent?".
    if ((value.toLowerCase() === 'true') !== present) return true;
  }
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
