import type { ImportTokenRecord } from './records';
import { fromSeconds, toSeconds, type Row, type StoreContext } from './repository';

function tokenFromRow(row: Row): ImportTokenRecord {
  return {
    tokenId: row.token_id as string,
    region: row.region as string,
    keyId: row.key_id as string,
    wrappingAlgorithm: row.wrapping_algorithm as ImportTokenRecord['wrappingAlgorithm'],
    wrappingKeySpec: row.wrapping_key_spec as ImportTokenRecord['wrappingKeySpec'],
    privateKey: row.private_key as Buffer,
    validTo: fromSeconds(row.valid_to)!,
  };
}

/**
 * Outstanding import tokens, in `import_tokens`. A token is read once, by the ImportKeyMaterial
 * that uses it, so nothing is cached; a successful import deletes it (a set is good for one
 * import), and deleting the key deletes its tokens.
 */
export class ImportTokenRepository {
  constructor(private readonly store: StoreContext) {}

  insert(token: ImportTokenRecord): void {
    this.store
      .statement(
        `INSERT INTO import_tokens (token_id, region, key_id, wrapping_algorithm,
        wrapping_key_spec, private_key, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        token.tokenId,
        token.region,
        token.keyId,
        token.wrappingAlgorithm,
        token.wrappingKeySpec,
        token.privateKey,
        toSeconds(token.validTo),
      );
  }

  get(tokenId: string): ImportTokenRecord | undefined {
    const row = this.store.statement('SELECT * FROM import_tokens WHERE token_id = ?').get(tokenId);
    return row ? tokenFromRow(row as Row) : undefined;
  }

  delete(tokenId: string): void {
    this.store.statement('DELETE FROM import_tokens WHERE token_id = ?').run(tokenId);
  }

  /** Forgets tokens that expired before `before`: their keys can no longer be used. */
  deleteExpired(before: Date): void {
    this.store.statement('DELETE FROM import_tokens WHERE valid_to < ?').run(toSeconds(before));
  }
}
