import { describe, expect, it } from 'vitest';
import {
  formatAccessDenied,
  parseAccessDenied,
  type AccessDeniedDetails,
  type AccessDeniedPolicyType,
} from './access-denied.js';

const PRINCIPAL = 'arn:aws:sts::111122223333:assumed-role/KmsOperator/CognitoIdentityCredentials';
const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const HEAD = `User: ${PRINCIPAL} is not authorized to perform: kms:Encrypt on resource: ${KEY}`;

const forms: [AccessDeniedDetails, string][] = [
  [
    {
      principalArn: PRINCIPAL,
      action: 'kms:Encrypt',
      resource: KEY,
      kind: 'no-allow',
      policyType: 'identity-based',
    },
    `${HEAD} because no identity-based policy allows the kms:Encrypt action`,
  ],
  [
    {
      principalArn: PRINCIPAL,
      action: 'kms:Encrypt',
      resource: KEY,
      kind: 'no-allow',
      policyType: 'resource-based',
    },
    `${HEAD} because no resource-based policy allows the kms:Encrypt action`,
  ],
  [
    {
      principalArn: PRINCIPAL,
      action: 'kms:Encrypt',
      resource: KEY,
      kind: 'no-allow',
      policyType: 'session',
    },
    `${HEAD} because no session policy allows the kms:Encrypt action`,
  ],
  [
    {
      principalArn: PRINCIPAL,
      action: 'kms:Encrypt',
      resource: KEY,
      kind: 'explicit-deny',
      policyType: 'resource-based',
    },
    `${HEAD} with an explicit deny in a resource-based policy`,
  ],
  [
    {
      principalArn: PRINCIPAL,
      action: 'kms:Encrypt',
      resource: KEY,
      kind: 'explicit-deny',
      policyType: 'identity-based',
    },
    `${HEAD} with an explicit deny in an identity-based policy`,
  ],
  [
    {
      principalArn: PRINCIPAL,
      action: 'kms:Encrypt',
      resource: KEY,
      kind: 'explicit-deny',
      policyType: 'session',
    },
    `${HEAD} with an explicit deny in a session policy`,
  ],
  [
    {
      principalArn: PRINCIPAL,
      action: 'kms:ListKeys',
      kind: 'no-allow',
      policyType: 'identity-based',
    },
    `User: ${PRINCIPAL} is not authorized to perform: kms:ListKeys because no identity-based policy allows the kms:ListKeys action`,
  ],
];

describe('AccessDenied messages', () => {
  it.each(forms)('formats and parses back: %j', (details, message) => {
    expect(formatAccessDenied(details)).toBe(message);
    expect(parseAccessDenied(message)).toEqual(details);
  });

  const otherTypes: [AccessDeniedPolicyType, string][] = [
    ['service-control', 'with an explicit deny in a service control policy'],
    ['permissions-boundary', 'because no permissions boundary allows the kms:Encrypt action'],
    ['vpc-endpoint', 'because no VPC endpoint policy allows the kms:Encrypt action'],
    ['resource-control', 'with an explicit deny in a resource control policy'],
  ];
  it.each(otherTypes)('parses the %s policy type real AWS may name', (policyType, reason) => {
    expect(parseAccessDenied(`${HEAD} ${reason}`)?.policyType).toBe(policyType);
  });

  it('finds the message inside an SDK error text', () => {
    const text = `An error occurred (AccessDeniedException) when calling the Decrypt operation: User: ${PRINCIPAL} is not authorized to perform: kms:Decrypt on resource: ${KEY} with an explicit deny in a resource-based policy`;
    expect(parseAccessDenied(text)).toEqual({
      principalArn: PRINCIPAL,
      action: 'kms:Decrypt',
      resource: KEY,
      kind: 'explicit-deny',
      policyType: 'resource-based',
    });
  });

  it('parses the older KMS form without a reason', () => {
    const text = `User: arn:aws:iam::123456789012:role/MyRole is not authorized to perform: kms:Decrypt on resource: ${KEY}`;
    expect(parseAccessDenied(text)).toEqual({
      principalArn: 'arn:aws:iam::123456789012:role/MyRole',
      action: 'kms:Decrypt',
      resource: KEY,
      kind: 'no-allow',
    });
  });

  it('parses "on the resource associated with this ciphertext"', () => {
    const text =
      'User: arn:aws:iam::123456789012:user/x is not authorized to perform: kms:Decrypt on the resource associated with this ciphertext because no identity-based policy allows the kms:Decrypt action';
    expect(parseAccessDenied(text)).toEqual({
      principalArn: 'arn:aws:iam::123456789012:user/x',
      action: 'kms:Decrypt',
      kind: 'no-allow',
      policyType: 'identity-based',
    });
  });

  it('parses an explicit deny that names the policy ARN, and a trailing period', () => {
    const policyArn = 'arn:aws:iam::111122223333:policy/NoKms';
    expect(
      parseAccessDenied(`${HEAD} with an explicit deny in an identity-based policy: ${policyArn}.`),
    ).toMatchObject({
      kind: 'explicit-deny',
      policyType: 'identity-based',
      policyArn,
    });
    expect(
      parseAccessDenied(`${HEAD} with an explicit deny in a session policy.`)?.policyType,
    ).toBe('session');
  });

  it('returns null for other messages', () => {
    expect(
      parseAccessDenied('The request would have succeeded, but the DryRun option is set.'),
    ).toBeNull();
    expect(parseAccessDenied('')).toBeNull();
  });
});
