import { expect, test } from '@playwright/test';
import { expectSignInPage } from './support/sign-in';

test('the sandbox serves the console on its own port', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/KMS Console/);
  await expectSignInPage(page);
});

test('deep links load the console instead of a 404', async ({ page }) => {
  const response = await page.goto('/keys/1234abcd-12ab-34cd-56ef-1234567890ab');
  expect(response?.status()).toBe(200);
  await expectSignInPage(page);
  // The address is kept, so signing in lands on the linked page.
  expect(new URL(page.url()).pathname).toBe('/keys/1234abcd-12ab-34cd-56ef-1234567890ab');
});

test('a browser on another origin can read KMS errors (CORS exposes the error type)', async ({
  page,
  baseURL,
}) => {
  // localhost and 127.0.0.1 are different origins, so this fetch is cross-origin exactly like a
  // console on its own host calling real KMS.
  await page.goto(baseURL!.replace('127.0.0.1', 'localhost'));
  const answer = await page.evaluate(async (url) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'TrentService.ListKeys',
      },
      body: '{}',
    });
    return {
      status: response.status,
      errorType: response.headers.get('x-amzn-ErrorType'),
      requestId: response.headers.get('x-amzn-RequestId'),
      body: (await response.json()) as { __type: string },
    };
  }, `${baseURL}/`);
  expect(answer.status).toBe(400);
  expect(answer.body.__type).toBe('MissingAuthenticationTokenException');
  expect(answer.errorType).toContain('MissingAuthenticationTokenException');
  expect(answer.requestId).toMatch(/^[0-9a-f-]{36}$/);
});
