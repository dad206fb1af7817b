/** Failed password sign-ins a user may make before the first lockout. */
export const FREE_ATTEMPTS = 5;
/** The longest lockout ("approximately 15 minutes" in Cognito's documentation). */
export const MAX_LOCKOUT_MS = 15 * 60 * 1000;
/** A user who makes no attempt for this long after a lockout starts over. */
export const RESET_AFTER_MS = 15 * 60 * 1000;

interface Attempts {
  failures: number;
  lockedUntil: number;
  lastAttempt: number;
}

export type AttemptVerdict = 'allowed' | 'locked';

/**
 * Cognito's lockout after repeated wrong passwords, as its developer guide describes it: after
 * five failures the user is locked out for 2^(n-5) seconds (n failures so far), doubling with
 * each further failure up to about 15 minutes; attempts during a lockout are refused without
 * counting; a successful sign-in after the lockout, or 15 minutes without attempts, starts over.
 * Kept in memory per existing user (unknown usernames are not tracked, so the state is bounded),
 * so a restart forgets lockouts.
 */
export class PasswordLockout {
  private readonly attempts = new Map<string, Attempts>();

  /** Whether a sign-in attempt may check the password at all (a refused one still counts as activity). */
  check(username: string, now: Date): AttemptVerdict {
    const at = now.getTime();
    const state = this.current(username, at);
    if (!state || at >= state.lockedUntil) return 'allowed';
    state.lastAttempt = at;
    return 'locked';
  }

  failed(username: string, now: Date): void {
    const at = now.getTime();
    const state = this.current(username, at) ?? { failures: 0, lockedUntil: 0, lastAttempt: at };
    state.failures += 1;
    state.lastAttempt = at;
    if (state.failures >= FREE_ATTEMPTS) {
      state.lockedUntil =
        at + Math.min(2 ** (state.failures - FREE_ATTEMPTS) * 1000, MAX_LOCKOUT_MS);
    }
    this.attempts.set(username, state);
  }

  succeeded(username: string): void {
    this.attempts.delete(username);
  }

  private current(username: string, at: number): Attempts | undefined {
    const state = this.attempts.get(username);
    if (state && at - state.lastAttempt >= RESET_AFTER_MS && at >= state.lockedUntil) {
      this.attempts.delete(username);
      return undefined;
    }
    return state;
  }
}
