import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateAliasCommand, CreateKeyCommand } from '@aws-sdk/client-kms';
import type { Page } from '@playwright/test';
import {
  launchChromium,
  longest,
  longTasksBetween,
  OBSERVE_LONG_TASKS,
  readLongTasks,
  signInOnLightPage,
} from './browser';
import { IdentityDirectory, roleSessionPrincipal } from '../sandbox/identity/directory';
import type { Credential } from '../sandbox/identity/principal';
import { COGNITO_SESSION_NAME } from '../sandbox/identity/identity-pool';
import { DEMO_ACCOUNT, IAM_ROLES, IAM_USERS } from '../sandbox/scenario/demo-scenario';
import { openDatabase } from '../sandbox/store/database';
import { Store } from '../sandbox/store/store';
import { EventLog } from '../sandbox/trail/event-log';
import { KMS_EVENTS } from '../sandbox/trail/kms-events';
import { RequestTrail } from '../sandbox/trail/request-trail';
import { buildConsole } from './console-build';
import { ADMIN } from './kms-throughput';
import { benchClient } from './load';
import { startSandboxProcess } from './processes';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const DAY_MS = 86_400_000;
/** The seeded history spans this many days, ending now. */
const SPAN_DAYS = 30;
/** The Event history page's table page. */
const PAGE_ROWS = 25;
const REGION = 'us-east-1';

interface SeededKeys {
  /** Most calls use it. */
  busy: string;
  /** A key used by one call in a thousand: filtering by it is a needle in the history. */
  rare: string;
  other: string;
}

/** Three keys made through the SDK, so the console resolves them as it would any key. */
async function createKeys(stateDir: string): Promise<SeededKeys> {
  const sandbox = await startSandboxProcess([], { stateDir });
  try {
    const kms = benchClient(sandbox.url, ADMIN, 1);
    const create = async (name: string) => {
      const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: name }));
      await kms.send(
        new CreateAliasCommand({ AliasName: `alias/${name}`, TargetKeyId: KeyMetadata!.KeyId }),
      );
      return KeyMetadata!.Arn!;
    };
    const keys = {
      busy: await create('bench-busy'),
      rare: await create('bench-rare'),
      other: await create('bench-other'),
    };
    kms.destroy();
    return keys;
  } finally {
    await sandbox.stop();
  }
}

function roleSession(roleName: string, sessionName: string, issuedAt: Date): Credential {
  const role = IAM_ROLES.find((r) => r.account === DEMO_ACCOUNT && r.name === roleName)!;
  return {
    accessKeyId: `ASIA${roleName.toUpperCase().padEnd(16, 'X').slice(0, 16)}`,
    secretAccessKey: 'unused',
    issuedAt,
    principal: roleSessionPrincipal(role, sessionName, []),
  };
}

/** One seeded call: who made it, what it asked, and how it ended. */
interface SeedCall {
  credential: Credential;
  operation: string;
  input: Record<string, unknown>;
  key: string;
  error?: { code: string; message: string };
}

/**
 * The history's mix: mostly an application's cryptographic calls on one key as the admin and
 * the operator role; one in 20 a denied Decrypt by the operator (no encryption context), one in
 * 50 a DryRun, one in 500 the auditor's DescribeKey, one in 1,000 a call on the rare key.
 */
function seedCall(i: number, keys: SeededKeys, callers: Record<string, Credential>): SeedCall {
  const context = { EncryptionContext: { department: 'finance' } };
  if (i % 1000 === 500) {
    return { credential: callers.admin, operation: 'Encrypt', input: context, key: keys.rare };
  }
  if (i % 500 === 3) {
    return { credential: callers.auditor, operation: 'DescribeKey', input: {}, key: keys.busy };
  }
  if (i % 20 === 7) {
    return {
      credential: callers.operator,
      operation: 'Decrypt',
      input: {},
      key: keys.busy,
      error: {
        code: 'AccessDeniedException',
        message: `User: ${callers.operator.principal.arn} is not authorized to perform: kms:Decrypt on resource: ${keys.busy} because no identity-based policy allows the kms:Decrypt action`,
      },
    };
  }
  if (i % 50 === 9) {
    return {
      credential: callers.admin,
      operation: 'Encrypt',
      input: { ...context, DryRun: true },
      key: keys.busy,
      error: {
        code: 'DryRunOperationException',
        message: 'The request would have succeeded, but the DryRun option is set.',
      },
    };
  }
  const operations = ['Encrypt', 'Decrypt', 'GenerateDataKey'];
  return {
    credential: i % 3 === 0 ? callers.operator : callers.admin,
    operation: operations[i % operations.length],
    input: context,
    key: i % 4 === 0 ? keys.other : keys.busy,
  };
}

