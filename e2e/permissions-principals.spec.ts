import { expect, test } from './support/test';
import {
  chooseKey,
  DENIED_BY_IAM,
  expectAccessible,
  expectChecked,
  expectCompared,
  operationRow,
  row,
} from './permissions-support';
import { setContext } from './support/crypto';
import { signInAs } from './support/sign-in';

/*
 * Principals other than the operator: the Cognito guest, whose credentials carry Cognito's guest
 * session policy and who may not describe keys, and the side-by-side view of the four scenario
 * users.
 */

// Two cores shared by the sandbox, the browser and other builds: generous, never a sleep.
test.describe.configure({ timeout: 120_000 });

test("guest: the matrix reflects the role and Cognito's guest session policy", async ({ page }) => {
  await signInAs(page, 'guest', '/permissions?keyId=alias/demo-app');
  // The guest may not call DescribeKey: the console assumes a symmetric key and says so.
  await expect(page.getByText('You may not describe this key')).toBeVisible();
  // CreateGrant takes no alias, and the alias cannot be resolved: 7 operations, not 8.
  await expectChecked(
    page,
    'Checked 7 operations on alias/demo-app without an encryption context.',
  );
  await expect(row(page, 'CreateGrant')).toContainText('Not checked');
  await expect(row(page, 'CreateGrant')).toContainText('enter the key ARN');

  // The role allows Encrypt and GenerateDataKey; the session policy also Decrypt and the rest.
  for (const operation of ['Encrypt', 'GenerateDataKey']) {
    await expect(row(page, operation)).toContainText('Would succeed');
    await expect(row(page, operation)).toContainText('Allows');
  }
  for (const operation of ['Decrypt', 'ReEncrypt', 'GenerateDataKeyWithoutPlaintext']) {
    await expect(row(page, operation)).toContainText(DENIED_BY_IAM);
    await expect(row(page, operation).getByRole('cell').nth(1)).toHaveText('Allows');
  }
  await page.getByRole('button', { name: /Why Decrypt is denied/ }).click();
  await expect(
    page.getByText(
      /AmazonCognitoUnAuthedIdentitiesSessionPolicy, which allows kms:Decrypt: the guest role/,
    ),
  ).toBeVisible();

  // A signing key: Sign is beyond the session policy, so nothing the guest role says matters.
  await chooseKey(page, 'alias/demo-sign');
  await page.getByRole('button', { name: /Key type/ }).click();
  await page.getByRole('option', { name: 'ECC signing key' }).click();
  await expectChecked(
    page,
    'Checked 2 operations on alias/demo-sign without an encryption context.',
  );
  await expect(row(page, 'Sign')).toContainText(DENIED_BY_IAM);
  await expect(row(page, 'Sign').getByRole('cell').nth(1)).toHaveText('Does not allow');
  await page.getByRole('button', { name: /Why Sign is denied/ }).click();
  await expect(
    page.getByText(/which does not allow kms:Sign: no change to the guest role or key policy/),
  ).toBeVisible();
});

test('guest: the key type list stays open while another key is looked up', async ({ page }) => {
  await signInAs(page, 'guest', '/permissions?keyId=alias/demo-app');
  await expectChecked(
    page,
    'Checked 7 operations on alias/demo-app without an encryption context.',
  );
  // Hold DescribeKey, so the list is opened while the new key's lookup is under way.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === '/',
    async (route) => {
      if (route.request().headers()['x-amz-target'] === 'TrentService.DescribeKey') await held;
      await route.fallback();
    },
  );
  await chooseKey(page, 'alias/demo-sign');
  await expect(page.getByText('Looking up the key…')).toBeVisible();
  await page.getByRole('button', { name: /Key type/ }).click();
  await expect(page.getByRole('option', { name: 'ECC signing key' })).toBeVisible();
  release();
  // DescribeKey is denied again: the same list, still open, takes the choice.
  await expectChecked(
    page,
    'Checked 7 operations on alias/demo-sign without an encryption context.',
  );
  await page.getByRole('option', { name: 'ECC signing key' }).click();
  await expectChecked(
    page,
    'Checked 2 operations on alias/demo-sign without an encryption context.',
  );
  await expect(page.getByRole('button', { name: /Key type/ })).toContainText('ECC signing key');
});

test('side by side: the same key and context for admin, operator, auditor and guest', async ({
  page,
}) => {
  await signInAs(page, 'admin', '/permissions?keyId=alias/demo-app&context=department=finance');
  await expectChecked(
    page,
    'Checked 8 operations on alias/demo-app with encryption context department=finance.',
  );
  await page.getByRole('button', { name: 'Compare scenario users' }).click();
  const table = page.getByRole('table', { name: 'Scenario users side by side' });
  for (const header of [
    'admin (KmsAdmin)',
    'operator (KmsOperator)',
    'auditor (KmsAuditor)',
    'guest (KmsGuest)',
  ]) {
    await expect(table.getByRole('columnheader', { name: header })).toBeVisible();
  }
  const cells = (operation: string) => operationRow(table, operation).getByRole('cell');
  await expectCompared(page, 'alias/demo-app with encryption context department=finance.');
  const expectRow = async (operation: string, expected: readonly string[]) => {
    for (const [index, text] of expected.entries()) {
      await expect(cells(operation).nth(index)).toContainText(text);
    }
  };
  await expectRow('Encrypt', ['Would succeed', 'Would succeed', 'Denied', 'Would succeed']);
  await expectRow('Decrypt', ['Would succeed', 'Would succeed', 'Denied', 'Denied']);
  await expectRow('CreateGrant', ['Would succeed', 'Denied', 'Denied', 'Denied']);
  await expectAccessible(page);

  // Without the department, the operator's condition no longer holds.
  await page.getByRole('button', { name: 'Remove pair department' }).click();
  await expectChecked(
    page,
    'Checked 8 operations on alias/demo-app without an encryption context.',
  );
  await expectCompared(page, 'alias/demo-app without an encryption context.');
  await expectRow('Encrypt', ['Would succeed', DENIED_BY_IAM, DENIED_BY_IAM, 'Would succeed']);

  // And the explicit deny of alias/demo-restricted applies to the operator only.
  await chooseKey(page, 'alias/demo-restricted');
  await setContext(page, 'department=finance');
  await expectChecked(
    page,
    'Checked 8 operations on alias/demo-restricted with encryption context department=finance.',
  );
  await expectCompared(page, 'alias/demo-restricted with encryption context department=finance.');
  await expectRow('Decrypt', [
    'Would succeed',
    'Denied: explicit deny in a resource-based policy',
    DENIED_BY_IAM,
    DENIED_BY_IAM,
  ]);
});

test('the scenario comparison says how it signs users in, without a doubled word', async ({
  page,
}) => {
  await signInAs(page, 'admin', '/permissions?keyId=alias/demo-app');
  const description = page.getByText(/^Sandbox only: the same key and encryption context/);
  await expect(description).toContainText('signs each of them in behind the scenes');
  await expect(description).not.toContainText(/\bin in\b/);
});
