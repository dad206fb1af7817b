import { expect, test } from './support/test';
import { setContext } from './support/crypto';
import { expectNoSeriousViolations } from './support/axe';
import {
  chooseEncrypted,
  chooseFiles,
  DEMO_KEY_ARN,
  download,
  encryptInConsole,
  inspector,
  openTab,
  PARTNER_KEY_ARN,
  results,
  sampleFile,
} from './support/files';
import { signInAs } from './support/sign-in';

test('encrypt a file under two keys with a context, inspect it, decrypt it, same bytes', async ({
  page,
}) => {
  await signInAs(page, 'admin', '/files?keyId=alias/demo-app&context=department=finance');
  await expect(page.getByRole('heading', { name: 'Files', level: 1 })).toBeVisible();

  const original = sampleFile('report.bin', 3 * 1024 * 1024 + 17);
  const encryptTab = await openTab(page, 'Encrypt files');
  await expect(encryptTab.getByRole('textbox', { name: 'Key 1' })).toHaveValue('alias/demo-app');
  await encryptTab.getByRole('button', { name: 'Add key' }).click();
  await encryptTab.getByRole('textbox', { name: 'Key 2' }).fill(PARTNER_KEY_ARN);
  await setContext(encryptTab, 'department=finance,team=payments');
  await chooseFiles(encryptTab, [original]);
  await encryptTab.getByRole('button', { name: 'Encrypt', exact: true }).click();

  const encrypted = await download(page, 'report.bin.encrypted');
  expect(encrypted.name).toBe('report.bin.encrypted');
  // The AWS Encryption SDK message format, version 2 (key commitment), signed suite 0x0578.
  expect(encrypted.buffer[0]).toBe(0x02);
  expect(encrypted.buffer.readUInt16BE(1)).toBe(0x0578);
  expect(encrypted.buffer.includes(original.buffer.subarray(0, 64))).toBe(false);
  // One GenerateDataKey (demo key) and one Encrypt (partner key).
  const encryptRow = results(page).getByRole('row').filter({ hasText: 'report.bin.encrypted' });
  await expect(encryptRow.getByRole('cell').nth(3)).toHaveText('2');

  const decryptTab = await openTab(page, 'Decrypt files');
  await chooseFiles(decryptTab, [{ ...encrypted, mimeType: 'application/octet-stream' }]);
  const header = inspector(page, 'report.bin.encrypted');
  await expect(header).toContainText('ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY_ECDSA_P384');
  await expect(header).toContainText('1048576 bytes');
  await expect(header).toContainText('department=finance');
  await expect(header).toContainText('team=payments');
  await expect(header).toContainText(DEMO_KEY_ARN);
  await expect(header).toContainText(PARTNER_KEY_ARN);
  await expect(decryptTab.getByRole('checkbox', { name: DEMO_KEY_ARN })).toBeChecked();
  await expect(decryptTab.getByRole('checkbox', { name: PARTNER_KEY_ARN })).toBeChecked();

  await setContext(decryptTab, 'department=finance');
  await decryptTab.getByRole('button', { name: 'Decrypt', exact: true }).click();
  const decrypted = await download(page, 'report.bin');
  expect(decrypted.name).toBe('report.bin');
  expect(decrypted.buffer.equals(original.buffer)).toBe(true);
});

test('decrypt with only the partner key available', async ({ page }) => {
  await signInAs(page, 'admin', '/files');
  const original = sampleFile('partner.bin', 200_000);
  const encryptTab = await openTab(page, 'Encrypt files');
  await encryptTab.getByRole('textbox', { name: 'Key 1' }).fill('alias/demo-app');
  await encryptTab.getByRole('button', { name: 'Add key' }).click();
  await encryptTab.getByRole('textbox', { name: 'Key 2' }).fill(PARTNER_KEY_ARN);
  await chooseFiles(encryptTab, [original]);
  await encryptTab.getByRole('button', { name: 'Encrypt', exact: true }).click();
  const encrypted = await download(page, 'partner.bin.encrypted');

  const decryptTab = await openTab(page, 'Decrypt files');
  await chooseFiles(decryptTab, [{ ...encrypted, mimeType: 'application/octet-stream' }]);
  await decryptTab.getByRole('checkbox', { name: DEMO_KEY_ARN }).uncheck();
  await expect(decryptTab.getByRole('checkbox', { name: PARTNER_KEY_ARN })).toBeChecked();
  await decryptTab.getByRole('button', { name: 'Decrypt', exact: true }).click();
  const decrypted = await download(page, 'partner.bin');
  expect(decrypted.buffer.equals(original.buffer)).toBe(true);
  // Exactly one KMS call: Decrypt of the copy under the partner key.
  const row = results(page).getByRole('row').filter({ hasText: 'partner.bin.encrypted' });
  await expect(row.getByRole('cell').nth(3)).toHaveText('1');
});

test('the Files page has no serious accessibility violations', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, 'admin', '/files?keyId=alias/demo-app&context=department=finance');
  await expect(page.getByRole('heading', { name: 'Files', level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page, 'Files: encrypt');
  const encrypted = await encryptInConsole(page, sampleFile('a11y.bin', 1000), {
    keys: ['alias/demo-app'],
  });
  await page.getByRole('checkbox', { name: 'Cache data keys' }).check();
  await expectNoSeriousViolations(page, 'Files: result and caching');
  const tab = await chooseEncrypted(page, [encrypted]);
  await setContext(tab, 'department=engineering');
  await tab.getByRole('button', { name: 'Decrypt', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'a11y.bin.encrypted:' })).toBeVisible();
  await expectNoSeriousViolations(page, 'Files: decrypt, inspector and error');
});
