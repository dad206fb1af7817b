import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  CloudTrailClient,
  LookupEventsCommand,
  paginateLookupEvents,
  type Event,
  type LookupEventsCommandInput,
} from '@aws-sdk/client-cloudtrail';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  KMSClient,
  ReEncryptCommand,
  ReplicateKeyCommand,
  ScheduleKeyDeletionCommand,
  UpdatePrimaryRegionCommand,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../trail/record';
import {
  DEMO_ADMIN,
  failure,
  PARTNER_ADMIN,
  signInAs,
  startTestSandbox,
  type AwsCredentials,
  type TemporaryAwsCredentials,
  type TestSandbox,
} from './harness';
import { DEMO_ACCOUNT as ACCOUNT } from '../scenario/demo-scenario';

const run = promisify(execFile);
const PARTNER = '444455556666';
const APP_KEY = '1234abcd-12ab-34cd-56ef-1234567890ab';
const RESTRICTED_ALIAS = 'alias/demo-restricted';
const PARTNER_KEY = `arn:aws:kms:us-east-1:${PARTNER}:key/9a8f7e6d-4c3b-4b2a-9bea-456789abcdef`;
const keyArn = (keyId: string) => `arn:aws:kms:us-east-1:${ACCOUNT}:key/${keyId}`;
const utf8 = (text: string) => new TextEncoder().encode(text);

/** A real CloudTrail client over HTTP, signing with the test clock. */
function cloudTrail(
  sandbox: TestSandbox,
  credentials: AwsCredentials = DEMO_ADMIN,
  region = 'us-east-1',
) {
  const client = new CloudTrailClient({
    endpoint: sandbox.url,
    region,
    credentials,
    maxAttempts: 1,
  });
  Object.defineProperty(client.config, 'systemClockOffset', {
    get: () => sandbox.clock.offsetMs,
    set: () => undefined,
  });
  return client;
}

const recordOf = (event: Event) => JSON.parse(event.CloudTrailEvent!) as CloudTrailRecord;

async function lookup(
  client: CloudTrailClient,
  input: LookupEventsCommandInput = {},
): Promise<Event[]> {
  const events: Event[] = [];
  for await (const page of paginateLookupEvents({ client }, input)) events.push(...page.Events!);
  return events;
}

/** The event of the request with this id (every answer carries its x-amzn-RequestId). */
async function eventOf(client: CloudTrailClient, requestId: string): Promise<CloudTrailRecord> {
  const found = (await lookup(client)).map(recordOf).filter((r) => r.requestID === requestId);
  expect(found).toHaveLength(1);
  return found[0];
}

const requestIdOf = (error: unknown) =>
  (error as { $metadata: { requestId: string } }).$metadata.requestId;

