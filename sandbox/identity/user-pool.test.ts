import { randomBytes } from 'node:crypto';
import { decodeJwt, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { AwsError } from '../protocol/errors';
import { openDatabase } from '../store/database';
import type { TokenSigningKey } from './secrets';
import { UserPool } from './user-pool';
import { UserPoolSessions } from './user-pool-sessions';

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
      new UserPoolSessions(openDatabase({ memory: true }), 'eu-west-1_Test'),
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

  it('locks a user out for 1, 2, 4… seconds after five wrong passwords, even the right one', async () => {
    const lockout = new UserPool(
      { ...pool.config, users: [{ ...pool.config.users[0], username: 'bob' }] },
      key,
      randomBytes(32),
      new UserPoolSessions(openDatabase({ memory: true }), 'eu-west-1_Test'),
    );
    const attempt = (password: string, at: Date) =>
      refusal(() => lockout.signIn('clienta', 'bob', password, at)).catch(() => 'signed in');
    const wrong = 'NotAuthorizedException: Incorrect username or password.';
    const locked = 'NotAuthorizedException: Password attempts exceeded';
    for (let i = 0; i < 5; i++) expect(await attempt('nope', now)).toBe(wrong);
    expect(await attempt('pw', later(0.5))).toBe(locked);
    let at = 1;
    for (const seconds of [2, 4, 8]) {
      expect(await attempt('nope', later(at))).toBe(wrong);
      expect(await attempt('pw', later(at + seconds - 0.5))).toBe(locked);
      at += seconds;
    }
    // Attempts during a lockout do not lengthen it; the right password after it signs in and
    // starts over.
    expect(await attempt('pw', later(at))).toBe('signed in');
    expect(await attempt('nope', later(at + 1))).toBe(wrong);
    expect(await attempt('pw', later(at + 2))).toBe('signed in');
  });

  it('caps a lockout at 15 minutes and starts over after 15 quiet minutes', async () => {
    const lockout = new UserPool(
      { ...pool.config, users: [{ ...pool.config.users[0], username: 'cy' }] },
      key,
      randomBytes(32),
      new UserPoolSessions(openDatabase({ memory: true }), 'eu-west-1_Test'),
    );
    const attempt = (password: string, at: number) =>
      refusal(() => lockout.signIn('clienta', 'cy', password, later(at))).catch(() => 'signed in');
    const wrong = 'NotAuthorizedException: Incorrect username or password.';
    const locked = 'NotAuthorizedException: Password attempts exceeded';
    // Each wrong password as soon as the previous lockout ends: 1 s, 2 s, … 512 s, then 900 s
    // (2^10 s would be longer than the cap).
    let at = 0;
    for (let failure = 1; failure <= 15; failure++) {
      expect(await attempt('nope', at)).toBe(wrong);
      at += failure < 5 ? 0 : Math.min(2 ** (failure - 5), 900);
    }
    expect(await attempt('pw', at - 1)).toBe(locked);
    // 15 minutes without an attempt (the refused one counts as an attempt): the count starts
    // over, so five wrong passwords again before the next lockout.
    at += 15 * 60 - 1;
    for (let i = 0; i < 5; i++) expect(await attempt('nope', at)).toBe(wrong);
    expect(await attempt('pw', at)).toBe(locked);
  });

  it('never locks out a username that does not exist (nothing to track)', async () => {
    for (let i = 0; i < 10; i++) {
      expect(await refusal(() => pool.signIn('clienta', 'nobody', 'x', now))).toBe(
        'NotAuthorizedException: Incorrect username or password.',
      );
    }
  });

  it('refuses a refresh token once RevokeToken ended its sign-in, and only that one', async () => {
    const first = await pool.signIn('clienta', 'ann', 'pw', now);
    const second = await pool.signIn('clienta', 'ann', 'pw', now);
    await pool.revokeToken('clienta', first.RefreshToken!, now);
    expect(await refusal(() => pool.refresh('clienta', first.RefreshToken!, later(1)))).toBe(
      'NotAuthorizedException: Refresh Token has been revoked',
    );
    await expect(pool.refresh('clienta', second.RefreshToken!, later(1))).resolves.toHaveProperty(
      'IdToken',
    );
    // Revoking again is not an error; another client's token, or an access token, is.
    await pool.revokeToken('clienta', first.RefreshToken!, now);
    expect(await refusal(() => pool.revokeToken('clientb', second.RefreshToken!, now))).toBe(
      'UnauthorizedException: The token was not issued to this app client.',
    );
    expect(await refusal(() => pool.revokeToken('clienta', second.AccessToken!, now))).toBe(
      'UnsupportedTokenTypeException: Only refresh tokens can be revoked.',
    );
  });

  it('GlobalSignOut ends every sign-in of the user, and its access tokens', async () => {
    const first = await pool.signIn('clienta', 'ann', 'pw', now);
    const second = await pool.signIn('clientb', 'ann', 'pw', now);
    await pool.globalSignOut(second.AccessToken!, later(1));
    for (const [client, tokens] of [
      ['clienta', first],
      ['clientb', second],
    ] as const) {
      expect(await refusal(() => pool.refresh(client, tokens.RefreshToken!, later(2)))).toBe(
        'NotAuthorizedException: Refresh Token has been revoked',
      );
    }
    expect(await refusal(() => pool.globalSignOut(first.AccessToken!, later(2)))).toBe(
      'NotAuthorizedException: Access Token has been revoked',
    );
    expect(await refusal(() => pool.globalSignOut(first.IdToken!, later(2)))).toBe(
      'NotAuthorizedException: Invalid Access Token',
    );
    // A new sign-in after the sign-out works.
    const again = await pool.signIn('clienta', 'ann', 'pw', later(3));
    await expect(pool.refresh('clienta', again.RefreshToken!, later(4))).resolves.toHaveProperty(
      'IdToken',
    );
  });
});
