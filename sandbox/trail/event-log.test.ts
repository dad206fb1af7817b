import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { Store } from '../store/store';
import type { EventCaller, EventRow } from '../store/events';
import { EventLog, type RecordedEvents } from './event-log';
import { bodyJson } from './stored-record';

const DAY = 86_400_000;
const T0 = Date.parse('2030-01-01T00:00:00Z');

const ADMIN: EventCaller = {
  identity: '{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/admin"}',
  sourceIp: '127.0.0.1',
  userAgent: 'aws-cli/2',
};

const eventRow = (name: string, time: number, seq: number, caller = ADMIN): EventRow => ({
  seq,
  eventId: `id-${name}-${time}`,
  time,
  recipient: '111122223333',
  region: 'us-east-1',
  eventSource: 'kms.amazonaws.com',
  eventName: name,
  readOnly: true,
  requestId: `request-${seq}`,
  caller,
  body: bodyJson({ requestParameters: null, responseElements: null, resources: [] }),
  resources: [],
});

/** One call's single event, as the request pipeline hands it over. */
const by = (caller: EventCaller, name: string, time: number): RecordedEvents => ({
  count: 1,
  build: (firstSeq) => [eventRow(name, time, firstSeq, caller)],
});

const event = (name: string, time: number) => by(ADMIN, name, time);

/** Every event of the account's Region. */
const ALL = { recipient: '111122223333', region: 'us-east-1', from: 0, to: Infinity, limit: 100 };

