import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface Service {
  url: string;
  /** The server's process id, e.g. to read its CPU time. */
  pid?: number;
  stop(): Promise<void>;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

export interface SandboxProcess extends Service {
  /** Ends the process with SIGKILL (kill -9): no shutdown code runs. */
  kill9(): Promise<void>;
  /** Whether the process has exited (on its own or killed). */
  exited(): boolean;
}

/**
 * Starts the sandbox as its own process, as `npm run sandbox` would, and waits for its ready
 * line. State is in memory unless `stateDir` names a directory (SQLite on disk, as `npm start`).
 * `cpus` (a taskset CPU list) keeps it to those CPUs.
 */
export async function startSandboxProcess(
  extraArgs: string[] = [],
  options: { stateDir?: string; cpus?: string } = {},
): Promise<SandboxProcess> {
  const state = options.stateDir ? ['--state-dir', options.stateDir] : ['--memory'];
  const command = [
    process.execPath,
    ...['--import', 'tsx', 'sandbox/main.ts', ...state, '--port', '0', '--quiet', ...extraArgs],
  ];
  // taskset execs the sandbox in its own place, so the child's pid is the sandbox's.
  if (options.cpus) command.unshift('taskset', '-c', options.cpus);
  const child = spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
  for await (const line of createInterface({ input: child.stdout! })) {
    const url = /ready at (http:\/\/\S+)/.exec(line)?.[1];
    if (url) {
      return {
        url,
        pid: child.pid,
        stop: stopper(child),
        exited: () => child.exitCode !== null || child.signalCode !== null,
        kill9: () =>
          new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGKILL');
          }),
      };
    }
  }
  throw new Error('the sandbox exited before it was ready');
}

/** Starts moto's server (python3 -m moto.server) on a port and waits until it answers. */
export async function startMoto(port: number): Promise<Service> {
  const child = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('moto.server exited; is moto installed?');
    try {
      await fetch(`${url}/moto-api/`);
      return { url, stop: stopper(child) };
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error('moto.server did not answer within 30 s');
}
