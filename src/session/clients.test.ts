import {
  GenerateDataKeyPairCommand,
  KMSClient,
  ListKeysCommand,
  type KMSClientConfig,
} from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { EndpointAnswers } from '../kms/endpoint-answers';
import { describeError } from '../kms/errors';
import { interpretEndpointAnswers, reportThrottling } from './clients';
import { ClockSync, syncClockOf } from './clock-sync';
import { ConsoleRetryStrategy } from './retry-strategy';
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

type Answer = { status: number; type: string; body: string } | 'network-error';

/** An endpoint like moto: ListKeys answers JSON; other operations answer as `unimplemented` says. */
function emulator(unimplemented: Answer) {
  const calls: string[] = [];
  return {
    calls,
    handler: {
      async handle(request: { headers: Record<string, string> }) {
        const operation = (request.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
        calls.push(operation);
        const answer: Answer =
          operation === 'ListKeys'
            ? { status: 200, type: 'application/x-amz-json-1.1', body: '{"Keys":[]}' }
            : unimplemented;
        if (answer === 'network-error') throw new TypeError('Failed to fetch');
        return {
          response: {
            statusCode: answer.status,
            headers: { 'content-type': answer.type },
            body: new Blob([answer.body]).stream(),
          },
        };
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    },
  };
}

function consoleClient(handler: KMSClientConfig['requestHandler'], attempts = 5) {
  const kms = new KMSClient({
    region: 'us-east-1',
    endpoint: 'http://moto.test',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    retryStrategy: new ConsoleRetryStrategy(attempts),
    requestHandler: handler,
  });
  interpretEndpointAnswers(kms, new EndpointAnswers());
  return kms;
}

const HTML_500 = {
  status: 500,
  type: 'text/html; charset=utf-8',
  body: '<!doctype html><title>500 Internal Server Error</title>',
};

async function failure(kms: KMSClient): Promise<unknown> {
  return kms
    .send(new GenerateDataKeyPairCommand({ KeyId: 'k', KeyPairSpec: 'ECC_NIST_P256' }))
    .then(
      () => undefined,
      (error: unknown) => error,
    );
}

describe('answers of endpoints that are not AWS', () => {
  it('names an HTML 500 as the operation the endpoint may not implement, asked once', async () => {
    const endpoint = emulator(HTML_500);
    const described = describeError(await failure(consoleClient(endpoint.handler)));
    expect(endpoint.calls).toEqual(['GenerateDataKeyPair']);
    expect(described).toMatchObject({
      kind: 'unsupported',
      httpStatus: 500,
      title: 'The endpoint failed on GenerateDataKeyPair (HTTP 500)',
    });
    expect(described.cause).toContain('a text/html answer');
    expect(described.cause).toContain('this endpoint may not implement GenerateDataKeyPair');
  });

  it('tells an answer hidden by CORS from an unreachable endpoint, and does not retry it', async () => {
    const endpoint = emulator('network-error');
    const kms = consoleClient(endpoint.handler);
    // Before the endpoint ever answered, nothing says it is there: the network is to blame.
    expect(describeError(await failure(kms)).kind).toBe('network');
    await kms.send(new ListKeysCommand({}));
    endpoint.calls.length = 0;
    const described = describeError(await failure(kms));
    expect(endpoint.calls).toEqual(['GenerateDataKeyPair']);
    expect(described.kind).toBe('unsupported');
    expect(described.title).toContain('this endpoint may not implement it');
    expect(described.cause).toContain('it answered ListKeys');
    expect(described.cause).not.toContain('unreachable');
  }, 20_000);

  it('still retries throttling, with backoff', async () => {
    const endpoint = emulator({
      status: 400,
      type: 'application/x-amz-json-1.1',
      body: '{"__type":"ThrottlingException","message":"Rate exceeded"}',
    });
    const described = describeError(await failure(consoleClient(endpoint.handler, 3)));
    expect(described.name).toBe('ThrottlingException');
    expect(endpoint.calls).toHaveLength(3);
  }, 30_000);

  it('does not retry a JSON server error either', async () => {
    const endpoint = emulator({
      status: 500,
      type: 'application/x-amz-json-1.1',
      body: '{"__type":"KMSInternalException","message":"boom"}',
    });
    expect(describeError(await failure(consoleClient(endpoint.handler))).name).toBe(
      'KMSInternalException',
    );
    expect(endpoint.calls).toHaveLength(1);
  });

  it('keeps the URL advice for a readable 404 page', async () => {
    const endpoint = emulator({ status: 404, type: 'text/html', body: '<h1>Not Found</h1>' });
    const described = describeError(await failure(consoleClient(endpoint.handler)));
    expect(described.title).toBe('The endpoint did not answer like AWS');
    expect(described.cause).toContain('HTTP 404');
  });
});
