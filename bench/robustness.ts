import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  ListAliasesCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { FORGERIES, sendWire } from '../sandbox/conformance/forgeries';
import { httpFuzzCases, memberFuzzCases, statusLine } from '../sandbox/conformance/fuzz-cases';
import { DEMO_ADMIN, rawSocket, signedJsonRequest } from '../sandbox/conformance/harness';
import { benchClient } from './load';
import { startSandboxProcess, type SandboxProcess } from './processes';

/**
 * `npm run bench -- robustness`: the sandbox under hostile and broken input and under kill -9,
 * on loopback only. Counts and time are bounded by environment variables (defaults in
 * parentheses, what the audit measured):
 *   ROBUSTNESS_FORGERY_ROUNDS (20)  rounds of every forged or unsigned request kind
 *   ROBUSTNESS_FUZZ (12000)         fuzzed requests: signed KMS calls with wrong-shaped members,
 *                                   plus raw HTTP with odd methods, targets, headers and bodies
 *   ROBUSTNESS_KILLS (6)            kill -9 runs under write load, on one state directory
 *   ROBUSTNESS_WRITE_MS (8000)      longest write load before a kill (each run kills at a random
 *                                   moment between half of it and all of it)
 *   ROBUSTNESS_WRITERS (8)          concurrent writers
 *   ROBUSTNESS_MAX_SECONDS (900)    time budget for the whole suite; a section that reaches it
 *                                   stops and reports what it did
 */
const FORGERY_ROUNDS = Number(process.env.ROBUSTNESS_FORGERY_ROUNDS ?? 20);
const FUZZ = Number(process.env.ROBUSTNESS_FUZZ ?? 12_000);
const KILLS = Number(process.env.ROBUSTNESS_KILLS ?? 6);
const WRITE_MS = Number(process.env.ROBUSTNESS_WRITE_MS ?? 8000);
const WRITERS = Number(process.env.ROBUSTNESS_WRITERS ?? 8);
const MAX_SECONDS = Number(process.env.ROBUSTNESS_MAX_SECONDS ?? 900);

const number = (n: number) => n.toLocaleString('en-US');

class Deadline {
  private readonly end = performance.now() + MAX_SECONDS * 1000;
  reached = false;
  passed(): boolean {
    this.reached ||= performance.now() > this.end;
    return this.reached;
  }
}

interface ForgeryResult {
  kinds: number;
  tried: number;
  refused: number;
  /** Refused, but not with the exception AWS answers. */
  wrongAnswer: string[];
}

async function forgeries(sandbox: SandboxProcess, deadline: Deadline): Promise<ForgeryResult> {
  const result: ForgeryResult = { kinds: FORGERIES.length, tried: 0, refused: 0, wrongAnswer: [] };
  for (let round = 0; round < FORGERY_ROUNDS && !deadline.passed(); round++) {
    for (const forgery of FORGERIES) {
      const answer = await sendWire(sandbox, await forgery.build(sandbox));
      result.tried++;
      if (answer.status >= 400 && answer.status < 500) result.refused++;
      if (answer.type !== forgery.type && !result.wrongAnswer.includes(forgery.name)) {
        result.wrongAnswer.push(forgery.name);
      }
    }
  }
  return result;
}

interface FuzzResult {
  sent: number;
  serverErrors: number;
  unanswered: number;
  examples: string[];
  alive: boolean;
}

/** Signed KMS requests with wrong-shaped members, round after round of new seeds. */
async function* memberRequests(sandbox: {
  url: string;
}): AsyncGenerator<{ headers: Record<string, string>; body: string }> {
  for (let seed = 42; ; seed++) {
    for (const { operation, input } of memberFuzzCases(seed, 10)) {
      const body = JSON.stringify(input);
      const { headers } = await signedJsonRequest(sandbox.url, {
        target: `TrentService.${operation}`,
        body,
      });
      yield { headers, body };
    }
  }
}

async function fuzz(sandbox: SandboxProcess, deadline: Deadline): Promise<FuzzResult> {
  const result: FuzzResult = { sent: 0, serverErrors: 0, unanswered: 0, examples: [], alive: true };
  const note = (what: string) => {
    if (result.examples.length < 5) result.examples.push(what.slice(0, 160));
  };
  // Two of every three are signed KMS calls (where the audit found nothing), one is raw HTTP.
  const members = memberRequests(sandbox);
  const raw = httpFuzzCases(1, FUZZ);
  while (result.sent < FUZZ && !deadline.passed() && !sandbox.exited()) {
    if (result.sent % 3 === 2) {
      const bytes = raw.next().value as Buffer;
      const status = statusLine((await rawSocket(sandbox, bytes)).response);
      if (status === 0) {
        result.unanswered++;
        note(`no answer: ${bytes.toString('latin1')}`);
      } else if (status >= 500) {
        result.serverErrors++;
        note(`${status}: ${bytes.toString('latin1')}`);
      }
    } else {
      const request = (await members.next()).value as {
        headers: Record<string, string>;
        body: string;
      };
      try {
        const response = await fetch(sandbox.url, { method: 'POST', ...request });
        await response.arrayBuffer();
        if (response.status >= 500) {
          result.serverErrors++;
          note(`${response.status}: ${request.headers['x-amz-target']} ${request.body}`);
        }
      } catch {
        result.unanswered++;
        note(`no answer: ${request.headers['x-amz-target']} ${request.body}`);
      }
    }
    result.sent++;
  }
  result.alive =
    !sandbox.exited() &&
    (await fetch(sandbox.url).then(
      (r) => r.ok,
      () => false,
    ));
  return result;
}

