import type { AliasListEntry, KeyListEntry, KeyMetadata, Tag } from '@aws-sdk/client-kms';
import type { CatalogChunk } from './catalog';

/** The four KMS calls the catalog needs; the SDK implementation lives in api/, tests use fakes. */
export interface CatalogApi {
  listKeysPage(marker: string | undefined): Promise<{ keys: KeyListEntry[]; nextMarker?: string }>;
  listAliasesPage(
    marker: string | undefined,
  ): Promise<{ aliases: AliasListEntry[]; nextMarker?: string }>;
  describeKey(keyId: string): Promise<KeyMetadata>;
  listTags(keyId: string): Promise<Tag[]>;
}

export interface StreamOptions {
  signal?: AbortSignal;
  /** Which keys to describe first: the rows on screen. */
  priority?: DescribePriority;
  /** DescribeKey calls in flight (browsers allow ~6 connections per host over HTTP/1.1). */
  describeConcurrency?: number;
  /** ListResourceTags calls in flight, after every key is described (background). */
  tagConcurrency?: number;
  /**
   * Describe results of keys off screen are sent in batches at most this often, so a 10,000-key
   * load re-renders the table a few times a second, not 10,000 times. Keys on screen flush at once.
   */
  flushIntervalMs?: number;
  /** Waits between retries of a throttled call (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
  isThrottling?: (error: unknown) => boolean;
  isAccessDenied?: (error: unknown) => boolean;
}

/** Keys the user is looking at; workers take these before anything else. */
export class DescribePriority {
  private ids: readonly string[] = [];
  private readonly listeners = new Set<() => void>();

  set(ids: readonly string[]): void {
    if (ids.length === this.ids.length && ids.every((id, i) => id === this.ids[i])) return;
    this.ids = ids;
    for (const listener of this.listeners) listener();
  }

