import { KMSClient } from '@aws-sdk/client-kms';
import type { DeserializeMiddleware } from '@smithy/types';
import { declareDryRunSupport, type DryRunKnowledge } from '../kms/dry-run-support';
import { EndpointAnswers, interpretAttemptError } from '../kms/endpoint-answers';
import { syncClockOf, type ClockSync } from './clock-sync';
import { ConsoleRetryStrategy } from './retry-strategy';
import type { SessionManager } from './session-manager';
import { isAwsEndpoint } from './sign-in-request';
import { isThrottlingError, ThrottleMonitor } from './throttle-monitor';

export interface SessionClients {
  kms: KMSClient;
  throttle: ThrottleMonitor;
  /** STS is only needed once per sign-in, so its client is loaded on demand. */
  getCallerIdentity(): Promise<{ arn: string; account: string; userId: string }>;
  /** CloudTrail (the event history), loaded on demand like STS: most visits never need it. */
  cloudTrail(): Promise<import('@aws-sdk/client-cloudtrail').CloudTrailClient>;
  destroy(): void;
}

/**
 * Attempts per request: the SDK's standard retry strategy backs off exponentially with jitter
 * and spends a retry quota on throttling errors, so a throttled page slows down instead of
 * failing (ConsoleRetryStrategy leaves out the retries that cannot help).
 */
const MAX_ATTEMPTS = 5;

type KmsMiddleware = Parameters<KMSClient['middlewareStack']['add']>[0];

/** The smallest client shape the middleware below needs (KMS, STS and CloudTrail clients have it). */
interface ClientWithStack<Input extends object, Output extends object> {
  middlewareStack: { add(middleware: DeserializeMiddleware<Input, Output>, options: object): void };
}

/**
 * Records which operations the endpoint answers and turns each attempt's error into what it
 * says about the endpoint (src/kms/endpoint-answers). In the deserialize step, so it runs for
 * every attempt, before the retry strategy decides whether to try again.
 */
export function interpretEndpointAnswers<Input extends object, Output extends object>(
  client: ClientWithStack<Input, Output>,
  answers: EndpointAnswers,
): void {
  const middleware: DeserializeMiddleware<Input, Output> = (next, context) => async (args) => {
    const operation = String(context.commandName ?? 'request').replace(/Command$/, '');
    try {
      const output = await next(args);
      answers.record(operation);
      return output;
    } catch (error) {
      throw interpretAttemptError(error, operation, answers);
    }
  };
  client.middlewareStack.add(middleware, {
    step: 'deserialize',
    name: 'kmsConsoleEndpointAnswers',
    priority: 'high',
  });
}

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
 * Endpoints known to honour DryRun without asking: AWS KMS (documented for every operation that
 * takes it) and the sandbox. Any other endpoint is asked with a harmless dry run when it matters.
 */
export function knownDryRunSupport(source: SessionManager['source']): DryRunKnowledge | undefined {
  if (source.endpoint === undefined || isAwsEndpoint(source.endpoint)) {
    return { support: 'honoured', basis: 'AWS KMS honours DryRun.' };
  }
  if (source.request.method === 'sandbox') {
    return { support: 'honoured', basis: 'The KMS sandbox honours DryRun.' };
  }
  return undefined;
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
    retryStrategy: new ConsoleRetryStrategy(MAX_ATTEMPTS),
    systemClockOffset: clock.offset,
  });
  syncClockOf(kms, clock);
  // The SDK also corrects its offset after a skew error; ours is known before the first request.
  const unsubscribeClock = clock.subscribe(() => {
    kms.config.systemClockOffset = clock.offset;
  });
  reportThrottling(kms, throttle);
  const answers = new EndpointAnswers();
  interpretEndpointAnswers(kms, answers);
  const dryRun = knownDryRunSupport(manager.source);
  if (dryRun !== undefined) declareDryRunSupport(kms, dryRun);

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
      interpretEndpointAnswers(client, answers);
      return client;
    }));

  let cloudTrail: Promise<import('@aws-sdk/client-cloudtrail').CloudTrailClient> | undefined;
  const cloudTrailClient = () =>
    (cloudTrail ??= import('@aws-sdk/client-cloudtrail').then(({ CloudTrailClient }) => {
      const client = new CloudTrailClient({
        region,
        endpoint,
        credentials: manager.credentialProvider,
        // LookupEvents allows two calls a second: throttled pages back off and retry.
        maxAttempts: MAX_ATTEMPTS,
        retryMode: 'standard',
        systemClockOffset: clock.offset,
      });
      syncClockOf(client, clock);
      // An emulator serves CloudTrail at the same endpoint as KMS, so what it answered there
      // says something about this answer too; AWS's CloudTrail is a host of its own.
      if (endpoint !== undefined && !isAwsEndpoint(endpoint)) {
        interpretEndpointAnswers(client, answers);
      }
      return client;
    }));

  return {
    kms,
    throttle,
    cloudTrail: cloudTrailClient,
    async getCallerIdentity() {
      const { GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
      const answer = await (await stsClient()).send(new GetCallerIdentityCommand({}));
      return { arn: answer.Arn ?? '', account: answer.Account ?? '', userId: answer.UserId ?? '' };
    },
    destroy() {
      unsubscribeClock();
      kms.destroy();
      void sts?.then((client) => client.destroy());
      void cloudTrail?.then((client) => client.destroy());
    },
  };
}
