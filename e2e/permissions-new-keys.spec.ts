import { expect, test } from './support/test';
import { DENIED_BY_IAM, expectChecked, row } from './permissions-support';
import { asymmetricKey } from './support/kms';
import { signInAs, signOut } from './support/sign-in';

/*
 * The Permissions page for the key types of 2024–2025: DeriveSharedSecret where it applies (key
 * agreement keys), and Sign/Verify with ML_DSA_SHAKE_256 for ML-DSA keys.
 */

test.describe.configure({ timeout: 120_000 });

test('a key agreement key lists DeriveSharedSecret: allowed for admin, denied for operator', async ({
  page,
  baseURL,
}) => {
  const { alias } = await asymmetricKey(baseURL!, 'ECC_NIST_P521', 'KEY_AGREEMENT', 'agree');
  await signInAs(page, 'admin', `/permissions?keyId=${alias}`);
  await expectChecked(page, `Checked 2 operations on ${alias}`);
  await expect(row(page, 'DeriveSharedSecret')).toContainText('Would succeed');
  await expect(row(page, 'DeriveSharedSecret')).toContainText(
    'ECDH with the curve’s generator point as a placeholder public key.',
  );
  await expect(row(page, 'CreateGrant')).toContainText('Would succeed');
  await expect(row(page, 'Encrypt')).toHaveCount(0);

  await signOut(page);
  await signInAs(page, 'operator', `/permissions?keyId=${alias}`);
  await expectChecked(page, `Checked 2 operations on ${alias}`);
  await expect(row(page, 'DeriveSharedSecret')).toContainText(DENIED_BY_IAM);
});

test('an ML-DSA key is checked with ML_DSA_SHAKE_256', async ({ page, baseURL }) => {
  const { alias } = await asymmetricKey(baseURL!, 'ML_DSA_44', 'SIGN_VERIFY', 'pq');
  await signInAs(page, 'operator', `/permissions?keyId=${alias}`);
  await expectChecked(page, `Checked 3 operations on ${alias}`);
  await expect(row(page, 'Sign')).toContainText('Would succeed');
  await expect(row(page, 'Sign')).toContainText(
    'ML_DSA_SHAKE_256, a one-byte placeholder message.',
  );
  await expect(row(page, 'Verify')).toContainText(
    'ML_DSA_SHAKE_256, with a placeholder signature.',
  );
  await expect(row(page, 'DeriveSharedSecret')).toHaveCount(0);
});
