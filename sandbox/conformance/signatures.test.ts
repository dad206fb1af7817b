import { ListKeysCommand } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORGERIES, sendWire, signedWire } from './forgeries';
import { rawSocket, startTestSandbox, type TestSandbox } from './harness';

describe('SigV4 as AWS checks it', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());

  it('answers a correctly signed request (the base every forgery below alters)', async () => {
    const answer = await sendWire(sandbox, await signedWire(sandbox));
    expect(answer.status).toBe(200);
  });

  for (const forgery of FORGERIES) {
    it(`refuses ${forgery.name} with ${forgery.type}`, async () => {
      const answer = await sendWire(sandbox, await forgery.build(sandbox));
      expect(answer.status).toBe(400);
      expect(answer.type).toBe(forgery.type);
      if (forgery.message !== undefined) expect(answer.message).toMatch(forgery.message);
    });
  }

  it('never acts on an unsigned X-Amz-Target swapped for another operation', async () => {
    const kms = sandbox.kms();
    const before = (await kms.send(new ListKeysCommand({}))).Keys!.length;
    const swap = FORGERIES.find((f) => f.name.startsWith('X-Amz-Target not signed'))!;
    await sendWire(sandbox, await swap.build(sandbox));
    expect((await kms.send(new ListKeysCommand({}))).Keys!.length).toBe(before);
  });

  it('accepts an unsigned Content-Type, as AWS does (the AWS SDK for JavaScript v2 never signs it)', async () => {
    const answer = await sendWire(
      sandbox,
      await signedWire(sandbox, { unsigned: ['content-type'] }),
    );
    expect(answer.status).toBe(200);
  });

  it('verifies a repeated signed header as its values joined by ","', async () => {
    const wire = await signedWire(sandbox, { extraHeaders: { 'x-amz-meta-note': 'a,b' } });
    const repeated = {
      ...wire,
      headers: [
        ...wire.headers.filter(([name]) => name !== 'x-amz-meta-note'),
        ['x-amz-meta-note', 'a'],
        ['x-amz-meta-note', 'b'],
      ] as [string, string][],
    };
    expect((await sendWire(sandbox, repeated)).status).toBe(200);
  });

  it('answers a 100 KB header with 431, not a connection reset', async () => {
    const big = 'a'.repeat(100 * 1024);
    for (let i = 0; i < 3; i++) {
      const { response, error } = await rawSocket(
        sandbox,
        `POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: TrentService.ListKeys\r\nX-Big: ${big}\r\nContent-Length: 2\r\n\r\n{}`,
        { endAfterWrite: false },
      );
      expect(error).toBeUndefined();
      expect(response).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    }
    const viaFetch = await fetch(sandbox.url, {
      method: 'POST',
      headers: { 'x-big': big },
      body: '{}',
    });
    expect(viaFetch.status).toBe(431);
    expect((await fetch(sandbox.url)).status).toBe(200);
  });
});
