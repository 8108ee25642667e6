import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, readSchemaVersion } from '../../../../src-main/store/migrate';
import { useTempDir } from '../temp-dir';

const tmp = useTempDir();

function migratedToV4(): Database.Database {
  const file = tmp.path('v3.db');
  const before = new Database(file);
  migrate(before, { to: 3 });
  before.prepare("INSERT INTO audit_log (at, who, action) VALUES ('t', 'JS', 'operator.sign-in')").run();
  before.close();
  const db = tmp.closeLater(new Database(file));
  expect(migrate(db, { to: 4 })).toEqual([4]);
  return db;
}

const insertRun = (db: Database.Database, values: Record<string, string | number> = {}) =>
  db
    .prepare(
      `INSERT INTO procedure_runs (id, procedure_id, run_date, machine_version, status, snapshot, started_by, started_at, updated_at)
       VALUES (@id, 'bill-run', @date, @version, @status, @snapshot, 'JS', 't', 't')`,
    )
    .run({ id: 'R1', date: '2010-08-03', version: 1, status: 'active', snapshot: '{"value":"manual"}', ...values });

describe('migration 004: procedure runs', () => {
  it('migrates a version 3 database, keeping its audit log', () => {
    const db = migratedToV4();
    expect(readSchemaVersion(db)).toBe(4);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1);
  });

  it('keeps one row per run and refuses a status, date, version or snapshot that cannot be', () => {
    const db = migratedToV4();
    insertRun(db);
    expect(() => insertRun(db)).toThrow(/UNIQUE/);
    expect(() => insertRun(db, { id: 'R2', status: 'paused' })).toThrow(/CHECK/);
    expect(() => insertRun(db, { id: 'R3', date: '3 Aug 2010' })).toThrow(/CHECK/);
    expect(() => insertRun(db, { id: 'R4', version: 0 })).toThrow(/CHECK/);
    expect(() => insertRun(db, { id: 'R5', snapshot: '{not json' })).toThrow(/CHECK/);
  });
});
