import { CreateGrantCommand, RevokeGrantCommand } from '@aws-sdk/client-kms';
import { expect, test } from './support/test';
import { DENIED_BY_IAM, expectChecked, row } from './permissions-support';
import { fillBytes } from './support/crypto';
import { adminKms } from './support/kms';
import { signInAs } from './support/sign-in';

test.describe.configure({ timeout: 120_000 });

const DEMO_APP = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

test('operator: a denied Encrypt is explained by its IAM condition, and one click meets it', async ({
  page,
}) => {
  await signInAs(page, 'operator', '/encrypt?keyId=alias/demo-app');
  await fillBytes(page, 'Plaintext', 'hello');
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  const denied = page.getByRole('alert').filter({ hasText: 'AccessDeniedException' });
  await expect(denied).toBeVisible();
  await denied.getByRole('link', { name: 'Why is Encrypt denied?' }).click();

  await expect(page.getByRole('heading', { name: 'Permissions', level: 1 })).toBeVisible();
  await expectChecked(page, `Checked 8 operations on ${DEMO_APP} without an encryption context.`);
  await page.getByRole('button', { name: /Why Encrypt is denied/ }).click();
  await expect(page.getByText(/allows kms:Encrypt only when its conditions hold/)).toBeVisible();
  const unmet = page.getByRole('region', { name: 'Conditions not met for Encrypt' });
  await expect(unmet).toContainText('UseKeysForKnownDepartments');
  await expect(unmet).toContainText(
    'kms:EncryptionContext:department is "finance" or "engineering": the request had none.',
  );
  // Never "fixed" by an Allow without the condition.
  await expect(page.getByLabel('Suggested statement for Encrypt')).toHaveCount(0);

  await page.getByRole('button', { name: 'Try with department=finance' }).first().click();
  await expectChecked(
    page,
    `Checked 8 operations on ${DEMO_APP} with encryption context department=finance.`,
  );
  await expect(row(page, 'Encrypt')).toContainText('Would succeed');
});

test("operator: a grant's encryption context constraint is named, and one click meets it", async ({
  page,
  baseURL,
}) => {
  // An administrator grants the operator's role Decrypt for project=alpha only.
  const kms = adminKms(baseURL ?? '');
  const { GrantId } = await kms.send(
    new CreateGrantCommand({
      KeyId: DEMO_APP,
      GranteePrincipal: 'arn:aws:iam::111122223333:role/KmsOperator',
      Operations: ['Decrypt'],
      Constraints: { EncryptionContextSubset: { project: 'alpha' } },
    }),
  );
  try {
    await signInAs(page, 'operator', '/permissions?keyId=alias/demo-app&context=project=beta');
    await expectChecked(
      page,
      'Checked 8 operations on alias/demo-app with encryption context project=beta.',
    );
    await expect(row(page, 'Decrypt')).toContainText(DENIED_BY_IAM);
    await page.getByRole('button', { name: /Why Decrypt is denied/ }).click();
    await expect(page.getByRole('region', { name: 'Grants not met for Decrypt' })).toContainText(
      `Grant ${GrantId ?? ''} allows Decrypt to you only when the encryption context includes project=alpha: the request had project=beta.`,
    );
    await page.getByRole('button', { name: 'Try with project=alpha' }).first().click();
    await expectChecked(
      page,
      'Checked 8 operations on alias/demo-app with encryption context project=alpha.',
    );
    await expect(row(page, 'Decrypt')).toContainText('Would succeed');
    await expect(row(page, 'Encrypt')).toContainText(DENIED_BY_IAM);
  } finally {
    await kms.send(new RevokeGrantCommand({ KeyId: DEMO_APP, GrantId }));
    kms.destroy();
  }
});
