/**
 * A token bucket: `perSecond` requests a second on average, up to `burst` at once. Time comes
 * from the caller (the sandbox clock), so tests can move it.
 */
export class RateLimit {
  private tokens: number;
  private updated: number | undefined;

  constructor(
    private readonly perSecond: number,
    private readonly burst = perSecond,
  ) {
    this.tokens = burst;
  }

  /** Takes one request's token; false when the rate is exceeded. */
  take(now: Date): boolean {
    const at = now.getTime();
    if (this.updated !== undefined) {
      this.tokens = Math.min(
        this.burst,
        this.tokens + ((at - this.updated) / 1000) * this.perSecond,
      );
    }
    this.updated = at;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
