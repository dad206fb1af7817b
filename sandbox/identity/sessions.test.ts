import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AwsError } from '../protocol/errors';
import { IAM_ROLES, IAM_USERS } from '../scenario/demo-scenario';
import { IdentityDirectory } from './directory';
import { chainCredentialResolvers, SessionCredentials } from './sessions';

const directory = new IdentityDirectory(IAM_USERS, IAM_ROLES);
const now = new Date('2030-01-01T00:00:00Z');
const inAnHour = new Date(now.getTime() + 3600_000);
const operatorRole = 'arn:aws:iam::111122223333:role/KmsOperator';

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AwsError) return error.type;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('SessionCredentials', () => {
  const sessions = new SessionCredentials(randomBytes(32), directory);
  const issued = sessions.issue({
    roleArn: operatorRole,
    sessionName: 'CognitoIdentityCredentials',
    sessionPolicies: ['{"Version":"2012-10-17","Statement":[]}'],
    expiration: inAnHour,
  });

  it('issues AWS-shaped temporary credentials', () => {
    expect(issued.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(issued.secretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/);
    expect(issued.expiration).toEqual(inAnHour);
  });

  it('resolves its own credentials to the role session', () => {
    const credential = sessions.resolve(issued.accessKeyId, issued.sessionToken, now);
    expect(credential.secretAccessKey).toBe(issued.secretAccessKey);
    expect(credential.expiration).toEqual(inAnHour);
    expect(credential.principal).toMatchObject({
      arn: 'arn:aws:sts::111122223333:assumed-role/KmsOperator/CognitoIdentityCredentials',
      userId: 'AROAKMSOPERATOREXAMP:CognitoIdentityCredentials',
      type: 'assumed-role',
      roleArn: operatorRole,
      sessionPolicies: ['{"Version":"2012-10-17","Statement":[]}'],
    });
  });

  it('refuses expired sessions with ExpiredTokenException', () => {
    expect(refusal(() => sessions.resolve(issued.accessKeyId, issued.sessionToken, inAnHour))).toBe(
      'ExpiredTokenException',
    );
  });

  it('refuses altered, foreign, moved or missing tokens as unrecognized', () => {
    const raw = Buffer.from(issued.sessionToken, 'base64');
    raw[20] ^= 1;
    const altered = raw.toString('base64');
    const foreign = new SessionCredentials(randomBytes(32), directory);
    const other = sessions.issue({
      roleArn: operatorRole,
      sessionName: 's',
      sessionPolicies: [],
      expiration: inAnHour,
    });
    for (const attempt of [
      () => sessions.resolve(issued.accessKeyId, altered, now),
      () => foreign.resolve(issued.accessKeyId, issued.sessionToken, now),
      () => sessions.resolve(other.accessKeyId, issued.sessionToken, now),
      () => sessions.resolve(issued.accessKeyId, undefined, now),
      () => sessions.resolve(issued.accessKeyId, 'garbage', now),
      () => sessions.resolve('AKIAIOSFODNN7EXAMPLE', issued.sessionToken, now),
    ]) {
      expect(refusal(attempt)).toBe('UnrecognizedClientException');
    }
  });

  it('checks the access key id and expiry of a token it has already opened', () => {
    const fresh = sessions.issue({
      roleArn: operatorRole,
      sessionName: 'cached',
      sessionPolicies: [],
      expiration: inAnHour,
    });
    const first = sessions.resolve(fresh.accessKeyId, fresh.sessionToken, now);
    expect(sessions.resolve(fresh.accessKeyId, fresh.sessionToken, now)).toBe(first);
    expect(refusal(() => sessions.resolve(issued.accessKeyId, fresh.sessionToken, now))).toBe(
      'UnrecognizedClientException',
    );
    expect(refusal(() => sessions.resolve(fresh.accessKeyId, fresh.sessionToken, inAnHour))).toBe(
      'ExpiredTokenException',
    );
  });

  it('refuses a session whose role no longer exists', () => {
    const gone = sessions.issue({
      roleArn: 'arn:aws:iam::111122223333:role/Deleted',
      sessionName: 's',
      sessionPolicies: [],
      expiration: inAnHour,
    });
    expect(refusal(() => sessions.resolve(gone.accessKeyId, gone.sessionToken, now))).toBe(
      'UnrecognizedClientException',
    );
  });
});

describe('chainCredentialResolvers', () => {
  const sessions = new SessionCredentials(randomBytes(32), directory);
  const chain = chainCredentialResolvers(directory, sessions);

  it('resolves IAM users and temporary credentials', () => {
    expect(chain.resolve('AKIAIOSFODNN7EXAMPLE', undefined, now).principal.arn).toBe(
      'arn:aws:iam::111122223333:user/admin',
    );
    const issued = sessions.issue({
      roleArn: operatorRole,
      sessionName: 'x',
      sessionPolicies: [],
      expiration: inAnHour,
    });
    expect(chain.resolve(issued.accessKeyId, issued.sessionToken, now).principal.type).toBe(
      'assumed-role',
    );
    expect(refusal(() => chain.resolve(issued.accessKeyId, issued.sessionToken, inAnHour))).toBe(
      'ExpiredTokenException',
    );
  });

  it('refuses keys no resolver knows', () => {
    expect(refusal(() => chain.resolve('AKIANOTAKEYEXAMPLE00', undefined, now))).toBe(
      'UnrecognizedClientException',
    );
  });
});
