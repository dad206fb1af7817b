import { randomBytes } from 'node:crypto';
import { decodeJwt, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { AwsError } from '../protocol/errors';
import type { TokenSigningKey } from './secrets';
import { UserPool } from './user-pool';

const now = new Date('2030-01-01T00:00:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AwsError) return `${error.type}: ${error.message}`;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('UserPool', () => {
  let pool: UserPool;
  let key: TokenSigningKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    key = {
      kid: 'test-kid',
      privateKey: pair.privateKey,
      publicKey: pair.publicKey,
      publicJwk: {
        ...(await exportJWK(pair.publicKey)),
        kid: 'test-kid',
        alg: 'RS256',
        use: 'sig',
      },
    };
    pool = new UserPool(
      {
        region: 'eu-west-1',
        userPoolId: 'eu-west-1_Test',
        clientIds: ['clienta', 'clientb'],
        users: [{ username: 'ann', password: 'pw', group: 'g', role: 'arn:aws:iam::1:role/R' }],
        tokenTtlSeconds: 300,
        refreshTokenTtlSeconds: 600,
      },
      key,
      randomBytes(32),
    );
  });

  it('names its issuer and provider after the real Cognito endpoint', () => {
    expect(pool.issuer).toBe('https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Test');
    expect(pool.providerName).toBe('cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Test');
  });

  it('signs tokens the published key verifies, with a stable sub', async () => {
    const first = await pool.signIn('clienta', 'ann', 'pw', now);
    const second = await pool.signIn('clientb', 'ann', 'pw', later(5));
    const { payload } = await jwtVerify(first.IdToken!, key.publicKey, { currentDate: now });
    expect(payload.exp! - payload.iat!).toBe(300);
    expect(decodeJwt(second.IdToken!).sub).toBe(payload.sub);
    expect(decodeJwt(second.IdToken!).aud).toBe('clientb');
  });

  it('refreshes only for the client the refresh token was issued to', async () => {
    const { RefreshToken } = await pool.signIn('clienta', 'ann', 'pw', now);
    await expect(pool.refresh('clienta', RefreshToken!, later(500))).resolves.toHaveProperty(
      'IdToken',
    );
    expect(await refusal(() => pool.refresh('clientb', RefreshToken!, later(1)))).toBe(
      'NotAuthorizedException: Invalid Refresh Token',
    );
  });

  it('refuses an expired refresh token', async () => {
    const { RefreshToken } = await pool.signIn('clienta', 'ann', 'pw', now);
    expect(await refusal(() => pool.refresh('clienta', RefreshToken!, later(601)))).toBe(
      'NotAuthorizedException: Refresh Token has expired',
    );
  });
});
