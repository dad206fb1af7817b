import type { TagRecord } from './records';
import type { Row, StoreContext } from './repository';

/** Tags on keys, in `tags`. Read only by tag operations, so not cached. */
export class TagRepository {
  constructor(private readonly store: StoreContext) {}

  listForKey(keyId: string): TagRecord[] {
    const rows = this.store
      .statement('SELECT tag_key, tag_value FROM tags WHERE key_id = ? ORDER BY tag_key')
      .all(keyId) as Row[];
    return rows.map((r) => ({ TagKey: r.tag_key as string, TagValue: r.tag_value as string }));
  }

  put(keyId: string, tag: TagRecord): void {
    this.store
      .statement('INSERT OR REPLACE INTO tags (key_id, tag_key, tag_value) VALUES (?, ?, ?)')
      .run(keyId, tag.TagKey, tag.TagValue);
  }

  delete(keyId: string, tagKey: string): void {
    this.store.statement('DELETE FROM tags WHERE key_id = ? AND tag_key = ?').run(keyId, tagKey);
  }
}
