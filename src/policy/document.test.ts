import { describe, expect, it } from 'vitest';
import {
  parseIdentityPolicy,
  parseKeyPolicy,
  parsePolicyDocument,
  PolicyDocumentError,
  type ParsePolicyOptions,
} from './document.js';
import { createPolicyCache } from './policy-cache.js';

const statement = (extra: Record<string, unknown>) => ({
  Effect: 'Allow',
  Principal: '*',
  Action: 'kms:Encrypt',
  Resource: '*',
  ...extra,
});
const withStatement = (extra: Record<string, unknown>) => ({
  Version: '2012-10-17',
  Statement: [statement(extra)],
});
const withCondition = (condition: unknown) => withStatement({ Condition: condition });

type ErrorCase = [
  name: string,
  input: unknown,
  message: RegExp | string,
  options?: ParsePolicyOptions,
];

const errors: ErrorCase[] = [
  ['invalid JSON', '{"Version": ', /^The policy is not valid JSON/],
  ['not an object', '[]', 'The policy must be a JSON object'],
  ['no Statement', { Version: '2012-10-17' }, 'The policy has no Statement element'],
  [
    'unknown top-level element',
    { Version: '2012-10-17', Statement: [], Statements: [] },
    'unknown element "Statements"',
  ],
  [
    'unknown Version',
    { Version: '2020-01-01', Statement: [] },
    'Version: must be "2012-10-17" or "2008-10-17", got "2020-01-01"',
  ],
  [
    'statement is not an object',
    { Statement: ['Allow'] },
    'Statement[0]: each statement must be a JSON object',
  ],
  [
    'missing Effect',
    withStatement({ Effect: undefined }),
    'Statement[0]: the statement has no Effect',
  ],
  [
    'Effect not Allow/Deny',
    withStatement({ Effect: 'Permit' }),
    'Statement[0].Effect: must be "Allow" or "Deny", got "Permit"',
  ],
  ['Effect is case-sensitive', withStatement({ Effect: 'allow' }), /must be "Allow" or "Deny"/],
  [
    'both Action and NotAction',
    withStatement({ NotAction: 'kms:Decrypt' }),
    'Statement[0]: a statement cannot have both Action and NotAction',
  ],
  [
    'no Action',
    withStatement({ Action: undefined }),
    'Statement[0]: the statement has no Action or NotAction',
  ],
  ['Action not service:action', withStatement({ Action: 'Encrypt' }), /"Encrypt" is not an action/],
  [
    'empty Action list',
    withStatement({ Action: [] }),
    'Statement[0].Action: must not be an empty list',
  ],
  ['Action not a string', withStatement({ Action: 42 }), /must be a non-empty string/],
  [
    'no Resource',
    withStatement({ Resource: undefined }),
    'Statement[0]: the statement has no Resource or NotResource',
  ],
  [
    'both Resource and NotResource',
    withStatement({ NotResource: '*' }),
    /both Resource and NotResource/,
  ],
  [
    'key policy statement without Principal',
    withStatement({ Principal: undefined }),
    /has no Principal \(required in key policies\)/,
    { principal: 'required' },
  ],
  [
    'identity policy with a Principal',
    withStatement({}),
    /identity-based policies cannot have Principal/,
    { principal: 'forbidden' },
  ],
  [
    'both Principal and NotPrincipal',
    withStatement({ NotPrincipal: { AWS: '111122223333' } }),
    /both Principal and NotPrincipal/,
  ],
  [
    'unknown principal type',
    withStatement({ Principal: { IAM: 'x' } }),
    /unknown principal type "IAM"/,
  ],
  [
    'wildcard inside a principal',
    withStatement({ Principal: { AWS: 'arn:aws:iam::111122223333:role/*' } }),
    /wildcards are not allowed in a principal/,
  ],
  [
    'principal neither account nor ARN',
    withStatement({ Principal: { AWS: 'alice' } }),
    /"alice" is not an account id or an ARN/,
  ],
  ['Principal of the wrong type', withStatement({ Principal: ['*'] }), /must be "\*" or an object/],
  [
    'unknown statement element',
    withStatement({ Actions: 'kms:*' }),
    'Statement[0]: unknown element "Actions"',
  ],
  [
    'Condition not an object',
    withCondition('x'),
    'Statement[0].Condition: Condition must be an object of condition operators',
  ],
  [
    'unknown condition operator',
    withCondition({ StringEqual: { 'aws:username': 'a' } }),
    'Statement[0].Condition.StringEqual.aws:username: unknown condition operator "StringEqual"',
  ],
  [
    'unknown set operator',
    withCondition({ 'ForSomeValues:StringEquals': { k: 'a' } }),
    /unknown condition set operator "ForSomeValues"/,
  ],
  [
    'Null with IfExists',
    withCondition({ NullIfExists: { k: 'true' } }),
    /the Null operator takes no IfExists suffix/,
  ],
  ['Null with a non-boolean', withCondition({ Null: { k: 'maybe' } }), /Null takes true or false/],
  [
    'Numeric with a non-number',
    withCondition({ NumericLessThan: { k: 'ten' } }),
    /"ten" is not a number/,
  ],
  [
    'Date with a non-date',
    withCondition({ DateLessThan: { 'aws:CurrentTime': 'tomorrow' } }),
    /"tomorrow" is not a date/,
  ],
  [
    'Bool with a non-boolean',
    withCondition({ Bool: { 'aws:SecureTransport': 'yes' } }),
    /"yes" is not a boolean/,
  ],
  [
    'IpAddress with a bad block',
    withCondition({ IpAddress: { 'aws:SourceIp': '300.1.1.1/8' } }),
    /is not an IP address or CIDR block/,
  ],
  [
    'empty condition value list',
    withCondition({ StringEquals: { k: [] } }),
    /condition has no values/,
  ],
  [
    'condition value of the wrong type',
    withCondition({ StringEquals: { k: { a: 1 } } }),
    /must be strings, numbers or booleans/,
  ],
  [
    'operator without keys',
    withCondition({ StringEquals: {} }),
    /must name at least one condition key/,
  ],
];

