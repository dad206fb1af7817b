import type { Event } from '@aws-sdk/client-cloudtrail';
import { parseAccessDenied } from '../../policy/access-denied';

/** How a call ended, as the event history sorts it. */
export type EventOutcome = 'succeeded' | 'denied' | 'failed' | 'dry-run';

export const OUTCOME_LABELS: Record<EventOutcome, string> = {
  succeeded: 'Succeeded',
  denied: 'Denied',
  failed: 'Failed',
  'dry-run': 'Dry run',
};

/** The caller as CloudTrail names it. */
export interface EventPrincipal {
  /** The IAM user, role session or root ARN; absent for unsigned calls. */
  arn?: string;
  /** For role sessions: the role's ARN (what policies name). */
  roleArn?: string;
  /** `admin`, `KmsOperator/CognitoIdentityCredentials`, `Anonymous`. */
  label: string;
  accessKeyId?: string;
}

/** One CloudTrail event, read for the console: the record itself and what pages sort by. */
export interface TrailEvent {
  eventId: string;
  time: Date;
  name: string;
  source: string;
  region?: string;
  outcome: EventOutcome;
  errorCode?: string;
  errorMessage?: string;
  principal: EventPrincipal;
  /** The KMS keys the call acted on (ARNs), source key first. */
  keyArns: string[];
  encryptionContext?: Record<string, string>;
  /** The record exactly as CloudTrail hands it out (a JSON string). */
  recordJson: string;
}

const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation']);
const DRY_RUN = new Set(['DryRunOperationException', 'DryRunOperation']);

export function outcomeOf(errorCode: string | undefined): EventOutcome {
  if (!errorCode) return 'succeeded';
  if (DRY_RUN.has(errorCode)) return 'dry-run';
  return DENIED.has(errorCode) ? 'denied' : 'failed';
}

interface RecordShape {
  eventTime?: string;
  eventName?: string;
  eventSource?: string;
  awsRegion?: string;
  errorCode?: string;
  errorMessage?: string;
  userIdentity?: {
    type?: string;
    arn?: string;
    userName?: string;
    accessKeyId?: string;
    principalId?: string;
    sessionContext?: { sessionIssuer?: { arn?: string; userName?: string } };
  };
  requestParameters?: Record<string, unknown> | null;
  resources?: { ARN?: string; type?: string }[];
}

const isKeyArn = (arn: string) => /^arn:aws[a-z-]*:kms:[^:]*:\d{12}:key\//.test(arn);

function principalOf(record: RecordShape): EventPrincipal {
  const identity = record.userIdentity ?? {};
  const arn = identity.arn;
  const roleArn = identity.sessionContext?.sessionIssuer?.arn;
  const accessKeyId = identity.accessKeyId;
  let label: string;
  if (identity.type === 'AssumedRole' && arn) {
    // assumed-role/<role>/<session>
    label = arn.slice(arn.indexOf('assumed-role/') + 'assumed-role/'.length);
  } else if (identity.userName) {
    label = identity.userName;
  } else if (arn) {
    label = arn.slice(arn.lastIndexOf(':') + 1);
  } else {
    label = identity.principalId ?? identity.type ?? 'Unknown';
  }
  return {
    label,
    ...(arn ? { arn } : {}),
    ...(roleArn ? { roleArn } : {}),
    ...(accessKeyId ? { accessKeyId } : {}),
  };
}

function contextOf(parameters: Record<string, unknown> | null | undefined) {
  const context = parameters?.encryptionContext ?? parameters?.sourceEncryptionContext;
  if (context === null || typeof context !== 'object' || Array.isArray(context)) return undefined;
  const entries = Object.entries(context).filter(([, v]) => typeof v === 'string');
  return entries.length > 0 ? (Object.fromEntries(entries) as Record<string, string>) : undefined;
}

function parseRecord(json: string): RecordShape {
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === 'object' && parsed !== null ? (parsed as RecordShape) : {};
  } catch {
    return {};
  }
}

/**
 * Reads one LookupEvents Event. Fields the record lacks (another endpoint, an older format)
 * leave a field empty rather than dropping the event.
 */
export function toTrailEvent(event: Event): TrailEvent {
  const recordJson = event.CloudTrailEvent ?? '{}';
  const record = parseRecord(recordJson);
  const errorCode = record.errorCode || undefined;
  const keyArns = [
    ...(record.resources ?? []).map((r) => r.ARN ?? ''),
    ...(event.Resources ?? []).map((r) => r.ResourceName ?? ''),
  ].filter((arn, index, all) => isKeyArn(arn) && all.indexOf(arn) === index);
  const encryptionContext = contextOf(record.requestParameters);
  const time =
    event.EventTime ?? (record.eventTime ? new Date(record.eventTime) : new Date(Number.NaN));
  return {
    eventId: event.EventId ?? '',
    time,
    name: event.EventName ?? record.eventName ?? '',
    source: event.EventSource ?? record.eventSource ?? '',
    ...(record.awsRegion ? { region: record.awsRegion } : {}),
    outcome: outcomeOf(errorCode),
    ...(errorCode ? { errorCode } : {}),
    ...(record.errorMessage ? { errorMessage: record.errorMessage } : {}),
    principal: principalOf(record),
    keyArns,
    ...(encryptionContext ? { encryptionContext } : {}),
    recordJson,
  };
}

/**
 * What a denied event asks to explain: who, which action, on which key, with which context.
 * AWS names the action (and usually the key) in the AccessDenied message; failing that, the
 * event's name and resources say it.
 */
export interface DenialQuestion {
  principalArn: string;
  action: string;
  keyArn?: string;
  encryptionContext?: Record<string, string>;
}

export function denialQuestion(event: TrailEvent): DenialQuestion | undefined {
  if (event.outcome !== 'denied') return undefined;
  const parsed = event.errorMessage ? parseAccessDenied(event.errorMessage) : null;
  const principalArn = parsed?.principalArn ?? event.principal.arn;
  if (!principalArn) return undefined;
  const resource = parsed?.resource;
  const keyArn = resource && isKeyArn(resource) ? resource : event.keyArns[0];
  const service = event.source.split('.')[0] || 'kms';
  return {
    principalArn,
    action: parsed?.action ?? `${service}:${event.name}`,
    ...(keyArn ? { keyArn } : {}),
    ...(event.encryptionContext ? { encryptionContext: event.encryptionContext } : {}),
  };
}
