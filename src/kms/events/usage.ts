import type { TrailEvent } from './trail-event';

/** Calls that use a key's material (or hand out its public key): what "still in use" means. */
export const KEY_USE_OPERATIONS: ReadonlySet<string> = new Set([
  'Encrypt',
  'Decrypt',
  'ReEncrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'Sign',
  'Verify',
  'GenerateMac',
  'VerifyMac',
  'DeriveSharedSecret',
  'GetPublicKey',
]);

/** A successful call that used the key. */
export const isKeyUse = (event: TrailEvent) =>
  event.outcome === 'succeeded' && KEY_USE_OPERATIONS.has(event.name);

/** `2025-05-20`: the UTC day an event belongs to, the chart's bars. */
export const dayOf = (time: Date) => time.toISOString().slice(0, 10);

export interface PrincipalUsage {
  /** The caller's ARN, or its label for unsigned calls. */
  id: string;
  label: string;
  calls: number;
  uses: number;
  denied: number;
  lastCall: Date;
  lastOperation: string;
  operations: Set<string>;
}

/** Counts per day, by a series name (an operation or an outcome). */
export type DailyCounts = Map<string, Map<string, number>>;

export interface KeyUsage {
  /** Events counted so far. */
  events: number;
  /** The newest successful use of the key. */
  lastUse?: TrailEvent;
  byOperation: DailyCounts;
  byOutcome: DailyCounts;
  principals: Map<string, PrincipalUsage>;
}

export const emptyUsage = (): KeyUsage => ({
  events: 0,
  byOperation: new Map(),
  byOutcome: new Map(),
  principals: new Map(),
});

function count(daily: DailyCounts, day: string, series: string): void {
  let counts = daily.get(day);
  if (!counts) daily.set(day, (counts = new Map()));
  counts.set(series, (counts.get(series) ?? 0) + 1);
}

/**
 * Adds a page of a key's events (newest first, as LookupEvents returns them) to its usage. Pages
 * arrive one at a time, so a long history is summed as it is read, never held whole.
 */
export function addToUsage(usage: KeyUsage, events: readonly TrailEvent[]): KeyUsage {
  for (const event of events) {
    usage.events++;
    if (!usage.lastUse && isKeyUse(event)) usage.lastUse = event;
    const day = dayOf(event.time);
    count(usage.byOperation, day, event.name);
    count(usage.byOutcome, day, event.outcome);
    const id = event.principal.arn ?? event.principal.label;
    let principal = usage.principals.get(id);
    if (!principal) {
      principal = {
        id,
        label: event.principal.label,
        calls: 0,
        uses: 0,
        denied: 0,
        lastCall: event.time,
        lastOperation: event.name,
        operations: new Set(),
      };
      usage.principals.set(id, principal);
    }
    principal.calls++;
    if (isKeyUse(event)) principal.uses++;
    if (event.outcome === 'denied') principal.denied++;
    principal.operations.add(event.name);
    if (event.time > principal.lastCall) {
      principal.lastCall = event.time;
      principal.lastOperation = event.name;
    }
  }
  return usage;
}

/** Every series name in the counts, most frequent first (so the chart's legend leads with them). */
export function seriesOf(daily: DailyCounts): string[] {
  const totals = new Map<string, number>();
  for (const counts of daily.values()) {
    for (const [series, n] of counts) totals.set(series, (totals.get(series) ?? 0) + n);
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([series]) => series);
}
