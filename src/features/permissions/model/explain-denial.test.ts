import { describe, expect, it } from 'vitest';
import { formatAccessDenied, parseAccessDenied, type ParsedAccessDenied } from '../../../policy';
import { callerFromArn, type Caller } from './caller';
import { describeCondition, explainDenial, type StatementFinding } from './explain-denial';

const ACCOUNT = '111122223333';
const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/8f7e6d5c-3b2a-4a1f-8ad9-3456789abcde`;
const OPERATOR_SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/KmsOperator/CognitoIdentityCredentials`;
const GUEST_SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/KmsGuest/CognitoIdentityCredentials`;

const operator = callerFromArn(OPERATOR_SESSION, ACCOUNT) as Caller;
const guest = callerFromArn(GUEST_SESSION, ACCOUNT) as Caller;

const ROOT_STATEMENT = {
  Sid: 'Enable IAM User Permissions',
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
  Action: 'kms:*',
  Resource: '*',
};

const policy = (...statements: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

const DEFAULT_POLICY = policy(ROOT_STATEMENT);
const RESTRICTED_POLICY = policy(ROOT_STATEMENT, {
  Sid: 'DenyDecryptForOperators',
  Effect: 'Deny',
  Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/KmsOperator` },
  Action: 'kms:Decrypt',
  Resource: '*',
});

function denial(
  action: string,
  kind: ParsedAccessDenied['kind'],
  policyType: 'identity-based' | 'resource-based' | 'session',
  principalArn = OPERATOR_SESSION,
): ParsedAccessDenied {
  const message = formatAccessDenied({ principalArn, action, resource: KEY_ARN, kind, policyType });
  const parsed = parseAccessDenied(message);
  if (parsed === null) throw new Error(`not parsed: ${message}`);
  return parsed;
}

const roles = (findings: readonly StatementFinding[] | undefined) =>
  findings?.map((finding) => `${finding.sid ?? finding.index}:${finding.role}`);

describe('callerFromArn', () => {
  it('knows role sessions, users and the root user', () => {
    expect(operator).toEqual({
      arn: OPERATOR_SESSION,
      account: ACCOUNT,
      type: 'assumed-role',
      roleArn: `arn:aws:iam::${ACCOUNT}:role/KmsOperator`,
    });
    expect(callerFromArn(`arn:aws:iam::${ACCOUNT}:user/admin`)?.type).toBe('user');
    expect(callerFromArn(`arn:aws:iam::${ACCOUNT}:root`)?.type).toBe('root');
    expect(callerFromArn('not an arn')).toBeUndefined();
  });
});

describe('explainDenial: headlines for every policy type AWS names', () => {
  const cases: [ParsedAccessDenied, RegExp][] = [
    [
      denial('kms:Decrypt', 'explicit-deny', 'resource-based'),
      /explicit Deny in a resource-based policy \(the key policy\)/,
    ],
    [
      denial('kms:Decrypt', 'explicit-deny', 'identity-based'),
      /explicit Deny in an identity-based policy/,
    ],
    [denial('kms:Decrypt', 'explicit-deny', 'session'), /explicit Deny in a session policy/],
    [
      denial('kms:Encrypt', 'no-allow', 'identity-based'),
      /No identity-based policy allows kms:Encrypt/,
    ],
    [
      denial('kms:Encrypt', 'no-allow', 'resource-based'),
      /key policy \(a resource-based policy\) does not allow you kms:Encrypt/,
    ],
    [denial('kms:Encrypt', 'no-allow', 'session'), /session policy .* does not allow kms:Encrypt/],
  ];
  it.each(cases)('%j', (denied, headline) => {
    expect(explainDenial({ denied, caller: operator, keyArn: KEY_ARN }).headline).toMatch(headline);
  });

  it('explains the forms real AWS adds: organization policies, boundaries, the older message', () => {
    const scp = parseAccessDenied(
      `User: ${OPERATOR_SESSION} is not authorized to perform: kms:Encrypt on resource: ${KEY_ARN} with an explicit deny in a service control policy: arn:aws:organizations::123456789012:policy/o-a/service_control_policy/p-b`,
    );
    const boundary = parseAccessDenied(
      `User: ${OPERATOR_SESSION} is not authorized to perform: kms:Encrypt on resource: ${KEY_ARN} because no permissions boundary allows the kms:Encrypt action`,
    );
    const old = parseAccessDenied(
      `User: ${OPERATOR_SESSION} is not authorized to perform: kms:Encrypt on resource: ${KEY_ARN}`,
    );
    const explain = (denied: ParsedAccessDenied | null) =>
      explainDenial({ denied: denied as ParsedAccessDenied, caller: operator, keyArn: KEY_ARN });
    expect(explain(scp).headline).toMatch(/explicit Deny in a service control policy/);
    expect(explain(scp).suggestion).toBeUndefined();
    expect(explain(boundary).headline).toMatch(
      /^The permissions boundary .* does not allow kms:Encrypt/,
    );
    expect(explain(boundary).notes.join(' ')).toMatch(/managed outside KMS/);
    expect(explain(old).headline).toMatch(/names no policy type/);
    expect(explain(old).suggestion?.target).toBe('key-policy');
  });
});

