import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { signInAs } from './support/sign-in';
import { fillBytes, outputValue, result, resultField } from './support/crypto';

async function chooseAlgorithm(page: Page, label: string, algorithm: string) {
  await page.getByRole('button', { name: new RegExp(`^${label}`) }).click();
  await page.getByRole('option', { name: algorithm, exact: true }).click();
}

async function waitForKeyFacts(page: Page, facts: string) {
  await expect(page.getByText(facts)).toBeVisible();
}

for (const where of ['KMS', 'The public key, in this browser'] as const) {
  test(`RSA: encrypt with ${where === 'KMS' ? 'KMS' : 'the public key (WebCrypto)'}, decrypt with KMS`, async ({
    page,
  }) => {
    await signInAs(page, 'admin', '/encrypt?keyId=alias/demo-rsa');
    await waitForKeyFacts(page, 'RSA_2048 · ENCRYPT_DECRYPT · Enabled');
    // RSA keys take no encryption context: the editor is hidden.
    await expect(page.getByRole('group', { name: 'Encryption context' })).toHaveCount(0);
    await page.getByRole('radio', { name: where }).check();
    await chooseAlgorithm(page, 'Encryption algorithm', 'RSAES_OAEP_SHA_256');
    await fillBytes(page, 'Plaintext', 'x'.repeat(191));
    await expect(
      page.getByText('191 bytes: RSA_2048 with RSAES_OAEP_SHA_256 encrypts at most 190 bytes.'),
    ).toBeVisible();
    await fillBytes(page, 'Plaintext', 'RSA secret');
    await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
    await expect(resultField(page, 'EncryptionAlgorithm')).toContainText('RSAES_OAEP_SHA_256');
    expect(Buffer.from(await outputValue(page, 'CiphertextBlob'), 'base64').length).toBe(256);

    await result(page).getByRole('button', { name: 'Send to Decrypt' }).click();
    await expect(page.getByRole('heading', { name: 'Decrypt', level: 1 })).toBeVisible();
    await waitForKeyFacts(page, 'RSA_2048 · ENCRYPT_DECRYPT · Enabled');
    await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
    expect(await outputValue(page, 'Plaintext', 'Text (UTF-8)')).toBe('RSA secret');
    await expect(resultField(page, 'EncryptionAlgorithm')).toContainText('RSAES_OAEP_SHA_256');
  });
}

test('sign a message, verify it, and see a changed message refused with an explanation', async ({
  page,
}) => {
  await signInAs(page, 'admin', '/sign?keyId=alias/demo-sign');
  await waitForKeyFacts(page, 'ECC_NIST_P256 · SIGN_VERIFY · Enabled');
  await fillBytes(page, 'Message', 'I agree.');
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(resultField(page, 'SigningAlgorithm')).toContainText('ECDSA_SHA_256');
  await outputValue(page, 'Signature');
  await result(page).getByRole('button', { name: 'Verify this signature' }).click();

  await expect(page.getByRole('tab', { name: 'Verify', selected: true })).toBeVisible();
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(resultField(page, 'SignatureValid')).toContainText('true');

  await fillBytes(page, 'Message', 'I disagree.');
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'KMSInvalidSignatureException' });
  await expect(alert).toContainText('The signature does not verify');
});

test('sign a SHA-256 digest (message type DIGEST)', async ({ page }) => {
  await signInAs(page, 'admin', '/sign?keyId=alias/demo-sign');
  await waitForKeyFacts(page, 'ECC_NIST_P256 · SIGN_VERIFY · Enabled');
  await page.getByRole('radio', { name: 'DIGEST' }).check();
  await fillBytes(page, 'Message', 'ab'.repeat(31), 'Hex');
  // In the form: Cloudscape's live announcer repeats the error outside it for a moment.
  await expect(
    page
      .getByRole('form', { name: 'Sign' })
      .getByText('31 bytes: A ECDSA_SHA_256 digest is at least 32 bytes.'),
  ).toBeVisible();
  await fillBytes(page, 'Message', 'ab'.repeat(32), 'Hex');
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(resultField(page, 'SigningAlgorithm')).toContainText('ECDSA_SHA_256');
});

