import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { constants, createPublicKey, publicEncrypt, randomBytes } from 'node:crypto';
import {
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GetParametersForImportCommand,
  ImportKeyMaterialCommand,
  KMSClient,
} from '@aws-sdk/client-kms';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_KEY_ID } from '../scenario/demo-scenario';
import { DEMO_ADMIN } from './harness';

/** Starts `npm run sandbox`'s entry point as its own process and waits for its ready line. */
async function startProcess(stateDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'sandbox/main.ts', '--port', '0', '--state-dir', stateDir, '--quiet'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const url = /ready at (http:\/\/\S+)/.exec(line)?.[1];
    if (url) return { child, url };
  }
  throw new Error('the sandbox exited before printing its ready line');
}

/** The demo admin's KMS client for a sandbox process. */
function adminClient(url: string): KMSClient {
  return new KMSClient({ endpoint: url, region: 'us-east-1', credentials: DEMO_ADMIN });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('state survives restarts', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'kms-sandbox-'));
  afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

  it('keeps an acknowledged CreateKey after kill -9', async () => {
    const first = await startProcess(stateDir);
    const client = adminClient(first.url);
    const created = await client.send(new CreateKeyCommand({ Description: 'survives kill -9' }));
    client.destroy();
    await killHard(first.child);

    const second = await startProcess(stateDir);
    const again = adminClient(second.url);
    try {
      const described = await again.send(
        new DescribeKeyCommand({ KeyId: created.KeyMetadata!.KeyId }),
      );
      expect(described.KeyMetadata?.Description).toBe('survives kill -9');
      const seeded = await again.send(new DescribeKeyCommand({ KeyId: 'alias/demo-app' }));
      expect(seeded.KeyMetadata?.KeyId).toBe(APP_KEY_ID);
    } finally {
      again.destroy();
      await killHard(second.child);
    }
  }, 60_000);

  it('keeps imported key material and an unused import token across a restart', async () => {
    const first = await startProcess(stateDir);
    const client = adminClient(first.url);
    const material = randomBytes(32);
    const parameters = (KeyId: string) =>
      client.send(
        new GetParametersForImportCommand({
          KeyId,
          WrappingAlgorithm: 'RSAES_OAEP_SHA_256',
          WrappingKeySpec: 'RSA_2048',
        }),
      );
    const wrap = (publicKey: Uint8Array) =>
      publicEncrypt(
        {
          key: createPublicKey({ key: Buffer.from(publicKey), type: 'spki', format: 'der' }),
          padding: constants.RSA_PKCS1_OAEP_PADDING,
          oaepHash: 'sha256',
        },
        material,
      );
    const { KeyMetadata } = await client.send(new CreateKeyCommand({ Origin: 'EXTERNAL' }));
    const KeyId = KeyMetadata!.KeyId!;
    const used = await parameters(KeyId);
    const kept = await parameters(KeyId);
    await client.send(
      new ImportKeyMaterialCommand({
        KeyId,
        ImportToken: used.ImportToken,
        EncryptedKeyMaterial: wrap(used.PublicKey!),
        ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
      }),
    );
    const { CiphertextBlob } = await client.send(
      new EncryptCommand({ KeyId, Plaintext: new TextEncoder().encode('kept') }),
    );
    client.destroy();
    await killHard(first.child);

    const second = await startProcess(stateDir);
    const again = adminClient(second.url);
    try {
      const { Plaintext } = await again.send(new DecryptCommand({ CiphertextBlob }));
      expect(new TextDecoder().decode(Plaintext)).toBe('kept');
      const reimported = await again.send(
        new ImportKeyMaterialCommand({
          KeyId,
          ImportToken: kept.ImportToken,
          EncryptedKeyMaterial: wrap(kept.PublicKey!),
          ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
        }),
      );
      expect(reimported.KeyMaterialId).toMatch(/^[a-f0-9]{64}$/);
    } finally {
      again.destroy();
      await killHard(second.child);
    }
  }, 60_000);
});
