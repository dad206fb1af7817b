import { Hash } from '@smithy/hash-node';
import { describe, expect, it } from 'vitest';
import { NodeSha256 } from './node-sha256';
import { checkRequestTime, parseAuthorization } from './sigv4';

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
      `AWS4-HMAC-SHA256 ${credential}, ${rest}, Signature=abcdef0123`,
      `AWS4-HMAC-SHA256 ${credential},${rest},Signature=abcdef0123`,
      `  AWS4-HMAC-SHA256   ${credential} ,  ${rest} , Signature=abcdef0123 `,
      `AWS4-HMAC-SHA256 Signature=abcdef0123, ${rest}, ${credential}`,
    ]) {
      expect(parseAuthorization({ headers: { authorization: header } })).toEqual(expected);
    }
  });

  it('keeps the signature as sent: upper-case hex is not the signature AWS computes', () => {
    const header = `AWS4-HMAC-SHA256 ${credential}, ${rest}, Signature=ABCDEF0123`;
    expect(parseAuthorization({ headers: { authorization: header } }).signature).toBe('ABCDEF0123');
  });

  it('refuses a second Authorization header', () => {
    const header = `AWS4-HMAC-SHA256 ${credential}, ${rest}, Signature=abcdef0123`;
    expect(() =>
      parseAuthorization({
        headers: { authorization: header },
        distinctHeaders: { authorization: [header, header] },
      }),
    ).toThrow('The request has more than one Authorization header; send exactly one.');
  });

  it('refuses an incomplete scope the same way in either form', () => {
    for (const header of [
      `AWS4-HMAC-SHA256 Credential=AKID/20300101/us-east-1/kms, ${rest}, Signature=ab`,
      `AWS4-HMAC-SHA256 Signature=ab, ${rest}, Credential=AKID/20300101/us-east-1/kms`,
    ]) {
      expect(() => parseAuthorization({ headers: { authorization: header } })).toThrow(
        "Credential should be scoped to a valid region, service and 'aws4_request': AKID/20300101/us-east-1/kms",
      );
    }
  });

  it('names every missing parameter', () => {
    expect(() =>
      parseAuthorization({
        headers: { authorization: `AWS4-HMAC-SHA256 ${credential}, Signature=` },
      }),
    ).toThrow(
      "Authorization header requires 'SignedHeaders' parameter. Authorization header requires 'Signature' parameter. Authorization=AWS4-HMAC-SHA256",
    );
  });
});

describe('checkRequestTime', () => {
  const now = new Date('2030-01-01T00:00:00Z');

  it('reads X-Amz-Date in ISO 8601 basic format', () => {
    expect(checkRequestTime({ 'x-amz-date': '20300101T000100Z' }, now)).toEqual(
      new Date('2030-01-01T00:01:00Z'),
    );
  });

  it('says what is wrong with a date that is not in basic format, as AWS does', () => {
    expect(() => checkRequestTime({ 'x-amz-date': '2030-01-01T00:00:00Z' }, now)).toThrow(
      "Date must be in ISO-8601 'basic format'. Got '2030-01-01T00:00:00Z'. See http://en.wikipedia.org/wiki/ISO_8601",
    );
  });

  it('says that a request dated only by a Date header needs X-Amz-Date here', () => {
    expect(() => checkRequestTime({ date: 'Tue, 01 Jan 2030 00:00:00 GMT' }, now)).toThrow(
      /only a Date header\. Sign an X-Amz-Date header/,
    );
    expect(() => checkRequestTime({}, now)).toThrow(
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  });
});
