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
 * What a chunk's events share with others in the chunk, stored once for all of them: the
 * record's fields in a fixed order, the caller as an index into the chunk's callers, and the
 * body as JSON (an object), or for an event stored before records were split, its whole record
 * (a string) and no caller. Calls of one client on one key mostly share one shape.
 */
type ChunkShape = [
  recipient: string,
  region: string,
  eventSource: string,
  eventName: string,
  readOnly: 0 | 1,
  username: string | null,
  accessKeyId: string | null,
  caller: number | null,
  body: object | string,
];

/** A chunk's event: what is its own, and its shape (an index into the chunk's shapes). */
type ChunkEvent = [
  seq: number,
  eventId: string,
  time: number,
  requestId: string | null,
  shape: number,
];

interface Chunk {
  /** Each caller as [userIdentity, source IP, user agent]. */
  callers: [object, string, string][];
  shapes: ChunkShape[];
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
    const shapes = new Map<string, Map<string, number>>();
    const shapeJson: string[] = [];
    const terms = new Map<
      string,
      [recipient: string, region: string, key: string, value: string]
    >();
    const events: string[] = [];
    let minTime = Infinity;
    let maxTime = -Infinity;
    for (const row of rows) {
      minTime = Math.min(minTime, row.time);
      maxTime = Math.max(maxTime, row.time);
      const caller = indexOf(
        callers,
        row.caller.identity,
        `${row.caller.sourceIp}\n${row.caller.userAgent}`,
        () => {
          callerJson.push(
            `[${row.caller.identity},${JSON.stringify(row.caller.sourceIp)},${JSON.stringify(row.caller.userAgent)}]`,
          );
          return callerJson.length - 1;
        },
      );
      const shapeKey = [
        caller,
        row.recipient,
        row.region,
        row.eventSource,
        row.eventName,
        row.readOnly,
        row.username,
        row.accessKeyId,
      ].join('\n');
      const shape = indexOf(shapes, row.body, shapeKey, () => {
        const head = JSON.stringify([
          row.recipient,
          row.region,
          row.eventSource,
          row.eventName,
          row.readOnly ? 1 : 0,
          row.username ?? null,
          row.accessKeyId ?? null,
          caller,
        ]);
        shapeJson.push(`${head.slice(0, -1)},${row.body}]`);
        addTerms(terms, row);
        return shapeJson.length - 1;
      });
      events.push(
        `[${row.seq},${JSON.stringify(row.eventId)},${row.time},${JSON.stringify(row.requestId)},${shape}]`,
      );
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
      `{"callers":[${callerJson.join(',')}],"shapes":[${shapeJson.join(',')}],"events":[${events.join(',')}]}`,
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
    const matches = shapeFilter(query);
    // Only the page's events become parts: a chunk can hold a thousand.
    let found: { seq: number; time: number; event: ChunkEvent; chunk: Chunk }[] = [];
    for (const row of chunks as Iterable<{ max_time: number; events: string }>) {
      if (found.length >= limit) {
        found = newestFirst(found).slice(0, limit);
        // Every event of this chunk and the ones after it is older than the page's last.
        if (row.max_time < found[limit - 1].time) break;
      }
      const chunk = JSON.parse(row.events) as Chunk;
      const wanted = chunk.shapes.map(
        (shape) => shape[0] === recipient && shape[1] === region && matches(shape),
      );
      for (const event of chunk.events) {
        const [seq, eventId, time] = event;
        if (!wanted[event[4]] || seq < fromSeq || time < from) continue;
        if (time > below.time || (time === below.time && seq >= below.seq)) continue;
        if (attribute?.key === 'EventId' && eventId !== attribute.value) continue;
        found.push({ seq, time, event, chunk });
      }
    }
    return newestFirst(found)
      .slice(0, limit)
      .map(({ event, chunk }) => storedParts(event, chunk));
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

/**
 * Whether a chunk's events of a shape have the query's attribute (a chunk's terms are any of
 * its events'). Event ids are each event's own, checked apart.
 */
function shapeFilter({ attribute }: EventQuery): (shape: ChunkShape) => boolean {
  if (!attribute) return () => true;
  const { key } = attribute;
  const value = termValue(attribute);
  switch (key) {
    case 'EventId':
      return () => true;
    case 'EventSource':
      return (shape) => shape[2] === value;
    case 'EventName':
      return (shape) => shape[3] === value;
    case 'ReadOnly':
      return (shape) => String(shape[4] === 1) === value;
    case 'Username':
      return (shape) => shape[5] === value;
    case 'AccessKeyId':
      return (shape) => shape[6] === value;
    case 'ResourceName':
    case 'ResourceType': {
      const field = key === 'ResourceName' ? 'ARN' : 'type';
      return (shape) =>
        resourcesOf(shape)?.some(
          (resource) => (resource as Record<string, unknown>)[field] === value,
        ) ?? true;
    }
  }
}

function resourcesOf(shape: ChunkShape): object[] | undefined {
  const body = shape[8];
  // An event stored whole was migrated into a chunk of its own, whose terms are its own.
  if (typeof body === 'string') return undefined;
  return (body as { resources?: object[] }).resources ?? [];
}

/** The terms a chunk gets for an event: every value LookupEvents can filter it on. */
function addTerms(terms: Map<string, [string, string, string, string]>, row: EventRow): void {
  const term = (key: string, value: string) => {
    const id = `${row.recipient}\n${row.region}\n${key}\n${value}`;
    if (!terms.has(id)) terms.set(id, [row.recipient, row.region, key, value]);
  };
  term(ANY, ANY);
  term('EventName', row.eventName);
  term('EventSource', row.eventSource);
  term('ReadOnly', String(row.readOnly));
  if (row.username) term('Username', row.username);
  if (row.accessKeyId) term('AccessKeyId', row.accessKeyId);
  for (const resource of row.resources) {
    term('ResourceName', resource.name);
    term('ResourceType', resource.type);
  }
}

/** The index `outer` → `inner` names, added by `add` the first time. */
function indexOf(
  index: Map<string, Map<string, number>>,
  outer: string,
  inner: string,
  add: () => number,
): number {
  let byInner = index.get(outer);
  if (!byInner) index.set(outer, (byInner = new Map()));
  let found = byInner.get(inner);
  if (found === undefined) byInner.set(inner, (found = add()));
  return found;
}

const newestFirst = <T extends { time: number; seq: number }>(events: T[]) =>
  events.sort((a, b) => b.time - a.time || b.seq - a.seq);

function storedParts(event: ChunkEvent, chunk: Chunk): StoredEventParts {
  const [seq, eventId, time, requestId] = event;
  const [recipient, region, eventSource, eventName, readOnly, , , callerIndex, body] =
    chunk.shapes[event[4]];
  const position = { seq, eventId, time, recipient, region, eventSource, eventName };
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