describe('parsePolicyDocument errors', () => {
  it.each(errors)('%s', (_name, input, message, options) => {
    const parse = () =>
      parsePolicyDocument(typeof input === 'string' ? input : JSON.stringify(input), options);
    expect(parse).toThrow(PolicyDocumentError);
    expect(parse).toThrow(message);
  });

  it('names the statement by Sid in the location', () => {
    const input = { Statement: [statement({}), statement({ Sid: 'Broken', Effect: 'Permit' })] };
    expect(() => parsePolicyDocument(input)).toThrow(
      'Statement[1] (Sid "Broken").Effect: must be "Allow" or "Deny", got "Permit"',
    );
    try {
      parsePolicyDocument(input);
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyDocumentError);
      expect((error as PolicyDocumentError).path).toBe('Statement[1] (Sid "Broken").Effect');
      expect((error as PolicyDocumentError).reason).toBe('must be "Allow" or "Deny", got "Permit"');
    }
  });
});

describe('parsePolicyDocument normalization', () => {
  it('accepts a single statement object and string elements', () => {
    const document = parseKeyPolicy({
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: {
        Sid: 'Enable IAM User Permissions',
        Effect: 'Allow',
        Principal: { AWS: '111122223333' },
        Action: 'kms:*',
        Resource: '*',
      },
    });
    expect(document.version).toBe('2012-10-17');
    expect(document.id).toBe('key-default-1');
    expect(document.statements).toHaveLength(1);
    const [first] = document.statements;
    expect(first?.sid).toBe('Enable IAM User Permissions');
    expect(first?.principal?.value).toEqual({ AWS: ['arn:aws:iam::111122223333:root'] });
    expect(first?.action.values).toEqual(['kms:*']);
    expect(first?.resource?.values).toEqual(['*']);
  });

  it('normalizes Service and Federated principals and NotPrincipal', () => {
    const document = parsePolicyDocument(
      withStatement({
        Principal: undefined,
        NotPrincipal: {
          Service: ['s3.amazonaws.com'],
          Federated: 'cognito-identity.amazonaws.com',
        },
      }),
    );
    const principal = document.statements[0]?.principal;
    expect(principal?.negated).toBe(true);
    expect(principal?.value).toEqual({
      Service: ['s3.amazonaws.com'],
      Federated: ['cognito-identity.amazonaws.com'],
    });
  });

  it('keeps the conditions as written for explanations', () => {
    const document = parseIdentityPolicy({
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Action: 'kms:Encrypt',
        Resource: '*',
        Condition: {
          'ForAnyValue:StringEqualsIfExists': { 'kms:GrantOperations': ['Encrypt', 7] },
        },
      },
    });
    expect(document.statements[0]?.conditions[0]).toMatchObject({
      operator: 'ForAnyValue:StringEqualsIfExists',
      baseOperator: 'StringEquals',
      setOperator: 'ForAnyValue',
      ifExists: true,
      key: 'kms:GrantOperations',
      values: ['Encrypt', '7'],
      negated: false,
    });
  });

  it('caches parsed documents by text', () => {
    const cache = createPolicyCache(2);
    const json = JSON.stringify(withStatement({}));
    const first = cache.get(json, { principal: 'required' });
    expect(cache.get(json, { principal: 'required' })).toBe(first);
    expect(cache.get(json)).not.toBe(first);
    cache.get(JSON.stringify(withStatement({ Sid: 'x' })));
    expect(cache.size).toBe(2);
    expect(() => cache.get('nope')).toThrow(PolicyDocumentError);
  });
});
