import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, operationBody, prepare } from './kms-throughput';
import { benchClient, runLoad, type LoadResult } from './load';
import { presignedCaller } from './presigned';
import { startSandboxProcess, type SandboxProcess } from './processes';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 64);
/** Slices per variant. */
const SLICES = Number(process.env.BENCH_SLICES ?? 24);
const SLICE_SECONDS = Number(process.env.BENCH_SLICE_SECONDS ?? 1);

type Variant = 'recording' | 'not recording';
const VARIANTS: Variant[] = ['recording', 'not recording'];

/** USER_HZ: Linux reports process times in these. */
const CLOCK_TICKS = 100;

/** A process's CPU time so far (user + system) in ms, from /proc (Linux). */
function cpuTimeMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/**
 * The load generator on CPU 0 and the sandboxes on the other CPUs (BENCH_PIN=0: anywhere). On a
 * machine this small they otherwise take turns on the same cores, and part of what the
 * comparison measures is the load generator's share, not the hot path's cost; in use, clients
 * run elsewhere. Undefined where there is one CPU or no taskset.
 */
function pinLoadGenerator(): { sandboxes: string; description: string } | undefined {
  const cpus = availableParallelism();
  if (process.env.BENCH_PIN === '0' || cpus < 2) return undefined;
  try {
    execFileSync('taskset', ['--all-tasks', '--cpu-list', '-p', '0', String(process.pid)], {
      stdio: 'ignore',
    });
  } catch {
    return undefined;
  }
  const sandboxes = cpus === 2 ? '1' : `1-${cpus - 1}`;
  return {
    sandboxes,
    description: `The load generator runs on CPU 0 and both sandboxes on CPU ${sandboxes} (taskset; BENCH_PIN=0 turns this off).`,
  };
}

interface Target {
  sandbox: SandboxProcess;
  stateDir: string;
  call: Awaited<ReturnType<typeof presignedCaller>>;
}

/** A sandbox on a fresh state directory on disk (as `npm start` runs it), with its caller. */
async function start(variant: Variant, cpus: string | undefined): Promise<Target> {
  const stateDir = mkdtempSync(join(tmpdir(), 'bench-events-'));
  const sandbox = await startSandboxProcess(
    variant === 'recording' ? [] : ['--skip-event-history'],
    { stateDir, ...(cpus ? { cpus } : {}) },
  );
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
  return { sandbox, stateDir, call };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/**
 * What recording every call in the event history costs the hot path: Encrypt throughput at 64
 * clients with and without recording. This machine's speed drifts by up to 2× from one second
 * to the next (other tenants of the host), which made whole-run comparisons say anything from
 * -9% to +38% for the same code; so both sandboxes run side by side and the load alternates
 * between them in short slices (ABBA), each pair of adjacent slices giving one cost estimate,
 * and the median of those is the result (`BENCH_CLIENTS`, `BENCH_SLICES` per variant,
 * `BENCH_SLICE_SECONDS`).
 */
export async function benchEventRecording(): Promise<string> {
  const targets = new Map<Variant, Target>();
  const pinned = pinLoadGenerator();
  try {
    for (const variant of VARIANTS) targets.set(variant, await start(variant, pinned?.sandboxes));
    for (const target of targets.values()) {
      await runLoad(target.call, { concurrency: CLIENTS, seconds: 1, warmupSeconds: 0 });
    }
    const cpuBefore = new Map(VARIANTS.map((v) => [v, cpuTimeMs(targets.get(v)!.sandbox.pid)]));
    const slices: Record<Variant, LoadResult[]> = { recording: [], 'not recording': [] };
    const pairCosts: number[] = [];
    for (let pair = 0; pair < SLICES; pair++) {
      const order = pair % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
      for (const variant of order) {
        const result = await runLoad(targets.get(variant)!.call, {
          concurrency: CLIENTS,
          seconds: SLICE_SECONDS,
          warmupSeconds: 0,
        });
        slices[variant].push(result);
      }
      const on = slices.recording[pair].throughput;
      const off = slices['not recording'][pair].throughput;
      pairCosts.push(1 - on / off);
      console.error(
        `  pair ${pair + 1}: recording ${on.toFixed(0)} req/s, not ${off.toFixed(0)} req/s: ${percent(1 - on / off)}`,
      );
    }
    const summary = VARIANTS.map((variant) => {
      const results = slices[variant];
      const requests = results.reduce((sum, r) => sum + r.requests, 0);
      const seconds = results.reduce((sum, r) => sum + r.seconds, 0);
      const cpu = cpuTimeMs(targets.get(variant)!.sandbox.pid) - cpuBefore.get(variant)!;
      return {
        variant,
        throughput: requests / seconds,
        cpuPerRequest: (cpu * 1000) / requests,
        p50: median(results.map((r) => r.p50)),
        p99: median(results.map((r) => r.p99)),
        errors: results.reduce((sum, r) => sum + r.errors, 0),
        range: [
          Math.min(...results.map((r) => r.throughput)),
          Math.max(...results.map((r) => r.throughput)),
        ],
      };
    });
    const [on, off] = summary;
    const sortedCosts = [...pairCosts].sort((a, b) => a - b);
    return [
      '## Event history: cost of recording on the hot path',
      '',
      `Encrypt (256-byte plaintext, encryption context) at ${CLIENTS} clients against two sandboxes side by side, one recording and one started with --skip-event-history, each on a fresh state directory on disk (so every event is a real SQLite write; an Encrypt's event is stored with its batch, within 50 ms of the answer). After 1 s of warm-up each, the load alternates between them in ${SLICE_SECONDS} s slices, ${SLICES} per sandbox, in ABBA order; each adjacent pair of slices is one estimate of the cost. Server CPU: each sandbox process's user + system time over the run, per answered request. ${pinned?.description ?? 'Load generator and sandboxes share every CPU (not pinned).'} Load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} CPUs at the end.`,
      '',
      '| event history | req/s (all slices) | slowest – fastest slice | server CPU µs/request | p50 ms | p99 ms | errors |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...summary.map(
        (s) =>
          `| ${s.variant} | ${s.throughput.toFixed(0)} | ${s.range[0].toFixed(0)} – ${s.range[1].toFixed(0)} | ${s.cpuPerRequest.toFixed(0)} | ${s.p50.toFixed(2)} | ${s.p99.toFixed(2)} | ${s.errors} |`,
      ),
      '',
      `Cost of recording, median of ${pairCosts.length} adjacent-slice pairs: **${percent(median(pairCosts))}** (middle half ${percent(sortedCosts[Math.floor(sortedCosts.length / 4)])} – ${percent(sortedCosts[Math.floor((sortedCosts.length * 3) / 4)])}; target: under 15%). Over all slices: ${percent(1 - on.throughput / off.throughput)} less throughput, ${on.cpuPerRequest.toFixed(0)} vs ${off.cpuPerRequest.toFixed(0)} µs of server CPU per request (+${percent(on.cpuPerRequest / off.cpuPerRequest - 1)}).`,
    ].join('\n');
  } finally {
    for (const target of targets.values()) {
      target.call.close();
      await target.sandbox.stop();
      rmSync(target.stateDir, { recursive: true, force: true });
    }
  }
}
