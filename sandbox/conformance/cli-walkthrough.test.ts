import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { suiteSandbox } from './harness';

const run = promisify(execFile);
const script = fileURLToPath(new URL('./cli-walkthrough.sh', import.meta.url));

describe('the key-rotation walk-through with the AWS CLI', () => {
  const sandbox = suiteSandbox();

  it('runs end to end with fileb:// input and base64-decoded output', async () => {
    const { stdout } = await run('bash', [script], {
      env: { ...process.env, ENDPOINT: sandbox.url },
      timeout: 120_000,
    });
    expect(stdout).toContain('walk-through complete');
  }, 120_000);
});
