import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { identityButton, signInWithAccessKeys } from './support/sign-in';

/*
 * Creating the key types of 2024–2025 from "Create key", as a user does: an ML-DSA signing key and
 * an ECDH key agreement key, then reading what key detail says about them.
 */

async function createAsymmetricKey(page: Page, usage: string, spec: string, note?: string) {
  await signInWithAccessKeys(page);
  await expect(identityButton(page, 'admin')).toBeVisible();
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByRole('heading', { name: 'Create key', level: 1 })).toBeVisible();
  await page.getByRole('radio', { name: /^Asymmetric/ }).check();
  await page.getByRole('radio', { name: usage }).check();
  await page.getByRole('button', { name: /^Key spec/ }).click();
  const option = page.getByRole('option', { name: new RegExp(`^${spec}`) });
  if (note) await expect(page.getByRole('listbox')).toContainText(`${spec}${note}`);
  await option.click();
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByText(/^Created key [0-9a-f-]{36}$/)).toBeVisible();
  await page.getByRole('tab', { name: 'Cryptographic configuration' }).click();
}

test('create an ML-DSA key: key detail shows ML_DSA_SHAKE_256 and its public key', async ({
  page,
}) => {
  await createAsymmetricKey(page, 'Sign and verify', 'ML_DSA_65', 'Post-quantum ML-DSA (FIPS 204)');
  const config = page.getByRole('tabpanel');
  await expect(config.getByText('ML_DSA_65')).toBeVisible();
  await expect(config.getByText('Sign and verify (SIGN_VERIFY)')).toBeVisible();
  await expect(config.getByText('ML_DSA_SHAKE_256')).toBeVisible();

  await page.getByRole('tab', { name: 'Public key' }).click();
  const pem = page.getByLabel('Public key (PEM)');
  await expect(pem).toContainText('-----BEGIN PUBLIC KEY-----');
  // SubjectPublicKeyInfo of id-ml-dsa-65: 1,974 DER bytes, whose base64 starts like this.
  await expect(pem).toContainText('MIIHsjALBglghkgBZQMEAxID');
});

test('create a key agreement key: key detail shows ECDH', async ({ page }) => {
  await createAsymmetricKey(page, 'Key agreement', 'ECC_NIST_P384', 'secp384r1');
  const config = page.getByRole('tabpanel');
  await expect(config.getByText('ECC_NIST_P384')).toBeVisible();
  await expect(config.getByText('Key agreement (KEY_AGREEMENT)')).toBeVisible();
  await expect(config.getByText('ECDH', { exact: true })).toBeVisible();
});
