import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { adminKms, createKey } from './support/kms';
import { identityButton, signInAs, signInWithAccessKeys } from './support/sign-in';

const DEMO_KEYS = [
  { alias: 'alias/demo-app', status: 'Enabled', spec: 'SYMMETRIC_DEFAULT' },
  { alias: 'alias/demo-rsa', status: 'Enabled', spec: 'RSA_2048' },
  { alias: 'alias/demo-sign', status: 'Enabled', spec: 'ECC_NIST_P256' },
  { alias: 'alias/demo-hmac', status: 'Enabled', spec: 'HMAC_256' },
  { alias: 'alias/demo-disabled', status: 'Disabled', spec: 'SYMMETRIC_DEFAULT' },
  { alias: 'alias/demo-restricted', status: 'Enabled', spec: 'SYMMETRIC_DEFAULT' },
];

function keyRow(page: Page, alias: string) {
  return page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: alias, exact: true }) });
}

test('the keys table shows the demo aliases with their status and key spec', async ({ page }) => {
  await signInAs(page, 'auditor');
  for (const key of DEMO_KEYS) {
    const row = keyRow(page, key.alias);
    await expect(row).toContainText(key.status);
    await expect(row).toContainText(key.spec);
  }
  // The partner account's key is not listed: ListKeys lists the caller's account only.
  await expect(page.getByRole('link', { name: 'alias/partner-shared' })).toHaveCount(0);
});

