import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/test';
import { encryptThenDecryptRefused } from './support/crypto';

test('the activity panel lists the session’s calls without their plaintext', async ({ page }) => {
  const secret = 'activity-panel-secret-7f3a';
  const requestId = await encryptThenDecryptRefused(page, secret);

  await page.getByRole('button', { name: 'Activity', exact: true }).click();
  const table = page.getByRole('table', { name: 'Activity' });
  const encryptRow = table
    .getByRole('row')
    .filter({ hasText: 'Encrypt' })
    .filter({ hasText: requestId });
  // The key id (its ARN is one click away: e2e/layout-1400.spec.ts).
  await expect(encryptRow).toContainText('1234abcd-12ab-34cd-56ef-1234567890ab');
  await expect(encryptRow).toContainText('Succeeded');
  await expect(encryptRow).toContainText(/\d+ ms/);
  const decryptRow = table.getByRole('row').filter({ hasText: 'Decrypt' });
  await expect(decryptRow).toContainText('InvalidCiphertextException');
  await expect(table).not.toContainText(secret);
  // Key lookups (DescribeKey, ListAliases) are hidden until asked for.
  await expect(table).not.toContainText('DescribeKey');
  await page.getByLabel('Cryptographic operations only').uncheck();
  await expect(table).toContainText('DescribeKey');

  const violations = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});
