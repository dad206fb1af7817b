import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './schema';

export type Db = Database.Database;

/**
 * Opens the sandbox's SQLite file (or a throwaway in-memory store). WAL with synchronous=NORMAL
 * keeps every committed transaction across a killed process (the WAL is in the OS's hands once
 * the commit returns); FULL would only add protection against power loss.
 */
export function openDatabase(location: { stateDir: string } | { memory: true }): Db {
  let db: Db;
  if ('memory' in location) {
    db = new Database(':memory:');
  } else {
    mkdirSync(location.stateDir, { recursive: true });
    // No waiting on a busy file: the only other holder would be a sandbox that keeps it.
    db = new Database(join(location.stateDir, 'sandbox.sqlite'), { timeout: 0 });
    claimExclusively(db, location.stateDir);
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export class StateDirInUseError extends Error {
  constructor(stateDir: string) {
    super(
      `The state directory ${stateDir} is in use by another sandbox process. Stop that process, ` +
        'or start this one with a different --state-dir (or --memory).',
    );
    this.name = 'StateDirInUseError';
  }
}

/**
 * The store caches what it reads, so a second process writing the same file would be served
 * stale data; holding SQLite's lock for the process's life refuses it up front. The OS drops the
 * lock when the holder dies, even by kill -9.
 */
function claimExclusively(db: Db, stateDir: string): void {
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    // In EXCLUSIVE mode the first write transaction takes the lock and keeps it.
    db.exec('BEGIN IMMEDIATE; COMMIT');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      throw new StateDirInUseError(stateDir);
    }
    throw error;
  }
}

function migrate(db: Db): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  for (let version = applied; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
