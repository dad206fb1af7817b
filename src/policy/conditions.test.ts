import { describe, expect, it } from 'vitest';
import { parsePolicyDocument } from './document.js';
import { evaluatePolicy, explainPolicy } from './evaluate.js';
import type { ConditionKeys, RequestContext } from './request.js';

const ROLE = 'arn:aws:iam::111122223333:role/KmsOperator';
const EC = 'kms:EncryptionContext:department';

function allowsWith(
  condition: Record<string, Record<string, unknown>>,
  conditionKeys: ConditionKeys,
  version: string = '2012-10-17',
): boolean {
  const document = parsePolicyDocument({
    Version: version,
    Statement: { Effect: 'Allow', Action: 'kms:*', Resource: '*', Condition: condition },
  });
  const request: RequestContext = {
    principal: { arn: 'arn:aws:iam::111122223333:user/alice', account: '111122223333' },
    action: 'kms:Encrypt',
    resource: 'arn:aws:kms:us-east-1:111122223333:key/k1',
    conditionKeys,
  };
  return evaluatePolicy(document, request).decision === 'Allow';
}

type ConditionCase = [
  name: string,
  condition: Record<string, Record<string, unknown>>,
  keys: ConditionKeys,
  expected: boolean,
];

const cases: ConditionCase[] = [
  // String operators
  ['StringEquals matches', { StringEquals: { [EC]: 'finance' } }, { [EC]: 'finance' }, true],
  [
    'StringEquals is case-sensitive on values',
    { StringEquals: { [EC]: 'finance' } },
    { [EC]: 'Finance' },
    false,
  ],
  [
    'StringEquals values are ORed',
    { StringEquals: { [EC]: ['finance', 'engineering'] } },
    { [EC]: 'engineering' },
    true,
  ],
  ['StringEquals on a missing key fails', { StringEquals: { [EC]: 'finance' } }, {}, false],
  [
    'StringNotEquals with another value',
    { StringNotEquals: { [EC]: 'finance' } },
    { [EC]: 'sales' },
    true,
  ],
  [
    'StringNotEquals with the same value',
    { StringNotEquals: { [EC]: 'finance' } },
    { [EC]: 'finance' },
    false,
  ],
  ['StringNotEquals on a missing key matches', { StringNotEquals: { [EC]: 'finance' } }, {}, true],
  [
    'StringNotEquals with several values',
    { StringNotEquals: { [EC]: ['a', 'finance'] } },
    { [EC]: 'finance' },
    false,
  ],
  [
    'StringEqualsIgnoreCase',
    { StringEqualsIgnoreCase: { [EC]: 'finance' } },
    { [EC]: 'FINANCE' },
    true,
  ],
  [
    'StringNotEqualsIgnoreCase',
    { StringNotEqualsIgnoreCase: { [EC]: 'finance' } },
    { [EC]: 'FiNaNcE' },
    false,
  ],
  ['StringLike with *', { StringLike: { [EC]: 'fin*' } }, { [EC]: 'finance' }, true],
  ['StringLike with ?', { StringLike: { [EC]: '?inance' } }, { [EC]: 'finance' }, true],
  [
    'StringLike ? is exactly one character',
    { StringLike: { [EC]: '?nance' } },
    { [EC]: 'finance' },
    false,
  ],
  ['StringLike is case-sensitive', { StringLike: { [EC]: 'FIN*' } }, { [EC]: 'finance' }, false],
  ['StringNotLike', { StringNotLike: { [EC]: 'eng*' } }, { [EC]: 'finance' }, true],
  ['StringNotLike on a missing key matches', { StringNotLike: { [EC]: 'eng*' } }, {}, true],
  [
    'condition key names are case-insensitive (also the context key)',
    { StringEquals: { 'KMS:ENCRYPTIONCONTEXT:Department': 'finance' } },
    { [EC]: 'finance' },
    true,
  ],
  [
    'request key names are case-insensitive too',
    { StringEquals: { [EC]: 'finance' } },
    { 'kms:encryptioncontext:DEPARTMENT': 'finance' },
    true,
  ],
  [
    'keys in one operator are ANDed',
    { StringEquals: { [EC]: 'finance', 'kms:CallerAccount': '444455556666' } },
    { [EC]: 'finance', 'kms:CallerAccount': '111122223333' },
    false,
  ],
  [
    'operators are ANDed',
    { StringEquals: { [EC]: 'finance' }, NumericLessThan: { 'test:n': 3 } },
    { [EC]: 'finance', 'test:n': 5 },
    false,
  ],
  [
    'operators are ANDed (all true)',
    { StringEquals: { [EC]: 'finance' }, NumericLessThan: { 'test:n': 10 } },
    { [EC]: 'finance', 'test:n': 5 },
    true,
  ],
  // Numeric operators
  ['NumericEquals', { NumericEquals: { 'test:n': '5' } }, { 'test:n': 5 }, true],
  [
    'NumericEquals compares numbers, not text',
    { NumericEquals: { 'test:n': '5.0' } },
    { 'test:n': '5' },
    true,
  ],
  ['NumericNotEquals', { NumericNotEquals: { 'test:n': 5 } }, { 'test:n': 6 }, true],
  ['NumericNotEquals on a missing key matches', { NumericNotEquals: { 'test:n': 5 } }, {}, true],
  ['NumericLessThan', { NumericLessThan: { 'test:n': 10 } }, { 'test:n': '9' }, true],
  ['NumericLessThan is strict', { NumericLessThan: { 'test:n': 10 } }, { 'test:n': 10 }, false],
  ['NumericLessThanEquals', { NumericLessThanEquals: { 'test:n': 10 } }, { 'test:n': 10 }, true],
  ['NumericGreaterThan', { NumericGreaterThan: { 'test:n': 10 } }, { 'test:n': 11 }, true],
  [
    'NumericGreaterThanEquals',
    { NumericGreaterThanEquals: { 'test:n': 10 } },
    { 'test:n': 9 },
    false,
  ],
  [
    'Numeric with a non-number request value',
    { NumericEquals: { 'test:n': 1 } },
    { 'test:n': 'one' },
    false,
  ],
  // Date operators
  [
    'DateLessThan (ISO 8601)',
    { DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } },
    { 'aws:CurrentTime': '2025-06-01T12:00:00Z' },
    true,
  ],
  [
    'DateGreaterThan',
    { DateGreaterThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } },
    { 'aws:CurrentTime': '2025-06-01T12:00:00Z' },
    false,
  ],
  [
    'DateEquals with epoch seconds against ISO 8601',
    { DateEquals: { 'aws:CurrentTime': '1735689600' } },
    { 'aws:CurrentTime': '2025-01-01T00:00:00Z' },
    true,
  ],
  [
    'DateNotEquals',
    { DateNotEquals: { 'aws:CurrentTime': '2025-01-01T00:00:00Z' } },
    { 'aws:CurrentTime': '2025-01-02T00:00:00Z' },
    true,
  ],
  [
    'DateLessThanEquals on the same instant',
    { DateLessThanEquals: { 'aws:CurrentTime': '2025-01-01T00:00:00Z' } },
    { 'aws:CurrentTime': '2025-01-01T00:00:00.000Z' },
    true,
  ],
  [
    'DateGreaterThanEquals with an epoch request value',
    { DateGreaterThanEquals: { 'aws:EpochTime': '2025-01-01T00:00:00Z' } },
    { 'aws:EpochTime': '1735689601' },
    true,
  ],
  // Bool, Binary, IP
  ['Bool true', { Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': true }, true],
  [
    'Bool false vs true',
    { Bool: { 'aws:SecureTransport': true } },
    { 'aws:SecureTransport': false },
    false,
  ],
  ['Bool on a missing key fails', { Bool: { 'aws:SecureTransport': true } }, {}, false],
  ['BoolIfExists on a missing key', { BoolIfExists: { 'aws:SecureTransport': true } }, {}, true],
  ['BinaryEquals', { BinaryEquals: { 'test:bin': 'QmluYXJ5' } }, { 'test:bin': 'QmluYXJ5' }, true],
  [
    'IpAddress in the block',
    { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
    { 'aws:SourceIp': '203.0.113.7' },
    true,
  ],
  [
    'IpAddress outside the block',
    { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
    { 'aws:SourceIp': '198.51.100.1' },
    false,
  ],
  [
    'NotIpAddress in the block',
    { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
    { 'aws:SourceIp': '203.0.113.7' },
    false,
  ],
  [
    'IpAddress IPv6',
    { IpAddress: { 'aws:SourceIp': '2001:db8::/32' } },
    { 'aws:SourceIp': '2001:db8:1::1' },
    true,
  ],
  // ARN operators
  [
    'ArnLike with wildcards',
    { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/Kms*' } },
    { 'aws:PrincipalArn': ROLE },
    true,
  ],
  [
    'ArnEquals exact',
    { ArnEquals: { 'aws:PrincipalArn': ROLE } },
    { 'aws:PrincipalArn': ROLE },
    true,
  ],
  [
    'ArnLike: a * in the account component does not cross a colon',
    { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/X' } },
    { 'aws:PrincipalArn': 'arn:aws:iam::1:2:role/X' },
    false,
  ],
  [
    'ArnLike: the resource component may contain colons',
    { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:*' } },
    { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/a:b' },
    true,
  ],
  [
    'ArnNotEquals',
    { ArnNotEquals: { 'aws:PrincipalArn': ROLE } },
    { 'aws:PrincipalArn': `${ROLE}2` },
    true,
  ],
  ['ArnNotLike on a missing key matches', { ArnNotLike: { 'aws:PrincipalArn': ROLE } }, {}, true],
  // Null
  ['Null true on a missing key', { Null: { [EC]: 'true' } }, {}, true],
  ['Null true on a present key', { Null: { [EC]: true } }, { [EC]: 'finance' }, false],
  ['Null false on a present key', { Null: { [EC]: 'false' } }, { [EC]: 'finance' }, true],
  [
    'Null true on an empty list (absent)',
    { Null: { 'kms:EncryptionContextKeys': 'true' } },
    { 'kms:EncryptionContextKeys': [] },
    true,
  ],
  // IfExists
  [
    'StringEqualsIfExists on a missing key',
    { StringEqualsIfExists: { [EC]: 'finance' } },
    {},
    true,
  ],
  [
    'StringEqualsIfExists on a present key',
    { StringEqualsIfExists: { [EC]: 'finance' } },
    { [EC]: 'sales' },
    false,
  ],
  [
    'NumericLessThanIfExists on a missing key',
    { NumericLessThanIfExists: { 'test:n': 1 } },
    {},
    true,
  ],
  [
    'ArnLikeIfExists on a present key',
    { ArnLikeIfExists: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/Kms*' } },
    { 'aws:PrincipalArn': ROLE },
    true,
  ],
  // Set operators on multi-valued keys
  [
    'ForAllValues: every value is in the set',
    { 'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['department', 'team'] } },
    { 'kms:EncryptionContextKeys': ['team', 'department'] },
    true,
  ],
  [
    'ForAllValues: one value outside the set',
    { 'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['department'] } },
    { 'kms:EncryptionContextKeys': ['department', 'project'] },
    false,
  ],
  [
    'ForAllValues on a missing key matches',
    { 'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': 'a' } },
    {},
    true,
  ],
  [
    'ForAllValues on an empty set matches',
    { 'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': 'a' } },
    { 'kms:EncryptionContextKeys': [] },
    true,
  ],
  [
    'ForAnyValue: one value in the set',
    { 'ForAnyValue:StringEquals': { 'kms:GrantOperations': ['Encrypt', 'Decrypt'] } },
    { 'kms:GrantOperations': ['RetireGrant', 'Decrypt'] },
    true,
  ],
  [
    'ForAnyValue: no value in the set',
    { 'ForAnyValue:StringEquals': { 'kms:GrantOperations': 'Encrypt' } },
    { 'kms:GrantOperations': ['Decrypt'] },
    false,
  ],
  [
    'ForAnyValue on a missing key fails',
    { 'ForAnyValue:StringEquals': { 'kms:GrantOperations': 'Encrypt' } },
    {},
    false,
  ],
  [
    'ForAnyValue on an empty set fails',
    { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': 'alias/x' } },
    { 'kms:ResourceAliases': [] },
    false,
  ],
  [
    'ForAnyValue...IfExists on a missing key matches',
    { 'ForAnyValue:StringEqualsIfExists': { 'kms:GrantOperations': 'Encrypt' } },
    {},
    true,
  ],
  [
    'ForAllValues:StringLike with wildcards',
    { 'ForAllValues:StringLike': { 'kms:ResourceAliases': 'alias/*Test*' } },
    { 'kms:ResourceAliases': ['alias/MyTest', 'alias/TestKey'] },
    true,
  ],
  [
    'ForAnyValue:StringNotEquals: some value is not in the set',
    { 'ForAnyValue:StringNotEquals': { 'kms:GrantOperations': ['Encrypt', 'Decrypt'] } },
    { 'kms:GrantOperations': ['Encrypt', 'RetireGrant'] },
    true,
  ],
  [
    'ForAllValues:StringNotEquals: one value is in the set',
    { 'ForAllValues:StringNotEquals': { 'kms:GrantOperations': ['Decrypt'] } },
    { 'kms:GrantOperations': ['Encrypt', 'Decrypt'] },
    false,
  ],
  [
    'multi-valued key without a set operator: a value must match',
    { StringEquals: { 'kms:EncryptionContextKeys': 'department' } },
    { 'kms:EncryptionContextKeys': ['team', 'department'] },
    true,
  ],
  [
    'multi-valued key without a set operator: no value matches',
    { StringEquals: { 'kms:EncryptionContextKeys': 'department' } },
    { 'kms:EncryptionContextKeys': ['team', 'project'] },
    false,
  ],
  [
    'multi-valued key with StringNotEquals: a listed value is present',
    { StringNotEquals: { 'kms:EncryptionContextKeys': 'secret' } },
    { 'kms:EncryptionContextKeys': ['team', 'secret'] },
    false,
  ],
  // Policy variables
  [
    'policy variable in a condition value',
    { StringEquals: { 'aws:PrincipalTag/owner': '${aws:username}' } },
    { 'aws:username': 'alice', 'aws:PrincipalTag/owner': 'alice' },
    true,
  ],
  [
    'policy variable inside a StringLike pattern',
    { StringLike: { [EC]: 'team-${aws:username}-*' } },
    { 'aws:username': 'alice', [EC]: 'team-alice-payments' },
    true,
  ],
  [
    'policy variable default when the key is missing',
    { StringEquals: { [EC]: "${aws:username, 'nobody'}" } },
    { [EC]: 'nobody' },
    true,
  ],
  [
    'policy variable without a value does not match',
    { StringEquals: { [EC]: '${aws:username}' } },
    { [EC]: '' },
    false,
  ],
  [
    'substituted values are literal in StringLike (${*})',
    { StringLike: { [EC]: 'a${*}b' } },
    { [EC]: 'axxb' },
    false,
  ],
];

describe('condition operators', () => {
  it.each(cases)('%s', (_name, condition, keys, expected) => {
    expect(allowsWith(condition, keys)).toBe(expected);
  });

  it('treats ${...} literally in Version 2008-10-17 documents', () => {
    const condition = { StringEquals: { [EC]: '${aws:username}' } };
    expect(
      allowsWith(condition, { [EC]: '${aws:username}', 'aws:username': 'x' }, '2008-10-17'),
    ).toBe(true);
    expect(allowsWith(condition, { [EC]: 'x', 'aws:username': 'x' }, '2008-10-17')).toBe(false);
  });

  it('explains which condition failed and what the request had', () => {
    const document = parsePolicyDocument({
      Version: '2012-10-17',
      Statement: {
        Sid: 'UseKeysForKnownDepartments',
        Effect: 'Allow',
        Action: 'kms:Encrypt',
        Resource: '*',
        Condition: { StringEquals: { [EC]: ['finance', 'engineering'] } },
      },
    });
    const explanation = explainPolicy(document, {
      principal: { arn: ROLE, account: '111122223333' },
      action: 'kms:Encrypt',
      resource: '*',
      conditionKeys: { [EC]: 'marketing' },
    });
    expect(explanation.decision).toBe('NotApplicable');
    const [statement] = explanation.statementDetails;
    expect(statement?.action.matched).toBe(true);
    expect(statement?.resource.matched).toBe(true);
    expect(statement?.applies).toBe(false);
    expect(statement?.conditions).toEqual([
      {
        operator: 'StringEquals',
        baseOperator: 'StringEquals',
        ifExists: false,
        negated: false,
        key: EC,
        values: ['finance', 'engineering'],
        matched: false,
        requestValues: ['marketing'],
        absentSatisfies: false,
      },
    ]);
  });
});
