/**
 * A CloudTrail event record, field for field as CloudTrail documents it for AWS KMS ("Logging AWS
 * KMS API calls with AWS CloudTrail" and its per-operation examples). LookupEvents hands it out
 * as the `CloudTrailEvent` JSON string.
 */
export interface CloudTrailRecord {
  eventVersion: string;
  userIdentity: UserIdentity;
  /** ISO 8601 UTC to the second, e.g. `2025-05-20T20:46:16Z`. */
  eventTime: string;
  eventSource: string;
  eventName: string;
  awsRegion: string;
  sourceIPAddress: string;
  userAgent: string;
  errorCode?: string;
  errorMessage?: string;
  requestParameters: Record<string, unknown> | null;
  responseElements: Record<string, unknown> | null;
  additionalEventData?: Record<string, unknown>;
  requestID: string;
  eventID: string;
  readOnly: boolean;
  resources: TrailResource[];
  eventType: 'AwsApiCall' | 'AwsServiceEvent';
  managementEvent: true;
  recipientAccountId: string;
  /** The same request delivered to two accounts (a cross-account key use): one id for both. */
  sharedEventID?: string;
  eventCategory: 'Management';
}

export interface UserIdentity {
  type: 'IAMUser' | 'AssumedRole' | 'Root' | 'Unknown';
  principalId?: string;
  arn?: string;
  accountId?: string;
  accessKeyId?: string;
  userName?: string;
  sessionContext?: SessionContext;
  invokedBy?: string;
}

export interface SessionContext {
  sessionIssuer: {
    type: 'Role';
    principalId: string;
    arn: string;
    accountId: string;
    userName: string;
  };
  webIdFederationData?: {
    federatedProvider: string;
    attributes: Record<string, string>;
  };
  attributes: { creationDate?: string; mfaAuthenticated: 'false' };
}

export interface TrailResource {
  accountId: string;
  type: string;
  ARN: string;
}

/** The eventVersion of KMS's current examples. */
export const EVENT_VERSION = '1.11';

/** What CloudTrail writes in place of a secret it must not record (passwords, tokens). */
export const HIDDEN = 'HIDDEN_DUE_TO_SECURITY_REASONS';

export const KMS_KEY_RESOURCE = 'AWS::KMS::Key';

/** `2025-05-20T20:46:16Z`: CloudTrail's eventTime has no milliseconds. */
export function trailTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Dates inside responseElements are written the way KMS's Java service prints them, in UTC:
 * `Jun 30, 2020 2:34:07 AM` (CreateKey's keyMetadata.creationDate, ScheduleKeyDeletion's
 * deletionDate, Cognito's credentials expiration).
 */
export function responseDate(date: Date): string {
  const hours = date.getUTCHours();
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()} ` +
    `${twelve}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`
  );
}
