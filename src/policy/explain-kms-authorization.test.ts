import { describe, expect, it } from 'vitest';
import { conditionRemedy, type ConditionExplanation } from './conditions.js';
import { parseIdentityPolicy, parseKeyPolicy } from './document.js';
import { explainKmsAuthorization } from './kms-authorize.js';
import { buildKmsConditionKeys, type KmsCallerIdentity } from './kms-condition-keys.js';

const DEMO = '111122223333';
const KEY = `arn:aws:kms:us-east-1:${DEMO}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const OPERATOR: KmsCallerIdentity = {
  arn: `arn:aws:sts::${DEMO}:assumed-role/KmsOperator/CognitoIdentityCredentials`,
  account: DEMO,
  type: 'assumed-role',
};
const policy = (statements: object[]) => ({ Version: '2012-10-17', Statement: statements });
const DEFAULT_KEY_POLICY = parseKeyPolicy(
  policy([
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${DEMO}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
  ]),
);
// The scenario's KmsOperator policy (sandbox/scenario/demo-scenario.ts).
const OPERATOR_POLICY = parseIdentityPolicy(
  policy([
    {
      Sid: 'ReadKeys',
      Effect: 'Allow',
      Action: ['kms:List*', 'kms:Describe*'],
      Resource: '*',
    },
    {
      Sid: 'UseKeysForKnownDepartments',
      Effect: 'Allow',
      Action: ['kms:Encrypt', 'kms:Decrypt'],
      Resource: '*',
      Condition: {
        StringEquals: { 'kms:EncryptionContext:department': ['finance', 'engineering'] },
      },
    },
  ]),
);

const keys = (context?: Record<string, string>, extra: Record<string, string> = {}) =>
  buildKmsConditionKeys({
    caller: OPERATOR,
    ...(context ? { encryptionContext: context } : {}),
    extra,
  });

describe('explainKmsAuthorization', () => {
  it('names the Allow that covers the action and the condition the request failed', () => {
    const explained = explainKmsAuthorization({
      keyPolicy: DEFAULT_KEY_POLICY,
      keyArn: KEY,
      keyAccount: DEMO,
      principal: OPERATOR,
      identityPolicies: [{ name: 'KmsOperatorPolicy', document: OPERATOR_POLICY }],
      action: 'kms:Encrypt',
      conditionKeys: keys(),
    });
    expect(explained.allowed).toBe(false);
    expect(explained.policyType).toBe('identity-based');
    const identity = explained.covering.filter((statement) => statement.policy === 'identity');
    expect(identity).toHaveLength(1);
    expect(identity[0]).toMatchObject({
      name: 'KmsOperatorPolicy',
      sid: 'UseKeysForKnownDepartments',
      effect: 'Allow',
      applies: false,
    });
    expect(identity[0]?.failedConditions).toEqual([
      expect.objectContaining({
        key: 'kms:EncryptionContext:department',
        values: ['finance', 'engineering'],
        requestValues: undefined,
        absentSatisfies: false,
      }),
    ]);
    // The key policy's statement covers it too, and applies: it delegates to IAM.
    expect(explained.covering.find((statement) => statement.policy === 'key')).toMatchObject({
      sid: 'Enable IAM User Permissions',
      applies: true,
    });
  });

  it('reports the value the request had when it is the wrong one, and nothing once it holds', () => {
    const input = {
      keyPolicy: DEFAULT_KEY_POLICY,
      keyArn: KEY,
      keyAccount: DEMO,
      principal: OPERATOR,
      identityPolicies: [OPERATOR_POLICY],
      action: 'kms:Decrypt',
    };
    const sales = explainKmsAuthorization({
      ...input,
      conditionKeys: keys({ department: 'sales' }),
    });
    expect(sales.covering.find((s) => s.policy === 'identity')?.failedConditions[0]).toMatchObject({
      requestValues: ['sales'],
    });
    const finance = explainKmsAuthorization({
      ...input,
      conditionKeys: keys({ department: 'finance' }),
    });
    expect(finance.allowed).toBe(true);
    expect(finance.covering.every((statement) => statement.failedConditions.length === 0)).toBe(
      true,
    );
  });

  it('leaves out statements for other actions, principals or keys', () => {
    const explained = explainKmsAuthorization({
      keyPolicy: parseKeyPolicy(
        policy([
          {
            Sid: 'SomeoneElse',
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${DEMO}:role/Other` },
            Action: 'kms:Encrypt',
            Resource: '*',
          },
        ]),
      ),
      keyArn: KEY,
      keyAccount: DEMO,
      principal: OPERATOR,
      identityPolicies: [OPERATOR_POLICY],
      action: 'kms:Sign',
      conditionKeys: keys(),
    });
    expect(explained.covering).toEqual([]);
  });

  it('names the grant constraint the request did not meet', () => {
    const explained = explainKmsAuthorization({
      keyPolicy: parseKeyPolicy(policy([])),
      keyArn: KEY,
      keyAccount: DEMO,
      principal: OPERATOR,
      grants: [
        {
          grantId: 'g-1',
          granteePrincipal: `arn:aws:iam::${DEMO}:role/KmsOperator`,
          operations: ['Decrypt'],
          constraints: { encryptionContextSubset: { project: 'alpha' } },
        },
        {
          grantId: 'g-2',
          granteePrincipal: `arn:aws:iam::${DEMO}:role/KmsOperator`,
          operations: ['Encrypt'],
        },
      ],
      action: 'kms:Decrypt',
      conditionKeys: keys({ project: 'beta' }),
    });
    expect(explained.allowed).toBe(false);
    expect(explained.grants).toEqual([
      {
        grantId: 'g-1',
        applies: false,
        failedConstraints: [
          { constraint: 'EncryptionContextSubset', required: { project: 'alpha' } },
        ],
      },
    ]);
  });

  it('explains kms:EncryptionAlgorithm, kms:RequestAlias and aws:SourceIp conditions alike', () => {
    const explained = explainKmsAuthorization({
      keyPolicy: parseKeyPolicy(
        policy([
          {
            Sid: 'OaepViaAliasFromOffice',
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${DEMO}:role/KmsOperator` },
            Action: 'kms:Decrypt',
            Resource: '*',
            Condition: {
              StringEquals: {
                'kms:EncryptionAlgorithm': 'RSAES_OAEP_SHA_256',
                'kms:RequestAlias': 'alias/demo-rsa',
              },
              IpAddress: { 'aws:SourceIp': '10.0.0.0/8' },
            },
          },
        ]),
      ),
      keyArn: KEY,
      keyAccount: DEMO,
      principal: OPERATOR,
      action: 'kms:Decrypt',
      conditionKeys: keys(undefined, {
        'kms:EncryptionAlgorithm': 'RSAES_OAEP_SHA_1',
        'kms:RequestAlias': 'alias/other',
      }),
    });
    const failed = explained.covering[0]?.failedConditions ?? [];
    expect(failed.map((condition) => [condition.key, condition.requestValues])).toEqual([
      ['kms:EncryptionAlgorithm', ['RSAES_OAEP_SHA_1']],
      ['kms:RequestAlias', ['alias/other']],
      ['aws:SourceIp', undefined],
    ]);
    expect(failed.map((condition) => conditionRemedy(condition).requirement)).toEqual([
      'kms:EncryptionAlgorithm is "RSAES_OAEP_SHA_256"',
      'kms:RequestAlias is "alias/demo-rsa"',
      'aws:SourceIp is an address in "10.0.0.0/8"',
    ]);
  });
});

describe('conditionRemedy', () => {
  const condition = (overrides: Partial<ConditionExplanation>): ConditionExplanation => ({
    operator: 'StringEquals',
    baseOperator: 'StringEquals',
    ifExists: false,
    negated: false,
    key: 'kms:EncryptionContext:department',
    values: ['finance', 'engineering'],
    matched: false,
    requestValues: undefined,
    absentSatisfies: false,
    ...overrides,
  });

  it('offers the policy values of equality operators as they are', () => {
    expect(conditionRemedy(condition({}))).toEqual({
      values: ['finance', 'engineering'],
      requirement: 'kms:EncryptionContext:department is "finance" or "engineering"',
    });
  });

  it('offers no value that would only match a pattern, a variable or a negation', () => {
    expect(
      conditionRemedy(condition({ baseOperator: 'StringLike', values: ['fin*', 'hr'] })).values,
    ).toEqual(['hr']);
    expect(
      conditionRemedy(condition({ values: ['${aws:PrincipalTag/department}'] })).values,
    ).toEqual([]);
    const negated = conditionRemedy(
      condition({ operator: 'StringNotEquals', baseOperator: 'StringNotEquals', negated: true }),
    );
    expect(negated).toEqual({
      values: [],
      requirement: 'kms:EncryptionContext:department is not "finance" or "engineering"',
    });
  });

  it('says what IfExists, set operators and Null ask for', () => {
    expect(
      conditionRemedy(condition({ operator: 'StringEqualsIfExists', ifExists: true })).requirement,
    ).toBe('kms:EncryptionContext:department is "finance" or "engineering", or is absent');
    expect(
      conditionRemedy(
        condition({
          key: 'kms:EncryptionContextKeys',
          setOperator: 'ForAllValues',
          values: ['department'],
        }),
      ),
    ).toEqual({
      values: [],
      requirement: 'kms:EncryptionContextKeys has only values that is "department"',
    });
    expect(
      conditionRemedy(
        condition({ baseOperator: 'Null', key: 'kms:GranteePrincipal', values: ['true'] }),
      ).requirement,
    ).toBe('kms:GranteePrincipal is absent from the request');
  });
});
