import type { StoreContext } from './repository';

/** One stored CloudTrail event, for one recipient account. */
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
  /** The record, as the JSON text LookupEvents hands out. */
  record: string;
  resources: readonly { type: string; name: string }[];
}

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

export type StoredEvent = Pick<EventRow, 'seq' | 'time' | 'record'>;

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
  constructor(private readonly store: StoreContext) {}

  private statement(sql: string) {
    return this.store.statement(sql);
  }

  insert(row: EventRow): void {
    this.statement(
      `INSERT INTO events (seq, event_id, event_time, recipient, region, event_source, event_name,
        read_only, username, access_key_id, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
      row.record,
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
  query(query: EventQuery): StoredEvent[] {
    const { recipient, region, from, to, attribute, after, limit } = query;
    const resourceColumn = attribute && RESOURCE_COLUMNS[attribute.key];
    const eventColumn = attribute && EVENT_COLUMNS[attribute.key];
    // A cursor past the range's end (the range ends sooner) bounds nothing.
    const below = after && after.time <= to ? after : { time: to, seq: Number.MAX_SAFE_INTEGER };
    if (resourceColumn) {
      const rows = this.statement(
        `SELECT e.seq, e.event_time, e.record FROM event_resources AS t
         JOIN events AS e ON e.seq = t.event_seq
         WHERE t.recipient = ? AND t.region = ? AND t.${resourceColumn} = ?
           AND t.event_time >= ? AND (t.event_time, t.event_seq) < (?, ?)
         ORDER BY t.event_time DESC, t.event_seq DESC LIMIT ?`,
      ).all(recipient, region, attribute.value, from, below.time, below.seq, limit);
      return rows.map(storedEvent);
    }
    const filter = eventColumn ? `AND t.${eventColumn} = ?` : '';
    const filterParams = eventColumn
      ? [attribute.key === 'ReadOnly' ? (attribute.value === 'true' ? 1 : 0) : attribute.value]
      : [];
    const rows = this.statement(
      `SELECT t.seq, t.event_time, t.record FROM events AS t
       WHERE t.recipient = ? AND t.region = ? AND t.event_time >= ?
         AND (t.event_time, t.seq) < (?, ?) ${filter}
       ORDER BY t.event_time DESC, t.seq DESC LIMIT ?`,
    ).all(recipient, region, from, below.time, below.seq, ...filterParams, limit);
    return rows.map(storedEvent);
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

  /** Removes every event up to and including `seq`, with its resources. */
  deleteThrough(seq: number): void {
    this.statement('DELETE FROM events WHERE seq <= ?').run(seq);
    this.statement('DELETE FROM event_resources WHERE id < ?').run((seq + 1) * RESOURCE_SLOTS);
  }
}

function storedEvent(row: unknown): StoredEvent {
  const { seq, event_time, record } = row as { seq: number; event_time: number; record: string };
  return { seq, time: event_time, record };
}
