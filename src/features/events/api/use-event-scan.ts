import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { lookupEventsPage } from '../../../kms/events/lookup';
import { useSession } from '../../../session/SessionProvider';
import { matchesLocally, serverFilter, type EventFilters } from '../model/event-filters';
import { EventScan, type ScanSnapshot } from '../model/event-scan';

const IDLE: ScanSnapshot = {
  matched: [],
  scanned: 0,
  exhausted: false,
  running: false,
  stopped: false,
};
const noSubscription = () => () => undefined;

/** The lookup for the current filters and what the user can do with it; no state of its own. */
export interface EventScanControl {
  /** Undefined until the filters are settled. */
  scan: EventScan | undefined;
  stop(): void;
  resume(): void;
  /** Starts the lookup again (new events since it began). */
  refresh(): void;
}

/**
 * The account's KMS events matching `filters`, read from CloudTrail LookupEvents as far as
 * `wanted` matches: the one filter CloudTrail takes is sent, the others are matched here.
 * Subscribes to nothing: each part of the page reads the part of the scan it shows with
 * `useScanState`, so progress that only moves the status line redraws only the status line.
 * Undefined filters: nothing is looked up yet.
 */
export function useEventScan(filters: EventFilters | undefined, wanted: number): EventScanControl {
  const { clients } = useSession();
  const [generation, setGeneration] = useState(0);
  const scan = useMemo(() => {
    void generation;
    if (filters === undefined) return undefined;
    const lookup = serverFilter(filters);
    return new EventScan(
      async (nextToken, signal) =>
        lookupEventsPage(await clients.cloudTrail(), lookup, nextToken, signal),
      matchesLocally(filters),
    );
  }, [filters, clients, generation]);

  useEffect(() => {
    scan?.revive();
    return () => scan?.dispose();
  }, [scan]);
  useEffect(() => scan?.want(wanted), [scan, wanted]);

  const stop = useCallback(() => scan?.stop(), [scan]);
  const resume = useCallback(() => scan?.resume(), [scan]);
  const refresh = useCallback(() => setGeneration((n) => n + 1), []);
  return useMemo(() => ({ scan, stop, resume, refresh }), [scan, stop, resume, refresh]);
}

/**
 * What `select` reads of the scan's state; the component re-renders only when that value
 * changes. `select` must return a primitive or an object the snapshot already holds (such as
 * `matched`, which changes only when a match is found), never a new object.
 */
export function useScanState<T>(
  scan: EventScan | undefined,
  select: (snapshot: ScanSnapshot) => T,
): T {
  return useSyncExternalStore(scan?.subscribe ?? noSubscription, () =>
    select(scan?.snapshot() ?? IDLE),
  );
}
