import { describe, expect, it } from 'vitest';
import { describeError, ERROR_CATALOGUE } from './errors';

const awsError = (name: string, message: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), {
    name,
    $metadata: { httpStatusCode: 400, requestId: 'req-1' },
    ...extra,
  });

describe('error catalogue', () => {
  it('gives every entry a cause and a fix', () => {
    for (const [name, entry] of Object.entries(ERROR_CATALOGUE)) {
      expect(entry.title, name).not.toBe('');
      expect(entry.cause, name).not.toBe('');
      expect(entry.fix, name).not.toBe('');
    }
  });

  it('explains AccessDenied with who, what and which policy', () => {
    const described = describeError(
      awsError(
        'AccessDeniedException',
        'User: arn:aws:sts::111122223333:assumed-role/KmsGuest/CognitoIdentityCredentials is not authorized to perform: kms:ListKeys on resource: * because no session policy allows the kms:ListKeys action',
      ),
    );
    expect(described.kind).toBe('access-denied');
    expect(described.requestId).toBe('req-1');
    expect(described.accessDenied).toMatchObject({
      principalArn: 'arn:aws:sts::111122223333:assumed-role/KmsGuest/CognitoIdentityCredentials',
      action: 'kms:ListKeys',
      policyType: 'session',
    });
  });

  it('tells the sign-in failures apart', () => {
    expect(
      describeError(awsError('NotAuthorizedException', 'Incorrect username or password.')).title,
    ).toBe('Incorrect username or password');
    expect(
      describeError(awsError('ResourceNotFoundException', "IdentityPool 'us-east-1:x' not found."))
        .title,
    ).toBe('Unknown identity pool');
    expect(
      describeError(awsError('ResourceNotFoundException', 'User pool client abc does not exist.'))
        .title,
    ).toBe('Unknown app client');
    expect(
      describeError(
        awsError(
          'NotAuthorizedException',
          'Unauthenticated access is not supported for this identity pool.',
        ),
      ).title,
    ).toBe('Guest access is off');
  });

  it('recognizes an unreachable endpoint', () => {
    const described = describeError(Object.assign(new TypeError('Failed to fetch')));
    expect(described.kind).toBe('network');
    expect(described.title).toBe('Cannot reach the endpoint');
  });

  it('explains the reserved alias namespace, not a Cognito sign-in', () => {
    const described = describeError(
      awsError(
        'NotAuthorizedException',
        'alias/aws/mine is reserved: alias names that begin with alias/aws/ belong to AWS managed keys.',
      ),
    );
    expect(described.title).toBe('Reserved alias name');
    expect(described.cause).not.toContain('Cognito');
  });

  it('recognizes clock skew from the signature error', () => {
    const described = describeError(
      awsError(
        'InvalidSignatureException',
        'Signature expired: 20260101T010000Z is now earlier than 20260101T015500Z (20260101T020000Z - 5 min.)',
      ),
    );
    expect(described.kind).toBe('clock-skew');
    expect(described.title).toBe("Your computer's clock is off");
  });

  it('says when the endpoint is not an AWS API', () => {
    const described = describeError(
      Object.assign(new Error('UnknownError'), {
        name: 'UnknownError',
        $metadata: { httpStatusCode: 404 },
      }),
    );
    expect(described.title).toBe('The endpoint did not answer like AWS');
    expect(described.cause).toContain('HTTP 404');
  });

  it('keeps unknown errors readable', () => {
    const described = describeError('boom');
    expect(described.message).toBe('boom');
    expect(described.title).toBe('The request failed');
  });
});

describe('Cognito refusals that share NotAuthorizedException', () => {
  it('tells a lockout from a wrong password', () => {
    const locked = describeError(awsError('NotAuthorizedException', 'Password attempts exceeded'));
    expect(locked.title).toBe('Too many wrong passwords');
    expect(locked.cause).toContain('even with the right password');
    const wrong = describeError(
      awsError('NotAuthorizedException', 'Incorrect username or password.'),
    );
    expect(wrong.title).toBe('Incorrect username or password');
  });

  it('says a revoked sign-in was ended', () => {
    const revoked = describeError(
      awsError('NotAuthorizedException', 'Refresh Token has been revoked'),
    );
    expect(revoked.title).toBe('This sign-in was ended');
  });
});
