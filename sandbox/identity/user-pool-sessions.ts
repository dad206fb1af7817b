import type { Db } from '../store/database';

/** Live sign-ins kept per user; beyond this the oldest ends (its refresh token stops working). */
export const MAX_SESSIONS_PER_USER = 1000;

export type SessionState = 'active' | 'revoked' | 'unknown';

/**
 * User pool sign-in sessions, one per password sign-in, named by the `origin_jti` that every
 * token of the sign-in carries: RevokeToken ends one, GlobalSignOut all of a user's, and a
 * refresh or access token is accepted only while its session is active. Kept in SQLite, so a
 * restarted sandbox still refuses what was revoked.
 */
export class UserPoolSessions {
  constructor(
    private readonly db: Db,
    private readonly userPoolId: string,
  ) {}

  start(session: {
    originJti: string;
    username: string;
    clientId: string;
    created: Date;
    expires: Date;
  }): void {
    const { db, userPoolId } = this;
    db.transaction(() => {
      db.prepare('DELETE FROM user_pool_sessions WHERE expires <= ?').run(
        session.created.getTime() / 1000,
      );
      db.prepare(
        `INSERT INTO user_pool_sessions (origin_jti, user_pool_id, username, client_id, created, expires)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(
        session.originJti,
        userPoolId,
        session.username,
        session.clientId,
        session.created.getTime() / 1000,
        session.expires.getTime() / 1000,
      );
      db.prepare(
        `DELETE FROM user_pool_sessions WHERE origin_jti IN (
           SELECT origin_jti FROM user_pool_sessions WHERE user_pool_id = ? AND username = ?
           ORDER BY created DESC LIMIT -1 OFFSET ?)`,
      ).run(userPoolId, session.username, MAX_SESSIONS_PER_USER);
    })();
  }

  state(originJti: string): SessionState {
    const row = this.db
      .prepare('SELECT revoked FROM user_pool_sessions WHERE origin_jti = ? AND user_pool_id = ?')
      .get(originJti, this.userPoolId) as { revoked: number } | undefined;
    if (!row) return 'unknown';
    return row.revoked ? 'revoked' : 'active';
  }

  revoke(originJti: string): void {
    this.db
      .prepare(
        'UPDATE user_pool_sessions SET revoked = 1 WHERE origin_jti = ? AND user_pool_id = ?',
      )
      .run(originJti, this.userPoolId);
  }

  revokeAll(username: string): void {
    this.db
      .prepare('UPDATE user_pool_sessions SET revoked = 1 WHERE user_pool_id = ? AND username = ?')
      .run(this.userPoolId, username);
  }
}
