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
    db = new Database(join(location.stateDir, 'sandbox.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
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
