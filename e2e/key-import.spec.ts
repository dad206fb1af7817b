import type { Locator, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byteField, download, fillBytes, outputValue, pasteBytes, runCli } from './support/crypto';
import { expect, test } from './support/test';
import { signInAs } from './support/sign-in';

/*
 * Importing key material as a user does it: create a key with origin External, get a wrapping
 * public key and import token, wrap the key material (with OpenSSL as the developer guide shows,
 * or in the browser), import it, and use the key.
 */

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kms-console-import-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Create key → External (import key material); returns the key id from the detail page URL. */
async function createExternalKey(
  page: Page,
  description: string,
  type?: { tile: string; usage: string; spec: string },
): Promise<string> {
  await page.getByRole('button', { name: 'Create key' }).click();
  if (type) {
    await page.getByText(type.tile, { exact: true }).click();
    await page.getByRole('radio', { name: type.usage }).check();
    await choose(page, page, 'Key spec', type.spec);
  }
  await page.getByRole('radio', { name: 'External (import key material)' }).check();
  await page.getByLabel('Description').fill(description);
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page).toHaveURL(/\/keys\/[0-9a-f-]{36}\?tab=key-material/);
  await expect(page.getByRole('tab', { name: 'Key material', selected: true })).toBeVisible();
  await expect(page.getByText('This key is pending import')).toBeVisible();
  return /\/keys\/([0-9a-f-]{36})/.exec(page.url())![1];
}

/**
 * Picks an option of a Cloudscape select by its form field label and the option's label (its
 * accessible name goes on with the option's description, e.g. "ECC_NIST_P256 secp256r1").
 */
async function choose(
  page: Page,
  scope: Page | Locator,
  label: string,
  option: string,
): Promise<void> {
  await scope.getByRole('button', { name: new RegExp(`^${label}`) }).click();
  await page.getByRole('option', { name: new RegExp(`^${option}( |$)`) }).click();
}

async function getParameters(page: Page, spec: string, algorithm: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Import key material' }).first().click();
  const panel = page.getByRole('region', { name: 'Import key material' });
  await choose(page, panel, 'Wrapping key spec', spec);
  await choose(page, panel, 'Wrapping algorithm', algorithm);
  await panel.getByRole('button', { name: 'Get wrapping public key and import token' }).click();
  await expect(panel.getByText('Wrapping public key and import token ready')).toBeVisible();
  return panel;
}

async function chooseFile(field: Locator, path: string): Promise<void> {
  await field
    .getByRole('toolbar', { name: 'Input format' })
    .getByRole('button', { name: 'File' })
    .click();
  await field.locator('input[type="file"]').setInputFiles(path);
  await expect(field).toContainText(/bytes/);
}

const keyMaterialRow = (page: Page, text: string) =>
  page.getByRole('table', { name: 'Key materials' }).getByRole('row').filter({ hasText: text });

/** The guide's step 3 for RSAES_OAEP_SHA_256, run in `dir` as a user runs it. */
function wrapWithOpenssl(dir: string): void {
  execFileSync(
    'openssl',
    [
      'pkeyutl',
      '-encrypt',
      '-in',
      'PlaintextKeyMaterial.bin',
      '-out',
      'EncryptedKeyMaterial.bin',
      '-inkey',
      'WrappingPublicKey.bin',
      '-keyform',
      'DER',
      '-pubin',
      '-pkeyopt',
      'rsa_padding_mode:oaep',
      '-pkeyopt',
      'rsa_oaep_md:sha256',
    ],
    { cwd: dir },
  );
}

/**
 * Downloads the wrapping public key and token, runs the OpenSSL commands the panel shows (as a
 * user copies them into a terminal) and uploads both files.
 */
async function importWrappedWithOpenssl(
  page: Page,
  dir: string,
  wrapping: { spec: string; algorithm: string } = {
    spec: 'RSA_2048',
    algorithm: 'RSAES_OAEP_SHA_256',
  },
): Promise<Locator> {
  const panel = await getParameters(page, wrapping.spec, wrapping.algorithm);
  await download(page, panel.getByRole('button', { name: 'Download wrapping public key' }), dir);
  await download(page, panel.getByRole('button', { name: 'Download import token' }), dir);
  const commands = await panel.getByLabel('OpenSSL commands').textContent();
  runCli(commands ?? '', dir);
  await panel.getByRole('radio', { name: 'Upload encrypted key material' }).check();
  await chooseFile(
    byteField(panel, 'Encrypted key material'),
    join(dir, 'EncryptedKeyMaterial.bin'),
  );
  await chooseFile(byteField(panel, 'Import token'), join(dir, 'ImportToken.bin'));
  await panel.getByRole('button', { name: 'Import key material' }).click();
  await expect(page.getByText('Key material imported')).toBeVisible();
  return panel;
}

