import type { LookupFilter } from '../../../kms/events/lookup';
import type { EventOutcome, TrailEvent } from '../../../kms/events/trail-event';

export const KMS_EVENT_SOURCE = 'kms.amazonaws.com';

/** What the Event history page shows: the account's KMS events, narrowed by these. */
export interface EventFilters {
  /** The key's ARN (resolved from whatever the user typed). */
  keyArn?: string;
  /** Matched against the caller's ARN, user name, role and session name. */
  user?: string;
  /** A KMS API name: `Decrypt`. */
  operation?: string;
  outcome?: EventOutcome;
  start?: Date;
  end?: Date;
}

/**
 * LookupEvents filters on one attribute: the most selective one goes to CloudTrail (the key,
 * else the operation, else KMS as the event source); the rest is matched in the console.
 */
export function serverFilter(filters: EventFilters): LookupFilter {
  const attribute = filters.keyArn
    ? { key: 'ResourceName' as const, value: filters.keyArn }
    : filters.operation
      ? { key: 'EventName' as const, value: filters.operation }
      : { key: 'EventSource' as const, value: KMS_EVENT_SOURCE };
  return {
    attribute,
    ...(filters.start ? { start: filters.start } : {}),
    ...(filters.end ? { end: filters.end } : {}),
  };
}

/** Whether CloudTrail's answer still needs narrowing here. */
export function needsLocalMatch(filters: EventFilters): boolean {
  return Boolean(filters.user || filters.outcome || (filters.keyArn && filters.operation));
}

/** The filters CloudTrail could not apply, as one test per event. */
export function matchesLocally(filters: EventFilters): (event: TrailEvent) => boolean {
  const user = filters.user?.trim().toLowerCase();
  return (event) => {
    if (event.source !== KMS_EVENT_SOURCE) return false;
    if (filters.operation && event.name !== filters.operation) return false;
    if (filters.outcome && event.outcome !== filters.outcome) return false;
    if (user) {
      const names = [event.principal.arn, event.principal.label, event.principal.roleArn];
      if (!names.some((name) => name?.toLowerCase().includes(user))) return false;
    }
    return true;
  };
}
