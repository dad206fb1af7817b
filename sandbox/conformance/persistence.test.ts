import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CreateKeyCommand, DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
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
    const client = new KMSClient({
      endpoint: first.url,
      region: 'us-east-1',
      credentials: DEMO_ADMIN,
    });
    const created = await client.send(new CreateKeyCommand({ Description: 'survives kill -9' }));
    client.destroy();
    await killHard(first.child);

    const second = await startProcess(stateDir);
    const again = new KMSClient({
      endpoint: second.url,
      region: 'us-east-1',
      credentials: DEMO_ADMIN,
    });
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
});
