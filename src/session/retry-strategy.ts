import { StandardRetryStrategy } from '@smithy/core/retry';
import type { RetryErrorInfo, RetryStrategyV2, StandardRetryToken } from '@smithy/types';

interface StatusShape {
  name?: unknown;
  $metadata?: { httpStatusCode?: number };
}

/**
 * Whether an error is worth another attempt. Throttling is (with backoff); a server error that
 * is not throttling is not: an emulator answering HTTP 500 for an operation it does not implement
 * answers the same five times, and the user waits for nothing. Nor are answers that were not AWS
 * JSON, or that the browser could not read although the endpoint answers other requests.
 */
export function mayRetry(info: RetryErrorInfo): boolean {
  if (info.errorType === 'THROTTLING') return true;
  const error = info.error as StatusShape;
  if (error.name === 'NonAwsAnswer' || error.name === 'UnreadableAnswer') return false;
  const status = error.$metadata?.httpStatusCode;
  return status === undefined || status < 500;
}

/** The SDK's standard strategy (exponential backoff, retry quota), minus the retries above. */
export class ConsoleRetryStrategy implements RetryStrategyV2 {
  private readonly standard: StandardRetryStrategy;

  constructor(maxAttempts: number) {
    this.standard = new StandardRetryStrategy(maxAttempts);
  }

  acquireInitialRetryToken(scope: string): Promise<StandardRetryToken> {
    return this.standard.acquireInitialRetryToken(scope);
  }

  refreshRetryTokenForRetry(
    token: StandardRetryToken,
    info: RetryErrorInfo,
  ): Promise<StandardRetryToken> {
    // Rejecting ends the retries; the SDK then throws the request's own error.
    if (!mayRetry(info)) return Promise.reject(info.error as Error);
    return this.standard.refreshRetryTokenForRetry(token, info);
  }

  recordSuccess(token: StandardRetryToken): void {
    this.standard.recordSuccess(token);
  }
}
