import { createHash } from 'node:crypto';
import type {
  Event,
  LookupEventsCommandInput,
  LookupEventsCommandOutput,
} from '@aws-sdk/client-cloudtrail';
import { InputValidator } from '../kms/validation';
import {
  invalidEventCategory,
  invalidLookupAttributes,
  invalidMaxResults,
  invalidNextToken,
  invalidTimeRange,
  wrongJsonType,
} from '../protocol/errors';
import type { EventAttribute, EventQuery } from '../store/events';
import type { StoredEvent } from './event-log';
import type { CloudTrailRecord } from './record';

type Output = Omit<LookupEventsCommandOutput, '$metadata'>;

export const LOOKUP_ATTRIBUTE_KEYS: readonly EventAttribute[] = [
  'EventId',
  'EventName',
  'ReadOnly',
  'Username',
  'ResourceType',
  'ResourceName',
  'EventSource',
  'AccessKeyId',
];

const MAX_RESULTS = 50;
const MAX_VALUE_LENGTH = 2000;

/** CloudTrail counts `_`, space, `,` and newline as two characters towards the 2000. */
const countedLength = (value: string) => value.length + (value.match(/[_ ,\n]/g)?.length ?? 0);

interface LookupAttribute {
  key: EventAttribute;
  value: string;
}

function readAttributes(input: LookupEventsCommandInput): LookupAttribute | undefined {
  const list: unknown = input.LookupAttributes;
  if (list === undefined || list === null) return undefined;
  if (!Array.isArray(list)) throw wrongJsonType('LookupAttributes', 'a list');
  if (list.length === 0) return undefined;
  if (list.length > 1) {
    throw invalidLookupAttributes(
      `LookupAttributes can contain only one attribute, but the request has ${list.length}. Filter on one attribute and narrow the rest from the results.`,
    );
  }
  const item: unknown = list[0];
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    throw wrongJsonType('LookupAttributes', 'a list of LookupAttribute structures');
  }
  const { AttributeKey: key, AttributeValue: value } = item as Record<string, unknown>;
  if (key !== undefined && typeof key !== 'string') throw wrongJsonType('AttributeKey', 'a string');
  if (value !== undefined && typeof value !== 'string') {
    throw wrongJsonType('AttributeValue', 'a string');
  }
  if (!key || !LOOKUP_ATTRIBUTE_KEYS.includes(key as EventAttribute)) {
    throw invalidLookupAttributes(
      `AttributeKey ${key ? `'${key}'` : 'is missing and'} must be one of ${LOOKUP_ATTRIBUTE_KEYS.join(', ')}.`,
    );
  }
  if (!value) {
    throw invalidLookupAttributes(`AttributeValue for ${key} must not be empty.`);
  }
  if (countedLength(value) > MAX_VALUE_LENGTH) {
    throw invalidLookupAttributes(
      `AttributeValue for ${key} is longer than ${MAX_VALUE_LENGTH} characters (each '_', space, ',' and newline counts as two).`,
    );
  }
  if (key === 'ReadOnly' && value !== 'true' && value !== 'false') {
    throw invalidLookupAttributes(
      `AttributeValue for ReadOnly must be 'true' or 'false', not '${value}'.`,
    );
  }
  return { key: key as EventAttribute, value };
}

/** Request times are epoch seconds (the SDKs' JSON timestamps). */
function readTime(input: LookupEventsCommandInput, name: 'StartTime' | 'EndTime') {
  const value: unknown = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw wrongJsonType(name, 'a timestamp (epoch seconds)');
  }
  return Math.round(value * 1000);
}

const isoOf = (ms: number) => new Date(ms).toISOString();

interface Cursor {
  time: number;
  seq: number;
  /** Which request the token belongs to: a different one is refused. */
  request: string;
}

function requestFingerprint(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);
}

function encodeToken(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.time, cursor.seq, cursor.request])).toString(
    'base64url',
  );
}

