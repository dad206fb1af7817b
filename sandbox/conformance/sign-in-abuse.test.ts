import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  CognitoIdentityProviderClient,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { IDENTITY_POOL_ID, REGION, USER_POOL_CLIENT_ID } from '../scenario/demo-scenario';
import { failure, startTestSandbox, suiteSandbox, type TestSandbox } from './harness';

const PASSWORDS = { operator: 'Operator-Passw0rd!', auditor: 'Auditor-Passw0rd!' };
const WRONG = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };
const LOCKED = { name: 'NotAuthorizedException', message: 'Password attempts exceeded' };

function userPool(sandbox: { url: string }) {
  return new CognitoIdentityProviderClient({
    // Resolved per request, so a client made before its suite's sandbox starts reaches it.
    endpoint: async () => ({ url: new URL(sandbox.url) }),
    region: REGION,
    maxAttempts: 1,
  });
}

/** A user pool client for the suite's sandbox, destroyed after the suite. */
function suiteUserPool(sandbox: { url: string }) {
  const idp = userPool(sandbox);
  afterAll(() => idp.destroy());
  return idp;
}

function passwordSignIn(idp: CognitoIdentityProviderClient, username: string, password: string) {
  return idp.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: USER_POOL_CLIENT_ID,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
}

function refresh(idp: CognitoIdentityProviderClient, refreshToken: string) {
  return idp.send(
    new InitiateAuthCommand({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: USER_POOL_CLIENT_ID,
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    }),
  );
}

describe('repeated wrong passwords lock the user out for a growing time', () => {
  const sandbox = suiteSandbox();
  const idp = suiteUserPool(sandbox);

  it('refuses even the right password during a lockout, in Cognito’s words', async () => {
    for (let i = 0; i < 5; i++) {
      expect(await failure(passwordSignIn(idp, 'operator', 'wrong'))).toEqual(WRONG);
    }
    expect(await failure(passwordSignIn(idp, 'operator', PASSWORDS.operator))).toEqual(LOCKED);
    sandbox.clock.advance(1000);
    // The next wrong password locks for 2 s, then 4 s.
    for (const seconds of [2, 4]) {
      expect(await failure(passwordSignIn(idp, 'operator', 'wrong'))).toEqual(WRONG);
      sandbox.clock.advance(seconds * 1000 - 300);
      expect(await failure(passwordSignIn(idp, 'operator', PASSWORDS.operator))).toEqual(LOCKED);
      sandbox.clock.advance(300);
    }
    const signedIn = await passwordSignIn(idp, 'operator', PASSWORDS.operator);
    expect(signedIn.AuthenticationResult?.IdToken).toBeDefined();
    // Other users are not affected.
    await expect(passwordSignIn(idp, 'auditor', PASSWORDS.auditor)).resolves.toBeDefined();
  });
});

describe('guests: GetId is throttled and guest identities are bounded', () => {
  const sandbox = suiteSandbox({ maxGuestIdentities: 3 });
  const identity = new CognitoIdentityClient({
    endpoint: async () => ({ url: new URL(sandbox.url) }),
    region: REGION,
    maxAttempts: 1,
  });
  afterAll(() => identity.destroy());
  const guestId = () => identity.send(new GetIdCommand({ IdentityPoolId: IDENTITY_POOL_ID }));

  it('keeps only the newest guest identities; an evicted guest gets ResourceNotFoundException', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await guestId()).IdentityId!);
    for (const id of ids.slice(0, 2)) {
      expect(
        await failure(identity.send(new GetCredentialsForIdentityCommand({ IdentityId: id }))),
      ).toEqual({ name: 'ResourceNotFoundException', message: `Identity '${id}' not found.` });
    }
    for (const id of ids.slice(2)) {
      const answer = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId: id }));
      expect(answer.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    }
  });

  it('answers a burst of unauthenticated GetId with TooManyRequestsException', async () => {
    sandbox.clock.advance(10_000);
    // 25 a second with a burst of 25: with the sandbox's time stopped nothing refills, however
    // slowly the 40 requests arrive.
    sandbox.clock.stop();
    const outcomes = await Promise.allSettled(Array.from({ length: 40 }, guestId));
    sandbox.clock.resume();
    const throttled = outcomes.filter((o) => o.status === 'rejected');
    expect(throttled).toHaveLength(15);
    for (const refusal of throttled) {
      expect((refusal as PromiseRejectedResult).reason).toMatchObject({
        name: 'TooManyRequestsException',
        message: 'Rate exceeded',
      });
    }
    sandbox.clock.advance(1000);
    await expect(guestId()).resolves.toHaveProperty('IdentityId');
  });
});

