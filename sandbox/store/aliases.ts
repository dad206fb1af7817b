import type { AliasRecord, KeyRef, Scope } from './records';
import { frozenRows, fromSeconds, toSeconds, type Row, type StoreContext } from './repository';

function aliasFromRow(row: Row): AliasRecord {
  return {
    account: row.account as string,
    region: row.region as string,
    aliasName: row.alias_name as string,
    targetKeyId: row.target_key_id as string,
    creationDate: fromSeconds(row.creation_date)!,
    lastUpdatedDate: fromSeconds(row.last_updated_date)!,
  };
}

export interface AliasPageRequest {
  /** Only aliases of this key. */
  targetKeyId?: string;
  /** Resume after this alias name. */
  after?: string;
  limit: number;
}

/**
 * Aliases, per account and Region, in `aliases`. Requests that name an alias read it by name, and
 * authorization reads a key's aliases (kms:ResourceAliases), so both reads are cached; a write
 * forgets both caches, since retargeting changes two keys' lists and the old target is not known.
 */
export class AliasRepository {
  private readonly byName;
  private readonly byKey;

  constructor(private readonly store: StoreContext) {
    this.byName = store.cache<string, AliasRecord>();
    this.byKey = store.cache<string, readonly AliasRecord[]>();
  }

  private forget(): void {
    this.byName.clear();
    this.byKey.clear();
  }

  get(scope: Scope, aliasName: string): AliasRecord | undefined {
    return this.byName.get(`${scope.account}/${scope.region}/${aliasName}`, () => {
      const row = this.store
        .statement('SELECT * FROM aliases WHERE account = ? AND region = ? AND alias_name = ?')
        .get(scope.account, scope.region, aliasName);
      return row ? aliasFromRow(row as Row) : undefined;
    });
  }

  /** Creates the alias, or points an existing one at `targetKeyId`. */
  put(alias: AliasRecord): void {
    this.store
      .statement(
        `INSERT INTO aliases (account, region, alias_name, target_key_id, creation_date, last_updated_date)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (account, region, alias_name)
         DO UPDATE SET target_key_id = excluded.target_key_id, last_updated_date = excluded.last_updated_date`,
      )
      .run(
        alias.account,
        alias.region,
        alias.aliasName,
        alias.targetKeyId,
        toSeconds(alias.creationDate),
        toSeconds(alias.lastUpdatedDate),
      );
    this.forget();
  }

  delete(scope: Scope, aliasName: string): void {
    this.store
      .statement('DELETE FROM aliases WHERE account = ? AND region = ? AND alias_name = ?')
      .run(scope.account, scope.region, aliasName);
    this.forget();
  }

  /** Whether the alias exists (and, with `targetKeyId`, points at that key). */
  has(scope: Scope, aliasName: string, targetKeyId?: string): boolean {
    const alias = this.get(scope, aliasName);
    return alias !== undefined && (targetKeyId === undefined || alias.targetKeyId === targetKeyId);
  }

  /**
   * One page of an account's aliases in name order, read in SQL so a long list costs one page.
   * Returns up to `limit + 1` aliases: one more than asked says whether the list goes on.
   */
  page(scope: Scope, page: AliasPageRequest): AliasRecord[] {
    const after = page.after ?? '';
    const limit = page.limit + 1;
    const rows =
      page.targetKeyId === undefined
        ? this.store
            .statement(
              `SELECT * FROM aliases WHERE account = ? AND region = ? AND alias_name > ?
               ORDER BY alias_name LIMIT ?`,
            )
            .all(scope.account, scope.region, after, limit)
        : this.store
            .statement(
              `SELECT * FROM aliases WHERE account = ? AND region = ? AND target_key_id = ?
                 AND alias_name > ?
               ORDER BY alias_name LIMIT ?`,
            )
            .all(scope.account, scope.region, page.targetKeyId, after, limit);
    return (rows as Row[]).map(aliasFromRow);
  }

  /** The aliases that point at the key: they are in the key's own account and Region. */
  listForKey(key: KeyRef): readonly AliasRecord[] {
    return this.byKey.get(`${key.region}/${key.keyId}`, () =>
      frozenRows(
        this.store
          .statement(
            'SELECT * FROM aliases WHERE region = ? AND target_key_id = ? ORDER BY alias_name',
          )
          .all(key.region, key.keyId),
        aliasFromRow,
      ),
    );
  }
}
