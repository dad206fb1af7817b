import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { ADMIN_ACCESS_KEY, signInAs, signInWithAccessKeys } from './support/sign-in';

// The sandbox is shared by every spec of a run: each test uses Regions no other spec touches, so
// an empty Region is empty.

/** The header's Region menu ("Region us-east-1, endpoint …"). */
function regionMenu(page: Page, region: string) {
  return page.getByRole('button', { name: new RegExp(`^Region ${region},`) });
}

async function chooseRegion(page: Page, from: string, name: string): Promise<void> {
  await regionMenu(page, from).click();
  await page.getByRole('menuitemcheckbox', { name: new RegExp(`^${escape(name)}`) }).click();
}

function escape(text: string): string {
  return text.replace(/[()]/g, '\\$&');
}

test('switching Region lists that Region’s keys, and says when it has none', async ({ page }) => {
  await signInWithAccessKeys(page);
  await expect(page.getByRole('link', { name: 'alias/demo-app', exact: true })).toBeVisible();

  await chooseRegion(page, 'us-east-1', 'Europe (Stockholm)');
  await expect(regionMenu(page, 'eu-north-1')).toBeVisible();
  const notice = page.getByText('No KMS keys in Europe (Stockholm) (eu-north-1)');
  await expect(notice).toBeVisible();
  await expect(page.getByRole('link', { name: 'alias/demo-app', exact: true })).toHaveCount(0);

  // A key created here is made in eu-north-1 and listed only there.
  await page.getByRole('button', { name: 'Create key' }).first().click();
  await page.getByLabel('Description').fill('Made in Stockholm');
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByText(/arn:aws:kms:eu-north-1:111122223333:key\//).first()).toBeVisible();
  const keyId = /\/keys\/([\w-]+)/.exec(page.url())![1]!;
  const keyLink = page.getByRole('link', { name: `Key ${keyId}`, exact: true });
  await page.getByRole('link', { name: 'Keys', exact: true }).first().click();
  await expect(keyLink).toBeVisible();
  await expect(notice).toHaveCount(0);

  await chooseRegion(page, 'eu-north-1', 'US East (N. Virginia)');
  await expect(page.getByRole('link', { name: 'alias/demo-app', exact: true })).toBeVisible();
  await expect(keyLink).toHaveCount(0);
});

test('a Cognito user keeps its identity pool credentials in another Region', async ({
  page,
  baseURL,
}) => {
  const kms = new KMSClient({
    region: 'ap-southeast-2',
    endpoint: baseURL,
    credentials: ADMIN_ACCESS_KEY,
  });
  const description = `Sydney key ${Date.now()}`;
  const created = await kms.send(new CreateKeyCommand({ Description: description }));
  kms.destroy();

  // The operator's credentials come from the us-east-1 identity pool; its KMS calls go to Sydney.
  await signInAs(page, 'operator');
  await chooseRegion(page, 'us-east-1', 'Asia Pacific (Sydney)');
  await page.getByRole('link', { name: `Key ${created.KeyMetadata!.KeyId!}`, exact: true }).click();
  await expect(page.getByText(description).first()).toBeVisible();
  await expect(page.getByText(created.KeyMetadata!.Arn!).first()).toBeVisible();

  // A reload resumes the session in the Region the user chose.
  await page.reload();
  await expect(regionMenu(page, 'ap-southeast-2')).toBeVisible();
  await expect(page.getByText(created.KeyMetadata!.Arn!).first()).toBeVisible();

  // Switching Region on a key's page goes back to the key list: the key is not in the other Region.
  await chooseRegion(page, 'ap-southeast-2', 'US East (N. Virginia)');
  await expect(page).toHaveURL(/\/keys$/);
  await expect(page.getByRole('link', { name: 'alias/demo-app', exact: true })).toBeVisible();
});

test('an empty sandbox Region offers the demo scenario’s Region', async ({ page }) => {
  await signInAs(page, 'auditor');
  await chooseRegion(page, 'us-east-1', 'Canada (Central)');
  await expect(page.getByText('No KMS keys in Canada (Central) (ca-central-1)')).toBeVisible();
  await page.getByRole('button', { name: 'Switch to US East (N. Virginia)' }).click();
  await expect(regionMenu(page, 'us-east-1')).toBeVisible();
  await expect(page.getByRole('link', { name: 'alias/demo-app', exact: true })).toBeVisible();
});
