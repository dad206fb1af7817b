import type { KeySpec, KeyUsageType } from '@aws-sdk/client-kms';
import type { IamRole, IamUser } from '../identity/directory';
import { defaultKeyPolicy } from '../kms/key-policy';

/** The demo scenario of DESIGN.md section 4: who exists, what they may do, which keys are seeded. */
export const REGION = 'us-east-1';
export const DEMO_ACCOUNT = '111122223333';
export const PARTNER_ACCOUNT = '444455556666';

export const USER_POOL_ID = 'us-east-1_KmsDemo01';
export const USER_POOL_CLIENT_ID = 'kmsconsoledemoclient';
export const IDENTITY_POOL_ID = 'us-east-1:11111111-2222-4333-8444-555555555555';

const policy = (statements: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);

/** Reading the event history (CloudTrail LookupEvents), which admins and auditors may do. */
const READ_EVENT_HISTORY = {
  Sid: 'ReadEventHistory',
  Effect: 'Allow',
  Action: 'cloudtrail:LookupEvents',
  Resource: '*',
};

export const ADMIN_POLICY = policy([
  { Sid: 'KmsFullAccess', Effect: 'Allow', Action: 'kms:*', Resource: '*' },
  READ_EVENT_HISTORY,
]);

export const OPERATOR_POLICY = policy([
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
    Condition: { StringEquals: { 'kms:EncryptionContext:department': ['finance', 'engineering'] } },
  },
  {
    Sid: 'SignAndMac',
    Effect: 'Allow',
    Action: ['kms:Sign', 'kms:Verify', 'kms:GenerateMac', 'kms:VerifyMac'],
    Resource: '*',
  },
]);

export const AUDITOR_POLICY = policy([
  {
    Sid: 'ReadOnly',
    Effect: 'Allow',
    Action: ['kms:List*', 'kms:Describe*', 'kms:Get*'],
    Resource: '*',
  },
  READ_EVENT_HISTORY,
]);

export const GUEST_POLICY = policy([
  {
    Sid: 'GuestEncryptOnly',
    Effect: 'Allow',
    Action: ['kms:Encrypt', 'kms:GenerateDataKey'],
    Resource: '*',
  },
]);

export const IAM_USERS: IamUser[] = [
  {
    account: DEMO_ACCOUNT,
    name: 'admin',
    userId: 'AIDAJQABLZS4A3QDU576Q',
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    policies: [ADMIN_POLICY],
  },
  {
    account: PARTNER_ACCOUNT,
    name: 'admin',
    userId: 'AIDAI4PARTNERADMIN01',
    accessKeyId: 'AKIAI44QH8DHBEXAMPLE',
    secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
    policies: [ADMIN_POLICY],
  },
];

export const IAM_ROLES: IamRole[] = [
  {
    account: DEMO_ACCOUNT,
    name: 'KmsAdmin',
    roleId: 'AROAKMSADMINEXAMPLE01',
    policies: [ADMIN_POLICY],
  },
  {
    account: DEMO_ACCOUNT,
    name: 'KmsOperator',
    roleId: 'AROAKMSOPERATOREXAMP',
    policies: [OPERATOR_POLICY],
  },
  {
    account: DEMO_ACCOUNT,
    name: 'KmsAuditor',
    roleId: 'AROAKMSAUDITOREXAMPL',
    policies: [AUDITOR_POLICY],
  },
  {
    account: DEMO_ACCOUNT,
    name: 'KmsGuest',
    roleId: 'AROAKMSGUESTEXAMPLE1',
    policies: [GUEST_POLICY],
  },
];

export const roleArn = (name: string) => `arn:aws:iam::${DEMO_ACCOUNT}:role/${name}`;

/** User pool users; the group decides the role through `cognito:preferred_role`. */
export const USER_POOL_USERS = [
  { username: 'admin', password: 'Admin-Passw0rd!', group: 'admins', role: roleArn('KmsAdmin') },
  {
    username: 'operator',
    password: 'Operator-Passw0rd!',
    group: 'operators',
    role: roleArn('KmsOperator'),
  },
  {
    username: 'auditor',
    password: 'Auditor-Passw0rd!',
    group: 'auditors',
    role: roleArn('KmsAuditor'),
  },
];

export const GUEST_ROLE_ARN = roleArn('KmsGuest');

function withStatements(account: string, statements: object[]): string {
  const base = JSON.parse(defaultKeyPolicy(account)) as { Statement: object[] };
  return JSON.stringify({ ...base, Statement: [...base.Statement, ...statements] }, null, 2);
}

