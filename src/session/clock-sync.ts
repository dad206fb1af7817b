/** Offsets smaller than this are the Date header's one-second resolution plus latency: ignored. */
const NOISE_MS = 3000;

/**
 * The endpoint's clock as seen through the `Date` header of its answers (CORS exposes it). A
 * computer whose clock is off would otherwise sign requests AWS refuses (more than 5 minutes
 * away) and would think fresh temporary credentials had already expired. Every SDK client the
 * console makes reports answers here, signs with `offset`, and the session schedules renewals
 * with `now()`.
 */
export class ClockSync {
  private offsetMs = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly localNow: () => number = Date.now) {}

  /** Server time minus local time, in milliseconds (0 when within noise). */
  get offset(): number {
    return this.offsetMs;
  }

  now = (): number => this.localNow() + this.offsetMs;

  /** Records a `Date` header received at local time `receivedAt`. */
  observe(dateHeader: string | undefined, receivedAt: number = this.localNow()): void {
    if (!dateHeader) return;
    const serverTime = Date.parse(dateHeader);
    if (Number.isNaN(serverTime)) return;
    const measured = serverTime - receivedAt;
    // The header is truncated to the second, so the true offset is up to 1 s later than measured.
    const next = Math.abs(measured) < NOISE_MS ? 0 : measured + 500;
    if (Math.abs(next - this.offsetMs) < NOISE_MS && !(next === 0 && this.offsetMs !== 0)) return;
    this.offsetMs = next;
    for (const listener of this.listeners) listener();
  }

  getOffset = (): number => this.offsetMs;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** "61 minutes ahead", "2 hours behind": how far this computer's clock is off. */
export function describeClockOffset(offsetMs: number): string {
  const local = -offsetMs;
  const minutes = Math.round(Math.abs(local) / 60_000);
  const amount =
    minutes >= 120
      ? `${Math.round(minutes / 60)} hours`
      : minutes >= 1
        ? `${minutes} minute${minutes === 1 ? '' : 's'}`
        : `${Math.round(Math.abs(local) / 1000)} seconds`;
  return `${amount} ${local > 0 ? 'ahead of' : 'behind'}`;
}

interface MiddlewareStackLike {
  add(
    middleware: (
      next: (args: unknown) => Promise<{ response: unknown }>,
    ) => (args: unknown) => Promise<{ response: unknown }>,
    options: { step: 'deserialize'; name: string; priority: 'high' },
  ): void;
}

function dateOf(response: unknown): string | undefined {
  const headers = (response as { headers?: Record<string, string> } | undefined)?.headers;
  return headers?.date ?? headers?.Date;
}

/** Makes an SDK client report every answer's Date header (errors included) to `clock`. */
export function syncClockOf(client: { middlewareStack: unknown }, clock: ClockSync): void {
  (client.middlewareStack as MiddlewareStackLike).add(
    (next) => async (args) => {
      try {
        const result = await next(args);
        clock.observe(dateOf(result.response));
        return result;
      } catch (error) {
        clock.observe(dateOf((error as { $response?: unknown }).$response));
        throw error;
      }
    },
    { step: 'deserialize', name: 'kmsConsoleClockSync', priority: 'high' },
  );
}
