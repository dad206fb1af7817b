import type { Event } from '@aws-sdk/client-cloudtrail';
import { describe, expect, it } from 'vitest';
import { recordedRequestFacts } from './denied-request';
import { explainLink, readExplainRequest } from './explain-link';
import { denialQuestion, outcomeOf, toTrailEvent, type TrailEvent } from './trail-event';
import { addToUsage, emptyUsage, seriesOf } from './usage';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const OPERATOR = 'arn:aws:sts::111122223333:assumed-role/KmsOperator/CognitoIdentityCredentials';

/** A LookupEvents Event as CloudTrail returns it, around a record. */
function lookedUp(record: Record<string, unknown>, time = '2030-01-02T03:04:05Z'): Event {
  return {
    EventId: (record.eventID as string) ?? 'e1',
    EventName: record.eventName as string,
    EventSource: 'kms.amazonaws.com',
    EventTime: new Date(time),
    CloudTrailEvent: JSON.stringify({ eventTime: time, ...record }),
  };
}

const deniedDecrypt = lookedUp({
  eventName: 'Decrypt',
  eventSource: 'kms.amazonaws.com',
  errorCode: 'AccessDeniedException',
  errorMessage: `User: ${OPERATOR} is not authorized to perform: kms:Decrypt on resource: ${KEY} because no identity-based policy allows the kms:Decrypt action`,
  userIdentity: {
    type: 'AssumedRole',
    arn: OPERATOR,
    accessKeyId: 'ASIAEXAMPLE',
    sessionContext: { sessionIssuer: { arn: 'arn:aws:iam::111122223333:role/KmsOperator' } },
  },
  requestParameters: { encryptionAlgorithm: 'SYMMETRIC_DEFAULT' },
  resources: [{ ARN: KEY, type: 'AWS::KMS::Key' }],
});

describe('reading CloudTrail events', () => {
  it.each([
    [undefined, 'succeeded'],
    ['AccessDeniedException', 'denied'],
    ['DryRunOperationException', 'dry-run'],
    ['InvalidCiphertextException', 'failed'],
    ['NotAuthorizedException', 'failed'],
  ] as const)('sorts error code %s as %s', (code, outcome) => {
    expect(outcomeOf(code)).toBe(outcome);
  });

  it('reads the caller, the key and the outcome of a denied Decrypt', () => {
    const event = toTrailEvent(deniedDecrypt);
    expect(event).toMatchObject({
      name: 'Decrypt',
      outcome: 'denied',
      errorCode: 'AccessDeniedException',
      principal: {
        arn: OPERATOR,
        roleArn: 'arn:aws:iam::111122223333:role/KmsOperator',
        label: 'KmsOperator/CognitoIdentityCredentials',
        accessKeyId: 'ASIAEXAMPLE',
      },
      keyArns: [KEY],
    });
    expect(event.encryptionContext).toBeUndefined();
  });

  it('keeps an event whose record is not JSON, with what the lookup itself says', () => {
    const event = toTrailEvent({ EventId: 'x', EventName: 'Encrypt', CloudTrailEvent: 'oops' });
    expect(event).toMatchObject({ eventId: 'x', name: 'Encrypt', outcome: 'succeeded' });
  });

  it('asks a denial question from the AccessDenied message: principal, action, key, context', () => {
    const event: TrailEvent = {
      ...toTrailEvent(deniedDecrypt),
      encryptionContext: { department: 'sales' },
    };
    expect(denialQuestion(event)).toEqual({
      principalArn: OPERATOR,
      action: 'kms:Decrypt',
      keyArn: KEY,
      encryptionContext: { department: 'sales' },
    });
    expect(denialQuestion({ ...event, outcome: 'failed' })).toBeUndefined();
  });

  it('links Explain to the Permissions page and reads the same question back', () => {
    const event: TrailEvent = {
      ...toTrailEvent(deniedDecrypt),
      encryptionContext: { department: 'sales', 'cost center': 'a,b' },
    };
    const link = explainLink(denialQuestion(event)!, event);
    expect(link.startsWith('/permissions?')).toBe(true);
    expect(readExplainRequest(new URLSearchParams(link.slice(link.indexOf('?'))))).toEqual({
      principalArn: OPERATOR,
      action: 'kms:Decrypt',
      keyId: KEY,
      encryptionContext: { department: 'sales', 'cost center': 'a,b' },
      eventId: 'e1',
      eventTime: new Date('2030-01-02T03:04:05Z'),
    });
    expect(readExplainRequest(new URLSearchParams('keyId=x'))).toBeUndefined();
  });
});

