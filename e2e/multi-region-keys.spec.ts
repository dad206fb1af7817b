import {
  CreateKeyCommand,
  DescribeKeyCommand,
  EncryptCommand,
  KMSClient,
} from '@aws-sdk/client-kms';
import { toBase64 } from '@smithy/util-base64';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { row } from './permissions-support';
import { fillBytes, outputValue, resultField } from './support/crypto';
import { replicatedKey } from './support/kms';
import { ADMIN_ACCESS_KEY, signInWithAccessKeys } from './support/sign-in';

function kmsIn(region: string, baseURL: string | undefined): KMSClient {
  return new KMSClient({ region, endpoint: baseURL, credentials: ADMIN_ACCESS_KEY });
}

function relatedKeys(page: Page) {
  return page.getByRole('table', { name: 'Related multi-Region keys' });
}

function relatedRow(page: Page, regionName: string) {
  return relatedKeys(page).getByRole('row').filter({ hasText: regionName });
}

async function chooseOption(page: Page, field: string, option: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: new RegExp(`^${field}`) }).click();
  await page
    .getByRole('option', { name: new RegExp(`^${option.replace(/[()]/g, '\\$&')}`) })
    .click();
}

test('create a multi-Region key, replicate it to another Region, and open the replica there', async ({
  page,
}) => {
  await signInWithAccessKeys(page);
  await page.getByRole('button', { name: 'Create key' }).first().click();
  await page.getByRole('radio', { name: /^Multi-Region key/ }).check();
  await page.getByLabel('Description').fill('Payments, every Region');
  await page.getByRole('button', { name: 'Create key' }).click();

  // A multi-Region key's id starts with mrk- and its detail page has a Regionality tab.
  await expect(page).toHaveURL(/\/keys\/mrk-[0-9a-f]{32}$/);
  const keyId = /\/keys\/(mrk-[0-9a-f]{32})/.exec(page.url())![1]!;
  await expect(page.getByText('Multi-Region', { exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Regionality' }).click();
  await expect(relatedRow(page, 'US East (N. Virginia) (this key)')).toContainText('Primary');
  await expect(relatedKeys(page).getByRole('row')).toHaveCount(2);

  await page.getByRole('button', { name: 'Create replica key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create replica key' });
  await chooseOption(page, 'Replica Region', 'Europe (Ireland)');
  await dialog.getByLabel('Description').fill('Payments, Ireland');
  await dialog.getByRole('button', { name: 'Create replica key' }).click();
  await expect(page.getByText('Created replica key in eu-west-1')).toBeVisible();
  const replica = relatedRow(page, 'Europe (Ireland)');
  await expect(replica).toContainText('Replica');
  await expect(replica).toContainText(`arn:aws:kms:eu-west-1:111122223333:key/${keyId}`);

  // The link switches the console to the replica's Region and opens the replica.
  await replica.getByRole('link', { name: 'Open the key in Europe (Ireland) (eu-west-1)' }).click();
  await expect(page.getByRole('button', { name: /^Region eu-west-1,/ })).toBeVisible();
  await expect(page.getByText('Payments, Ireland').first()).toBeVisible();
  await expect(relatedRow(page, 'Europe (Ireland) (this key)')).toContainText('Replica');
  await expect(relatedRow(page, 'US East (N. Virginia)')).toContainText('Primary');
  // Replicas are made from the primary key only.
  await expect(page.getByRole('button', { name: 'Create replica key' })).toBeDisabled();

  // Back to the primary through its link.
  await relatedRow(page, 'US East (N. Virginia)')
    .getByRole('link', { name: 'Open the key in US East (N. Virginia) (us-east-1)' })
    .click();
  await expect(page.getByRole('button', { name: /^Region us-east-1,/ })).toBeVisible();
  await expect(relatedRow(page, 'US East (N. Virginia) (this key)')).toContainText('Primary');
});

test('ciphertext made in one Region decrypts in the replica’s Region', async ({
  page,
  baseURL,
}) => {
  const east = kmsIn('us-east-1', baseURL);
  const keyId = await replicatedKey(east, 'ap-northeast-1');
  // What `aws kms encrypt` prints in us-east-1.
  const encrypted = await east.send(
    new EncryptCommand({ KeyId: keyId, Plaintext: new TextEncoder().encode('sakura') }),
  );
  east.destroy();

  await signInWithAccessKeys(page, ADMIN_ACCESS_KEY, '/decrypt');
  await page.getByRole('button', { name: /^Region us-east-1,/ }).click();
  await page.getByRole('menuitemcheckbox', { name: /^Asia Pacific \(Tokyo\)/ }).click();
  await expect(page.getByRole('button', { name: /^Region ap-northeast-1,/ })).toBeVisible();
  await fillBytes(page, 'Ciphertext', toBase64(encrypted.CiphertextBlob!), 'Base64');
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  expect(await outputValue(page, 'Plaintext', 'Text (UTF-8)')).toBe('sakura');
  await expect(resultField(page, 'KeyId')).toContainText(
    `arn:aws:kms:ap-northeast-1:111122223333:key/${keyId}`,
  );
});

test('change the primary Region of a multi-Region key', async ({ page, baseURL }) => {
  const east = kmsIn('us-east-1', baseURL);
  const keyId = await replicatedKey(east, 'eu-central-1', 'Moving primary');
  east.destroy();

  await signInWithAccessKeys(page, ADMIN_ACCESS_KEY, `/keys/${keyId}?tab=regionality`);
  await expect(relatedRow(page, 'Europe (Frankfurt)')).toContainText('Replica');
  await page.getByRole('button', { name: 'Change primary Region' }).click();
  await chooseOption(page, 'New primary Region', 'Europe (Frankfurt)');
  await page
    .getByRole('dialog', { name: 'Change primary Region' })
    .getByRole('button', { name: 'Change primary Region' })
    .click();
  await expect(page.getByText('The primary key is now in eu-central-1')).toBeVisible();
  await expect(relatedRow(page, 'Europe (Frankfurt)')).toContainText('Primary');
  await expect(relatedRow(page, 'US East (N. Virginia) (this key)')).toContainText('Replica');

  const frankfurt = kmsIn('eu-central-1', baseURL);
  const moved = await frankfurt.send(new DescribeKeyCommand({ KeyId: keyId }));
  frankfurt.destroy();
  expect(moved.KeyMetadata?.MultiRegionConfiguration?.MultiRegionKeyType).toBe('PRIMARY');
});

test('a primary key with replicas waits for them before its deletion, and can be kept', async ({
  page,
  baseURL,
}) => {
  const east = kmsIn('us-east-1', baseURL);
  const keyId = await replicatedKey(east, 'sa-east-1');
  east.destroy();

  await signInWithAccessKeys(page, ADMIN_ACCESS_KEY, `/keys/${keyId}`);
  await page.getByRole('button', { name: 'Key actions' }).click();
  await page.getByRole('menuitem', { name: 'Schedule key deletion' }).click();
  const schedule = page.getByRole('dialog', { name: 'Schedule key deletion' });
  await schedule.getByLabel('Waiting period (in days)').fill('7');
  await schedule.getByLabel('To confirm, type "confirm"').fill('confirm');
  await schedule.getByRole('button', { name: 'Schedule deletion' }).click();
  await expect(
    page.getByText('KMS deletes the key 7 days after its last replica key is deleted.', {
      exact: false,
    }),
  ).toBeVisible();
  await expect(page.getByText('Pending replica deletion').first()).toBeVisible();
  await expect(
    page.getByText('This key is scheduled for deletion after its replicas'),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Key actions' }).click();
  await page.getByRole('menuitem', { name: 'Cancel key deletion' }).click();
  await expect(page.getByText(/^Deletion of .* cancelled$/)).toBeVisible();
  await expect(page.getByText('Disabled', { exact: true }).first()).toBeVisible();
});

test('the Permissions page lists the multi-Region operations it cannot check', async ({
  page,
  baseURL,
}) => {
  const east = kmsIn('us-east-1', baseURL);
  const primary = await east.send(new CreateKeyCommand({ MultiRegion: true }));
  const keyId = primary.KeyMetadata!.KeyId!;
  east.destroy();

  await signInWithAccessKeys(page, ADMIN_ACCESS_KEY, `/permissions?keyId=${keyId}`);
  await expect(row(page, 'Encrypt')).toContainText('would have succeeded');
  // No DryRun exists for them: they are named with what they need, and never sent.
  await expect(row(page, 'ReplicateKey')).toContainText(
    'Takes no DryRun: a check would really create a replica key.',
  );
  await expect(row(page, 'ReplicateKey')).toContainText('kms:CreateKey');
  await expect(row(page, 'UpdatePrimaryRegion')).toContainText('Not checked');
});
