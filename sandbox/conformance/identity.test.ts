import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { EncryptCommand, ListKeysCommand } from '@aws-sdk/client-kms';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, describe, expect, it } from 'vitest';
import { USER_POOL_CLIENT_ID, USER_POOL_ID } from '../scenario/demo-scenario';
import {
  failure,
  type ScenarioUser,
  signInAs,
  startTestSandbox,
  stsClient,
  suiteSandbox,
  type TemporaryAwsCredentials,
} from './harness';

const EXPIRED = {
  name: 'ExpiredTokenException',
  message: 'The security token included in the request is expired',
};
const INVALID_TOKEN = {
  name: 'UnrecognizedClientException',
  message: 'The security token included in the request is invalid.',
};

describe('signing in as the scenario users', () => {
  const sandbox = suiteSandbox();

  it.each<[ScenarioUser, string, string]>([
    ['admin', 'KmsAdmin', 'AROAKMSADMINEXAMPLE01'],
    ['operator', 'KmsOperator', 'AROAKMSOPERATOREXAMP'],
    ['auditor', 'KmsAuditor', 'AROAKMSAUDITOREXAMPL'],
    ['guest', 'KmsGuest', 'AROAKMSGUESTEXAMPLE1'],
  ])('%s becomes a %s role session', async (user, role, roleId) => {
    const credentials = await signInAs(sandbox, user);
    expect(credentials.accessKeyId).toMatch(/^ASIA/);
    expect(credentials.identityId).toMatch(/^us-east-1:/);
    const caller = await stsClient(sandbox, credentials).send(new GetCallerIdentityCommand({}));
    expect(caller.Account).toBe('111122223333');
    expect(caller.Arn).toBe(
      `arn:aws:sts::111122223333:assumed-role/${role}/CognitoIdentityCredentials`,
    );
    expect(caller.UserId).toBe(`${roleId}:CognitoIdentityCredentials`);
  });

  it('lets a signed-in admin call KMS with the temporary credentials', async () => {
    const credentials = await signInAs(sandbox, 'admin');
    const { Keys } = await sandbox.kms(credentials).send(new ListKeysCommand({}));
    expect(Keys!.length).toBeGreaterThan(0);
  });

  it("applies Cognito's guest session policy: no ListKeys for guests", async () => {
    const credentials = await signInAs(sandbox, 'guest');
    expect(await failure(sandbox.kms(credentials).send(new ListKeysCommand({})))).toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining(
        'arn:aws:sts::111122223333:assumed-role/KmsGuest/CognitoIdentityCredentials',
      ),
    });
  });

  it('refuses an unknown session token', async () => {
    const credentials = await signInAs(sandbox, 'admin');
    const forged = { ...credentials, sessionToken: Buffer.alloc(200, 7).toString('base64') };
    expect(await failure(sandbox.kms(forged).send(new ListKeysCommand({})))).toEqual(INVALID_TOKEN);
  });

  it("refuses a session token presented with another session's access key", async () => {
    const admin = await signInAs(sandbox, 'admin');
    const guest = await signInAs(sandbox, 'guest');
    const swapped = { ...guest, sessionToken: admin.sessionToken };
    expect(await failure(sandbox.kms(swapped).send(new ListKeysCommand({})))).toEqual(
      INVALID_TOKEN,
    );
  });

  it('refuses temporary credentials without their session token', async () => {
    const { accessKeyId, secretAccessKey } = await signInAs(sandbox, 'admin');
    expect(
      await failure(sandbox.kms({ accessKeyId, secretAccessKey }).send(new ListKeysCommand({}))),
    ).toEqual(INVALID_TOKEN);
  });

  it('refuses a wrong secret for temporary credentials', async () => {
    const credentials = await signInAs(sandbox, 'admin');
    const wrong = {
      ...credentials,
      // Always a different first character (a fixed replacement is a no-op 1 time in 64).
      secretAccessKey:
        (credentials.secretAccessKey[0] === 'x' ? 'y' : 'x') + credentials.secretAccessKey.slice(1),
    };
    expect(await failure(sandbox.kms(wrong).send(new ListKeysCommand({})))).toMatchObject({
      name: 'InvalidSignatureException',
    });
  });
});