async function rejected(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

describe('the event history: one CloudTrail record per answered call', () => {
  let sandbox: TestSandbox;
  let trail: CloudTrailClient;
  let operator: TemporaryAwsCredentials;
  let ciphertext: Uint8Array;
  let encryptRequestId: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    trail = cloudTrail(sandbox);
    const encrypted = await sandbox.kms().send(
      new EncryptCommand({
        KeyId: 'alias/demo-app',
        Plaintext: utf8('secret payroll'),
        EncryptionContext: { department: 'finance' },
      }),
    );
    ciphertext = encrypted.CiphertextBlob!;
    encryptRequestId = encrypted.$metadata.requestId!;
    operator = await signInAs(sandbox, 'operator');
  });
  afterAll(() => sandbox.close());

  it('records an allowed Encrypt as CloudTrail does: caller, key, context, algorithm, never data', async () => {
    const record = await eventOf(trail, encryptRequestId);
    expect(record).toMatchObject({
      eventVersion: '1.11',
      userIdentity: {
        type: 'IAMUser',
        principalId: 'AIDAJQABLZS4A3QDU576Q',
        arn: `arn:aws:iam::${ACCOUNT}:user/admin`,
        accountId: ACCOUNT,
        accessKeyId: DEMO_ADMIN.accessKeyId,
        userName: 'admin',
      },
      eventSource: 'kms.amazonaws.com',
      eventName: 'Encrypt',
      awsRegion: 'us-east-1',
      sourceIPAddress: '127.0.0.1',
      requestParameters: {
        keyId: 'alias/demo-app',
        encryptionContext: { department: 'finance' },
        encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      },
      responseElements: null,
      requestID: encryptRequestId,
      readOnly: true,
      resources: [{ accountId: ACCOUNT, type: 'AWS::KMS::Key', ARN: keyArn(APP_KEY) }],
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: ACCOUNT,
      eventCategory: 'Management',
    });
    expect(record.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(record.eventID).toMatch(/^[0-9a-f-]{36}$/);
    expect(record.userAgent).toContain('aws-sdk-js');
    expect(record).not.toHaveProperty('errorCode');
    expect(JSON.stringify(record)).not.toContain('plaintext');
  });

  it("records the operator's denied Decrypt without context with AWS's error, the key and the role session", async () => {
    const error = await rejected(
      sandbox.kms(operator).send(new DecryptCommand({ CiphertextBlob: ciphertext })),
    );
    const record = await eventOf(trail, requestIdOf(error));
    expect(record).toMatchObject({
      eventName: 'Decrypt',
      errorCode: 'AccessDeniedException',
      errorMessage: `User: arn:aws:sts::${ACCOUNT}:assumed-role/KmsOperator/CognitoIdentityCredentials is not authorized to perform: kms:Decrypt on resource: ${keyArn(APP_KEY)} because no identity-based policy allows the kms:Decrypt action`,
      requestParameters: { encryptionAlgorithm: 'SYMMETRIC_DEFAULT' },
      responseElements: null,
      readOnly: true,
      resources: [{ accountId: ACCOUNT, type: 'AWS::KMS::Key', ARN: keyArn(APP_KEY) }],
      userIdentity: {
        type: 'AssumedRole',
        principalId: 'AROAKMSOPERATOREXAMP:CognitoIdentityCredentials',
        arn: `arn:aws:sts::${ACCOUNT}:assumed-role/KmsOperator/CognitoIdentityCredentials`,
        accountId: ACCOUNT,
        accessKeyId: operator.accessKeyId,
        sessionContext: {
          sessionIssuer: {
            type: 'Role',
            principalId: 'AROAKMSOPERATOREXAMP',
            arn: `arn:aws:iam::${ACCOUNT}:role/KmsOperator`,
            accountId: ACCOUNT,
            userName: 'KmsOperator',
          },
          webIdFederationData: {
            federatedProvider: 'cognito-identity.amazonaws.com',
            attributes: {
              'cognito-identity.amazonaws.com:sub': operator.identityId,
              'cognito-identity.amazonaws.com:aud':
                'us-east-1:11111111-2222-4333-8444-555555555555',
            },
          },
          attributes: { mfaAuthenticated: 'false' },
        },
      },
    });
    expect(record.requestParameters).not.toHaveProperty('encryptionContext');
    expect(record.userIdentity.sessionContext?.attributes.creationDate).toMatch(/Z$/);
  });

  it('records a dry run as DryRunOperationException with dryRun in the request', async () => {
    const error = await rejected(
      sandbox
        .kms()
        .send(
          new EncryptCommand({ KeyId: APP_KEY, Plaintext: utf8('never stored'), DryRun: true }),
        ),
    );
    const record = await eventOf(trail, requestIdOf(error));
    expect(record).toMatchObject({
      eventName: 'Encrypt',
      errorCode: 'DryRunOperationException',
      errorMessage: 'The request would have succeeded, but the DryRun option is set.',
      requestParameters: { keyId: APP_KEY, dryRun: true },
      resources: [{ ARN: keyArn(APP_KEY) }],
    });
  });

  it('records a write with what CloudTrail keeps of the answer (CreateKey: the key metadata)', async () => {
    const created = await sandbox.kms().send(
      new CreateKeyCommand({
        Description: 'recorded',
        Tags: [{ TagKey: 'team', TagValue: 'a' }],
      }),
    );
    const record = await eventOf(trail, created.$metadata.requestId!);
    expect(record).toMatchObject({
      eventName: 'CreateKey',
      readOnly: false,
      requestParameters: { description: 'recorded', tags: [{ tagKey: 'team', tagValue: 'a' }] },
      resources: [{ accountId: ACCOUNT, type: 'AWS::KMS::Key', ARN: created.KeyMetadata!.Arn }],
      responseElements: {
        keyMetadata: {
          aWSAccountId: ACCOUNT,
          keyId: created.KeyMetadata!.KeyId,
          arn: created.KeyMetadata!.Arn,
          keyState: 'Enabled',
          keySpec: 'SYMMETRIC_DEFAULT',
        },
      },
    });
    // KMS's Java date form: "Jun 30, 2020 2:34:07 AM".
    expect((record.responseElements!.keyMetadata as { creationDate: string }).creationDate).toMatch(
      /^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d\d:\d\d [AP]M$/,
    );
  });

  it("records ReplicateKey in the primary's Region with the replica's Region and metadata, never its policy", async () => {
    const primary = await sandbox.kms().send(new CreateKeyCommand({ MultiRegion: true }));
    const replicated = await sandbox.kms().send(
      new ReplicateKeyCommand({
        KeyId: primary.KeyMetadata!.KeyId,
        ReplicaRegion: 'eu-west-1',
        Description: 'replica',
      }),
    );
    const record = await eventOf(trail, replicated.$metadata.requestId!);
    expect(record).toMatchObject({
      eventName: 'ReplicateKey',
      awsRegion: 'us-east-1',
      readOnly: false,
      requestParameters: {
        keyId: primary.KeyMetadata!.KeyId,
        replicaRegion: 'eu-west-1',
        description: 'replica',
      },
      resources: [{ ARN: primary.KeyMetadata!.Arn }],
      responseElements: {
        replicaKeyMetadata: { arn: replicated.ReplicaKeyMetadata!.Arn, multiRegion: true },
      },
    });
    expect(JSON.stringify(record)).not.toContain('replicaPolicy');
  });

  // https://docs.aws.amazon.com/kms/latest/developerguide/ct-replicate-key.html: "A ReplicateKey
  // request results in a ReplicateKey operation and a CreateKey operation"; the replica is created
  // in its own Region, where kms:CreateKey is authorized.
  it("records ReplicateKey's CreateKey in the replica's Region, found there by the replica's ARN", async () => {
    const primary = await sandbox.kms().send(new CreateKeyCommand({ MultiRegion: true }));
    const replicated = await sandbox.kms().send(
      new ReplicateKeyCommand({
        KeyId: primary.KeyMetadata!.Arn,
        ReplicaRegion: 'ap-southeast-2',
        Description: 'replica in Sydney',
        Tags: [{ TagKey: 'team', TagValue: 'payments' }],
      }),
    );
    const requestId = replicated.$metadata.requestId!;
    const replicaArn = replicated.ReplicaKeyMetadata!.Arn!;
    const sydney = cloudTrail(sandbox, DEMO_ADMIN, 'ap-southeast-2');
    const byKey = await lookup(sydney, {
      LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: replicaArn }],
    });
    expect(byKey.map((event) => [event.EventName, recordOf(event).requestID])).toEqual([
      ['CreateKey', requestId],
    ]);
    expect(byKey[0].Resources).toEqual([
      { ResourceType: 'AWS::KMS::Key', ResourceName: replicaArn },
    ]);
    const record = recordOf(byKey[0]);
    expect(record).toMatchObject({
      eventName: 'CreateKey',
      awsRegion: 'ap-southeast-2',
      readOnly: false,
      userIdentity: {
        type: 'IAMUser',
        arn: `arn:aws:iam::${ACCOUNT}:user/admin`,
        invokedBy: 'kms.amazonaws.com',
      },
      requestParameters: {
        description: 'replica in Sydney',
        tags: [{ tagKey: 'team', tagValue: 'payments' }],
      },
      responseElements: {
        keyMetadata: {
          arn: replicaArn,
          keyId: primary.KeyMetadata!.KeyId,
          multiRegion: true,
          multiRegionConfiguration: { multiRegionKeyType: 'REPLICA' },
        },
      },
      resources: [{ accountId: ACCOUNT, type: 'AWS::KMS::Key', ARN: replicaArn }],
      recipientAccountId: ACCOUNT,
    });
    expect(record.requestParameters).not.toHaveProperty('keyId');
    expect(record.requestParameters).not.toHaveProperty('replicaRegion');
    // The primary's Region has the ReplicateKey only, naming the primary key only.
    const east = (await lookup(trail)).map(recordOf).filter((r) => r.requestID === requestId);
    expect(east.map((r) => [r.eventName, r.resources.map((resource) => resource.ARN)])).toEqual([
      ['ReplicateKey', [primary.KeyMetadata!.Arn]],
    ]);
    const byName = await lookup(sydney, {
      LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateKey' }],
    });
    expect(byName.map((event) => event.EventId)).toContain(byKey[0].EventId);
  });

  // https://docs.aws.amazon.com/kms/latest/developerguide/ct-update-primary-region.html: "writes
  // two CloudTrail log entries", one in each Region; the new primary's has invokedBy and its key's
  // ARN, and since December 2022 both name the affected key in responseElements.keyId.
  it("records UpdatePrimaryRegion in both Regions: the former primary's and the new primary's", async () => {
    const primary = await sandbox.kms().send(new CreateKeyCommand({ MultiRegion: true }));
    const keyId = primary.KeyMetadata!.KeyId!;
    await sandbox
      .kms()
      .send(new ReplicateKeyCommand({ KeyId: keyId, ReplicaRegion: 'ca-central-1' }));
    const updated = await sandbox
      .kms()
      .send(new UpdatePrimaryRegionCommand({ KeyId: keyId, PrimaryRegion: 'ca-central-1' }));
    const requestId = updated.$metadata.requestId!;
    const formerArn = primary.KeyMetadata!.Arn!;
    const newArn = `arn:aws:kms:ca-central-1:${ACCOUNT}:key/${keyId}`;

    const former = await eventOf(trail, requestId);
    expect(former).toMatchObject({
      eventName: 'UpdatePrimaryRegion',
      awsRegion: 'us-east-1',
      requestParameters: { keyId, primaryRegion: 'ca-central-1' },
      responseElements: { keyId: formerArn },
      resources: [{ accountId: ACCOUNT, type: 'AWS::KMS::Key', ARN: formerArn }],
    });
    expect(former.userIdentity).not.toHaveProperty('invokedBy');

    const canada = cloudTrail(sandbox, DEMO_ADMIN, 'ca-central-1');
    const next = await eventOf(canada, requestId);
    expect(next).toMatchObject({
      eventName: 'UpdatePrimaryRegion',
      awsRegion: 'ca-central-1',
      readOnly: false,
      userIdentity: { arn: `arn:aws:iam::${ACCOUNT}:user/admin`, invokedBy: 'kms.amazonaws.com' },
      requestParameters: { keyId: newArn, primaryRegion: 'ca-central-1' },
      responseElements: { keyId: newArn },
      resources: [],
    });
    expect(next.eventID).not.toBe(former.eventID);
  });

  it('names both keys of a ReEncrypt, source first, and the alias of a CreateAlias', async () => {
    const target = await sandbox.kms().send(new CreateKeyCommand({}));
    const reEncrypted = await sandbox.kms().send(
      new ReEncryptCommand({
        CiphertextBlob: ciphertext,
        SourceEncryptionContext: { department: 'finance' },
        DestinationKeyId: target.KeyMetadata!.KeyId,
      }),
    );
    const reRecord = await eventOf(trail, reEncrypted.$metadata.requestId!);
    expect(reRecord.resources.map((r) => r.ARN)).toEqual([
      keyArn(APP_KEY),
      target.KeyMetadata!.Arn,
    ]);
    expect(reRecord.requestParameters).toMatchObject({
      sourceEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      destinationEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      sourceEncryptionContext: { department: 'finance' },
    });
    const aliased = await sandbox.kms().send(
      new CreateAliasCommand({
        AliasName: 'alias/recorded',
        TargetKeyId: target.KeyMetadata!.KeyId,
      }),
    );
    const aliasRecord = await eventOf(trail, aliased.$metadata.requestId!);
    expect(aliasRecord.resources.map((r) => r.ARN)).toEqual([
      target.KeyMetadata!.Arn,
      `arn:aws:kms:us-east-1:${ACCOUNT}:alias/recorded`,
    ]);
  });

  it('records a denied write, and the write itself never happened', async () => {
    const auditor = await signInAs(sandbox, 'auditor');
    const error = await rejected(
      sandbox.kms(auditor).send(new ScheduleKeyDeletionCommand({ KeyId: APP_KEY })),
    );
    const record = await eventOf(trail, requestIdOf(error));
    expect(record).toMatchObject({
      eventName: 'ScheduleKeyDeletion',
      errorCode: 'AccessDeniedException',
      readOnly: false,
      requestParameters: { keyId: APP_KEY },
      responseElements: null,
    });
    const key = await sandbox.kms().send(new DescribeKeyCommand({ KeyId: APP_KEY }));
    expect(key.KeyMetadata!.KeyState).toBe('Enabled');
  });

  it('records Cognito sign-in with every password and token hidden', async () => {
    const guest = await signInAs(sandbox, 'guest');
    const events = (
      await lookup(trail, {
        LookupAttributes: [
          { AttributeKey: 'EventSource', AttributeValue: 'cognito-idp.amazonaws.com' },
        ],
      })
    ).map(recordOf);
    expect(events[0]).toMatchObject({
      eventName: 'InitiateAuth',
      userIdentity: { type: 'Unknown', principalId: 'Anonymous' },
      requestParameters: {
        authFlow: 'USER_PASSWORD_AUTH',
        authParameters: 'HIDDEN_DUE_TO_SECURITY_REASONS',
        clientId: 'kmsconsoledemoclient',
      },
      responseElements: {
        authenticationResult: {
          idToken: 'HIDDEN_DUE_TO_SECURITY_REASONS',
          accessToken: 'HIDDEN_DUE_TO_SECURITY_REASONS',
          refreshToken: 'HIDDEN_DUE_TO_SECURITY_REASONS',
          tokenType: 'Bearer',
        },
      },
      recipientAccountId: ACCOUNT,
    });
    const credentials = (
      await lookup(trail, {
        LookupAttributes: [
          { AttributeKey: 'EventName', AttributeValue: 'GetCredentialsForIdentity' },
        ],
      })
    ).map(recordOf);
    expect(credentials[0]).toMatchObject({
      eventSource: 'cognito-identity.amazonaws.com',
      requestParameters: { identityId: guest.identityId },
      responseElements: {
        identityId: guest.identityId,
        credentials: {
          accessKeyId: guest.accessKeyId,
          sessionToken: 'HIDDEN_DUE_TO_SECURITY_REASONS',
        },
      },
    });
  });

  it('delivers a cross-account key use to both accounts, under one sharedEventID', async () => {
    const encrypted = await sandbox
      .kms()
      .send(new EncryptCommand({ KeyId: PARTNER_KEY, Plaintext: utf8('shared') }));
    const ours = await eventOf(trail, encrypted.$metadata.requestId!);
    const theirs = await eventOf(
      cloudTrail(sandbox, PARTNER_ADMIN),
      encrypted.$metadata.requestId!,
    );
    expect(ours.recipientAccountId).toBe(ACCOUNT);
    expect(theirs.recipientAccountId).toBe(PARTNER);
    expect(theirs.userIdentity.arn).toBe(`arn:aws:iam::${ACCOUNT}:user/admin`);
    expect(ours.sharedEventID).toBeDefined();
    expect(theirs.sharedEventID).toBe(ours.sharedEventID);
    expect(theirs.eventID).not.toBe(ours.eventID);
  });
});

