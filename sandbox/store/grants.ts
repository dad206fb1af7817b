import type { GrantRecord, KeyRef } from './records';
import { frozenRows, fromSeconds, toSeconds, type Row, type StoreContext } from './repository';

function grantFromRow(row: Row): GrantRecord {
  return {
    grantId: row.grant_id as string,
    region: row.region as string,
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

/** Grants on keys, in `grants`. Authorization reads a key's grants on every request: cached. */
export class GrantRepository {
  private readonly byKey;

  constructor(private readonly store: StoreContext) {
    this.byKey = store.cache<string, readonly GrantRecord[]>();
  }

  insert(grant: GrantRecord): void {
    this.store
      .statement(
        `INSERT INTO grants (grant_id, region, key_id, name, grantee_principal, retiring_principal,
          issuing_account, operations, constraints, creation_date, grant_token)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        grant.grantId,
        grant.region,
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
    this.byKey.delete(`${grant.region}/${grant.keyId}`);
  }

  get(grantId: string): GrantRecord | undefined {
    const row = this.store.statement('SELECT * FROM grants WHERE grant_id = ?').get(grantId) as
      Row | undefined;
    return row ? grantFromRow(row) : undefined;
  }

  findByToken(grantToken: string): GrantRecord | undefined {
    const row = this.store
      .statement('SELECT * FROM grants WHERE grant_token = ?')
      .get(grantToken) as Row | undefined;
    return row ? grantFromRow(row) : undefined;
  }

  listForKey(key: KeyRef): readonly GrantRecord[] {
    return this.byKey.get(`${key.region}/${key.keyId}`, () =>
      frozenRows(
        this.store
          .statement(
            'SELECT * FROM grants WHERE region = ? AND key_id = ? ORDER BY creation_date, rowid',
          )
          .all(key.region, key.keyId),
        grantFromRow,
      ),
    );
  }

  listByRetiringPrincipal(principal: string): GrantRecord[] {
    const rows = this.store
      .statement('SELECT * FROM grants WHERE retiring_principal = ? ORDER BY creation_date, rowid')
      .all(principal);
    return (rows as Row[]).map(grantFromRow);
  }

  delete(grantId: string): void {
    this.store.statement('DELETE FROM grants WHERE grant_id = ?').run(grantId);
    // Which key the grant was on is not known here; grant deletions are rare.
    this.byKey.clear();
  }
}
