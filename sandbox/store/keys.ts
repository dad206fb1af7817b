import type { KeyMaterialRepository } from './key-materials';
import type { KeyRecord, KeyRef, MaterialRecord, Scope } from './records';
import { fromSeconds, toSeconds, type Row, type StoreContext } from './repository';

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
    primaryRegion: (row.primary_region as string | null) ?? undefined,
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
    primary_region: key.primaryRegion ?? null,
  };
}

const refKey = (ref: KeyRef) => `${ref.region}/${ref.keyId}`;

/**
 * KMS keys, in `keys`, identified by Region and key id. Every request that names a key reads it,
 * so reads are cached.
 */
export class KeyRepository {
  private readonly byRef;

  constructor(
    private readonly store: StoreContext,
    private readonly materials: KeyMaterialRepository,
  ) {
    this.byRef = store.cache<string, KeyRecord>();
  }

  /** A new key with its first key material, as one write; an EXTERNAL key starts without any. */
  insert(key: KeyRecord, material?: MaterialRecord): void {
    this.store.transaction(() => {
      this.store
        .statement(
          `INSERT INTO keys (key_id, account, region, arn, description, key_spec, key_usage,
            origin, key_manager, key_state, creation_date, deletion_date, pending_window_days,
            policy, rotation_enabled, rotation_period_days, next_rotation_date,
            current_material_id, primary_region)
           VALUES (:key_id, :account, :region, :arn, :description, :key_spec, :key_usage, :origin,
            :key_manager, :key_state, :creation_date, :deletion_date, :pending_window_days,
            :policy, :rotation_enabled, :rotation_period_days, :next_rotation_date,
            :current_material_id, :primary_region)`,
        )
        .run(keyToParams(key));
      if (material) this.materials.insert(material);
    });
    this.byRef.delete(refKey(key));
  }

  update(key: KeyRecord): void {
    this.store
      .statement(
        `UPDATE keys SET description = :description, key_state = :key_state,
          deletion_date = :deletion_date, pending_window_days = :pending_window_days,
          policy = :policy, rotation_enabled = :rotation_enabled,
          rotation_period_days = :rotation_period_days, next_rotation_date = :next_rotation_date,
          current_material_id = :current_material_id, primary_region = :primary_region
         WHERE region = :region AND key_id = :key_id`,
      )
      .run(keyToParams(key));
    this.byRef.delete(refKey(key));
  }

  get(ref: KeyRef): KeyRecord | undefined {
    return this.byRef.get(refKey(ref), () => {
      const row = this.store
        .statement('SELECT * FROM keys WHERE region = ? AND key_id = ?')
        .get(ref.region, ref.keyId);
      return row ? keyFromRow(row as Row) : undefined;
    });
  }

  /** A multi-Region key's related keys (the primary and its replicas) in every Region. */
  related(key: Pick<KeyRecord, 'account' | 'keyId'>): KeyRecord[] {
    const rows = this.store
      .statement(
        `SELECT * FROM keys WHERE account = ? AND key_id = ? AND primary_region IS NOT NULL
         ORDER BY rowid`,
      )
      .all(key.account, key.keyId);
    return (rows as Row[]).map(keyFromRow);
  }

  /** Keys of one account and Region in creation order, starting after `afterKeyId`. */
  list(scope: Scope, limit: number, afterKeyId?: string): KeyRecord[] {
    const rows = afterKeyId
      ? this.store
          .statement(
            `SELECT * FROM keys WHERE account = ? AND region = ?
               AND rowid > (SELECT rowid FROM keys WHERE region = ? AND key_id = ?)
             ORDER BY rowid LIMIT ?`,
          )
          .all(scope.account, scope.region, scope.region, afterKeyId, limit)
      : this.store
          .statement('SELECT * FROM keys WHERE account = ? AND region = ? ORDER BY rowid LIMIT ?')
          .all(scope.account, scope.region, limit);
    return (rows as Row[]).map(keyFromRow);
  }

  /** Keys whose scheduled deletion date has passed: the sandbox deletes them for real. */
  dueForDeletion(now: Date): KeyRecord[] {
    const rows = this.store
      .statement(`SELECT * FROM keys WHERE key_state = 'PendingDeletion' AND deletion_date <= ?`)
      .all(toSeconds(now));
    return (rows as Row[]).map(keyFromRow);
  }

  /**
   * Keys with automatic rotation on whose next rotation date has passed: single-Region keys and
   * multi-Region primaries (a primary's rotation reaches its replicas).
   */
  dueForRotation(now: Date): KeyRecord[] {
    const rows = this.store
      .statement(
        `SELECT * FROM keys WHERE rotation_enabled = 1 AND key_state = 'Enabled'
           AND next_rotation_date <= ? AND (primary_region IS NULL OR primary_region = region)`,
      )
      .all(toSeconds(now));
    return (rows as Row[]).map(keyFromRow);
  }

  delete(ref: KeyRef): void {
    this.store
      .statement('DELETE FROM keys WHERE region = ? AND key_id = ?')
      .run(ref.region, ref.keyId);
    // The delete cascades to the key's material, aliases, grants and tags.
    this.store.forgetCached();
  }
}
