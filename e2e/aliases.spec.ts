import { expect, test } from './support/test';
import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { adminKms, createAlias, createKey } from './support/kms';
import { signInAs, sideNavigation } from './support/sign-in';

test('the aliases page lists every alias with its target key', async ({ page }) => {
  await signInAs(page, 'auditor', '/aliases');
  await expect(page.getByRole('heading', { name: 'Aliases', level: 1 })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'alias/demo-app' });
  await expect(row).toContainText('1234abcd-12ab-34cd-56ef-1234567890ab');
  await page.getByRole('searchbox', { name: 'Filter aliases' }).fill('demo-s');
  await expect(page.getByRole('row').filter({ hasText: 'alias/demo-sign' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'alias/demo-app' })).toHaveCount(0);
});

test('rotation walk-through: point alias/my-key at a new key', async ({ page, baseURL }) => {
  const kms = adminKms(baseURL!);
  const alias = `alias/my-key-${Date.now()}`;
  const oldKey = await createKey(kms, 'old key of the walk-through');
  const newKey = await createKey(kms, 'new key of the walk-through');
  await createAlias(kms, alias, oldKey);
  kms.destroy();

  await signInAs(page, 'admin', '/aliases');
  await page.getByRole('searchbox', { name: 'Filter aliases' }).fill(alias);
  const row = page.getByRole('row').filter({ hasText: alias });
  await expect(row).toContainText(oldKey);
  await row.getByRole('radio').check();
  await page.getByRole('button', { name: 'Change target key' }).click();
  const dialog = page.getByRole('dialog', { name: `Change target key of ${alias}` });
  await dialog.getByLabel('New target key').fill(newKey);
  await expect(
    dialog.getByText(`${newKey} · SYMMETRIC_DEFAULT · ENCRYPT_DECRYPT · Enabled`),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Change target key' }).click();
  await expect(page.getByText(`${alias} now points at ${newKey}`)).toBeVisible();
  await expect(row).toContainText(newKey);

  // The key table agrees (its cached alias list was patched, not reloaded).
  await sideNavigation(page).getByRole('link', { name: 'Keys', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Filter keys' }).fill(alias);
  await expect(page.getByRole('row').filter({ hasText: alias })).toContainText(newKey);
});

test('Change target key offers the new key, which has no alias yet, and only keys it may take', async ({
  page,
  baseURL,
}) => {
  const kms = adminKms(baseURL!);
  const run = Date.now();
  const alias = `alias/rotate-${run}`;
  const oldKey = await createKey(kms, `rotation old ${run}`);
  const newKey = await createKey(kms, `rotation new ${run}`);
  const hmac = await kms.send(
    new CreateKeyCommand({
      Description: `rotation hmac ${run}`,
      KeySpec: 'HMAC_256',
      KeyUsage: 'GENERATE_VERIFY_MAC',
    }),
  );
  await createAlias(kms, alias, oldKey);
  kms.destroy();

  await signInAs(page, 'admin', '/aliases');
  await page.getByRole('searchbox', { name: 'Filter aliases' }).fill(alias);
  await page.getByRole('row').filter({ hasText: alias }).getByRole('radio').check();
  await page.getByRole('button', { name: 'Change target key' }).click();
  const dialog = page.getByRole('dialog', { name: `Change target key of ${alias}` });
  const field = dialog.getByLabel('New target key');
  await field.click();
  await field.pressSequentially(`rotation`);
  // The suggestions name keys by id and description: the new key is offered, the current key and
  // the HMAC key (another key type) are not.
  const suggestion = page.getByRole('option', { name: new RegExp(newKey) });
  await expect(suggestion).toContainText(`rotation new ${run}`);
  await expect(page.getByRole('option', { name: new RegExp(oldKey) })).toHaveCount(0);
  await expect(
    page.getByRole('option', { name: new RegExp(hmac.KeyMetadata!.KeyId!) }),
  ).toHaveCount(0);
  await suggestion.click();
  await expect(field).toHaveValue(newKey);
  await dialog.getByRole('button', { name: 'Change target key' }).click();
  await expect(page.getByText(`${alias} now points at ${newKey}`)).toBeVisible();
});

test('create and delete an alias from the aliases page', async ({ page }) => {
  const alias = `alias/e2e-alias-${Date.now()}`;
  await signInAs(page, 'admin', '/aliases');
  await page.getByRole('button', { name: 'Create alias' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create alias' });
  await dialog.getByLabel('Alias name').fill(alias);
  await dialog.getByLabel('Target key').fill('alias/demo-app');
  await expect(
    dialog.getByText(/1234abcd-12ab-34cd-56ef-1234567890ab · SYMMETRIC_DEFAULT/),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Create alias' }).click();
  await page.getByRole('searchbox', { name: 'Filter aliases' }).fill(alias);
  const row = page.getByRole('row').filter({ hasText: alias });
  await expect(row).toContainText('1234abcd-12ab-34cd-56ef-1234567890ab');
  await row.getByRole('radio').check();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Delete alias' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(page.getByText(`Deleted ${alias}`)).toBeVisible();
  await expect(row).toHaveCount(0);
});
