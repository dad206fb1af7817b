import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, StateDirInUseError } from './database';
import { MIGRATIONS } from './schema';

describe('openDatabase on a state directory', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const stateDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-db-'));
    dirs.push(dir);
    return dir;
  };

  it('refuses a second opener while the first holds the directory, and names the fix', () => {
    const dir = stateDir();
    const first = openDatabase({ stateDir: dir });
    try {
      expect(() => openDatabase({ stateDir: dir })).toThrow(StateDirInUseError);
      expect(() => openDatabase({ stateDir: dir })).toThrow(/different --state-dir/);
    } finally {
      first.close();
    }
  });

  it('opens again, with the data, once the holder has closed', () => {
    const dir = stateDir();
    const first = openDatabase({ stateDir: dir });
    first.exec("CREATE TABLE probe (value TEXT); INSERT INTO probe VALUES ('kept')");
    first.close();
    const second = openDatabase({ stateDir: dir });
    try {
      expect(second.prepare('SELECT value FROM probe').pluck().get()).toBe('kept');
    } finally {
      second.close();
    }
  });
});

describe('migrating a state directory to keys identified by Region and key id', () => {
  it('keeps import tokens and imported material of the schema before it, with their Region', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-db-'));
    try {
      // A state directory as the release with imported key material (schema 3) wrote it.
      const old = new Database(join(dir, 'sandbox.sqlite'));
      for (const migration of MIGRATIONS.slice(0, 3)) old.exec(migration);
      old.pragma('user_version = 3');
      old.exec(`
        INSERT INTO keys (key_id, account, region, arn, key_spec, key_usage, origin, key_state,
          creation_date, policy, current_material_id)
        VALUES ('k1', '111122223333', 'us-east-1', 'arn:aws:kms:us-east-1:111122223333:key/k1',
          'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', 'EXTERNAL', 'Enabled', 1, '{}', 'm1');
        INSERT INTO key_materials (material_id, key_id, material, created) VALUES ('m1', 'k1', x'00', 1);
        INSERT INTO import_tokens VALUES ('t1', 'k1', 'RSAES_OAEP_SHA_256', 'RSA_2048', x'01', 99);
        INSERT INTO imported_materials (material_id, key_id, key_material_id, pending_rotation)
          VALUES ('m1', 'k1', 'abc', 0);
      `);
      old.close();

      const db = openDatabase({ stateDir: dir });
      try {
        expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
        expect(db.pragma('foreign_key_check')).toEqual([]);
        const region = (table: string) =>
          db.prepare(`SELECT region, key_id FROM ${table}`).all() as object[];
        const k1 = [{ region: 'us-east-1', key_id: 'k1' }];
        expect(region('key_materials')).toEqual(k1);
        expect(region('import_tokens')).toEqual(k1);
        expect(region('imported_materials')).toEqual(k1);
        // Deleting the key still takes everything that belongs to it.
        db.exec("DELETE FROM keys WHERE key_id = 'k1'");
        expect(region('import_tokens')).toEqual([]);
        expect(region('imported_materials')).toEqual([]);
      } finally {
        db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
