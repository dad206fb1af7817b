import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, StateDirInUseError } from './database';

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
