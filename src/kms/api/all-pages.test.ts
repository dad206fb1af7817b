import { describe, expect, it } from 'vitest';
import { allPages } from './all-pages';

describe('allPages', () => {
  it('follows NextMarker while the list is truncated, and stops when it is not', async () => {
    const pages: Record<string, { Items: number[]; Truncated: boolean; NextMarker?: string }> = {
      start: { Items: [1, 2], Truncated: true, NextMarker: 'm1' },
      m1: { Items: [3], Truncated: true, NextMarker: 'm2' },
      m2: { Items: [4], Truncated: false, NextMarker: 'ignored' },
    };
    const asked: Array<string | undefined> = [];
    const items = await allPages(
      async (marker) => {
        asked.push(marker);
        return pages[marker ?? 'start'];
      },
      (page) => page.Items,
    );
    expect(items).toEqual([1, 2, 3, 4]);
    expect(asked).toEqual([undefined, 'm1', 'm2']);
  });
});
