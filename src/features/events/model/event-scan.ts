import type { EventPage } from '../../../kms/events/lookup';
import type { TrailEvent } from '../../../kms/events/trail-event';

export interface ScanSnapshot {
  /** The events that match, newest first. */
  matched: readonly TrailEvent[];
  /** Events read from CloudTrail so far (matching or not). */
  scanned: number;
  /** True once CloudTrail has no more events for the lookup. */
  exhausted: boolean;
  /** A page is being read. */
  running: boolean;
  /** The user stopped the scan; `resume` continues where it stopped. */
  stopped: boolean;
  error?: unknown;
}

type FetchPage = (nextToken: string | undefined, signal: AbortSignal) => Promise<EventPage>;

/**
 * Pages that only move the progress count (read, none matching) are reported at most this
 * often: each report redraws the page, and a rare filter reads dozens of pages a second.
 */
const PROGRESS_INTERVAL_MS = 250;

/**
 * Reads a lookup's pages only as far as the table needs: until `want(n)` events match, the
 * history ends, the user stops, or CloudTrail refuses. Only matching events are kept, so
 * scanning through thousands of events to find a few holds just those few.
 */
export class EventScan {
  private matched: TrailEvent[] = [];
  private scanned = 0;
  private nextToken: string | undefined;
  private exhausted = false;
  private running = false;
  private stopped = false;
  private error: unknown;
  private target = 0;
  private disposed = false;
  private controller = new AbortController();
  private lastReport = -Infinity;
  private progressTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<(snapshot: ScanSnapshot) => void>();
  private current: ScanSnapshot;

  constructor(
    private readonly fetchPage: FetchPage,
    private readonly match: (event: TrailEvent) => boolean,
    onChange?: (snapshot: ScanSnapshot) => void,
  ) {
    if (onChange) this.listeners.add(onChange);
    this.current = this.build();
  }

  /** The latest state, the same object until something changes (for useSyncExternalStore). */
  readonly snapshot = (): ScanSnapshot => this.current;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private build(): ScanSnapshot {
    return {
      matched: this.matched,
      scanned: this.scanned,
      exhausted: this.exhausted,
      running: this.running,
      stopped: this.stopped,
      ...(this.error !== undefined ? { error: this.error } : {}),
    };
  }

  /** Reads on until at least `count` events match. */
  want(count: number): void {
    this.target = Math.max(this.target, count);
    if (!this.running && !this.stopped && !this.disposed && this.error === undefined) {
      void this.run();
    }
  }

  stop(): void {
    if (!this.running) return;
    this.stopped = true;
    this.controller.abort();
    this.controller = new AbortController();
  }

  resume(): void {
    this.stopped = false;
    this.error = undefined;
    void this.run();
  }

  /** The page is gone (or, under React's StrictMode, briefly away): stop reading and reporting. */
  dispose(): void {
    this.disposed = true;
    this.controller.abort();
    this.controller = new AbortController();
  }

  /** Back on the page: report again and read on to the target. */
  revive(): void {
    this.disposed = false;
    this.emit();
    if (!this.stopped) this.want(this.target);
  }

  private emit(): void {
    clearTimeout(this.progressTimer);
    this.progressTimer = undefined;
    if (this.disposed) return;
    this.lastReport = Date.now();
    this.current = this.build();
    for (const listener of this.listeners) listener(this.current);
  }

  private reportProgress(): void {
    const wait = this.lastReport + PROGRESS_INTERVAL_MS - Date.now();
    if (wait <= 0) this.emit();
    else this.progressTimer ??= setTimeout(() => this.emit(), wait);
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.emit();
    const { signal } = this.controller;
    try {
      while (!this.exhausted && this.matched.length < this.target && !signal.aborted) {
        const page = await this.fetchPage(this.nextToken, signal);
        if (signal.aborted) break;
        this.scanned += page.events.length;
        const found = page.events.filter(this.match);
        if (found.length > 0) this.matched = [...this.matched, ...found];
        this.nextToken = page.nextToken;
        this.exhausted = page.nextToken === undefined;
        if (found.length > 0 || this.exhausted) this.emit();
        else this.reportProgress();
      }
    } catch (error) {
      if (!signal.aborted) this.error = error;
    } finally {
      this.running = false;
      this.emit();
    }
    // Disposed and revived while a page was in flight: read on for the revived view.
    const short = !this.exhausted && this.matched.length < this.target;
    if (short && !this.disposed && !this.stopped && this.error === undefined) void this.run();
  }
}
