import { createBenchFixture, runBenchAuthorization } from '../src/policy/bench-fixture';
import { percentile } from './load';

/**
 * Time to authorize one request against a 20-statement key policy plus a 20-statement IAM policy,
 * already parsed (as the sandbox's policy cache holds them). Batches of 1,000 calls are timed so
 * the clock's resolution does not dominate; the median batch gives µs per call.
 */
export async function benchAuthorization(): Promise<string> {
  const fixture = createBenchFixture();
  if (!runBenchAuthorization(fixture).allowed) throw new Error('bench fixture should be allowed');
  const batch = 1000;
  for (let i = 0; i < 20 * batch; i++) runBenchAuthorization(fixture);
  const perCall: number[] = [];
  for (let round = 0; round < 200; round++) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) runBenchAuthorization(fixture);
    perCall.push(((performance.now() - t0) * 1000) / batch);
  }
  perCall.sort((a, b) => a - b);
  return [
    '## Authorization (src/policy)',
    '',
    'One kms:Encrypt request, 20-statement key policy + 20-statement IAM policy, parsed once.',
    '',
    '| median µs/request | p99 µs/request | target |',
    '|---:|---:|---|',
    `| ${percentile(perCall, 50).toFixed(2)} | ${percentile(perCall, 99).toFixed(2)} | < 50 µs |`,
  ].join('\n');
}
