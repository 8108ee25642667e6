import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, readSchemaVersion } from '../../../../src-main/store/migrate';
import { useTempDir } from '../temp-dir';

const tmp = useTempDir();

function freshV1(): Database.Database {
  const db = tmp.closeLater(new Database(tmp.path('v1.db')));
  expect(migrate(db, { to: 1 })).toEqual([1]);
  return db;
}

function columns(db: Database.Database, table: string): { name: string; type: string; notnull: number; pk: number }[] {
  return db.prepare(`SELECT name, type, "notnull", pk FROM pragma_table_info(?)`).all(table) as {
    name: string;
    type: string;
    notnull: number;
    pk: number;
  }[];
}

describe('migration 001: operators and settings', () => {
  it('takes a fresh database to version 1 and no further', () => {
    const db = freshV1();
    expect(readSchemaVersion(db)).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
    expect(tables).toEqual(['operators', 'settings']);
  });

  it('creates operators keyed by initials with first and last seen', () => {
    const db = freshV1();
    expect(columns(db, 'operators')).toEqual([
      { name: 'initials', type: 'TEXT', notnull: 1, pk: 1 },
      { name: 'name', type: 'TEXT', notnull: 0, pk: 0 },
      { name: 'first_seen', type: 'TEXT', notnull: 1, pk: 0 },
      { name: 'last_seen', type: 'TEXT', notnull: 1, pk: 0 },
    ]);
  });

  it('creates settings keyed by key with a JSON value', () => {
    const db = freshV1();
    expect(columns(db, 'settings')).toEqual([
      { name: 'key', type: 'TEXT', notnull: 1, pk: 1 },
      { name: 'value', type: 'TEXT', notnull: 1, pk: 0 },
      { name: 'updated_at', type: 'TEXT', notnull: 1, pk: 0 },
    ]);
  });

  it('accepts initials of 2 to 4 capital letters', () => {
    const db = freshV1();
    const insert = db.prepare("INSERT INTO operators VALUES (?, NULL, 't', 't')");
    for (const ok of ['AB', 'ABC', 'ABCD']) insert.run(ok);
    expect(db.prepare('SELECT count(*) FROM operators').pluck().get()).toBe(3);
  });

  it.each(['x1', 'A', 'ABCDE', 'ab', 'A1', 'A B', '', 'ÉT'])('CHECK refuses initials %j', (bad) => {
    const db = freshV1();
    expect(() => db.prepare("INSERT INTO operators VALUES (?, NULL, 't', 't')").run(bad)).toThrow(/CHECK constraint failed/);
  });

  it('refuses a setting value that is not JSON and a duplicate key', () => {
    const db = freshV1();
    const insert = db.prepare("INSERT INTO settings VALUES (?, ?, 't')");
    insert.run('drive.slots', '7');
    expect(() => insert.run('label.printer', 'not json')).toThrow(/CHECK constraint failed/);
    expect(() => insert.run('drive.slots', '8')).toThrow(/UNIQUE constraint failed/);
  });

  it('is a STRICT table: a number is not accepted as a time', () => {
    const db = freshV1();
    expect(() => db.prepare("INSERT INTO settings VALUES ('k', '1', ?)").run(Buffer.from('x'))).toThrow(/cannot store BLOB value/);
  });
});
