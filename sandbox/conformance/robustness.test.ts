import { describe, expect, it } from 'vitest';
import { httpFuzzCases, memberFuzzCases, statusLine } from './fuzz-cases';
import { rawSocket, signedJsonRequest, suiteSandbox } from './harness';

describe('bad input never crashes the sandbox or gets a 5xx', () => {
  const sandbox = suiteSandbox();

  it('answers every malformed request with a 4xx and an AWS error shape', async () => {
    const failures: string[] = [];
    let count = 0;
    for (const { operation, input } of memberFuzzCases()) {
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

  it('answers a request target that is not a path with 400 and keeps serving (one such request used to stop the process)', async () => {
    for (const line of [
      'GET // HTTP/1.1',
      'GET http://a:b@/ HTTP/1.1',
      'POST // HTTP/1.1\r\nX-Amz-Target: TrentService.ListKeys',
    ]) {
      const { response } = await rawSocket(
        sandbox,
        `${line}\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
      );
      expect(statusLine(response), line).toBe(400);
    }
    expect((await fetch(sandbox.url)).status).toBe(200);
  });

  it('answers odd methods, targets, headers and bodies, always below 500', async () => {
    const failures: string[] = [];
    for (const bytes of httpFuzzCases(7, 300)) {
      const status = statusLine((await rawSocket(sandbox, bytes)).response);
      // 0: no answer at all (a reset or a close without a status line).
      if (status === 0 || status >= 500) {
        failures.push(`${bytes.toString('latin1').slice(0, 200)} → ${status}`);
      }
    }
    expect(failures).toEqual([]);
    expect((await fetch(sandbox.url)).status).toBe(200);
  }, 120_000);
});
