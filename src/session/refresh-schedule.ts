const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * How long before expiry temporary credentials are renewed: a quarter of their lifetime, at
 * least 10 s and at most 5 min (the SDK's own threshold). One-hour Cognito credentials refresh
 * 5 min early; the e2e tests' 2-minute ones 30 s early.
 */
export function refreshMargin(lifetimeMs: number): number {
  return Math.min(5 * MINUTE, Math.max(10 * SECOND, lifetimeMs / 4));
}

/** Milliseconds from `now` until the refresh should start (0: now). */
export function refreshDelay(now: number, issuedAt: number, expiration: number): number {
  const lifetime = Math.max(0, expiration - issuedAt);
  return Math.max(0, expiration - refreshMargin(lifetime) - now);
}

/**
 * After a failed refresh: when to try again (exponential from 1 s, at most 30 s, and never past
 * half of the remaining validity), or undefined when the credentials have run out.
 */
export function retryDelay(now: number, expiration: number, failures: number): number | undefined {
  const remaining = expiration - now;
  if (remaining <= 0) return undefined;
  const backoff = Math.min(30 * SECOND, SECOND * 2 ** Math.max(0, failures - 1));
  return Math.max(SECOND, Math.min(backoff, remaining / 2));
}

/** Credentials this close to expiry are not handed to a request: it would fail in flight. */
export const USABLE_MARGIN_MS = 5 * SECOND;

export function isUsable(now: number, expiration: number | undefined): boolean {
  return expiration === undefined || expiration - now > USABLE_MARGIN_MS;
}

/** "1:52:07", "4:05", "0:09": the time left shown in the header. */
export function formatTimeLeft(ms: number): string {
  const total = Math.max(0, Math.floor(ms / SECOND));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}
