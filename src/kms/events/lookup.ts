import {
  LookupEventsCommand,
  type CloudTrailClient,
  type LookupAttributeKey,
} from '@aws-sdk/client-cloudtrail';
import { toTrailEvent, type TrailEvent } from './trail-event';

/** CloudTrail looks events up by one attribute at a time. */
export interface LookupFilter {
  attribute?: { key: LookupAttributeKey; value: string };
  start?: Date;
  end?: Date;
}

/** The most LookupEvents returns per page. */
export const PAGE_SIZE = 50;

export interface EventPage {
  events: TrailEvent[];
  /** Where the next page starts; undefined once the history is exhausted. */
  nextToken?: string;
}

/** One LookupEvents page, newest events first. */
export async function lookupEventsPage(
  client: CloudTrailClient,
  filter: LookupFilter,
  nextToken: string | undefined,
  signal?: AbortSignal,
): Promise<EventPage> {
  const answer = await client.send(
    new LookupEventsCommand({
      ...(filter.attribute
        ? {
            LookupAttributes: [
              { AttributeKey: filter.attribute.key, AttributeValue: filter.attribute.value },
            ],
          }
        : {}),
      ...(filter.start ? { StartTime: filter.start } : {}),
      ...(filter.end ? { EndTime: filter.end } : {}),
      MaxResults: PAGE_SIZE,
      ...(nextToken ? { NextToken: nextToken } : {}),
    }),
    { abortSignal: signal },
  );
  return {
    events: (answer.Events ?? []).map(toTrailEvent),
    ...(answer.NextToken ? { nextToken: answer.NextToken } : {}),
  };
}

/**
 * Every page of a lookup, one at a time: each page is handled before the next is asked for,
 * so a history of thousands of events never blocks the page, and a caller can stop early.
 */
export async function* lookupEventPages(
  client: CloudTrailClient,
  filter: LookupFilter,
  signal?: AbortSignal,
): AsyncGenerator<TrailEvent[]> {
  let nextToken: string | undefined;
  do {
    const page = await lookupEventsPage(client, filter, nextToken, signal);
    yield page.events;
    nextToken = page.nextToken;
  } while (nextToken && !signal?.aborted);
}
