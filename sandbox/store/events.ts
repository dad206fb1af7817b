import type { ReadCache, StoreContext } from './repository';

/**
 * Who made a call, as its record names them: the same for every call a client makes with one
 * credential, so it is stored once, not in every event.
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

/** An event as a lookup reads it back: the parts its record is rebuilt from. */
export type StoredEventParts = Omit<
  EventRow,
  'username' | 'accessKeyId' | 'requestId' | 'caller' | 'resources'
> & {
  /** Absent for events stored before records were split (their `body` is the whole record). */
  requestId?: string;
  caller?: EventCaller;
};

/** LookupEvents' attribute keys, and the one column (or resource field) each filters on. */
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
  limit: number;
}

/** Room for every event's resources: UpdateAlias, the most, names an alias and two keys. */
const RESOURCE_SLOTS = 8;

const EVENT_COLUMNS: Partial<Record<EventAttribute, string>> = {
  EventId: 'event_id',
  EventName: 'event_name',
  ReadOnly: 'read_only',
  Username: 'username',
  EventSource: 'event_source',
  AccessKeyId: 'access_key_id',
};

const RESOURCE_COLUMNS: Partial<Record<EventAttribute, string>> = {
  ResourceName: 'resource_name',
  ResourceType: 'resource_type',
};

/**
 * The event history, in `events` and `event_resources`. Rows are appended with the seq the
 * caller assigns (recording order) and removed from the oldest end only, so the live rows lie
 * in firstSeq()..lastSeq() and that span bounds how many there are, without counting them.
 */
export class EventRepository {
  private readonly callers: ReadCache<string, { id: number }>;

  constructor(private readonly store: StoreContext) {
    this.callers = store.cache();
  }

  private statement(sql: string) {
    return this.store.statement(sql);
  }

  /**
   * Stores events (inside the caller's transaction): each row, its resources, and its caller,
   * added the first time this store sees them and kept until the newest event naming them goes.
   * `rememberCallers` only where the transaction is the Store's: a rollback anywhere else (the
   * Cognito identities open their own) would leave the cache naming a caller row that is gone.
   */
  insertAll(rows: readonly EventRow[], rememberCallers: boolean): void {
    const newest = new Map<number, number>();
    for (const row of rows) {
      const caller = this.callerId(row.caller, row.seq, rememberCallers);
      newest.set(caller, row.seq);
      this.insert(row, caller);
    }
    for (const [caller, seq] of newest) {
      this.statement('UPDATE event_callers SET last_seq = max(last_seq, ?) WHERE id = ?').run(
        seq,
        caller,
      );
    }
  }

  /**
   * The caller's row id. The cache is the Store's, so a rolled-back transaction forgets the
   * rows it added; retention empties it when it deletes callers.
   */
  private callerId(caller: EventCaller, seq: number, remember: boolean): number {
    const key = `${caller.identity}\n${caller.sourceIp}\n${caller.userAgent}`;
    const add = () => ({
      id: Number(
        this.statement(
          `INSERT INTO event_callers (identity, source_ip, user_agent, last_seq)
           VALUES (?, ?, ?, ?)`,
        ).run(caller.identity, caller.sourceIp, caller.userAgent, seq).lastInsertRowid,
      ),
    });
    return (
      remember ? this.callers.get(key, add) : (this.callers.get(key, () => undefined) ?? add())
    ).id;
  }

