import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { percentile } from './load';

const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 10);

/** Milliseconds from spawning `npm run sandbox -- --memory` to its "ready at" line. */
async function timeOneStart(): Promise<number> {
  const started = performance.now();
  // Its own process group, so npm, the version check and the sandbox all go when it is killed.
  const child = spawn('npm', ['run', 'sandbox', '--', '--memory', '--port', '0', '--quiet'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    for await (const line of createInterface({ input: child.stdout! })) {
      if (line.includes('ready at')) return performance.now() - started;
    }
    throw new Error('the sandbox exited before it was ready');
  } finally {
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
  }
}

/**
 * Sandbox start-up as every CI suite pays it: `npm run sandbox -- --memory`, spawn to ready line,
 * with the Node version check and tsx included.
 */
export async function benchSandboxStartup(): Promise<string> {
  await timeOneStart(); // warms tsx's transform cache, as any second start finds it
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await timeOneStart());
  times.sort((a, b) => a - b);
  return [
    `## Sandbox start-up (Node ${process.version})`,
    '',
    `\`npm run sandbox -- --memory\`, spawn to the ready line, ${RUNS} starts after one warm-up.`,
    '',
    '| median ms | fastest ms | slowest ms | target |',
    '|---:|---:|---:|---|',
    `| ${percentile(times, 50).toFixed(0)} | ${times[0].toFixed(0)} | ${times[times.length - 1].toFixed(0)} | ≤ 1,100 ms |`,
  ].join('\n');
}
