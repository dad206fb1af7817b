import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from './harness';

const run = promisify(execFile);
const script = fileURLToPath(new URL('./cli-import.sh', import.meta.url));

describe('importing key material with the AWS CLI and OpenSSL, as the developer guide does', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());

  it('imports a symmetric key and an RSA private key, then uses both', async () => {
    const { stdout } = await run('bash', [script], {
      env: { ...process.env, ENDPOINT: sandbox.url },
      timeout: 120_000,
    });
    expect(stdout).toContain('import walk-through complete');
  }, 120_000);
});