/**
 * Seeds the history through the sandbox's own recording code (RequestTrail → EventLog →
 * SQLite), on the stopped sandbox's state directory: records exactly as requests make them,
 * 100,000 in seconds instead of the minutes 100,000 signed requests take on a shared machine.
 */
function seedEvents(stateDir: string, keys: SeededKeys): number {
  const started = performance.now();
  const store = new Store(openDatabase({ stateDir }));
  const events = new EventLog(store, store.events, { clock: () => new Date() });
  const end = Date.now();
  const start = end - SPAN_DAYS * DAY_MS;
  const directory = new IdentityDirectory(IAM_USERS, IAM_ROLES);
  const callers = {
    admin: directory.resolve(ADMIN.accessKeyId, undefined),
    operator: roleSession('KmsOperator', COGNITO_SESSION_NAME, new Date(start)),
    auditor: roleSession('KmsAuditor', COGNITO_SESSION_NAME, new Date(start)),
  };
  for (let i = 0; i < EVENTS; i++) {
    const call = seedCall(i, keys, callers);
    const now = new Date(start + Math.floor(((end - start) * i) / EVENTS));
    const trail = new RequestTrail(events, KMS_EVENTS, call.operation, {
      requestId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      now,
      sourceIp: '192.0.2.10',
      userAgent:
        'aws-cli/2.22.0 md/awscrt#0.23.4 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.12.6',
    });
    trail.credential = call.credential;
    trail.region = REGION;
    trail.input = { KeyId: call.key, ...call.input };
    trail.usedKey(call.key, DEMO_ACCOUNT);
    if (call.error) trail.failed(call.error.code, call.error.message);
    else trail.succeeded({ KeyId: call.key });
  }
  events.close();
  store.db.close();
  return (performance.now() - started) / 1000;
}

interface Timed {
  ms: number;
  /** The longest long task between the action and the rows on screen. */
  longestTask: number;
  /** What the page said it had read by then. */
  status: string;
}

/**
 * In-page: runs `act`, then polls each frame until the Events table shows a full page of rows
 * that all contain `expected` (or the status says the history has no more), and times it.
 */
async function timeRows(
  page: Page,
  act: () => Promise<void>,
  expected: string,
  newRows = false,
): Promise<Timed> {
  const { t0, before } = await page.evaluate(() => ({
    t0: performance.now(),
    before: document.querySelector('table[aria-label="Events"] tbody tr')?.textContent ?? '',
  }));
  await act();
  const handle = await page
    .waitForFunction(
      ([want, rowsWanted, previousFirst, mustChange]) => {
        const table = document.querySelector('table[aria-label="Events"]');
        const rows = [...(table?.querySelectorAll('tbody tr') ?? [])].map(
          (r) => r.textContent ?? '',
        );
        const status =
          [...document.querySelectorAll('[role="status"]')]
            .map((element) => element.textContent ?? '')
            .find((text) => /event/.test(text)) ?? '';
        const done = /match, of|^\d[\d,]* events?\.$/.test(status);
        const full = rows.length >= (rowsWanted as number) || (done && rows.length > 0);
        // The page before Next is not the answer.
        const fresh = !mustChange || rows[0] !== previousFirst;
        return full && fresh && rows.every((row) => row.includes(want as string))
          ? { at: performance.now(), status }
          : false;
      },
      [expected, PAGE_ROWS, before, newRows] as const,
      { polling: 'raf', timeout: Number(process.env.BENCH_WAIT_MS ?? 300_000) },
    )
    .catch(async (error: unknown) => {
      const text = await page
        .locator('main')
        .innerText()
        .catch(() => '');
      throw new Error(`no page of rows with "${expected}" on screen: ${text.slice(0, 2000)}`, {
        cause: error,
      });
    });
  const { at, status } = (await handle.jsonValue()) as { at: number; status: string };
  const during = longTasksBetween(await readLongTasks(page), t0, at);
  return {
    ms: at - t0,
    longestTask: longest(during),
    status,
  };
}

const keyIdOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);
const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;

/**
 * The Event history page over a history of 100,000 events (`BENCH_EVENTS`): time to the first
 * page of rows, to the next pages, to each filter's first page (key: sent to LookupEvents;
 * user and outcome: matched in the console while it pages on), and the longest long task.
 */
export async function benchEventHistory(): Promise<string> {
  const dist = await buildConsole();
  const stateDir = mkdtempSync(join(tmpdir(), 'bench-event-history-'));
  const keys = await createKeys(stateDir);
  const seedSeconds = seedEvents(stateDir, keys);
  const sandbox = await startSandboxProcess(['--console', dist], { stateDir });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // tsx keeps function names with a __name() helper, which functions sent to the page call.
    await context.addInitScript('globalThis.__name = (fn) => fn;');
    await context.addInitScript(OBSERVE_LONG_TASKS);
    const page = await context.newPage();

    // The auditor, whose job this page is, signs in on a light page first.
    await signInOnLightPage(page, sandbox.url, 'auditor');

    const nav = page
      .getByRole('navigation', { name: 'Navigation' })
      .getByRole('link', { name: 'Event history', exact: true });
    const openPage = () => timeRows(page, () => nav.click(), '');
    const firstPage = await openPage();
    const paging: Timed[] = [];
    for (let i = 0; i < 3; i++) {
      paging.push(
        await timeRows(
          page,
          () => page.getByRole('button', { name: 'Next page' }).click(),
          '',
          true,
        ),
      );
    }

    const filters: Array<[string, string, (page: Page) => Promise<void>, string]> = [
      [
        'key (the rare key: 1 call in 1,000; sent to LookupEvents as ResourceName)',
        'alias/bench-rare',
        (p) => p.getByLabel('Key', { exact: true }).fill('alias/bench-rare'),
        keyIdOf(keys.rare),
      ],
      [
        'user (KmsAuditor: 1 call in 500; matched in the console)',
        'KmsAuditor',
        (p) => p.getByLabel('User', { exact: true }).fill('KmsAuditor'),
        'KmsAuditor',
      ],
      [
        'outcome (Denied: 1 call in 20; matched in the console)',
        'Denied',
        async (p) => {
          await p.getByRole('button', { name: /^Outcome/ }).click();
          await p.getByRole('option', { name: 'Denied', exact: true }).click();
        },
        'Denied',
      ],
    ];
    const filtered: Array<[string, Timed]> = [];
    for (const [label, , apply, expected] of filters) {
      await page.goto(`${sandbox.url}/signed-in`);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      await openPage();
      filtered.push([label, await timeRows(page, () => apply(page), expected)]);
    }
    await context.close();

    const row = (label: string, timed: Timed) =>
      `| ${label} | ${ms(timed.ms)} | ${ms(timed.longestTask)} | ${timed.status} |`;
    return [
      `## Console: Event history with ${EVENTS.toLocaleString('en')} events`,
      '',
      `${EVENTS.toLocaleString('en')} events over ${SPAN_DAYS} days in the sandbox's SQLite history (seeded in ${seedSeconds.toFixed(1)} s through the sandbox's own recording code — RequestTrail and EventLog — on its stopped state directory, so every record is what a request would have stored; 3 keys made through the SDK), served by the sandbox process; Chromium ${browser.version()} at 1440×900, signed in as the auditor. Each time runs from the action to a full table page (${PAGE_ROWS} rows) whose rows all show the filter's value, timed in the page (performance.now(), requestAnimationFrame polling); each filter starts from a freshly opened page. Long tasks from PerformanceObserver('longtask'), target < 200 ms.`,
      '',
      '| action | time to the rows | longest long task | the page said |',
      '|---|---:|---:|---|',
      row('click "Event history" → first page of rows', firstPage),
      ...paging.map((timed, i) => row(`Next page → page ${i + 2}`, timed)),
      ...filtered.map(([label, timed]) => row(`filter by ${label}`, timed)),
    ].join('\n');
  } finally {
    await browser.close();
    await sandbox.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}
