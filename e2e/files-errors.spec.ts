import { expect, test } from './support/test';
import { setContext } from './support/crypto';
import {
  chooseEncrypted,
  DEMO_KEY_ARN,
  encryptInConsole,
  fileError,
  inspector,
  kmsCallsOf,
  results,
  sampleFile,
  type FilePayload,
} from './support/files';
import { signInAs, signOut } from './support/sign-in';

/*
 * Each failure gets its own message, costs no KMS call when it can be found without KMS, and
 * never produces a download.
 */

async function encryptedSample(page: import('@playwright/test').Page): Promise<FilePayload> {
  await signInAs(page, 'admin', '/files');
  return encryptInConsole(page, sampleFile('ledger.csv', 300_000), {
    keys: ['alias/demo-app'],
    context: 'department=finance',
  });
}

function expectNoDownload(page: import('@playwright/test').Page, fileName: string) {
  return expect(
    results(page).getByRole('button', { name: `Download ${fileName}`, exact: true }),
  ).toHaveCount(0);
}

test('a wrong encryption context is refused before KMS is called', async ({ page }) => {
  const encrypted = await encryptedSample(page);
  const tab = await chooseEncrypted(page, [encrypted]);
  await setContext(tab, 'department=engineering');
  await tab.getByRole('button', { name: 'Decrypt', exact: true }).click();

  const alert = fileError(page, 'ledger.csv.encrypted');
  await expect(alert).toContainText('The encryption context does not match');
  await expect(alert).toContainText(
    'Expected department=engineering; the message has department=finance.',
  );
  await expect(kmsCallsOf(page, 'ledger.csv.encrypted')).toHaveText('0');
  await expectNoDownload(page, 'ledger.csv');
});

test('a truncated file is refused clearly', async ({ page }) => {
  const encrypted = await encryptedSample(page);
  const truncated = {
    ...encrypted,
    name: 'cut.encrypted',
    buffer: encrypted.buffer.subarray(0, encrypted.buffer.length - 1000),
  };
  const tab = await chooseEncrypted(page, [truncated]);
  // The header is intact, so the inspector still shows it.
  await expect(inspector(page, 'cut.encrypted')).toContainText(DEMO_KEY_ARN);
  await tab.getByRole('button', { name: 'Decrypt', exact: true }).click();

  const alert = fileError(page, 'cut.encrypted');
  await expect(alert).toContainText('The file is truncated');
  await expect(alert).toContainText('The message ends inside frame 1');
  await expect(kmsCallsOf(page, 'cut.encrypted')).toHaveText('0');
  await expectNoDownload(page, 'cut');
});

test('a file cut inside its header is refused by the inspector and the decryption', async ({
  page,
}) => {
  const encrypted = await encryptedSample(page);
  const stub = { ...encrypted, name: 'stub.encrypted', buffer: encrypted.buffer.subarray(0, 40) };
  const tab = await chooseEncrypted(page, [stub]);
  await expect(inspector(page, 'stub.encrypted')).toContainText('The file is truncated');
  await tab.getByRole('button', { name: 'Decrypt', exact: true }).click();
  await expect(fileError(page, 'stub.encrypted')).toContainText('The file is truncated');
});

test('a damaged file fails authentication and produces nothing', async ({ page }) => {
  const encrypted = await encryptedSample(page);
  const damaged = Buffer.from(encrypted.buffer);
  // A byte in the middle of the body (the first frame's ciphertext).
  damaged[Math.floor(damaged.length / 2)] ^= 0x01;
  const tab = await chooseEncrypted(page, [
    { ...encrypted, name: 'bad.encrypted', buffer: damaged },
  ]);
  await tab.getByRole('button', { name: 'Decrypt', exact: true }).click();

  const alert = fileError(page, 'bad.encrypted');
  await expect(alert).toContainText('The file is damaged');
  await expect(alert).toContainText('failed AES-GCM authentication');
  await expectNoDownload(page, 'bad');
});

test('a file that is not an encrypted message says so', async ({ page }) => {
  await signInAs(page, 'admin', '/files');
  const plain = sampleFile('photo.jpg', 5000);
  plain.buffer[0] = 0xff; // not a message format version
  const tab = await chooseEncrypted(page, [plain]);
  await expect(inspector(page, 'photo.jpg')).toContainText('Not an encrypted file');
  await tab.getByRole('button', { name: 'Decrypt', exact: true }).click();
  await expect(fileError(page, 'photo.jpg')).toContainText('Not an encrypted file');
});

test('a principal who may not use the key gets KMS’s answer, explained', async ({ page }) => {
  const encrypted = await encryptedSample(page);
  // The Cognito guest role may encrypt but not decrypt.
  await signOut(page);
  await signInAs(page, 'guest', '/files');
  const tab = await chooseEncrypted(page, [encrypted]);
  await tab.getByRole('button', { name: 'Decrypt', exact: true }).click();

  const alert = fileError(page, 'ledger.csv.encrypted');
  await expect(alert).toContainText('KMS did not decrypt the data key');
  await expect(alert).toContainText('AccessDeniedException');
  await expect(alert).toContainText('kms:Decrypt');
  await expect(kmsCallsOf(page, 'ledger.csv.encrypted')).toHaveText('1');
  await expectNoDownload(page, 'ledger.csv');
});
