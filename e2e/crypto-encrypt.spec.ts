import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/test';
import { signInAs } from './support/sign-in';
import {
  byteField,
  chooseKey,
  copyAsCli,
  fillBytes,
  outputValue,
  result,
  resultField,
  setContext,
} from './support/crypto';

const DEEP_LINK = '/encrypt?keyId=alias/demo-app&context=department=finance,team=payments';

test('encrypt text with a context from a deep link, then decrypt it back', async ({ page }) => {
  await signInAs(page, 'admin', DEEP_LINK);
  await expect(page.getByRole('heading', { name: 'Encrypt', level: 1 })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Key', exact: true })).toHaveValue(
    'alias/demo-app',
  );
  const plaintext = 'Grüße aus dem Büro 🔐';
  await fillBytes(page, 'Plaintext', plaintext);
  await expect(page.getByText('26 of 4,096 bytes.')).toBeVisible();
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();

  await expect(resultField(page, 'KeyId')).toContainText(
    'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  );
  await expect(resultField(page, 'EncryptionAlgorithm')).toContainText('SYMMETRIC_DEFAULT');
  const ciphertext = await outputValue(page, 'CiphertextBlob');
  expect(ciphertext).toMatch(/^[A-Za-z0-9+/]+=*$/);

  await result(page).getByRole('button', { name: 'Send to Decrypt' }).click();
  await expect(page.getByRole('heading', { name: 'Decrypt', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(
    /\/decrypt\?keyId=alias%2Fdemo-app&context=department%3Dfinance%2Cteam%3Dpayments$/,
  );
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  expect(await outputValue(page, 'Plaintext', 'Text (UTF-8)')).toBe(plaintext);
  await expect(resultField(page, 'KeyId')).toContainText(
    'key/1234abcd-12ab-34cd-56ef-1234567890ab',
  );
  // The plaintext never goes into the URL.
  expect(page.url()).not.toContain('Gr');

  // The wrong context is refused, and the console says why.
  await setContext(page, 'department=engineering,team=payments');
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'InvalidCiphertextException' });
  await expect(alert).toContainText('encryption context differs');
  await expect(alert).toContainText('This request sent 2 encryption context pairs');
  await expect(result(page)).toHaveCount(0);
});

test('the mismatched-context demo is one click from a successful Encrypt', async ({ page }) => {
  await signInAs(page, 'admin', DEEP_LINK);
  await fillBytes(page, 'Plaintext', 'demo');
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await result(page).getByRole('button', { name: 'Try a mismatched context' }).click();
  const explained = result(page).getByText(
    'Decrypt refused the changed encryption context, as it must',
  );
  await expect(explained).toBeVisible();
  await expect(result(page)).toContainText('department=finance,team=payments,demo=mismatch');
  await expect(result(page)).toContainText('InvalidCiphertextException');
});

test('as operator, the mismatched-context demo still shows the cryptographic check', async ({
  page,
}) => {
  // The operator may only decrypt with department=finance or engineering: a changed value would
  // be denied by IAM before KMS ever looked at the ciphertext.
  await signInAs(page, 'operator', '/encrypt?keyId=alias/demo-app&context=department=finance');
  await fillBytes(page, 'Plaintext', 'demo');
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await result(page).getByRole('button', { name: 'Try a mismatched context' }).click();
  await expect(
    result(page).getByText('Decrypt refused the changed encryption context, as it must'),
  ).toBeVisible();
  await expect(result(page)).toContainText('InvalidCiphertextException');
  await expect(result(page)).not.toContainText('AccessDeniedException');
});

test('a context key without a value is flagged, not sent as an empty value', async ({ page }) => {
  await signInAs(page, 'admin', '/encrypt?keyId=alias/demo-app');
  await fillBytes(page, 'Plaintext', 'hello');
  const editor = page.getByRole('group', { name: 'Encryption context', exact: true });
  await editor.getByRole('button', { name: 'Add pair' }).click();
  // The empty value field says what to enter: no grey sample value that reads as entered.
  const value = editor.getByRole('textbox', { name: 'Context value' });
  await expect(value).toHaveAttribute('placeholder', 'Enter a value');
  await editor.getByRole('textbox', { name: 'Context key' }).fill('department');
  await expect(editor).toContainText(
    '"department" has no value: enter a value or remove the pair.',
  );
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await expect(result(page)).toHaveCount(0);
  // Nor is an AWS CLI command made with `department=`.
  await page.getByRole('button', { name: 'Copy as AWS CLI' }).click();
  await expect(page.getByRole('region', { name: 'AWS CLI command' })).toHaveCount(0);

  await value.fill('finance');
  expect(await copyAsCli(page)).toContain('department=finance');
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await expect(resultField(page, 'KeyId')).toBeVisible();
});

test('byte inputs check base64 and sizes before sending', async ({ page }) => {
  await signInAs(page, 'admin', '/encrypt?keyId=alias/demo-app');
  await fillBytes(page, 'Plaintext', 'aGVsbG8*', 'Base64');
  await expect(page.getByText(/Invalid base64 at position 8: "\*"/)).toBeVisible();
  await fillBytes(page, 'Plaintext', 'a'.repeat(4097));
  await expect(page.getByText('4,097 bytes: Encrypt takes at most 4,096 bytes.')).toBeVisible();
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await expect(result(page)).toHaveCount(0);

  const violations = (await new AxeBuilder({ page }).include('main').analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('Back from Decrypt returns to the Encrypt form and its result, never holding the plaintext', async ({
  page,
}) => {
  await signInAs(page, 'admin', '/encrypt');
  await chooseKey(page, 'alias/demo-app');
  const plaintext = 'back-button secret 42';
  await fillBytes(page, 'Plaintext', plaintext);
  const editor = page.getByRole('group', { name: 'Encryption context', exact: true });
  await editor.getByRole('button', { name: 'Add pair' }).click();
  await editor.getByRole('textbox', { name: 'Context key' }).fill('purpose');
  await editor.getByRole('textbox', { name: 'Context value' }).fill('back-button');
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  const ciphertext = await outputValue(page, 'CiphertextBlob');

  await result(page).getByRole('button', { name: 'Send to Decrypt' }).click();
  await expect(page.getByRole('heading', { name: 'Decrypt', level: 1 })).toBeVisible();
  await page.goBack();

  await expect(page.getByRole('heading', { name: 'Encrypt', level: 1 })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Key', exact: true })).toHaveValue(
    'alias/demo-app',
  );
  await expect(editor.getByRole('textbox', { name: 'Context key' })).toHaveValue('purpose');
  await expect(editor.getByRole('textbox', { name: 'Context value' })).toHaveValue('back-button');
  expect(await outputValue(page, 'CiphertextBlob')).toBe(ciphertext);
  await expect(resultField(page, 'EncryptionAlgorithm')).toContainText('SYMMETRIC_DEFAULT');
  // The plaintext is asked for again: it was kept nowhere, not in the history entry either.
  await expect(byteField(page, 'Plaintext').getByRole('textbox')).toHaveValue('');
  const kept = await page.evaluate(() =>
    JSON.stringify([history.state, { ...localStorage }, { ...sessionStorage }, location.href]),
  );
  expect(kept).not.toContain('back-button secret');
  expect(kept).not.toContain(Buffer.from(plaintext).toString('base64'));

  // Forward again: the ciphertext is still handed to Decrypt.
  await page.goForward();
  await expect(page.getByRole('heading', { name: 'Decrypt', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  expect(await outputValue(page, 'Plaintext', 'Text (UTF-8)')).toBe(plaintext);
});

test('an empty Encrypt form asks for a key rather than saying it could not be described', async ({
  page,
}) => {
  await signInAs(page, 'admin', '/encrypt');
  await expect(page.getByRole('heading', { name: 'Encrypt', level: 1 })).toBeVisible();
  await expect(
    page.getByText('Choose a key first: the list shows the algorithms it supports.'),
  ).toBeVisible();
  await expect(page.getByText(/could not be described/)).toHaveCount(0);
  await chooseKey(page, 'alias/demo-app');
  await expect(page.getByText('The algorithms this key supports.')).toBeVisible();
});
