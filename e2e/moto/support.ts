import {
  CreateAliasCommand,
  CreateKeyCommand,
  KMSClient,
  ListGrantsCommand,
  type GrantListEntry,
} from '@aws-sdk/client-kms';
import { expect, type Page } from '@playwright/test';
import { MOTO_ENDPOINT } from '../../playwright.moto.config';
import { expectSignInPage, identityButton } from '../support/sign-in';

/** moto accepts any credentials; `test`/`test` is what its and LocalStack's docs use. */
export const MOTO_KEYS = { accessKeyId: 'test', secretAccessKey: 'test' };

/** The test's own view of moto, through the SDK (as the AWS CLI would see it). */
export function motoKms(): KMSClient {
  return new KMSClient({
    region: 'us-east-1',
    endpoint: MOTO_ENDPOINT,
    credentials: MOTO_KEYS,
    maxAttempts: 1,
  });
}

/** A symmetric key with an alias, created in moto for one test file. */
export async function createMotoKey(alias: string): Promise<string> {
  const kms = motoKms();
  const created = await kms.send(new CreateKeyCommand({ Description: `e2e ${alias}` }));
  const keyId = created.KeyMetadata?.KeyId ?? '';
  await kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: keyId }));
  kms.destroy();
  return keyId;
}

/** `aws kms list-grants --key-id …` against moto. */
export async function listGrants(keyId: string): Promise<GrantListEntry[]> {
  const kms = motoKms();
  const answer = await kms.send(new ListGrantsCommand({ KeyId: keyId }));
  kms.destroy();
  return answer.Grants ?? [];
}

/** Signs in on the sign-in page as a moto user does: Access keys, test/test, moto's URL. */
export async function signInToMoto(page: Page, path = '/keys'): Promise<void> {
  await page.goto(path);
  await expectSignInPage(page);
  await page.getByRole('radio', { name: 'Access keys' }).check();
  await page.getByLabel('Access key ID').fill(MOTO_KEYS.accessKeyId);
  await page.getByLabel('Secret access key').fill(MOTO_KEYS.secretAccessKey);
  const endpoint = page.getByLabel('Endpoint URL');
  if (!(await endpoint.isVisible())) await page.getByText('Endpoint', { exact: true }).click();
  await endpoint.fill(MOTO_ENDPOINT);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(identityButton(page)).toBeVisible();
}