const keyState = (page: Page) => page.getByRole('tabpanel').getByText(/^(Enabled|Pending import)$/);

async function decrypt(page: Page, ciphertext: string): Promise<void> {
  await page.goto('/decrypt');
  await fillBytes(page, 'Ciphertext', ciphertext, 'Base64');
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
}

test('imports key material wrapped with OpenSSL, encrypts and decrypts, deletes it and imports it again', async ({
  page,
}) => {
  // The whole lifecycle in one journey: two imports, an encryption, three decryptions, a delete.
  test.setTimeout(120_000);
  await signInAs(page, 'admin');
  const keyId = await createExternalKey(page, 'Imported by the end-to-end test');

  // The guide's steps 2 and 3, outside the browser: 32 random bytes of key material, wrapped
  // with openssl pkeyutl under the downloaded wrapping public key.
  execFileSync('openssl', ['rand', '-out', 'PlaintextKeyMaterial.bin', '32'], { cwd: dir });
  await importWrappedWithOpenssl(page, dir);
  await expect(keyState(page)).toHaveText('Enabled');
  const row = keyMaterialRow(page, 'CURRENT');
  await expect(row).toContainText('IMPORTED');
  await expect(row).toContainText('KEY_MATERIAL_DOES_NOT_EXPIRE');

  await page.getByRole('button', { name: 'Use this key' }).click();
  await page.getByRole('menuitem', { name: 'Encrypt', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/encrypt\\?keyId=${keyId}`));
  const plaintext = 'sealed under my own key material';
  await fillBytes(page, 'Plaintext', plaintext);
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  const ciphertext = await outputValue(page, 'CiphertextBlob');
  await decrypt(page, ciphertext);
  expect(await outputValue(page, 'Plaintext', 'Text (UTF-8)')).toBe(plaintext);

  // Deleting the key material: the key is pending import and its ciphertext cannot be decrypted.
  await page.goto(`/keys/${keyId}?tab=key-material`);
  await page.getByRole('button', { name: 'Delete key material' }).click();
  const remove = page.getByRole('dialog', { name: 'Delete key material' });
  await expect(remove).toContainText('The key becomes pending import');
  await remove.getByRole('button', { name: 'Delete key material' }).click();
  await expect(page.getByText('Key material deleted')).toBeVisible();
  await expect(keyState(page)).toHaveText('Pending import');
  await expect(keyMaterialRow(page, 'CURRENT')).toContainText('PENDING_IMPORT');
  await decrypt(page, ciphertext);
  await expect(
    page.getByRole('alert').filter({ hasText: 'KMSInvalidStateException' }),
  ).toContainText('is pending import.');

  // Importing the same material again, with a new wrapping key and token, restores the key.
  await page.goto(`/keys/${keyId}?tab=key-material`);
  const panel = await importWrappedWithOpenssl(page, dir);
  await expect(panel).toHaveCount(0);
  await expect(keyState(page)).toHaveText('Enabled');
  await expect(keyMaterialRow(page, 'CURRENT')).toContainText('IMPORTED');
  await decrypt(page, ciphertext);
  expect(await outputValue(page, 'Plaintext', 'Text (UTF-8)')).toBe(plaintext);
});

test('wraps key material in the browser, lets it expire on a date, and rotates to new material', async ({
  page,
}) => {
  await signInAs(page, 'admin');
  await createExternalKey(page, 'Rotated by the end-to-end test');
  const first = join(dir, 'first.bin');
  const second = join(dir, 'second.bin');
  writeFileSync(first, randomBytes(32));
  writeFileSync(second, randomBytes(32));

  let panel = await getParameters(page, 'RSA_2048', 'RSAES_OAEP_SHA_1');
  await chooseFile(byteField(panel, 'Plaintext key material'), first);
  await panel.getByRole('radio', { name: 'Key material expires' }).check();
  const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
  const date = tomorrow.toISOString().slice(0, 10).replaceAll('-', '/');
  await panel.getByRole('textbox', { name: 'Expiration date', exact: true }).fill(date);
  await panel.getByLabel('Key material description').fill('first material');
  await panel.getByRole('button', { name: 'Import key material' }).click();
  await expect(page.getByText('Key material imported')).toBeVisible();
  await expect(keyMaterialRow(page, 'first material')).toContainText('KEY_MATERIAL_EXPIRES');
  await expect(page.getByText('Key material expires', { exact: true })).toBeVisible();

  panel = await getParameters(page, 'RSA_2048', 'RSAES_OAEP_SHA_256');
  await expect(panel.getByRole('radio', { name: 'New key material' })).toBeChecked();
  await chooseFile(byteField(panel, 'Plaintext key material'), second);
  await panel.getByLabel('Key material description').fill('second material');
  await panel.getByRole('button', { name: 'Import key material' }).click();
  await expect(keyMaterialRow(page, 'second material')).toContainText('PENDING_ROTATION');

  await page.getByRole('button', { name: 'Rotate now' }).click();
  const rotate = page.getByRole('dialog', { name: 'Rotate to the imported key material' });
  await rotate.getByRole('button', { name: 'Rotate key' }).click();
  await expect(page.getByText('Key material rotated')).toBeVisible();
  await expect(keyMaterialRow(page, 'second material')).toContainText('CURRENT');
  await expect(keyMaterialRow(page, 'first material')).toContainText('NON_CURRENT');

  // Deleting the first (non-current, permanently associated) material makes the key unusable.
  await keyMaterialRow(page, 'first material').getByRole('radio').check();
  await page.getByRole('button', { name: 'Delete key material' }).click();
  const remove = page.getByRole('dialog', { name: 'Delete key material' });
  await expect(remove).toContainText('The key becomes pending import');
  await remove.getByRole('button', { name: 'Delete key material' }).click();
  await expect(keyMaterialRow(page, 'first material')).toContainText('PENDING_IMPORT');
  await expect(page.getByText('This key is pending import')).toBeVisible();
});

test('key material that expires is deleted on its expiration date: the key becomes pending import', async ({
  page,
}) => {
  // The console takes the expiration to the minute: the next minute at least 20 s away.
  test.setTimeout(180_000);
  await signInAs(page, 'admin');
  const keyId = await createExternalKey(page, 'Expiring key material from the end-to-end test');
  const material = join(dir, 'material.bin');
  writeFileSync(material, randomBytes(32));
  const expiresAt = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000);
  const [day, minute] = [
    expiresAt.toISOString().slice(0, 10).replaceAll('-', '/'),
    expiresAt.toISOString().slice(11, 16),
  ];

  const panel = await getParameters(page, 'RSA_4096', 'RSAES_OAEP_SHA_256');
  await chooseFile(byteField(panel, 'Plaintext key material'), material);
  await panel.getByRole('radio', { name: 'Key material expires' }).check();
  await panel.getByRole('textbox', { name: 'Expiration date', exact: true }).fill(day);
  await panel.getByRole('textbox', { name: 'Expiration time (UTC)' }).fill(minute);
  // Entered in UTC, as AWS takes it; said again in the time zone every other date is shown in.
  const shownLocally = await page.evaluate(
    (at) =>
      new Date(at).toLocaleTimeString(undefined, {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      }),
    expiresAt.getTime(),
  );
  await expect(panel).toContainText(`${shownLocally} in this browser's time zone`);
  await panel.getByRole('button', { name: 'Import key material' }).click();
  await expect(page.getByText('Key material imported')).toBeVisible();
  await expect(keyState(page)).toHaveText('Enabled');
  const row = keyMaterialRow(page, 'CURRENT');
  await expect(row).toContainText('KEY_MATERIAL_EXPIRES');
  await expect(row).toContainText('IMPORTED');

  // A user comes back after the expiration date and finds the material gone.
  await expect(async () => {
    await page.goto(`/keys/${keyId}?tab=key-material`);
    await expect(keyState(page)).toHaveText('Pending import', { timeout: 10_000 });
  }).toPass({ timeout: 120_000, intervals: [5_000] });
  expect(Date.now()).toBeGreaterThanOrEqual(expiresAt.getTime());
  await expect(row).toContainText('PENDING_IMPORT');
  await expect(page.getByText('Key material of this key was deleted or expired')).toBeVisible();
});

test('imports an RSA private key wrapped in the browser with RSA_AES_KEY_WRAP_SHA_256', async ({
  page,
}) => {
  await signInAs(page, 'admin');
  await createExternalKey(page, 'RSA key material from the end-to-end test', {
    tile: 'Asymmetric',
    usage: 'Encrypt and decrypt',
    spec: 'RSA_2048',
  });
  const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    type: 'pkcs8',
    format: 'der',
  });
  const path = join(dir, 'RSA_2048_PrivateKey.der');
  writeFileSync(path, privateKey);

  const panel = await getParameters(page, 'RSA_3072', 'RSA_AES_KEY_WRAP_SHA_256');
  await chooseFile(byteField(panel, 'Plaintext key material'), path);
  await panel.getByRole('button', { name: 'Import key material' }).click();
  await expect(page.getByText('Key material imported')).toBeVisible();

  await page.getByRole('tab', { name: 'Public key' }).click();
  const pem = createPublicKey(createPrivateKey({ key: privateKey, format: 'der', type: 'pkcs8' }))
    .export({ type: 'spki', format: 'pem' })
    .toString()
    .trim();
  await expect(page.getByLabel('Public key (PEM)')).toHaveText(pem);
});

