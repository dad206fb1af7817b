import type { StoredEventParts } from '../store/events';
import { EVENT_VERSION, trailTime, type CloudTrailRecord, type TrailResource } from './record';

/**
 * What a record holds that varies call to call, stored as each event's `body`. Everything else
 * in a record is either a column of the event (time, names, ids, Region, recipient) or its
 * caller's (userIdentity, source IP, user agent), which are stored once for all their calls.
 */
export type RecordBody = Pick<
  CloudTrailRecord,
  | 'errorCode'
  | 'errorMessage'
  | 'requestParameters'
  | 'responseElements'
  | 'additionalEventData'
  | 'resources'
  | 'sharedEventID'
>;

export const bodyJson = (body: RecordBody): string => JSON.stringify(body);

/**
 * The record as CloudTrail writes it, rebuilt from the stored parts in CloudTrail's field order:
 * eventVersion, userIdentity, then the rest. Events stored whole (before records were split)
 * come back as they were stored.
 */
export function recordOf(parts: StoredEventParts): string {
  if (parts.record !== undefined) return parts.record;
  const { requestId, caller } = parts;
  const body = parts.body as RecordBody & { resources: TrailResource[] };
  const rest: Omit<CloudTrailRecord, 'eventVersion' | 'userIdentity'> = {
    eventTime: trailTime(new Date(parts.time)),
    eventSource: parts.eventSource,
    eventName: parts.eventName,
    awsRegion: parts.region,
    sourceIPAddress: caller.sourceIp,
    userAgent: caller.userAgent,
    ...(body.errorCode === undefined ? {} : { errorCode: body.errorCode }),
    ...(body.errorMessage === undefined ? {} : { errorMessage: body.errorMessage }),
    requestParameters: body.requestParameters,
    responseElements: body.responseElements,
    ...(body.additionalEventData ? { additionalEventData: body.additionalEventData } : {}),
    requestID: requestId,
    eventID: parts.eventId,
    readOnly: parts.readOnly,
    resources: body.resources,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: parts.recipient,
    ...(body.sharedEventID ? { sharedEventID: body.sharedEventID } : {}),
    eventCategory: 'Management',
  };
  return `{"eventVersion":"${EVENT_VERSION}","userIdentity":${caller.identity},${JSON.stringify(rest).slice(1)}`;
}
