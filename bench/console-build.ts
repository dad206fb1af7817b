import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';

let built: Promise<string> | undefined;

/**
 * Builds the console once per bench run (with vite.config.ts, into a temporary directory), so
 * the console benchmarks measure the current sources, not whatever dist/ holds.
 */
export function buildConsole(): Promise<string> {
  built ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'kms-console-bench-'));
    await build({ logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: true } });
    return outDir;
  })();
  return built;
}
