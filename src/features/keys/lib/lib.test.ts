import { describe, expect, it } from 'vitest';
import { describeConstraints, grantOperationsFor, parseContextShorthand } from './grants';
import { defaultSpec, keySpecsFor } from './key-specs';
import { publicKeyFileName } from './pem';
import { formatPolicy, validateKeyPolicy } from './policy-validation';

const DEFAULT_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: 'kms:*',
      Resource: '*',
    },
  ],
});

describe('public keys', () => {
  it('names downloads after the alias', () => {
    expect(publicKeyFileName('alias/demo-sign', 'der')).toBe('demo-sign.der');
    expect(publicKeyFileName('alias/team/a b', 'pem')).toBe('team_a_b.pem');
  });
});

describe('key policy validation', () => {
  it('accepts the default key policy', () => {
    expect(validateKeyPolicy(DEFAULT_POLICY)).toBeUndefined();
  });

  it('reports JSON syntax errors', () => {
    const problem = validateKeyPolicy('{\n  "Version": "2012-10-17",\n  "Statement": [\n}');
    expect(problem?.message).toMatch(/^Not valid JSON/);
  });

  it('reports policy grammar errors KMS would refuse', () => {
    const noPrincipal = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }],
    });
    expect(validateKeyPolicy(noPrincipal)?.message).toMatch(/Principal/);
    expect(validateKeyPolicy('')?.message).toBe('The key policy is empty.');
    expect(validateKeyPolicy('x'.repeat(40_000))?.message).toContain('32 KB');
  });

  it('pretty-prints for reading', () => {
    expect(formatPolicy('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(formatPolicy('not json')).toBe('not json');
  });
});

describe('grants', () => {
  it('offers the operations of the key usage', () => {
    expect(grantOperationsFor({ KeyUsage: 'SIGN_VERIFY', KeySpec: 'ECC_NIST_P256' })).toContain(
      'Sign',
    );
    expect(
      grantOperationsFor({ KeyUsage: 'ENCRYPT_DECRYPT', KeySpec: 'SYMMETRIC_DEFAULT' }),
    ).toContain('GenerateDataKey');
    expect(grantOperationsFor({ KeyUsage: 'ENCRYPT_DECRYPT', KeySpec: 'RSA_2048' })).not.toContain(
      'GenerateDataKey',
    );
    expect(grantOperationsFor({ KeyUsage: 'GENERATE_VERIFY_MAC', KeySpec: 'HMAC_256' })).toContain(
      'VerifyMac',
    );
  });

  it('parses the AWS CLI context shorthand', () => {
    expect(parseContextShorthand('department=finance, team=payments')).toEqual({
      department: 'finance',
      team: 'payments',
    });
    expect(parseContextShorthand('')).toEqual({});
    expect(parseContextShorthand('novalue')).toEqual({ error: '"novalue" is not key=value.' });
    expect(parseContextShorthand('a=1,a=2')).toEqual({ error: 'The key "a" appears twice.' });
  });

  it('describes constraints', () => {
    expect(describeConstraints({ EncryptionContextSubset: { department: 'finance' } })).toBe(
      'Encryption context includes department=finance',
    );
    expect(describeConstraints(undefined)).toBe('—');
  });
});

describe('key specs', () => {
  it('offers the specs CreateKey accepts per type and usage', () => {
    expect(keySpecsFor('symmetric', 'ENCRYPT_DECRYPT')).toEqual(['SYMMETRIC_DEFAULT']);
    expect(keySpecsFor('hmac', 'GENERATE_VERIFY_MAC')).toContain('HMAC_512');
    expect(keySpecsFor('asymmetric', 'ENCRYPT_DECRYPT')).not.toContain('ECC_NIST_P256');
    expect(defaultSpec('asymmetric', 'SIGN_VERIFY')).toBe('ECC_NIST_P256');
    expect(defaultSpec('asymmetric', 'ENCRYPT_DECRYPT')).toBe('RSA_2048');
  });
});
