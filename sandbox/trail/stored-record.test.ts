import { describe, expect, it } from 'vitest';
import { bodyJson, recordOf, type RecordBody } from './stored-record';

/** A body as a lookup reads it back from its chunk. */
const stored = (body: RecordBody): object => JSON.parse(bodyJson(body)) as object;

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

const parts = {
  seq: 7,
  eventId: 'e-1',
  time: Date.parse('2026-12-07T12:09:56.789Z'),
  recipient: '111122223333',
  region: 'us-east-1',
  eventSource: 'kms.amazonaws.com',
  eventName: 'Decrypt',
  readOnly: true,
  requestId: 'r-1',
  caller: {
    identity: '{"type":"IAMUser","userName":"operator"}',
    sourceIp: '10.0.0.1',
    userAgent: 'cli',
  },
};

describe('a record rebuilt from its stored parts', () => {
  it('has every field in the order CloudTrail writes them', () => {
    const body = stored({
      errorCode: 'AccessDenied',
      errorMessage: 'no',
      requestParameters: { keyId: KEY },
      responseElements: null,
      resources: [{ accountId: '111122223333', type: 'AWS::KMS::Key', ARN: KEY }],
      sharedEventID: 's-1',
    });
    expect(recordOf({ ...parts, body })).toBe(
      '{"eventVersion":"1.11","userIdentity":{"type":"IAMUser","userName":"operator"},' +
        '"eventTime":"2026-12-07T12:09:56Z","eventSource":"kms.amazonaws.com","eventName":"Decrypt",' +
        '"awsRegion":"us-east-1","sourceIPAddress":"10.0.0.1","userAgent":"cli",' +
        '"errorCode":"AccessDenied","errorMessage":"no","requestParameters":{"keyId":"' +
        KEY +
        '"},"responseElements":null,"requestID":"r-1","eventID":"e-1","readOnly":true,' +
        `"resources":[{"accountId":"111122223333","type":"AWS::KMS::Key","ARN":"${KEY}"}],` +
        '"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"111122223333",' +
        '"sharedEventID":"s-1","eventCategory":"Management"}',
    );
  });

  it('puts additionalEventData after responseElements, where CloudTrail has it', () => {
    const body = stored({
      requestParameters: null,
      responseElements: null,
      additionalEventData: { requestParametersOmitted: 'larger than a record may be' },
      resources: [],
    });
    expect(Object.keys(JSON.parse(recordOf({ ...parts, body })) as object).slice(8, 12)).toEqual([
      'requestParameters',
      'responseElements',
      'additionalEventData',
      'requestID',
    ]);
  });

  it('leaves out what the call did not have (no error, one recipient)', () => {
    const body = stored({ requestParameters: null, responseElements: null, resources: [] });
    const record = JSON.parse(recordOf({ ...parts, body })) as Record<string, unknown>;
    expect(record).not.toHaveProperty('errorCode');
    expect(record).not.toHaveProperty('errorMessage');
    expect(record).not.toHaveProperty('sharedEventID');
  });
});
