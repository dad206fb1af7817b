import { compileConditionBlock, type CompiledCondition } from './conditions.js';
import { PolicyDocumentError } from './policy-document-error.js';
import { parsePolicyTemplate, resolveTemplatePieces } from './policy-variables.js';
import { compilePrincipal, type CompiledPrincipal, type NormalizedPrincipal } from './principal.js';
import type { PreparedRequest } from './request.js';
import { compilePieces, compileWildcard, type WildcardMatcher } from './wildcard.js';

export { PolicyDocumentError } from './policy-document-error.js';

export type Effect = 'Allow' | 'Deny';
export type PolicyVersion = '2012-10-17' | '2008-10-17';

/** Matches one request value (the lower-cased action, or the resource ARN). */
export interface ElementMatcher {
  readonly pattern: string;
  matches(value: string, request: PreparedRequest): boolean;
}

/** Action/NotAction or Resource/NotResource, normalized to a list. */
export interface ElementList {
  readonly negated: boolean;
  readonly values: readonly string[];
  readonly matchers: readonly ElementMatcher[];
}

export interface StatementPrincipal extends CompiledPrincipal {
  /** True for NotPrincipal. */
  readonly negated: boolean;
  readonly value: NormalizedPrincipal;
}

export interface PolicyStatement {
  readonly index: number;
  readonly sid?: string;
  readonly effect: Effect;
  /** Absent in identity-based policies. */
  readonly principal?: StatementPrincipal;
  readonly action: ElementList;
  /** Absent only when the document was parsed with `requireResource: false`. */
  readonly resource?: ElementList;
  readonly conditions: readonly CompiledCondition[];
}

export interface PolicyDocument {
  readonly version?: PolicyVersion;
  readonly id?: string;
  readonly statements: readonly PolicyStatement[];
}

export interface ParsePolicyOptions {
  /**
   * `required` for key policies (and other resource-based policies), `forbidden` for IAM
   * identity-based and session policies, `optional` (the default) to accept either.
   */
  readonly principal?: 'required' | 'forbidden' | 'optional';
  /** Statements must have Resource or NotResource (default true). */
  readonly requireResource?: boolean;
}

const DOCUMENT_FIELDS = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_FIELDS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
const VERSIONS: readonly string[] = ['2012-10-17', '2008-10-17'];
const ACTION = /^[a-zA-Z0-9-]+:[a-zA-Z0-9*?]+$/;

/** Parses and validates a policy (JSON text or an already parsed value) into its compiled form. */
export function parsePolicyDocument(
  input: unknown,
  options: ParsePolicyOptions = {},
): PolicyDocument {
  const raw = typeof input === 'string' ? parseJson(input) : input;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new PolicyDocumentError('', 'The policy must be a JSON object');
  }
  const document = raw as Record<string, unknown>;
  rejectUnknownFields(document, DOCUMENT_FIELDS, '');
  const version = parseVersion(document['Version']);
  const id = optionalString(document['Id'], 'Id');
  const rawStatements = document['Statement'];
  if (rawStatements === undefined) {
    throw new PolicyDocumentError('', 'The policy has no Statement element');
  }
  const list = Array.isArray(rawStatements) ? (rawStatements as unknown[]) : [rawStatements];
  const statements = list.map((statement, index) =>
    parseStatement(statement, index, version, options),
  );
  return { ...(version ? { version } : {}), ...(id !== undefined ? { id } : {}), statements };
}

/** Key policies: every statement needs a Principal. */
export function parseKeyPolicy(input: unknown): PolicyDocument {
  return parsePolicyDocument(input, { principal: 'required' });
}

/** IAM identity-based and session policies: no statement may have a Principal. */
export function parseIdentityPolicy(input: unknown): PolicyDocument {
  return parsePolicyDocument(input, { principal: 'forbidden' });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new PolicyDocumentError('', `The policy is not valid JSON: ${detail}`);
  }
}

function parseVersion(raw: unknown): PolicyVersion | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !VERSIONS.includes(raw)) {
    throw new PolicyDocumentError(
      'Version',
      `must be "2012-10-17" or "2008-10-17", got ${JSON.stringify(raw)}`,
    );
  }
  return raw as PolicyVersion;
}

function parseStatement(
  raw: unknown,
  index: number,
  version: PolicyVersion | undefined,
  options: ParsePolicyOptions,
): PolicyStatement {
  const basePath = `Statement[${index}]`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new PolicyDocumentError(basePath, 'each statement must be a JSON object');
  }
  const statement = raw as Record<string, unknown>;
  const sid = optionalString(statement['Sid'], `${basePath}.Sid`);
  // Naming the Sid makes errors in long key policies easy to find.
  const path = sid === undefined ? basePath : `${basePath} (Sid "${sid}")`;
  rejectUnknownFields(statement, STATEMENT_FIELDS, path);
  const policyVariables = version === '2012-10-17';
  const principal = parseStatementPrincipal(statement, path, options);
  const resource = parseResource(statement, path, policyVariables, options);
  const rawCondition = statement['Condition'];
  return {
    index,
    ...(sid !== undefined ? { sid } : {}),
    effect: parseEffect(statement['Effect'], path),
    ...(principal ? { principal } : {}),
    action: parseAction(statement, path),
    ...(resource ? { resource } : {}),
    conditions:
      rawCondition === undefined
        ? []
        : compileConditionBlock(rawCondition, `${path}.Condition`, { policyVariables }),
  };
}

