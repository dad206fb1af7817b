import { expect, test } from './support/test';
import { signInAs } from './support/sign-in';
import {
  chooseKey,
  fillBytes,
  outputValue,
  result,
  resultField,
  setContext,
} from './support/crypto';

const DEMO_APP_KEY = 'key/1234abcd-12ab-34cd-56ef-1234567890ab';

test('re-encrypt to another key and context, then decrypt the new ciphertext', async ({ page }) => {
  await signInAs(page, 'admin', '/encrypt?keyId=alias/demo-app&context=department=finance');
  await fillBytes(page, 'Plaintext', 'rotate me');
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await result(page).getByRole('button', { name: 'Send to Re-encrypt' }).click();

  await expect(page.getByRole('heading', { name: 'Re-encrypt', level: 1 })).toBeVisible();
  await chooseKey(page, 'alias/demo-restricted', 'Destination key');
  await setContext(page, 'department=finance,stage=archived', 'Destination encryption context');
  await page.getByRole('button', { name: 'Re-encrypt', exact: true }).click();

  await expect(resultField(page, 'SourceKeyId')).toContainText(DEMO_APP_KEY);
  await expect(resultField(page, 'KeyId')).toContainText('arn:aws:kms:us-east-1:111122223333:key/');
  await expect(resultField(page, 'KeyId')).not.toContainText(DEMO_APP_KEY);
  await expect(resultField(page, 'SourceEncryptionAlgorithm')).toContainText('SYMMETRIC_DEFAULT');
  await expect(resultField(page, 'DestinationEncryptionAlgorithm')).toContainText(
    'SYMMETRIC_DEFAULT',
  );
  const destinationKey = (await resultField(page, 'KeyId').textContent())!.replace('KeyId', '');

  // One click: the new ciphertext, its key and its context go to Decrypt.
  await result(page).getByRole('button', { name: 'Send to Decrypt' }).click();
  await expect(page.getByRole('heading', { name: 'Decrypt', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  expect(await outputValue(page, 'Plaintext', 'Text (UTF-8)')).toBe('rotate me');
  await expect(resultField(page, 'KeyId')).toContainText(destinationKey);
});

test('re-encrypting with the wrong source key names the key that made the ciphertext', async ({
  page,
}) => {
  await signInAs(page, 'admin', '/encrypt?keyId=alias/demo-app');
  await fillBytes(page, 'Plaintext', 'x');
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await result(page).getByRole('button', { name: 'Send to Re-encrypt' }).click();
  await chooseKey(page, 'alias/demo-restricted', 'Source key');
  await chooseKey(page, 'alias/demo-app', 'Destination key');
  await page.getByRole('button', { name: 'Re-encrypt', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'IncorrectKeyException' });
  await expect(alert).toContainText(
    `The ciphertext was encrypted under arn:aws:kms:us-east-1:111122223333:${DEMO_APP_KEY}`,
  );
});
