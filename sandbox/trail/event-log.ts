import type { EventQuery, EventRepository, EventRow } from '../store/events';
import { recordOf } from './stored-record';

/** CloudTrail's Event history keeps 90 days. */
export const RETENTION_DAYS = 90;
/** The size bound: ~100–600 bytes an event in chunks, so about 20–120 MB at most. */
export const DEFAULT_MAX_EVENTS = 200_000;
/** Retention deletes at most this many chunks per step, so no step stalls the server. */
const PRUNE_CHUNKS = 64;
/** How often (in sandbox-clock time) the 90-day window is enforced. */
const PRUNE_INTERVAL_MS = 60_000;
const DAY_MS = 86_400_000;

export interface EventLogOptions {
  /** The sandbox's clock: retention is judged by it. */
  clock: () => Date;
  maxEvents?: number;
  /** Reports a batch that could not be stored (the requests were already answered). */
  onError?: (error: unknown) => void;
}

/**
 * One answered request's events (one per recipient account), described when the request is
 * answered and turned into stored rows only when they are written.
 */
export interface RecordedEvents {
  /** How many rows build() returns: their seqs are taken when the request is answered. */
  readonly count: number;
  /** The rows, numbered from `firstSeq`. */
  build(firstSeq: number): EventRow[];
}

/** An event as lookups hand it out: its position and its CloudTrail record, as JSON. */
export interface StoredEvent {
  seq: number;
  /** Epoch milliseconds. */
  time: number;
  record: string;
}

interface Transactional {
  transaction<T>(work: () => T): T;
}

/** Events that change nothing are stored in batches, at least this often… */
const BATCH_INTERVAL_MS = 50;
/** …or as soon as this many are waiting. */
const BATCH_SIZE = 1_000;

/**
 * Where recorded events go. An event that describes a write is built and stored at once, inside
 * the transaction that holds the write (the caller opened it), so the two commit or vanish
 * together. Every other event (reads, denials, failures, dry runs: calls that changed nothing)
 * joins a batch stored in one transaction within 50 ms: one commit for hundreds of events
 * instead of one each, and its record (JSON, event id, time) is built then, after the request
 * was answered, which keeps recording off the hot path. A lookup stores the batch first, so it
 * always sees every answered call; a sandbox killed within those 50 ms loses the batch's
 * events (and nothing else: those calls changed no state).
 */
export class EventLog {
  private nextSeq: number;
  private batch: { events: RecordedEvents; firstSeq: number }[] = [];
  private batched = 0;
  private timer: NodeJS.Timeout | undefined;
  private lastPrune = -Infinity;
  private readonly maxEvents: number;

  constructor(
    private readonly store: Transactional,
    private readonly events: EventRepository,
    private readonly options: EventLogOptions,
  ) {
    this.nextSeq = (events.lastSeq() ?? 0) + 1;
    this.maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
    this.enforceRetention(options.clock());
  }

  /** Stores events now, inside the caller's open transaction (or in one of their own). */
  write(events: RecordedEvents): void {
    const rows = events.build(this.nextSeq);
    this.nextSeq += events.count;
    this.store.transaction(() => this.events.insertChunk(rows));
  }

  /** Queues events for the next batch. */
  enqueue(events: RecordedEvents): void {
    // The seqs are taken now, so the history keeps the order in which requests were answered.
    this.batch.push({ events, firstSeq: this.nextSeq });
    this.nextSeq += events.count;
    this.batched += events.count;
    if (this.batched >= BATCH_SIZE) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), BATCH_INTERVAL_MS).unref();
  }

  /** Stores what is queued: on shutdown, so a stopped sandbox keeps every event. */
  close(): void {
    this.flush();
  }

  /**
   * Events newest first; anything still queued is stored first, so a lookup sees it. Retention
   * removes whole chunks, so the events a chunk still holds past the size bound or the 90 days
   * are left out here.
   */
  query(query: EventQuery): StoredEvent[] {
    this.flush();
    const window = this.options.clock().getTime() - RETENTION_DAYS * DAY_MS;
    return this.events
      .query({ ...query, from: Math.max(query.from, window), fromSeq: this.floor() })
      .map((parts) => ({ seq: parts.seq, time: parts.time, record: recordOf(parts) }));
  }

  /** The oldest event the size bound keeps. */
  private floor(): number {
    return this.nextSeq - this.maxEvents;
  }

  /**
   * Drops the chunks whose events are all past the 90-day window (checked at most once a
   * minute) or beyond the size bound, oldest first, a few chunks at a time.
   */
  enforceRetention(now: Date): void {
    const overBound = (this.events.oldestLastSeq() ?? Infinity) < this.floor();
    const due = now.getTime() - this.lastPrune >= PRUNE_INTERVAL_MS;
    if (!overBound && !due) return;
    if (due) this.lastPrune = now.getTime();
    const before = due ? now.getTime() - RETENTION_DAYS * DAY_MS : -Infinity;
    this.store.transaction(() =>
      this.events.deleteExpired({ belowSeq: this.floor(), before }, PRUNE_CHUNKS),
    );
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    this.batched = 0;
    try {
      const rows = batch.flatMap(({ events, firstSeq }) => events.build(firstSeq));
      this.store.transaction(() => this.events.insertChunk(rows));
    } catch (error) {
      // The requests were answered; losing their events must not take the server down.
      this.options.onError?.(error);
    }
    this.enforceRetention(this.options.clock());
  }
}
