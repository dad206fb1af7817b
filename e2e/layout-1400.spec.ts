import { expect, test } from './support/test';
import { encryptThenDecryptRefused } from './support/crypto';
import { unreadableCells, wordsBrokenInside } from './support/layout';
import { signInAs } from './support/sign-in';

// A common laptop window: the side navigation open, the page and the Activity drawer beside it.
test.use({ viewport: { width: 1400, height: 900 } });

test('the Activity drawer shows every column whole, identifiers wrapped between words', async ({
  page,
}) => {
  const requestId = await encryptThenDecryptRefused(page, 'layout at 1400 px');

  await page.getByRole('button', { name: 'Activity', exact: true }).click();
  const table = page.getByRole('table', { name: 'Activity' });
  const encryptRow = table.getByRole('row').filter({ hasText: requestId });
  await expect(encryptRow).toContainText('1234abcd-12ab-34cd-56ef-1234567890ab');
  await expect(encryptRow).toContainText(/\d+ ms/);
  await expect(
    table.getByRole('row').filter({ hasText: 'InvalidCiphertextException' }),
  ).toBeVisible();

  expect.soft(await unreadableCells(table)).toEqual([]);
  expect.soft(await wordsBrokenInside(table)).toEqual([]);

  // The whole ARN, account and Region included, is one click away.
  await encryptRow.getByRole('button', { name: '1234abcd-12ab-34cd-56ef-1234567890ab' }).click();
  await expect(page.getByRole('dialog', { name: 'Key ARN' })).toContainText(
    'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  );
});

test('the keys table shows every default column whole', async ({ page }) => {
  await signInAs(page, 'admin');
  const table = page.getByRole('grid', { name: 'Keys' });
  const row = table.getByRole('row').filter({ hasText: 'alias/demo-app' });
  await expect(row).toContainText('SYMMETRIC_DEFAULT');
  await expect(row).toContainText('Enabled');
  for (const header of [
    'Aliases',
    'Key ID',
    'Status',
    'Key spec',
    'Key usage',
    'Creation date',
    'Automatic rotation',
  ]) {
    await expect.soft(table.getByRole('columnheader', { name: header })).toBeInViewport();
  }
  expect.soft(await unreadableCells(table)).toEqual([]);
  expect.soft(await wordsBrokenInside(table)).toEqual([]);
});
