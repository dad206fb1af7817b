import type { KeyMetadata } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { EMPTY_CATALOG, reduceCatalog, type CatalogChunk, type KeyCatalog } from './catalog';

const key = (id: string) => ({ KeyId: id, KeyArn: `arn:aws:kms:us-east-1:111122223333:key/${id}` });
const meta = (id: string, extra: Partial<KeyMetadata> = {}): KeyMetadata => ({
  KeyId: id,
  KeyState: 'Enabled',
  ...extra,
});
const apply = (chunks: CatalogChunk[], from: KeyCatalog = EMPTY_CATALOG) =>
  chunks.reduce(reduceCatalog, from);

describe('key catalog', () => {
  it('fills in page by page on the first load', () => {
    const catalog = apply([
      { type: 'start' },
      { type: 'keys', keys: [key('a'), key('b')], complete: false },
      { type: 'aliases', aliases: [{ AliasName: 'alias/a', TargetKeyId: 'a' }], complete: true },
    ]);
    expect(catalog.keys).toHaveLength(2);
    expect(catalog.keysComplete).toBe(false);
    const done = apply([{ type: 'keys', keys: [key('c')], complete: true }], catalog);
    expect(done.keys.map((k) => k.KeyId)).toEqual(['a', 'b', 'c']);
    expect(done.keysComplete).toBe(true);
  });

  it('keeps the previous list on screen during a refresh until the new one is whole', () => {
    const first = apply([
      { type: 'start' },
      { type: 'keys', keys: [key('a'), key('b')], complete: true },
      { type: 'aliases', aliases: [], complete: true },
    ]);
    const refreshing = apply(
      [{ type: 'start' }, { type: 'keys', keys: [key('b')], complete: false }],
      first,
    );
    expect(refreshing.keys.map((k) => k.KeyId)).toEqual(['a', 'b']);
    const refreshed = apply([{ type: 'keys', keys: [key('c')], complete: true }], refreshing);
    expect(refreshed.keys.map((k) => k.KeyId)).toEqual(['b', 'c']);
  });

  it('records DescribeKey results and failures, a later success clearing the failure', () => {
    const denied = new Error('denied');
    const catalog = apply([
      { type: 'start' },
      { type: 'described', metadata: [meta('a')], failures: [['b', denied]] },
    ]);
    expect(catalog.metadata.get('a')?.KeyState).toBe('Enabled');
    expect(catalog.describeErrors.get('b')).toBe(denied);
    const fixed = apply([{ type: 'described', metadata: [meta('b')], failures: [] }], catalog);
    expect(fixed.describeErrors.has('b')).toBe(false);
  });

  it('applies single-key changes from mutations', () => {
    const catalog = apply([
      { type: 'start' },
      { type: 'keys', keys: [key('a')], complete: true },
      { type: 'aliases', aliases: [{ AliasName: 'alias/x', TargetKeyId: 'a' }], complete: true },
    ]);
    const created = apply(
      [{ type: 'key-updated', keyId: 'n', metadata: meta('n', { Arn: 'arn:n' }) }],
      catalog,
    );
    expect(created.keys.map((k) => k.KeyId)).toEqual(['a', 'n']);
    const retargeted = apply(
      [
        {
          type: 'alias-changed',
          aliasName: 'alias/x',
          entry: { AliasName: 'alias/x', TargetKeyId: 'n' },
        },
      ],
      created,
    );
    expect(retargeted.aliases).toEqual([{ AliasName: 'alias/x', TargetKeyId: 'n' }]);
    const removed = apply([{ type: 'alias-changed', aliasName: 'alias/x' }], retargeted);
    expect(removed.aliases).toEqual([]);
  });

  it('remembers listing errors (a guest may not ListKeys)', () => {
    const error = new Error('AccessDenied');
    const catalog = apply([{ type: 'start' }, { type: 'keys-error', error }]);
    expect(catalog.listKeysError).toBe(error);
    expect(catalog.keysComplete).toBe(true);
  });
});
