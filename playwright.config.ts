import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './chromium-options';

const PORT = Number(process.env.E2E_PORT ?? 4599);
/** A second sandbox whose temporary credentials last 30 s (e2e/session-refresh.spec.ts). */
export const SHORT_SESSION_PORT = PORT + 1;
/** Built console to serve (several builds can be tested side by side). */
const CONSOLE_DIR = process.env.E2E_CONSOLE_DIR ?? 'dist';

/**
 * End-to-end tests drive Debian's Chromium (Playwright cannot download browsers here) against a
 * throwaway sandbox that also serves the built console.
 */
export default defineConfig({
  testDir: 'e2e',
  // The moto suite has its own config (playwright.moto.config.ts): it needs moto running.
  testIgnore: 'moto/**',
  globalSetup: './e2e/support/built-console.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 60_000,
  // CI machines run the sandbox, the browser and the build on two cores: be patient, never sleep.
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: CHROMIUM_LAUNCH,
  },
  webServer: [
    {
      // The short-session sandbox's origin stands in for a static host that serves the console
      // (e2e/console-served.spec.ts), so this one names it with --cors-origin.
      command: `node --import tsx sandbox/main.ts --memory --quiet --port ${PORT} --console ${CONSOLE_DIR} --session-ttl 120 --cors-origin http://127.0.0.1:${SHORT_SESSION_PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // Short-lived credentials, so the credential refresh tests see several expiries quickly.
      command: `node --import tsx sandbox/main.ts --memory --quiet --port ${SHORT_SESSION_PORT} --console ${CONSOLE_DIR} --session-ttl 30`,
      url: `http://127.0.0.1:${SHORT_SESSION_PORT}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