export interface SeedKey {
  account: string;
  keyId: string;
  alias: string;
  description: string;
  keySpec: KeySpec;
  keyUsage: KeyUsageType;
  enabled: boolean;
  policy: string;
}

/** The seeded keys' ids, fixed so that links, scripts and tests can name them. */
export const APP_KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab'; // alias/demo-app
export const RSA_KEY_ID = '0987dcba-09fe-87dc-65ba-ab0987654321'; // alias/demo-rsa
export const SIGN_KEY_ID = '5c4b3a21-0f9e-4d8c-b7a6-0123456789ab'; // alias/demo-sign
export const HMAC_KEY_ID = '6d5c4b3a-1f0e-4e9d-a8b7-123456789abc'; // alias/demo-hmac
export const DISABLED_KEY_ID = '7e6d5c4b-2a1f-4f0e-b9c8-23456789abcd'; // alias/demo-disabled
export const RESTRICTED_KEY_ID = '8f7e6d5c-3b2a-4a1f-8ad9-3456789abcde'; // alias/demo-restricted
export const PARTNER_KEY_ID = '9a8f7e6d-4c3b-4b2a-9bea-456789abcdef'; // alias/partner-shared

export const SEED_KEYS: SeedKey[] = [
  {
    account: DEMO_ACCOUNT,
    keyId: APP_KEY_ID,
    alias: 'alias/demo-app',
    description: 'Demo application data key (symmetric)',
    keySpec: 'SYMMETRIC_DEFAULT',
    keyUsage: 'ENCRYPT_DECRYPT',
    enabled: true,
    policy: defaultKeyPolicy(DEMO_ACCOUNT),
  },
  {
    account: DEMO_ACCOUNT,
    keyId: RSA_KEY_ID,
    alias: 'alias/demo-rsa',
    description: 'Demo RSA encryption key',
    keySpec: 'RSA_2048',
    keyUsage: 'ENCRYPT_DECRYPT',
    enabled: true,
    policy: defaultKeyPolicy(DEMO_ACCOUNT),
  },
  {
    account: DEMO_ACCOUNT,
    keyId: SIGN_KEY_ID,
    alias: 'alias/demo-sign',
    description: 'Demo ECDSA signing key',
    keySpec: 'ECC_NIST_P256',
    keyUsage: 'SIGN_VERIFY',
    enabled: true,
    policy: defaultKeyPolicy(DEMO_ACCOUNT),
  },
  {
    account: DEMO_ACCOUNT,
    keyId: HMAC_KEY_ID,
    alias: 'alias/demo-hmac',
    description: 'Demo HMAC key',
    keySpec: 'HMAC_256',
    keyUsage: 'GENERATE_VERIFY_MAC',
    enabled: true,
    policy: defaultKeyPolicy(DEMO_ACCOUNT),
  },
  {
    account: DEMO_ACCOUNT,
    keyId: DISABLED_KEY_ID,
    alias: 'alias/demo-disabled',
    description: 'Demo disabled key',
    keySpec: 'SYMMETRIC_DEFAULT',
    keyUsage: 'ENCRYPT_DECRYPT',
    enabled: false,
    policy: defaultKeyPolicy(DEMO_ACCOUNT),
  },
  {
    account: DEMO_ACCOUNT,
    keyId: RESTRICTED_KEY_ID,
    alias: 'alias/demo-restricted',
    description: 'Demo key whose policy denies Decrypt to KmsOperator',
    keySpec: 'SYMMETRIC_DEFAULT',
    keyUsage: 'ENCRYPT_DECRYPT',
    enabled: true,
    policy: withStatements(DEMO_ACCOUNT, [
      {
        Sid: 'DenyDecryptForOperators',
        Effect: 'Deny',
        Principal: { AWS: roleArn('KmsOperator') },
        Action: 'kms:Decrypt',
        Resource: '*',
      },
    ]),
  },
  {
    account: PARTNER_ACCOUNT,
    keyId: PARTNER_KEY_ID,
    alias: 'alias/partner-shared',
    description: 'Partner key shared with the demo account',
    keySpec: 'SYMMETRIC_DEFAULT',
    keyUsage: 'ENCRYPT_DECRYPT',
    enabled: true,
    policy: withStatements(PARTNER_ACCOUNT, [
      {
        Sid: 'AllowDemoAccountUse',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${DEMO_ACCOUNT}:root` },
        Action: [
          'kms:Encrypt',
          'kms:Decrypt',
          'kms:ReEncrypt*',
          'kms:GenerateDataKey*',
          'kms:DescribeKey',
        ],
        Resource: '*',
      },
    ]),
  },
];
