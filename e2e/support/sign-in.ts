import { expect, type Page } from '@playwright/test';

export type ScenarioUser = 'admin' | 'operator' | 'auditor' | 'guest';

export const DEMO_ACCOUNT = '111122223333';
export const ADMIN_ACCESS_KEY = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

/** The header's identity menu ("Signed in as <name>, Account <id>"). */
export function identityButton(page: Page, name?: string) {
  return page.getByRole('button', { name: new RegExp(`^Signed in as ${name ?? '\\S+'}`) });
}

export async function expectSignInPage(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
}

/** Opens `path` (the sign-in page while signed out) and signs in as a sandbox scenario user. */
export async function signInAs(page: Page, user: ScenarioUser, path = '/keys'): Promise<void> {
  await page.goto(path);
  await expectSignInPage(page);
  await page.getByRole('radio', { name: 'Sandbox' }).check();
  await page.getByRole('radio', { name: user, exact: true }).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(identityButton(page, user)).toBeVisible();
}

/** Fills the "Access keys" form (demo admin IAM user unless told otherwise) and submits it. */
export async function signInWithAccessKeys(
  page: Page,
  keys: { accessKeyId: string; secretAccessKey: string } = ADMIN_ACCESS_KEY,
  path = '/keys',
): Promise<void> {
  await page.goto(path);
  await expectSignInPage(page);
  await page.getByRole('radio', { name: 'Access keys' }).check();
  await page.getByLabel('Access key ID').fill(keys.accessKeyId);
  await page.getByLabel('Secret access key').fill(keys.secretAccessKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await identityButton(page).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expectSignInPage(page);
}

/** The side navigation (its links are the console's pages). */
export function sideNavigation(page: Page) {
  return page.getByRole('navigation', { name: 'Navigation' });
}