describe('temporary credentials expire', () => {
  const sandbox = suiteSandbox({ sessionTtlSeconds: 900 });

  it('lasts sessionTtlSeconds, then KMS refuses it with ExpiredTokenException', async () => {
    const credentials = await signInAs(sandbox, 'admin');
    const kms = sandbox.kms(credentials);
    const lifetime = credentials.expiration.getTime() - sandbox.clock.now().getTime();
    expect(lifetime).toBeGreaterThan(898_000);
    expect(lifetime).toBeLessThanOrEqual(900_000);

    sandbox.clock.advance(899_000);
    await expect(kms.send(new ListKeysCommand({}))).resolves.toBeDefined();
    sandbox.clock.advance(2_000);
    expect(await failure(kms.send(new ListKeysCommand({})))).toEqual(EXPIRED);
  });

  it('refuses an expired guest session too, before looking at the request', async () => {
    const credentials = await signInAs(sandbox, 'guest');
    sandbox.clock.advance(901_000);
    expect(
      await failure(
        sandbox
          .kms(credentials)
          .send(new EncryptCommand({ KeyId: 'alias/demo-app', Plaintext: new Uint8Array([1]) })),
      ),
    ).toEqual(EXPIRED);
  });

  it('signs in again after expiry with fresh credentials', async () => {
    const credentials = await signInAs(sandbox, 'operator');
    sandbox.clock.advance(901_000);
    const renewed = await signInAs(sandbox, 'operator');
    expect(renewed.accessKeyId).not.toBe(credentials.accessKeyId);
    const caller = await stsClient(sandbox, renewed).send(new GetCallerIdentityCommand({}));
    expect(caller.Arn).toContain('assumed-role/KmsOperator/');
  });
});

describe('credentials survive a restart with a state directory', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'kms-sandbox-identity-'));
  afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

  it('keeps temporary credentials, refresh tokens, identity ids and the JWKS', async () => {
    const first = await startTestSandbox({ memory: false, stateDir });
    let credentials: TemporaryAwsCredentials;
    let refreshToken: string;
    let jwks: string;
    try {
      credentials = await signInAs(first, 'auditor');
      const idp = new CognitoIdentityProviderClient({ endpoint: first.url, region: 'us-east-1' });
      refreshToken = (
        await idp.send(
          new InitiateAuthCommand({
            AuthFlow: 'USER_PASSWORD_AUTH',
            ClientId: USER_POOL_CLIENT_ID,
            AuthParameters: { USERNAME: 'auditor', PASSWORD: 'Auditor-Passw0rd!' },
          }),
        )
      ).AuthenticationResult!.RefreshToken!;
      idp.destroy();
      jwks = await (await fetch(`${first.url}/${USER_POOL_ID}/.well-known/jwks.json`)).text();
    } finally {
      await first.close();
    }

    const second = await startTestSandbox({ memory: false, stateDir });
    try {
      const caller = await stsClient(second, credentials).send(new GetCallerIdentityCommand({}));
      expect(caller.Arn).toBe(
        'arn:aws:sts::111122223333:assumed-role/KmsAuditor/CognitoIdentityCredentials',
      );
      await expect(second.kms(credentials).send(new ListKeysCommand({}))).resolves.toBeDefined();
      expect(
        await (await fetch(`${second.url}/${USER_POOL_ID}/.well-known/jwks.json`)).text(),
      ).toBe(jwks);
      const idp = new CognitoIdentityProviderClient({ endpoint: second.url, region: 'us-east-1' });
      const refreshed = await idp.send(
        new InitiateAuthCommand({
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          ClientId: USER_POOL_CLIENT_ID,
          AuthParameters: { REFRESH_TOKEN: refreshToken },
        }),
      );
      idp.destroy();
      expect(refreshed.AuthenticationResult!.IdToken).toEqual(expect.any(String));
      const again = await signInAs(second, 'auditor');
      expect(again.identityId).toBe(credentials.identityId);
    } finally {
      await second.close();
    }
  });
});
