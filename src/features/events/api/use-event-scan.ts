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
const idle = () => IDLE;
const noSubscription = () => () => undefined;

export interface EventScanView extends ScanSnapshot {
  stop(): void;
  resume(): void;
  /** Starts the lookup again (new events since it began). */
  refresh(): void;
}

/**
 * The account's KMS events matching `filters`, read from CloudTrail LookupEvents as far as
 * `wanted` matches: the one filter CloudTrail takes is sent, the others are matched here, and
 * progress is reported as pages arrive. Undefined filters: nothing is looked up yet.
 */
export function useEventScan(filters: EventFilters | undefined, wanted: number): EventScanView {
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
  const snapshot = useSyncExternalStore(scan?.subscribe ?? noSubscription, scan?.snapshot ?? idle);

  const stop = useCallback(() => scan?.stop(), [scan]);
  const resume = useCallback(() => scan?.resume(), [scan]);
  const refresh = useCallback(() => setGeneration((n) => n + 1), []);
  return { ...snapshot, stop, resume, refresh };
}
