import {
  AlgorithmSuiteIdentifier,
  buildClient,
  CommitmentPolicy,
  KmsKeyringNode,
} from '@aws-crypto/client-node';
import { KMS } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_KEY_ID, PARTNER_ACCOUNT, PARTNER_KEY_ID } from '../scenario/demo-scenario';
import {
  DEMO_ADMIN,
  keyArn,
  PARTNER_ADMIN,
  startTestSandbox,
  type AwsCredentials,
  type TestSandbox,
} from './harness';

/*
 * The AWS Encryption SDK for Node against the sandbox: the calls its KMS keyring makes
 * (GenerateDataKey with NumberOfBytes, Encrypt of the data key under more keys, Decrypt with the
 * KeyId it recorded, all with the message's encryption context) work as against AWS KMS. The
 * console's Files page uses the same keyring in the browser; e2e/files-interop.spec.ts checks
 * that browser and Node read each other's messages.
 */

const DEMO_KEY_ARN = keyArn(APP_KEY_ID);
const PARTNER_KEY_ARN = keyArn(PARTNER_KEY_ID, PARTNER_ACCOUNT);

const { encrypt, decrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT);

let sandbox: TestSandbox;
const clients: KMS[] = [];

/** The keyring calls generateDataKey/encrypt/decrypt methods: the aggregated KMS client has them. */
function kms(credentials: AwsCredentials = DEMO_ADMIN): KMS {
  const client = new KMS({
    endpoint: sandbox.url,
    region: 'us-east-1',
    credentials,
    maxAttempts: 1,
  });
  clients.push(client);
  return client;
}

function keyring(options: { generatorKeyId?: string; keyIds?: string[] }, client = kms()) {
  return new KmsKeyringNode({ clientProvider: () => client, ...options });
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await sandbox.close();
});

describe('AWS Encryption SDK (client-node) against the sandbox', () => {
  const plaintext = Buffer.from('quarterly numbers, '.repeat(1000));
  const context = { department: 'finance', purpose: 'interop' };

  it('encrypts under the demo key and the partner key, and records both key ARNs', async () => {
    const { result, messageHeader } = await encrypt(
      keyring({ generatorKeyId: 'alias/demo-app', keyIds: [PARTNER_KEY_ARN] }),
      plaintext,
      { encryptionContext: context },
    );
    expect(messageHeader.suiteId).toBe(
      AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY_ECDSA_P384,
    );
    expect(messageHeader.encryptedDataKeys.map((edk) => edk.providerInfo)).toEqual([
      DEMO_KEY_ARN,
      PARTNER_KEY_ARN,
    ]);
    expect(messageHeader.encryptionContext).toMatchObject(context);

    // Either key alone decrypts: each EDK is a KMS ciphertext under its key, with the context.
    for (const only of [DEMO_KEY_ARN, PARTNER_KEY_ARN]) {
      const { plaintext: clear, messageHeader: header } = await decrypt(
        keyring({ keyIds: [only] }),
        result,
      );
      expect(Buffer.from(clear).equals(plaintext)).toBe(true);
      expect(header.encryptionContext).toMatchObject(context);
    }
  });

  it('refuses a principal without access to any of the keys', async () => {
    const { result } = await encrypt(keyring({ generatorKeyId: DEMO_KEY_ARN }), plaintext, {
      encryptionContext: context,
    });
    // The partner account's admin may not use the demo account's key (no grant, no policy).
    const outsider = kms(PARTNER_ADMIN);
    await expect(decrypt(keyring({ keyIds: [DEMO_KEY_ARN] }, outsider), result)).rejects.toThrow(
      /AccessDeniedException|not authorized/,
    );
  });

  it('binds the context: a changed header context fails authentication at KMS', async () => {
    const { result } = await encrypt(keyring({ generatorKeyId: DEMO_KEY_ARN }), plaintext, {
      encryptionContext: { department: 'finance' },
    });
    // Same length, other value: the EDK's KMS ciphertext no longer matches its context.
    const tampered = Buffer.from(result);
    const at = tampered.indexOf(Buffer.from('finance'));
    tampered.write('fiNance', at);
    await expect(decrypt(keyring({ keyIds: [DEMO_KEY_ARN] }), tampered)).rejects.toThrow(
      /InvalidCiphertextException|Unable to decrypt data key/,
    );
  });
});
