import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { lookupEventPages } from './lookup';
import type { TrailEvent } from './trail-event';
import { isKeyUse } from './usage';

/** CloudTrail's Event history keeps 90 days. */
export const RETENTION_DAYS = 90;
const DAY_MS = 86_400_000;

/** The key's events over the retention window, newest first, a page at a time. */
export function keyEventPages(
  client: CloudTrailClient,
  keyArn: string,
  now: Date,
  signal?: AbortSignal,
): AsyncGenerator<TrailEvent[]> {
  return lookupEventPages(
    client,
    {
      attribute: { key: 'ResourceName', value: keyArn },
      start: new Date(now.getTime() - RETENTION_DAYS * DAY_MS),
    },
    signal,
  );
}

export interface LastUseSearch {
  lastUse?: TrailEvent;
  /** Events read to find it. */
  scanned: number;
}

/**
 * The newest successful use of a key in its event history: pages are read newest first only
 * until one is found, which is usually the first page. `onProgress` hears every page.
 */
export async function findLastUse(
  client: CloudTrailClient,
  keyArn: string,
  now: Date,
  signal?: AbortSignal,
  onProgress?: (scanned: number) => void,
): Promise<LastUseSearch> {
  let scanned = 0;
  for await (const events of keyEventPages(client, keyArn, now, signal)) {
    scanned += events.length;
    onProgress?.(scanned);
    const use = events.find(isKeyUse);
    if (use) return { lastUse: use, scanned };
  }
  return { scanned };
}
