import type { KMSClient } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { describeKeyQueryOptions } from './api/describe-key';
import { keyPolicyQueryOptions } from './api/get-key-policy';
import { publicKeyQueryOptions } from './api/get-public-key';
import { kmsKeys, referenceScope } from './query-keys';

const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const KEY_ARN = `arn:aws:kms:us-east-1:111122223333:key/${KEY_ID}`;
const kms = {} as KMSClient;

describe('query keys', () => {
  it('file what is known of a key under its bare key id, typed as an id or an ARN', () => {
    expect(referenceScope(KEY_ID)).toEqual(kmsKeys.key(KEY_ID));
    expect(referenceScope(` ${KEY_ARN} `)).toEqual(kmsKeys.key(KEY_ID));
    expect(describeKeyQueryOptions(kms, KEY_ARN).queryKey).toEqual(kmsKeys.describe(KEY_ID));
    expect(keyPolicyQueryOptions(kms, KEY_ARN).queryKey).toEqual(kmsKeys.policy(KEY_ID));
    expect(publicKeyQueryOptions(kms, KEY_ID).queryKey).toEqual(kmsKeys.publicKey(KEY_ID));
  });

  it('file lookups by alias apart from every key, where an alias change drops them', () => {
    const byAlias = describeKeyQueryOptions(kms, 'alias/demo-app').queryKey;
    expect(byAlias).toEqual([...kmsKeys.aliasLookups(), 'alias/demo-app', 'describe']);
  });
});
