import { buildClient, CommitmentPolicy, KmsKeyringNode } from '@aws-crypto/client-node';
import { KMS } from '@aws-sdk/client-kms';
import { expect, test } from './support/test';
import { setContext } from './support/crypto';
import {
  chooseEncrypted,
  DEMO_KEY_ARN,
  download,
  encryptInConsole,
  inspector,
  openTab,
  PARTNER_KEY_ARN,
  sampleFile,
} from './support/files';
import { ADMIN_ACCESS_KEY, signInAs } from './support/sign-in';

/*
 * Interoperability with the AWS Encryption SDK for JavaScript on Node (@aws-crypto/client-node),
 * both ways, through the same sandbox: the console's messages are ordinary AWS Encryption SDK
 * messages, and the console reads what the SDK writes with its defaults (signed suite, 4 KiB
 * frames).
 */

const { encrypt, decrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT);

function nodeKeyring(baseURL: string, options: { generatorKeyId?: string; keyIds?: string[] }) {
  const kms = new KMS({
    endpoint: baseURL,
    region: 'us-east-1',
    credentials: ADMIN_ACCESS_KEY,
    maxAttempts: 1,
  });
  return new KmsKeyringNode({ clientProvider: () => kms, ...options });
}

test('a file encrypted in the console decrypts with client-node', async ({ page, baseURL }) => {
  await signInAs(page, 'admin', '/files');
  const original = sampleFile('console-made.bin', 2 * 1024 * 1024 + 3);
  const encrypted = await encryptInConsole(page, original, {
    keys: ['alias/demo-app', PARTNER_KEY_ARN],
    context: 'department=finance,origin=console',
  });

  // Each key alone is enough, on Node as in the browser.
  for (const keyArn of [DEMO_KEY_ARN, PARTNER_KEY_ARN]) {
    const { plaintext, messageHeader } = await decrypt(
      nodeKeyring(baseURL!, { keyIds: [keyArn] }),
      encrypted.buffer,
    );
    expect(Buffer.from(plaintext).equals(original.buffer)).toBe(true);
    expect(messageHeader.encryptionContext).toMatchObject({
      department: 'finance',
      origin: 'console',
    });
    expect(messageHeader.frameLength).toBe(1024 * 1024);
  }
});

test('the unsigned suite and 64 KiB frames written by the console read on Node', async ({
  page,
  baseURL,
}) => {
  await signInAs(page, 'admin', '/files');
  const tab = await openTab(page, 'Encrypt files');
  await tab.getByRole('textbox', { name: 'Key 1' }).fill(DEMO_KEY_ARN);
  await tab.getByText('Message settings').click();
  await tab.getByRole('radio', { name: /Not signed/ }).check();
  await tab.getByRole('button', { name: /Frame length/ }).click();
  await page.getByRole('option', { name: '64.0 KiB' }).click();
  const original = sampleFile('unsigned.bin', 300_001);
  await tab.locator('input[type="file"]').setInputFiles(original);
  await tab.getByRole('button', { name: 'Encrypt', exact: true }).click();
  const encrypted = await download(page, 'unsigned.bin.encrypted');

  const { plaintext, messageHeader } = await decrypt(
    nodeKeyring(baseURL!, { keyIds: [DEMO_KEY_ARN] }),
    encrypted.buffer,
  );
  expect(Buffer.from(plaintext).equals(original.buffer)).toBe(true);
  expect(messageHeader.suiteId).toBe(0x0478);
  expect(messageHeader.frameLength).toBe(64 * 1024);
});

test('a file encrypted by client-node decrypts in the console', async ({ page, baseURL }) => {
  const original = sampleFile('node-made.bin', 1024 * 1024 + 5);
  const { result } = await encrypt(
    nodeKeyring(baseURL!, { generatorKeyId: 'alias/demo-app', keyIds: [PARTNER_KEY_ARN] }),
    original.buffer,
    { encryptionContext: { department: 'finance', origin: 'node' } },
  );

  await signInAs(page, 'admin', '/files');
  const message = {
    name: 'node-made.bin.encrypted',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(result),
  };
  const tab = await chooseEncrypted(page, [message]);
  const header = inspector(page, 'node-made.bin.encrypted');
  await expect(header).toContainText('ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY_ECDSA_P384');
  await expect(header).toContainText('4096 bytes');
  await expect(header).toContainText('origin=node');
  await expect(header).toContainText(DEMO_KEY_ARN);
  await expect(header).toContainText(PARTNER_KEY_ARN);

  await setContext(tab, 'department=finance');
  await tab.getByRole('button', { name: 'Decrypt', exact: true }).click();
  const decrypted = await download(page, 'node-made.bin');
  expect(decrypted.buffer.equals(original.buffer)).toBe(true);
});
