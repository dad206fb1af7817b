import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What `vite build` turns into the console: a change to any of these needs a new build. */
const SOURCES = ['src', 'index.html', 'vite.config.ts', 'package-lock.json'];

function newestChange(path: string): { path: string; mtimeMs: number } {
  const stat = statSync(path);
  if (!stat.isDirectory()) return { path, mtimeMs: stat.mtimeMs };
  let newest = { path, mtimeMs: 0 };
  for (const entry of readdirSync(path)) {
    const candidate = newestChange(join(path, entry));
    if (candidate.mtimeMs > newest.mtimeMs) newest = candidate;
  }
  return newest;
}

/**
 * Playwright's global setup: refuse to test a console built before its sources last changed.
 * The tests serve the built files, so a stale build passes or fails for code that is not there
 * (a renamed option went unnoticed this way until CI).
 */
export default function checkBuiltConsole(): void {
  const dir = process.env.E2E_CONSOLE_DIR ?? 'dist';
  let built: number;
  try {
    built = statSync(join(dir, 'index.html')).mtimeMs;
  } catch {
    throw new Error(
      `No built console in ${dir}/: run \`npm run build\` first (npm run test:e2e does).`,
    );
  }
  const newest = SOURCES.map(newestChange).reduce((a, b) => (b.mtimeMs > a.mtimeMs ? b : a));
  if (newest.mtimeMs > built) {
    throw new Error(
      `The built console in ${dir}/ is older than ${newest.path}: run \`npm run build\` first (npm run test:e2e does).`,
    );
  }
}
