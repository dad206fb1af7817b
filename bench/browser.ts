import { chromium, type Browser, type Page } from '@playwright/test';

/**
 * Debian's Chromium (Playwright cannot download browsers on these machines), started with the
 * flags that keep its own network and update traffic out of the measurements.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Signs a scenario user in to the sandbox's console on a light page (page not found), so the
 * page being timed is then opened from the navigation as a user would, with nothing else loading.
 */
export async function signInOnLightPage(page: Page, sandboxUrl: string, user: string) {
  await page.goto(`${sandboxUrl}/signed-in`);
  await page.getByRole('radio', { name: 'Sandbox' }).check();
  await page.getByRole('radio', { name: user, exact: true }).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
}
