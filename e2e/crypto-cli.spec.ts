import { expect, test } from './support/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signInAs } from './support/sign-in';
import {
  ADMIN_CREDENTIALS,
  copyAsCli,
  download,
  fillBytes,
  outputValue,
  chooseKey,
  result,
  resultField,
  setContext,
} from './support/crypto';

/*
 * "Copy as AWS CLI" must be the same request: each test runs the copied command with the real
 * AWS CLI against the same sandbox, in a directory holding the files it names, and compares the
 * result with the console's.
 */

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kms-console-cli-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

function runCli(command: string): string {
  return execFileSync('/bin/sh', ['-c', command], {
    cwd: dir,
    env: { ...process.env, ...ADMIN_CREDENTIALS },
    encoding: 'utf8',
  });
}

const PLAINTEXT = 'Pay 100 € to Zoë';
const CONTEXT = '/encrypt?keyId=alias/demo-app&context=department=finance,team=payments';

test('Encrypt: the CLI command encrypts the same bytes under the same key and context', async ({
  page,
  baseURL,
}) => {
  await signInAs(page, 'admin', CONTEXT);
  await fillBytes(page, 'Plaintext', PLAINTEXT);
  const command = await copyAsCli(page);
  expect(command).toContain(`--endpoint-url ${baseURL}`);
  expect(command).toContain('--plaintext fileb://plaintext.bin');
  expect(command).toContain('--encryption-context department=finance,team=payments');
  expect(command).toContain('--query CiphertextBlob');
  expect(command).toMatch(/\| base64 --decode > ciphertext\.bin$/);
  expect(command).not.toContain(PLAINTEXT);

  const box = page.getByRole('region', { name: 'AWS CLI command' });
  await download(page, box.getByRole('button', { name: 'Download plaintext.bin' }), dir);
  expect(readFileSync(join(dir, 'plaintext.bin'), 'utf8')).toBe(PLAINTEXT);
  runCli(command);
  const cliCiphertext = readFileSync(join(dir, 'ciphertext.bin'));

  // The console's own result, and the CLI's ciphertext decrypted by the console: same key, same text.
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  const keyArn = (await resultField(page, 'KeyId').textContent())?.replace('KeyId', '');
  expect(keyArn).toContain(':key/1234abcd-12ab-34cd-56ef-1234567890ab');
  const consoleCiphertext = Buffer.from(await outputValue(page, 'CiphertextBlob'), 'base64');
  expect(cliCiphertext.length).toBe(consoleCiphertext.length);

  await page.goto('/decrypt?context=department=finance,team=payments');
  await fillBytes(page, 'Ciphertext', cliCiphertext.toString('base64'), 'Base64');
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  expect(await outputValue(page, 'Plaintext', 'Text (UTF-8)')).toBe(PLAINTEXT);
  await expect(resultField(page, 'KeyId')).toContainText(keyArn!);
});

test('Decrypt: the CLI command decrypts the same ciphertext to the same plaintext', async ({
  page,
}) => {
  await signInAs(page, 'admin', CONTEXT);
  await fillBytes(page, 'Plaintext', PLAINTEXT);
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await result(page).getByRole('button', { name: 'Send to Decrypt' }).click();
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  const consolePlaintext = await outputValue(page, 'Plaintext', 'Hex');

  const command = await copyAsCli(page);
  expect(command).toContain('--ciphertext-blob fileb://ciphertext.bin');
  expect(command).toContain('--key-id alias/demo-app');
  expect(command).toMatch(
    /--query Plaintext \\\n {2}--output text \| base64 --decode > plaintext\.bin$/,
  );
  const box = page.getByRole('region', { name: 'AWS CLI command' });
  await download(page, box.getByRole('button', { name: 'Download ciphertext.bin' }), dir);
  runCli(command);
  expect(readFileSync(join(dir, 'plaintext.bin')).toString('hex')).toBe(consolePlaintext);
  expect(readFileSync(join(dir, 'plaintext.bin'), 'utf8')).toBe(PLAINTEXT);
});