describe('LookupEvents', () => {
  let sandbox: TestSandbox;
  let trail: CloudTrailClient;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    trail = cloudTrail(sandbox);
    const kms = sandbox.kms();
    for (let i = 0; i < 7; i++) {
      await kms.send(new EncryptCommand({ KeyId: APP_KEY, Plaintext: utf8(`n${i}`) }));
    }
    await kms.send(new DescribeKeyCommand({ KeyId: RESTRICTED_ALIAS }));
  });
  afterAll(() => sandbox.close());

  it('pages newest first with MaxResults and NextToken, each event once', async () => {
    const first = await trail.send(new LookupEventsCommand({ MaxResults: 3 }));
    expect(first.Events).toHaveLength(3);
    expect(first.Events![0].EventName).toBe('DescribeKey');
    expect(first.NextToken).toBeDefined();
    const all = await lookup(trail, { MaxResults: 3 });
    expect(all.map((e) => e.EventName)).toEqual(['DescribeKey', ...Array(7).fill('Encrypt')]);
    expect(new Set(all.map((e) => e.EventId)).size).toBe(all.length);
    const times = all.map((e) => e.EventTime!.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('fills the Event fields lookups filter on', async () => {
    const [event] = (await trail.send(new LookupEventsCommand({ MaxResults: 1 }))).Events!;
    expect(event).toMatchObject({
      EventName: 'DescribeKey',
      EventSource: 'kms.amazonaws.com',
      ReadOnly: 'true',
      Username: 'admin',
      AccessKeyId: DEMO_ADMIN.accessKeyId,
      Resources: [
        { ResourceType: 'AWS::KMS::Key', ResourceName: expect.stringContaining(':key/') },
      ],
    });
    expect(recordOf(event).eventID).toBe(event.EventId);
  });

  it.each([
    ['EventName', 'DescribeKey', 1],
    ['EventName', 'Encrypt', 7],
    ['ResourceName', keyArn(APP_KEY), 7],
    ['ResourceType', 'AWS::KMS::Key', 8],
    ['Username', 'admin', 8],
    ['AccessKeyId', DEMO_ADMIN.accessKeyId, 8],
    ['EventSource', 'kms.amazonaws.com', 8],
    ['EventSource', 'sts.amazonaws.com', 0],
    ['ReadOnly', 'true', 8],
    ['ReadOnly', 'false', 0],
  ] as const)('filters on %s = %s', async (key, value, count) => {
    const events = await lookup(trail, {
      LookupAttributes: [{ AttributeKey: key, AttributeValue: value }],
    });
    expect(events).toHaveLength(count);
  });

  it('finds one event by EventId', async () => {
    const [newest] = (await trail.send(new LookupEventsCommand({ MaxResults: 1 }))).Events!;
    const found = await lookup(trail, {
      LookupAttributes: [{ AttributeKey: 'EventId', AttributeValue: newest.EventId! }],
    });
    expect(found.map((e) => e.EventId)).toEqual([newest.EventId]);
  });

  it('keeps to StartTime and EndTime, both inclusive', async () => {
    const before = sandbox.clock.now();
    sandbox.clock.advance(60_000);
    await sandbox.kms().send(new DescribeKeyCommand({ KeyId: APP_KEY }));
    const later = await lookup(trail, { StartTime: new Date(before.getTime() + 30_000) });
    expect(later.map((e) => e.EventName)).toEqual(['DescribeKey']);
    const earlier = await lookup(trail, { EndTime: new Date(before.getTime() + 30_000) });
    expect(earlier).toHaveLength(8);
  });

  it('answers only its own account: the partner sees none of the demo account events', async () => {
    expect(await lookup(cloudTrail(sandbox, PARTNER_ADMIN))).toEqual([]);
  });

  it("keeps each Region's events in that Region, as CloudTrail does", async () => {
    const west = new KMSClient({
      endpoint: sandbox.url,
      region: 'us-west-2',
      credentials: DEMO_ADMIN,
      maxAttempts: 1,
    });
    try {
      const created = await west.send(new CreateKeyCommand({ Description: 'west' }));
      const westEvents = (await lookup(cloudTrail(sandbox, DEMO_ADMIN, 'us-west-2'))).map(recordOf);
      expect(westEvents).toHaveLength(1);
      expect(westEvents[0]).toMatchObject({
        eventName: 'CreateKey',
        awsRegion: 'us-west-2',
        resources: [{ ARN: created.KeyMetadata!.Arn }],
      });
      const east = await lookup(trail, {
        LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateKey' }],
      });
      expect(east).toEqual([]);
    } finally {
      west.destroy();
    }
  });

  it.each([
    [
      'two lookup attributes',
      {
        LookupAttributes: [
          { AttributeKey: 'EventName', AttributeValue: 'Encrypt' },
          { AttributeKey: 'Username', AttributeValue: 'admin' },
        ],
      },
      'InvalidLookupAttributesException',
      /only one attribute, but the request has 2/,
    ],
    [
      'an unknown attribute key',
      { LookupAttributes: [{ AttributeKey: 'KeyId', AttributeValue: 'x' }] },
      'InvalidLookupAttributesException',
      /AttributeKey 'KeyId' must be one of EventId, EventName, ReadOnly, Username, ResourceType, ResourceName, EventSource, AccessKeyId/,
    ],
    [
      'an empty attribute value',
      { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: '' }] },
      'InvalidLookupAttributesException',
      /AttributeValue for EventName must not be empty/,
    ],
    [
      'a value over 2000 counted characters',
      { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: '_'.repeat(1001) }] },
      'InvalidLookupAttributesException',
      /longer than 2000 characters/,
    ],
    [
      'ReadOnly other than true or false',
      { LookupAttributes: [{ AttributeKey: 'ReadOnly', AttributeValue: 'yes' }] },
      'InvalidLookupAttributesException',
      /ReadOnly must be 'true' or 'false', not 'yes'/,
    ],
    ['MaxResults 0', { MaxResults: 0 }, 'InvalidMaxResultsException', /from 1 to 50, not 0/],
    ['MaxResults 51', { MaxResults: 51 }, 'InvalidMaxResultsException', /from 1 to 50, not 51/],
    [
      'StartTime after EndTime',
      { StartTime: new Date('2030-01-02T00:00:00Z'), EndTime: new Date('2030-01-01T00:00:00Z') },
      'InvalidTimeRangeException',
      /StartTime \(2030-01-02T00:00:00.000Z\) is after EndTime \(2030-01-01T00:00:00.000Z\)/,
    ],
    [
      'a malformed NextToken',
      { NextToken: 'not-a-token' },
      'InvalidNextTokenException',
      /not valid/,
    ],
    [
      'an unknown EventCategory',
      { EventCategory: 'data' },
      'InvalidEventCategoryException',
      /must be 'insight', not 'data'/,
    ],
  ] as const)('refuses %s in CloudTrail’s terms', async (_case, input, name, message) => {
    const error = await failure(
      trail.send(new LookupEventsCommand(input as LookupEventsCommandInput)),
    );
    expect(error.name).toBe(name);
    expect(error.message).toMatch(message);
  });

  it('refuses a NextToken with parameters other than the ones it was issued for', async () => {
    const page = await trail.send(new LookupEventsCommand({ MaxResults: 1 }));
    const error = await failure(
      trail.send(
        new LookupEventsCommand({
          MaxResults: 1,
          NextToken: page.NextToken,
          LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'Encrypt' }],
        }),
      ),
    );
    expect(error.name).toBe('InvalidNextTokenException');
  });

  it('answers Insights lookups with no events (the sandbox records none)', async () => {
    const page = await trail.send(new LookupEventsCommand({ EventCategory: 'insight' }));
    expect(page.Events).toEqual([]);
  });

  it.each(['admin', 'auditor'] as const)('lets the scenario %s look events up', async (user) => {
    const credentials = await signInAs(sandbox, user);
    const page = await cloudTrail(sandbox, credentials).send(new LookupEventsCommand({}));
    expect(page.Events!.length).toBeGreaterThan(0);
  });

  it.each(['operator', 'guest'] as const)(
    'refuses the scenario %s, naming cloudtrail:LookupEvents',
    async (user) => {
      const credentials = await signInAs(sandbox, user);
      const error = await failure(
        cloudTrail(sandbox, credentials).send(new LookupEventsCommand({})),
      );
      expect(error.name).toBe('AccessDeniedException');
      expect(error.message).toMatch(
        /is not authorized to perform: cloudtrail:LookupEvents .*because no (identity-based|session) policy allows the cloudtrail:LookupEvents action/,
      );
    },
  );
});

