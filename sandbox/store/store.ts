import type { Statement } from 'better-sqlite3';
import { AliasRepository } from './aliases';
import type { Db } from './database';
import { EventRepository } from './events';
import { GrantRepository } from './grants';
import { ImportedMaterialRepository } from './imported-materials';
import { ImportTokenRepository } from './import-tokens';
import { KeyMaterialRepository } from './key-materials';
import { KeyRepository } from './keys';
import { MetaRepository } from './meta';
import { ReadCache, type StoreContext } from './repository';
import { TagRepository } from './tags';

/** Enough for the benchmarks' 10,000-key accounts; beyond it the oldest entries are re-read. */
const CACHE_CAPACITY = 20_000;

/**
 * Every read and write of sandbox state, one repository per concept (keys, key material,
 * aliases, grants, tags, meta, import tokens, imported material, the event history), all on one
 * SQLite connection. The Store owns what they share:
 * prepared statements, the transaction (callers group writes that belong together with
 * `transaction`, so a request's effects commit or vanish as one, whichever repositories they
 * touch), and the read caches.
 *
 * Every cryptographic request reads its key, key material, the key's aliases and grants, so
 * those reads are cached (as frozen records: callers must copy to change them, as they already
 * do). Each repository is the only writer of its tables, so each write drops exactly the entries
 * it may have changed; a write that cascades into other tables, and a rolled-back transaction,
 * drop every cache.
 *
 * A new kind of state is a new repository: a table (a migration in schema.ts), a class taking
 * the StoreContext, and a field here; its writes join any open transaction and its caches are
 * forgotten on rollback without further wiring.
 */
export class Store {
  readonly meta: MetaRepository;
  readonly keys: KeyRepository;
  readonly materials: KeyMaterialRepository;
  readonly aliases: AliasRepository;
  readonly grants: GrantRepository;
  readonly tags: TagRepository;
  readonly importTokens: ImportTokenRepository;
  readonly importedMaterials: ImportedMaterialRepository;
  /** The CloudTrail event history: written on every call, read only by lookups, so not cached. */
  readonly events: EventRepository;

  private readonly statements = new Map<string, Statement<unknown[]>>();
  private readonly caches: ReadCache<unknown, object>[] = [];

  constructor(readonly db: Db) {
    const context: StoreContext = {
      statement: (sql) => this.statement(sql),
      transaction: (work) => this.transaction(work),
      cache: <K, V extends object>() => {
        const cache = new ReadCache<K, V>(CACHE_CAPACITY);
        this.caches.push(cache);
        return cache;
      },
      forgetCached: () => this.forgetCached(),
    };
    this.meta = new MetaRepository(context);
    this.materials = new KeyMaterialRepository(context);
    this.keys = new KeyRepository(context, this.materials);
    this.aliases = new AliasRepository(context);
    this.grants = new GrantRepository(context);
    this.tags = new TagRepository(context);
    this.importTokens = new ImportTokenRepository(context);
    this.importedMaterials = new ImportedMaterialRepository(context);
    this.events = new EventRepository(context);
  }

  transaction<T>(work: () => T): T {
    try {
      return this.db.transaction(work)();
    } catch (error) {
      // Reads inside the transaction may have cached rows that the rollback just undid.
      this.forgetCached();
      throw error;
    }
  }

  private statement(sql: string): Statement<unknown[]> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare<unknown[]>(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private forgetCached(): void {
    for (const cache of this.caches) cache.clear();
  }
}
