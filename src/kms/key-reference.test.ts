import { describe, expect, it } from 'vitest';
import {
  bareKeyId,
  isAwsManagedAlias,
  parseKeyReference,
  validateAliasName,
} from './key-reference';

describe('key references', () => {
  it('classifies the four forms KMS accepts', () => {
    expect(parseKeyReference('1234abcd-12ab-34cd-56ef-1234567890ab')).toEqual({
      kind: 'key-id',
      value: '1234abcd-12ab-34cd-56ef-1234567890ab',
    });
    expect(parseKeyReference('mrk-1234abcd12ab34cd56ef1234567890ab')).toMatchObject({
      kind: 'key-id',
    });
    expect(
      parseKeyReference(
        'arn:aws:kms:us-east-1:444455556666:key/9a8f7e6d-4c3b-4b2a-9bea-456789abcdef',
      ),
    ).toMatchObject({ kind: 'key-arn', account: '444455556666', region: 'us-east-1' });
    expect(parseKeyReference(' alias/demo-app ')).toEqual({
      kind: 'alias-name',
      value: 'alias/demo-app',
    });
    expect(parseKeyReference('arn:aws:kms:us-east-1:111122223333:alias/demo-app')).toMatchObject({
      kind: 'alias-arn',
    });
  });

  it('explains what is wrong', () => {
    expect(parseKeyReference('')).toEqual({
      error: 'Enter a key ID, key ARN, alias name or alias ARN.',
    });
    expect(parseKeyReference('arn:aws:s3:::bucket')).toMatchObject({
      error: expect.stringContaining('not a KMS'),
    });
    expect(parseKeyReference('alias/has space')).toMatchObject({
      error: expect.stringContaining('alias/my-key'),
    });
    expect(parseKeyReference('demo-app')).toMatchObject({
      error: expect.stringContaining('Not a key ID'),
    });
  });

  it('validates alias names like CreateAlias', () => {
    expect(validateAliasName('alias/my-key')).toBeUndefined();
    expect(validateAliasName('my-key')).toContain('start with alias/');
    expect(validateAliasName('alias/aws/s3')).toContain('reserved');
    expect(validateAliasName('alias/bad name')).toContain('Use letters');
    expect(isAwsManagedAlias('alias/aws/ebs')).toBe(true);
  });
});

describe('bareKeyId', () => {
  it('names a key by its key id, whether typed as an id or an ARN, and never an alias', () => {
    const id = '9a8f7e6d-4c3b-4b2a-9bea-456789abcdef';
    expect(bareKeyId(id)).toBe(id);
    expect(bareKeyId(` arn:aws:kms:us-east-1:444455556666:key/${id} `)).toBe(id);
    expect(bareKeyId('alias/demo-app')).toBeUndefined();
    expect(bareKeyId('arn:aws:kms:us-east-1:111122223333:alias/demo-app')).toBeUndefined();
    expect(bareKeyId('not a key')).toBeUndefined();
  });
});
