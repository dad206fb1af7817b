import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, operationBody, prepare, SECONDS } from './kms-throughput';
import { benchClient, runLoad, type LoadResult } from './load';
import { presignedCaller } from './presigned';
import { startSandboxProcess } from './processes';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 64);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

type Variant = 'recording' | 'not recording';

interface Measured extends LoadResult {
  /** The sandbox process's CPU time (user + system) per answered request, in µs. */
  cpuPerRequest: number;
}

/** USER_HZ: Linux reports process times in these. */
const CLOCK_TICKS = 100;

/**
 * A process's CPU time so far in ms, from /proc (Linux): on a shared machine the CPU a request
 * costs is steadier than the throughput, which also depends on what else runs.
 */
function cpuTimeMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/** One sandbox process on a fresh state directory (SQLite on disk, as `npm start` runs it). */
async function measure(variant: Variant): Promise<Measured> {
  const stateDir = mkdtempSync(join(tmpdir(), 'bench-events-'));
  const sandbox = await startSandboxProcess(
    variant === 'recording' ? [] : ['--skip-event-history'],
    { stateDir },
  );
  try {
    const setup = benchClient(sandbox.url, ADMIN, 1);
    const { keyId, ciphertext } = await prepare(setup);
    setup.destroy();
    const call = await presignedCaller(
      sandbox.url,
      ADMIN,
      'Encrypt',
      operationBody('Encrypt', keyId, ciphertext),
      CLIENTS,
    );
    try {
      // Warm up apart, so the CPU time read around the measured window belongs to it alone.
      await runLoad(call, { concurrency: CLIENTS, seconds: 1, warmupSeconds: 0 });
      const cpuBefore = cpuTimeMs(sandbox.pid);
      const result = await runLoad(call, {
        concurrency: CLIENTS,
        seconds: SECONDS,
        warmupSeconds: 0,
      });
      const cpuPerRequest = ((cpuTimeMs(sandbox.pid) - cpuBefore) * 1000) / result.requests;
      return { ...result, cpuPerRequest };
    } finally {
      call.close();
    }
  } finally {
    await sandbox.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/**
 * What recording every call in the event history costs the hot path: Encrypt throughput at 64
 * clients with and without recording, in the same run, alternating the order each round (ABBA)
 * so drift on a shared machine falls on both. Each sandbox keeps its state on disk, so every
 * recorded event is a real SQLite write (`BENCH_CLIENTS`, `BENCH_ROUNDS`, `BENCH_SECONDS`).
 */
export async function benchEventRecording(): Promise<string> {
  const results: Record<Variant, Measured[]> = { recording: [], 'not recording': [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order: Variant[] =
      round % 2 === 0 ? ['recording', 'not recording'] : ['not recording', 'recording'];
    for (const variant of order) {
      const result = await measure(variant);
      results[variant].push(result);
      console.error(
        `  round ${round + 1} ${variant}: ${result.throughput.toFixed(0)} req/s, ${result.cpuPerRequest.toFixed(0)} µs CPU/request, p99 ${result.p99.toFixed(1)} ms, ${result.errors} errors`,
      );
    }
  }
  const on = median(results.recording.map((r) => r.throughput));
  const off = median(results['not recording'].map((r) => r.throughput));
  const cpuOn = median(results.recording.map((r) => r.cpuPerRequest));
  const cpuOff = median(results['not recording'].map((r) => r.cpuPerRequest));
  const rows = (['recording', 'not recording'] as Variant[]).flatMap((variant) =>
    results[variant].map(
      (r, i) =>
        `| ${variant} | ${i + 1} | ${r.throughput.toFixed(0)} | ${r.cpuPerRequest.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.errors} |`,
    ),
  );
  return [
    '## Event history: cost of recording on the hot path',
    '',
    `Encrypt (256-byte plaintext, encryption context) at ${CLIENTS} clients for ${SECONDS} s per cell after 1 s warm-up, ${ROUNDS} rounds alternating the order; each sandbox on a fresh state directory on disk, so every event is a real SQLite write (an Encrypt's event is stored with its batch, within 50 ms of the answer). Server CPU: the sandbox process's user + system time over the measured window, per answered request (load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} CPUs at the end).`,
    '',
    '| event history | round | req/s | server CPU µs/request | p50 ms | p99 ms | errors |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `Median throughput: recording ${on.toFixed(0)} req/s, not recording ${off.toFixed(0)} req/s: recording costs ${(((off - on) / off) * 100).toFixed(1)}% (target: under 15%). Median server CPU per request: recording ${cpuOn.toFixed(0)} µs, not recording ${cpuOff.toFixed(0)} µs (+${(((cpuOn - cpuOff) / cpuOff) * 100).toFixed(1)}%).`,
  ].join('\n');
}