test('generate a MAC and verify it', async ({ page }) => {
  await signInAs(page, 'admin', '/mac?keyId=alias/demo-hmac');
  await waitForKeyFacts(page, 'HMAC_256 · GENERATE_VERIFY_MAC · Enabled');
  await fillBytes(page, 'Message', 'authentic');
  await page.getByRole('button', { name: 'Generate MAC', exact: true }).click();
  await expect(resultField(page, 'MacAlgorithm')).toContainText('HMAC_SHA_256');
  expect(Buffer.from(await outputValue(page, 'Mac'), 'base64').length).toBe(32);
  await result(page).getByRole('button', { name: 'Verify this MAC' }).click();
  await page.getByRole('button', { name: 'Verify MAC', exact: true }).click();
  await expect(resultField(page, 'MacValid')).toContainText('true');

  await fillBytes(page, 'Mac', 'AAAA', 'Base64');
  await page.getByRole('button', { name: 'Verify MAC', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'KMSInvalidMacException' })).toContainText(
    'The MAC does not verify',
  );
});

/** The KMS operations the page sends (X-Amz-Target), to see that a refused request is never sent. */
function sentOperations(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    const target = request.headers()['x-amz-target'];
    if (target?.startsWith('TrentService.')) sent.push(target.slice('TrentService.'.length));
  });
  return sent;
}

test('an HMAC key cannot encrypt: the form says which key usage Encrypt needs before sending', async ({
  page,
}) => {
  const sent = sentOperations(page);
  await signInAs(page, 'admin', '/encrypt?keyId=alias/demo-hmac');
  await waitForKeyFacts(page, 'HMAC_256 · GENERATE_VERIFY_MAC · Enabled');
  // In the form: Cloudscape's live announcer repeats the field's error outside it for a moment.
  const encryptForm = page.getByRole('form', { name: 'Encrypt' });
  await expect(
    encryptForm.getByText(
      "This key's usage is GENERATE_VERIFY_MAC: KMS would refuse Encrypt with it (InvalidKeyUsageException). Encrypt needs a key whose usage is ENCRYPT_DECRYPT",
    ),
  ).toBeVisible();
  await fillBytes(page, 'Plaintext', 'x');
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await expect(
    encryptForm.getByText('Choose an encryption key, such as alias/demo-app'),
  ).toBeVisible();
  expect(sent).not.toContain('Encrypt');
});

test('Sign and Verify with an ENCRYPT_DECRYPT key: the form says so before sending', async ({
  page,
}) => {
  const sent = sentOperations(page);
  await signInAs(page, 'admin', '/sign?keyId=alias/demo-app');
  await waitForKeyFacts(page, 'SYMMETRIC_DEFAULT · ENCRYPT_DECRYPT · Enabled');
  const signForm = page.getByRole('form', { name: 'Sign' });
  // Said as soon as the key is described, before anything is filled in or sent.
  await expect(
    signForm.getByText(
      "This key's usage is ENCRYPT_DECRYPT: KMS would refuse Sign with it (InvalidKeyUsageException). Sign and Verify need an asymmetric key whose usage is SIGN_VERIFY",
    ),
  ).toBeVisible();
  await fillBytes(page, 'Message', 'I agree.');
  await chooseAlgorithm(page, 'Signing algorithm', 'ECDSA_SHA_256');
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(signForm.getByText('Choose a signing key, such as alias/demo-sign.')).toBeVisible();

  // Verify opens on the same linked key.
  await page.getByRole('tab', { name: 'Verify' }).click();
  await expect(
    page
      .getByRole('form', { name: 'Verify' })
      .getByText(
        "This key's usage is ENCRYPT_DECRYPT: KMS would refuse Verify with it (InvalidKeyUsageException).",
      ),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  expect(sent.filter((operation) => operation === 'Sign' || operation === 'Verify')).toEqual([]);
});
