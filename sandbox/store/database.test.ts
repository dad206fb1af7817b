import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { EventLog } from '../trail/event-log';
import { openDatabase, StateDirInUseError } from './database';
import { MIGRATIONS } from './schema';
import { Store } from './store';

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

describe('migrating a state directory whose events were stored whole', () => {
  it('keeps every event, and lookups hand out its record as it was stored', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-db-'));
    try {
      // The event history as the release before compact events (schema 6) wrote it.
      const old = new Database(join(dir, 'sandbox.sqlite'));
      for (const migration of MIGRATIONS.slice(0, 6)) old.exec(migration);
      old.pragma('user_version = 6');
      const record = JSON.stringify({ eventVersion: '1.11', eventName: 'Encrypt', eventID: 'e1' });
      old
        .prepare(
          `INSERT INTO events (seq, event_id, event_time, recipient, region, event_source,
            event_name, read_only, username, access_key_id, record)
           VALUES (1, 'e1', 5, '111122223333', 'us-east-1', 'kms.amazonaws.com', 'Encrypt', 1,
            'admin', 'AKIA', ?)`,
        )
        .run(record);
      old.exec(`INSERT INTO event_resources VALUES (8, 1, 5, '111122223333', 'us-east-1',
        'AWS::KMS::Key', 'arn:aws:kms:us-east-1:111122223333:key/k1')`);
      old.close();

      const store = new Store(openDatabase({ stateDir: dir }));
      try {
        const log = new EventLog(store, store.events, { clock: () => new Date(10) });
        const query = { recipient: '111122223333', region: 'us-east-1', from: 0, to: 10 };
        expect(log.query({ ...query, limit: 5 })).toEqual([{ seq: 1, time: 5, record }]);
        expect(
          log.query({
            ...query,
            attribute: { key: 'ResourceName', value: 'arn:aws:kms:us-east-1:111122223333:key/k1' },
            limit: 5,
          }),
        ).toEqual([{ seq: 1, time: 5, record }]);
        expect(
          log.query({ ...query, attribute: { key: 'Username', value: 'admin' }, limit: 5 }),
        ).toHaveLength(1);
      } finally {
        store.db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('migrating a state directory whose events were stored one row each', () => {
  it('keeps every event, with its caller, and lookups find it by its attributes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-db-'));
    try {
      // The event history as the release before chunks (schema 7) wrote it.
      const old = new Database(join(dir, 'sandbox.sqlite'));
      for (const migration of MIGRATIONS.slice(0, 7)) old.exec(migration);
      old.pragma('user_version = 7');
      const key = 'arn:aws:kms:us-east-1:111122223333:key/k1';
      const resources = [{ accountId: '111122223333', type: 'AWS::KMS::Key', ARN: key }];
      old.exec(`INSERT INTO event_callers VALUES (3, '{"type":"IAMUser","userName":"admin"}',
        '10.0.0.1', 'aws-cli/2', 1)`);
      old
        .prepare(
          `INSERT INTO events (seq, event_id, event_time, recipient, region, event_source,
            event_name, read_only, username, access_key_id, caller, request_id, body)
           VALUES (1, 'e1', 5000, '111122223333', 'us-east-1', 'kms.amazonaws.com', 'Encrypt', 1,
            'admin', 'AKIA', 3, 'r1', ?)`,
        )
        .run(
          JSON.stringify({
            requestParameters: { keyId: key },
            responseElements: null,
            resources,
          }),
        );
      old.exec(`INSERT INTO event_resources VALUES (8, 1, 5000, '111122223333', 'us-east-1',
        'AWS::KMS::Key', '${key}')`);
      old.close();

      const store = new Store(openDatabase({ stateDir: dir }));
      try {
        const log = new EventLog(store, store.events, { clock: () => new Date(10_000) });
        const query = { recipient: '111122223333', region: 'us-east-1', from: 0, to: 10_000 };
        const [stored] = log.query({ ...query, limit: 5 });
        expect(JSON.parse(stored.record)).toMatchObject({
          userIdentity: { type: 'IAMUser', userName: 'admin' },
          eventTime: '1970-01-01T00:00:05Z',
          sourceIPAddress: '10.0.0.1',
          userAgent: 'aws-cli/2',
          requestParameters: { keyId: key },
          requestID: 'r1',
          eventID: 'e1',
          resources,
        });
        for (const attribute of [
          { key: 'ResourceName', value: key },
          { key: 'EventId', value: 'e1' },
          { key: 'Username', value: 'admin' },
          { key: 'AccessKeyId', value: 'AKIA' },
          { key: 'ReadOnly', value: 'true' },
        ] as const) {
          expect(log.query({ ...query, attribute, limit: 5 }), attribute.key).toEqual([stored]);
        }
      } finally {
        store.db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
