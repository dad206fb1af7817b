import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  type InitiateAuthCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  generateKeyPair,
  jwtVerify,
  SignJWT,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_POOL_ID, USER_POOL_CLIENT_ID, USER_POOL_ID } from '../scenario/demo-scenario';
import { failure, suiteSandbox, USER_POOL_PROVIDER, userPoolIdToken } from './harness';

const ISSUER = `https://cognito-idp.us-east-1.amazonaws.com/${USER_POOL_ID}`;
const IDENTITY_ID =
  /^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('Cognito user pool (InitiateAuth)', () => {
  const sandbox = suiteSandbox();
  let idp: CognitoIdentityProviderClient;
  const auth = (input: Partial<InitiateAuthCommandInput>) =>
    idp.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: USER_POOL_CLIENT_ID,
        ...input,
      } as InitiateAuthCommandInput),
    );
  const signIn = (username: string, password: string) =>
    auth({ AuthParameters: { USERNAME: username, PASSWORD: password } });

  beforeAll(async () => {
    idp = new CognitoIdentityProviderClient({
      endpoint: sandbox.url,
      region: 'us-east-1',
      maxAttempts: 1,
    });
  });
  afterAll(() => idp.destroy());

  it('signs in with USER_PASSWORD_AUTH and returns Bearer tokens', async () => {
    const answer = await signIn('operator', 'Operator-Passw0rd!');
    expect(answer.ChallengeParameters).toEqual({});
    const result = answer.AuthenticationResult!;
    expect(result.TokenType).toBe('Bearer');
    expect(result.ExpiresIn).toBe(3600);
    expect(result.RefreshToken).toEqual(expect.any(String));
    expect(result.IdToken!.split('.')).toHaveLength(3);
    expect(result.AccessToken!.split('.')).toHaveLength(3);
  });

  it('issues an RS256 ID token with Cognito claims', async () => {
    const before = Math.floor(sandbox.clock.now().getTime() / 1000);
    const { AuthenticationResult } = await signIn('operator', 'Operator-Passw0rd!');
    const header = decodeProtectedHeader(AuthenticationResult!.IdToken!);
    expect(header.alg).toBe('RS256');
    expect(header.kid).toEqual(expect.any(String));
    const claims = decodeJwt(AuthenticationResult!.IdToken!);
    expect(claims).toMatchObject({
      iss: ISSUER,
      aud: USER_POOL_CLIENT_ID,
      token_use: 'id',
      'cognito:username': 'operator',
      'cognito:groups': ['operators'],
      'cognito:preferred_role': 'arn:aws:iam::111122223333:role/KmsOperator',
      'cognito:roles': ['arn:aws:iam::111122223333:role/KmsOperator'],
    });
    expect(claims.sub).toMatch(/^[0-9a-f-]{36}$/);
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect(claims.exp! - claims.iat!).toBe(3600);
    expect(claims.auth_time).toBe(claims.iat);
  });

  it('issues an access token naming the client and user', async () => {
    const { AuthenticationResult } = await signIn('auditor', 'Auditor-Passw0rd!');
    const idClaims = decodeJwt(AuthenticationResult!.IdToken!);
    const claims = decodeJwt(AuthenticationResult!.AccessToken!);
    expect(claims).toMatchObject({
      iss: ISSUER,
      client_id: USER_POOL_CLIENT_ID,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      username: 'auditor',
      sub: idClaims.sub,
      'cognito:groups': ['auditors'],
    });
    expect(claims.aud).toBeUndefined();
  });

  it.each([
    ['admin', 'Admin-Passw0rd!', 'admins', 'KmsAdmin'],
    ['operator', 'Operator-Passw0rd!', 'operators', 'KmsOperator'],
    ['auditor', 'Auditor-Passw0rd!', 'auditors', 'KmsAuditor'],
  ])('maps %s to group %s and role %s', async (username, password, group, role) => {
    const { AuthenticationResult } = await signIn(username, password);
    const claims = decodeJwt(AuthenticationResult!.IdToken!);
    expect(claims['cognito:groups']).toEqual([group]);
    expect(claims['cognito:preferred_role']).toBe(`arn:aws:iam::111122223333:role/${role}`);
  });

  it('publishes the JWKS that verifies the ID token', async () => {
    const { AuthenticationResult } = await signIn('admin', 'Admin-Passw0rd!');
    const jwks = createRemoteJWKSet(
      new URL(`${sandbox.url}/${USER_POOL_ID}/.well-known/jwks.json`),
    );
    const { payload, protectedHeader } = await jwtVerify(AuthenticationResult!.IdToken!, jwks, {
      issuer: ISSUER,
      audience: USER_POOL_CLIENT_ID,
      algorithms: ['RS256'],
      currentDate: sandbox.clock.now(),
    });
    expect(payload['cognito:username']).toBe('admin');
    const published = (await (
      await fetch(`${sandbox.url}/${USER_POOL_ID}/.well-known/jwks.json`)
    ).json()) as { keys: Record<string, string>[] };
    expect(published.keys).toHaveLength(1);
    expect(published.keys[0]).toMatchObject({
      kid: protectedHeader.kid,
      alg: 'RS256',
      kty: 'RSA',
      use: 'sig',
      e: 'AQAB',
    });
    expect(published.keys[0]).not.toHaveProperty('d');
  });

  it('refuses a wrong password', async () => {
    expect(await failure(signIn('operator', 'wrong-password'))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('refuses an unknown user with the same answer as a wrong password', async () => {
    expect(await failure(signIn('mallory', 'Operator-Passw0rd!'))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('refuses an unknown app client', async () => {
    expect(
      await failure(
        auth({ ClientId: 'nosuchclient', AuthParameters: { USERNAME: 'admin', PASSWORD: 'x' } }),
      ),
    ).toEqual({
      name: 'ResourceNotFoundException',
      message: 'User pool client nosuchclient does not exist.',
    });
  });

  it('validates the client id without echoing it', async () => {
    expect(await failure(auth({ ClientId: 'not a client!', AuthParameters: {} }))).toEqual({
      name: 'InvalidParameterException',
      message:
        "1 validation error detected: Value at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+",
    });
  });

  it('requires USERNAME and PASSWORD', async () => {
    expect(await failure(auth({ AuthParameters: { PASSWORD: 'x' } }))).toEqual({
      name: 'InvalidParameterException',
      message: 'Missing required parameter USERNAME',
    });
    expect(await failure(auth({ AuthParameters: { USERNAME: 'admin' } }))).toEqual({
      name: 'InvalidParameterException',
      message: 'Missing required parameter PASSWORD',
    });
  });

  it('refuses flows the app client does not enable', async () => {
    expect(
      await failure(auth({ AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'admin' } })),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'USER_SRP_AUTH flow not enabled for this client',
    });
    expect(await failure(auth({ AuthFlow: 'ADMIN_USER_PASSWORD_AUTH' }))).toEqual({
      name: 'InvalidParameterException',
      message: 'Initiate Auth method not supported.',
    });
  });

  it('refreshes tokens with REFRESH_TOKEN_AUTH, without a new refresh token', async () => {
    const first = (await signIn('admin', 'Admin-Passw0rd!')).AuthenticationResult!;
    const firstClaims = decodeJwt(first.IdToken!);
    sandbox.clock.advance(2 * 3600 * 1000);
    // The test clock runs on from real time, so a second may tick between the two sign-ins.
    const refreshedFrom = Math.floor(sandbox.clock.now().getTime() / 1000);
    const refreshed = await auth({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: first.RefreshToken! },
    });
    const refreshedBy = Math.floor(sandbox.clock.now().getTime() / 1000);
    const result = refreshed.AuthenticationResult!;
    expect(result.RefreshToken).toBeUndefined();
    expect(result.TokenType).toBe('Bearer');
    expect(result.ExpiresIn).toBe(3600);
    const claims = decodeJwt(result.IdToken!);
    expect(claims.sub).toBe(firstClaims.sub);
    expect(claims['cognito:preferred_role']).toBe(firstClaims['cognito:preferred_role']);
    expect(claims.auth_time).toBe(firstClaims.auth_time);
    expect(claims.iat).toBeGreaterThanOrEqual(Math.max(refreshedFrom, firstClaims.iat! + 7200));
    expect(claims.iat).toBeLessThanOrEqual(refreshedBy);
    expect(claims.origin_jti).toBe(firstClaims.origin_jti);
  });

  it('refuses an invalid refresh token', async () => {
    expect(
      await failure(
        auth({ AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: 'not-a-token' } }),
      ),
    ).toEqual({ name: 'NotAuthorizedException', message: 'Invalid Refresh Token' });
    expect(await failure(auth({ AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: {} }))).toEqual({
      name: 'InvalidParameterException',
      message: 'Missing required parameter REFRESH_TOKEN',
    });
  });
});