describe('RevokeToken and GlobalSignOut end sign-ins for good', () => {
  const sandbox = suiteSandbox();
  const idp = suiteUserPool(sandbox);

  it('RevokeToken ends the refresh token’s sign-in and no other', async () => {
    const first = (await passwordSignIn(idp, 'operator', PASSWORDS.operator)).AuthenticationResult!;
    const second = (await passwordSignIn(idp, 'operator', PASSWORDS.operator))
      .AuthenticationResult!;
    await idp.send(
      new RevokeTokenCommand({ Token: first.RefreshToken!, ClientId: USER_POOL_CLIENT_ID }),
    );
    expect(await failure(refresh(idp, first.RefreshToken!))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
    });
    await expect(refresh(idp, second.RefreshToken!)).resolves.toHaveProperty(
      'AuthenticationResult.IdToken',
    );
    expect(
      await failure(
        idp.send(
          new RevokeTokenCommand({ Token: first.AccessToken!, ClientId: USER_POOL_CLIENT_ID }),
        ),
      ),
    ).toEqual({
      name: 'UnsupportedTokenTypeException',
      message: 'Only refresh tokens can be revoked.',
    });
  });

  it('GlobalSignOut ends every sign-in of the user, and its access token is refused after', async () => {
    const a = (await passwordSignIn(idp, 'auditor', PASSWORDS.auditor)).AuthenticationResult!;
    const b = (await passwordSignIn(idp, 'auditor', PASSWORDS.auditor)).AuthenticationResult!;
    await idp.send(new GlobalSignOutCommand({ AccessToken: a.AccessToken! }));
    for (const tokens of [a, b]) {
      expect(await failure(refresh(idp, tokens.RefreshToken!))).toEqual({
        name: 'NotAuthorizedException',
        message: 'Refresh Token has been revoked',
      });
    }
    expect(
      await failure(idp.send(new GlobalSignOutCommand({ AccessToken: b.AccessToken! }))),
    ).toEqual({
      name: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    });
    expect(
      await failure(idp.send(new GlobalSignOutCommand({ AccessToken: 'not.a.token' }))),
    ).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid Access Token',
    });
  });
});

describe('revocations survive a restart', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'kms-sandbox-revoked-'));
  let sandbox: TestSandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });
  afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

  it('refuses a refresh token revoked before the sandbox restarted', async () => {
    sandbox = await startTestSandbox({ memory: false, stateDir });
    let idp = userPool(sandbox);
    const tokens = (await passwordSignIn(idp, 'operator', PASSWORDS.operator))
      .AuthenticationResult!;
    const kept = (await passwordSignIn(idp, 'operator', PASSWORDS.operator)).AuthenticationResult!;
    await idp.send(
      new RevokeTokenCommand({ Token: tokens.RefreshToken!, ClientId: USER_POOL_CLIENT_ID }),
    );
    idp.destroy();
    await sandbox.close();

    sandbox = await startTestSandbox({ memory: false, stateDir });
    idp = userPool(sandbox);
    try {
      expect(await failure(refresh(idp, tokens.RefreshToken!))).toEqual({
        name: 'NotAuthorizedException',
        message: 'Refresh Token has been revoked',
      });
      await expect(refresh(idp, kept.RefreshToken!)).resolves.toHaveProperty(
        'AuthenticationResult.IdToken',
      );
    } finally {
      idp.destroy();
    }
  });
});
