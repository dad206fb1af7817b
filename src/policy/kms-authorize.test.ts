import { describe, expect, it } from 'vitest';
import { parseIdentityPolicy, parseKeyPolicy, type PolicyDocument } from './document.js';
import {
  authorizeKmsRequest,
  type KmsAuthorizationInput,
  type KmsAuthorizationResult,
  type KmsGrant,
} from './kms-authorize.js';
import { formatAccessDenied } from './access-denied.js';
import { buildKmsConditionKeys, type KmsCallerIdentity } from './kms-condition-keys.js';

// The demo scenario of DESIGN.md section 4.
const DEMO = '111122223333';
const PARTNER = '444455556666';
const keyArn = (account: string, id: string) => `arn:aws:kms:us-east-1:${account}:key/${id}`;
const DEMO_APP = keyArn(DEMO, '1234abcd-12ab-34cd-56ef-1234567890ab');
const DEMO_RESTRICTED = keyArn(DEMO, '8f7e6d5c-3b2a-4a1f-8ad9-3456789abcde');
const PARTNER_SHARED = keyArn(PARTNER, '9a8f7e6d-4c3b-4b2a-9bea-456789abcdef');
const roleArn = (name: string) => `arn:aws:iam::${DEMO}:role/${name}`;
const session = (role: string): KmsCallerIdentity => ({
  arn: `arn:aws:sts::${DEMO}:assumed-role/${role}/CognitoIdentityCredentials`,
  account: DEMO,
  type: 'assumed-role',
});

const ADMIN: KmsCallerIdentity = {
  arn: `arn:aws:iam::${DEMO}:user/admin`,
  account: DEMO,
  type: 'user',
};
const ALICE: KmsCallerIdentity = {
  arn: `arn:aws:iam::${DEMO}:user/alice`,
  account: DEMO,
  type: 'user',
};
const ROOT: KmsCallerIdentity = { arn: `arn:aws:iam::${DEMO}:root`, account: DEMO, type: 'root' };
const PARTNER_ADMIN: KmsCallerIdentity = {
  arn: `arn:aws:iam::${PARTNER}:user/admin`,
  account: PARTNER,
  type: 'user',
};
const OPERATOR = session('KmsOperator');
const AUDITOR = session('KmsAuditor');
const KMS_ADMIN = session('KmsAdmin');
const GUEST = session('KmsGuest');
const S3: KmsCallerIdentity = { arn: 's3.amazonaws.com', account: '', type: 'service' };

const policy = (statements: object[]) => ({ Version: '2012-10-17', Statement: statements });

