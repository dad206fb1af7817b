import { expect, test } from './support/test';
import { createHash, verify, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyAsCli, fillBytes, outputValue, result, resultField, runCli } from './support/crypto';
import { asymmetricKey } from './support/kms';
import { signInAs } from './support/sign-in';

/*
 * ML-DSA in "Sign and verify" as a user does it: a RAW message and an EXTERNAL_MU (the 64-byte μ a
 * user computes for a large file, as the AWS guide shows with openssl), each signature checked
 * outside KMS with node:crypto, verified with one click, and the copied AWS CLI command run.
 */

test.describe.configure({ timeout: 120_000 });

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kms-console-ml-dsa-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** μ as the AWS guide computes it with openssl: SHAKE256(SHAKE256(pk, 64) ‖ 0x00 0x00 ‖ M, 64). */
function mu(publicKey: KeyObject, message: Buffer): Buffer {
  const tr = createHash('shake256', { outputLength: 64 })
    .update(publicKey.export({ format: 'raw-public' }))
    .digest();
  return createHash('shake256', { outputLength: 64 })
    .update(tr)
    .update(Buffer.from([0, 0]))
    .update(message)
    .digest();
}

test('sign a RAW message with ML_DSA_SHAKE_256, verify it, and run the CLI command', async ({
  page,
  baseURL,
}) => {
  const { alias, publicKey } = await asymmetricKey(baseURL!, 'ML_DSA_65', 'SIGN_VERIFY', 'pq');
  const message = 'release 2026.1, sha256 of the image: 3f2a…';
  await signInAs(page, 'admin', `/sign?keyId=${alias}`);
  // The key has one algorithm, and ML-DSA takes a message or its μ, never a digest.
  await expect(page.getByText('ML_DSA_SHAKE_256').first()).toBeVisible();
  await expect(page.getByRole('radio', { name: /^EXTERNAL_MU/ })).toBeVisible();
  await expect(page.getByRole('radio', { name: /^DIGEST/ })).toHaveCount(0);
  await expect(page.getByText('it takes no SHA-2 digest (DIGEST)')).toBeVisible();

  await fillBytes(page, 'Message', message);
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(resultField(page, 'SigningAlgorithm')).toContainText('ML_DSA_SHAKE_256');
  const signature = Buffer.from(await outputValue(page, 'Signature'), 'base64');
  expect(signature).toHaveLength(3309);
  expect(verify(null, Buffer.from(message), publicKey, signature)).toBe(true);

  const command = await copyAsCli(page);
  expect(command).toContain('--signing-algorithm ML_DSA_SHAKE_256');
  writeFileSync(join(dir, 'message.bin'), message);
  runCli(command, dir);
  const cliSignature = readFileSync(join(dir, 'signature.bin'));
  expect(verify(null, Buffer.from(message), publicKey, cliSignature)).toBe(true);

  await result(page).getByRole('button', { name: 'Verify this signature' }).click();
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(resultField(page, 'SignatureValid')).toContainText('true');
});

test('sign the EXTERNAL_MU of a large file; the signature is the file’s', async ({
  page,
  baseURL,
}) => {
  const { alias, publicKey } = await asymmetricKey(baseURL!, 'ML_DSA_65', 'SIGN_VERIFY', 'pq');
  const file = Buffer.alloc(1_000_000, 'firmware ');
  const representative = mu(publicKey, file);
  await signInAs(page, 'admin', `/sign?keyId=${alias}`);
  await page.getByRole('radio', { name: /^EXTERNAL_MU/ }).check();
  // A 32-byte digest is refused before anything is sent: μ is 64 bytes.
  await fillBytes(page, 'Message', createHash('sha256').update(file).digest('hex'), 'Hex');
  // In the form: Cloudscape's live announcer repeats the field's error outside it for a moment.
  await expect(
    page
      .getByRole('form', { name: 'Sign' })
      .getByText(/An ML-DSA μ \(EXTERNAL_MU\) is at least 64 bytes/),
  ).toBeVisible();
  await fillBytes(page, 'Message', representative.toString('base64'), 'Base64');
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  const signature = Buffer.from(await outputValue(page, 'Signature'), 'base64');
  expect(verify(null, file, publicKey, signature)).toBe(true);

  const command = await copyAsCli(page);
  expect(command).toContain('--message-type EXTERNAL_MU');
  writeFileSync(join(dir, 'message.bin'), representative);
  runCli(command, dir);
  expect(verify(null, file, publicKey, readFileSync(join(dir, 'signature.bin')))).toBe(true);

  await result(page).getByRole('button', { name: 'Verify this signature' }).click();
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(resultField(page, 'SignatureValid')).toContainText('true');
});
