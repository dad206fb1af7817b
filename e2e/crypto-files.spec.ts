import { expect, test } from './support/test';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signInAs } from './support/sign-in';
import { byteField, download, result } from './support/crypto';

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kms-console-files-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function chooseFile(page: import('@playwright/test').Page, field: string, path: string) {
  const group = byteField(page, field);
  await group
    .getByRole('toolbar', { name: 'Input format' })
    .getByRole('button', { name: 'File' })
    .click();
  await group.locator('input[type="file"]').setInputFiles(path);
}

test('file round-trip: upload, encrypt, download, upload, decrypt, same bytes', async ({
  page,
}) => {
  const original = randomBytes(3000);
  writeFileSync(join(dir, 'secret.bin'), original);
  await signInAs(page, 'admin', '/encrypt?keyId=alias/demo-app&context=file=secret.bin');
  await chooseFile(page, 'Plaintext', join(dir, 'secret.bin'));
  await expect(byteField(page, 'Plaintext').getByText('3,000 of 4,096 bytes.')).toBeVisible();
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  const ciphertextGroup = result(page).getByRole('group', { name: 'CiphertextBlob', exact: true });
  const ciphertextPath = await download(
    page,
    ciphertextGroup.getByRole('button', { name: 'Download CiphertextBlob as ciphertext.bin' }),
    dir,
  );

  await page.getByRole('link', { name: 'Decrypt' }).click();
  await expect(page.getByRole('heading', { name: 'Decrypt', level: 1 })).toBeVisible();
  await chooseFile(page, 'Ciphertext', ciphertextPath);
  const contextEditor = page.getByRole('group', { name: 'Encryption context', exact: true });
  await contextEditor.getByRole('button', { name: 'Add pair' }).click();
  await contextEditor.getByRole('textbox', { name: 'Context key' }).fill('file');
  await contextEditor.getByRole('textbox', { name: 'Context value' }).fill('secret.bin');
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  const plaintextGroup = result(page).getByRole('group', { name: 'Plaintext', exact: true });
  // Random bytes are not UTF-8: the console shows them as base64 by default.
  await expect(plaintextGroup.getByRole('textbox', { name: 'Plaintext (Base64)' })).toHaveText(
    original.toString('base64'),
  );
  const decryptedPath = await download(
    page,
    plaintextGroup.getByRole('button', { name: /^Download/ }),
    dir,
  );
  expect(readFileSync(decryptedPath).equals(original)).toBe(true);
});

test('a file over the limit is refused before any request is sent', async ({ page }) => {
  writeFileSync(join(dir, 'big.bin'), randomBytes(5000));
  await signInAs(page, 'admin', '/encrypt?keyId=alias/demo-app');
  const requests: string[] = [];
  page.on('request', (request) => {
    const target = request.headers()['x-amz-target'];
    if (target) requests.push(target);
  });
  await chooseFile(page, 'Plaintext', join(dir, 'big.bin'));
  await expect(
    page.getByText('big.bin is 5,000 bytes: Encrypt takes at most 4,096 bytes. Nothing was sent.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await expect(result(page)).toHaveCount(0);
  expect(requests.filter((target) => target.endsWith('.Encrypt'))).toEqual([]);
});