describe('explainDenial with the key policy', () => {
  it('highlights the Deny statement of an explicit deny in the key policy', () => {
    const explanation = explainDenial({
      denied: denial('kms:Decrypt', 'explicit-deny', 'resource-based'),
      caller: operator,
      keyArn: KEY_ARN,
      encryptionContext: { department: 'finance' },
      keyPolicy: RESTRICTED_POLICY,
    });
    expect(roles(explanation.findings)).toEqual([
      'Enable IAM User Permissions:delegates',
      'DenyDecryptForOperators:denies',
    ]);
    expect(explanation.consistent).toBe(true);
    expect(explanation.suggestion).toBeUndefined();
    expect(explanation.notes.join(' ')).toMatch(/No statement can allow this/);
  });

  it('the same Deny does not apply to Encrypt: the key policy delegates to IAM', () => {
    const explanation = explainDenial({
      denied: denial('kms:Encrypt', 'no-allow', 'identity-based'),
      caller: operator,
      keyArn: KEY_ARN,
      keyPolicy: RESTRICTED_POLICY,
    });
    expect(roles(explanation.findings)).toEqual([
      'Enable IAM User Permissions:delegates',
      'DenyDecryptForOperators:unrelated',
    ]);
    expect(explanation.consistent).toBe(true);
  });

  it('suggests an IAM statement, conditioned on the request context, for an identity-based denial', () => {
    const explanation = explainDenial({
      denied: denial('kms:Encrypt', 'no-allow', 'identity-based'),
      caller: operator,
      keyArn: KEY_ARN,
      encryptionContext: { department: 'sales' },
      keyPolicy: DEFAULT_POLICY,
    });
    expect(explanation.suggestion).toEqual({
      target: 'identity-policy',
      where: 'an IAM policy of role KmsOperator',
      statement: {
        Sid: 'AllowEncryptForKmsOperator',
        Effect: 'Allow',
        Action: 'kms:Encrypt',
        Resource: KEY_ARN,
        Condition: { StringEquals: { 'kms:EncryptionContext:department': 'sales' } },
      },
    });
  });

  it('points at the condition a key policy Allow would need', () => {
    const conditioned = policy(ROOT_STATEMENT, {
      Sid: 'OperatorsForFinance',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/KmsOperator` },
      Action: ['kms:Encrypt', 'kms:Decrypt'],
      Resource: '*',
      Condition: {
        StringEquals: { 'kms:EncryptionContext:department': ['finance', 'engineering'] },
      },
    });
    const explanation = explainDenial({
      denied: denial('kms:Encrypt', 'no-allow', 'identity-based'),
      caller: operator,
      keyArn: KEY_ARN,
      keyPolicy: conditioned,
    });
    const finding = explanation.findings?.[1];
    expect(finding?.role).toBe('needs-condition');
    expect(finding?.failedConditions.map(describeCondition)).toEqual([
      'StringEquals kms:EncryptionContext:department finance or engineering (the request had none)',
    ]);
  });

  it('suggests a key policy statement for a resource-based denial, naming the role', () => {
    const partnerOnly = policy({
      Sid: 'PartnerOnly',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::444455556666:root' },
      Action: 'kms:*',
      Resource: '*',
    });
    const explanation = explainDenial({
      denied: denial('kms:Encrypt', 'no-allow', 'resource-based'),
      caller: operator,
      keyArn: KEY_ARN,
      keyPolicy: partnerOnly,
    });
    expect(roles(explanation.findings)).toEqual(['PartnerOnly:other-principal']);
    expect(explanation.consistent).toBe(true);
    expect(explanation.suggestion).toMatchObject({
      target: 'key-policy',
      statement: {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/KmsOperator` },
        Action: 'kms:Encrypt',
        Resource: '*',
      },
    });
  });

  it('says when its evaluation does not agree with AWS, and when the policy is not valid', () => {
    const disagreeing = explainDenial({
      denied: denial('kms:Decrypt', 'explicit-deny', 'resource-based'),
      caller: operator,
      keyArn: KEY_ARN,
      keyPolicy: DEFAULT_POLICY,
    });
    expect(disagreeing.consistent).toBe(false);
    const broken = explainDenial({
      denied: denial('kms:Decrypt', 'explicit-deny', 'resource-based'),
      caller: operator,
      keyArn: KEY_ARN,
      keyPolicy: '{"Statement": [{"Effect": "Allow"}]}',
    });
    expect(broken.findings).toBeUndefined();
    expect(broken.policyError).toMatch(/could not be evaluated/);
  });

  it('notes a cross-account key', () => {
    const explanation = explainDenial({
      denied: denial('kms:Sign', 'no-allow', 'resource-based'),
      caller: operator,
      keyArn: 'arn:aws:kms:us-east-1:444455556666:key/9a8f7e6d-4c3b-4b2a-9bea-456789abcdef',
    });
    expect(explanation.notes.join(' ')).toMatch(/account 444455556666, not yours/);
  });
});