describe('Cognito identity pool (GetId, GetCredentialsForIdentity)', () => {
  const sandbox = suiteSandbox();
  let identity: CognitoIdentityClient;
  let adminToken: string;

  beforeAll(async () => {
    identity = new CognitoIdentityClient({
      endpoint: sandbox.url,
      region: 'us-east-1',
      maxAttempts: 1,
    });
    adminToken = await userPoolIdToken(sandbox, 'admin');
  });
  afterAll(() => identity.destroy());

  const getId = (logins?: Record<string, string>, poolId = IDENTITY_POOL_ID) =>
    identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: logins }));
  const credentialsFor = (identityId: string, logins?: Record<string, string>) =>
    identity.send(new GetCredentialsForIdentityCommand({ IdentityId: identityId, Logins: logins }));

  it('gives every guest a new identity id', async () => {
    const first = await getId();
    const second = await getId();
    expect(first.IdentityId).toMatch(IDENTITY_ID);
    expect(second.IdentityId).toMatch(IDENTITY_ID);
    expect(second.IdentityId).not.toBe(first.IdentityId);
  });

  it('gives a signed-in user the same identity id every time', async () => {
    const first = await getId({ [USER_POOL_PROVIDER]: adminToken });
    const again = await getId({ [USER_POOL_PROVIDER]: await userPoolIdToken(sandbox, 'admin') });
    const other = await getId({ [USER_POOL_PROVIDER]: await userPoolIdToken(sandbox, 'operator') });
    expect(first.IdentityId).toMatch(IDENTITY_ID);
    expect(again.IdentityId).toBe(first.IdentityId);
    expect(other.IdentityId).not.toBe(first.IdentityId);
  });

  it('hands out temporary credentials for an identity', async () => {
    const { IdentityId } = await getId({ [USER_POOL_PROVIDER]: adminToken });
    const now = sandbox.clock.now().getTime();
    const answer = await credentialsFor(IdentityId!, { [USER_POOL_PROVIDER]: adminToken });
    expect(answer.IdentityId).toBe(IdentityId);
    const credentials = answer.Credentials!;
    expect(credentials.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(credentials.SecretKey).toHaveLength(40);
    expect(credentials.SessionToken!.length).toBeGreaterThan(100);
    const expiresIn = credentials.Expiration!.getTime() - now;
    expect(expiresIn).toBeGreaterThan(3599_000 - 2000);
    expect(expiresIn).toBeLessThanOrEqual(3600_000 + 1000);
  });

  it('refuses an unknown identity pool', async () => {
    const poolId = 'us-east-1:00000000-0000-4000-8000-000000000000';
    expect(await failure(getId(undefined, poolId))).toEqual({
      name: 'ResourceNotFoundException',
      message: `IdentityPool '${poolId}' not found.`,
    });
  });

  it('validates the identity pool id', async () => {
    expect(await failure(getId(undefined, USER_POOL_ID))).toEqual({
      name: 'ValidationException',
      message: `1 validation error detected: Value '${USER_POOL_ID}' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+`,
    });
  });

  it('refuses an unknown identity', async () => {
    const identityId = 'us-east-1:00000000-0000-4000-8000-000000000000';
    expect(await failure(credentialsFor(identityId))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Identity '${identityId}' not found.`,
    });
  });

  it("refuses a signed-in user's identity without its login", async () => {
    const { IdentityId } = await getId({ [USER_POOL_PROVIDER]: adminToken });
    expect(await failure(credentialsFor(IdentityId!))).toEqual({
      name: 'NotAuthorizedException',
      message:
        "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    });
  });

  it("refuses another user's login for an identity", async () => {
    const { IdentityId } = await getId({ [USER_POOL_PROVIDER]: adminToken });
    const operatorToken = await userPoolIdToken(sandbox, 'operator');
    expect(
      await failure(credentialsFor(IdentityId!, { [USER_POOL_PROVIDER]: operatorToken })),
    ).toMatchObject({
      name: 'NotAuthorizedException',
      message: expect.stringMatching(/^Logins don't match/),
    });
  });

  it('links a login to a guest identity that signs in', async () => {
    const { IdentityId } = await getId();
    const auditorToken = await userPoolIdToken(sandbox, 'auditor');
    await credentialsFor(IdentityId!, { [USER_POOL_PROVIDER]: auditorToken });
    const again = await getId({ [USER_POOL_PROVIDER]: auditorToken });
    expect(again.IdentityId).toBe(IdentityId);
    expect(await failure(credentialsFor(IdentityId!))).toMatchObject({
      name: 'NotAuthorizedException',
    });
  });

  it('refuses an ID token signed with another key', async () => {
    const { kid } = decodeProtectedHeader(adminToken);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(decodeJwt(adminToken))
      .setProtectedHeader({ alg: 'RS256', kid })
      .sign(privateKey);
    // Thunks, so each refusal is awaited as soon as it is made: an eagerly built array would leave
    // the first rejection unhandled while the second call's GetId is still in flight.
    for (const call of [
      () => getId({ [USER_POOL_PROVIDER]: forged }),
      async () => credentialsFor((await getId()).IdentityId!, { [USER_POOL_PROVIDER]: forged }),
    ]) {
      expect(await failure(call())).toEqual({
        name: 'NotAuthorizedException',
        message: "Invalid login token. Couldn't verify signed token.",
      });
    }
  });

  it('refuses an ID token whose claims were altered', async () => {
    const operatorToken = await userPoolIdToken(sandbox, 'operator');
    const [header, , signature] = operatorToken.split('.');
    const claims = {
      ...decodeJwt(operatorToken),
      'cognito:preferred_role': 'arn:aws:iam::111122223333:role/KmsAdmin',
    };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const tampered = `${header}.${payload}.${signature}`;
    expect(await failure(getId({ [USER_POOL_PROVIDER]: tampered }))).toEqual({
      name: 'NotAuthorizedException',
      message: "Invalid login token. Couldn't verify signed token.",
    });
  });

  it('refuses an access token in place of an ID token', async () => {
    const cognito = new CognitoIdentityProviderClient({
      endpoint: sandbox.url,
      region: 'us-east-1',
    });
    const { AuthenticationResult } = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: USER_POOL_CLIENT_ID,
        AuthParameters: { USERNAME: 'admin', PASSWORD: 'Admin-Passw0rd!' },
      }),
    );
    cognito.destroy();
    expect(
      await failure(getId({ [USER_POOL_PROVIDER]: AuthenticationResult!.AccessToken! })),
    ).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid login token. Missing a required claim: aud',
    });
  });

  it('refuses a token filed under another provider name', async () => {
    expect(
      await failure(
        getId({ 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Other0001': adminToken }),
      ),
    ).toEqual({
      name: 'NotAuthorizedException',
      message: "Invalid login token. Issuer doesn't match providerName",
    });
  });

  it('refuses something that is not a JWT', async () => {
    expect(await failure(getId({ [USER_POOL_PROVIDER]: 'not-a-jwt' }))).toMatchObject({
      name: 'NotAuthorizedException',
      message: expect.stringMatching(/^Invalid login token\./),
    });
  });
});

describe('token lifetime follows the session TTL', () => {
  const sandbox = suiteSandbox({ sessionTtlSeconds: 60 });

  it('expires ID tokens after sessionTtlSeconds', async () => {
    const idp = new CognitoIdentityProviderClient({ endpoint: sandbox.url, region: 'us-east-1' });
    const { AuthenticationResult } = await idp.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: USER_POOL_CLIENT_ID,
        AuthParameters: { USERNAME: 'operator', PASSWORD: 'Operator-Passw0rd!' },
      }),
    );
    idp.destroy();
    expect(AuthenticationResult!.ExpiresIn).toBe(60);
    const token = AuthenticationResult!.IdToken!;
    const exp = decodeJwt(token).exp!;

    const identity = new CognitoIdentityClient({
      endpoint: sandbox.url,
      region: 'us-east-1',
      maxAttempts: 1,
    });
    const logins = { [USER_POOL_PROVIDER]: token };
    const { IdentityId } = await identity.send(
      new GetIdCommand({ IdentityPoolId: IDENTITY_POOL_ID, Logins: logins }),
    );
    const fresh = await identity.send(
      new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }),
    );
    expect(
      fresh.Credentials!.Expiration!.getTime() - sandbox.clock.now().getTime(),
    ).toBeLessThanOrEqual(60_000);

    sandbox.clock.advance(61_000);
    const refused = await failure(
      identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins })),
    );
    identity.destroy();
    expect(refused.name).toBe('NotAuthorizedException');
    const match = /^Invalid login token\. Token expired: (\d+) >= (\d+)$/.exec(refused.message);
    expect(match).not.toBeNull();
    expect(Number(match![1])).toBeGreaterThanOrEqual(exp);
    expect(Number(match![2])).toBe(exp);
  });
});
