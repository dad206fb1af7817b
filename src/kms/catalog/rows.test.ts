import type { KeyMetadata } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { EMPTY_CATALOG, type KeyCatalog } from './catalog';
import { buildRows, filterRows, ROW_COMPARATORS, type RowCache } from './rows';

function catalog(): KeyCatalog {
  return {
    ...EMPTY_CATALOG,
    keys: [
      { KeyId: 'k1', KeyArn: 'arn:aws:kms:us-east-1:111122223333:key/k1' },
      { KeyId: 'k2', KeyArn: 'arn:aws:kms:us-east-1:111122223333:key/k2' },
      { KeyId: 'k3', KeyArn: 'arn:aws:kms:us-east-1:111122223333:key/k3' },
    ],
    aliases: [
      { AliasName: 'alias/zeta', TargetKeyId: 'k1' },
      { AliasName: 'alias/alpha', TargetKeyId: 'k1' },
      { AliasName: 'alias/aws/s3', TargetKeyId: 'k3' },
      { AliasName: 'alias/aws/unassociated' },
    ],
    metadata: new Map<string, KeyMetadata>([
      [
        'k1',
        { KeyId: 'k1', KeyManager: 'CUSTOMER', Description: 'Payments key', KeyState: 'Enabled' },
      ],
      [
        'k2',
        { KeyId: 'k2', KeyManager: 'CUSTOMER', KeyState: 'Disabled', CreationDate: new Date(5) },
      ],
    ]),
    tags: new Map([['k2', [{ TagKey: 'team', TagValue: 'blue' }]]]),
  };
}

describe('key rows', () => {
  it('combines ListKeys, ListAliases and DescribeKey', () => {
    const rows = buildRows(catalog());
    expect(rows.map((r) => r.keyId)).toEqual(['k1', 'k2', 'k3']);
    expect(rows[0].aliases).toEqual(['alias/alpha', 'alias/zeta']);
    expect(rows[0].metadata?.Description).toBe('Payments key');
    // k3 is not described yet; its alias/aws/ alias says AWS manages it.
    expect(rows[2].manager).toBe('AWS');
  });

  it('shows keys an alias names before ListKeys has listed them', () => {
    const partial: KeyCatalog = {
      ...catalog(),
      keys: [{ KeyId: 'k1', KeyArn: 'arn:aws:kms:us-east-1:111122223333:key/k1' }],
      keysComplete: false,
      aliases: [
        {
          AliasName: 'alias/early',
          AliasArn: 'arn:aws:kms:us-east-1:111122223333:alias/early',
          TargetKeyId: 'k9',
        },
      ],
    };
    const rows = buildRows(partial);
    expect(rows.map((r) => r.keyId)).toEqual(['k1', 'k9']);
    expect(rows[1].keyArn).toBe('arn:aws:kms:us-east-1:111122223333:key/k9');
    expect(rows[1].aliases).toEqual(['alias/early']);
  });

  it('filters by alias, id, ARN, description and tag (all words must match)', () => {
    const rows = buildRows(catalog());
    expect(filterRows(rows, 'ALPHA').map((r) => r.keyId)).toEqual(['k1']);
    expect(filterRows(rows, 'payments').map((r) => r.keyId)).toEqual(['k1']);
    expect(filterRows(rows, 'team=blue').map((r) => r.keyId)).toEqual(['k2']);
    expect(filterRows(rows, 'key/k3').map((r) => r.keyId)).toEqual(['k3']);
    expect(filterRows(rows, 'alias zeta').map((r) => r.keyId)).toEqual(['k1']);
    expect(filterRows(rows, 'alias nothing')).toEqual([]);
    expect(filterRows(rows, '', 'AWS').map((r) => r.keyId)).toEqual(['k3']);
    expect(filterRows(rows, '', 'CUSTOMER').map((r) => r.keyId)).toEqual(['k1', 'k2']);
  });

  it('reuses rows of keys that did not change', () => {
    const cache: RowCache = new Map();
    const before = catalog();
    const first = buildRows(before, cache);
    const metadata = new Map(before.metadata);
    metadata.set('k2', { KeyId: 'k2', KeyState: 'Enabled' });
    const second = buildRows({ ...before, metadata }, cache);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1].metadata?.KeyState).toBe('Enabled');
  });

  it('sorts rows without a value after those with one', () => {
    const rows = buildRows(catalog());
    const byAlias = [...rows].sort(ROW_COMPARATORS.aliases).map((r) => r.keyId);
    expect(byAlias).toEqual(['k1', 'k3', 'k2']);
    const byDate = [...rows].sort(ROW_COMPARATORS.creationDate).map((r) => r.keyId);
    expect(byDate[0]).toBe('k2');
  });

  it('finds one key among 10,000 by alias', () => {
    const many: KeyCatalog = {
      ...EMPTY_CATALOG,
      keys: Array.from({ length: 10_000 }, (_, i) => ({
        KeyId: `key-${i}`,
        KeyArn: `arn:key/key-${i}`,
      })),
      aliases: Array.from({ length: 10_000 }, (_, i) => ({
        AliasName: `alias/bench-${i}`,
        TargetKeyId: `key-${i}`,
      })),
    };
    const rows = buildRows(many);
    expect(filterRows(rows, 'bench-9999').map((r) => r.keyId)).toEqual(['key-9999']);
    expect(filterRows(rows, 'bench-999')).toHaveLength(11);
  });
});
