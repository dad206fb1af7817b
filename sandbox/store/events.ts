import type { StoreContext } from './repository';

/**
 * Who made a call, as its record names them: the same for every call a client makes with one
 * credential, so a chunk stores it once for all the calls it holds.
 */
export interface EventCaller {
  /** The record's userIdentity, as JSON. */
  identity: string;
  sourceIp: string;
  userAgent: string;
}

/** One CloudTrail event, for one recipient account, as it is stored. */
export interface EventRow {
  seq: number;
  eventId: string;
  /** Epoch milliseconds. */
  time: number;
  recipient: string;
  region: string;
  eventSource: string;
  eventName: string;
  readOnly: boolean;
  username?: string;
  accessKeyId?: string;
  requestId: string;
  caller: EventCaller;
  /** The rest of the record, what varies call to call, as JSON (see trail/stored-record). */
  body: string;
  resources: readonly { type: string; name: string }[];
}

type EventPosition = Pick<
  EventRow,
  'seq' | 'eventId' | 'time' | 'recipient' | 'region' | 'eventSource' | 'eventName' | 'readOnly'
>;

/**
 * An event as a lookup reads it back: the parts its record is rebuilt from, or, for an event
 * stored before records were split, the record as it was stored.
 */
export type StoredEventParts = EventPosition &
  (
    | { requestId: string; caller: EventCaller; body: object; record?: undefined }
    | { record: string }
  );

/** LookupEvents' attribute keys. */
export type EventAttribute =
  | 'EventId'
  | 'EventName'
  | 'ReadOnly'
  | 'Username'
  | 'ResourceType'
  | 'ResourceName'
  | 'EventSource'
  | 'AccessKeyId';

export interface EventQuery {
  recipient: string;
  region: string;
  /** Inclusive bounds, epoch milliseconds. */
  from: number;
  to: number;
  attribute?: { key: EventAttribute; value: string };
  /** Resume strictly after this (newer-first) position. */
  after?: { time: number; seq: number };
  /** Events numbered below this are gone (the size bound), though their chunk is kept. */
  fromSeq?: number;
  limit: number;
}

/**
 * A chunk's event, as its JSON holds it: the record's fields in a fixed order, the caller as an
 * index into the chunk's callers, and the body as JSON (an object), or for an event stored
 * before records were split, its whole record (a string) and no caller.
 */
type ChunkEvent = [
  seq: number,
  eventId: string,
  time: number,
  recipient: string,
  region: string,
  eventSource: string,
  eventName: string,
  readOnly: 0 | 1,
  username: string | null,
  accessKeyId: string | null,
  caller: number | null,
  requestId: string | null,
  body: object | string,
];

interface Chunk {
  /** Each caller as [userIdentity, source IP, user agent]. */
  callers: [object, string, string][];
  events: ChunkEvent[];
}

/** The term every event of a recipient's Region has: a lookup without an attribute uses it. */
const ANY = '';

/**
 * The event history, stored in chunks: each batch of events (the calls of up to 50 ms, or one
 * write's events) is one row of `event_chunks` holding their JSON, and `event_terms` indexes the
 * chunk once for every value LookupEvents can filter on that any of its events has (its event
 * names, users, keys…). Storing a batch is then one row and a few index entries, not several
 * B-tree inserts per event: recording ran on the hot path, and those inserts were most of its
 * cost. A lookup reads the chunks whose terms match, newest first, and filters their events.
 * Event ids are unique per event and looked up rarely, so they are found by searching the
 * chunks' text instead of indexing every one.
 */
export class EventRepository {
  constructor(private readonly store: StoreContext) {}

  private statement(sql: string) {
    return this.store.statement(sql);
  }

