import { describe, expect, it } from 'vitest';
import { withoutSecrets } from './credential-sources';
import { isAwsEndpoint, regionOfPoolId, validateSignInRequest } from './sign-in-request';
import { decodeJwtClaims, userPoolProviderName } from './user-pool';

describe('sign-in requests', () => {
  it('accepts the sandbox defaults', () => {
    expect(
      validateSignInRequest({
        method: 'sandbox',
        user: 'guest',
        region: 'us-east-1',
        endpoint: '',
      }),
    ).toEqual([]);
  });

  it('names every problem of a Cognito login', () => {
    const problems = validateSignInRequest({
      method: 'cognito',
      region: 'useast1',
      endpoint: '',
      identityPoolId: 'nope',
      login: { userPoolId: 'x', clientId: '', username: '', password: '' },
    });
    expect(problems).toHaveLength(6);
    expect(problems[0]).toContain('Region "useast1"');
  });

  it('checks access key ids', () => {
    expect(
      validateSignInRequest({
        method: 'accessKeys',
        region: 'us-east-1',
        endpoint: '',
        accessKeyId: 'akia',
        secretAccessKey: '',
      }),
    ).toHaveLength(2);
  });

  it('accepts any non-empty key id with a custom endpoint, and AWS-shaped ones for AWS', () => {
    const keys = (accessKeyId: string, endpoint: string) => ({
      method: 'accessKeys' as const,
      region: 'us-east-1',
      endpoint,
      accessKeyId,
      secretAccessKey: 'test',
    });
    expect(validateSignInRequest(keys('test', 'http://127.0.0.1:5000'))).toEqual([]);
    expect(validateSignInRequest(keys('test', 'http://localhost.localstack.cloud:4566'))).toEqual(
      [],
    );
    // The sandbox serving the console is the default endpoint: not AWS.
    expect(validateSignInRequest(keys('test', ''), false)).toEqual([]);
    expect(validateSignInRequest(keys('test', ''))).toHaveLength(1);
    expect(validateSignInRequest(keys('test', 'https://kms.eu-west-1.amazonaws.com'))).toEqual([
      expect.stringContaining('any key ID works, e.g. test'),
    ]);
    expect(validateSignInRequest(keys('', 'http://127.0.0.1:5000'))).toEqual([
      'Enter the access key ID.',
    ]);
    expect(isAwsEndpoint('https://kms-fips.us-east-1.amazonaws.com')).toBe(true);
    expect(isAwsEndpoint('https://kms.cn-north-1.amazonaws.com.cn')).toBe(true);
    expect(isAwsEndpoint('https://amazonaws.com.example.org')).toBe(false);
  });

  it('reads the region of pool ids', () => {
    expect(regionOfPoolId('us-east-1:11111111-2222-4333-8444-555555555555')).toBe('us-east-1');
    expect(regionOfPoolId('eu-central-1_KmsDemo01')).toBe('eu-central-1');
    expect(regionOfPoolId('garbage')).toBeUndefined();
    expect(userPoolProviderName('us-east-1', 'us-east-1_KmsDemo01')).toBe(
      'cognito-idp.us-east-1.amazonaws.com/us-east-1_KmsDemo01',
    );
  });

  it('never keeps passwords, secrets or session tokens', () => {
    const safe = withoutSecrets({
      method: 'accessKeys',
      region: 'us-east-1',
      endpoint: '',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'secret',
      sessionToken: 'token',
    });
    expect(JSON.stringify(safe)).not.toMatch(/secret"|token"/);
    const cognito = withoutSecrets({
      method: 'cognito',
      region: 'us-east-1',
      endpoint: '',
      identityPoolId: 'us-east-1:x',
      login: { userPoolId: 'us-east-1_a', clientId: 'c', username: 'u', password: 'p4ss' },
    });
    expect(JSON.stringify(cognito)).not.toContain('p4ss');
  });

  it('decodes ID token claims for display', () => {
    const payload = Buffer.from(
      JSON.stringify({
        'cognito:username': 'operator',
        'cognito:preferred_role': 'arn:aws:iam::111122223333:role/KmsOperator',
        exp: 10,
      }),
    ).toString('base64url');
    expect(decodeJwtClaims(`e30.${payload}.sig`)).toMatchObject({
      'cognito:username': 'operator',
      exp: 10,
    });
    expect(decodeJwtClaims('garbage')).toEqual({});
  });
});
