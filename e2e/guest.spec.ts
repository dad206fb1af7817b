import { expect, test } from './support/test';
import { signInAs, sideNavigation } from './support/sign-in';

test('the guest sees why keys cannot be listed and can still reach a form', async ({ page }) => {
  await signInAs(page, 'guest');
  const denial = page.getByRole('group').filter({ hasText: 'You may not list keys' });
  await expect(denial).toBeVisible();
  await expect(denial).toContainText(
    'arn:aws:sts::111122223333:assumed-role/KmsGuest/CognitoIdentityCredentials',
  );
  await expect(denial).toContainText('kms:ListKeys');
  await expect(denial).toContainText("Cognito's guest session policy");

  await page.getByLabel('Key', { exact: true }).fill('alias/demo-app');
  await page.getByRole('button', { name: 'Encrypt' }).click();
  await expect(page).toHaveURL(/\/encrypt\?keyId=alias%2Fdemo-app/);
  await expect(page.getByRole('heading', { name: 'Encrypt', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Key', { exact: true })).toHaveValue('alias/demo-app');
});

test('the guest sees the aliases denial explained too', async ({ page }) => {
  await signInAs(page, 'guest');
  await sideNavigation(page).getByRole('link', { name: 'Aliases' }).click();
  await expect(
    page.getByText('You may not list aliases (kms:ListAliases was denied)'),
  ).toBeVisible();
  await expect(page.getByLabel('Key', { exact: true })).toBeVisible();
});