  private insert(row: EventRow, caller: number): void {
    this.statement(
      `INSERT INTO events (seq, event_id, event_time, recipient, region, event_source, event_name,
        read_only, username, access_key_id, caller, request_id, body)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
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
      row.body,
    );
    const resources = row.resources.slice(0, RESOURCE_SLOTS);
    for (let i = 0; i < resources.length; i++) {
      this.statement(
        `INSERT INTO event_resources (id, event_seq, event_time, recipient, region, resource_type,
          resource_name) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        row.seq * RESOURCE_SLOTS + i,
        row.seq,
        row.time,
        row.recipient,
        row.region,
        resources[i].type,
        resources[i].name,
      );
    }
  }

  /**
   * Newest first: by time, then by recording order. A page's upper bound is one row value on
   * (time, seq) — the cursor, or the range's end — so each page is an index seek to where the
   * last one stopped, not a scan down from the newest event past every page already read.
   */
  query(query: EventQuery): StoredEventParts[] {
    const { recipient, region, from, to, attribute, after, limit } = query;
    const resourceColumn = attribute && RESOURCE_COLUMNS[attribute.key];
    const eventColumn = attribute && EVENT_COLUMNS[attribute.key];
    // A cursor past the range's end (the range ends sooner) bounds nothing.
    const below = after && after.time <= to ? after : { time: to, seq: Number.MAX_SAFE_INTEGER };
    if (resourceColumn) {
      const rows = this.statement(
        `SELECT ${PARTS} FROM event_resources AS t
         JOIN events AS e ON e.seq = t.event_seq
         LEFT JOIN event_callers AS c ON c.id = e.caller
         WHERE t.recipient = ? AND t.region = ? AND t.${resourceColumn} = ?
           AND t.event_time >= ? AND (t.event_time, t.event_seq) < (?, ?)
         ORDER BY t.event_time DESC, t.event_seq DESC LIMIT ?`,
      ).all(recipient, region, attribute.value, from, below.time, below.seq, limit);
      return rows.map(storedParts);
    }
    const filter = eventColumn ? `AND e.${eventColumn} = ?` : '';
    const filterParams = eventColumn
      ? [attribute.key === 'ReadOnly' ? (attribute.value === 'true' ? 1 : 0) : attribute.value]
      : [];
    const rows = this.statement(
      `SELECT ${PARTS} FROM events AS e
       LEFT JOIN event_callers AS c ON c.id = e.caller
       WHERE e.recipient = ? AND e.region = ? AND e.event_time >= ?
         AND (e.event_time, e.seq) < (?, ?) ${filter}
       ORDER BY e.event_time DESC, e.seq DESC LIMIT ?`,
    ).all(recipient, region, from, below.time, below.seq, ...filterParams, limit);
    return rows.map(storedParts);
  }

  firstSeq(): number | undefined {
    return (
      (this.statement('SELECT min(seq) FROM events').pluck().get() as number | null) ?? undefined
    );
  }

  lastSeq(): number | undefined {
    return (
      (this.statement('SELECT max(seq) FROM events').pluck().get() as number | null) ?? undefined
    );
  }

  /** The oldest rows' positions, to decide how far retention reaches. */
  oldest(limit: number): { seq: number; time: number }[] {
    return (
      this.statement('SELECT seq, event_time FROM events ORDER BY seq LIMIT ?').all(limit) as {
        seq: number;
        event_time: number;
      }[]
    ).map((row) => ({ seq: row.seq, time: row.event_time }));
  }

  /** Removes every event up to and including `seq`, with its resources and callers named by no other. */
  deleteThrough(seq: number): void {
    this.statement('DELETE FROM events WHERE seq <= ?').run(seq);
    this.statement('DELETE FROM event_resources WHERE id < ?').run((seq + 1) * RESOURCE_SLOTS);
    const callers = this.statement('DELETE FROM event_callers WHERE last_seq <= ?').run(seq);
    if (callers.changes > 0) this.callers.clear();
  }
}

const PARTS = `e.seq, e.event_id, e.event_time, e.recipient, e.region, e.event_source, e.event_name,
  e.read_only, e.request_id, e.body, c.identity, c.source_ip, c.user_agent`;

function storedParts(row: unknown): StoredEventParts {
  const r = row as {
    seq: number;
    event_id: string;
    event_time: number;
    recipient: string;
    region: string;
    event_source: string;
    event_name: string;
    read_only: number;
    request_id: string | null;
    body: string;
    identity: string | null;
    source_ip: string | null;
    user_agent: string | null;
  };
  return {
    seq: r.seq,
    eventId: r.event_id,
    time: r.event_time,
    recipient: r.recipient,
    region: r.region,
    eventSource: r.event_source,
    eventName: r.event_name,
    readOnly: r.read_only === 1,
    ...(r.request_id === null ? {} : { requestId: r.request_id }),
    ...(r.identity === null
      ? {}
      : {
          caller: {
            identity: r.identity,
            sourceIp: r.source_ip ?? '',
            userAgent: r.user_agent ?? '',
          },
        }),
    body: r.body,
  };
}
