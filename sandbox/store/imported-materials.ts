import type { ImportedMaterialRecord, KeyRef } from './records';
import { fromSeconds, toSeconds, type Row, type StoreContext } from './repository';

function importedFromRow(row: Row): ImportedMaterialRecord {
  return {
    materialId: row.material_id as string,
    region: row.region as string,
    keyId: row.key_id as string,
    keyMaterialId: row.key_material_id as string,
    description: (row.description as string | null) ?? undefined,
    pendingRotation: row.pending_rotation === 1,
    expirationModel:
      (row.expiration_model as ImportedMaterialRecord['expirationModel'] | null) ?? undefined,
    validTo: fromSeconds(row.valid_to),
    rotationType: (row.rotation_type as 'ON_DEMAND' | null) ?? undefined,
    rotationDate: fromSeconds(row.rotation_date),
    imported: row.imported === 1,
  };
}

/** Whether the bytes are in key_materials: the one fact this table doesn't hold itself. */
const SELECT = `SELECT im.*, EXISTS (SELECT 1 FROM key_materials km
  WHERE km.region = im.region AND km.material_id = im.material_id) AS imported
  FROM imported_materials im`;

/**
 * The materials imported into EXTERNAL keys, in `imported_materials`, in the order the key got
 * them (its first material, then each new one). Only import, deletion, expiry and rotation write
 * them, and only requests about imported material read them, so nothing is cached.
 */
export class ImportedMaterialRepository {
  constructor(private readonly store: StoreContext) {}

  /** Inserts or replaces the row; `imported` is not stored here (it is the bytes' presence). */
  put(material: ImportedMaterialRecord): void {
    this.store
      .statement(
        `INSERT INTO imported_materials (region, material_id, key_id, key_material_id,
        description, pending_rotation, expiration_model, valid_to, rotation_type, rotation_date)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (region, material_id) DO UPDATE SET description = excluded.description,
         pending_rotation = excluded.pending_rotation, expiration_model = excluded.expiration_model,
         valid_to = excluded.valid_to, rotation_type = excluded.rotation_type,
         rotation_date = excluded.rotation_date`,
      )
      .run(
        material.region,
        material.materialId,
        material.keyId,
        material.keyMaterialId,
        material.description ?? null,
        material.pendingRotation ? 1 : 0,
        material.expirationModel ?? null,
        toSeconds(material.validTo),
        material.rotationType ?? null,
        toSeconds(material.rotationDate),
      );
  }

  listForKey(key: KeyRef): ImportedMaterialRecord[] {
    const rows = this.store
      .statement(`${SELECT} WHERE im.region = ? AND im.key_id = ? ORDER BY im.rowid`)
      .all(key.region, key.keyId);
    return (rows as Row[]).map(importedFromRow);
  }

  delete(material: Pick<ImportedMaterialRecord, 'region' | 'materialId'>): void {
    this.store
      .statement('DELETE FROM imported_materials WHERE region = ? AND material_id = ?')
      .run(material.region, material.materialId);
  }

  /** Imported materials whose ValidTo has passed: KMS deletes them. */
  dueToExpire(now: Date): ImportedMaterialRecord[] {
    const rows = this.store
      .statement(`${SELECT} WHERE im.valid_to <= ? ORDER BY im.valid_to`)
      .all(toSeconds(now));
    return (rows as Row[]).map(importedFromRow);
  }
}
