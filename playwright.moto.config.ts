import { defineConfig } from '@playwright/test';
import base from './playwright.config';

const PORT = Number(process.env.E2E_PORT ?? 4599);
/** Serves the built console (the sandbox's static server, not its KMS: the tests point at moto). */
const CONSOLE_PORT = PORT + 2;
/** moto, the Python AWS emulator: an endpoint that ignores DryRun and lacks some operations. */
export const MOTO_PORT = PORT + 3;
export const MOTO_ENDPOINT = `http://127.0.0.1:${MOTO_PORT}`;
const CONSOLE_DIR = process.env.E2E_CONSOLE_DIR ?? 'dist';

/**
 * The console against moto (`python3 -m moto.server`) with moto's usual `test`/`test` keys:
 * everything an endpoint other than the sandbox does differently (no DryRun, missing fields,
 * unimplemented operations answered with HTML) must be reported as what it is.
 */
export default defineConfig({
  ...base,
  testDir: 'e2e/moto',
  testIgnore: [],
  use: { ...base.use, baseURL: `http://127.0.0.1:${CONSOLE_PORT}` },
  webServer: [
    {
      command: `node --import tsx sandbox/main.ts --memory --quiet --port ${CONSOLE_PORT} --console ${CONSOLE_DIR}`,
      url: `http://127.0.0.1:${CONSOLE_PORT}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `python3 -m moto.server -H 127.0.0.1 -p ${MOTO_PORT}`,
      url: `${MOTO_ENDPOINT}/moto-api/`,
      reuseExistingServer: false,
      // Werkzeug logs every request on stderr.
      stderr: 'ignore',
      timeout: 60_000,
    },
  ],
});
