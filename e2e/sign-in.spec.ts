import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import {
  ADMIN_ACCESS_KEY,
  DEMO_ACCOUNT,
  expectSignInPage,
  identityButton,
  signInAs,
  signInWithAccessKeys,
  signOut,
  type ScenarioUser,
} from './support/sign-in';

const ROLES: Record<ScenarioUser, string> = {
  admin: 'KmsAdmin',
  operator: 'KmsOperator',
  auditor: 'KmsAuditor',
  guest: 'KmsGuest',
};

/** Everything the page keeps in Web Storage, to check no secret ends up there. */
async function storage(page: Page) {
  return page.evaluate(() => ({
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
  }));
}

for (const user of Object.keys(ROLES) as ScenarioUser[]) {
  test(`signs in to the sandbox as ${user} through the user pool and identity pool`, async ({
    page,
  }) => {
    const cognitoCalls: string[] = [];
    page.on('request', (request) => {
      const target = request.headers()['x-amz-target'];
      if (target?.startsWith('AWSCognito')) cognitoCalls.push(target.split('.')[1] ?? target);
    });
    await signInAs(page, user);
    await expect(identityButton(page, user)).toHaveAccessibleName(
      `Signed in as ${user}, Account ${DEMO_ACCOUNT}`,
    );
    await identityButton(page, user).click();
    await expect(
      page.getByText(
        `ARN: arn:aws:sts::${DEMO_ACCOUNT}:assumed-role/${ROLES[user]}/CognitoIdentityCredentials`,
      ),
    ).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(
      page.getByRole('button', { name: /^Temporary credentials: Expires in [01]:\d\d$/ }),
    ).toBeVisible();
    await expect(
      page.getByRole('button', { name: /^Region us-east-1, endpoint sandbox/ }),
    ).toBeVisible();
    expect(cognitoCalls).toEqual(
      user === 'guest'
        ? ['GetId', 'GetCredentialsForIdentity']
        : ['InitiateAuth', 'GetId', 'GetCredentialsForIdentity'],
    );
  });
}

test('signs in with access keys and names the IAM user', async ({ page }) => {
  await signInWithAccessKeys(page);
  await expect(identityButton(page, 'admin')).toBeVisible();
  await identityButton(page).click();
  await expect(page.getByText(`ARN: arn:aws:iam::${DEMO_ACCOUNT}:user/admin`)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(
    page.getByRole('button', { name: 'Temporary credentials: Long-term credentials' }),
  ).toBeVisible();
  // Long-term secrets are never stored, not even in sessionStorage.
  const stored = await storage(page);
  expect(stored.session + stored.local).not.toContain(ADMIN_ACCESS_KEY.secretAccessKey);
});

test('signs in with a Cognito identity pool user pool login', async ({ page }) => {
  await page.goto('/keys');
  await page.getByRole('radio', { name: 'Cognito identity pool' }).check();
  await page.getByRole('radio', { name: 'User pool login' }).check();
  await page.getByLabel('Username').fill('auditor');
  await page.getByLabel('Password').fill('Auditor-Passw0rd!');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(identityButton(page, 'auditor')).toBeVisible();
  const stored = await storage(page);
  expect(stored.local).not.toMatch(/Passw0rd|secretAccessKey|sessionToken|IdToken|RefreshToken/i);
  expect(stored.session).not.toContain('Auditor-Passw0rd!');
});

test('a wrong password gets its own message', async ({ page }) => {
  await page.goto('/keys');
  await page.getByRole('radio', { name: 'Cognito identity pool' }).check();
  await page.getByRole('radio', { name: 'User pool login' }).check();
  await page.getByLabel('Username').fill('operator');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Incorrect username or password', { exact: true })).toBeVisible();
  await expect(page.getByText('NotAuthorizedException')).toBeVisible();
  await expectSignInPage(page);
});

test('an unknown identity pool gets its own message', async ({ page }) => {
  await page.goto('/keys');
  await page.getByRole('radio', { name: 'Cognito identity pool' }).check();
  await page.getByLabel('Identity pool ID').fill('us-east-1:00000000-0000-4000-8000-000000000000');
  await page.getByRole('radio', { name: 'Guest access' }).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Unknown identity pool')).toBeVisible();
});

test('an unreachable endpoint gets its own message', async ({ page }) => {
  await page.goto('/keys');
  await page.getByRole('radio', { name: 'Access keys' }).check();
  await page.getByLabel('Access key ID').fill(ADMIN_ACCESS_KEY.accessKeyId);
  await page.getByLabel('Secret access key').fill(ADMIN_ACCESS_KEY.secretAccessKey);
  await page.getByText('Endpoint', { exact: true }).click();
  await page.getByLabel('Endpoint URL').fill('http://127.0.0.1:9');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Cannot reach the endpoint')).toBeVisible({ timeout: 20_000 });
});

test('a wrong secret access key gets its own message', async ({ page }) => {
  await signInWithAccessKeys(page, {
    accessKeyId: ADMIN_ACCESS_KEY.accessKeyId,
    secretAccessKey: 'not-the-secret-access-key-at-all-000000000',
  });
  await expect(page.getByText('The signature does not match')).toBeVisible();
});

test('a computer whose clock is off is told, and still works', async ({ page }) => {
  // An hour ahead: AWS (and the sandbox) refuse signatures more than 5 minutes off.
  await page.clock.install({ time: Date.now() + 60 * 60 * 1000 });
  await page.clock.resume();
  await signInAs(page, 'admin');
  await expect(page.getByText("Your computer's clock is off")).toBeVisible();
  await expect(page.getByText(/ahead of the endpoint's clock/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'alias/demo-app' })).toBeVisible();
  await expect(
    page.getByRole('button', { name: /^Temporary credentials: Expires in [01]:\d\d$/ }),
  ).toBeVisible();
});

test('sign out forgets the credentials; a reload keeps a Cognito session', async ({ page }) => {
  await signInAs(page, 'operator');
  await expect(page.getByRole('link', { name: 'alias/demo-app' })).toBeVisible();
  await page.reload();
  await expect(identityButton(page, 'operator')).toBeVisible();
  await signOut(page);
  const stored = await storage(page);
  expect(stored.session).not.toMatch(/sessionToken|secretAccessKey|RefreshToken|idToken/i);
  expect(stored.local).not.toMatch(/sessionToken|secretAccessKey|RefreshToken|idToken/i);
  await page.reload();
  await expectSignInPage(page);
});