interface KillResult {
  runs: number;
  acknowledged: number;
  lost: number;
  restarts: number;
}

/** Every alias name the account has, page by page. */
async function aliasNames(kms: KMSClient): Promise<Set<string>> {
  const names = new Set<string>();
  let marker: string | undefined;
  do {
    const page = await kms.send(new ListAliasesCommand({ Limit: 100, Marker: marker }));
    for (const alias of page.Aliases ?? []) names.add(alias.AliasName!);
    marker = page.NextMarker;
  } while (marker);
  return names;
}

/**
 * Write load (CreateAlias, each acknowledged write one committed transaction) killed with
 * SIGKILL at a random moment, then a restart on the same state directory that must still have
 * every write that was acknowledged in any run so far.
 */
async function killNine(deadline: Deadline): Promise<KillResult> {
  const stateDir = mkdtempSync(join(tmpdir(), 'kms-robustness-'));
  const acknowledged: string[] = [];
  const result: KillResult = { runs: 0, acknowledged: 0, lost: 0, restarts: 0 };
  let target: string | undefined;
  try {
    for (let run = 0; run < KILLS && !deadline.passed(); run++) {
      const sandbox = await startSandboxProcess([], { stateDir });
      const kms = benchClient(sandbox.url, DEMO_ADMIN, WRITERS);
      target ??= (await kms.send(new CreateKeyCommand({ Description: 'robustness' }))).KeyMetadata!
        .KeyId!;
      const killAt = WRITE_MS * (0.5 + Math.random() / 2);
      let killed = false;
      const writers = Array.from({ length: WRITERS }, async (_, writer) => {
        for (let n = 0; !killed; n++) {
          const name = `alias/robust-${run}-${writer}-${n}`;
          try {
            await kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: target }));
            acknowledged.push(name);
          } catch {
            // In flight when the process died: may or may not be there, and was never promised.
          }
        }
      });
      await new Promise((resolve) => setTimeout(resolve, killAt));
      await sandbox.kill9();
      killed = true;
      await Promise.all(writers);
      kms.destroy();
      result.runs++;

      let restarted: SandboxProcess;
      try {
        restarted = await startSandboxProcess([], { stateDir });
      } catch {
        break; // a state directory that no longer opens: reported as a failed restart
      }
      result.restarts++;
      const check = benchClient(restarted.url, DEMO_ADMIN, 1);
      const present = await aliasNames(check);
      result.lost = acknowledged.filter((name) => !present.has(name)).length;
      check.destroy();
      await restarted.stop();
    }
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
  result.acknowledged = acknowledged.length;
  return result;
}

export async function benchRobustness(): Promise<string> {
  const deadline = new Deadline();
  const started = performance.now();
  const sandbox = await startSandboxProcess();
  let forged: ForgeryResult;
  let fuzzed: FuzzResult;
  try {
    forged = await forgeries(sandbox, deadline);
    fuzzed = await fuzz(sandbox, deadline);
  } finally {
    await sandbox.stop();
  }
  const killed = await killNine(deadline);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);

  const lines = [
    '## Robustness (loopback)',
    '',
    `Forged/unsigned rounds ${FORGERY_ROUNDS}, fuzzed requests ${number(FUZZ)}, kill -9 runs ${KILLS} ` +
      `(writes for up to ${WRITE_MS} ms, ${WRITERS} writers), budget ${MAX_SECONDS} s; took ${seconds} s.` +
      (deadline.reached ? ' **Stopped at the time budget**: counts below are what ran.' : ''),
    '',
    '| check | tried | outcome |',
    '|---|---:|---|',
    `| forged or unsigned requests (${forged.kinds} kinds) | ${number(forged.tried)} | ` +
      `${number(forged.refused)} refused` +
      (forged.wrongAnswer.length
        ? `; not AWS's exception for: ${forged.wrongAnswer.join('; ')}`
        : ", each with AWS's exception") +
      ' |',
    `| fuzzed requests (wrong-shaped members, odd HTTP) | ${number(fuzzed.sent)} | ` +
      `${number(fuzzed.serverErrors)} 5xx, ${number(fuzzed.unanswered)} unanswered, ` +
      `sandbox ${fuzzed.alive ? 'still answering' : '**stopped answering**'} |`,
    `| kill -9 under write load | ${killed.runs} runs | ${number(killed.lost)} of ` +
      `${number(killed.acknowledged)} acknowledged writes lost; ${killed.restarts} of ${killed.runs} restarts clean |`,
  ];
  if (fuzzed.examples.length > 0) {
    lines.push(
      '',
      'First fuzz failures:',
      ...fuzzed.examples.map((e) => `- \`${JSON.stringify(e)}\``),
    );
  }
  return lines.join('\n');
}
