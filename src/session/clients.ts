import { KMSClient } from '@aws-sdk/client-kms';
import { syncClockOf, type ClockSync } from './clock-sync';
import type { SessionManager } from './session-manager';
import { isThrottlingError, ThrottleMonitor } from './throttle-monitor';

export interface SessionClients {
  kms: KMSClient;
  throttle: ThrottleMonitor;
  /** STS is only needed once per sign-in, so its client is loaded on demand. */
  getCallerIdentity(): Promise<{ arn: string; account: string; userId: string }>;
  destroy(): void;
}

/**
 * Attempts per request: the SDK's standard retry mode backs off exponentially with jitter and
 * spends a retry quota on throttling errors, so a throttled page slows down instead of failing.
 */
const MAX_ATTEMPTS = 5;

type KmsMiddleware = Parameters<KMSClient['middlewareStack']['add']>[0];

/**
 * Counts every throttled attempt: added in the deserialize step, inside the SDK's retry loop, so
 * it sees the attempts the retry strategy absorbs too.
 */
export function reportThrottling(kms: KMSClient, throttle: ThrottleMonitor): void {
  const middleware: KmsMiddleware = (next, context) => async (args) => {
    try {
      return await next(args);
    } catch (error) {
      if (isThrottlingError(error)) throttle.record(String(context.commandName ?? 'request'));
      throw error;
    }
  };
  kms.middlewareStack.add(middleware, {
    step: 'deserialize',
    name: 'kmsConsoleThrottleReporter',
    priority: 'high',
  });
}

/**
 * The one place SDK clients are made: every client signs with the session's credential provider
 * (which renews temporary credentials in place) and talks to the session's region and endpoint.
 */
export function createSessionClients(manager: SessionManager, clock: ClockSync): SessionClients {
  const { region, endpoint } = manager.source;
  const throttle = new ThrottleMonitor();
  const kms = new KMSClient({
    region,
    endpoint,
    credentials: manager.credentialProvider,
    maxAttempts: MAX_ATTEMPTS,
    retryMode: 'standard',
    systemClockOffset: clock.offset,
  });
  syncClockOf(kms, clock);
  // The SDK also corrects its offset after a skew error; ours is known before the first request.
  const unsubscribeClock = clock.subscribe(() => {
    kms.config.systemClockOffset = clock.offset;
  });
  reportThrottling(kms, throttle);

  let sts: Promise<import('@aws-sdk/client-sts').STSClient> | undefined;
  const stsClient = () =>
    (sts ??= import('@aws-sdk/client-sts').then(({ STSClient }) => {
      const client = new STSClient({
        region,
        endpoint,
        credentials: manager.credentialProvider,
        maxAttempts: 2,
        systemClockOffset: clock.offset,
      });
      syncClockOf(client, clock);
      return client;
    }));

  return {
    kms,
    throttle,
    async getCallerIdentity() {
      const { GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
      const answer = await (await stsClient()).send(new GetCallerIdentityCommand({}));
      return { arn: answer.Arn ?? '', account: answer.Account ?? '', userId: answer.UserId ?? '' };
    },
    destroy() {
      unsubscribeClock();
      kms.destroy();
      void sts?.then((client) => client.destroy());
    },
  };
}