test('ReEncrypt: the CLI command re-encrypts under the same destination key and context', async ({
  page,
}) => {
  await signInAs(page, 'admin', '/encrypt?keyId=alias/demo-app&context=department=finance');
  await fillBytes(page, 'Plaintext', PLAINTEXT);
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await result(page).getByRole('button', { name: 'Send to Re-encrypt' }).click();
  await chooseKey(page, 'alias/demo-restricted', 'Destination key');
  await setContext(page, 'department=finance,stage=archived', 'Destination encryption context');
  await page.getByRole('button', { name: 'Re-encrypt', exact: true }).click();
  const consoleKey = (await resultField(page, 'KeyId').textContent())!.replace('KeyId', '');
  const consoleBlob = Buffer.from(await outputValue(page, 'CiphertextBlob'), 'base64');

  const command = await copyAsCli(page);
  expect(command).toContain('aws kms re-encrypt');
  expect(command).toContain('--source-encryption-context department=finance');
  expect(command).toContain('--destination-key-id alias/demo-restricted');
  expect(command).toContain('--destination-encryption-context department=finance,stage=archived');
  const box = page.getByRole('region', { name: 'AWS CLI command' });
  await download(page, box.getByRole('button', { name: 'Download ciphertext.bin' }), dir);
  runCli(command);
  const cliBlob = readFileSync(join(dir, 're-encrypted.bin'));
  expect(cliBlob.length).toBe(consoleBlob.length);

  // Both new ciphertexts decrypt under the destination key and context to the same plaintext.
  writeFileSync(join(dir, 'console.bin'), consoleBlob);
  for (const file of ['re-encrypted.bin', 'console.bin']) {
    const answer = JSON.parse(
      runCli(
        `aws kms decrypt --endpoint-url ${new URL(page.url()).origin} --ciphertext-blob fileb://${file} ` +
          '--encryption-context department=finance,stage=archived --output json',
      ),
    ) as { KeyId: string; Plaintext: string };
    expect(answer.KeyId).toBe(consoleKey);
    expect(Buffer.from(answer.Plaintext, 'base64').toString('utf8')).toBe(PLAINTEXT);
  }
});

test('GenerateDataKey: the CLI command makes a data key of the same size under the same key', async ({
  page,
}) => {
  await signInAs(page, 'admin', '/data-keys?keyId=alias/demo-app&context=purpose=cli');
  await page.getByRole('button', { name: 'Generate data key', exact: true }).click();
  const consoleBlob = Buffer.from(await outputValue(page, 'CiphertextBlob'), 'base64');
  await result(page).getByRole('button', { name: 'Show Plaintext' }).click();
  const consoleKey = Buffer.from(await outputValue(page, 'Plaintext'), 'base64');

  const command = await copyAsCli(page);
  expect(command).toContain('aws kms generate-data-key');
  expect(command).toContain('--key-spec AES_256');
  expect(command).toContain('--encryption-context purpose=cli');
  runCli(command);
  const cliKey = readFileSync(join(dir, 'data-key.bin'));
  const cliBlob = readFileSync(join(dir, 'data-key.encrypted.bin'));
  expect(cliKey.length).toBe(consoleKey.length);
  expect(cliBlob.length).toBe(consoleBlob.length);
  expect(cliKey.equals(consoleKey)).toBe(false);

  // The console decrypts the CLI's encrypted data key (uploaded as a file) to the CLI's data key.
  await page.goto('/decrypt?context=purpose=cli');
  const ciphertext = page.getByRole('group', { name: 'Ciphertext', exact: true });
  await ciphertext
    .getByRole('toolbar', { name: 'Input format' })
    .getByRole('button', { name: 'File' })
    .click();
  await ciphertext.locator('input[type="file"]').setInputFiles(join(dir, 'data-key.encrypted.bin'));
  await expect(ciphertext.getByText(`${cliBlob.length} of 6,144 bytes.`)).toBeVisible();
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  expect(Buffer.from(await outputValue(page, 'Plaintext'), 'base64').equals(cliKey)).toBe(true);
  await expect(resultField(page, 'KeyId')).toContainText(
    'key/1234abcd-12ab-34cd-56ef-1234567890ab',
  );
});
