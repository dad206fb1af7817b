import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { expectNoSeriousViolations } from './support/axe';
import { expectSignInPage, identityButton, signInAs, sideNavigation } from './support/sign-in';

/*
 * One test per page (or dialog family): an axe run takes seconds on a busy machine, and a single
 * test that walked every page ran out of time although none of its steps was slow.
 */
test.setTimeout(120_000);

/** Follows a side navigation link, opening the navigation first on a phone (it starts closed). */
async function openFromNavigation(page: Page, link: string): Promise<void> {
  const open = page.getByRole('button', { name: 'Open navigation' });
  if (await open.isVisible()) await open.click();
  await sideNavigation(page).getByRole('link', { name: link, exact: true }).click();
}

/** Every page at a desktop width and at a phone's (Cloudscape's layout changes below 688 px). */
for (const viewport of [
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('sign-in page (each connection choice)', async ({ page }) => {
      await page.goto('/');
      await expectSignInPage(page);
      await expectNoSeriousViolations(page, 'Sign in: Sandbox');
      await page.getByRole('radio', { name: 'Cognito identity pool' }).check();
      await page.getByRole('radio', { name: 'User pool login' }).check();
      await page.getByText('Endpoint', { exact: true }).click();
      await expectNoSeriousViolations(page, 'Sign in: Cognito identity pool');
      await page.getByRole('radio', { name: 'Access keys' }).check();
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByText('Enter the access key ID.').first()).toBeVisible();
      await expectNoSeriousViolations(page, 'Sign in: Access keys with errors');
    });

    test('keys and the identity menu', async ({ page }) => {
      await signInAs(page, 'admin');
      await expect(page.getByRole('link', { name: 'alias/demo-app', exact: true })).toBeVisible();
      await expect(page.getByRole('row').filter({ hasText: 'alias/demo-app' })).toContainText(
        'Enabled',
      );
      await expectNoSeriousViolations(page, 'Keys');

      await identityButton(page, 'admin').click();
      await expectNoSeriousViolations(page, 'Identity menu');
    });

    test('key detail: every tab and the Schedule key deletion dialog', async ({ page }) => {
      await signInAs(page, 'admin');
      await page.getByRole('link', { name: 'alias/demo-sign', exact: true }).click();
      await expect(page.getByLabel('Key policy document')).toBeVisible();
      await expectNoSeriousViolations(page, 'Key detail: Key policy');
      for (const tab of [
        'Cryptographic configuration',
        'Public key',
        'Key rotation',
        'Aliases',
        'Grants',
        'Tags',
      ]) {
        await page.getByRole('tab', { name: tab }).click();
        await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
        await expect(
          page.getByRole('tabpanel').getByRole('heading', { level: 2 }).first(),
        ).toBeVisible();
        await expectNoSeriousViolations(page, `Key detail: ${tab}`);
      }
      await page.getByRole('button', { name: 'Key actions' }).click();
      await page.getByRole('menuitem', { name: 'Schedule key deletion' }).click();
      await expect(page.getByRole('dialog', { name: 'Schedule key deletion' })).toBeVisible();
      await expectNoSeriousViolations(page, 'Schedule key deletion dialog');
      await page
        .getByRole('dialog', { name: 'Schedule key deletion' })
        .getByRole('button', { name: 'Cancel' })
        .click();
    });

    test('key detail: rotation of a symmetric key and the key policy editor', async ({ page }) => {
      await signInAs(page, 'admin', '/keys/1234abcd-12ab-34cd-56ef-1234567890ab?tab=rotation');
      await expect(page.getByRole('heading', { name: 'Rotation history' })).toBeVisible();
      await expectNoSeriousViolations(page, 'Key detail: rotation of a symmetric key');
      await page.getByRole('tab', { name: 'Key policy' }).click();
      await page.getByRole('tabpanel').getByRole('button', { name: 'Edit', exact: true }).click();
      await expect(page.getByRole('heading', { name: 'Edit key policy' })).toBeVisible();
      await expect(page.getByText('Ln 1, Col 1')).toBeVisible();
      await expectNoSeriousViolations(page, 'Key policy editor');
    });

    test('create key', async ({ page }) => {
      await signInAs(page, 'admin');
      await page.getByRole('button', { name: 'Create key' }).click();
      await expect(page.getByRole('heading', { name: 'Create key', level: 1 })).toBeVisible();
      await page.getByRole('radio', { name: 'Asymmetric' }).check();
      await page.getByRole('button', { name: 'Add tag' }).click();
      await expectNoSeriousViolations(page, 'Create key');
    });

    test('aliases and the Create alias dialog', async ({ page }) => {
      await signInAs(page, 'admin');
      await openFromNavigation(page, 'Aliases');
      await expect(page.getByRole('row').filter({ hasText: 'alias/demo-app' })).toBeVisible();
      await expectNoSeriousViolations(page, 'Aliases');
      await page.getByRole('button', { name: 'Create alias' }).click();
      await expect(page.getByRole('dialog', { name: 'Create alias' })).toBeVisible();
      await expectNoSeriousViolations(page, 'Create alias dialog');
    });

    test('guest denial pages and the page-not-found page', async ({ page }) => {
      await signInAs(page, 'guest');
      await expect(page.getByText('You may not list keys')).toBeVisible();
      await expectNoSeriousViolations(page, 'Keys (guest)');
      await openFromNavigation(page, 'Aliases');
      await expect(page.getByText('You may not list aliases')).toBeVisible();
      await expectNoSeriousViolations(page, 'Aliases (guest)');
      await page.goto('/keys/alias/nope');
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
      await expectNoSeriousViolations(page, 'Page not found');
    });
  });
}

test('a skip link takes the keyboard past the header and the navigation to the page', async ({
  page,
}) => {
  await signInAs(page, 'admin', '/aliases');
  await expect(page.getByRole('heading', { name: 'Aliases', level: 1 })).toBeVisible();
  // Start from the top of the document, as after opening the page.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  // The next stop is on the page itself, not in the header or the side navigation.
  await expect(page.getByRole('main').locator(':focus')).toHaveCount(1);
  await expect(page.getByRole('navigation').locator(':focus')).toHaveCount(0);
});
