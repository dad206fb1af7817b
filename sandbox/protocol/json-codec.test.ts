import { describe, expect, it } from 'vitest';
import { encodeJsonResponse } from './json-codec';

describe('encodeJsonResponse', () => {
  it('writes bytes as base64 and dates as epoch seconds, at any depth, dropping undefined', () => {
    const body = encodeJsonResponse({
      CiphertextBlob: Buffer.from([1, 2, 3]),
      Plaintext: new Uint8Array([255]),
      KeyId: 'k',
      Missing: undefined,
      $metadata: { httpStatusCode: 200 },
      KeyMetadata: { CreationDate: new Date(1_700_000_000_500), Enabled: true, Nothing: null },
      Rotations: [{ RotationDate: new Date(0), Gone: undefined }, undefined],
      Count: 2,
    });
    expect(body).toBe(
      '{"CiphertextBlob":"AQID","Plaintext":"/w==","KeyId":"k",' +
        '"KeyMetadata":{"CreationDate":1700000000.5,"Enabled":true,"Nothing":null},' +
        '"Rotations":[{"RotationDate":0},null],"Count":2}',
    );
  });

  it('encodes an empty output as an empty object', () => {
    expect(encodeJsonResponse({})).toBe('{}');
  });
});