  get(): readonly string[] {
    return this.ids;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** A push-based queue consumed as an async iterator. */
class Channel<T> {
  private readonly items: T[] = [];
  private waiting: (() => void) | undefined;
  private closed = false;
  private failure: { error: unknown } | undefined;

  push(item: T): void {
    this.items.push(item);
    this.wake();
  }

  close(): void {
    this.closed = true;
    this.wake();
  }

  fail(error: unknown): void {
    this.failure = { error };
    this.wake();
  }

  private wake(): void {
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve?.();
  }

  async *drain(): AsyncGenerator<T> {
    for (;;) {
      if (this.failure) throw this.failure.error;
      if (this.items.length > 0) {
        yield this.items.shift() as T;
        continue;
      }
      if (this.closed) return;
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const nameOf = (error: unknown) => (error as { name?: string } | null)?.name ?? '';

/** Waits `ms`, or less if aborted. */
function pause(ms: number, sleep: (ms: number) => Promise<void>, signal?: AbortSignal) {
  if (signal?.aborted) return Promise.resolve();
  return sleep(ms);
}

/**
 * Streams the account's keys: ListKeys and ListAliases page by page (in parallel), DescribeKey
 * for every key with bounded concurrency (the keys on screen first), then tags in the background.
 * A call still throttled after the SDK's own retries is retried here with a longer backoff (the
 * table shows it); an AccessDenied ends that listing with the error in the catalog.
 */
export async function* streamKeyCatalog(
  api: CatalogApi,
  options: StreamOptions = {},
): AsyncGenerator<CatalogChunk> {
  const {
    signal,
    priority = new DescribePriority(),
    describeConcurrency = 6,
    tagConcurrency = 2,
    flushIntervalMs = 400,
    sleep = defaultSleep,
    isThrottling = (e) => nameOf(e) === 'ThrottlingException',
    isAccessDenied = (e) => nameOf(e) === 'AccessDeniedException',
  } = options;
  const out = new Channel<CatalogChunk>();
  out.push({ type: 'start' });
  const aborted = () => signal?.aborted === true;

  /** Retries throttled calls with backoff (1, 2, 4… s, at most 20 s) until the stream is aborted. */
  async function withBackoff<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        if (!isThrottling(error) || aborted()) throw error;
        await pause(Math.min(20_000, 1000 * 2 ** attempt), sleep, signal);
      }
    }
  }

  // Describe queue: keys in ListKeys order, with the visible ones taken first.
  const pending = new Set<string>();
  const known = new Set<string>();
  const awsManaged = new Set<string>();
  /** Queues a key for DescribeKey the first time ListKeys or an alias's target names it. */
  const enqueue = (keyId: string | undefined) => {
    if (!keyId || known.has(keyId)) return;
    known.add(keyId);
    pending.add(keyId);
    order.push(keyId);
  };
  const order: string[] = [];
  let cursor = 0;
  let keysListed = false;
  let aliasesListed = false;
  const listingDone = () => keysListed && aliasesListed;
  let wakeWorkers: (() => void)[] = [];
  const wake = () => {
    const waiting = wakeWorkers;
    wakeWorkers = [];
    for (const resolve of waiting) resolve();
  };
  const unsubscribe = priority.subscribe(wake);
  const abortListener = () => {
    wake();
    out.close();
  };
  signal?.addEventListener('abort', abortListener);

  function takeNext(): string | undefined {
    for (const id of priority.get()) {
      if (pending.has(id)) {
        pending.delete(id);
        return id;
      }
    }
    while (cursor < order.length) {
      const id = order[cursor++];
      if (pending.has(id)) {
        pending.delete(id);
        return id;
      }
    }
    return undefined;
  }

  // Describe results are batched; a result for a visible key flushes at once.
  let described: KeyMetadata[] = [];
  let failures: Array<[string, unknown]> = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    flushDue = Infinity;
    if (described.length === 0 && failures.length === 0) return;
    out.push({ type: 'described', metadata: described, failures });
    described = [];
    failures = [];
  };
  let flushDue = Infinity;
  /** Keys on screen flush within a frame (coalescing the page's 20 answers); others in batches. */
  const scheduleFlush = (urgent: boolean) => {
    const delay = urgent ? 16 : flushIntervalMs;
    if (Date.now() + delay >= flushDue) return;
    clearTimeout(flushTimer);
    flushDue = Date.now() + delay;
    flushTimer = setTimeout(flush, delay);
  };

  async function describeWorker(): Promise<void> {
    while (!aborted()) {
      const keyId = takeNext();
      if (keyId === undefined) {
        if (listingDone()) return;
        await new Promise<void>((resolve) => wakeWorkers.push(resolve));
        continue;
      }
      const visible = priority.get().includes(keyId);
      try {
        const metadata = await withBackoff(() => api.describeKey(keyId));
        if (metadata.KeyManager === 'AWS') awsManaged.add(keyId);
        described.push(metadata);
      } catch (error) {
        if (aborted()) return;
        failures.push([keyId, error]);
      }
      scheduleFlush(visible);
    }
  }

  async function listKeys(): Promise<void> {
    let marker: string | undefined;
    try {
      do {
        const page = await withBackoff(() => api.listKeysPage(marker));
        if (aborted()) return;
        marker = page.nextMarker;
        for (const key of page.keys) enqueue(key.KeyId);
        out.push({ type: 'keys', keys: page.keys, complete: marker === undefined });
        wake();
      } while (marker);
    } catch (error) {
      if (!aborted()) out.push({ type: 'keys-error', error });
    } finally {
      keysListed = true;
      wake();
    }
  }

  async function listAliases(): Promise<void> {
    let marker: string | undefined;
    try {
      do {
        const page = await withBackoff(() => api.listAliasesPage(marker));
        if (aborted()) return;
        marker = page.nextMarker;
        // An alias names its key before ListKeys may have reached it: describe it already.
        for (const alias of page.aliases) enqueue(alias.TargetKeyId);
        out.push({ type: 'aliases', aliases: page.aliases, complete: marker === undefined });
        wake();
      } while (marker);
    } catch (error) {
      if (!aborted()) out.push({ type: 'aliases-error', error });
    } finally {
      aliasesListed = true;
      wake();
    }
  }

  async function loadTags(keyIds: string[]): Promise<void> {
    let next = 0;
    let batch: Array<[string, Tag[]]> = [];
    let denied = false;
    let lastFlush = Date.now();
    const worker = async () => {
      while (!aborted() && !denied && next < keyIds.length) {
        const keyId = keyIds[next++];
        try {
          batch.push([keyId, await withBackoff(() => api.listTags(keyId))]);
        } catch (error) {
          if (isAccessDenied(error)) {
            if (!denied) out.push({ type: 'tags-error', error });
            denied = true;
            return;
          }
          // Other failures (key deleted meanwhile…) leave that key without tags.
        }
        if (Date.now() - lastFlush > 1000 || batch.length >= 500) {
          out.push({ type: 'tags', entries: batch, complete: false });
          batch = [];
          lastFlush = Date.now();
        }
      }
    };
    await Promise.all(Array.from({ length: tagConcurrency }, worker));
    if (!aborted() && !denied) out.push({ type: 'tags', entries: batch, complete: true });
  }

  const producer = (async () => {
    await Promise.all([
      listKeys(),
      listAliases(),
      ...Array.from({ length: describeConcurrency }, describeWorker),
    ]);
    flush();
    if (aborted()) return;
    // Tags only exist on customer managed keys: AWS managed ones are not asked.
    await loadTags(order.filter((id) => !awsManaged.has(id)));
  })();
  producer.then(
    () => out.close(),
    (error: unknown) => out.fail(error),
  );

  try {
    yield* out.drain();
  } finally {
    unsubscribe();
    signal?.removeEventListener('abort', abortListener);
    clearTimeout(flushTimer);
  }
}
