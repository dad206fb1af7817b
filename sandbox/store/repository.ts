import type { Statement } from 'better-sqlite3';
import { BoundedMap } from './bounded-map';

/** A row as better-sqlite3 returns it. */
export type Row = Record<string, unknown>;

/** Dates are stored as epoch seconds (REAL), as AWS's JSON carries them. */
export const toSeconds = (date: Date | undefined) => (date ? date.getTime() / 1000 : null);
export const fromSeconds = (value: unknown) =>
  value === null || value === undefined ? undefined : new Date((value as number) * 1000);

/** Rows as records, each frozen: a list a ReadCache may hand out. */
export const frozenRows = <T>(rows: unknown[], fromRow: (row: Row) => T): T[] =>
  rows.map((row) => Object.freeze(fromRow(row as Row)));

/**
 * What a repository gets from the Store: one connection's prepared statements, its transaction,
 * and read caches the Store owns, so a rolled-back transaction forgets every repository's cached
 * reads at once.
 */
export interface StoreContext {
  /** The statement for this SQL, prepared once per store. */
  statement(sql: string): Statement<unknown[]>;
  /** Runs `work` as one transaction (nested calls become savepoints). */
  transaction<T>(work: () => T): T;
  /** A read cache that the Store empties whenever a transaction rolls back. */
  cache<K, V extends object>(): ReadCache<K, V>;
  /** Empties every cache: for writes whose effects reach other repositories (cascades). */
  forgetCached(): void;
}

/**
 * Records read once and handed out frozen, so no caller can change what the next one reads
 * (callers copy a record to change it). A miss is not cached: a record written later is found.
 */
export class ReadCache<K, V extends object> {
  private readonly entries: BoundedMap<K, V>;

  constructor(capacity: number) {
    this.entries = new BoundedMap(capacity);
  }

  /** The cached record for `key`, or what `load` reads, frozen and cached. */
  get(key: K, load: () => V): V;
  get(key: K, load: () => V | undefined): V | undefined;
  get(key: K, load: () => V | undefined): V | undefined {
    const cached = this.entries.get(key);
    if (cached) return cached;
    const value = load();
    if (value === undefined) return undefined;
    Object.freeze(value);
    this.entries.set(key, value);
    return value;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
