import { expect, test } from './support/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signInAs } from './support/sign-in';
import {
  ADMIN_CREDENTIALS,
  byteField,
  fillBytes,
  inputFormat,
  outputValue,
  pasteBytes,
  resultField,
} from './support/crypto';

/*
 * Bytes pasted as users paste them: what the AWS CLI prints (base64), or hex, straight into the
 * form as it opens. Switching the format reads the same text in the other format; converting
 * happens only when asked.
 */

const PLAINTEXT = 'Quarterly numbers, draft 3';

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kms-console-paste-'));
  writeFileSync(join(dir, 'plaintext.txt'), PLAINTEXT);
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** What `aws kms <command> … --output text` prints, run against this test's sandbox. */
function awsCli(baseURL: string | undefined, args: string[]): string {
  return execFileSync(
    'aws',
    ['kms', ...args, '--endpoint-url', baseURL ?? '', '--output', 'text'],
    { cwd: dir, env: { ...process.env, ...ADMIN_CREDENTIALS }, encoding: 'utf8' },
  ).trim();
}

/** `aws kms encrypt --key-id alias/demo-app --plaintext fileb://… --query CiphertextBlob`. */
function cliCiphertext(baseURL: string | undefined): string {
  return awsCli(baseURL, [
    'encrypt',
    '--key-id',
    'alias/demo-app',
    '--plaintext',
    'fileb://plaintext.txt',
    '--query',
    'CiphertextBlob',
  ]);
}

test('a CiphertextBlob printed by the AWS CLI decrypts when pasted into Decrypt as it opens', async ({
  page,
  baseURL,
}) => {
  const ciphertext = cliCiphertext(baseURL);
  await signInAs(page, 'admin', '/decrypt');
  await expect(inputFormat(page, 'Ciphertext')).toHaveText('Base64');
  await pasteBytes(page, 'Ciphertext', ciphertext);
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  expect(await outputValue(page, 'Plaintext', 'Text (UTF-8)')).toBe(PLAINTEXT);
});

test('a MAC pasted as hex is recognised as hex, and VerifyMac accepts it', async ({
  page,
  baseURL,
}) => {
  const mac = awsCli(baseURL, [
    'generate-mac',
    '--key-id',
    'alias/demo-hmac',
    '--mac-algorithm',
    'HMAC_SHA_256',
    '--message',
    'fileb://plaintext.txt',
    '--query',
    'Mac',
  ]);
  // Hex as `xxd -p` or `openssl dgst -hex` print a MAC.
  const hex = Buffer.from(mac, 'base64').toString('hex');
  await signInAs(page, 'admin', '/mac?keyId=alias/demo-hmac');
  await page.getByRole('tab', { name: 'VerifyMac' }).click();
  await fillBytes(page, 'Message', PLAINTEXT);
  await pasteBytes(page, 'Mac', hex);
  await expect(inputFormat(page, 'Mac')).toHaveText('Hex');
  await expect(byteField(page, 'Mac')).toContainText(
    'Recognised as Hex when pasted: the text is read as Hex (32 bytes).',
  );
  await page.getByRole('button', { name: 'Verify MAC', exact: true }).click();
  await expect(resultField(page, 'MacValid')).toContainText('true');
});

test('base64 pasted while Text is chosen: Decrypt says so first and retries it as Base64 in one click', async ({
  page,
  baseURL,
}) => {
  const ciphertext = cliCiphertext(baseURL);
  await signInAs(page, 'admin', '/decrypt');
  await fillBytes(page, 'Ciphertext', ciphertext, 'Text (UTF-8)');
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  const failure = page.getByRole('alert').filter({ hasText: 'InvalidCiphertextException' });
  await expect(failure).toContainText('The ciphertext was read as text, but it looks like base64');
  await failure.getByRole('button', { name: 'Retry as Base64' }).click();
  expect(await outputValue(page, 'Plaintext', 'Text (UTF-8)')).toBe(PLAINTEXT);
  await expect(inputFormat(page, 'Ciphertext')).toHaveText('Base64');
  await expect(byteField(page, 'Ciphertext').getByRole('textbox')).toHaveValue(ciphertext);
});

test('with Base64 already chosen, a ciphertext that does not decrypt gets no base64 advice', async ({
  page,
  baseURL,
}) => {
  const ciphertext = cliCiphertext(baseURL);
  await signInAs(page, 'admin', '/decrypt?context=department=finance');
  await pasteBytes(page, 'Ciphertext', ciphertext);
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  const failure = page.getByRole('alert').filter({ hasText: 'InvalidCiphertextException' });
  await expect(failure).toContainText('The encryption context differs');
  await expect(failure).not.toContainText(/base64/i);
  await expect(failure.getByRole('button', { name: 'Retry as Base64' })).toHaveCount(0);
});

test('plaintext that looks like base64 is offered as Base64; switching reads the same text', async ({
  page,
}) => {
  const encoded = Buffer.from(PLAINTEXT).toString('base64');
  await signInAs(page, 'admin', '/encrypt?keyId=alias/demo-app');
  await pasteBytes(page, 'Plaintext', encoded);
  const plaintext = byteField(page, 'Plaintext');
  await expect(inputFormat(page, 'Plaintext')).toHaveText('Text (UTF-8)');
  await plaintext.getByRole('button', { name: 'Read as Base64' }).click();
  await expect(plaintext.getByRole('textbox')).toHaveValue(encoded);
  await expect(plaintext).toContainText(
    `The same text is now read as Base64 (${PLAINTEXT.length} bytes); nothing was converted.`,
  );
  await expect(plaintext).toContainText(`${PLAINTEXT.length} of 4,096 bytes.`);
});

test('switching the format converts the bytes only when asked, and says so', async ({ page }) => {
  await signInAs(page, 'admin', '/encrypt?keyId=alias/demo-app');
  await fillBytes(page, 'Plaintext', 'hello');
  const plaintext = byteField(page, 'Plaintext');
  await plaintext
    .getByRole('toolbar', { name: 'Input format' })
    .getByRole('button', { name: 'Base64' })
    .click();
  await expect(plaintext.getByRole('textbox')).toHaveValue('hello');
  await expect(plaintext).toContainText(
    'The same text is now read as Base64; nothing was converted.',
  );
  await plaintext
    .getByRole('button', { name: 'Convert the 5 bytes read as Text (UTF-8) to Base64 instead' })
    .click();
  await expect(plaintext.getByRole('textbox')).toHaveValue('aGVsbG8=');
  await expect(plaintext).toContainText(
    'Converted: the 5 bytes read as Text (UTF-8) are now written in Base64.',
  );
});
