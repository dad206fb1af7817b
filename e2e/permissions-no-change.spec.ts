import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  KMSClient,
  ListAliasesCommand,
  ListGrantsCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
} from '@aws-sdk/client-kms';
import { expect, test } from './support/test';
import { chooseKey, expectChecked, expectCompared, row } from './permissions-support';
import { fillBytes, result, setContext } from './support/crypto';
import { signInAs } from './support/sign-in';

/*
 * Checking permissions changes nothing: keys, aliases, key policies, grants and tags of both
 * scenario accounts are the same before and after every check the Permissions page can make.
 */

const ACCOUNTS = [
  {
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  },
  {
    accessKeyId: 'AKIAI44QH8DHBEXAMPLE',
    secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  },
];

async function snapshot(endpoint: string): Promise<unknown[]> {
  const accounts: unknown[] = [];
  for (const credentials of ACCOUNTS) {
    const kms = new KMSClient({ endpoint, region: 'us-east-1', credentials });
    const keys = (await kms.send(new ListKeysCommand({ Limit: 1000 }))).Keys ?? [];
    const aliases = (await kms.send(new ListAliasesCommand({ Limit: 100 }))).Aliases ?? [];
    const perKey = [];
    for (const { KeyId } of keys) {
      const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId }));
      const { Policy } = await kms.send(new GetKeyPolicyCommand({ KeyId, PolicyName: 'default' }));
      const { Grants } = await kms.send(new ListGrantsCommand({ KeyId }));
      const { Tags } = await kms.send(new ListResourceTagsCommand({ KeyId }));
      perKey.push({
        KeyId,
        state: KeyMetadata?.KeyState,
        enabled: KeyMetadata?.Enabled,
        description: KeyMetadata?.Description,
        Policy,
        Grants,
        Tags,
      });
    }
    kms.destroy();
    accounts.push({ aliases, keys: perKey });
  }
  return accounts;
}

// Two cores shared by the sandbox, the browser and other builds: generous, never a sleep.
test.describe.configure({ timeout: 120_000 });

test('no check changes any state', async ({ page, baseURL }) => {
  const endpoint = baseURL ?? '';
  const before = await snapshot(endpoint);

  await signInAs(page, 'admin', '/permissions?keyId=alias/demo-app&context=department=finance');
  await expectChecked(
    page,
    'Checked 8 operations on alias/demo-app with encryption context department=finance.',
  );
  // The admin may do everything: every dry run reaches the DryRun gate, the last check there is.
  await expect(row(page, 'CreateGrant')).toContainText('Would succeed');
  await expect(row(page, 'GenerateDataKeyPair')).toContainText('Would succeed');
  await page.getByRole('button', { name: 'Compare scenario users' }).click();
  await expectCompared(page, 'alias/demo-app with encryption context department=finance.');
  for (const alias of [
    'alias/demo-sign',
    'alias/demo-hmac',
    'alias/demo-rsa',
    'alias/demo-restricted',
  ]) {
    await chooseKey(page, alias);
    await expectChecked(page, `on ${alias} with encryption context department=finance.`);
    await expectCompared(page, `${alias} with encryption context department=finance.`);
  }
  await setContext(page, 'department=engineering');
  await expectChecked(page, 'with encryption context department=engineering.');
  await expectCompared(
    page,
    'alias/demo-restricted with encryption context department=engineering.',
  );

  // The forms' "Check permission" sends their own request with DryRun.
  await page.goto('/encrypt?keyId=alias/demo-app');
  await fillBytes(page, 'Plaintext', 'never encrypted');
  await page.getByRole('button', { name: 'Check permission' }).click();
  await expect(
    page.getByRole('dialog', { name: 'Check permission: Encrypt' }).getByRole('status'),
  ).toHaveText('Would succeed');
  await expect(result(page)).toHaveCount(0);

  expect(await snapshot(endpoint)).toEqual(before);
});