function parseEffect(raw: unknown, path: string): Effect {
  if (raw === undefined) throw new PolicyDocumentError(path, 'the statement has no Effect');
  if (raw !== 'Allow' && raw !== 'Deny') {
    throw new PolicyDocumentError(
      `${path}.Effect`,
      `must be "Allow" or "Deny", got ${JSON.stringify(raw)}`,
    );
  }
  return raw;
}

function parseStatementPrincipal(
  statement: Record<string, unknown>,
  path: string,
  options: ParsePolicyOptions,
): StatementPrincipal | undefined {
  const positive = statement['Principal'];
  const negative = statement['NotPrincipal'];
  if (positive !== undefined && negative !== undefined) {
    throw new PolicyDocumentError(path, 'a statement cannot have both Principal and NotPrincipal');
  }
  const mode = options.principal ?? 'optional';
  const present = positive !== undefined || negative !== undefined;
  if (!present) {
    if (mode === 'required') {
      throw new PolicyDocumentError(
        path,
        'the statement has no Principal (required in key policies)',
      );
    }
    return undefined;
  }
  if (mode === 'forbidden') {
    throw new PolicyDocumentError(
      path,
      'identity-based policies cannot have Principal or NotPrincipal',
    );
  }
  const negated = positive === undefined;
  const field = negated ? 'NotPrincipal' : 'Principal';
  return { negated, ...compilePrincipal(negated ? negative : positive, `${path}.${field}`) };
}

function parseAction(statement: Record<string, unknown>, path: string): ElementList {
  const element = pickElement(statement, 'Action', 'NotAction', path);
  if (element === undefined) {
    throw new PolicyDocumentError(path, 'the statement has no Action or NotAction');
  }
  const values = stringList(element.raw, `${path}.${element.name}`);
  for (const action of values) {
    if (action !== '*' && !ACTION.test(action)) {
      throw new PolicyDocumentError(
        `${path}.${element.name}`,
        `"${action}" is not an action (expected "service:Action", e.g. "kms:Encrypt")`,
      );
    }
  }
  // Actions are case-insensitive: patterns are lower-cased here, requests in PreparedRequest.
  const matchers = values.map((action) => toElementMatcher(compileWildcard(action.toLowerCase())));
  return { negated: element.negated, values, matchers };
}

function parseResource(
  statement: Record<string, unknown>,
  path: string,
  policyVariables: boolean,
  options: ParsePolicyOptions,
): ElementList | undefined {
  const element = pickElement(statement, 'Resource', 'NotResource', path);
  if (element === undefined) {
    if (options.requireResource === false) return undefined;
    throw new PolicyDocumentError(path, 'the statement has no Resource or NotResource');
  }
  const values = stringList(element.raw, `${path}.${element.name}`);
  const matchers = values.map((resource) => compileResource(resource, policyVariables));
  return { negated: element.negated, values, matchers };
}

function compileResource(resource: string, policyVariables: boolean): ElementMatcher {
  const template = policyVariables ? parsePolicyTemplate(resource) : undefined;
  if (template === undefined) return toElementMatcher(compileWildcard(resource));
  return {
    pattern: resource,
    matches: (value, request) => {
      const pieces = resolveTemplatePieces(template, (key) => request.single(key));
      return pieces !== undefined && compilePieces(pieces).matches(value);
    },
  };
}

function toElementMatcher(matcher: WildcardMatcher): ElementMatcher {
  return { pattern: matcher.pattern, matches: (value) => matcher.matches(value) };
}

interface PickedElement {
  readonly name: string;
  readonly negated: boolean;
  readonly raw: unknown;
}

function pickElement(
  statement: Record<string, unknown>,
  name: string,
  notName: string,
  path: string,
): PickedElement | undefined {
  const positive = statement[name];
  const negative = statement[notName];
  if (positive !== undefined && negative !== undefined) {
    throw new PolicyDocumentError(path, `a statement cannot have both ${name} and ${notName}`);
  }
  if (positive !== undefined) return { name, negated: false, raw: positive };
  if (negative !== undefined) return { name: notName, negated: true, raw: negative };
  return undefined;
}

function stringList(raw: unknown, path: string): string[] {
  const list = Array.isArray(raw) ? (raw as unknown[]) : [raw];
  if (list.length === 0) throw new PolicyDocumentError(path, 'must not be an empty list');
  return list.map((value) => {
    if (typeof value !== 'string' || value === '') {
      throw new PolicyDocumentError(path, 'must be a non-empty string or a list of them');
    }
    return value;
  });
}

function optionalString(raw: unknown, path: string): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw new PolicyDocumentError(path, 'must be a string');
  return raw;
}

function rejectUnknownFields(
  object: Record<string, unknown>,
  known: ReadonlySet<string>,
  path: string,
): void {
  for (const field of Object.keys(object)) {
    if (!known.has(field)) {
      throw new PolicyDocumentError(path, `unknown element "${field}"`);
    }
  }
}
