import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { Store } from '../store/store';
import type { EventAttribute, EventCaller, EventQuery, EventRow } from '../store/events';
import { EventLog, type RecordedEvents } from './event-log';
import { bodyJson } from './stored-record';

const DAY = 86_400_000;
const T0 = Date.parse('2030-01-01T00:00:00Z');

const ADMIN: EventCaller = {
  identity: '{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/admin"}',
  sourceIp: '127.0.0.1',
  userAgent: 'aws-cli/2',
};

const eventRow = (
  name: string,
  time: number,
  seq: number,
  caller = ADMIN,
  extra: Partial<EventRow> = {},
): EventRow => ({
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
  ...extra,
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
  const names = (log: EventLog, attribute?: EventQuery['attribute']) =>
    log
      .query({ ...ALL, ...(attribute ? { attribute } : {}) })
      .map((stored) => (JSON.parse(stored.record) as { eventName: string }).eventName);

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

  describe('chunks', () => {
    const chunks = () =>
      (
        store.db.prepare('SELECT first_seq, last_seq, events FROM event_chunks').all() as {
          first_seq: number;
          last_seq: number;
          events: string;
        }[]
      ).map((row) => ({
        seqs: [row.first_seq, row.last_seq],
        callers: (JSON.parse(row.events) as { callers: unknown[] }).callers.length,
      }));
    const identities = (log: EventLog) =>
      log
        .query(ALL)
        .map((stored) => (JSON.parse(stored.record) as { userIdentity: unknown }).userIdentity);
    const OPERATOR: EventCaller = {
      ...ADMIN,
      identity: '{"type":"IAMUser","userName":"operator"}',
    };

    it('stores a batch as one chunk that names each caller once, and each record names its own', () => {
      const log = new EventLog(store, store.events, { clock });
      for (let i = 0; i < 3; i++) log.enqueue(event('Encrypt', now + i));
      log.write(by(OPERATOR, 'CreateKey', now + 3));
      log.enqueue(by(OPERATOR, 'Decrypt', now + 4));
      expect(identities(log)).toEqual([
        JSON.parse(OPERATOR.identity),
        JSON.parse(OPERATOR.identity),
        JSON.parse(ADMIN.identity),
        JSON.parse(ADMIN.identity),
        JSON.parse(ADMIN.identity),
      ]);
      // The write is stored at once, in a chunk of its own; the batch at the lookup.
      expect(chunks()).toEqual([
        { seqs: [1, 5], callers: 2 },
        { seqs: [4, 4], callers: 1 },
      ]);
    });

    it('leaves no event of a write whose transaction, one the Store did not open, rolled back', () => {
      const log = new EventLog(store, store.events, { clock });
      // The Cognito identities open their transactions on the connection itself.
      expect(() =>
        store.db.transaction(() => {
          log.write(by(OPERATOR, 'GetId', now));
          throw new Error('the identity was not stored');
        })(),
      ).toThrow('not stored');
      log.enqueue(by(OPERATOR, 'Encrypt', now + 1));
      expect(names(log)).toEqual(['Encrypt']);
      expect(identities(log)).toEqual([JSON.parse(OPERATOR.identity)]);
    });

    it('removes a chunk once all its events are past the size bound, and hides the rest', () => {
      const log = new EventLog(store, store.events, { clock, maxEvents: 2 });
      log.enqueue(event('E1', now));
      log.enqueue(event('E2', now + 1));
      log.close();
      log.enqueue(event('E3', now + 2));
      log.close();
      // E1 is past the bound but shares its chunk with E2, which is not.
      expect(chunks().map((chunk) => chunk.seqs)).toEqual([
        [1, 2],
        [3, 3],
      ]);
      expect(names(log)).toEqual(['E3', 'E2']);
      log.enqueue(event('E4', now + 3));
      log.close();
      expect(chunks().map((chunk) => chunk.seqs)).toEqual([
        [3, 3],
        [4, 4],
      ]);
      expect(names(log)).toEqual(['E4', 'E3']);
    });

    it('removes a chunk once all its events are past 90 days, and hides such events before', () => {
      const log = new EventLog(store, store.events, { clock });
      log.enqueue(event('Old', now));
      log.enqueue(event('Newer', now + DAY));
      log.close();
      now += 90 * DAY + 1;
      // Old is past the window; its chunk stays for Newer, which is not.
      expect(names(log)).toEqual(['Newer']);
      now += 2 * DAY;
      log.enqueue(event('New', now));
      log.close();
      expect(chunks().map((chunk) => chunk.seqs)).toEqual([[3, 3]]);
      expect(names(log)).toEqual(['New']);
    });

    it('pages newest first through chunks whose times overlap', () => {
      const log = new EventLog(store, store.events, { clock });
      log.enqueue(event('A', now));
      log.write(event('W', now + 15));
      log.enqueue(event('B', now + 20));
      log.enqueue(event('C', now + 15));
      const page = (after?: { time: number; seq: number }) =>
        log
          .query({ ...ALL, limit: 2, ...(after ? { after } : {}) })
          .map((stored) => ({ name: names1(stored.record), time: stored.time, seq: stored.seq }));
      const names1 = (record: string) => (JSON.parse(record) as { eventName: string }).eventName;
      const first = page();
      expect(first.map((e) => e.name)).toEqual(['B', 'C']);
      const second = page(first[1]);
      expect(second.map((e) => e.name)).toEqual(['W', 'A']);
      expect(page(second[1])).toEqual([]);
    });

    it('finds events by every lookup attribute, leaving out the rest of their chunk', () => {
      const log = new EventLog(store, store.events, { clock });
      const key = 'arn:aws:kms:us-east-1:111122223333:key/k1';
      log.enqueue(event('Encrypt', now));
      log.enqueue({
        count: 1,
        build: (firstSeq) => [
          eventRow('ScheduleKeyDeletion', now + 1, firstSeq, OPERATOR, {
            readOnly: false,
            username: 'operator',
            accessKeyId: 'ASIAOPERATOR',
            resources: [{ type: 'AWS::KMS::Key', name: key }],
            body: bodyJson({
              requestParameters: null,
              responseElements: null,
              resources: [{ accountId: '111122223333', type: 'AWS::KMS::Key', ARN: key }],
            }),
          }),
        ],
      });
      log.enqueue(event('Decrypt', now + 2));
      const find = (key: EventAttribute, value: string) => names(log, { key, value });
      for (const [attribute, value] of [
        ['EventId', `id-ScheduleKeyDeletion-${now + 1}`],
        ['EventName', 'ScheduleKeyDeletion'],
        ['ReadOnly', 'false'],
        ['Username', 'operator'],
        ['AccessKeyId', 'ASIAOPERATOR'],
        ['ResourceName', key],
        ['ResourceType', 'AWS::KMS::Key'],
      ] as const) {
        expect(find(attribute, value), attribute).toEqual(['ScheduleKeyDeletion']);
      }
      expect(find('ReadOnly', 'true')).toEqual(['Decrypt', 'Encrypt']);
      expect(find('EventSource', 'kms.amazonaws.com')).toHaveLength(3);
      expect(find('EventId', 'id-none')).toEqual([]);
    });
  });
});
