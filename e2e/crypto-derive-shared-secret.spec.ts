import { expect, test } from './support/test';
import { diffieHellman, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  byteField,
  copyAsCli,
  fillBytes,
  outputValue,
  result,
  resultField,
  runCli,
} from './support/crypto';
import { asymmetricKey } from './support/kms';
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

test('derive a shared secret from a PEM public key; the other party derives the same', async ({
  page,
  baseURL,
}) => {
  const { alias, publicKey } = await asymmetricKey(
    baseURL!,
    'ECC_NIST_P256',
    'KEY_AGREEMENT',
    'agree',
  );
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
  runCli(command, dir);
  expect(readFileSync(join(dir, 'shared-secret.bin')).equals(expected)).toBe(true);
});

test('a public key on another curve, or one that is not a public key, is explained', async ({
  page,
  baseURL,
}) => {
  const { alias } = await asymmetricKey(baseURL!, 'ECC_NIST_P256', 'KEY_AGREEMENT', 'agree');
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
