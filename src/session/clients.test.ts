import { KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { reportThrottling } from './clients';
import { ClockSync, syncClockOf } from './clock-sync';
import { ThrottleMonitor } from './throttle-monitor';

/** A fake KMS endpoint: answers ThrottlingException `throttles` times, then an empty ListKeys. */
function fakeEndpoint(throttles: number, date = new Date().toUTCString()) {
  let calls = 0;
  return {
    calls: () => calls,
    handler: {
      async handle() {
        calls += 1;
        const throttled = calls <= throttles;
        const body = throttled
          ? JSON.stringify({ __type: 'ThrottlingException', message: 'Rate exceeded' })
          : JSON.stringify({ Keys: [], Truncated: false });
        return {
          response: {
            statusCode: throttled ? 400 : 200,
            headers: {
              'content-type': 'application/x-amz-json-1.1',
              date,
              'x-amzn-requestid': 'r',
            },
            body: new Blob([body]).stream(),
          },
        };
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    },
  };
}

function client(handler: ReturnType<typeof fakeEndpoint>['handler'], maxAttempts: number) {
  return new KMSClient({
    region: 'us-east-1',
    endpoint: 'http://kms.test',
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'secret' },
    maxAttempts,
    requestHandler: handler,
  });
}

describe('SDK client middleware', () => {
  it('counts every throttled attempt, including those the SDK retries', async () => {
    const endpoint = fakeEndpoint(2);
    const kms = client(endpoint.handler, 3);
    const throttle = new ThrottleMonitor();
    reportThrottling(kms, throttle);
    await kms.send(new ListKeysCommand({}));
    expect(endpoint.calls()).toBe(3);
    expect(throttle.getState()).toMatchObject({ total: 2, lastOperation: 'ListKeysCommand' });
  }, 20_000);

  it('learns the endpoint clock from each answer', async () => {
    const endpoint = fakeEndpoint(0, new Date(Date.now() + 3600_000).toUTCString());
    const kms = client(endpoint.handler, 1);
    const clock = new ClockSync();
    syncClockOf(kms, clock);
    await kms.send(new ListKeysCommand({}));
    expect(clock.offset).toBeGreaterThan(3590_000);
  });
});
