import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

/** Runs `npm run sandbox`'s entry point until its ready line (then stops it) or until it exits. */
async function runSandbox(
  args: string[],
): Promise<{ stdout: string[]; stderr: string; code: number | null }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'sandbox/main.ts', '--memory', '--port', '0', '--quiet', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const stdout: string[] = [];
  for await (const line of createInterface({ input: child.stdout! })) {
    stdout.push(line);
    if (line.includes('ready at')) {
      child.kill('SIGTERM');
      break;
    }
  }
  return { stdout, stderr, code: await exited };
}

describe('npm run sandbox: browser-facing options', () => {
  it("warns at start when --cors-origin '*' answers every web page", async () => {
    const run = await runSandbox(['--cors-origin', '*']);
    expect(run.stdout.join('\n')).toContain('ready at');
    expect(run.stderr).toContain(
      "Warning: --cors-origin '*' lets every web page you visit call this sandbox",
    );
  }, 30_000);

  it('refuses an origin with a path, saying what to write instead', async () => {
    const run = await runSandbox(['--cors-origin', 'http://localhost:5173/console']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "--cors-origin takes an origin (http or https, host, optional port, no path), e.g. http://localhost:5173, not 'http://localhost:5173/console'.",
    );
  }, 30_000);
});
