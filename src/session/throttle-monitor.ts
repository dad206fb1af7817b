/** Throttling-type errors the SDK retries with backoff (its own list, as KMS names them). */
export const THROTTLING_ERRORS = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'LimitExceededException',
  'RequestThrottled',
  'SlowDown',
]);

export function isThrottlingError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    THROTTLING_ERRORS.has(String((error as { name: unknown }).name))
  );
}

export interface ThrottleState {
  /** Throttled attempts since sign-in. */
  total: number;
  /** Epoch ms of the last throttled attempt, 0 if none. */
  lastAt: number;
  /** Operation of the last throttled attempt. */
  lastOperation: string;
}

/**
 * Counts throttled attempts as they happen (inside the SDK's retry loop), so pages can say "KMS
 * is throttling; retrying with backoff" instead of looking stuck.
 */
export class ThrottleMonitor {
  private state: ThrottleState = { total: 0, lastAt: 0, lastOperation: '' };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly now: () => number = Date.now) {}

  record(operation: string): void {
    this.state = { total: this.state.total + 1, lastAt: this.now(), lastOperation: operation };
    for (const listener of this.listeners) listener();
  }

  getState = (): ThrottleState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** True when a throttled attempt happened in the last `windowMs`. */
  isRecent(windowMs = 10_000): boolean {
    return this.state.lastAt > 0 && this.now() - this.state.lastAt < windowMs;
  }
}
