import { DecryptCommand, EncryptCommand, KMSClient, ReEncryptCommand } from '@aws-sdk/client-kms';
import { HttpResponse } from '@smithy/protocol-http';
import { describe, expect, it } from 'vitest';
import { keyOfCall, MAX_ENTRIES, ActivityLog } from './activity-log';
import { activityLogFor } from './activity-recorder';

const ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const SECRET = 'the plaintext must never be logged';

/** A KMS client whose "network" answers with `status` and `body`. */
function clientAnswering(status: number, body: object, headers: Record<string, string> = {}) {
  return new KMSClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
    requestHandler: {
      handle: async () => ({
        response: new HttpResponse({
          statusCode: status,
          headers: {
            'content-type': 'application/x-amz-json-1.1',
            'x-amzn-requestid': 'req-1',
            ...headers,
          },
          body: new TextEncoder().encode(JSON.stringify(body)),
        }),
      }),
    },
  });
}

describe('activityLogFor', () => {
  it('records a successful call with its key, request id and duration, never its plaintext', async () => {
    const kms = clientAnswering(200, {
      Plaintext: Buffer.from(SECRET).toString('base64'),
      KeyId: ARN,
      EncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
    });
    const log = activityLogFor(kms);
    expect(activityLogFor(kms)).toBe(log);
    await kms.send(new DecryptCommand({ CiphertextBlob: new Uint8Array([1, 2, 3]) }));
    const [entry] = log.getSnapshot();
    expect(entry).toMatchObject({
      operation: 'Decrypt',
      key: ARN,
      outcome: 'success',
      requestId: 'req-1',
    });
    expect(entry.durationMs).toBeGreaterThanOrEqual(0);
    const recorded = JSON.stringify(log.getSnapshot());
    expect(recorded).not.toContain(SECRET);
    expect(recorded).not.toContain(Buffer.from(SECRET).toString('base64'));
  });

  it('records failures with the exception name and the key the request named', async () => {
    const kms = clientAnswering(
      400,
      { __type: 'InvalidCiphertextException', message: '' },
      { 'x-amzn-errortype': 'InvalidCiphertextException' },
    );
    const log = activityLogFor(kms);
    await expect(
      kms.send(
        new EncryptCommand({
          KeyId: 'alias/demo-app',
          Plaintext: new TextEncoder().encode(SECRET),
        }),
      ),
    ).rejects.toThrow();
    expect(log.getSnapshot()[0]).toMatchObject({
      operation: 'Encrypt',
      key: 'alias/demo-app',
      outcome: 'error',
      errorName: 'InvalidCiphertextException',
      requestId: 'req-1',
    });
    expect(JSON.stringify(log.getSnapshot())).not.toContain(SECRET);
  });

  it('shows both keys of a ReEncrypt', async () => {
    const kms = clientAnswering(200, {
      CiphertextBlob: 'AQID',
      SourceKeyId: 'arn:a',
      KeyId: 'arn:b',
    });
    const log = activityLogFor(kms);
    await kms.send(
      new ReEncryptCommand({ CiphertextBlob: new Uint8Array([1]), DestinationKeyId: 'alias/x' }),
    );
    expect(log.getSnapshot()[0].key).toBe('arn:a → arn:b');
  });
});

describe('ActivityLog', () => {
  it('keeps the newest entries first, bounded', () => {
    const log = new ActivityLog();
    let notified = 0;
    log.subscribe(() => notified++);
    for (let i = 0; i < MAX_ENTRIES + 5; i++) {
      log.record({ time: i, operation: 'Encrypt', outcome: 'success', durationMs: 1 });
    }
    expect(log.getSnapshot()).toHaveLength(MAX_ENTRIES);
    expect(log.getSnapshot()[0].time).toBe(MAX_ENTRIES + 4);
    expect(notified).toBe(MAX_ENTRIES + 5);
    log.clear();
    expect(log.getSnapshot()).toEqual([]);
  });

  it('prefers the key KMS answered with over the alias requested', () => {
    expect(keyOfCall('Encrypt', { KeyId: 'alias/a' }, { KeyId: ARN })).toBe(ARN);
    expect(keyOfCall('GenerateRandom', { NumberOfBytes: 1 }, {})).toBeUndefined();
    expect(keyOfCall('CreateAlias', { TargetKeyId: 'k' }, undefined)).toBe('k');
  });
});
