import { describe, expect, it } from 'vitest';
import { EMPTY_CATALOG, reduceCatalog, type KeyCatalog } from './catalog';
import { isUrgentChange } from './throttle';

const listed: KeyCatalog = reduceCatalog(
  reduceCatalog(reduceCatalog(EMPTY_CATALOG, { type: 'start' }), {
    type: 'keys',
    keys: [{ KeyId: 'a' }, { KeyId: 'b' }],
    complete: true,
  }),
  { type: 'aliases', aliases: [{ AliasName: 'alias/a', TargetKeyId: 'a' }], complete: false },
);

describe('catalog render throttling', () => {
  it('shows the first keys and the first aliases at once', () => {
    const keysOnly = reduceCatalog(reduceCatalog(EMPTY_CATALOG, { type: 'start' }), {
      type: 'keys',
      keys: [{ KeyId: 'a' }],
      complete: false,
    });
    expect(isUrgentChange(EMPTY_CATALOG, keysOnly, [])).toBe(true);
    const withAliases = reduceCatalog(keysOnly, {
      type: 'aliases',
      aliases: [{ AliasName: 'alias/a', TargetKeyId: 'a' }],
      complete: false,
    });
    expect(isUrgentChange(keysOnly, withAliases, [])).toBe(true);
  });

  it('shows changes to keys on screen at once, and lets the others wait', () => {
    const describedA = reduceCatalog(listed, {
      type: 'described',
      metadata: [{ KeyId: 'a' }],
      failures: [],
    });
    expect(isUrgentChange(listed, describedA, ['a'])).toBe(true);
    expect(isUrgentChange(listed, describedA, ['b'])).toBe(false);
    const moreAliases = reduceCatalog(listed, {
      type: 'aliases',
      aliases: [{ AliasName: 'alias/b', TargetKeyId: 'b' }],
      complete: true,
    });
    expect(isUrgentChange(listed, moreAliases, ['a'])).toBe(false);
  });

  it('shows errors and refreshes at once', () => {
    const failed = reduceCatalog(listed, { type: 'aliases-error', error: new Error('x') });
    expect(isUrgentChange(listed, failed, [])).toBe(true);
    expect(isUrgentChange(listed, reduceCatalog(listed, { type: 'start' }), [])).toBe(true);
  });
});
