import { parseIdentityPolicy, parseKeyPolicy } from './document.js';
import { authorizeKmsRequest, type KmsAuthorizationInput } from './kms-authorize.js';
import type { KmsAuthorizationResult } from './kms-authorize.js';
import { buildKmsConditionKeys } from './kms-condition-keys.js';

/**
 * A realistic worst case for one authorization: a 20-statement key policy and a 20-statement
 * IAM policy, with wildcards, conditions and the deciding statements near the end. The bench in
 * bench/ times `runBenchAuthorization` with a fixture built once by `createBenchFixture`.
 */
const ACCOUNT = '111122223333';
const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/KmsOperator`;
const SESSION_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/KmsOperator/CognitoIdentityCredentials`;

const FILLER_ACTIONS = [
  'kms:CreateAlias',
  'kms:DeleteAlias',
  'kms:UpdateAlias',
  'kms:EnableKey',
  'kms:DisableKey',
  'kms:ScheduleKeyDeletion',
  'kms:CancelKeyDeletion',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:PutKeyPolicy',
  'kms:EnableKeyRotation',
  'kms:DisableKeyRotation',
  'kms:ImportKeyMaterial',
  'kms:DeleteImportedKeyMaterial',
];

function keyPolicyStatements(): object[] {
  const statements: object[] = [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'DenyDecryptOutsideRegion',
      Effect: 'Deny',
      Principal: '*',
      Action: 'kms:Decrypt',
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:RequestedRegion': 'us-east-1' } },
    },
  ];
  FILLER_ACTIONS.forEach((action, i) => {
    statements.push({
      Sid: `Admin${i}`,
      Effect: 'Allow',
      Principal: {
        AWS: [`arn:aws:iam::${ACCOUNT}:role/KeyAdmin${i}`, `arn:aws:iam::${ACCOUNT}:user/ops${i}`],
      },
      Action: [action, 'kms:Describe*', 'kms:List*'],
      Resource: '*',
    });
  });
  statements.push(
    {
      Sid: 'AllowServiceUse',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
      Resource: '*',
      Condition: {
        StringEquals: {
          'kms:CallerAccount': ACCOUNT,
          'kms:ViaService': 's3.us-east-1.amazonaws.com',
        },
      },
    },
    {
      Sid: 'AllowGrantsForAwsResources',
      Effect: 'Allow',
      Principal: { AWS: ROLE_ARN },
      Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
      Resource: '*',
      Condition: { Bool: { 'kms:GrantIsForAWSResource': true } },
    },
    {
      Sid: 'DenyWithoutTls',
      Effect: 'Deny',
      Principal: '*',
      Action: 'kms:*',
      Resource: '*',
      Condition: { Bool: { 'aws:SecureTransport': false } },
    },
    {
      Sid: 'AllowOperatorEncrypt',
      Effect: 'Allow',
      Principal: { AWS: ROLE_ARN },
      Action: ['kms:Encrypt', 'kms:GenerateDataKey*'],
      Resource: '*',
      Condition: {
        StringEquals: { 'kms:EncryptionContext:department': ['finance', 'engineering'] },
        'ForAllValues:StringLike': { 'kms:EncryptionContextKeys': ['department', 'team', 'app*'] },
      },
    },
  );
  return statements;
}

function iamPolicyStatements(): object[] {
  const statements: object[] = [];
  for (let i = 0; i < 16; i += 1) {
    statements.push({
      Sid: `Other${i}`,
      Effect: 'Allow',
      Action: [`s3:GetObject`, `dynamodb:Query`, `sqs:SendMessage`],
      Resource: `arn:aws:s3:::bucket-${i}/*`,
    });
  }
  statements.push(
    {
      Sid: 'ReadKeys',
      Effect: 'Allow',
      Action: ['kms:List*', 'kms:Describe*', 'kms:GetPublicKey'],
      Resource: '*',
    },
    {
      Sid: 'DenyDeletion',
      Effect: 'Deny',
      Action: ['kms:ScheduleKeyDeletion', 'kms:Delete*'],
      Resource: '*',
    },
    {
      Sid: 'SignAndMac',
      Effect: 'Allow',
      Action: ['kms:Sign', 'kms:Verify', 'kms:GenerateMac', 'kms:VerifyMac'],
      Resource: `arn:aws:kms:*:${ACCOUNT}:key/*`,
    },
    {
      Sid: 'UseKeysForKnownDepartments',
      Effect: 'Allow',
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
      Resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/*`,
      Condition: {
        StringEquals: { 'kms:EncryptionContext:department': ['finance', 'engineering'] },
        DateLessThan: { 'aws:CurrentTime': '2099-01-01T00:00:00Z' },
      },
    },
  );
  return statements;
}

export const BENCH_KEY_POLICY_JSON = JSON.stringify({
  Version: '2012-10-17',
  Statement: keyPolicyStatements(),
});

export const BENCH_IAM_POLICY_JSON = JSON.stringify({
  Version: '2012-10-17',
  Statement: iamPolicyStatements(),
});

export const BENCH_CONDITION_KEYS = buildKmsConditionKeys({
  caller: { arn: SESSION_ARN, account: ACCOUNT, type: 'assumed-role', roleArn: ROLE_ARN },
  encryptionContext: { department: 'finance', team: 'payments' },
  keySpec: 'SYMMETRIC_DEFAULT',
  keyUsage: 'ENCRYPT_DECRYPT',
  keyOrigin: 'AWS_KMS',
  encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
  currentTime: new Date('2025-06-01T12:00:00Z'),
  secureTransport: true,
  extra: { 'aws:RequestedRegion': 'us-east-1' },
});

/** Parses the policies once; the result is what a server keeps in its cache. */
export function createBenchFixture(): KmsAuthorizationInput {
  return {
    keyPolicy: parseKeyPolicy(BENCH_KEY_POLICY_JSON),
    keyArn: KEY_ARN,
    keyAccount: ACCOUNT,
    principal: { arn: SESSION_ARN, account: ACCOUNT, type: 'assumed-role', roleArn: ROLE_ARN },
    identityPolicies: [
      { name: 'KmsOperatorPolicy', document: parseIdentityPolicy(BENCH_IAM_POLICY_JSON) },
    ],
    action: 'kms:Encrypt',
    conditionKeys: BENCH_CONDITION_KEYS,
  };
}

/** One authorization of the sample request (allowed by the key policy's last statement). */
export function runBenchAuthorization(fixture: KmsAuthorizationInput): KmsAuthorizationResult {
  return authorizeKmsRequest(fixture);
}
