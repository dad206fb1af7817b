import { launchChromium } from './browser';
import react from '@vitejs/plugin-react';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { percentile } from './load';

const ROUNDS = 200;
const WARMUP = 20;

interface StepMeasurement {
  name: string;
  samples: number[];
  cpuPerRun: number;
}

/**
 * Client-side work of one cryptographic operation on a 4 KB payload: encoding the input,
 * decoding the response, rendering the result. Measured in Chromium on the browser builds of
 * the console's own modules (the SDK's codecs, React, Cloudscape), bundled by Vite in production
 * mode. The network and KMS are left out: they are not the console's work.
 */
export async function benchConsoleCrypto(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'kms-console-bench-'));
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      mode: 'production',
      plugins: [react()],
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        outDir,
        emptyOutDir: true,
        cssCodeSplit: false,
        lib: {
          entry: 'bench/console-crypto-entry.tsx',
          formats: ['iife'],
          name: 'ConsoleCryptoBench',
          fileName: () => 'bench.js',
        },
      },
    });
    const css = readdirSync(outDir).find((file) => file.endsWith('.css'));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent(
        '<!doctype html><html lang="en"><body><div id="root"></div></body></html>',
      );
      if (css) await page.addStyleTag({ path: join(outDir, css) });
      await page.addScriptTag({ path: join(outDir, 'bench.js') });
      type Bench = {
        stepNames(): string[];
        runStep(name: string, rounds: number, warmup?: number): { samples: number[] };
      };
      const names = await page.evaluate(() =>
        (window as unknown as { ConsoleCryptoBench: Bench }).ConsoleCryptoBench.stepNames(),
      );
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const threadTime = async () => {
        const { metrics } = await cdp.send('Performance.getMetrics');
        return (metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? 0) * 1000;
      };
      const results: StepMeasurement[] = [];
      for (const name of names) {
        await page.evaluate(
          ([step, n]) =>
            (window as unknown as { ConsoleCryptoBench: Bench }).ConsoleCryptoBench.runStep(
              step,
              0,
              n,
            ),
          [name, WARMUP] as const,
        );
        const cpuBefore = await threadTime();
        const { samples } = await page.evaluate(
          ([step, n]) =>
            (window as unknown as { ConsoleCryptoBench: Bench }).ConsoleCryptoBench.runStep(
              step,
              n,
            ),
          [name, ROUNDS] as const,
        );
        // Main-thread CPU time of the batch (including untimed unmounts, so an upper bound).
        const cpuPerRun = ((await threadTime()) - cpuBefore) / ROUNDS;
        results.push({ name, samples, cpuPerRun });
      }
      const version = browser.version();
      return report(results, version);
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function report(results: StepMeasurement[], version: string): string {
  const rows = results.map(({ name, samples, cpuPerRun }) => {
    const sorted = [...samples].sort((a, b) => a - b);
    return { name, median: percentile(sorted, 50), p95: percentile(sorted, 95), cpu: cpuPerRun };
  });
  const worst = (prefix: string, pick: (row: (typeof rows)[number]) => number) =>
    rows
      .filter((row) => row.name.startsWith(prefix))
      .reduce((max, row) => Math.max(max, pick(row)), 0);
  // One operation = its slowest encode + its slowest decode + rendering its result. The forms keep
  // the Result region mounted from one operation to the next, so an operation updates it: that
  // update is what users pay. The first result of a page mounts the region, shown apart.
  const total = (render: string, pick: (row: (typeof rows)[number]) => number) =>
    worst('encode', pick) + worst('decode', pick) + worst(render, pick);
  const mount = 'render: Result region';
  const update = 'render: next';
  return [
    '## Console: client-side work per cryptographic operation (4 KB payload)',
    '',
    `Chromium ${version}, production bundle of the console's modules (browser builds of the SDK codecs, React, Cloudscape); ${ROUNDS} timed runs per step after ${WARMUP} warm-up runs. Network and KMS excluded. Wall-clock times include waiting for a CPU on a busy machine; CPU is the page's main-thread CPU time per run (Chrome's ThreadTime), which does not.`,
    '',
    '| step | median ms | p95 ms | CPU ms/run |',
    '|---|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${row.median.toFixed(2)} | ${row.p95.toFixed(2)} | ${row.cpu.toFixed(2)} |`,
    ),
    '',
    `**Per operation** (slowest encode + slowest decode + updating the mounted Result region with the next result), target < 5 ms: **${total(update, (r) => r.cpu).toFixed(2)} ms CPU** (${total(update, (r) => r.median).toFixed(2)} ms wall-clock median). A page's first result mounts the region: ${total(mount, (r) => r.cpu).toFixed(2)} ms CPU (${total(mount, (r) => r.median).toFixed(2)} ms wall-clock). Load average while measuring: ${loadavg()[0].toFixed(1)} on ${availableParallelism()} CPUs.`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await benchConsoleCrypto());
}
