import type { MaterialRecord } from './records';
import { fromSeconds, toSeconds, type Row, type StoreContext } from './repository';

function materialFromRow(row: Row): MaterialRecord {
  return {
    materialId: row.material_id as string,
    keyId: row.key_id as string,
    material: row.material as Buffer,
    created: fromSeconds(row.created)!,
    rotationType: (row.rotation_type as MaterialRecord['rotationType'] | null) ?? undefined,
  };
}

/**
 * Key material versions: a key's original material and one per rotation, in `key_materials`.
 * Every cryptographic request reads one, so reads are cached by material id.
 */
export class KeyMaterialRepository {
  private readonly byId;

  constructor(private readonly store: StoreContext) {
    this.byId = store.cache<string, MaterialRecord>();
  }

  insert(material: MaterialRecord): void {
    this.store
      .statement(
        'INSERT INTO key_materials (material_id, key_id, material, created, rotation_type) VALUES (?, ?, ?, ?, ?)',
      )
      .run(
        material.materialId,
        material.keyId,
        material.material,
        toSeconds(material.created),
        material.rotationType ?? null,
      );
    this.byId.delete(material.materialId);
  }

  /** Deletes the bytes of imported key material (DeleteImportedKeyMaterial, expiry). */
  delete(materialId: string): void {
    this.store.statement('DELETE FROM key_materials WHERE material_id = ?').run(materialId);
    this.byId.delete(materialId);
  }

  /** Material never changes once written; deleting imported material or its key removes it. */
  get(materialId: string): MaterialRecord | undefined {
    return this.byId.get(materialId, () => {
      const row = this.store
        .statement('SELECT * FROM key_materials WHERE material_id = ?')
        .get(materialId);
      return row ? materialFromRow(row as Row) : undefined;
    });
  }

  /** All material versions of a key, oldest first. */
  listForKey(keyId: string): MaterialRecord[] {
    const rows = this.store
      .statement('SELECT * FROM key_materials WHERE key_id = ? ORDER BY created, rowid')
      .all(keyId);
    return (rows as Row[]).map(materialFromRow);
  }
}
