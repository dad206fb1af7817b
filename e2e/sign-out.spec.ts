import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { expect, test } from './support/test';
import { signInAs, signOut } from './support/sign-in';

const CLIENT_ID = 'kmsconsoledemoclient';

test('Sign out revokes the refresh token, so a copy of it cannot be replayed', async ({
  page,
  baseURL,
}) => {
  await signInAs(page, 'operator');
  // What a script on the page, or anyone with this tab's storage, could have copied.
  const stored = await page.evaluate(() => sessionStorage.getItem('kms-console.session'));
  const refreshToken = (JSON.parse(stored!) as { tokens: { refreshToken: string } }).tokens
    .refreshToken;
  const idp = new CognitoIdentityProviderClient({
    endpoint: baseURL,
    region: 'us-east-1',
    maxAttempts: 1,
  });
  const replay = () =>
    idp.send(
      new InitiateAuthCommand({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: CLIENT_ID,
        AuthParameters: { REFRESH_TOKEN: refreshToken },
      }),
    );
  try {
    await expect(replay()).resolves.toHaveProperty('AuthenticationResult.IdToken');

    const revoked = page.waitForResponse(
      (response) =>
        response.request().headers()['x-amz-target'] ===
        'AWSCognitoIdentityProviderService.RevokeToken',
    );
    await signOut(page);
    expect((await revoked).status()).toBe(200);
    expect(await page.evaluate(() => sessionStorage.getItem('kms-console.session'))).toBeNull();
    await expect(replay()).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
    });
  } finally {
    idp.destroy();
  }
});
