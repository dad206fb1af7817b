import { describe, expect, it } from 'vitest';
import { deepLinkSearch, readDeepLink } from './deep-link';

describe('deep links', () => {
  it('read keyId and the context shorthand, and write them back', () => {
    const link = readDeepLink(
      new URLSearchParams('keyId=alias/demo-app&context=department=finance,team=payments'),
    );
    expect(link).toEqual({
      keyId: 'alias/demo-app',
      contextRows: [
        { key: 'department', value: 'finance' },
        { key: 'team', value: 'payments' },
      ],
    });
    expect(deepLinkSearch('alias/demo-app', { department: 'finance' })).toBe(
      '?keyId=alias%2Fdemo-app&context=department%3Dfinance',
    );
    expect(deepLinkSearch(undefined, undefined)).toBe('');
  });

  it('report a context parameter they cannot read instead of dropping it silently', () => {
    const link = readDeepLink(new URLSearchParams('context=oops'));
    expect(link.contextRows).toEqual([]);
    expect(link.contextError).toContain('has no "="');
  });
});
