import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { expectChecked, row } from './permissions-support';
import { byteField, fillBytes, result, setContext } from './support/crypto';
import { signInAs } from './support/sign-in';

/*
 * "Check permission" on the forms sends the form's own request with DryRun: it agrees with the
 * Permissions page's matrix, and never performs the operation.
 */

async function checkPermission(page: Page, operation: string, expected: string): Promise<void> {
  await page.getByRole('button', { name: 'Check permission' }).click();
  const dialog = page.getByRole('dialog', { name: `Check permission: ${operation}` });
  await expect(dialog.getByRole('status')).toHaveText(expected);
  await expect(dialog).toContainText(
    'Sent with DryRun: KMS checked the request and changed nothing.',
  );
}

async function closeDialog(page: Page): Promise<void> {
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Close', exact: true })
    .first()
    .click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

// Two cores shared by the sandbox, the browser and other builds: generous, never a sleep.
test.describe.configure({ timeout: 120_000 });

test('Check permission on the Encrypt form agrees with the matrix', async ({ page }) => {
  await signInAs(page, 'operator', '/encrypt?keyId=alias/demo-app');
  await fillBytes(page, 'Plaintext', 'nothing is encrypted');
  await checkPermission(page, 'Encrypt', 'Denied: no identity-based policy allows it');
  await closeDialog(page);

  await setContext(page, 'department=finance');
  await checkPermission(page, 'Encrypt', 'Would succeed');
  // Nothing was encrypted: no result appeared.
  await expect(result(page)).toHaveCount(0);

  // The dialog links to the matrix for the same key and context, which says the same.
  await page
    .getByRole('link', { name: 'See every operation for this key on the Permissions page' })
    .click();
  await expect(page).toHaveURL(
    /\/permissions\?keyId=alias%2Fdemo-app&context=department%3Dfinance$/,
  );
  await expectChecked(
    page,
    'Checked 8 operations on alias/demo-app with encryption context department=finance.',
  );
  await expect(row(page, 'Encrypt')).toContainText('Would succeed');
});

test('Check permission on Decrypt without ciphertext uses IGNORE_CIPHERTEXT', async ({ page }) => {
  await signInAs(
    page,
    'operator',
    '/decrypt?keyId=alias/demo-restricted&context=department=finance',
  );
  await expect(byteField(page, 'Ciphertext').getByRole('textbox')).toHaveValue('');
  await checkPermission(page, 'Decrypt', 'Denied: explicit deny in a resource-based policy');
  await closeDialog(page);

  await page.getByRole('combobox', { name: 'Key', exact: true }).fill('alias/demo-app');
  await checkPermission(page, 'Decrypt', 'Would succeed');
  await expect(result(page)).toHaveCount(0);
});
