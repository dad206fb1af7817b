import { describe, expect, it } from 'vitest';
import { keyProblems } from './key-list';

describe('the encrypt form’s key list', () => {
  it('accepts the four forms KMS takes, in the session’s region', () => {
    expect(
      keyProblems(
        [
          'alias/demo-app',
          '1234abcd-12ab-34cd-56ef-1234567890ab',
          'arn:aws:kms:us-east-1:444455556666:key/9a8f7e6d-4c3b-4b2a-9bea-456789abcdef',
          'arn:aws:kms:us-east-1:111122223333:alias/demo-app',
        ],
        'us-east-1',
      ),
    ).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('flags other regions, duplicates and non-keys, row by row', () => {
    const [region, first, duplicate, junk] = keyProblems(
      ['arn:aws:kms:eu-west-1:111122223333:key/abc', 'alias/a', ' alias/a ', 'hello'],
      'us-east-1',
    );
    expect(region).toBe('This key is in eu-west-1; the console is signed in to us-east-1.');
    expect(first).toBeUndefined();
    expect(duplicate).toBe('This key is already in the list.');
    expect(junk).toMatch(/^Not a key ID/);
  });
});
