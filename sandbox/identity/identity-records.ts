import type { Db } from '../store/database';

export interface CognitoIdentityRecord {
  identityId: string;
  identityPoolId: string;
  /** Set once a login (e.g. the user pool's provider name) is linked to the identity. */
  loginProvider?: string;
  loginSubject?: string;
  creationDate: Date;
  lastModifiedDate: Date;
}

type Row = Record<string, unknown>;

function fromRow(row: Row): CognitoIdentityRecord {
  return {
    identityId: row.identity_id as string,
    identityPoolId: row.identity_pool_id as string,
    loginProvider: (row.login_provider as string | null) ?? undefined,
    loginSubject: (row.login_subject as string | null) ?? undefined,
    creationDate: new Date((row.creation_date as number) * 1000),
    lastModifiedDate: new Date((row.last_modified_date as number) * 1000),
  };
}

/** The identity pool's identities, in the `cognito_identities` table. */
export class CognitoIdentities {
  constructor(private readonly db: Db) {}

  /** Runs `work` as one transaction (nested in an open one as a savepoint). */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  get(identityId: string): CognitoIdentityRecord | undefined {
    const row = this.db
      .prepare('SELECT * FROM cognito_identities WHERE identity_id = ?')
      .get(identityId) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  findByLogin(
    identityPoolId: string,
    provider: string,
    subject: string,
  ): CognitoIdentityRecord | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM cognito_identities
         WHERE identity_pool_id = ? AND login_provider = ? AND login_subject = ?`,
      )
      .get(identityPoolId, provider, subject) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  insert(record: CognitoIdentityRecord): void {
    this.db
      .prepare(
        `INSERT INTO cognito_identities (identity_id, identity_pool_id, login_provider,
          login_subject, creation_date, last_modified_date) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        record.identityId,
        record.identityPoolId,
        record.loginProvider ?? null,
        record.loginSubject ?? null,
        record.creationDate.getTime() / 1000,
        record.lastModifiedDate.getTime() / 1000,
      );
  }

  linkLogin(identityId: string, provider: string, subject: string, now: Date): void {
    this.db
      .prepare(
        `UPDATE cognito_identities SET login_provider = ?, login_subject = ?, last_modified_date = ?
         WHERE identity_id = ?`,
      )
      .run(provider, subject, now.getTime() / 1000, identityId);
  }

  /** Deletes the oldest guest (login-less) identities of a pool until at most `keep` remain. */
  pruneGuests(identityPoolId: string, keep: number): void {
    this.db
      .prepare(
        `DELETE FROM cognito_identities WHERE identity_id IN (
           SELECT identity_id FROM cognito_identities
           WHERE identity_pool_id = ? AND login_provider IS NULL
           ORDER BY creation_date DESC LIMIT -1 OFFSET ?)`,
      )
      .run(identityPoolId, Math.max(keep, 0));
  }
}