function defaultKeyPolicy(account: string, extra: object[] = []): PolicyDocument {
  return parseKeyPolicy(
    policy([
      {
        Sid: 'Enable IAM User Permissions',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
      ...extra,
    ]),
  );
}

const DEMO_APP_POLICY = defaultKeyPolicy(DEMO);
const DEMO_RESTRICTED_POLICY = defaultKeyPolicy(DEMO, [
  {
    Sid: 'DenyDecryptForOperators',
    Effect: 'Deny',
    Principal: { AWS: roleArn('KmsOperator') },
    Action: 'kms:Decrypt',
    Resource: '*',
  },
]);
const PARTNER_SHARED_POLICY = defaultKeyPolicy(PARTNER, [
  {
    Sid: 'AllowDemoAccountUse',
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${DEMO}:root` },
    Action: [
      'kms:Encrypt',
      'kms:Decrypt',
      'kms:ReEncrypt*',
      'kms:GenerateDataKey*',
      'kms:DescribeKey',
    ],
    Resource: '*',
  },
]);
const PARTNER_PRIVATE_POLICY = defaultKeyPolicy(PARTNER);
const NO_ROOT_POLICY = parseKeyPolicy(
  policy([
    {
      Sid: 'OnlyAlice',
      Effect: 'Allow',
      Principal: { AWS: ALICE.arn },
      Action: 'kms:Encrypt',
      Resource: '*',
    },
  ]),
);

const KMS_FULL_ACCESS = parseIdentityPolicy(
  policy([{ Sid: 'KmsFullAccess', Effect: 'Allow', Action: 'kms:*', Resource: '*' }]),
);
const OPERATOR_POLICY = parseIdentityPolicy(
  policy([
    {
      Sid: 'ReadKeys',
      Effect: 'Allow',
      Action: ['kms:List*', 'kms:Describe*', 'kms:GetPublicKey'],
      Resource: '*',
    },
    {
      Sid: 'UseKeysForKnownDepartments',
      Effect: 'Allow',
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
      Resource: '*',
      Condition: {
        StringEquals: { 'kms:EncryptionContext:department': ['finance', 'engineering'] },
      },
    },
    {
      Sid: 'SignAndMac',
      Effect: 'Allow',
      Action: ['kms:Sign', 'kms:Verify', 'kms:GenerateMac', 'kms:VerifyMac'],
      Resource: '*',
    },
  ]),
);
const AUDITOR_POLICY = parseIdentityPolicy(
  policy([
    {
      Sid: 'ReadOnly',
      Effect: 'Allow',
      Action: ['kms:List*', 'kms:Describe*', 'kms:Get*'],
      Resource: '*',
    },
  ]),
);
const GUEST_POLICY = parseIdentityPolicy(
  policy([
    {
      Sid: 'GuestEncryptOnly',
      Effect: 'Allow',
      Action: ['kms:Encrypt', 'kms:GenerateDataKey'],
      Resource: '*',
    },
  ]),
);
const CRYPTO_ONLY_SESSION = parseIdentityPolicy(
  policy([
    {
      Sid: 'CryptoOnly',
      Effect: 'Allow',
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'],
      Resource: '*',
    },
  ]),
);
const DENY_DECRYPT_SESSION = parseIdentityPolicy(
  policy([
    { Effect: 'Allow', Action: 'kms:*', Resource: '*' },
    { Sid: 'NoDecrypt', Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*' },
  ]),
);
const DENY_ENCRYPT_IAM = parseIdentityPolicy(
  policy([{ Sid: 'NoEncrypt', Effect: 'Deny', Action: 'kms:Encrypt', Resource: '*' }]),
);
const KEY_ARN_ONLY_IAM = parseIdentityPolicy(
  policy([{ Sid: 'PartnerKey', Effect: 'Allow', Action: 'kms:Encrypt', Resource: PARTNER_SHARED }]),
);

const grant = (extra: Partial<KmsGrant>): KmsGrant => ({
  grantId: 'g-1',
  granteePrincipal: ALICE.arn,
  operations: ['Encrypt', 'Decrypt', 'GenerateDataKey', 'DescribeKey'],
  ...extra,
});

interface AuthorizationCase {
  readonly name: string;
  readonly input: Partial<KmsAuthorizationInput> &
    Pick<KmsAuthorizationInput, 'principal' | 'action'>;
  readonly context?: Record<string, string>;
  /** Actions such as ListKeys have no key: no key policy, no key ARN. */
  readonly noKey?: boolean;
  readonly expected: Pick<KmsAuthorizationResult, 'allowed' | 'reason' | 'policyType'>;
  readonly deciding?: KmsAuthorizationResult['deciding'];
}

const ALLOWED = { allowed: true, reason: 'allowed' } as const;
const noAllow = (policyType: 'identity-based' | 'resource-based' | 'session') =>
  ({ allowed: false, reason: 'no-allow', policyType }) as const;
const explicitDeny = (policyType: 'identity-based' | 'resource-based' | 'session') =>
  ({ allowed: false, reason: 'explicit-deny', policyType }) as const;

const cases: AuthorizationCase[] = [
  // Same account: key policy delegation to IAM
  {
    name: 'admin user: default key policy delegates, IAM allows kms:*',
    input: {
      principal: ADMIN,
      action: 'kms:Encrypt',
      identityPolicies: [{ name: 'KmsFullAccess', document: KMS_FULL_ACCESS }],
    },
    expected: ALLOWED,
    deciding: [
      { policy: 'key', statementIndex: 0, sid: 'Enable IAM User Permissions' },
      { policy: 'identity', name: 'KmsFullAccess', statementIndex: 0, sid: 'KmsFullAccess' },
    ],
  },
  {
    name: 'user without IAM policies: key policy delegates but IAM does not allow',
    input: { principal: ALICE, action: 'kms:Encrypt' },
    expected: noAllow('identity-based'),
  },
  {
    name: 'key policy that neither names the user nor the root',
    input: {
      principal: ADMIN,
      action: 'kms:Encrypt',
      keyPolicy: NO_ROOT_POLICY,
      identityPolicies: [KMS_FULL_ACCESS],
    },
    expected: noAllow('resource-based'),
  },
  {
    name: 'key policy naming the user directly needs no IAM policy',
    input: { principal: ALICE, action: 'kms:Encrypt', keyPolicy: NO_ROOT_POLICY },
    expected: ALLOWED,
    deciding: [{ policy: 'key', statementIndex: 0, sid: 'OnlyAlice' }],
  },
  {
    name: 'the account root with the default key policy',
    input: { principal: ROOT, action: 'kms:ScheduleKeyDeletion' },
    expected: ALLOWED,
  },
  {
    name: 'the account root is locked out by a key policy without the root',
    input: { principal: ROOT, action: 'kms:Encrypt', keyPolicy: NO_ROOT_POLICY },
    expected: noAllow('resource-based'),
  },
  // DESIGN.md scenario: operator, auditor, admin role, guest
  {
    name: 'operator encrypts with department=finance',
    input: { principal: OPERATOR, action: 'kms:Encrypt', identityPolicies: [OPERATOR_POLICY] },
    context: { department: 'finance' },
    expected: ALLOWED,
  },
  {
    name: 'operator encrypts with department=engineering and more context',
    input: {
      principal: OPERATOR,
      action: 'kms:GenerateDataKey',
      identityPolicies: [OPERATOR_POLICY],
    },
    context: { department: 'engineering', team: 'payments' },
    expected: ALLOWED,
  },
  {
    name: 'operator encrypts with department=marketing',
    input: { principal: OPERATOR, action: 'kms:Encrypt', identityPolicies: [OPERATOR_POLICY] },
    context: { department: 'marketing' },
    expected: noAllow('identity-based'),
  },
  {
    name: 'operator encrypts without encryption context',
    input: { principal: OPERATOR, action: 'kms:Encrypt', identityPolicies: [OPERATOR_POLICY] },
    expected: noAllow('identity-based'),
  },
  {
    name: 'operator: the context key name is case-insensitive in the condition',
    input: { principal: OPERATOR, action: 'kms:Encrypt', identityPolicies: [OPERATOR_POLICY] },
    context: { Department: 'finance' },
    expected: ALLOWED,
  },
  {
    name: 'operator decrypts on alias/demo-restricted: explicit deny in the key policy',
    input: {
      principal: OPERATOR,
      action: 'kms:Decrypt',
      keyArn: DEMO_RESTRICTED,
      keyPolicy: DEMO_RESTRICTED_POLICY,
      identityPolicies: [OPERATOR_POLICY],
    },
    context: { department: 'finance' },
    expected: explicitDeny('resource-based'),
    deciding: [{ policy: 'key', statementIndex: 1, sid: 'DenyDecryptForOperators' }],
  },
  {
    name: 'operator encrypts on alias/demo-restricted',
    input: {
      principal: OPERATOR,
      action: 'kms:Encrypt',
      keyArn: DEMO_RESTRICTED,
      keyPolicy: DEMO_RESTRICTED_POLICY,
      identityPolicies: [OPERATOR_POLICY],
    },
    context: { department: 'finance' },
    expected: ALLOWED,
  },
  {
    name: 'KmsAdmin decrypts on alias/demo-restricted',
    input: {
      principal: KMS_ADMIN,
      action: 'kms:Decrypt',
      keyArn: DEMO_RESTRICTED,
      keyPolicy: DEMO_RESTRICTED_POLICY,
      identityPolicies: [KMS_FULL_ACCESS],
    },
    expected: ALLOWED,
  },
  {
    name: 'operator signs',
    input: { principal: OPERATOR, action: 'kms:Sign', identityPolicies: [OPERATOR_POLICY] },
    expected: ALLOWED,
  },
  {
    name: 'auditor describes a key',
    input: { principal: AUDITOR, action: 'kms:DescribeKey', identityPolicies: [AUDITOR_POLICY] },
    expected: ALLOWED,
  },
  {
    name: 'auditor reads the key policy (kms:Get*)',
    input: { principal: AUDITOR, action: 'kms:GetKeyPolicy', identityPolicies: [AUDITOR_POLICY] },
    expected: ALLOWED,
  },
  {
    name: 'auditor lists keys (no key resource)',
    input: {
      principal: AUDITOR,
      action: 'kms:ListKeys',
      identityPolicies: [AUDITOR_POLICY],
    },
    noKey: true,
    expected: ALLOWED,
  },
  {
    name: 'auditor encrypts',
    input: { principal: AUDITOR, action: 'kms:Encrypt', identityPolicies: [AUDITOR_POLICY] },
    expected: noAllow('identity-based'),
  },
  {
    name: 'guest encrypts within the session policy',
    input: {
      principal: GUEST,
      action: 'kms:Encrypt',
      identityPolicies: [GUEST_POLICY],
      sessionPolicies: [CRYPTO_ONLY_SESSION],
    },
    expected: ALLOWED,
  },
  {
    name: 'guest lists keys: IAM does not allow it',
    input: {
      principal: GUEST,
      action: 'kms:ListKeys',
      identityPolicies: [GUEST_POLICY],
      sessionPolicies: [CRYPTO_ONLY_SESSION],
    },
    noKey: true,
    expected: noAllow('identity-based'),
  },
  // Session policies
  {
    name: 'session policy narrows a kms:* role: ListKeys not in the session policy',
    input: {
      principal: KMS_ADMIN,
      action: 'kms:ListKeys',
      identityPolicies: [KMS_FULL_ACCESS],
      sessionPolicies: [CRYPTO_ONLY_SESSION],
    },
    noKey: true,
    expected: noAllow('session'),
  },
  {
    name: 'session policy narrows a kms:* role: DescribeKey on a key',
    input: {
      principal: KMS_ADMIN,
      action: 'kms:DescribeKey',
      identityPolicies: [KMS_FULL_ACCESS],
      sessionPolicies: [CRYPTO_ONLY_SESSION],
    },
    expected: noAllow('session'),
  },
  {
    name: 'session policy allowing the action',
    input: {
      principal: KMS_ADMIN,
      action: 'kms:Decrypt',
      identityPolicies: [KMS_FULL_ACCESS],
      sessionPolicies: [{ name: 'session', document: CRYPTO_ONLY_SESSION }],
    },
    expected: ALLOWED,
    deciding: [
      { policy: 'key', statementIndex: 0, sid: 'Enable IAM User Permissions' },
      { policy: 'identity', statementIndex: 0, sid: 'KmsFullAccess' },
      { policy: 'session', name: 'session', statementIndex: 0, sid: 'CryptoOnly' },
    ],
  },
  {
    name: 'explicit deny in a session policy',
    input: {
      principal: KMS_ADMIN,
      action: 'kms:Decrypt',
      identityPolicies: [KMS_FULL_ACCESS],
      sessionPolicies: [DENY_DECRYPT_SESSION],
    },
    expected: explicitDeny('session'),
  },
  {
    name: 'explicit deny in an identity-based policy',
    input: {
      principal: ADMIN,
      action: 'kms:Encrypt',
      identityPolicies: [KMS_FULL_ACCESS, DENY_ENCRYPT_IAM],
    },
    expected: explicitDeny('identity-based'),
    deciding: [{ policy: 'identity', statementIndex: 0, sid: 'NoEncrypt' }],
  },
  // Cross-account
  {
    name: 'cross-account: key policy allows the caller account and IAM allows',
    input: {
      principal: ADMIN,
      action: 'kms:Encrypt',
      keyArn: PARTNER_SHARED,
      keyAccount: PARTNER,
      keyPolicy: PARTNER_SHARED_POLICY,
      identityPolicies: [KMS_FULL_ACCESS],
    },
    expected: ALLOWED,
  },
  {
    name: 'cross-account: IAM policy naming the key ARN',
    input: {
      principal: ADMIN,
      action: 'kms:Encrypt',
      keyArn: PARTNER_SHARED,
      keyAccount: PARTNER,
      keyPolicy: PARTNER_SHARED_POLICY,
      identityPolicies: [KEY_ARN_ONLY_IAM],
    },
    expected: ALLOWED,
  },
  {
    name: 'cross-account: key policy allows but the caller IAM does not',
    input: {
      principal: ALICE,
      action: 'kms:Encrypt',
      keyArn: PARTNER_SHARED,
      keyAccount: PARTNER,
      keyPolicy: PARTNER_SHARED_POLICY,
    },
    expected: noAllow('identity-based'),
  },
  {
    name: 'cross-account: IAM allows but the key policy does not name the caller account',
    input: {
      principal: ADMIN,
      action: 'kms:Encrypt',
      keyArn: PARTNER_SHARED,
      keyAccount: PARTNER,
      keyPolicy: PARTNER_PRIVATE_POLICY,
      identityPolicies: [KMS_FULL_ACCESS],
    },
    expected: noAllow('resource-based'),
  },
  {
    name: 'cross-account: action outside the key policy statement',
    input: {
      principal: ADMIN,
      action: 'kms:ScheduleKeyDeletion',
      keyArn: PARTNER_SHARED,
      keyAccount: PARTNER,
      keyPolicy: PARTNER_SHARED_POLICY,
      identityPolicies: [KMS_FULL_ACCESS],
    },
    expected: noAllow('resource-based'),
  },
  {
    name: 'cross-account: key policy naming the role still needs the caller IAM',
    input: {
      principal: OPERATOR,
      action: 'kms:Encrypt',
      keyArn: PARTNER_SHARED,
      keyAccount: PARTNER,
      keyPolicy: parseKeyPolicy(
        policy([
          {
            Effect: 'Allow',
            Principal: { AWS: roleArn('KmsOperator') },
            Action: 'kms:*',
            Resource: '*',
          },
        ]),
      ),
      identityPolicies: [AUDITOR_POLICY],
    },
    expected: noAllow('identity-based'),
  },
  {
    name: 'cross-account: the partner admin uses its own key',
    input: {
      principal: PARTNER_ADMIN,
      action: 'kms:Encrypt',
      keyArn: PARTNER_SHARED,
      keyAccount: PARTNER,
      keyPolicy: PARTNER_SHARED_POLICY,
      identityPolicies: [KMS_FULL_ACCESS],
    },
    expected: ALLOWED,
  },
  // Service principals
  {
    name: 'a service principal named in the key policy',
    input: {
      principal: S3,
      action: 'kms:GenerateDataKey',
      keyPolicy: parseKeyPolicy(
        policy([
          {
            Effect: 'Allow',
            Principal: { Service: 's3.amazonaws.com' },
            Action: 'kms:GenerateDataKey*',
            Resource: '*',
          },
        ]),
      ),
    },
    expected: ALLOWED,
  },
  {
    name: 'a service principal not named in the key policy',
    input: { principal: S3, action: 'kms:Decrypt' },
    expected: noAllow('resource-based'),
  },
  // Grants
  {
    name: 'grant allows its operation to its grantee without IAM',
    input: { principal: ALICE, action: 'kms:Encrypt', grants: [grant({ name: 'app-grant' })] },
    expected: ALLOWED,
    deciding: [{ policy: 'grant', name: 'app-grant' }],
  },
  {
    name: 'grant does not cover other operations',
    input: { principal: ALICE, action: 'kms:ReEncryptFrom', grants: [grant({})] },
    expected: noAllow('identity-based'),
  },
  {
    name: 'grant for another grantee',
    input: {
      principal: ALICE,
      action: 'kms:Encrypt',
      grants: [grant({ granteePrincipal: `arn:aws:iam::${DEMO}:user/bob` })],
    },
    expected: noAllow('identity-based'),
  },
  {
    name: 'grant to a role covers its sessions',
    input: {
      principal: GUEST,
      action: 'kms:Decrypt',
      grants: [grant({ granteePrincipal: roleArn('KmsGuest') })],
    },
    expected: ALLOWED,
  },
  {
    name: 'grant EncryptionContextSubset satisfied (keys case-insensitive)',
    input: {
      principal: ALICE,
      action: 'kms:Decrypt',
      grants: [grant({ constraints: { encryptionContextSubset: { department: 'finance' } } })],
    },
    context: { Department: 'finance', team: 'payments' },
    expected: ALLOWED,
  },
  {
    name: 'grant EncryptionContextSubset: values are case-sensitive',
    input: {
      principal: ALICE,
      action: 'kms:Decrypt',
      grants: [grant({ constraints: { encryptionContextSubset: { department: 'finance' } } })],
    },
    context: { department: 'Finance' },
    expected: noAllow('identity-based'),
  },
  {
    name: 'grant EncryptionContextSubset: pair missing',
    input: {
      principal: ALICE,
      action: 'kms:Encrypt',
      grants: [grant({ constraints: { encryptionContextSubset: { department: 'finance' } } })],
    },
    context: { team: 'payments' },
    expected: noAllow('identity-based'),
  },
  {
    name: 'grant EncryptionContextEquals: exact context',
    input: {
      principal: ALICE,
      action: 'kms:Encrypt',
      grants: [
        grant({
          constraints: { encryptionContextEquals: { department: 'finance', team: 'payments' } },
        }),
      ],
    },
    context: { team: 'payments', department: 'finance' },
    expected: ALLOWED,
  },
  {
    name: 'grant EncryptionContextEquals: an extra pair fails',
    input: {
      principal: ALICE,
      action: 'kms:Encrypt',
      grants: [grant({ constraints: { encryptionContextEquals: { department: 'finance' } } })],
    },
    context: { department: 'finance', team: 'payments' },
    expected: noAllow('identity-based'),
  },
  {
    name: 'grant constraints do not apply to DescribeKey',
    input: {
      principal: ALICE,
      action: 'kms:DescribeKey',
      grants: [grant({ constraints: { encryptionContextEquals: { department: 'finance' } } })],
    },
    expected: ALLOWED,
  },
  {
    name: 'grant does not override an explicit deny in the key policy',
    input: {
      principal: OPERATOR,
      action: 'kms:Decrypt',
      keyArn: DEMO_RESTRICTED,
      keyPolicy: DEMO_RESTRICTED_POLICY,
      grants: [grant({ granteePrincipal: roleArn('KmsOperator') })],
    },
    expected: explicitDeny('resource-based'),
  },
  {
    name: 'grant does not override an explicit deny in IAM',
    input: {
      principal: ALICE,
      action: 'kms:Encrypt',
      identityPolicies: [DENY_ENCRYPT_IAM],
      grants: [grant({})],
    },
    expected: explicitDeny('identity-based'),
  },
];

describe('authorizeKmsRequest', () => {
  it.each(cases)('$name', (testCase) => {
    const key = testCase.noKey
      ? {}
      : { keyPolicy: DEMO_APP_POLICY, keyArn: DEMO_APP, keyAccount: DEMO };
    const input: KmsAuthorizationInput = {
      ...key,
      ...testCase.input,
      conditionKeys: buildKmsConditionKeys({
        caller: testCase.input.principal,
        ...(testCase.context ? { encryptionContext: testCase.context } : {}),
        currentTime: new Date('2025-06-01T12:00:00Z'),
      }),
    };
    const result = authorizeKmsRequest(input);
    expect({
      allowed: result.allowed,
      reason: result.reason,
      policyType: result.policyType,
    }).toEqual({
      policyType: undefined,
      ...testCase.expected,
    });
    if (testCase.deciding) expect(result.deciding).toEqual(testCase.deciding);
  });

  it('feeds the AccessDenied message of DESIGN.md', () => {
    const result = authorizeKmsRequest({
      keyPolicy: DEMO_APP_POLICY,
      keyArn: DEMO_APP,
      keyAccount: DEMO,
      principal: OPERATOR,
      identityPolicies: [OPERATOR_POLICY],
      action: 'kms:Encrypt',
      conditionKeys: buildKmsConditionKeys({
        caller: OPERATOR,
        encryptionContext: { department: 'hr' },
      }),
    });
    expect(result.reason).toBe('no-allow');
    const message = formatAccessDenied({
      principalArn: OPERATOR.arn,
      action: 'kms:Encrypt',
      resource: DEMO_APP,
      kind: 'no-allow',
      policyType: result.policyType ?? 'identity-based',
    });
    expect(message).toBe(
      `User: arn:aws:sts::111122223333:assumed-role/KmsOperator/CognitoIdentityCredentials is not authorized to perform: kms:Encrypt on resource: ${DEMO_APP} because no identity-based policy allows the kms:Encrypt action`,
    );
  });

  it('reads the grant constraint context from explicit input over condition keys', () => {
    const result = authorizeKmsRequest({
      keyPolicy: DEMO_APP_POLICY,
      keyArn: DEMO_APP,
      keyAccount: DEMO,
      principal: ALICE,
      action: 'kms:Encrypt',
      grants: [grant({ constraints: { encryptionContextSubset: { department: 'finance' } } })],
      encryptionContext: { department: 'finance' },
    });
    expect(result.allowed).toBe(true);
  });
});

describe('ML-DSA and key agreement conditions', () => {
  const KEY = keyArn(DEMO, '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
  // Signing only of whole messages with ML-DSA-65 keys; ECDH only on P-384 keys.
  const POLICY = defaultKeyPolicy(DEMO, [
    {
      Sid: 'NoExternalMu',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 'kms:Sign',
      Resource: '*',
      Condition: {
        StringEquals: { 'kms:MessageType': 'EXTERNAL_MU', 'kms:KeySpec': 'ML_DSA_65' },
      },
    },
    {
      Sid: 'EcdhOnP384Only',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 'kms:DeriveSharedSecret',
      Resource: '*',
      Condition: {
        StringEquals: { 'kms:KeyAgreementAlgorithm': 'ECDH' },
        StringNotEquals: { 'kms:KeySpec': 'ECC_NIST_P384' },
      },
    },
  ]);
  const decide = (action: string, input: Parameters<typeof buildKmsConditionKeys>[0]) =>
    authorizeKmsRequest({
      keyPolicy: POLICY,
      keyArn: KEY,
      keyAccount: DEMO,
      principal: ADMIN,
      identityPolicies: [KMS_FULL_ACCESS],
      action,
      conditionKeys: buildKmsConditionKeys({ caller: ADMIN, ...input }),
    });

  it.each([
    ['RAW', 'ML_DSA_65', true],
    ['EXTERNAL_MU', 'ML_DSA_65', false],
    ['EXTERNAL_MU', 'ML_DSA_87', true],
  ])('kms:Sign with MessageType %s on %s: allowed %s', (messageType, keySpec, allowed) => {
    const result = decide('kms:Sign', {
      keySpec,
      messageType,
      signingAlgorithm: 'ML_DSA_SHAKE_256',
    });
    expect(result.allowed).toBe(allowed);
    if (!allowed) expect(result.deciding.map((d) => d.sid)).toEqual(['NoExternalMu']);
  });

  it.each([
    ['ECC_NIST_P384', true],
    ['ECC_NIST_P256', false],
  ])('kms:DeriveSharedSecret with ECDH on %s: allowed %s', (keySpec, allowed) => {
    const result = decide('kms:DeriveSharedSecret', { keySpec, keyAgreementAlgorithm: 'ECDH' });
    expect(result.allowed).toBe(allowed);
    expect(result.reason).toBe(allowed ? 'allowed' : 'explicit-deny');
  });
});

describe('import condition keys', () => {
  const KEY = keyArn(DEMO, '6f5e4d3c-2b1a-4c9d-8e7f-6a5b4c3d2e1f');
  // The developer guide's examples: no RSAES_OAEP_SHA_1 wrapping, material that expires by a
  // date, and no ExpirationModel parameter at all.
  const POLICY = defaultKeyPolicy(DEMO, [
    {
      Sid: 'NoSha1Wrapping',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 'kms:GetParametersForImport',
      Resource: '*',
      Condition: { StringEquals: { 'kms:WrappingAlgorithm': 'RSAES_OAEP_SHA_1' } },
    },
    {
      Sid: 'ShortLivedMaterial',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 'kms:ImportKeyMaterial',
      Resource: '*',
      Condition: { NumericGreaterThan: { 'kms:ValidTo': '1546257599.0' } },
    },
    {
      Sid: 'NoExplicitExpirationModel',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 'kms:ImportKeyMaterial',
      Resource: '*',
      Condition: { Null: { 'kms:ExpirationModel': false } },
    },
  ]);
  const decide = (action: string, input: Parameters<typeof buildKmsConditionKeys>[0]) =>
    authorizeKmsRequest({
      keyPolicy: POLICY,
      keyArn: KEY,
      keyAccount: DEMO,
      principal: ADMIN,
      identityPolicies: [KMS_FULL_ACCESS],
      action,
      conditionKeys: buildKmsConditionKeys({ caller: ADMIN, keyOrigin: 'EXTERNAL', ...input }),
    });

  it.each([
    ['RSAES_OAEP_SHA_256', true],
    ['RSAES_OAEP_SHA_1', false],
  ])('GetParametersForImport with %s: allowed %s', (wrappingAlgorithm, allowed) => {
    const result = decide('kms:GetParametersForImport', {
      wrappingAlgorithm,
      wrappingKeySpec: 'RSA_4096',
    });
    expect(result.allowed).toBe(allowed);
  });

  it.each([
    ['2018-12-31T11:59:59Z', true],
    ['2018-12-31T12:00:00Z', false],
  ])('ImportKeyMaterial with ValidTo %s: allowed %s', (validTo, allowed) => {
    const result = decide('kms:ImportKeyMaterial', { validTo: new Date(validTo) });
    expect(result.allowed).toBe(allowed);
    if (!allowed) expect(result.deciding.map((d) => d.sid)).toEqual(['ShortLivedMaterial']);
  });

  it('ImportKeyMaterial naming an ExpirationModel is denied; one without it is not', () => {
    const named = decide('kms:ImportKeyMaterial', {
      expirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
    });
    expect(named.allowed).toBe(false);
    expect(named.deciding.map((d) => d.sid)).toEqual(['NoExplicitExpirationModel']);
    expect(decide('kms:ImportKeyMaterial', {}).allowed).toBe(true);
  });
});

describe('buildKmsConditionKeys', () => {
  it('builds KMS and global keys from structured inputs', () => {
    const keys = buildKmsConditionKeys({
      caller: OPERATOR,
      encryptionContext: { department: 'finance', team: 'payments' },
      grantOperations: ['Encrypt', 'Decrypt'],
      keySpec: 'SYMMETRIC_DEFAULT',
      reEncryptOnSameKey: false,
      currentTime: new Date('2025-06-01T12:00:00Z'),
      secureTransport: true,
    });
    expect(keys).toEqual({
      'kms:EncryptionContext:department': 'finance',
      'kms:EncryptionContext:team': 'payments',
      'kms:EncryptionContextKeys': ['department', 'team'],
      'kms:CallerAccount': DEMO,
      'aws:PrincipalAccount': DEMO,
      'aws:PrincipalArn': roleArn('KmsOperator'),
      'aws:PrincipalType': 'AssumedRole',
      'kms:GrantOperations': ['Encrypt', 'Decrypt'],
      'kms:KeySpec': 'SYMMETRIC_DEFAULT',
      'kms:ReEncryptOnSameKey': false,
      'aws:CurrentTime': '2025-06-01T12:00:00.000Z',
      'aws:EpochTime': '1748779200',
      'aws:SecureTransport': true,
    });
  });

  it('sets the signing and key agreement keys of ML-DSA and ECDH requests', () => {
    const keys = buildKmsConditionKeys({
      keySpec: 'ML_DSA_65',
      signingAlgorithm: 'ML_DSA_SHAKE_256',
      messageType: 'EXTERNAL_MU',
      keyAgreementAlgorithm: 'ECDH',
      currentTime: new Date(0),
    });
    expect(keys).toMatchObject({
      'kms:KeySpec': 'ML_DSA_65',
      'kms:SigningAlgorithm': 'ML_DSA_SHAKE_256',
      'kms:MessageType': 'EXTERNAL_MU',
      'kms:KeyAgreementAlgorithm': 'ECDH',
    });
  });

  it('gives IAM users aws:username and leaves an empty context absent', () => {
    const keys = buildKmsConditionKeys({
      caller: ALICE,
      encryptionContext: {},
      currentTime: new Date(0),
    });
    expect(keys['aws:username']).toBe('alice');
    expect(keys['aws:PrincipalType']).toBe('User');
    expect(keys['kms:EncryptionContextKeys']).toBeUndefined();
  });

  it('sets the import keys, ValidTo in Unix time', () => {
    const keys = buildKmsConditionKeys({
      wrappingAlgorithm: 'RSA_AES_KEY_WRAP_SHA_256',
      wrappingKeySpec: 'RSA_3072',
      expirationModel: 'KEY_MATERIAL_EXPIRES',
      validTo: new Date('2026-01-01T00:00:00.500Z'),
      currentTime: new Date(0),
    });
    expect(keys).toMatchObject({
      'kms:WrappingAlgorithm': 'RSA_AES_KEY_WRAP_SHA_256',
      'kms:WrappingKeySpec': 'RSA_3072',
      'kms:ExpirationModel': 'KEY_MATERIAL_EXPIRES',
      'kms:ValidTo': '1767225600.5',
    });
  });
});

// The Developer Guide's examples in "Control access to multi-Region keys".
describe('multi-Region condition keys', () => {
  const MRK = 'mrk-1234abcd12ab34cd56ef1234567890ab';
  const mrkArn = (region: string) => `arn:aws:kms:${region}:${DEMO}:key/${MRK}`;
  const decide = (
    input: Omit<KmsAuthorizationInput, 'conditionKeys'>,
    keys: Parameters<typeof buildKmsConditionKeys>[0],
  ) =>
    authorizeKmsRequest({
      ...input,
      conditionKeys: buildKmsConditionKeys({ caller: input.principal, ...keys }),
    }).allowed;

  it('kms:MultiRegion in a Deny on CreateKey refuses multi-Region keys only', () => {
    const noMultiRegion = parseIdentityPolicy(
      policy([
        { Effect: 'Allow', Action: 'kms:CreateKey', Resource: '*' },
        {
          Effect: 'Deny',
          Action: 'kms:CreateKey',
          Resource: '*',
          Condition: { Bool: { 'kms:MultiRegion': true } },
        },
      ]),
    );
    const create = { principal: ALICE, identityPolicies: [noMultiRegion], action: 'kms:CreateKey' };
    expect(decide(create, { multiRegion: true })).toBe(false);
    expect(decide(create, { multiRegion: false })).toBe(true);
  });

  it('kms:ReplicaRegion limits the Regions a primary key may be replicated into', () => {
    const keyPolicy = defaultKeyPolicy(DEMO, [
      {
        Effect: 'Allow',
        Principal: { AWS: ALICE.arn },
        Action: 'kms:ReplicateKey',
        Resource: '*',
        Condition: {
          StringEquals: { 'kms:ReplicaRegion': ['us-east-1', 'eu-west-3', 'ap-southeast-2'] },
        },
      },
    ]);
    const replicate = {
      principal: ALICE,
      keyPolicy,
      keyArn: mrkArn('us-west-2'),
      keyAccount: DEMO,
      action: 'kms:ReplicateKey',
    };
    expect(decide(replicate, { replicaRegion: 'eu-west-3' })).toBe(true);
    expect(decide(replicate, { replicaRegion: 'eu-west-1' })).toBe(false);
  });

  it('kms:MultiRegionKeyType REPLICA allows deleting replicas, never primaries or single-Region keys', () => {
    const replicasOnly = parseIdentityPolicy(
      policy([
        {
          Effect: 'Allow',
          Action: ['kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion'],
          Resource: `arn:aws:kms:*:${DEMO}:key/*`,
          Condition: { StringEquals: { 'kms:MultiRegionKeyType': 'REPLICA' } },
        },
      ]),
    );
    const schedule = (keyArnValue: string) => ({
      principal: ALICE,
      keyPolicy: DEMO_APP_POLICY,
      keyArn: keyArnValue,
      keyAccount: DEMO,
      identityPolicies: [replicasOnly],
      action: 'kms:ScheduleKeyDeletion',
    });
    expect(
      decide(schedule(mrkArn('eu-west-1')), { multiRegion: true, multiRegionKeyType: 'REPLICA' }),
    ).toBe(true);
    expect(
      decide(schedule(mrkArn('us-east-1')), { multiRegion: true, multiRegionKeyType: 'PRIMARY' }),
    ).toBe(false);
    // A single-Region key has no MultiRegionKeyType: the condition cannot match.
    expect(decide(schedule(DEMO_APP), { multiRegion: false })).toBe(false);
  });

  it('kms:PrimaryRegion limits where a primary key may move', () => {
    const primaryRegions = parseIdentityPolicy(
      policy([
        {
          Effect: 'Allow',
          Action: 'kms:UpdatePrimaryRegion',
          Resource: `arn:aws:kms:*:${DEMO}:key/*`,
          Condition: {
            StringEquals: { 'kms:PrimaryRegion': ['us-west-2', 'sa-east-1', 'ap-southeast-1'] },
          },
        },
      ]),
    );
    const update = {
      principal: ALICE,
      keyPolicy: DEMO_APP_POLICY,
      keyArn: mrkArn('us-east-1'),
      keyAccount: DEMO,
      identityPolicies: [primaryRegions],
      action: 'kms:UpdatePrimaryRegion',
    };
    expect(decide(update, { primaryRegion: 'sa-east-1' })).toBe(true);
    expect(decide(update, { primaryRegion: 'eu-west-1' })).toBe(false);
  });

  it('aws:RequestedRegion limits an IAM policy to the Regions named', () => {
    const euOnly = parseIdentityPolicy(
      policy([
        {
          Effect: 'Allow',
          Action: 'kms:Encrypt',
          Resource: '*',
          Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
        },
      ]),
    );
    const encrypt = (region: string) => ({
      principal: ALICE,
      keyPolicy: DEMO_APP_POLICY,
      keyArn: `arn:aws:kms:${region}:${DEMO}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
      keyAccount: DEMO,
      identityPolicies: [euOnly],
      action: 'kms:Encrypt',
    });
    expect(decide(encrypt('eu-west-1'), { requestedRegion: 'eu-west-1' })).toBe(true);
    expect(decide(encrypt('us-east-1'), { requestedRegion: 'us-east-1' })).toBe(false);
  });
});