describe('a key usage tally', () => {
  const event = (name: string, time: string, overrides: Partial<TrailEvent> = {}): TrailEvent => ({
    ...toTrailEvent(lookedUp({ eventName: name, resources: [{ ARN: KEY }] }, time)),
    ...overrides,
  });

  it('finds the newest successful use, counts per day by operation and outcome, and who called', () => {
    const admin = { arn: 'arn:aws:iam::111122223333:user/admin', label: 'admin' };
    const operator = { arn: OPERATOR, label: 'KmsOperator/CognitoIdentityCredentials' };
    const usage = emptyUsage();
    addToUsage(usage, [
      event('DescribeKey', '2030-01-03T10:00:00Z', { principal: admin }),
      event('Decrypt', '2030-01-03T09:00:00Z', { principal: operator, outcome: 'denied' }),
      event('Encrypt', '2030-01-02T12:00:00Z', { principal: admin }),
    ]);
    addToUsage(usage, [event('Encrypt', '2030-01-01T12:00:00Z', { principal: operator })]);
    expect(usage.events).toBe(4);
    expect(usage.lastUse?.time.toISOString()).toBe('2030-01-02T12:00:00.000Z');
    expect(usage.byOperation.get('2030-01-03')).toEqual(
      new Map([
        ['DescribeKey', 1],
        ['Decrypt', 1],
      ]),
    );
    expect(usage.byOutcome.get('2030-01-03')).toEqual(
      new Map([
        ['succeeded', 1],
        ['denied', 1],
      ]),
    );
    expect(seriesOf(usage.byOperation)).toEqual(['Encrypt', 'DescribeKey', 'Decrypt']);
    expect(usage.principals.get(OPERATOR)).toMatchObject({
      calls: 2,
      uses: 1,
      denied: 1,
      lastOperation: 'Decrypt',
      lastCall: new Date('2030-01-03T09:00:00Z'),
    });
    expect(usage.principals.get(admin.arn)).toMatchObject({ calls: 2, uses: 1, denied: 0 });
  });
});

describe('the facts a recorded request gives a policy evaluation', () => {
  it('reads algorithms as condition keys and the alias the caller named', () => {
    const facts = recordedRequestFacts(
      JSON.stringify({
        requestParameters: {
          keyId: 'alias/demo-app',
          encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
          encryptionContext: { department: 'finance' },
        },
      }),
    );
    expect(facts).toEqual({
      conditionKeys: { 'kms:EncryptionAlgorithm': 'SYMMETRIC_DEFAULT' },
      requestAlias: 'alias/demo-app',
      cognitoGuest: false,
    });
  });

  it("knows a Cognito guest's session by its recorded sign-in method", () => {
    const session = (amr: string) =>
      JSON.stringify({
        userIdentity: {
          sessionContext: {
            webIdFederationData: { attributes: { 'cognito-identity.amazonaws.com:amr': amr } },
          },
        },
      });
    expect(recordedRequestFacts(session('["unauthenticated"]')).cognitoGuest).toBe(true);
    expect(recordedRequestFacts(session('["authenticated","cognito-idp"]')).cognitoGuest).toBe(
      false,
    );
  });

  it('gives no facts from a record it cannot read', () => {
    expect(recordedRequestFacts('not json')).toEqual({ conditionKeys: {}, cognitoGuest: false });
  });
});
