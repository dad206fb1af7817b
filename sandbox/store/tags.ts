import type { KeyRef, TagRecord } from './records';
import type { Row, StoreContext } from './repository';

/** Tags on keys, in `tags`. Read only by tag operations, so not cached. */
export class TagRepository {
  constructor(private readonly store: StoreContext) {}

  listForKey(key: KeyRef): TagRecord[] {
    const rows = this.store
      .statement(
        'SELECT tag_key, tag_value FROM tags WHERE region = ? AND key_id = ? ORDER BY tag_key',
      )
      .all(key.region, key.keyId) as Row[];
    return rows.map((r) => ({ TagKey: r.tag_key as string, TagValue: r.tag_value as string }));
  }

  put(key: KeyRef, tag: TagRecord): void {
    this.store
      .statement(
        'INSERT OR REPLACE INTO tags (region, key_id, tag_key, tag_value) VALUES (?, ?, ?, ?)',
      )
      .run(key.region, key.keyId, tag.TagKey, tag.TagValue);
  }

  delete(key: KeyRef, tagKey: string): void {
    this.store
      .statement('DELETE FROM tags WHERE region = ? AND key_id = ? AND tag_key = ?')
      .run(key.region, key.keyId, tagKey);
  }
}
