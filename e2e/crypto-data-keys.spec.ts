import { expect, test } from './support/test';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { signInAs } from './support/sign-in';
import { outputValue, result, resultField } from './support/crypto';

test('generate a data key and decrypt its CiphertextBlob back to the same bytes', async ({
  page,
}) => {
  await signInAs(page, 'admin', '/data-keys?keyId=alias/demo-app&context=purpose=e2e');
  await page.getByRole('button', { name: 'Generate data key', exact: true }).click();

  // Masked until revealed.
  const plaintextField = result(page).getByRole('group', { name: 'Plaintext', exact: true });
  await expect(plaintextField.getByLabel('Plaintext is hidden')).toBeVisible();
  await expect(plaintextField.getByRole('textbox')).toHaveCount(0);
  await plaintextField.getByRole('button', { name: 'Show Plaintext' }).click();
  const dataKey = await outputValue(page, 'Plaintext', 'Hex');
  expect(dataKey).toMatch(/^[0-9a-f]{64}$/);
  await expect(resultField(page, 'KeyId')).toContainText(
    'key/1234abcd-12ab-34cd-56ef-1234567890ab',
  );

  await result(page).getByRole('button', { name: 'Send to Decrypt' }).click();
  await expect(page.getByRole('heading', { name: 'Decrypt', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  expect(await outputValue(page, 'Plaintext', 'Hex')).toBe(dataKey);

  // Leaving the page drops the key: back on Data keys, no result is shown.
  await page.getByRole('link', { name: 'Data keys' }).click();
  await expect(page.getByRole('button', { name: 'Generate data key', exact: true })).toBeVisible();
  await expect(result(page)).toHaveCount(0);
});

test('NumberOfBytes replaces KeySpec, and GenerateDataKeyWithoutPlaintext returns no plaintext', async ({
  page,
}) => {
  await signInAs(page, 'admin', '/data-keys?keyId=alias/demo-app');
  await page.getByRole('radio', { name: 'GenerateDataKeyWithoutPlaintext' }).check();
  await page.getByRole('radio', { name: 'NumberOfBytes' }).check();
  await page.getByLabel('Number of bytes').fill('2000');
  await expect(page.getByText('2,000 is out of range: 1 to 1,024.')).toBeVisible();
  await page.getByLabel('Number of bytes').fill('64');
  await page.getByRole('button', { name: 'Generate data key', exact: true }).click();
  await expect(
    result(page).getByRole('group', { name: 'CiphertextBlob', exact: true }),
  ).toBeVisible();
  await expect(result(page).getByRole('group', { name: 'Plaintext', exact: true })).toHaveCount(0);
});

test('generate a data key pair whose public key matches its private key', async ({ page }) => {
  await signInAs(page, 'admin', '/data-keys?keyId=alias/demo-app');
  await page.getByRole('tab', { name: 'Data key pair' }).click();
  await page.getByRole('button', { name: 'Generate data key pair', exact: true }).click();
  await expect(resultField(page, 'KeyPairSpec')).toContainText('ECC_NIST_P256');
  await result(page).getByRole('button', { name: 'Show PrivateKeyPlaintext' }).click();
  const privateDer = Buffer.from(await outputValue(page, 'PrivateKeyPlaintext'), 'base64');
  const publicDer = Buffer.from(await outputValue(page, 'PublicKey'), 'base64');
  const derived = createPublicKey(
    createPrivateKey({ key: privateDer, format: 'der', type: 'pkcs8' }),
  );
  expect(derived.export({ format: 'der', type: 'spki' }).equals(publicDer)).toBe(true);
  await expect(result(page).getByRole('group', { name: 'PrivateKeyCiphertextBlob' })).toBeVisible();
});

test('GenerateRandom returns the number of bytes asked for', async ({ page }) => {
  await signInAs(page, 'admin', '/data-keys');
  await page.getByRole('tab', { name: 'Random bytes' }).click();
  await page.getByLabel('Number of bytes').fill('16');
  await page.getByRole('button', { name: 'Generate random', exact: true }).click();
  expect(await outputValue(page, 'Plaintext', 'Hex')).toMatch(/^[0-9a-f]{32}$/);
});
