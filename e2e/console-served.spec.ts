import type { Page } from '@playwright/test';
import { SHORT_SESSION_PORT } from '../playwright.config';
import { expect, test } from './support/test';
import { expectSignInPage, identityButton } from './support/sign-in';

/** The short-session sandbox, here only a web server for the console on another origin. */
const STATIC_HOST = `http://127.0.0.1:${SHORT_SESSION_PORT}`;
/** Same files, another origin that nobody named with --cors-origin. */
const UNNAMED_HOST = `http://localhost:${SHORT_SESSION_PORT}`;

test('the sandbox serves the console on its own port, with its security headers', async ({
  page,
}) => {
  const response = await page.goto('/');
  await expect(page).toHaveTitle(/KMS Console/);
  await expectSignInPage(page);
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
});

test('deep links load the console instead of a 404', async ({ page }) => {
  const response = await page.goto('/keys/1234abcd-12ab-34cd-56ef-1234567890ab');
  expect(response?.status()).toBe(200);
  await expectSignInPage(page);
  // The address is kept, so signing in lands on the linked page.
  expect(new URL(page.url()).pathname).toBe('/keys/1234abcd-12ab-34cd-56ef-1234567890ab');
});

test('no other page can frame the console (no clickjacking of "Schedule deletion")', async ({
  page,
  baseURL,
}) => {
  const response = page.waitForResponse(`${baseURL}/keys`);
  await page.setContent(`<iframe src="${baseURL}/keys" title="framed"></iframe>`);
  expect((await response).headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  // Chromium replaces a frame its ancestors may not show with its own error page.
  await expect
    .poll(() =>
      page
        .frames()
        .find((frame) => frame !== page.mainFrame())
        ?.url(),
    )
    .toBe('chrome-error://chromewebdata/');
});

async function signInThrough(page: Page, host: string, endpoint: string) {
  await page.goto(`${host}/keys`);
  await expectSignInPage(page);
  await page.getByRole('radio', { name: 'Sandbox' }).check();
  await page.getByRole('radio', { name: 'admin', exact: true }).check();
  await page.getByText('Endpoint', { exact: true }).click();
  await page.getByLabel('Endpoint URL').fill(endpoint);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a console on a static host named with --cors-origin signs in to the sandbox', async ({
  page,
  baseURL,
}) => {
  await signInThrough(page, STATIC_HOST, baseURL!);
  await expect(identityButton(page, 'admin')).toBeVisible();
  await expect(page.getByRole('link', { name: 'alias/demo-app', exact: true })).toBeVisible();
});

test('a console on an origin nobody named gets no answer from the sandbox', async ({
  page,
  baseURL,
}) => {
  await signInThrough(page, UNNAMED_HOST, baseURL!);
  await expect(page.getByText('Cannot reach the endpoint')).toBeVisible();
  await expect(identityButton(page)).toHaveCount(0);
});

test('an endpoint the console’s CSP does not allow is named as the reason sign-in fails', async ({
  page,
  csp,
}) => {
  // TEST-NET-1: never reached, the browser refuses to send anything there.
  const blocked = 'http://192.0.2.10:4566';
  csp.expectBlockedConnection(blocked);
  await signInThrough(page, '', blocked);
  await expect(page.getByText('This page may not connect to the endpoint')).toBeVisible();
  await expect(
    page.getByText(
      `Refused to connect to ${blocked}: not allowed by this page's Content-Security-Policy (connect-src).`,
    ),
  ).toBeVisible();
  await expect(page.getByText('restart it with --connect-src and that origin')).toBeVisible();
  expect(csp.violations.map((v) => v.blocked)).toContain(`${blocked}/`);
});

test('a browser on a named origin can read KMS errors (CORS exposes the error type)', async ({
  page,
  baseURL,
}) => {
  await page.goto(STATIC_HOST);
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
