import { beforeEach, describe, expect, it } from 'vitest';
import { buildKey } from '../kms/key-factory';
import { openDatabase } from './database';
import type { AliasRecord, KeyRecord } from './records';
import { Store } from './store';
import { DEMO_ACCOUNT as ACCOUNT } from '../scenario/demo-scenario';

const REGION = 'us-east-1';
const SCOPE = { account: ACCOUNT, region: REGION };
const now = new Date('2030-01-01T00:00:00Z');

describe('Store read caches', () => {
  let store: Store;

  const newKey = (): KeyRecord => {
    const { key, material } = buildKey({
      account: ACCOUNT,
      region: REGION,
      keySpec: 'SYMMETRIC_DEFAULT',
      keyUsage: 'ENCRYPT_DECRYPT',
      description: 'cache test',
      policy: '{}',
      now,
    });
    store.keys.insert(key, material);
    return key;
  };
  const alias = (aliasName: string, targetKeyId: string): AliasRecord => ({
    account: ACCOUNT,
    region: REGION,
    aliasName,
    targetKeyId,
    creationDate: now,
    lastUpdatedDate: now,
  });

  beforeEach(() => {
    store = new Store(openDatabase({ memory: true }));
  });

  it('hands out frozen records, so a caller cannot change what others read', () => {
    const key = newKey();
    const read = store.keys.get(key)!;
    expect(Object.isFrozen(read)).toBe(true);
    expect(Object.isFrozen(store.materials.get(REGION, key.currentMaterialId))).toBe(true);
    expect(() => {
      (read as { description: string }).description = 'changed';
    }).toThrow(TypeError);
  });

  it('reads a key again after updateKey', () => {
    const key = newKey();
    expect(store.keys.get(key)!.description).toBe('cache test');
    store.keys.update({ ...key, description: 'updated', keyState: 'Disabled' });
    expect(store.keys.get(key)).toMatchObject({
      description: 'updated',
      keyState: 'Disabled',
    });
  });

  it('forgets what a rolled-back transaction wrote, even if it was read inside it', () => {
    const key = newKey();
    expect(store.keys.get(key)!.keyState).toBe('Enabled');
    expect(() =>
      store.transaction(() => {
        store.keys.update({ ...key, keyState: 'Disabled' });
        store.aliases.put(alias('alias/rolled-back', key.keyId));
        expect(store.keys.get(key)!.keyState).toBe('Disabled');
        expect(store.aliases.listForKey(key)).toHaveLength(1);
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(store.keys.get(key)!.keyState).toBe('Enabled');
    expect(store.aliases.listForKey(key)).toEqual([]);
    expect(store.aliases.get(SCOPE, 'alias/rolled-back')).toBeUndefined();
  });

  it('moves a retargeted alias between the two keys’ lists', () => {
    const first = newKey();
    const second = newKey();
    store.aliases.put(alias('alias/moving', first.keyId));
    expect(store.aliases.listForKey(first).map((a) => a.aliasName)).toEqual(['alias/moving']);
    expect(store.aliases.listForKey(second)).toEqual([]);
    store.aliases.put(alias('alias/moving', second.keyId));
    expect(store.aliases.listForKey(first)).toEqual([]);
    expect(store.aliases.listForKey(second).map((a) => a.aliasName)).toEqual(['alias/moving']);
    expect(store.aliases.get(SCOPE, 'alias/moving')!.targetKeyId).toBe(second.keyId);
    store.aliases.delete(SCOPE, 'alias/moving');
    expect(store.aliases.get(SCOPE, 'alias/moving')).toBeUndefined();
    expect(store.aliases.listForKey(second)).toEqual([]);
  });

  it('sees grants created and deleted', () => {
    const key = newKey();
    expect(store.grants.listForKey(key)).toEqual([]);
    store.grants.insert({
      grantId: 'a'.repeat(64),
      region: REGION,
      keyId: key.keyId,
      granteePrincipal: `arn:aws:iam::${ACCOUNT}:user/admin`,
      issuingAccount: `arn:aws:iam::${ACCOUNT}:root`,
      operations: ['Encrypt'],
      creationDate: now,
      grantToken: 'token',
    });
    expect(store.grants.listForKey(key).map((g) => g.grantId)).toEqual(['a'.repeat(64)]);
    store.grants.delete('a'.repeat(64));
    expect(store.grants.listForKey(key)).toEqual([]);
  });

  it('forgets a deleted key with its material, aliases and grants', () => {
    const key = newKey();
    store.aliases.put(alias('alias/doomed', key.keyId));
    expect(store.materials.get(REGION, key.currentMaterialId)).toBeDefined();
    expect(store.aliases.listForKey(key)).toHaveLength(1);
    store.keys.delete(key);
    expect(store.keys.get(key)).toBeUndefined();
    expect(store.materials.get(REGION, key.currentMaterialId)).toBeUndefined();
    expect(store.aliases.get(SCOPE, 'alias/doomed')).toBeUndefined();
    expect(store.aliases.listForKey(key)).toEqual([]);
  });
});

describe('Store.listAliasesPage', () => {
  it('pages in name order, after a name, with one extra row to tell if more follow', () => {
    const store = new Store(openDatabase({ memory: true }));
    const keys = [0, 1].map(() => {
      const { key, material } = buildKey({
        account: ACCOUNT,
        region: REGION,
        keySpec: 'SYMMETRIC_DEFAULT',
        keyUsage: 'ENCRYPT_DECRYPT',
        description: '',
        policy: '{}',
        now,
      });
      store.keys.insert(key, material);
      return key.keyId;
    });
    for (const [i, name] of ['alias/c', 'alias/a', 'alias/e', 'alias/b', 'alias/d'].entries()) {
      store.aliases.put({
        account: ACCOUNT,
        region: REGION,
        aliasName: name,
        targetKeyId: keys[i % 2],
        creationDate: now,
        lastUpdatedDate: now,
      });
    }
    const names = (rows: AliasRecord[]) => rows.map((a) => a.aliasName);
    expect(names(store.aliases.page(SCOPE, { limit: 2 }))).toEqual([
      'alias/a',
      'alias/b',
      'alias/c',
    ]);
    expect(names(store.aliases.page(SCOPE, { limit: 2, after: 'alias/c' }))).toEqual([
      'alias/d',
      'alias/e',
    ]);
    expect(names(store.aliases.page(SCOPE, { limit: 5, targetKeyId: keys[0] }))).toEqual([
      'alias/c',
      'alias/d',
      'alias/e',
    ]);
    expect(
      names(
        store.aliases.page(SCOPE, {
          limit: 5,
          targetKeyId: keys[0],
          after: 'alias/c',
        }),
      ),
    ).toEqual(['alias/d', 'alias/e']);
    expect(store.aliases.page({ account: '444455556666', region: REGION }, { limit: 5 })).toEqual(
      [],
    );
    expect(store.aliases.has(SCOPE, 'alias/a')).toBe(true);
    expect(store.aliases.has(SCOPE, 'alias/a', keys[0])).toBe(false);
    expect(store.aliases.has(SCOPE, 'alias/zzz')).toBe(false);
  });
});
