import { Agent } from 'node:http';
import { CreateAliasCommand, CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import type { Page } from '@playwright/test';
import {
  launchChromium,
  longest,
  longTasksBetween,
  OBSERVE_LONG_TASKS,
  readLongTasks,
  signInOnLightPage,
} from './browser';
import { mkdirSync } from 'node:fs';
import { buildConsole } from './console-build';
import { startSandboxProcess } from './processes';

const KEYS = Number(process.env.BENCH_CONSOLE_KEYS ?? 10_000);
const SEED_CONCURRENCY = 32;
const ADMIN = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
/** Aliases sort before the demo ones, so the first table page is made of seeded keys. */
const aliasOf = (i: number) => `alias/bench-${String(i).padStart(5, '0')}`;

async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/** 10,000 keys with one alias each, through the SDK (what a real account would hold). */
async function seed(endpoint: string): Promise<number> {
  const kms = new KMSClient({
    endpoint,
    region: 'us-east-1',
    credentials: ADMIN,
    maxAttempts: 3,
    requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: SEED_CONCURRENCY }) },
  });
  const started = performance.now();
  await pool(KEYS, SEED_CONCURRENCY, async (i) => {
    const key = await kms.send(new CreateKeyCommand({ Description: `bench key ${i}` }));
    await kms.send(
      new CreateAliasCommand({ AliasName: aliasOf(i), TargetKeyId: key.KeyMetadata!.KeyId }),
    );
  });
  kms.destroy();
  return (performance.now() - started) / 1000;
}

/** In-page: time from now until the first table page shows `rows` rows with aliases and key ids (and, if asked, their status). */
async function timeToTable(page: Page, navigate: () => Promise<void>, described: boolean) {
  const t0 = await page.evaluate(() => performance.now());
  await navigate();
  const handle = await page.waitForFunction(
    (needDescribed) => {
      const rows = [...document.querySelectorAll('table tbody tr')];
      const ready =
        rows.length >= 20 &&
        rows.every((row) => /alias\/bench-\d{5}/.test(row.textContent ?? '')) &&
        (!needDescribed || rows.every((row) => /Enabled|Disabled/.test(row.textContent ?? '')));
      return ready ? performance.now() : false;
    },
    described,
    { polling: 'raf', timeout: 120_000 },
  );
  return { t0, t1: (await handle.jsonValue()) as number };
}

/** In-page: types `text` into the key filter and times the input event to the filtered table on screen. */
function timeFilter(page: Page, text: string, expectRow: string): Promise<number> {
  return page.evaluate(
    ([value, expected]) =>
      new Promise<number>((resolve, reject) => {
        const input = document.querySelector<HTMLInputElement>('input[aria-label="Filter keys"]');
        if (!input) return reject(new Error('no filter input'));
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        const started = performance.now();
        setter.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const check = () => {
          const rows = [...document.querySelectorAll('table tbody tr')];
          if (rows.length === 1 && rows[0].textContent?.includes(expected)) {
            resolve(performance.now() - started);
          } else if (performance.now() - started > 10_000) {
            reject(new Error(`filter "${value}" did not show ${expected}`));
          } else {
            requestAnimationFrame(check);
          }
        };
        requestAnimationFrame(check);
      }),
    [text, expectRow] as const,
  );
}

const ms = (value: number) => `${Math.round(value)} ms`;

export async function benchConsoleKeys(): Promise<string> {
  const dist = await buildConsole();
  const sandbox = await startSandboxProcess(['--console', dist]);
  const browser = await launchChromium();
  try {
    const seedSeconds = await seed(sandbox.url);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // tsx keeps function names with a __name() helper, which functions sent to the page call.
    await context.addInitScript('globalThis.__name = (fn) => fn;');
    await context.addInitScript(OBSERVE_LONG_TASKS);
    mkdirSync('bench/results', { recursive: true });
    await context.tracing.start({ screenshots: false, snapshots: false });
    const page = await context.newPage();

    // Sign in on a light page, then navigate to Keys as a user would.
    await signInOnLightPage(page, sandbox.url, 'admin');

    const nav = page
      .getByRole('navigation', { name: 'Navigation' })
      .getByRole('link', { name: 'Keys', exact: true });
    const firstPage = await timeToTable(page, () => nav.click(), false);
    const describedPage = await page.evaluate(() => performance.now());
    const describedReady = await timeToTable(page, async () => undefined, true);

    // Wait for the whole catalog: every key described.
    const loadedAt = (await (
      await page.waitForFunction(
        () => {
          const status = document.body.textContent ?? '';
          return /Loading: /.test(status) && !/described \d/.test(status)
            ? performance.now()
            : false;
        },
        undefined,
        { polling: 500, timeout: 600_000 },
      )
    ).jsonValue()) as number;

    const samples = [0.4321, 0.0017, 0.9876, 0.5, 0.0123, 0.7777, 0.2468].map((f) =>
      Math.floor(f * KEYS),
    );
    const filterTimes: number[] = [];
    for (const i of samples) {
      filterTimes.push(await timeFilter(page, aliasOf(i).slice(6), aliasOf(i)));
    }
    filterTimes.sort((a, b) => a - b);
    const filterDone = await page.evaluate(() => performance.now());
    await context.tracing.stop({ path: 'bench/results/console-keys-trace.zip' });

    const tasks = await readLongTasks(page);
    const toFirstPage = longTasksBetween(tasks, firstPage.t0, firstPage.t1);
    const wholeLoad = longTasksBetween(tasks, firstPage.t0, loadedAt);
    const filtering = longTasksBetween(tasks, loadedAt, filterDone);
    await context.close();

    return [
      '## Console: 10,000 keys',
      '',
      `${KEYS.toLocaleString('en')} keys and ${KEYS.toLocaleString('en')} aliases in the sandbox (seeded through the SDK with ${SEED_CONCURRENCY} concurrent clients in ${seedSeconds.toFixed(1)} s), Chromium ${browser.version()} at 1440×900, signed in as the sandbox admin. Timed in the page (performance.now(), requestAnimationFrame polling); long tasks from PerformanceObserver('longtask'). Playwright trace: bench/results/console-keys-trace.zip.`,
      '',
      '| measure | result | target |',
      '|---|---:|---:|',
      `| click "Keys" → first page readable (20 rows with alias and key ID) | ${ms(firstPage.t1 - firstPage.t0)} | 1,500 ms |`,
      `| click "Keys" → first page described (status, spec, usage) | ${ms(describedReady.t1 - firstPage.t0)} | — |`,
      `| click "Keys" → all ${KEYS.toLocaleString('en')} keys described | ${ms(loadedAt - firstPage.t0)} | — |`,
      `| filter by alias → table shows the match (median of ${samples.length}) | ${ms(filterTimes[Math.floor(filterTimes.length / 2)])} | 100 ms |`,
      `| filter by alias (slowest of ${samples.length}) | ${ms(filterTimes[filterTimes.length - 1])} | 100 ms |`,
      `| longest long task until the first page was readable | ${ms(longest(toFirstPage))} (${toFirstPage.length} long tasks) | < 200 ms |`,
      `| longest long task during the whole load | ${ms(longest(wholeLoad))} (${wholeLoad.length} long tasks) | < 200 ms |`,
      `| longest long task while filtering | ${ms(longest(filtering))} (${filtering.length} long tasks) | < 200 ms |`,
      '',
      `(The described page was checked from ${ms(describedPage - firstPage.t0)} after the click.)`,
    ].join('\n');
  } finally {
    await browser.close();
    await sandbox.stop();
  }
}
