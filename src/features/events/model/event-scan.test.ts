import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventPage } from '../../../kms/events/lookup';
import type { TrailEvent } from '../../../kms/events/trail-event';
import { EventScan, type ScanSnapshot } from './event-scan';

const event = (i: number, outcome: TrailEvent['outcome'] = 'succeeded'): TrailEvent => ({
  eventId: `e${i}`,
  time: new Date(2030, 0, 1, 0, 0, 1000 - i),
  name: 'Encrypt',
  source: 'kms.amazonaws.com',
  outcome,
  principal: { label: 'admin' },
  keyArns: [],
  recordJson: '{}',
});

/** A history of `pages` pages of 50, where every 10th event is denied. */
function history(pages: number) {
  const asked: (string | undefined)[] = [];
  const fetchPage = async (token: string | undefined): Promise<EventPage> => {
    asked.push(token);
    const page = token === undefined ? 0 : Number(token);
    const events = Array.from({ length: 50 }, (_, i) => {
      const n = page * 50 + i;
      return event(n, n % 10 === 0 ? 'denied' : 'succeeded');
    });
    return { events, ...(page + 1 < pages ? { nextToken: String(page + 1) } : {}) };
  };
  return { fetchPage, asked };
}

/** Resolves when a snapshot says the scan has paused. */
function scanUntilIdle(
  fetchPage: (token: string | undefined) => Promise<EventPage>,
  match: (e: TrailEvent) => boolean,
  want: number,
): Promise<{ scan: EventScan; last: ScanSnapshot; seen: ScanSnapshot[] }> {
  return new Promise((resolve) => {
    const seen: ScanSnapshot[] = [];
    const scan: EventScan = new EventScan(fetchPage, match, (snapshot) => {
      seen.push(snapshot);
      if (!snapshot.running) resolve({ scan, last: snapshot, seen });
    });
    scan.want(want);
  });
}

describe('EventScan', () => {
  it('reads only as many pages as the table needs', async () => {
    const { fetchPage, asked } = history(100);
    const { last } = await scanUntilIdle(fetchPage, () => true, 25);
    expect(asked).toEqual([undefined]);
    expect(last.matched).toHaveLength(50);
    expect(last.exhausted).toBe(false);
  });

  it('reads on through pages without matches, reporting progress, and keeps only matches', async () => {
    const { fetchPage, asked } = history(10);
    const { last, seen } = await scanUntilIdle(fetchPage, (e) => e.outcome === 'denied', 12);
    expect(asked).toEqual([undefined, '1', '2']);
    expect(last.matched).toHaveLength(15);
    expect(last.scanned).toBe(150);
    expect(seen.filter((s) => s.running).map((s) => s.scanned)).toEqual([0, 50, 100, 150]);
  });

  it('stops at the end of the history', async () => {
    const { fetchPage, asked } = history(3);
    const { last } = await scanUntilIdle(fetchPage, () => false, 10);
    expect(asked).toHaveLength(3);
    expect(last).toMatchObject({ exhausted: true, scanned: 150, matched: [] });
  });

  it('keeps what CloudTrail refused, without reading further', async () => {
    const denied = Object.assign(new Error('User: x is not authorized'), {
      name: 'AccessDeniedException',
    });
    const { last } = await scanUntilIdle(
      () => Promise.reject(denied),
      () => true,
      10,
    );
    expect(last.error).toBe(denied);
    expect(last.running).toBe(false);
  });

  describe('over a slow history', () => {
    afterEach(() => vi.useRealTimers());

    it('reports pages without a match at most every 250 ms, and a match at once', async () => {
      vi.useFakeTimers();
      // 20 pages, one every 100 ms; the only match is on the 6th (answered at 600 ms). The end
      // of the history is reported at once too.
      const fetchPage = async (token: string | undefined): Promise<EventPage> => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const page = Number(token ?? 0);
        return {
          events: [event(page, page === 5 ? 'denied' : 'succeeded')],
          ...(page + 1 < 20 ? { nextToken: String(page + 1) } : {}),
        };
      };
      const started = Date.now();
      const reports: { at: number; scanned: number; matched: number; running: boolean }[] = [];
      const scan = new EventScan(
        fetchPage,
        (e) => e.outcome === 'denied',
        (s) =>
          reports.push({
            at: Date.now() - started,
            scanned: s.scanned,
            matched: s.matched.length,
            running: s.running,
          }),
      );
      scan.want(5);
      await vi.runAllTimersAsync();

      expect(reports.at(-1)).toEqual({ at: 2000, scanned: 20, matched: 1, running: false });
      expect(reports).toContainEqual({ at: 2000, scanned: 20, matched: 1, running: true });
      expect(reports).toContainEqual({ at: 600, scanned: 6, matched: 1, running: true });
      const progressOnly = reports.filter(
        (report, i) =>
          i > 0 &&
          report.running &&
          report.scanned < 20 &&
          report.matched === reports[i - 1].matched,
      );
      const gaps = progressOnly.slice(1).map((report, i) => report.at - progressOnly[i].at);
      expect(gaps.length).toBeGreaterThan(3);
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(250);
    });
  });
});
