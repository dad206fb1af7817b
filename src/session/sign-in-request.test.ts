import { describe, expect, it } from 'vitest';
import { withoutSecrets } from './credential-sources';
import { regionOfPoolId, validateSignInRequest } from './sign-in-request';
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
