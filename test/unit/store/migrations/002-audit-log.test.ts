import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, readSchemaVersion } from '../../../../src-main/store/migrate';
import { useTempDir } from '../temp-dir';

const tmp = useTempDir();

/** A version 1 database as an operator would have left it, closed and reopened. */
function v1WithData(): string {
  const file = tmp.path('v1-with-data.db');
  const db = new Database(file);
  migrate(db, { to: 1 });
  db.prepare('INSERT INTO operators VALUES (?, ?, ?, ?)').run('JS', 'J. Smith', '2026-11-24T07:55:00.000-05:00', '2026-11-25T07:58:12.345-05:00');
  db.prepare('INSERT INTO settings VALUES (?, ?, ?)').run('drive.slots', '7', '2026-11-24T08:00:00.000-05:00');
  db.close();
  return file;
}

function migratedToV2(): Database.Database {
  const db = tmp.closeLater(new Database(v1WithData()));
  expect(readSchemaVersion(db)).toBe(1);
  expect(migrate(db, { to: 2 })).toEqual([2]);
  return db;
}

function appendOne(db: Database.Database, action = 'operator.sign-in'): number {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO audit_log (at, who, action, subject, details) VALUES (?, ?, ?, ?, ?)')
    .run('2026-11-25T08:00:00.000-05:00', 'JS', action, 'JS', '{"name":"J. Smith"}');
  return Number(lastInsertRowid);
}

describe('migration 002: append-only audit log', () => {
  it('migrates a version 1 database that holds data, keeping the data', () => {
    const db = migratedToV2();
    expect(readSchemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT * FROM operators').all()).toEqual([
      {
        initials: 'JS',
        name: 'J. Smith',
        first_seen: '2026-11-24T07:55:00.000-05:00',
        last_seen: '2026-11-25T07:58:12.345-05:00',
      },
    ]);
    expect(db.prepare('SELECT key, value FROM settings').all()).toEqual([{ key: 'drive.slots', value: '7' }]);
  });

  it('creates audit_log with an autoincrement id and its triggers', () => {
    const db = migratedToV2();
    const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'audit_log'").pluck().get();
    expect(sql).toMatch(/id\s+INTEGER PRIMARY KEY AUTOINCREMENT/);
    const triggers = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit_log' ORDER BY name").pluck().all();
    expect(triggers).toEqual(['audit_log_no_delete', 'audit_log_no_replace', 'audit_log_no_update']);
  });

  it('accepts appends and numbers them in order', () => {
    const db = migratedToV2();
    const first = appendOne(db);
    const second = appendOne(db, 'settings.change');
    expect(second).toBeGreaterThan(first);
  });

  it('refuses UPDATE with "audit log is append-only"', () => {
    const db = migratedToV2();
    const id = appendOne(db);
    expect(() => db.prepare("UPDATE audit_log SET who = 'system' WHERE id = ?").run(id)).toThrow('audit log is append-only');
    expect(db.prepare('SELECT who FROM audit_log WHERE id = ?').pluck().get(id)).toBe('JS');
  });

  it('refuses DELETE, with or without WHERE, with "audit log is append-only"', () => {
    const db = migratedToV2();
    const id = appendOne(db);
    appendOne(db);
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = ?').run(id)).toThrow('audit log is append-only');
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow('audit log is append-only');
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(2);
  });

  it('refuses INSERT OR REPLACE onto an existing record with "audit log is append-only"', () => {
    const db = migratedToV2();
    const id = appendOne(db);
    const replace = db.prepare("INSERT OR REPLACE INTO audit_log (id, at, who, action) VALUES (?, 't', 'system', 'x.y')");
    expect(() => replace.run(id)).toThrow('audit log is append-only');
    expect(db.prepare('SELECT who FROM audit_log WHERE id = ?').pluck().get(id)).toBe('JS');
  });

  it('refuses an upsert onto an existing record with "audit log is append-only"', () => {
    const db = migratedToV2();
    const id = appendOne(db);
    const upsert = db.prepare("INSERT INTO audit_log (id, at, who, action) VALUES (?, 't', 'system', 'x.y') ON CONFLICT (id) DO UPDATE SET who = 'system'");
    expect(() => upsert.run(id)).toThrow('audit log is append-only');
  });

  it.each([
    ['who', "INSERT INTO audit_log (at, who, action) VALUES ('t', 'js', 'operator.sign-in')"],
    ['action', "INSERT INTO audit_log (at, who, action) VALUES ('t', 'JS', 'signin')"],
    ['details', "INSERT INTO audit_log (at, who, action, details) VALUES ('t', 'JS', 'a.b', '{oops')"],
  ])('CHECK refuses a bad %s', (_column, sql) => {
    const db = migratedToV2();
    expect(() => db.prepare(sql).run()).toThrow(/CHECK constraint failed/);
  });
});
