import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../kms/operations';
import { rawSocket, signedJsonRequest, suiteSandbox } from './harness';

/** Members that KMS operations take, each fed values of every wrong shape. */
const MEMBERS = [
  'KeyId',
  'Plaintext',
  'CiphertextBlob',
  'EncryptionContext',
  'GrantTokens',
  'NumberOfBytes',
  'KeySpec',
  'Limit',
  'Marker',
  'AliasName',
  'TargetKeyId',
  'Policy',
  'PolicyName',
  'Tags',
  'TagKeys',
  'GrantId',
  'GrantToken',
  'GranteePrincipal',
  'Operations',
  'Constraints',
  'Message',
  'MessageType',
  'SigningAlgorithm',
  'Signature',
  'MacAlgorithm',
  'Mac',
  'DryRun',
  'DryRunModifiers',
  'Description',
  'KeyUsage',
  'PendingWindowInDays',
  'RotationPeriodInDays',
  'DestinationKeyId',
  'SourceKeyId',
  'SourceEncryptionContext',
  'DestinationEncryptionContext',
  'EncryptionAlgorithm',
  'KeyPairSpec',
  'RetiringPrincipal',
  'Name',
  'WrappingAlgorithm',
  'WrappingKeySpec',
  'ImportToken',
  'EncryptedKeyMaterial',
  'ValidTo',
  'ExpirationModel',
  'ImportType',
  'KeyMaterialId',
  'KeyMaterialDescription',
];
const BAD_VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  2 ** 53,
  true,
  '',
  'x'.repeat(70_000),
  'alias/demo-app',
  '====',
  [],
  [null],
  [1, 2],
  {},
  { a: 1 },
  { a: { b: 'c' } },
  { '': '' },
];

/** A small deterministic generator, so a failure names a case that can be replayed. */
function* cases(): Generator<{ operation: string; input: Record<string, unknown> }> {
  let seed = 42;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const operations = Object.keys(OPERATIONS);
  for (const operation of operations) {
    for (let i = 0; i < 40; i++) {
      const input: Record<string, unknown> = {};
      const members = 1 + next(4);
      for (let m = 0; m < members; m++) {
        input[MEMBERS[next(MEMBERS.length)]] = BAD_VALUES[next(BAD_VALUES.length)];
      }
      yield { operation, input };
    }
  }
}

describe('bad input never crashes the sandbox or gets a 5xx', () => {
  const sandbox = suiteSandbox();

  it('answers every malformed request with a 4xx and an AWS error shape', async () => {
    const failures: string[] = [];
    let count = 0;
    for (const { operation, input } of cases()) {
      const body = JSON.stringify(input);
      const request = await signedJsonRequest(sandbox.url, {
        target: `TrentService.${operation}`,
        body,
      });
      const response = await fetch(sandbox.url, { method: 'POST', headers: request.headers, body });
      const answer = (await response.json()) as { __type?: string };
      count++;
      if (response.status >= 500 || (response.status !== 200 && !answer.__type)) {
        failures.push(`${operation} ${body.slice(0, 200)} → ${response.status} ${answer.__type}`);
      }
    }
    expect(count).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
    // Still alive and correct afterwards.
    const alive = await fetch(sandbox.url);
    expect(alive.status).toBe(200);
  }, 120_000);
});

describe('request targets that are not paths', () => {
  const sandbox = suiteSandbox();

  it('answers 400 and keeps serving (one such request used to stop the process)', async () => {
    for (const line of [
      'GET // HTTP/1.1',
      'GET http://a:b@/ HTTP/1.1',
      'POST // HTTP/1.1\r\nX-Amz-Target: TrentService.ListKeys',
    ]) {
      const { response } = await rawSocket(
        sandbox,
        `${line}\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
      );
      expect(response, line).toMatch(/^HTTP\/1\.1 400 /);
    }
    expect((await fetch(sandbox.url)).status).toBe(200);
  });
});
