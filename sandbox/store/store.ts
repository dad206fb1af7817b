import type { Statement } from 'better-sqlite3';
import { BoundedMap } from './bounded-map';
import type { Db } from './database';
import type { AliasRecord, GrantRecord, KeyRecord, MaterialRecord, TagRecord } from './records';

type Row = Record<string, unknown>;

const toSeconds = (date: Date | undefined) => (date ? date.getTime() / 1000 : null);
const fromSeconds = (value: unknown) =>
  value === null || value === undefined ? undefined : new Date((value as number) * 1000);

function keyFromRow(row: Row): KeyRecord {
  return {
    keyId: row.key_id as string,
    account: row.account as string,
    region: row.region as string,
    arn: row.arn as string,
    description: row.description as string,
    keySpec: row.key_spec as KeyRecord['keySpec'],
    keyUsage: row.key_usage as KeyRecord['keyUsage'],
    origin: row.origin as KeyRecord['origin'],
    keyManager: row.key_manager as KeyRecord['keyManager'],
    keyState: row.key_state as KeyRecord['keyState'],
    creationDate: fromSeconds(row.creation_date)!,
    deletionDate: fromSeconds(row.deletion_date),
    pendingWindowDays: (row.pending_window_days as number | null) ?? undefined,
    policy: row.policy as string,
    rotationEnabled: row.rotation_enabled === 1,
    rotationPeriodDays: (row.rotation_period_days as number | null) ?? undefined,
    nextRotationDate: fromSeconds(row.next_rotation_date),
    currentMaterialId: row.current_material_id as string,
  };
}

function keyToParams(key: KeyRecord): Row {
  return {
    key_id: key.keyId,
    account: key.account,
    region: key.region,
    arn: key.arn,
    description: key.description,
    key_spec: key.keySpec,
    key_usage: key.keyUsage,
    origin: key.origin,
    key_manager: key.keyManager,
    key_state: key.keyState,
    creation_date: toSeconds(key.creationDate),
    deletion_date: toSeconds(key.deletionDate),
    pending_window_days: key.pendingWindowDays ?? null,
    policy: key.policy,
    rotation_enabled: key.rotationEnabled ? 1 : 0,
    rotation_period_days: key.rotationPeriodDays ?? null,
    next_rotation_date: toSeconds(key.nextRotationDate),
    current_material_id: key.currentMaterialId,
  };
}

function materialFromRow(row: Row): MaterialRecord {
  return {
    materialId: row.material_id as string,
    keyId: row.key_id as string,
    material: row.material as Buffer,
    created: fromSeconds(row.created)!,
    rotationType: (row.rotation_type as MaterialRecord['rotationType'] | null) ?? undefined,
  };
}

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

function grantFromRow(row: Row): GrantRecord {
  return {
    grantId: row.grant_id as string,
    keyId: row.key_id as string,
    name: (row.name as string | null) ?? undefined,
    granteePrincipal: row.grantee_principal as string,
    retiringPrincipal: (row.retiring_principal as string | null) ?? undefined,
    issuingAccount: row.issuing_account as string,
    operations: JSON.parse(row.operations as string) as GrantRecord['operations'],
    constraints: row.constraints
      ? (JSON.parse(row.constraints as string) as GrantRecord['constraints'])
      : undefined,
    creationDate: fromSeconds(row.creation_date)!,
    grantToken: row.grant_token as string,
  };
}

/** Enough for the benchmarks' 10,000-key accounts; beyond it the oldest entries are re-read. */
const CACHE_CAPACITY = 20_000;

export interface AliasPageRequest {
  /** Only aliases of this key. */
  targetKeyId?: string;
  /** Resume after this alias name. */
  after?: string;
  limit: number;
}

/**
 * Every read and write of sandbox state. Statements are prepared once; callers group writes
 * that belong together with `transaction` so a request's effects commit or vanish as one.
 *
 * Every cryptographic request reads its key, key material, the key's aliases and grants, so
 * those reads are cached (as frozen records: callers must copy to change them, as they already
 * do). This class is the only writer of those tables, so each write drops exactly the entries
 * it may have changed, and a rolled-back transaction drops everything it may have cached.
 */
