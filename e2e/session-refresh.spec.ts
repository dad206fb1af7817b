import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { SHORT_SESSION_PORT } from '../playwright.config';
import { identityButton, signInAs } from './support/sign-in';

// This sandbox issues credentials (and user pool tokens) that last 30 s.
test.use({ baseURL: `http://127.0.0.1:${SHORT_SESSION_PORT}` });
test.setTimeout(120_000);

/** The temporary access key id the console currently signs with (kept in sessionStorage). */
function currentAccessKeyId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const raw = sessionStorage.getItem('kms-console.session');
    return raw
      ? (JSON.parse(raw) as { credentials: { accessKeyId: string } }).credentials.accessKeyId
      : undefined;
  });
}

async function filterKeys(page: Page, text: string) {
  await page.getByRole('searchbox', { name: 'Filter keys' }).fill(text);
  await expect(page.getByRole('link', { name: 'alias/demo-hmac', exact: true })).toBeVisible();
}

test('temporary credentials are renewed before they expire, without a reload', async ({ page }) => {
  await signInAs(page, 'operator');
  await filterKeys(page, 'demo-hm');
  await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });
  const first = await currentAccessKeyId(page);
  expect(first).toMatch(/^ASIA/);

  // Renewed once (user pool token refreshed too, since it lasts as long), then once more.
  await expect.poll(() => currentAccessKeyId(page), { timeout: 45_000 }).not.toBe(first);
  const second = await currentAccessKeyId(page);
  await expect.poll(() => currentAccessKeyId(page), { timeout: 45_000 }).not.toBe(second);

  // The first credentials have expired by now; the page works on, with its state.
  await page.getByRole('button', { name: 'Refresh keys' }).click();
  await expect(page.getByRole('link', { name: 'alias/demo-hmac', exact: true })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Filter keys' })).toHaveValue('demo-hm');
  await expect(page.getByText('Keys could not be listed')).toHaveCount(0);
  expect(
    await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
  ).toBe(true);
  await expect(identityButton(page, 'operator')).toBeVisible();
});

test('when credentials cannot be renewed, the user signs in again and keeps the page', async ({
  page,
}) => {
  await signInAs(page, 'operator');
  await filterKeys(page, 'demo-hm');
  // Cognito becomes unreachable: every renewal fails until the credentials run out.
  const blockCognito = (route: import('@playwright/test').Route) =>
    route.request().headers()['x-amz-target']?.startsWith('AWSCognito')
      ? route.abort('connectionrefused')
      : route.fallback();
  await page.route('**/*', blockCognito);

  const dialog = page.getByRole('dialog', { name: 'Sign in again' });
  await expect(dialog).toBeVisible({ timeout: 60_000 });
  await expect(dialog).toContainText('Your temporary credentials expired and could not be renewed');
  await expect(dialog).toContainText('Cannot reach the endpoint');

  await page.unroute('**/*', blockCognito);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('searchbox', { name: 'Filter keys' })).toHaveValue('demo-hm');
  await page.getByRole('button', { name: 'Refresh keys' }).click();
  await expect(page.getByRole('link', { name: 'alias/demo-hmac', exact: true })).toBeVisible();
  await expect(identityButton(page, 'operator')).toBeVisible();
});
