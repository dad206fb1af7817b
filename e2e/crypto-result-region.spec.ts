import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { signInAs } from './support/sign-in';
import { fillBytes, result } from './support/crypto';

/*
 * One Result region from one operation to the next: while the next request is on its way the
 * previous result stays (the page does not jump), and the answer replaces it in place.
 */

function requestId(page: Page) {
  return result(page).getByText(/^Request ID /);
}

/** Holds KMS requests of `operation` (`held` once one arrives) until `release` is called. */
async function hold(page: Page, operation: string) {
  let release = () => {};
  let arrived = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const held = new Promise<void>((resolve) => (arrived = resolve));
  await page.route(
    (url) => url.pathname === '/',
    async (route) => {
      if (route.request().headers()['x-amz-target'] === `TrentService.${operation}`) {
        arrived();
        await released;
      }
      return route.fallback();
    },
  );
  return { held, release };
}

for (const { operation, button, path, fill } of [
  {
    operation: 'Encrypt',
    button: 'Encrypt',
    path: '/encrypt?keyId=alias/demo-app&context=department=finance',
    fill: (page: Page) => fillBytes(page, 'Plaintext', 'kept in place'),
  },
  {
    operation: 'GenerateMac',
    button: 'Generate MAC',
    path: '/mac?keyId=alias/demo-hmac',
    fill: (page: Page) => fillBytes(page, 'Message', 'kept in place'),
  },
]) {
  test(`${operation} again: the previous result stays until the new one replaces it in place`, async ({
    page,
  }) => {
    await signInAs(page, 'admin', path);
    await fill(page);
    await page.getByRole('button', { name: button, exact: true }).click();
    await expect(requestId(page)).toBeVisible();
    const first = (await requestId(page).textContent()) ?? '';
    await result(page).evaluate((region) => region.setAttribute('data-test-probe', 'first'));

    const { held, release } = await hold(page, operation);
    const submit = page.getByRole('button', { name: button, exact: true });
    await submit.click();
    await held;
    await expect(submit).toBeDisabled();
    // The request is on its way: the previous result is still shown.
    await expect(requestId(page)).toHaveText(first);
    release();
    await expect(requestId(page)).not.toHaveText(first);
    await expect(result(page)).toHaveAttribute('data-test-probe', 'first');
  });
}
