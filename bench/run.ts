import { mkdirSync, writeFileSync } from 'node:fs';
import { benchAuthorization } from './authorization';
import { benchConsoleBundle } from './console-bundle';
import { benchConsoleCrypto } from './console-crypto';
import { benchConsoleFiles } from './console-files';
import { benchConsoleKeys } from './console-keys';
import { benchEventHistory } from './event-history';
import { benchEventRecording } from './event-recording';
import { benchKmsThroughput } from './kms-throughput';
import { benchRobustness } from './robustness';
import { benchSandboxStartup } from './sandbox-startup';

/**
 * `npm run bench`: every benchmark of the project, printed as Markdown and saved to
 * bench/results/latest.md. Numbers, never pass/fail: targets are judged by people reading them.
 */
const suites: Array<[string, () => Promise<string>]> = [
  ['authorization', benchAuthorization],
  ['sandbox-startup', benchSandboxStartup],
  ['kms-throughput', benchKmsThroughput],
  ['event-recording', benchEventRecording],
  ['console-bundle', benchConsoleBundle],
  ['console-keys', benchConsoleKeys],
  ['console-crypto', benchConsoleCrypto],
  ['console-files', benchConsoleFiles],
  ['event-history', benchEventHistory],
  ['robustness', benchRobustness],
];

const only = process.argv.slice(2);
const sections: string[] = [`# KMS Console benchmarks (${new Date().toISOString()})`, ''];
for (const [name, run] of suites) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.error(`running ${name}…`);
  sections.push(await run(), '');
}
const report = sections.join('\n');
console.log(report);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.md', report);