  /** Stores events as one chunk (inside the caller's transaction). */
  insertChunk(rows: readonly EventRow[]): void {
    if (rows.length === 0) return;
    const callers = new Map<string, Map<string, number>>();
    const callerJson: string[] = [];
    const terms = new Map<
      string,
      [recipient: string, region: string, key: string, value: string]
    >();
    const term = (row: EventRow, key: string, value: string) => {
      const id = `${row.recipient}\n${row.region}\n${key}\n${value}`;
      if (!terms.has(id)) terms.set(id, [row.recipient, row.region, key, value]);
    };
    const events: string[] = [];
    let minTime = Infinity;
    let maxTime = -Infinity;
    for (const row of rows) {
      minTime = Math.min(minTime, row.time);
      maxTime = Math.max(maxTime, row.time);
      // Keyed by the identity's string itself: a credential's is one string for all its calls.
      let byOrigin = callers.get(row.caller.identity);
      if (!byOrigin) callers.set(row.caller.identity, (byOrigin = new Map()));
      const origin = `${row.caller.sourceIp}\n${row.caller.userAgent}`;
      let caller = byOrigin.get(origin);
      if (caller === undefined) {
        caller = callerJson.length;
        byOrigin.set(origin, caller);
        callerJson.push(
          `[${row.caller.identity},${JSON.stringify(row.caller.sourceIp)},${JSON.stringify(row.caller.userAgent)}]`,
        );
      }
      const head = JSON.stringify([
        row.seq,
        row.eventId,
        row.time,
        row.recipient,
        row.region,
        row.eventSource,
        row.eventName,
        row.readOnly ? 1 : 0,
        row.username ?? null,
        row.accessKeyId ?? null,
        caller,
        row.requestId,
      ]);
      events.push(`${head.slice(0, -1)},${row.body}]`);
      term(row, ANY, ANY);
      term(row, 'EventName', row.eventName);
      term(row, 'EventSource', row.eventSource);
      term(row, 'ReadOnly', String(row.readOnly));
      if (row.username) term(row, 'Username', row.username);
      if (row.accessKeyId) term(row, 'AccessKeyId', row.accessKeyId);
      for (const resource of row.resources) {
        term(row, 'ResourceName', resource.name);
        term(row, 'ResourceType', resource.type);
      }
    }
    const firstSeq = rows[0].seq;
    this.statement(
      `INSERT INTO event_chunks (first_seq, last_seq, min_time, max_time, events)
       VALUES (?, ?, ?, ?, ?)`,
    ).run(
      firstSeq,
      rows[rows.length - 1].seq,
      minTime,
      maxTime,
      `{"callers":[${callerJson.join(',')}],"events":[${events.join(',')}]}`,
    );
    const insertTerm = this.statement(
      `INSERT INTO event_terms (recipient, region, attribute, value, max_time, min_time, chunk)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const [recipient, region, key, value] of terms.values()) {
      insertTerm.run(recipient, region, key, value, maxTime, minTime, firstSeq);
    }
  }

  /**
   * Newest first: by time, then by recording order. Chunks are read newest first (by their
   * newest event) until the page is full and no chunk left can hold an event newer than the
   * page's last.
   */
  query(query: EventQuery): StoredEventParts[] {
    const { recipient, region, from, to, attribute, after, limit } = query;
    // A cursor past the range's end (the range ends sooner) bounds nothing.
    const below = after && after.time <= to ? after : { time: to, seq: Number.MAX_SAFE_INTEGER };
    const fromSeq = query.fromSeq ?? 0;
    const chunks =
      attribute?.key === 'EventId'
        ? this.statement(
            `SELECT max_time, events FROM event_chunks
             WHERE max_time >= ? AND min_time <= ? AND last_seq >= ? AND instr(events, ?) > 0
             ORDER BY max_time DESC, first_seq DESC`,
          ).iterate(from, below.time, fromSeq, JSON.stringify(attribute.value))
        : this.statement(
            `SELECT t.max_time, c.events FROM event_terms AS t
             JOIN event_chunks AS c ON c.first_seq = t.chunk
             WHERE t.recipient = ? AND t.region = ? AND t.attribute = ? AND t.value = ?
               AND t.max_time >= ? AND t.min_time <= ? AND c.last_seq >= ?
             ORDER BY t.max_time DESC, t.chunk DESC`,
          ).iterate(
            recipient,
            region,
            attribute?.key ?? ANY,
            attribute ? termValue(attribute) : ANY,
            from,
            below.time,
            fromSeq,
          );
    const matches = eventFilter(query);
    let found: StoredEventParts[] = [];
    for (const row of chunks as Iterable<{ max_time: number; events: string }>) {
      if (found.length >= limit) {
        found = newestFirst(found).slice(0, limit);
        // Every event of this chunk and the ones after it is older than the page's last.
        if (row.max_time < found[limit - 1].time) break;
      }
      const chunk = JSON.parse(row.events) as Chunk;
      for (const event of chunk.events) {
        const [seq, , time] = event;
        if (seq < fromSeq || time < from) continue;
        if (time > below.time || (time === below.time && seq >= below.seq)) continue;
        if (event[3] !== recipient || event[4] !== region || !matches(event)) continue;
        found.push(storedParts(event, chunk));
      }
    }
    return newestFirst(found).slice(0, limit);
  }

  lastSeq(): number | undefined {
    return (
      (this.statement('SELECT max(last_seq) FROM event_chunks').pluck().get() as number | null) ??
      undefined
    );
  }

  /** The oldest chunk's newest event: below the size bound's floor, that chunk can go. */
  oldestLastSeq(): number | undefined {
    return (
      (this.statement('SELECT min(last_seq) FROM event_chunks').pluck().get() as number | null) ??
      undefined
    );
  }

  /**
   * Removes up to `limit` chunks whose events are all gone, oldest first, with their terms:
   * numbered below `belowSeq` (the size bound) or older than `before` (the retention window).
   */
  deleteExpired(expired: { belowSeq: number; before: number }, limit: number): void {
    const chunks = this.statement(
      `SELECT first_seq FROM (
         SELECT first_seq FROM event_chunks WHERE last_seq < ? ORDER BY last_seq LIMIT ?)
       UNION SELECT first_seq FROM (
         SELECT first_seq FROM event_chunks WHERE max_time < ? LIMIT ?)`,
    )
      .pluck()
      .all(expired.belowSeq, limit, expired.before, limit) as number[];
    for (const chunk of chunks) {
      this.statement('DELETE FROM event_terms WHERE chunk = ?').run(chunk);
      this.statement('DELETE FROM event_chunks WHERE first_seq = ?').run(chunk);
    }
  }
}

/** ReadOnly's terms are "true" and "false"; LookupEvents treats any other value as false. */
const termValue = ({ key, value }: { key: EventAttribute; value: string }) =>
  key === 'ReadOnly' ? String(value === 'true') : value;

/** Whether a chunk's event has the query's attribute (a chunk's terms are any of its events'). */
function eventFilter({ attribute }: EventQuery): (event: ChunkEvent) => boolean {
  if (!attribute) return () => true;
  const { key } = attribute;
  const value = termValue(attribute);
  switch (key) {
    case 'EventId':
      return (event) => event[1] === value;
    case 'EventSource':
      return (event) => event[5] === value;
    case 'EventName':
      return (event) => event[6] === value;
    case 'ReadOnly':
      return (event) => String(event[7] === 1) === value;
    case 'Username':
      return (event) => event[8] === value;
    case 'AccessKeyId':
      return (event) => event[9] === value;
    case 'ResourceName':
    case 'ResourceType': {
      const field = key === 'ResourceName' ? 'ARN' : 'type';
      return (event) =>
        resourcesOf(event)?.some(
          (resource) => (resource as Record<string, unknown>)[field] === value,
        ) ?? true;
    }
  }
}

function resourcesOf(event: ChunkEvent): object[] | undefined {
  const body = event[12];
  // An event stored whole was migrated into a chunk of its own, whose terms are its own.
  if (typeof body === 'string') return undefined;
  return (body as { resources?: object[] }).resources ?? [];
}

const newestFirst = (events: StoredEventParts[]) =>
  events.sort((a, b) => b.time - a.time || b.seq - a.seq);

function storedParts(event: ChunkEvent, chunk: Chunk): StoredEventParts {
  const [seq, eventId, time, recipient, region, eventSource, eventName, readOnly] = event;
  const position = { seq, eventId, time, recipient, region, eventSource, eventName };
  const [, , , , , , , , , , callerIndex, requestId, body] = event;
  if (typeof body === 'string' || requestId === null || callerIndex === null) {
    return { ...position, readOnly: readOnly === 1, record: String(body) };
  }
  const [identity, sourceIp, userAgent] = chunk.callers[callerIndex];
  return {
    ...position,
    readOnly: readOnly === 1,
    requestId,
    caller: { identity: JSON.stringify(identity), sourceIp, userAgent },
    body,
  };
}
