import type { KeyMetadata } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { EMPTY_CATALOG, reduceCatalog, type CatalogChunk } from './catalog';
import { DescribePriority, streamKeyCatalog, type CatalogApi } from './stream';

const noSleep = () => Promise.resolve();
const throttled = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
const denied = () =>
  Object.assign(new Error('User: arn:x is not authorized to perform: kms:ListKeys'), {
    name: 'AccessDeniedException',
  });

/** An account of `count` keys, each with an alias, paged like KMS. */
function fakeAccount(count: number, options: { pageSize?: number; throttleFirst?: number } = {}) {
  const ids = Array.from({ length: count }, (_, i) => `key-${String(i).padStart(5, '0')}`);
  const pageSize = options.pageSize ?? 100;
  const described: string[] = [];
  let throttles = options.throttleFirst ?? 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const page = <T>(items: T[], marker: string | undefined) => {
    const start = marker ? Number(marker) : 0;
    const next = start + pageSize < items.length ? String(start + pageSize) : undefined;
    return { items: items.slice(start, start + pageSize), next };
  };
  const api: CatalogApi = {
    async listKeysPage(marker) {
      const { items, next } = page(ids, marker);
      return {
        keys: items.map((id) => ({ KeyId: id, KeyArn: `arn:key/${id}` })),
        nextMarker: next,
      };
    },
    async listAliasesPage(marker) {
      const { items, next } = page(ids, marker);
      return {
        aliases: items.map((id) => ({ AliasName: `alias/${id}`, TargetKeyId: id })),
        nextMarker: next,
      };
    },
    async describeKey(keyId): Promise<KeyMetadata> {
      if (throttles > 0) {
        throttles -= 1;
        throw throttled();
      }
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await Promise.resolve();
      inFlight -= 1;
      described.push(keyId);
      return { KeyId: keyId, KeyState: 'Enabled', KeyManager: 'CUSTOMER' };
    },
    async listTags(keyId) {
      return [{ TagKey: 'id', TagValue: keyId }];
    },
  };
  return { api, ids, described, maxInFlight: () => maxInFlight };
}

async function collect(stream: AsyncIterable<CatalogChunk>) {
  const chunks: CatalogChunk[] = [];
  let catalog = EMPTY_CATALOG;
  for await (const chunk of stream) {
    chunks.push(chunk);
    catalog = reduceCatalog(catalog, chunk);
  }
  return { chunks, catalog };
}

describe('streamKeyCatalog', () => {
  it('lists, names, describes and tags every key', async () => {
    const account = fakeAccount(250);
    const { catalog } = await collect(
      streamKeyCatalog(account.api, { sleep: noSleep, flushIntervalMs: 1 }),
    );
    expect(catalog.keys).toHaveLength(250);
    expect(catalog.keysComplete).toBe(true);
    expect(catalog.aliases).toHaveLength(250);
    expect(catalog.metadata.size).toBe(250);
    expect(catalog.tags.size).toBe(250);
    expect(catalog.tagsComplete).toBe(true);
  });

  it('keeps DescribeKey within the concurrency bound', async () => {
    const account = fakeAccount(100);
    await collect(
      streamKeyCatalog(account.api, { sleep: noSleep, describeConcurrency: 4, flushIntervalMs: 1 }),
    );
    expect(account.maxInFlight()).toBeLessThanOrEqual(4);
    expect(account.described).toHaveLength(100);
  });

  it('describes the keys on screen first', async () => {
    const account = fakeAccount(300);
    const priority = new DescribePriority();
    priority.set(['key-00299', 'key-00250']);
    await collect(
      streamKeyCatalog(account.api, {
        sleep: noSleep,
        priority,
        describeConcurrency: 1,
        flushIntervalMs: 1,
      }),
    );
    // Listing runs ahead of describing, so the visible keys jump the queue once listed.
    expect(account.described.indexOf('key-00299')).toBeLessThan(
      account.described.indexOf('key-00100'),
    );
  });

  it('retries throttled calls with backoff and still completes', async () => {
    const account = fakeAccount(20, { throttleFirst: 5 });
    const waits: number[] = [];
    const { catalog } = await collect(
      streamKeyCatalog(account.api, {
        sleep: async (ms) => void waits.push(ms),
        flushIntervalMs: 1,
      }),
    );
    expect(catalog.metadata.size).toBe(20);
    expect(waits.length).toBe(5);
    expect(Math.max(...waits)).toBeGreaterThanOrEqual(1000);
  });

  it('reports a denied ListKeys in the catalog instead of failing', async () => {
    const account = fakeAccount(5);
    const api: CatalogApi = {
      ...account.api,
      listKeysPage: () => Promise.reject(denied()),
      listAliasesPage: () => Promise.reject(denied()),
    };
    const { catalog } = await collect(streamKeyCatalog(api, { sleep: noSleep }));
    expect((catalog.listKeysError as Error).name).toBe('AccessDeniedException');
    expect((catalog.listAliasesError as Error).name).toBe('AccessDeniedException');
    expect(catalog.keys).toHaveLength(0);
  });

  it('stops when aborted', async () => {
    const account = fakeAccount(1000, { pageSize: 10 });
    const controller = new AbortController();
    const chunks: CatalogChunk[] = [];
    for await (const chunk of streamKeyCatalog(account.api, {
      signal: controller.signal,
      sleep: noSleep,
    })) {
      chunks.push(chunk);
      if (chunks.length === 3) controller.abort();
    }
    expect(account.described.length).toBeLessThan(1000);
  });
});