test('imports an ECC private key wrapped with the RSA_AES_KEY_WRAP OpenSSL commands the console shows', async ({
  page,
}) => {
  await signInAs(page, 'admin');
  await createExternalKey(page, 'ECC key material wrapped with OpenSSL', {
    tile: 'Asymmetric',
    usage: 'Sign and verify',
    spec: 'ECC_NIST_P256',
  });
  // The key material as the guide makes it: an OpenSSL private key converted to PKCS #8 DER.
  runCli(
    'openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out private.pem && ' +
      'openssl pkcs8 -topk8 -outform der -nocrypt -in private.pem -out PlaintextKeyMaterial.bin && ' +
      'openssl pkey -in private.pem -pubout -out public.pem',
    dir,
  );
  await importWrappedWithOpenssl(page, dir, {
    spec: 'RSA_4096',
    algorithm: 'RSA_AES_KEY_WRAP_SHA_1',
  });
  await expect(keyState(page)).toHaveText('Enabled');

  await page.getByRole('tab', { name: 'Public key' }).click();
  await expect(page.getByLabel('Public key (PEM)')).toHaveText(
    readFileSync(join(dir, 'public.pem'), 'utf8').trim(),
  );
});

test('pastes the import token and wrapped key material from the AWS CLI and OpenSSL as base64', async ({
  page,
  baseURL,
}) => {
  await signInAs(page, 'admin');
  const keyId = await createExternalKey(page, 'Imported with the AWS CLI');
  const shell = (command: string) => runCli(command, dir);
  // The guide's steps 2 and 3 in a terminal: the token stays base64 as the CLI prints it, the
  // wrapped material is base64 encoded by OpenSSL (64-character lines).
  const [publicKey, importToken] = shell(
    `aws kms get-parameters-for-import --endpoint-url ${baseURL} --key-id ${keyId} ` +
      '--wrapping-algorithm RSAES_OAEP_SHA_256 --wrapping-key-spec RSA_3072 ' +
      "--query '[PublicKey, ImportToken]' --output text",
  )
    .trim()
    .split(/\s+/);
  writeFileSync(join(dir, 'WrappingPublicKey.bin'), Buffer.from(publicKey, 'base64'));
  shell('openssl rand -out PlaintextKeyMaterial.bin 32');
  wrapWithOpenssl(dir);
  const wrapped = shell('openssl base64 -in EncryptedKeyMaterial.bin');
  expect(wrapped.trim().split('\n').length).toBeGreaterThan(1);

  await page.getByRole('button', { name: 'Import key material' }).first().click();
  const panel = page.getByRole('region', { name: 'Import key material' });
  await panel.getByRole('radio', { name: 'Upload encrypted key material' }).check();
  await pasteBytes(page, 'Encrypted key material', wrapped);
  await pasteBytes(page, 'Import token', importToken);
  await panel.getByRole('button', { name: 'Import key material' }).click();
  await expect(page.getByText('Key material imported')).toBeVisible();
  await expect(keyState(page)).toHaveText('Enabled');

  // The CLI encrypts under the imported material; the console decrypts it.
  shell(
    `printf 'from the terminal' > message.txt && aws kms encrypt --endpoint-url ${baseURL} ` +
      `--key-id ${keyId} --plaintext fileb://message.txt --query CiphertextBlob --output text ` +
      '> ciphertext.b64',
  );
  await decrypt(page, readFileSync(join(dir, 'ciphertext.b64'), 'utf8'));
  expect(await outputValue(page, 'Plaintext', 'Text (UTF-8)')).toBe('from the terminal');
});