describe('retention and persistence', () => {
  it('drops events older than 90 days', async () => {
    const sandbox = await startTestSandbox();
    try {
      await sandbox.kms().send(new DescribeKeyCommand({ KeyId: APP_KEY }));
      sandbox.clock.advance(91 * 86_400_000);
      await sandbox.kms().send(new EncryptCommand({ KeyId: APP_KEY, Plaintext: utf8('x') }));
      const events = await lookup(cloudTrail(sandbox));
      expect(events.map((e) => e.EventName)).toEqual(['Encrypt']);
    } finally {
      await sandbox.close();
    }
  });

  it('keeps at most --max-events events, dropping the oldest first', async () => {
    const sandbox = await startTestSandbox({ maxEvents: 5 });
    try {
      for (let i = 0; i < 12; i++) {
        await sandbox.kms().send(new DescribeKeyCommand({ KeyId: APP_KEY }));
      }
      await sandbox.kms().send(new EncryptCommand({ KeyId: APP_KEY, Plaintext: utf8('x') }));
      const events = await lookup(cloudTrail(sandbox));
      expect(events.length).toBeLessThanOrEqual(5);
      expect(events[0].EventName).toBe('Encrypt');
    } finally {
      await sandbox.close();
    }
  });

  it('keeps the history across a restart on the same state directory', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'sandbox-events-'));
    try {
      const first = await startTestSandbox({ memory: false, stateDir });
      const sent = await first.kms().send(new DescribeKeyCommand({ KeyId: APP_KEY }));
      await first.close();
      const second = await startTestSandbox({ memory: false, stateDir });
      try {
        const record = await eventOf(cloudTrail(second), sent.$metadata.requestId!);
        expect(record.eventName).toBe('DescribeKey');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});

describe('LookupEvents from the AWS CLI', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    await sandbox.kms().send(new EncryptCommand({ KeyId: APP_KEY, Plaintext: utf8('cli') }));
    await sandbox.kms().send(new DescribeKeyCommand({ KeyId: APP_KEY }));
  });
  afterAll(() => sandbox.close());

  const cli = (...args: string[]) =>
    run('aws', ['cloudtrail', 'lookup-events', '--endpoint-url', sandbox.url, ...args], {
      env: {
        ...process.env,
        AWS_ACCESS_KEY_ID: DEMO_ADMIN.accessKeyId,
        AWS_SECRET_ACCESS_KEY: DEMO_ADMIN.secretAccessKey,
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_PAGER: '',
      },
      timeout: 60_000,
    });

  it('looks events up by attribute and pages through them unchanged', async () => {
    const { stdout } = await cli(
      '--lookup-attributes',
      'AttributeKey=EventName,AttributeValue=Encrypt',
      '--output',
      'json',
    );
    const answer = JSON.parse(stdout) as {
      Events: { EventName: string; CloudTrailEvent: string }[];
    };
    expect(answer.Events.map((e) => e.EventName)).toEqual(['Encrypt']);
    expect(JSON.parse(answer.Events[0].CloudTrailEvent)).toMatchObject({
      eventSource: 'kms.amazonaws.com',
      userAgent: expect.stringContaining('aws-sdk-js') as string,
    });
    // The CLI pages with NextToken on its own (page size 1).
    const paged = await cli(
      '--page-size',
      '1',
      '--query',
      'Events[].EventName',
      '--output',
      'json',
    );
    expect(JSON.parse(paged.stdout)).toEqual(['DescribeKey', 'Encrypt']);
  }, 60_000);

  it("reports CloudTrail's validation errors", async () => {
    const error = (await cli('--max-results', '51').catch((e: unknown) => e)) as { stderr: string };
    expect(error.stderr).toContain('InvalidMaxResultsException');
  }, 60_000);
});
