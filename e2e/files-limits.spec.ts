import { createHash, randomFillSync } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/test';
import { inspector, openTab, results } from './support/files';
import { signInAs } from './support/sign-in';

const MIB = 1024 * 1024;

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

test('a file above 256 MiB is refused up front, with the limit', async ({ page }) => {
  // A sparse file: 257 MiB long, nothing written, so the test costs no disk or time.
  const dir = await mkdtemp(join(tmpdir(), 'kms-files-'));
  const path = join(dir, 'huge.iso');
  const handle = await open(path, 'w');
  await handle.truncate(257 * 1024 * 1024);
  await handle.close();
  try {
    await signInAs(page, 'admin', '/files?keyId=alias/demo-app');
    const tab = await openTab(page, 'Encrypt files');
    await tab.locator('input[type="file"]').setInputFiles(path);
    await expect(
      tab.getByText('257 MiB is more than the 256 MiB the console can encrypt in the browser.'),
    ).toBeVisible();
    await tab.getByRole('button', { name: 'Encrypt', exact: true }).click();
    await expect(results(page).getByText('huge.iso')).toHaveCount(0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a 256 MiB file from disk encrypts and decrypts back in the page', async ({ page }) => {
  test.setTimeout(300_000);
  const dir = await mkdtemp(join(tmpdir(), 'kms-files-'));
  try {
    // Random content (incompressible), written in 1 MiB chunks.
    const path = join(dir, 'big.bin');
    const handle = await open(path, 'w');
    const chunk = Buffer.alloc(MIB);
    for (let written = 0; written < 256 * MIB; written += MIB) {
      await handle.write(randomFillSync(chunk));
    }
    await handle.close();
    const expected = await sha256(path);

    await signInAs(page, 'admin', '/files?keyId=alias/demo-app');
    const tab = await openTab(page, 'Encrypt files');
    await tab.locator('input[type="file"]').setInputFiles(path);
    await tab.getByRole('button', { name: 'Encrypt', exact: true }).click();
    const encryptedButton = results(page).getByRole('button', {
      name: 'Download big.bin.encrypted',
    });
    await expect(encryptedButton).toBeVisible({ timeout: 120_000 });
    const [encrypted] = await Promise.all([page.waitForEvent('download'), encryptedButton.click()]);
    const encryptedPath = join(dir, 'big.bin.encrypted');
    await encrypted.saveAs(encryptedPath);
    // A large result leaves memory once downloaded (Chromium's Blob store is limited).
    await expect(
      results(page).getByRole('row').filter({ hasText: 'big.bin' }).first(),
    ).toContainText('Downloaded; released from memory');

    const decryptTab = await openTab(page, 'Decrypt files');
    await decryptTab.locator('input[type="file"]').setInputFiles(encryptedPath);
    await expect(inspector(page, 'big.bin.encrypted')).toContainText('1048576 bytes');
    await decryptTab.getByRole('button', { name: 'Decrypt', exact: true }).click();
    const decryptedButton = results(page).getByRole('button', {
      name: 'Download big.bin',
      exact: true,
    });
    await expect(decryptedButton).toBeVisible({ timeout: 120_000 });
    const [decrypted] = await Promise.all([page.waitForEvent('download'), decryptedButton.click()]);
    const decryptedPath = join(dir, 'big.out');
    await decrypted.saveAs(decryptedPath);
    expect(await sha256(decryptedPath)).toBe(expected);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
