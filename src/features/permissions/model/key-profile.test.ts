import { QueryClient, QueryObserver, type QueryObserverResult } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { keyTypeSource, type KeyTypeSource } from './key-profile';

class AccessDeniedException extends Error {
  override name = 'AccessDeniedException';
}

const sourceOf = (result: QueryObserverResult<unknown>) =>
  keyTypeSource({
    keyValid: true,
    status: result.status,
    accessDenied: result.error instanceof AccessDeniedException,
  });

describe('keyTypeSource', () => {
  it('asks for the type when DescribeKey is denied, and only then', () => {
    const lookup = { keyValid: true, accessDenied: false } as const;
    expect(keyTypeSource({ ...lookup, status: 'error', accessDenied: true })).toBe('chosen');
    expect(keyTypeSource({ ...lookup, status: 'error' })).toBe('none');
    expect(keyTypeSource({ ...lookup, status: 'success' })).toBe('described');
    expect(keyTypeSource({ ...lookup, status: 'pending' })).toBeUndefined();
    expect(keyTypeSource({ keyValid: false, status: 'pending', accessDenied: false })).toBe('none');
  });

  it('has no answer while a denied key is looked up again or another key is looked up', async () => {
    // The guest on alias/demo-app, then alias/demo-sign: DescribeKey is denied every time.
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const options = (keyRef: string) => ({
      queryKey: ['describe', keyRef],
      queryFn: () => Promise.reject(new AccessDeniedException(`${keyRef}: not authorized`)),
    });
    const observer = new QueryObserver<unknown>(client, options('alias/demo-app'));
    const seen: Array<KeyTypeSource | undefined> = [];
    const unsubscribe = observer.subscribe((result) => seen.push(sourceOf(result)));
    const settled = () => observer.refetch().catch(() => undefined);
    await settled();
    expect(sourceOf(observer.getCurrentResult())).toBe('chosen');

    // Asking again clears the error: the lookup is `pending` until AccessDenied comes back.
    seen.length = 0;
    const again = settled();
    expect(observer.getCurrentResult().status).toBe('pending');
    await again;
    // Another key starts `pending` too.
    observer.setOptions(options('alias/demo-sign'));
    await settled();
    unsubscribe();
    client.clear();

    expect(seen).toContain(undefined);
    // What the page shows: the last answer while there is none, so "Key type" stays put.
    let held: KeyTypeSource = 'chosen';
    for (const source of seen) {
      held = source ?? held;
      expect(held).toBe('chosen');
    }
  });
});
