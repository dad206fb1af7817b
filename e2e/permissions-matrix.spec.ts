import { expect, test } from './support/test';
import {
  chooseKey,
  DENIED_BY_IAM,
  expectAccessible,
  expectChecked,
  row,
  SYMMETRIC_OPERATIONS as SYMMETRIC,
} from './permissions-support';
import { setContext } from './support/crypto';
import { signInAs } from './support/sign-in';

/*
 * The Permissions page for the signed-in principal: a dry run of every operation that applies to
 * the key, re-run when the encryption context changes, and each denial explained.
 */

// Two cores shared by the sandbox, the browser and other builds: generous, never a sleep.
test.describe.configure({ timeout: 120_000 });

test('operator: Encrypt on alias/demo-app is denied without a context, allowed with department=finance', async ({
  page,
}) => {
  await signInAs(page, 'operator', '/permissions?keyId=alias/demo-app');
  await expect(page.getByRole('heading', { name: 'Permissions', level: 1 })).toBeVisible();
  await expectChecked(
    page,
    'Checked 8 operations on alias/demo-app without an encryption context.',
  );
  for (const operation of SYMMETRIC) {
    await expect(row(page, operation)).toContainText(DENIED_BY_IAM);
  }
  await expect(row(page, 'Encrypt')).toContainText(
    'is not authorized to perform: kms:Encrypt on resource: arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab because no identity-based policy allows the kms:Encrypt action',
  );
  await expect(row(page, 'RevokeGrant')).toContainText('Not checked');

  // The explanation: the default key policy delegates to IAM, so the role's policy decides.
  await page.getByRole('button', { name: /Why Encrypt is denied/ }).click();
  const why = page.getByRole('group', { name: 'Key policy, evaluated for Encrypt' });
  await expect(
    why.getByRole('group', { name: /Enable IAM User Permissions.*Delegates to IAM/ }),
  ).toBeVisible();
  // KmsOperator's own policy allows Encrypt under a condition: the explanation names the
  // statement, the condition and what the request had, and suggests no statement that would
  // drop the condition.
  const unmet = page.getByRole('region', { name: 'Conditions not met for Encrypt' });
  await expect(unmet).toContainText(
    'Statement UseKeysForKnownDepartments of KmsOperatorPolicy (identity-based) allows Encrypt only when:',
  );
  await expect(unmet).toContainText(
    'kms:EncryptionContext:department is "finance" or "engineering": the request had none.',
  );
  await expect(page.getByLabel('Suggested statement for Encrypt')).toHaveCount(0);
  await page.getByRole('button', { name: 'Try with department=finance' }).first().click();
  await expectChecked(
    page,
    'Checked 8 operations on alias/demo-app with encryption context department=finance.',
  );
  for (const operation of SYMMETRIC) {
    await expect(row(page, operation)).toContainText('Would succeed');
  }
  await expect(row(page, 'CreateGrant')).toContainText(DENIED_BY_IAM);

  await setContext(page, 'department=sales');
  await expectChecked(page, 'with encryption context department=sales.');
  await expect(row(page, 'Encrypt')).toContainText(DENIED_BY_IAM);
  await page.getByRole('button', { name: /Why Encrypt is denied/ }).click();
  await expect(unmet).toContainText('the request had "sales"');

  await expectAccessible(page);
});

test('operator: alias/demo-restricted denies Decrypt explicitly, and the Deny statement is highlighted', async ({
  page,
}) => {
  await signInAs(
    page,
    'operator',
    '/permissions?keyId=alias/demo-restricted&context=department=finance',
  );
  await expectChecked(
    page,
    'Checked 8 operations on alias/demo-restricted with encryption context department=finance.',
  );
  await expect(row(page, 'Encrypt')).toContainText('Would succeed');
  await expect(row(page, 'Decrypt')).toContainText(
    'Denied: explicit deny in a resource-based policy',
  );

  // The operator may not read the key policy: the sandbox reads it as its admin, and says so.
  await expect(page.getByText("Read as the sandbox's admin user")).toBeVisible();
  await page.getByRole('button', { name: /Why Decrypt is denied/ }).click();
  await expect(
    page.getByText('AWS named: an explicit deny in a resource-based policy'),
  ).toBeVisible();
  const policy = page.getByRole('group', { name: 'Key policy, evaluated for Decrypt' });
  const deny = policy.getByRole('group', {
    name: 'Statement 2 (DenyDecryptForOperators): Denies this request: decides',
  });
  await expect(deny).toBeVisible();
  await expect(deny).toContainText('"Effect": "Deny"');
  await expect(deny).toHaveAttribute('data-statement-role', 'denies');
  await expect(
    page.getByText(/No statement can allow this while the highlighted Deny applies/),
  ).toBeVisible();
  await expectAccessible(page);
});

test('auditor: every cryptographic operation is denied by the identity-based policy', async ({
  page,
}) => {
  await signInAs(page, 'auditor', '/permissions?keyId=alias/demo-app');
  await expectChecked(
    page,
    'Checked 8 operations on alias/demo-app without an encryption context.',
  );
  for (const operation of [...SYMMETRIC, 'CreateGrant']) {
    await expect(row(page, operation)).toContainText(DENIED_BY_IAM);
  }
  // The auditor may read the key policy (kms:Get*), so explanations use its own answer.
  await page.getByRole('button', { name: /Why Decrypt is denied/ }).click();
  await expect(page.getByText('Read with GetKeyPolicy as you.')).toBeVisible();

  for (const [alias, operations] of [
    ['alias/demo-sign', ['Sign', 'Verify']],
    ['alias/demo-hmac', ['GenerateMac', 'VerifyMac']],
    ['alias/demo-rsa', ['Encrypt', 'Decrypt', 'ReEncrypt']],
  ] as const) {
    await chooseKey(page, alias);
    await expectChecked(
      page,
      `Checked ${operations.length + 1} operations on ${alias} without an encryption context.`,
    );
    for (const operation of operations) {
      await expect(row(page, operation)).toContainText(DENIED_BY_IAM);
    }
  }
});
