import type { KeyRef, MaterialRecord } from './records';
import { fromSeconds, toSeconds, type Row, type StoreContext } from './repository';

function materialFromRow(row: Row): MaterialRecord {
  return {
    region: row.region as string,
    materialId: row.material_id as string,
    keyId: row.key_id as string,
    material: row.material as Buffer,
    created: fromSeconds(row.created)!,
    rotationType: (row.rotation_type as MaterialRecord['rotationType'] | null) ?? undefined,
  };
}

/**
 * Key material versions: a key's original material and one per rotation, in `key_materials`, per
 * Region (a multi-Region replica holds copies of its primary's versions, under the same ids, so a
 * ciphertext names its version the same way in every Region). Every cryptographic request reads
 * one, so reads are cached.
 */
export class KeyMaterialRepository {
  private readonly byId;

  constructor(private readonly store: StoreContext) {
    this.byId = store.cache<string, MaterialRecord>();
  }

  insert(material: MaterialRecord): void {
    this.store
      .statement(
        `INSERT INTO key_materials (region, material_id, key_id, material, created, rotation_type)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        material.region,
        material.materialId,
        material.keyId,
        material.material,
        toSeconds(material.created),
        material.rotationType ?? null,
      );
    this.byId.delete(`${material.region}/${material.materialId}`);
  }

  /** Deletes the bytes of imported key material (DeleteImportedKeyMaterial, expiry). */
  delete(region: string, materialId: string): void {
    this.store
      .statement('DELETE FROM key_materials WHERE region = ? AND material_id = ?')
      .run(region, materialId);
    this.byId.delete(`${region}/${materialId}`);
  }

  /** Material never changes once written; deleting imported material or its key removes it. */
  get(region: string, materialId: string): MaterialRecord | undefined {
    return this.byId.get(`${region}/${materialId}`, () => {
      const row = this.store
        .statement('SELECT * FROM key_materials WHERE region = ? AND material_id = ?')
        .get(region, materialId);
      return row ? materialFromRow(row as Row) : undefined;
    });
  }

  /** All material versions of a key, oldest first. */
  listForKey(key: KeyRef): MaterialRecord[] {
    const rows = this.store
      .statement(
        'SELECT * FROM key_materials WHERE region = ? AND key_id = ? ORDER BY created, rowid',
      )
      .all(key.region, key.keyId);
    return (rows as Row[]).map(materialFromRow);
  }
}
