import { Hash } from '@smithy/hash-node';
import { describe, expect, it } from 'vitest';
import { NodeSha256 } from './node-sha256';
import { parseAuthorization } from './sigv4';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('NodeSha256', () => {
  it('digests exactly like @smithy/hash-node, keyed or not', async () => {
    const data = new TextEncoder().encode('AWS4-HMAC-SHA256\n20300101T000000Z\nscope\nhash');
    for (const secret of [undefined, '', 'AWS4secret', new Uint8Array([1, 2, 3])]) {
      const ours = new NodeSha256(secret);
      const theirs = new Hash('sha256', secret);
      ours.update(data);
      theirs.update(data);
      expect(hex(await ours.digest())).toBe(hex(await theirs.digest()));
    }
  });

  it('starts over after reset', async () => {
    const hash = new NodeSha256('k');
    hash.update(new Uint8Array([1]));
    hash.reset();
    hash.update(new Uint8Array([2]));
    const fresh = new NodeSha256('k');
    fresh.update(new Uint8Array([2]));
    expect(hex(await hash.digest())).toBe(hex(await fresh.digest()));
  });
});

describe('parseAuthorization', () => {
  const expected = {
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    shortDate: '20300101',
    region: 'us-east-1',
    service: 'kms',
    signedHeaders: ['content-type', 'host', 'x-amz-date'],
    signature: 'abcdef0123',
  };
  const credential = 'Credential=AKIAIOSFODNN7EXAMPLE/20300101/us-east-1/kms/aws4_request';
  const rest = 'SignedHeaders=Content-Type;host;x-amz-date';

  it('reads the SDK form and looser spacing alike', () => {
    for (const header of [
      `AWS4-HMAC-SHA256 ${credential}, ${rest}, Signature=ABCDEF0123`,
      `AWS4-HMAC-SHA256 ${credential},${rest},Signature=abcdef0123`,
      `  AWS4-HMAC-SHA256   ${credential} ,  ${rest} , Signature=abcdef0123 `,
      `AWS4-HMAC-SHA256 Signature=abcdef0123, ${rest}, ${credential}`,
    ]) {
      expect(parseAuthorization({ authorization: header })).toEqual(expected);
    }
  });

  it('refuses an incomplete scope the same way in either form', () => {
    for (const header of [
      `AWS4-HMAC-SHA256 Credential=AKID/20300101/us-east-1/kms, ${rest}, Signature=ab`,
      `AWS4-HMAC-SHA256 Signature=ab, ${rest}, Credential=AKID/20300101/us-east-1/kms`,
    ]) {
      expect(() => parseAuthorization({ authorization: header })).toThrow(
        "Credential should be scoped to a valid region, service and 'aws4_request': AKID/20300101/us-east-1/kms",
      );
    }
  });

  it('names every missing parameter', () => {
    expect(() =>
      parseAuthorization({ authorization: `AWS4-HMAC-SHA256 ${credential}, Signature=` }),
    ).toThrow(
      "Authorization header requires 'SignedHeaders' parameter. Authorization header requires 'Signature' parameter. Authorization=AWS4-HMAC-SHA256",
    );
  });
});
