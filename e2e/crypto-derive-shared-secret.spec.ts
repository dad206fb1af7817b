import { CreateKeyCommand, GetPublicKeyCommand } from '@aws-sdk/client-kms';
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createPublicKey, diffieHellman, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ADMIN_CREDENTIALS,
  byteField,
  copyAsCli,
  fillBytes,
  outputValue,
  result,
  resultField,
} from './support/crypto';
import { adminKms, createAlias } from './support/kms';
import { signInAs } from './support/sign-in';

/*
 * "Derive shared secret" as a user does it: the other party's public key pasted as PEM (or
 * chosen as a .der file), the secret compared with the one the other party computes with
 * node:crypto, the permission checked, and the copied AWS CLI command run against the sandbox.
 */

test.describe.configure({ timeout: 120_000 });

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kms-console-derive-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A P-256 key agreement key with an alias, made as test setup; its public key. */
async function agreementKey(baseURL: string): Promise<{ alias: string; publicKey: KeyObject }> {
  const kms = adminKms(baseURL);
  const { KeyMetadata } = await kms.send(
    new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'KEY_AGREEMENT' }),
  );
  const alias = `alias/e2e-agree-${Date.now()}`;
  await createAlias(kms, alias, KeyMetadata!.KeyId!);
  const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: alias }));
  kms.destroy();
  const publicKey = createPublicKey({ key: Buffer.from(PublicKey!), format: 'der', type: 'spki' });
  return { alias, publicKey };
}

test('derive a shared secret from a PEM public key; the other party derives the same', async ({
  page,
  baseURL,
}) => {
  const { alias, publicKey } = await agreementKey(baseURL!);
  const peer = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const expected = diffieHellman({ privateKey: peer.privateKey, publicKey });

  await signInAs(page, 'admin', `/derive-shared-secret?keyId=${alias}`);
  await expect(page.getByRole('heading', { name: 'Derive shared secret', level: 1 })).toBeVisible();
  // Pasted as it comes from openssl, into the field as it opens.
  const pem = peer.publicKey.export({ type: 'spki', format: 'pem' }) as string;
  await byteField(page, 'Public key').getByRole('textbox').fill(pem);
  await page.getByRole('button', { name: 'Check permission' }).click();
  const check = page.getByRole('dialog', { name: 'Check permission: DeriveSharedSecret' });
  await expect(check.getByRole('status')).toHaveText('Would succeed');
  await check.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(result(page)).toHaveCount(0);

  await page.getByRole('button', { name: 'Derive shared secret', exact: true }).click();
  await expect(resultField(page, 'KeyAgreementAlgorithm')).toContainText('ECDH');
  await expect(resultField(page, 'KeyOrigin')).toContainText('AWS_KMS');
  await result(page).getByRole('button', { name: 'Show SharedSecret' }).click();
  expect(await outputValue(page, 'SharedSecret', 'Hex')).toBe(expected.toString('hex'));

  // The same request from the AWS CLI: the command reads the public key as DER from a file.
  const command = await copyAsCli(page);
  expect(command).toContain('aws kms derive-shared-secret');
  expect(command).toContain('--key-agreement-algorithm ECDH');
  expect(command).toContain('--public-key fileb://public-key.der');
  writeFileSync(
    join(dir, 'public-key.der'),
    peer.publicKey.export({ type: 'spki', format: 'der' }),
  );
  execFileSync('/bin/sh', ['-c', command], {
    cwd: dir,
    env: { ...process.env, ...ADMIN_CREDENTIALS },
    encoding: 'utf8',
  });
  expect(readFileSync(join(dir, 'shared-secret.bin')).equals(expected)).toBe(true);
});

test('a public key on another curve, or one that is not a public key, is explained', async ({
  page,
  baseURL,
}) => {
  const { alias } = await agreementKey(baseURL!);
  await signInAs(page, 'admin', `/derive-shared-secret?keyId=${alias}`);

  const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey;
  await fillBytes(
    page,
    'Public key',
    p384.export({ type: 'spki', format: 'der' }).toString('base64'),
    'Base64',
  );
  await page.getByRole('button', { name: 'Derive shared secret', exact: true }).click();
  await expect(page.getByText(/PublicKey is a public key on ECC_NIST_P384/)).toBeVisible();

  const privatePem = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  }) as string;
  await fillBytes(page, 'Public key', privatePem, 'Text (UTF-8)');
  await expect(page.getByText('This is a PEM PRIVATE KEY, not a PUBLIC KEY')).toBeVisible();
});
