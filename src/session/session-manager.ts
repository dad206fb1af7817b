import type { CredentialSource, Credentials } from './credential-sources';
import { isUsable, refreshDelay, retryDelay } from './refresh-schedule';

export type SessionStatus =
  /** Credentials are valid; a refresh is scheduled if they expire. */
  | 'active'
  /** Renewing now; requests keep using the current credentials while they last. */
  | 'refreshing'
  /** The last refresh failed; the console retries while the credentials are still valid. */
  | 'retrying'
  /** The credentials ran out and could not be renewed: the user must sign in again. */
  | 'expired';

export interface SessionState {
  status: SessionStatus;
  /** When the current credentials were obtained (epoch ms). */
  issuedAt: number;
  /** Epoch ms; undefined for long-term access keys. */
  expiration: number | undefined;
  /** Successful refreshes since sign-in. */
  refreshes: number;
  /** Why the last refresh failed, when it did. */
  lastError: unknown;
}

export class SessionExpiredError extends Error {
  override name = 'SessionExpiredError';
  constructor(override readonly cause?: unknown) {
    super(
      'Your temporary credentials expired and could not be renewed. Sign in again to continue.',
    );
  }
}

/**
 * Owns one signed-in session's credentials: hands them to the SDK clients, renews temporary ones
 * before they expire (the clients never change, so pages keep their state), retries failed
 * renewals while the credentials last, then reports "expired" so the console can ask the user to
 * sign in again.
 */
export class SessionManager {
  private credentials: Credentials;
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  private failures = 0;
  private disposed = false;

  constructor(
    private sourceValue: CredentialSource,
    credentials: Credentials,
    private readonly now: () => number = Date.now,
  ) {
    this.credentials = credentials;
    this.state = this.freshState(credentials, 0);
  }

  /**
   * Starts the renewal schedule. Called once the endpoint's clock is known (after the first
   * signed answer), so a computer whose clock is off does not see fresh credentials as expired.
   */
  start(): void {
    this.schedule();
  }

  get source(): CredentialSource {
    return this.sourceValue;
  }

  get current(): Credentials {
    return this.credentials;
  }

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The SDK clients' `credentials`: current ones, renewed first when they are about to run out. */
  credentialProvider = async (): Promise<Credentials> => {
    if (this.state.status === 'expired') throw new SessionExpiredError(this.state.lastError);
    if (!isUsable(this.now(), this.state.expiration)) {
      await this.refresh();
      if (this.isExpired()) throw new SessionExpiredError(this.state.lastError);
    }
    const { accessKeyId, secretAccessKey, sessionToken, expiration } = this.credentials;
    return { accessKeyId, secretAccessKey, sessionToken, expiration };
  };

  isExpired(): boolean {
    return this.state.status === 'expired';
  }

  /** Renews now (deduplicated). Never throws: the outcome is in the state. */
  refresh = (): Promise<void> => {
    if (!this.sourceValue.refreshable || this.disposed) return Promise.resolve();
    this.inFlight ??= this.runRefresh().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  };

  /** After signing in again (same or another identity): new source and credentials, same clients. */
  replace(source: CredentialSource, credentials: Credentials): void {
    this.sourceValue = source;
    this.credentials = credentials;
    this.failures = 0;
    this.setState(this.freshState(credentials, this.state.refreshes));
    this.schedule();
  }

  /**
   * The same credentials through a source for another Region (CredentialSource.inRegion): the
   * credentials, their state and renewal schedule are untouched.
   */
  relocate(source: CredentialSource): void {
    this.sourceValue = source;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.listeners.clear();
  }

  private freshState(credentials: Credentials, refreshes: number): SessionState {
    return {
      status: 'active',
      issuedAt: this.now(),
      expiration: credentials.expiration?.getTime(),
      refreshes,
      lastError: undefined,
    };
  }

  private async runRefresh(): Promise<void> {
    this.setState({ ...this.state, status: 'refreshing' });
    try {
      const credentials = await this.sourceValue.fetchCredentials();
      if (this.disposed) return;
      this.credentials = credentials;
      this.failures = 0;
      this.setState(this.freshState(credentials, this.state.refreshes + 1));
      this.schedule();
    } catch (error) {
      if (this.disposed) return;
      this.failures += 1;
      const expiration = this.state.expiration ?? 0;
      const delay = retryDelay(this.now(), expiration, this.failures);
      if (delay === undefined || !isUsable(this.now(), expiration)) {
        clearTimeout(this.timer);
        this.setState({ ...this.state, status: 'expired', lastError: error });
        return;
      }
      this.setState({ ...this.state, status: 'retrying', lastError: error });
      this.arm(delay);
    }
  }

  private schedule(): void {
    const { expiration, issuedAt } = this.state;
    if (expiration === undefined || !this.sourceValue.refreshable) return;
    this.arm(refreshDelay(this.now(), issuedAt, expiration));
  }

  private arm(delay: number): void {
    clearTimeout(this.timer);
    if (this.disposed) return;
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private setState(next: SessionState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