test('the text filter finds keys by alias', async ({ page }) => {
  await signInAs(page, 'operator');
  await expect(keyRow(page, 'alias/demo-app')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Filter keys' }).fill('demo-hm');
  await expect(keyRow(page, 'alias/demo-hmac')).toBeVisible();
  await expect(page.getByRole('link', { name: 'alias/demo-app', exact: true })).toHaveCount(0);
  await expect(page.getByText('1 match', { exact: true }).first()).toBeVisible();
});

test('key detail shows the key policy and the cryptographic configuration', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.getByRole('link', { name: 'alias/demo-app', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'alias/demo-app', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/keys\/1234abcd-12ab-34cd-56ef-1234567890ab/);
  const policy = page.getByLabel('Key policy document');
  await expect(policy).toContainText('"Version": "2012-10-17"');
  await expect(policy).toContainText('arn:aws:iam::111122223333:root');
  await page.getByRole('tab', { name: 'Cryptographic configuration' }).click();
  await expect(page.getByText('SYMMETRIC_DEFAULT').first()).toBeVisible();
  await expect(page.getByText('Encrypt and decrypt (ENCRYPT_DECRYPT)')).toBeVisible();
  // Links to the crypto forms carry the key.
  await page.getByRole('button', { name: 'Use this key' }).click();
  await page.getByRole('menuitem', { name: 'Encrypt', exact: true }).click();
  await expect(page).toHaveURL(/\/encrypt\?keyId=1234abcd-12ab-34cd-56ef-1234567890ab/);
  await expect(page.getByLabel('Key', { exact: true })).toHaveValue(
    '1234abcd-12ab-34cd-56ef-1234567890ab',
  );
});

test('an asymmetric key shows its public key as PEM', async ({ page }) => {
  await signInAs(page, 'auditor');
  await page.getByRole('link', { name: 'alias/demo-sign', exact: true }).click();
  await page.getByRole('tab', { name: 'Public key' }).click();
  await expect(page.getByLabel('Public key (PEM)')).toContainText('-----BEGIN PUBLIC KEY-----');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download DER' }).click();
  expect((await download).suggestedFilename()).toBe('demo-sign.der');
});

test('create a key, alias it, disable it, schedule and cancel its deletion', async ({ page }) => {
  await signInWithAccessKeys(page);
  await expect(identityButton(page, 'admin')).toBeVisible();
  const alias = `alias/e2e-${Date.now()}`;

  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByRole('heading', { name: 'Create key', level: 1 })).toBeVisible();
  await page.getByLabel('Description').fill('Created by the end-to-end test');
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByRole('heading', { name: 'Created by the end-to-end test' })).toHaveCount(
    0,
  );
  await expect(page.getByText(/^Created key [0-9a-f-]{36}$/)).toBeVisible();
  const keyId = /\/keys\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  expect(keyId).toBeTruthy();

  await page.getByRole('tab', { name: 'Aliases' }).click();
  await page.getByRole('button', { name: 'Create alias' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create alias' });
  await dialog.getByLabel('Alias name').fill(alias);
  await dialog.getByRole('button', { name: 'Create alias' }).click();
  await expect(page.getByRole('heading', { name: alias, level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Key actions' }).click();
  await page.getByRole('menuitem', { name: 'Disable' }).click();
  const disable = page.getByRole('dialog', { name: 'Disable key' });
  await disable
    .getByRole('checkbox', { name: 'Confirm that you want to disable this key.' })
    .check();
  await disable.getByRole('button', { name: 'Disable key' }).click();
  await expect(page.getByText(`Disabled ${alias}`)).toBeVisible();
  await expect(page.getByText('Disabled', { exact: true }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Key actions' }).click();
  await page.getByRole('menuitem', { name: 'Schedule key deletion' }).click();
  const schedule = page.getByRole('dialog', { name: 'Schedule key deletion' });
  await schedule.getByLabel('Waiting period (in days)').fill('7');
  await expect(schedule.getByRole('button', { name: 'Schedule deletion' })).toBeDisabled();
  await schedule.getByLabel('To confirm, type "confirm"').fill('confirm');
  await schedule.getByRole('button', { name: 'Schedule deletion' }).click();
  await expect(page.getByText('This key is scheduled for deletion')).toBeVisible();
  await expect(page.getByText('Pending deletion').first()).toBeVisible();

  await page.getByRole('button', { name: 'Key actions' }).click();
  await page.getByRole('menuitem', { name: 'Cancel key deletion' }).click();
  await expect(page.getByText(`Deletion of ${alias} cancelled`)).toBeVisible();
  await expect(page.getByText('This key is scheduled for deletion')).toHaveCount(0);

  // The key table reflects every change without reloading the whole list.
  await page
    .getByRole('navigation', { name: 'Navigation' })
    .getByRole('link', { name: 'Keys', exact: true })
    .click();
  await page.getByRole('searchbox', { name: 'Filter keys' }).fill(alias);
  await expect(keyRow(page, alias)).toContainText('Disabled');
});

test('rotation, grants, tags and the key policy can be managed from key detail', async ({
  page,
  baseURL,
}) => {
  const kms = adminKms(baseURL!);
  const keyId = await createKey(kms, 'managed from key detail');
  kms.destroy();
  await signInWithAccessKeys(page, undefined, `/keys/${keyId}`);
  await expect(page.getByRole('heading', { name: keyId, level: 1 })).toBeVisible();

  await page.getByRole('tab', { name: 'Key rotation' }).click();
  const panel = page.getByRole('tabpanel');
  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  const rotation = page.getByRole('dialog', { name: 'Automatic key rotation' });
  await rotation.getByRole('checkbox', { name: 'Automatically rotate this KMS key' }).check();
  await rotation.getByLabel('Rotation period (in days)').fill('180');
  await rotation.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Automatic rotation every 180 days')).toBeVisible();
  await expect(panel.getByText('180 days')).toBeVisible();
  await panel.getByRole('button', { name: 'Rotate now' }).click();
  await page
    .getByRole('dialog', { name: 'Rotate key material now' })
    .getByRole('button', { name: 'Rotate' })
    .click();
  await expect(page.getByText('Key material rotated')).toBeVisible();
  await expect(panel.getByRole('row').filter({ hasText: 'On demand' })).toBeVisible();

  await page.getByRole('tab', { name: 'Grants' }).click();
  await panel.getByRole('button', { name: 'Create grant' }).click();
  const grant = page.getByRole('dialog', { name: 'Create grant' });
  await grant.getByLabel('Grantee principal').fill('arn:aws:iam::111122223333:role/KmsOperator');
  await grant.getByRole('button', { name: /Operations/ }).click();
  await page.getByRole('option', { name: 'Decrypt', exact: true }).click();
  await page.keyboard.press('Escape');
  await grant.getByLabel('Grant name').fill('e2e-grant');
  await grant.getByRole('button', { name: 'Create grant' }).click();
  const grantRow = panel.getByRole('row').filter({ hasText: 'e2e-grant' });
  await expect(grantRow).toContainText('arn:aws:iam::111122223333:role/KmsOperator');
  await grantRow.getByRole('radio').check();
  await panel.getByRole('button', { name: 'Revoke' }).click();
  await page
    .getByRole('dialog', { name: 'Revoke grant' })
    .getByRole('button', { name: 'Revoke' })
    .click();
  await expect(grantRow).toHaveCount(0);

  await page.getByRole('tab', { name: 'Tags' }).click();
  await panel.getByRole('button', { name: 'Add tag' }).click();
  const tag = page.getByRole('dialog', { name: 'Add tag' });
  await tag.getByLabel('Tag key').fill('team');
  await tag.getByLabel('Tag value').fill('payments');
  await tag.getByRole('button', { name: 'Add tag' }).click();
  const tagRow = panel.getByRole('row').filter({ hasText: 'payments' });
  await expect(tagRow).toBeVisible();
  await tagRow.getByRole('checkbox').check();
  await panel.getByRole('button', { name: 'Remove' }).click();
  await expect(tagRow).toHaveCount(0);

  await page.getByRole('tab', { name: 'Key policy' }).click();
  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  const editor = panel.getByRole('textbox');
  await expect(editor).toBeVisible();
  // An invalid policy is refused before it is sent.
  await editor.press('Control+a');
  await editor.press('Backspace');
  await editor.pressSequentially('{"Version": "2012-10-17", "Statement": [');
  await expect(panel.getByText(/^Not valid JSON/)).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByLabel('Key policy document')).toContainText('"Version": "2012-10-17"');
});
