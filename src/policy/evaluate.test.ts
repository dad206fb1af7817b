import { describe, expect, it } from 'vitest';
import { parsePolicyDocument } from './document.js';
import { evaluatePolicy, explainPolicy, type Decision } from './evaluate.js';
import type { RequestContext, RequestPrincipal } from './request.js';

const ACCOUNT = '111122223333';
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const ALICE: RequestPrincipal = { arn: `arn:aws:iam::${ACCOUNT}:user/alice`, account: ACCOUNT };
const BOB: RequestPrincipal = { arn: `arn:aws:iam::${ACCOUNT}:user/bob`, account: ACCOUNT };
const ROOT: RequestPrincipal = { arn: `arn:aws:iam::${ACCOUNT}:root`, account: ACCOUNT };
const PARTNER: RequestPrincipal = {
  arn: 'arn:aws:iam::444455556666:user/admin',
  account: '444455556666',
};
const OPERATOR_SESSION: RequestPrincipal = {
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/KmsOperator/CognitoIdentityCredentials`,
  account: ACCOUNT,
  roleArn: `arn:aws:iam::${ACCOUNT}:role/KmsOperator`,
};
const EC2: RequestPrincipal = {
  arn: 'ec2.amazonaws.com',
  account: '',
  service: 'ec2.amazonaws.com',
};

type Statement = Record<string, unknown>;

interface EvaluationCase {
  readonly name: string;
  readonly statements: readonly Statement[];
  readonly action?: string;
  readonly resource?: string;
  readonly principal?: RequestPrincipal;
  readonly expected: Decision;
  /** Indexes of the statements that decided. */
  readonly deciding?: readonly number[];
  readonly principalMatch?: 'direct' | 'account' | 'implicit';
}

const allow = (extra: Statement): Statement => ({ Effect: 'Allow', Resource: '*', ...extra });
const deny = (extra: Statement): Statement => ({ Effect: 'Deny', Resource: '*', ...extra });
const anyone = { Principal: '*' };

const cases: EvaluationCase[] = [
  // Action wildcards and case
  {
    name: 'kms:* matches any KMS action',
    statements: [allow({ Action: 'kms:*' })],
    expected: 'Allow',
  },
  {
    name: '* matches any action',
    statements: [allow({ Action: '*' })],
    action: 'kms:ListKeys',
    expected: 'Allow',
  },
  {
    name: 'kms:* does not match another service',
    statements: [allow({ Action: 'kms:*' })],
    action: 's3:GetObject',
    expected: 'NotApplicable',
  },
  {
    name: 'kms:Generate* matches GenerateDataKeyPairWithoutPlaintext',
    statements: [allow({ Action: 'kms:Generate*' })],
    action: 'kms:GenerateDataKeyPairWithoutPlaintext',
    expected: 'Allow',
  },
  {
    name: 'kms:Generate* does not match Encrypt',
    statements: [allow({ Action: 'kms:Generate*' })],
    expected: 'NotApplicable',
  },
  {
    name: 'kms:ReEncrypt* matches ReEncryptFrom',
    statements: [allow({ Action: 'kms:ReEncrypt*' })],
    action: 'kms:ReEncryptFrom',
    expected: 'Allow',
  },
  {
    name: 'kms:ReEncrypt* matches ReEncryptTo',
    statements: [allow({ Action: 'kms:ReEncrypt*' })],
    action: 'kms:ReEncryptTo',
    expected: 'Allow',
  },
  {
    name: '? matches one character',
    statements: [allow({ Action: 'kms:?ecrypt' })],
    action: 'kms:Decrypt',
    expected: 'Allow',
  },
  {
    name: '? does not match zero characters',
    statements: [allow({ Action: 'kms:?Encrypt' })],
    expected: 'NotApplicable',
  },
  {
    name: 'actions are case-insensitive (policy)',
    statements: [allow({ Action: 'KMS:encrypt' })],
    expected: 'Allow',
  },
  {
    name: 'actions are case-insensitive (request)',
    statements: [allow({ Action: 'kms:Encrypt' })],
    action: 'KMS:ENCRYPT',
    expected: 'Allow',
  },
  {
    name: 'wildcards are case-insensitive too',
    statements: [allow({ Action: 'kms:describe*' })],
    action: 'kms:DescribeKey',
    expected: 'Allow',
  },
  {
    name: 'Action list: any entry matches',
    statements: [allow({ Action: ['kms:Decrypt', 'kms:Encrypt'] })],
    expected: 'Allow',
  },
  {
    name: 'NotAction matches other actions',
    statements: [allow({ NotAction: 'kms:Decrypt' })],
    expected: 'Allow',
  },
  {
    name: 'NotAction excludes the listed action',
    statements: [allow({ NotAction: 'kms:Decrypt' })],
    action: 'kms:Decrypt',
    expected: 'NotApplicable',
  },
  {
    name: 'NotAction with a wildcard',
    statements: [allow({ NotAction: ['kms:Create*', 'kms:Delete*'] })],
    action: 'kms:DeleteAlias',
    expected: 'NotApplicable',
  },
  // Resource
  {
    name: 'Resource with key/*',
    statements: [allow({ Action: 'kms:*', Resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/*` })],
    expected: 'Allow',
  },
  {
    name: 'Resource alias/* does not match a key',
    statements: [allow({ Action: 'kms:*', Resource: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/*` })],
    expected: 'NotApplicable',
  },
  {
    name: 'Resource with a region wildcard',
    statements: [allow({ Action: 'kms:*', Resource: `arn:aws:kms:*:${ACCOUNT}:key/*` })],
    expected: 'Allow',
  },
  {
    name: 'Resource matching is case-sensitive',
    statements: [allow({ Action: 'kms:*', Resource: `arn:aws:kms:us-east-1:${ACCOUNT}:KEY/*` })],
    expected: 'NotApplicable',
  },
  {
    name: 'Resource ? wildcard',
    statements: [allow({ Action: 'kms:*', Resource: `arn:aws:kms:us-east-?:${ACCOUNT}:key/*` })],
    expected: 'Allow',
  },
  {
    name: 'Resource * matches keys of any account and region',
    statements: [allow({ Action: 'kms:*', Resource: '*' })],
    resource: 'arn:aws:kms:eu-west-1:444455556666:key/x',
    expected: 'Allow',
  },
  {
    name: 'NotResource excludes the listed key',
    statements: [allow({ Action: 'kms:*', Resource: undefined, NotResource: KEY })],
    expected: 'NotApplicable',
  },
  {
    name: 'NotResource matches other keys',
    statements: [allow({ Action: 'kms:*', Resource: undefined, NotResource: `${KEY}-other` })],
    expected: 'Allow',
  },
  {
    name: 'policy variable in Resource',
    statements: [
      allow({
        Action: 'kms:*',
        Resource: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/\${aws:username}-*`,
      }),
    ],
    resource: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/alice-keys`,
    expected: 'Allow',
  },
  {
    name: 'policy variable in Resource for another user',
    statements: [
      allow({
        Action: 'kms:*',
        Resource: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/\${aws:username}-*`,
      }),
    ],
    resource: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/bob-keys`,
    expected: 'NotApplicable',
  },
  // Principal and NotPrincipal
  {
    name: 'Principal "*"',
    statements: [allow({ ...anyone, Action: 'kms:*' })],
    expected: 'Allow',
    principalMatch: 'direct',
  },
  {
    name: 'Principal {"AWS": "*"}',
    statements: [allow({ Principal: { AWS: '*' }, Action: 'kms:*' })],
    expected: 'Allow',
    principalMatch: 'direct',
  },
  {
    name: 'Principal naming the user',
    statements: [allow({ Principal: { AWS: ALICE.arn }, Action: 'kms:*' })],
    expected: 'Allow',
    principalMatch: 'direct',
  },
  {
    name: 'Principal naming another user',
    statements: [allow({ Principal: { AWS: BOB.arn }, Action: 'kms:*' })],
    expected: 'NotApplicable',
  },
  {
    name: 'Principal naming the role matches its session',
    statements: [allow({ Principal: { AWS: OPERATOR_SESSION.roleArn }, Action: 'kms:*' })],
    principal: OPERATOR_SESSION,
    expected: 'Allow',
    principalMatch: 'direct',
  },
  {
    name: 'Principal naming the session ARN',
    statements: [allow({ Principal: { AWS: OPERATOR_SESSION.arn }, Action: 'kms:*' })],
    principal: OPERATOR_SESSION,
    expected: 'Allow',
  },
  {
    name: 'Principal account id matches users of the account (delegation)',
    statements: [allow({ Principal: { AWS: ACCOUNT }, Action: 'kms:*' })],
    expected: 'Allow',
    principalMatch: 'account',
  },
  {
    name: 'Principal account root matches the root user directly',
    statements: [allow({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*' })],
    principal: ROOT,
    expected: 'Allow',
    principalMatch: 'direct',
  },
  {
    name: 'Principal account root does not match another account',
    statements: [allow({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*' })],
    principal: PARTNER,
    expected: 'NotApplicable',
  },
  {
    name: 'Principal list with AWS and Service',
    statements: [
      allow({ Principal: { AWS: [BOB.arn], Service: 'ec2.amazonaws.com' }, Action: 'kms:*' }),
    ],
    principal: EC2,
    expected: 'Allow',
  },
  {
    name: 'a Service principal does not match an IAM user',
    statements: [allow({ Principal: { Service: 'ec2.amazonaws.com' }, Action: 'kms:*' })],
    expected: 'NotApplicable',
  },
  {
    name: 'NotPrincipal excluding the user and its account spares the user',
    statements: [
      allow({ ...anyone, Action: 'kms:*' }),
      deny({ NotPrincipal: { AWS: [ALICE.arn, ACCOUNT] }, Action: 'kms:*' }),
    ],
    expected: 'Allow',
    deciding: [0],
  },
  {
    name: 'NotPrincipal excluding the user and its account denies other users',
    statements: [
      allow({ ...anyone, Action: 'kms:*' }),
      deny({ NotPrincipal: { AWS: [ALICE.arn, ACCOUNT] }, Action: 'kms:*' }),
    ],
    principal: BOB,
    expected: 'Deny',
    deciding: [1],
  },
  {
    name: 'NotPrincipal naming the user but not its account still denies the user',
    statements: [
      allow({ ...anyone, Action: 'kms:*' }),
      deny({ NotPrincipal: { AWS: ALICE.arn }, Action: 'kms:*' }),
    ],
    expected: 'Deny',
  },
  {
    name: 'NotPrincipal naming the role and account spares its session',
    statements: [
      allow({ ...anyone, Action: 'kms:*' }),
      deny({
        NotPrincipal: { AWS: [OPERATOR_SESSION.roleArn, OPERATOR_SESSION.arn, ACCOUNT] },
        Action: 'kms:*',
      }),
    ],
    principal: OPERATOR_SESSION,
    expected: 'Allow',
  },
  // Deny and Allow
  {
    name: 'explicit Deny wins over Allow',
    statements: [
      allow({ Sid: 'All', Action: 'kms:*' }),
      deny({ Sid: 'NoEncrypt', Action: 'kms:Encrypt' }),
    ],
    expected: 'Deny',
    deciding: [1],
  },
  {
    name: 'every matching Allow is reported',
    statements: [
      allow({ Action: 'kms:*' }),
      allow({ Action: 'kms:Decrypt' }),
      allow({ Action: 'kms:Encrypt' }),
    ],
    expected: 'Allow',
    deciding: [0, 2],
  },
  {
    name: 'every matching Deny is reported',
    statements: [
      deny({ Action: 'kms:*' }),
      allow({ Action: 'kms:*' }),
      deny({ Action: 'kms:Encrypt' }),
    ],
    expected: 'Deny',
    deciding: [0, 2],
  },
  {
    name: 'a Deny that does not match leaves the Allow',
    statements: [allow({ Action: 'kms:*' }), deny({ Action: 'kms:Decrypt' })],
    expected: 'Allow',
  },
  {
    name: 'nothing matches: NotApplicable',
    statements: [allow({ Action: 'kms:Decrypt' })],
    expected: 'NotApplicable',
    deciding: [],
  },
];

describe('evaluatePolicy', () => {
  it.each(cases)('$name', (testCase) => {
    const statements = testCase.statements.map((statement) => {
      // `Resource: undefined` in a case means the statement uses NotResource instead.
      const copy = { ...statement };
      if (copy['Resource'] === undefined) delete copy['Resource'];
      return copy;
    });
    const document = parsePolicyDocument({ Version: '2012-10-17', Statement: statements });
    const request: RequestContext = {
      principal: testCase.principal ?? ALICE,
      action: testCase.action ?? 'kms:Encrypt',
      resource: testCase.resource ?? KEY,
      conditionKeys: { 'aws:username': 'alice' },
    };
    const result = evaluatePolicy(document, request);
    expect(result.decision).toBe(testCase.expected);
    if (testCase.deciding) {
      expect(result.statements.map((statement) => statement.index)).toEqual(testCase.deciding);
    }
    if (testCase.principalMatch) {
      expect(result.statements[0]?.principalMatch).toBe(testCase.principalMatch);
    }
  });

  it('reports the index and Sid of the deciding statements', () => {
    const document = parsePolicyDocument({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'AllowAll', Effect: 'Allow', Action: 'kms:*', Resource: '*' },
        { Sid: 'DenyDecrypt', Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*' },
      ],
    });
    const result = evaluatePolicy(document, {
      principal: ALICE,
      action: 'kms:Decrypt',
      resource: KEY,
    });
    expect(result).toEqual({
      decision: 'Deny',
      statements: [{ index: 1, sid: 'DenyDecrypt', effect: 'Deny', principalMatch: 'implicit' }],
    });
  });

  it('gives a per-statement breakdown for explanations', () => {
    const document = parsePolicyDocument({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Read',
          Effect: 'Allow',
          Principal: { AWS: BOB.arn },
          Action: 'kms:Describe*',
          Resource: '*',
        },
        { Sid: 'Use', Effect: 'Allow', Principal: '*', NotAction: 'kms:Encrypt', Resource: KEY },
      ],
    });
    const explanation = explainPolicy(document, {
      principal: ALICE,
      action: 'kms:Encrypt',
      resource: KEY,
    });
    expect(explanation.decision).toBe('NotApplicable');
    expect(explanation.statementDetails).toEqual([
      {
        index: 0,
        sid: 'Read',
        effect: 'Allow',
        applies: false,
        principal: { element: 'Principal', matched: false },
        action: { element: 'Action', matched: false },
        resource: { element: 'Resource', matched: true },
        conditions: [],
      },
      {
        index: 1,
        sid: 'Use',
        effect: 'Allow',
        applies: false,
        principal: { element: 'Principal', matched: true, match: 'direct' },
        action: { element: 'NotAction', matched: false },
        resource: { element: 'Resource', matched: true },
        conditions: [],
      },
    ]);
  });
});
