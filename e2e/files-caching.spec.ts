import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { chooseEncrypted, chooseFiles, download, openTab, sampleFile } from './support/files';
import { signInAs } from './support/sign-in';

function counter(page: Page, testId: 'kms-calls-made' | 'kms-calls-saved' | 'cache-hits') {
  return page.getByTestId(testId);
}

async function encryptAll(page: Page, names: string[]) {
  const tab = await openTab(page, 'Encrypt files');
  await chooseFiles(
    tab,
    names.map((name) => sampleFile(name, 50_000)),
  );
  await tab.getByRole('button', { name: 'Encrypt', exact: true }).click();
  const messages = [];
  for (const name of names) {
    messages.push({
      ...(await download(page, `${name}.encrypted`)),
      mimeType: 'application/octet-stream',
    });
  }
  return messages;
}

test('without caching, every file costs its own KMS calls', async ({ page }) => {
  await signInAs(page, 'admin', '/files?keyId=alias/demo-app&context=department=finance');
  await encryptAll(page, ['a.txt', 'b.txt', 'c.txt']);
  await expect(counter(page, 'kms-calls-made')).toHaveText('3');
  await expect(counter(page, 'kms-calls-saved')).toHaveText('0');
});

test('with caching, one data key serves several files, within the limits', async ({ page }) => {
  await signInAs(page, 'admin', '/files?keyId=alias/demo-app&context=department=finance');
  await page.getByRole('checkbox', { name: 'Cache data keys' }).check();
  await expect(page.getByText('A cached data key protects more than one file')).toBeVisible();

  // One GenerateDataKey for three files.
  const messages = await encryptAll(page, ['a.txt', 'b.txt', 'c.txt']);
  await expect(counter(page, 'kms-calls-made')).toHaveText('1');
  await expect(counter(page, 'kms-calls-saved')).toHaveText('2');
  await expect(counter(page, 'cache-hits')).toHaveText('2');

  // They share the data key, so one Decrypt serves all three.
  const tab = await chooseEncrypted(page, messages);
  await tab.getByRole('button', { name: 'Decrypt', exact: true }).click();
  for (const name of ['a.txt', 'b.txt', 'c.txt']) await download(page, name);
  await expect(counter(page, 'kms-calls-made')).toHaveText('2');
  await expect(counter(page, 'kms-calls-saved')).toHaveText('4');

  // "Maximum messages" 2: the third file needs a fresh data key.
  await page.getByRole('spinbutton', { name: 'Maximum messages' }).fill('2');
  await page.getByRole('checkbox', { name: 'Cache data keys' }).uncheck();
  await page.getByRole('checkbox', { name: 'Cache data keys' }).check();
  await expect(page.getByRole('spinbutton', { name: 'Maximum messages' })).toHaveValue('2');
  await encryptAll(page, ['d.txt', 'e.txt', 'f.txt']);
  await expect(counter(page, 'kms-calls-made')).toHaveText('4');
  await expect(counter(page, 'kms-calls-saved')).toHaveText('5');
});