export class Store {
  private readonly statements = new Map<string, Statement<unknown[]>>();

  private readonly keys = new BoundedMap<string, KeyRecord>(CACHE_CAPACITY);
  private readonly materials = new BoundedMap<string, MaterialRecord>(CACHE_CAPACITY);
  private readonly aliasesByName = new BoundedMap<string, AliasRecord>(CACHE_CAPACITY);
  private readonly aliasesByKey = new BoundedMap<string, readonly AliasRecord[]>(CACHE_CAPACITY);
  private readonly grantsByKey = new BoundedMap<string, readonly GrantRecord[]>(CACHE_CAPACITY);

  constructor(readonly db: Db) {}

  private forgetAll(): void {
    this.keys.clear();
    this.materials.clear();
    this.aliasesByName.clear();
    this.aliasesByKey.clear();
    this.grantsByKey.clear();
  }

  private forgetAliases(): void {
    this.aliasesByName.clear();
    this.aliasesByKey.clear();
  }

  private stmt(sql: string) {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare<unknown[]>(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  transaction<T>(work: () => T): T {
    try {
      return this.db.transaction(work)();
    } catch (error) {
      // Reads inside the transaction may have cached rows that the rollback just undid.
      this.forgetAll();
      throw error;
    }
  }

  // --- meta -------------------------------------------------------------------------------

  getMeta(name: string): Buffer | undefined {
    const row = this.stmt('SELECT value FROM meta WHERE name = ?').get(name) as Row | undefined;
    return row ? Buffer.from(row.value as Uint8Array) : undefined;
  }

  setMeta(name: string, value: Buffer | string): void {
    this.stmt('INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)').run(name, value);
  }

  // --- keys -------------------------------------------------------------------------------

  insertKey(key: KeyRecord, material: MaterialRecord): void {
    this.transaction(() => {
      this.stmt(
        `INSERT INTO keys VALUES (:key_id, :account, :region, :arn, :description, :key_spec,
          :key_usage, :origin, :key_manager, :key_state, :creation_date, :deletion_date,
          :pending_window_days, :policy, :rotation_enabled, :rotation_period_days,
          :next_rotation_date, :current_material_id)`,
      ).run(keyToParams(key));
      this.insertMaterial(material);
    });
    this.keys.delete(key.keyId);
  }

  updateKey(key: KeyRecord): void {
    this.stmt(
      `UPDATE keys SET description = :description, key_state = :key_state,
        deletion_date = :deletion_date, pending_window_days = :pending_window_days,
        policy = :policy, rotation_enabled = :rotation_enabled,
        rotation_period_days = :rotation_period_days, next_rotation_date = :next_rotation_date,
        current_material_id = :current_material_id
       WHERE key_id = :key_id`,
    ).run(keyToParams(key));
    this.keys.delete(key.keyId);
  }

  getKey(keyId: string): KeyRecord | undefined {
    const cached = this.keys.get(keyId);
    if (cached) return cached;
    const row = this.stmt('SELECT * FROM keys WHERE key_id = ?').get(keyId) as Row | undefined;
    if (!row) return undefined;
    const key = Object.freeze(keyFromRow(row));
    this.keys.set(keyId, key);
    return key;
  }

  /** Keys of one account and region in creation order, starting after `afterKeyId`. */
  listKeys(account: string, region: string, limit: number, afterKeyId?: string): KeyRecord[] {
    const rows = afterKeyId
      ? this.stmt(
          `SELECT * FROM keys WHERE account = ? AND region = ? AND rowid > (SELECT rowid FROM keys WHERE key_id = ?)
           ORDER BY rowid LIMIT ?`,
        ).all(account, region, afterKeyId, limit)
      : this.stmt('SELECT * FROM keys WHERE account = ? AND region = ? ORDER BY rowid LIMIT ?').all(
          account,
          region,
          limit,
        );
    return (rows as Row[]).map(keyFromRow);
  }

  /** Keys whose scheduled deletion date has passed: the sandbox deletes them for real. */
  keysDueForDeletion(now: Date): KeyRecord[] {
    const rows = this.stmt(
      `SELECT * FROM keys WHERE key_state = 'PendingDeletion' AND deletion_date <= ?`,
    ).all(toSeconds(now));
    return (rows as Row[]).map(keyFromRow);
  }

  /** Keys with automatic rotation on whose next rotation date has passed. */
  keysDueForRotation(now: Date): KeyRecord[] {
    const rows = this.stmt(
      `SELECT * FROM keys WHERE rotation_enabled = 1 AND key_state = 'Enabled' AND next_rotation_date <= ?`,
    ).all(toSeconds(now));
    return (rows as Row[]).map(keyFromRow);
  }

  deleteKey(keyId: string): void {
    this.stmt('DELETE FROM keys WHERE key_id = ?').run(keyId);
    // The delete cascades to the key's material, aliases, grants and tags.
    this.forgetAll();
  }

  // --- key material -------------------------------------------------------------------------

  insertMaterial(material: MaterialRecord): void {
    this.stmt(
      'INSERT INTO key_materials (material_id, key_id, material, created, rotation_type) VALUES (?, ?, ?, ?, ?)',
    ).run(
      material.materialId,
      material.keyId,
      material.material,
      toSeconds(material.created),
      material.rotationType ?? null,
    );
    this.materials.delete(material.materialId);
  }

  /** Material never changes once written; only deleting its key removes it. */
  getMaterial(materialId: string): MaterialRecord | undefined {
    const cached = this.materials.get(materialId);
    if (cached) return cached;
    const row = this.stmt('SELECT * FROM key_materials WHERE material_id = ?').get(materialId) as
      Row | undefined;
    if (!row) return undefined;
    const material = Object.freeze(materialFromRow(row));
    this.materials.set(materialId, material);
    return material;
  }

  /** All material versions of a key, oldest first. */
  listMaterials(keyId: string): MaterialRecord[] {
    const rows = this.stmt(
      'SELECT * FROM key_materials WHERE key_id = ? ORDER BY created, rowid',
    ).all(keyId);
    return (rows as Row[]).map(materialFromRow);
  }

  // --- aliases ------------------------------------------------------------------------------

  getAlias(account: string, region: string, aliasName: string): AliasRecord | undefined {
    const cacheKey = `${account}/${region}/${aliasName}`;
    const cached = this.aliasesByName.get(cacheKey);
    if (cached) return cached;
    const row = this.stmt(
      'SELECT * FROM aliases WHERE account = ? AND region = ? AND alias_name = ?',
    ).get(account, region, aliasName) as Row | undefined;
    if (!row) return undefined;
    const alias = Object.freeze(aliasFromRow(row));
    this.aliasesByName.set(cacheKey, alias);
    return alias;
  }

  putAlias(alias: AliasRecord): void {
    this.stmt(
      `INSERT INTO aliases (account, region, alias_name, target_key_id, creation_date, last_updated_date)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (account, region, alias_name)
       DO UPDATE SET target_key_id = excluded.target_key_id, last_updated_date = excluded.last_updated_date`,
    ).run(
      alias.account,
      alias.region,
      alias.aliasName,
      alias.targetKeyId,
      toSeconds(alias.creationDate),
      toSeconds(alias.lastUpdatedDate),
    );
    // Retargeting changes two keys' alias lists, and the old target is not known here.
    this.forgetAliases();
  }

  deleteAlias(account: string, region: string, aliasName: string): void {
    this.stmt('DELETE FROM aliases WHERE account = ? AND region = ? AND alias_name = ?').run(
      account,
      region,
      aliasName,
    );
    this.forgetAliases();
  }

  /** Whether the alias exists (and, with `targetKeyId`, points at that key). */
  hasAlias(account: string, region: string, aliasName: string, targetKeyId?: string): boolean {
    const alias = this.getAlias(account, region, aliasName);
    return alias !== undefined && (targetKeyId === undefined || alias.targetKeyId === targetKeyId);
  }

  /**
   * One page of an account's aliases in name order, read in SQL so a long list costs one page.
   * Returns up to `limit + 1` aliases: one more than asked says whether the list goes on.
   */
  listAliasesPage(account: string, region: string, page: AliasPageRequest): AliasRecord[] {
    const after = page.after ?? '';
    const limit = page.limit + 1;
    const rows =
      page.targetKeyId === undefined
        ? this.stmt(
            `SELECT * FROM aliases WHERE account = ? AND region = ? AND alias_name > ?
             ORDER BY alias_name LIMIT ?`,
          ).all(account, region, after, limit)
        : this.stmt(
            `SELECT * FROM aliases WHERE account = ? AND region = ? AND target_key_id = ?
               AND alias_name > ?
             ORDER BY alias_name LIMIT ?`,
          ).all(account, region, page.targetKeyId, after, limit);
    return (rows as Row[]).map(aliasFromRow);
  }

  listAliasesForKey(keyId: string): readonly AliasRecord[] {
    const cached = this.aliasesByKey.get(keyId);
    if (cached) return cached;
    const rows = this.stmt('SELECT * FROM aliases WHERE target_key_id = ? ORDER BY alias_name').all(
      keyId,
    );
    const aliases = Object.freeze((rows as Row[]).map((row) => Object.freeze(aliasFromRow(row))));
    this.aliasesByKey.set(keyId, aliases);
    return aliases;
  }

  // --- grants -------------------------------------------------------------------------------

  insertGrant(grant: GrantRecord): void {
    this.stmt(
      `INSERT INTO grants (grant_id, key_id, name, grantee_principal, retiring_principal,
        issuing_account, operations, constraints, creation_date, grant_token)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      grant.grantId,
      grant.keyId,
      grant.name ?? null,
      grant.granteePrincipal,
      grant.retiringPrincipal ?? null,
      grant.issuingAccount,
      JSON.stringify(grant.operations),
      grant.constraints ? JSON.stringify(grant.constraints) : null,
      toSeconds(grant.creationDate),
      grant.grantToken,
    );
    this.grantsByKey.delete(grant.keyId);
  }

  getGrant(grantId: string): GrantRecord | undefined {
    const row = this.stmt('SELECT * FROM grants WHERE grant_id = ?').get(grantId) as
      Row | undefined;
    return row ? grantFromRow(row) : undefined;
  }

  findGrantByToken(grantToken: string): GrantRecord | undefined {
    const row = this.stmt('SELECT * FROM grants WHERE grant_token = ?').get(grantToken) as
      Row | undefined;
    return row ? grantFromRow(row) : undefined;
  }

  listGrantsForKey(keyId: string): readonly GrantRecord[] {
    const cached = this.grantsByKey.get(keyId);
    if (cached) return cached;
    const rows = this.stmt(
      'SELECT * FROM grants WHERE key_id = ? ORDER BY creation_date, rowid',
    ).all(keyId);
    const grants = Object.freeze((rows as Row[]).map((row) => Object.freeze(grantFromRow(row))));
    this.grantsByKey.set(keyId, grants);
    return grants;
  }

  listGrantsByRetiringPrincipal(principal: string): GrantRecord[] {
    const rows = this.stmt(
      'SELECT * FROM grants WHERE retiring_principal = ? ORDER BY creation_date, rowid',
    ).all(principal);
    return (rows as Row[]).map(grantFromRow);
  }

  deleteGrant(grantId: string): void {
    this.stmt('DELETE FROM grants WHERE grant_id = ?').run(grantId);
    // Which key the grant was on is not known here; grant deletions are rare.
    this.grantsByKey.clear();
  }

  // --- tags ---------------------------------------------------------------------------------

  listTags(keyId: string): TagRecord[] {
    const rows = this.stmt(
      'SELECT tag_key, tag_value FROM tags WHERE key_id = ? ORDER BY tag_key',
    ).all(keyId) as Row[];
    return rows.map((r) => ({ TagKey: r.tag_key as string, TagValue: r.tag_value as string }));
  }

  putTag(keyId: string, tag: TagRecord): void {
    this.stmt('INSERT OR REPLACE INTO tags (key_id, tag_key, tag_value) VALUES (?, ?, ?)').run(
      keyId,
      tag.TagKey,
      tag.TagValue,
    );
  }

  deleteTag(keyId: string, tagKey: string): void {
    this.stmt('DELETE FROM tags WHERE key_id = ? AND tag_key = ?').run(keyId, tagKey);
  }
}
