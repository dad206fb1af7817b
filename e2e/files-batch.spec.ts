import type { Route } from '@playwright/test';
import { expect, test } from './support/test';
import {
  chooseEncrypted,
  chooseFiles,
  download,
  openTab,
  results,
  sampleFile,
} from './support/files';
import { signInAs } from './support/sign-in';

test('several files in one go: each its own message, each decrypts back', async ({ page }) => {
  await signInAs(page, 'admin', '/files?keyId=alias/demo-app');
  const originals = [
    sampleFile('one.bin', 10),
    sampleFile('two.bin', 1024 * 1024),
    sampleFile('three.bin', 0),
  ];
  const encryptTab = await openTab(page, 'Encrypt files');
  await chooseFiles(encryptTab, originals);
  await encryptTab.getByRole('button', { name: 'Encrypt', exact: true }).click();
  const encrypted = [];
  for (const file of originals) {
    const message = await download(page, `${file.name}.encrypted`);
    encrypted.push({ ...message, mimeType: 'application/octet-stream' });
  }

  const decryptTab = await chooseEncrypted(page, encrypted);
  await decryptTab.getByRole('button', { name: 'Decrypt', exact: true }).click();
  for (const file of originals) {
    const clear = await download(page, file.name);
    expect(clear.buffer.equals(file.buffer)).toBe(true);
  }
});

test('progress, and cancel of a running and of a waiting file', async ({ page }) => {
  await signInAs(page, 'admin', '/files?keyId=alias/demo-app');
  // Hold the first GenerateDataKey, so the first file is deterministically still running.
  let held: Route | undefined;
  const seen = new Promise<void>((resolve) => {
    void page.route('**/*', async (route) => {
      const target = route.request().headers()['x-amz-target'];
      if (target === 'TrentService.GenerateDataKey' && !held) {
        held = route;
        resolve();
        return;
      }
      await route.continue();
    });
  });

  const tab = await openTab(page, 'Encrypt files');
  await chooseFiles(tab, [
    sampleFile('a.bin', 4096),
    sampleFile('b.bin', 4096),
    sampleFile('c.bin', 4096),
  ]);
  await tab.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await seen;

  const row = (name: string) => results(page).getByRole('row').filter({ hasText: name });
  await expect(row('a.bin')).toContainText('Calling KMS for the data key');
  await expect(page.getByRole('progressbar', { name: 'Progress of a.bin' })).toBeVisible();
  await expect(row('b.bin')).toContainText('Waiting');
  await expect(row('c.bin')).toContainText('Waiting');

  await results(page).getByRole('button', { name: 'Cancel c.bin' }).click();
  await expect(row('c.bin')).toContainText('Cancelled');
  await results(page).getByRole('button', { name: 'Cancel a.bin' }).click();
  await expect(row('a.bin')).toContainText('Cancelled');
  // The browser already dropped the held request; let the route go either way.
  await held?.continue().catch(() => undefined);

  await download(page, 'b.bin.encrypted');
  for (const name of ['a.bin', 'c.bin']) {
    await expect(row(name).getByRole('button', { name: /^Download/ })).toHaveCount(0);
  }
});
