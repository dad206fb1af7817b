import { expect, test } from '../support/test';
import { fillBytes, outputValue, result, resultField } from '../support/crypto';
import { row } from '../permissions-support';
import { createMotoKey, listGrants, signInToMoto } from './support';

// Each worker's beforeAll makes its own key: moto keeps state for the whole run.
const ALIAS = `alias/moto-app-${Math.random().toString(36).slice(2, 8)}`;
let keyId = '';

test.beforeAll(async () => {
  keyId = await createMotoKey(ALIAS);
});

test('signs in to moto with test/test and lists its keys', async ({ page }) => {
  await signInToMoto(page);
  await expect(
    page.getByRole('button', { name: 'Signed in as moto, Account 123456789012' }),
  ).toBeVisible();
  const keyRow = page
    .getByRole('grid', { name: 'Keys' })
    .getByRole('row')
    .filter({ hasText: ALIAS });
  await expect(keyRow).toBeVisible();
  await expect(keyRow).toContainText(keyId);
  await expect(keyRow).toContainText('Enabled');
  // moto leaves KeyUsage out of DescribeKey; a symmetric key can only encrypt and decrypt.
  await expect(keyRow).toContainText('Encrypt and decrypt');
});

test('encrypts and decrypts with a moto key', async ({ page }) => {
  await signInToMoto(page, `/encrypt?keyId=${ALIAS}`);
  await fillBytes(page, 'Plaintext', 'hello moto');
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await expect(resultField(page, 'KeyId')).toContainText(keyId);
  await result(page).getByRole('button', { name: 'Send to Decrypt' }).click();
  await expect(page.getByRole('heading', { name: 'Decrypt', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  expect(await outputValue(page, 'Plaintext', 'Text (UTF-8)')).toBe('hello moto');
});

test('the Permissions page changes nothing on an endpoint that ignores DryRun', async ({
  page,
}) => {
  const before = await listGrants(keyId);
  await signInToMoto(page, `/permissions?keyId=${ALIAS}`);
  await expect(row(page, 'Encrypt')).toBeVisible();
  const status = page.getByRole('status').filter({ hasText: /^Checked / });
  await expect(status).toBeVisible();
  await expect(status).toContainText('does not honour DryRun');
  const grant = row(page, 'CreateGrant');
  await expect(grant).toContainText('Not checked');
  await expect(grant).toContainText(/ignores DryRun.*would create a grant/);
  await expect(row(page, 'Encrypt')).toContainText('performed: DryRun ignored');
  await expect(page.getByText('This endpoint ignores DryRun', { exact: true })).toBeVisible();
  expect(await listGrants(keyId)).toEqual(before);
});

test('an operation moto does not implement is named as such, not as an unreachable endpoint', async ({
  page,
}) => {
  await signInToMoto(page, `/data-keys?keyId=${ALIAS}`);
  await page.getByRole('tab', { name: 'Data key pair' }).click();
  await page.getByRole('button', { name: 'Generate data key pair', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'GenerateDataKeyPair' });
  await expect(alert).toContainText('this endpoint may not implement GenerateDataKeyPair');
  await expect(alert).not.toContainText('Cannot reach');
  await expect(alert).not.toContainText('4566');
});

test('the Event history says moto may not implement CloudTrail LookupEvents, not that it is unreachable', async ({
  page,
}) => {
  await signInToMoto(page, '/events');
  await expect(page.getByRole('heading', { name: 'Event history', level: 1 })).toBeVisible();
  // moto has no CloudTrail LookupEvents: it answers with HTML and no CORS headers.
  const problem = page
    .getByRole('group')
    .filter({ hasText: 'The event history could not be read' });
  await expect(problem).toContainText('this endpoint may not implement LookupEvents');
  await expect(problem).not.toContainText('down or unreachable');
});