function decodeToken(token: string, request: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalidNextToken();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    !Number.isInteger(parsed[0]) ||
    !Number.isInteger(parsed[1]) ||
    parsed[2] !== request
  ) {
    throw invalidNextToken();
  }
  return { time: parsed[0] as number, seq: parsed[1] as number, request };
}

/** The validated request: what to ask the event history for, and how to page on. */
export interface LookupPlan {
  query: Omit<EventQuery, 'recipient' | 'region'>;
  /** Insights events: the sandbox records none, so the answer is empty. */
  insightsOnly: boolean;
  fingerprint: string;
}

/**
 * Reads a LookupEvents request the way CloudTrail checks it: one lookup attribute at most, from
 * the eight keys; a non-empty value of at most 2000 counted characters; MaxResults 1–50;
 * StartTime not after EndTime; a NextToken only with the parameters it was issued for.
 */
export function planLookup(input: LookupEventsCommandInput): LookupPlan {
  const v = new InputValidator(input);
  const maxResults = readMaxResults(input);
  const category = v.string('EventCategory');
  const nextToken = v.string('NextToken');
  v.done();
  if (category !== undefined && category !== 'insight') {
    throw invalidEventCategory(`EventCategory must be 'insight', not '${category}'.`);
  }
  const attribute = readAttributes(input);
  const from = readTime(input, 'StartTime');
  const to = readTime(input, 'EndTime');
  if (from !== undefined && to !== undefined && from > to) {
    throw invalidTimeRange(
      `StartTime (${isoOf(from)}) is after EndTime (${isoOf(to)}): StartTime must be at or before EndTime.`,
    );
  }
  const fingerprint = requestFingerprint([attribute, from, to, category]);
  const after = nextToken === undefined ? undefined : decodeToken(nextToken, fingerprint);
  return {
    query: {
      from: from ?? 0,
      to: to ?? Number.MAX_SAFE_INTEGER,
      ...(attribute ? { attribute } : {}),
      ...(after ? { after: { time: after.time, seq: after.seq } } : {}),
      limit: maxResults,
    },
    insightsOnly: category === 'insight',
    fingerprint,
  };
}

function readMaxResults(input: LookupEventsCommandInput): number {
  const value: unknown = input.MaxResults;
  if (value === undefined || value === null) return MAX_RESULTS;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw wrongJsonType('MaxResults', 'an integer');
  }
  if (value < 1 || value > MAX_RESULTS) {
    throw invalidMaxResults(`MaxResults must be from 1 to ${MAX_RESULTS}, not ${value}.`);
  }
  return value;
}

/** LookupEvents' Event: the record itself (CloudTrailEvent) and the fields lookups filter on. */
export function lookupEvent(stored: StoredEvent): Event {
  const record = JSON.parse(stored.record) as CloudTrailRecord;
  const identity = record.userIdentity;
  const username =
    identity.userName ??
    (identity.arn ? identity.arn.slice(identity.arn.lastIndexOf('/') + 1) : undefined);
  return {
    EventId: record.eventID,
    EventName: record.eventName,
    ReadOnly: String(record.readOnly),
    ...(identity.accessKeyId ? { AccessKeyId: identity.accessKeyId } : {}),
    EventTime: new Date(stored.time),
    EventSource: record.eventSource,
    ...(username ? { Username: username } : {}),
    Resources: record.resources.map((r) => ({ ResourceType: r.type, ResourceName: r.ARN })),
    CloudTrailEvent: stored.record,
  };
}

/** One page of events, and the token for the next when the page is full. */
export function lookupPage(plan: LookupPlan, events: readonly StoredEvent[]): Output {
  const page = events.slice(0, plan.query.limit);
  const last = page.at(-1);
  // One more row than asked says whether another page exists.
  const more = events.length > plan.query.limit && last !== undefined;
  return {
    Events: page.map(lookupEvent),
    ...(more
      ? { NextToken: encodeToken({ time: last.time, seq: last.seq, request: plan.fingerprint }) }
      : {}),
  };
}