describe('EventLog', () => {
  let store: Store;
  let now: number;
  const clock = () => new Date(now);
  const names = (log: EventLog) =>
    log.query(ALL).map((stored) => (JSON.parse(stored.record) as { eventName: string }).eventName);

  beforeEach(() => {
    store = new Store(openDatabase({ memory: true }));
    now = T0;
  });

  it('writes an event inside the open transaction, so a rolled-back change takes its event along', () => {
    const log = new EventLog(store, store.events, { clock });
    expect(() =>
      store.transaction(() => {
        log.write(event('ScheduleKeyDeletion', now));
        throw new Error('the change failed after its event was written');
      }),
    ).toThrow('the change failed');
    log.write(event('CreateKey', now));
    expect(names(log)).toEqual(['CreateKey']);
  });

  it('lets a lookup see batched events at once, newest first', () => {
    const log = new EventLog(store, store.events, { clock });
    log.enqueue(event('Encrypt', now));
    log.enqueue(event('Decrypt', now + 1));
    expect(names(log)).toEqual(['Decrypt', 'Encrypt']);
  });

  it('builds a batched event when its batch is stored, not when the request is answered', () => {
    const log = new EventLog(store, store.events, { clock });
    let built = 0;
    log.enqueue({
      count: 1,
      build: (firstSeq) => {
        built++;
        return [eventRow('Encrypt', now, firstSeq)];
      },
    });
    expect(built).toBe(0);
    expect(names(log)).toEqual(['Encrypt']);
    expect(built).toBe(1);
  });

  it('orders events as their requests were answered, though batched ones are stored later', () => {
    const log = new EventLog(store, store.events, { clock });
    log.enqueue(event('Encrypt', now));
    log.write(event('CreateKey', now));
    log.enqueue(event('Decrypt', now));
    expect(names(log)).toEqual(['Decrypt', 'CreateKey', 'Encrypt']);
  });

  it('keeps at most maxEvents, dropping the oldest first', () => {
    const log = new EventLog(store, store.events, { clock, maxEvents: 3 });
    for (let i = 0; i < 5; i++) log.enqueue(event(`E${i}`, now + i));
    log.close();
    expect(names(log)).toEqual(['E4', 'E3', 'E2']);
  });

  it('drops events older than 90 days', () => {
    const log = new EventLog(store, store.events, { clock });
    log.enqueue(event('Old', now));
    log.close();
    now += 91 * DAY;
    log.enqueue(event('New', now));
    expect(names(log)).toEqual(['New']);
  });

  it('continues numbering after the events already stored (a restart)', () => {
    const first = new EventLog(store, store.events, { clock });
    first.enqueue(event('Before', now));
    first.close();
    const second = new EventLog(store, store.events, { clock });
    second.enqueue(event('After', now));
    expect(names(second)).toEqual(['After', 'Before']);
  });

  describe('callers', () => {
    const callerRows = () =>
      store.db.prepare('SELECT identity, last_seq FROM event_callers ORDER BY id').all() as {
        identity: string;
        last_seq: number;
      }[];
    const identities = (log: EventLog) =>
      log
        .query(ALL)
        .map((stored) => (JSON.parse(stored.record) as { userIdentity: unknown }).userIdentity);
    const OPERATOR: EventCaller = {
      ...ADMIN,
      identity: '{"type":"IAMUser","userName":"operator"}',
    };

    it('stores a caller once for all its calls, and each record names it', () => {
      const log = new EventLog(store, store.events, { clock });
      for (let i = 0; i < 3; i++) log.enqueue(event('Encrypt', now + i));
      log.write(by(OPERATOR, 'CreateKey', now + 3));
      log.enqueue(event('Decrypt', now + 4));
      expect(identities(log)).toEqual([
        JSON.parse(ADMIN.identity),
        JSON.parse(OPERATOR.identity),
        JSON.parse(ADMIN.identity),
        JSON.parse(ADMIN.identity),
        JSON.parse(ADMIN.identity),
      ]);
      // The write is stored at once, the batch at the lookup.
      expect(callerRows()).toEqual([
        { identity: OPERATOR.identity, last_seq: 4 },
        { identity: ADMIN.identity, last_seq: 5 },
      ]);
    });

    it('adds the caller again after a rolled-back write took the first row along', () => {
      const log = new EventLog(store, store.events, { clock });
      expect(() =>
        store.transaction(() => {
          log.write(by(OPERATOR, 'ScheduleKeyDeletion', now));
          throw new Error('the change failed after its event was written');
        }),
      ).toThrow('the change failed');
      log.enqueue(by(OPERATOR, 'Encrypt', now + 1));
      expect(identities(log)).toEqual([JSON.parse(OPERATOR.identity)]);
    });

    it('keeps no caller of a write in a transaction the Store did not open (it may roll back)', () => {
      const log = new EventLog(store, store.events, { clock });
      // The Cognito identities open their transactions on the connection itself.
      expect(() =>
        store.db.transaction(() => {
          log.write(by(OPERATOR, 'GetId', now));
          throw new Error('the identity was not stored');
        })(),
      ).toThrow('not stored');
      log.enqueue(by(OPERATOR, 'Encrypt', now + 1));
      expect(identities(log)).toEqual([JSON.parse(OPERATOR.identity)]);
    });

    it('drops a caller with its last event, and keeps one a newer event still names', () => {
      const log = new EventLog(store, store.events, { clock, maxEvents: 2 });
      log.enqueue(by(OPERATOR, 'Old', now));
      log.enqueue(event('Encrypt', now + 1));
      log.close();
      log.enqueue(event('Decrypt', now + 2));
      log.close();
      expect(callerRows().map((row) => row.identity)).toEqual([ADMIN.identity]);
      // The cache forgot the dropped row: the operator's next call stores its caller anew.
      log.enqueue(by(OPERATOR, 'Encrypt', now + 3));
      expect(identities(log)).toEqual([JSON.parse(OPERATOR.identity), JSON.parse(ADMIN.identity)]);
    });

    it('hands out an event stored whole, before records were split, as it was stored', () => {
      const log = new EventLog(store, store.events, { clock });
      const record = '{"eventVersion":"1.11","eventName":"Encrypt","eventID":"old"}';
      store.db
        .prepare(
          `INSERT INTO events (seq, event_id, event_time, recipient, region, event_source,
            event_name, read_only, body) VALUES (1, 'old', ?, '111122223333', 'us-east-1',
            'kms.amazonaws.com', 'Encrypt', 1, ?)`,
        )
        .run(now, record);
      expect(log.query(ALL).map((stored) => stored.record)).toEqual([record]);
    });
  });
});
