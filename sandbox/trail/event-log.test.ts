import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { Store } from '../store/store';
import type { EventRow } from '../store/events';
import { EventLog, type RecordedEvents } from './event-log';

const DAY = 86_400_000;
const T0 = Date.parse('2030-01-01T00:00:00Z');

/** One call's single event, as the request pipeline hands it over. */
const event = (name: string, time: number): RecordedEvents => ({
  count: 1,
  build: (firstSeq): EventRow[] => [eventRow(name, time, firstSeq)],
});

const eventRow = (name: string, time: number, seq: number): EventRow => ({
  seq,
  eventId: `id-${name}-${time}`,
  time,
  recipient: '111122223333',
  region: 'us-east-1',
  eventSource: 'kms.amazonaws.com',
  eventName: name,
  readOnly: true,
  record: JSON.stringify({ eventName: name }),
  resources: [],
});

describe('EventLog', () => {
  let store: Store;
  let now: number;
  const clock = () => new Date(now);
  const names = (log: EventLog) =>
    log
      .query({ recipient: '111122223333', region: 'us-east-1', from: 0, to: Infinity, limit: 100 })
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
});