describe('explainDenial for Cognito guests', () => {
  it('says the guest session policy allows Decrypt, so the guest role decides', () => {
    const explanation = explainDenial({
      denied: denial('kms:Decrypt', 'no-allow', 'identity-based', GUEST_SESSION),
      caller: guest,
      keyArn: KEY_ARN,
      cognitoGuest: true,
    });
    expect(explanation.notes.join(' ')).toMatch(/which allows kms:Decrypt: the guest role/);
    expect(explanation.suggestion?.where).toBe('an IAM policy of role KmsGuest');
  });

  it('offers no statement for what the guest session policy never allows', () => {
    const explanation = explainDenial({
      denied: denial('kms:CreateGrant', 'no-allow', 'identity-based', GUEST_SESSION),
      caller: guest,
      keyArn: KEY_ARN,
      cognitoGuest: true,
    });
    expect(explanation.notes.join(' ')).toMatch(/does not allow kms:CreateGrant/);
    expect(explanation.suggestion).toBeUndefined();
  });
});

describe('denials explained with their conditions', () => {
  const OPERATOR_POLICY = policy(
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
  );
  const identityPolicies = [{ name: 'KmsOperatorPolicy', document: OPERATOR_POLICY }];

  it('names the IAM statement and its condition, offers the values, and suggests no wider statement', () => {
    const explanation = explainDenial({
      denied: denial('kms:Encrypt', 'no-allow', 'identity-based'),
      caller: operator,
      keyArn: KEY_ARN,
      keyPolicy: DEFAULT_POLICY,
      identityPolicies,
    });
    expect(explanation.identityPolicies).toBe('read');
    expect(explanation.conditionalAllows).toEqual([
      {
        policy: 'identity',
        policyName: 'KmsOperatorPolicy (identity-based)',
        statement: 'UseKeysForKnownDepartments',
        unmet: [
          {
            key: 'kms:EncryptionContext:department',
            requirement: 'kms:EncryptionContext:department is "finance" or "engineering"',
            had: 'the request had none',
            knowable: true,
          },
        ],
      },
    ]);
    expect(explanation.headline).toContain(
      'KmsOperatorPolicy (identity-based) allows kms:Encrypt only when its conditions hold',
    );
    expect(explanation.retries).toEqual([{ department: 'finance' }, { department: 'engineering' }]);
    expect(explanation.suggestion).toBeUndefined();
    expect(explanation.notes.join(' ')).toContain('would widen what the condition narrowed');
  });

  it('keeps the pairs the request had and replaces the wrong one', () => {
    const explanation = explainDenial({
      denied: denial('kms:Decrypt', 'no-allow', 'identity-based'),
      caller: operator,
      keyArn: KEY_ARN,
      keyPolicy: DEFAULT_POLICY,
      encryptionContext: { department: 'sales', team: 'payments' },
      identityPolicies,
    });
    expect(explanation.conditionalAllows[0]?.unmet[0]?.had).toBe('the request had "sales"');
    expect(explanation.retries[0]).toEqual({ department: 'finance', team: 'payments' });
  });

  it('says what is unknown when the IAM policies cannot be read', () => {
    const explanation = explainDenial({
      denied: denial('kms:Encrypt', 'no-allow', 'identity-based'),
      caller: operator,
      keyArn: KEY_ARN,
      keyPolicy: DEFAULT_POLICY,
    });
    expect(explanation.identityPolicies).toBe('unknown');
    expect(explanation.conditionalAllows).toEqual([]);
    expect(explanation.notes.join(' ')).toContain(
      'cannot be read from the browser, so whether one already allows kms:Encrypt under a condition is unknown',
    );
  });

  it('does not claim to know a source IP condition, and offers no retry for it', () => {
    const fromOffice = policy(ROOT_STATEMENT, {
      Sid: 'OperatorsFromTheOffice',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/KmsOperator` },
      Action: 'kms:Encrypt',
      Resource: '*',
      Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
    });
    const explanation = explainDenial({
      denied: denial('kms:Encrypt', 'no-allow', 'resource-based'),
      caller: operator,
      keyArn: KEY_ARN,
      keyPolicy: fromOffice,
    });
    expect(explanation.conditionalAllows[0]?.unmet).toEqual([
      {
        key: 'aws:SourceIp',
        requirement: 'aws:SourceIp is an address in "10.0.0.0/8"',
        had: 'the console cannot see this value: the endpoint sets it',
        knowable: false,
      },
    ]);
    expect(explanation.retries).toEqual([]);
    expect(explanation.suggestion).toBeUndefined();
  });

  it('names the grant whose encryption context constraint the request missed, with a retry', () => {
    const explanation = explainDenial({
      denied: denial('kms:Decrypt', 'no-allow', 'identity-based'),
      caller: operator,
      keyArn: KEY_ARN,
      keyPolicy: DEFAULT_POLICY,
      encryptionContext: { project: 'beta' },
      identityPolicies,
      grants: [
        {
          grantId: 'g-1',
          granteePrincipal: `arn:aws:iam::${ACCOUNT}:role/KmsOperator`,
          operations: ['Decrypt'],
          constraints: { encryptionContextSubset: { project: 'alpha' } },
        },
      ],
    });
    expect(explanation.unmetGrants).toEqual([
      {
        grant: 'g-1',
        requirement: 'the encryption context includes project=alpha',
        had: 'the request had project=beta',
      },
    ]);
    expect(explanation.retries).toContainEqual({ project: 'alpha' });
    expect(explanation.retries).toContainEqual({ project: 'beta', department: 'finance' });
  });
});
