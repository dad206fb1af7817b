import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../chromium-options';

/** Chromium as the e2e tests start it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH);
}

/**
 * Signs a scenario user in to the sandbox's console on a light page (page not found), so the
 * page being timed is then opened from the navigation as a user would, with nothing else loading.
 */
export async function signInOnLightPage(page: Page, sandboxUrl: string, user: string) {
  await page.goto(`${sandboxUrl}/signed-in`);
  await page.getByRole('radio', { name: 'Sandbox' }).check();
  await page.getByRole('radio', { name: user, exact: true }).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
}

/** A main-thread block over 50 ms, as PerformanceObserver('longtask') reports it. */
export interface LongTask {
  start: number;
  duration: number;
}

/**
 * An init script: records the page's long tasks from its first script on, for `readLongTasks`.
 * Add it with `context.addInitScript(OBSERVE_LONG_TASKS)`.
 */
export const OBSERVE_LONG_TASKS = () => {
  const w = window as unknown as { longTasks: LongTask[] };
  w.longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      w.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
};

export async function readLongTasks(page: Page): Promise<LongTask[]> {
  return (await page.evaluate(
    () => (window as unknown as { longTasks: LongTask[] }).longTasks,
  )) as LongTask[];
}

/** The long tasks that overlap the page-clock interval from..to. */
export const longTasksBetween = (tasks: LongTask[], from: number, to: number) =>
  tasks.filter((t) => t.start + t.duration >= from && t.start <= to);

export const longest = (tasks: LongTask[]) =>
  tasks.reduce((max, t) => Math.max(max, t.duration), 0);
