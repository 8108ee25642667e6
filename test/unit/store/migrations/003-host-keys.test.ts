import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, readSchemaVersion } from '../../../../src-main/store/migrate';
import { useTempDir } from '../temp-dir';

const tmp = useTempDir();
const FINGERPRINT = 'SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU';

/** A version 2 database as an operator would have left it, migrated to 3. */
function migratedToV3(): Database.Database {
  const file = tmp.path('v2.db');
  const before = new Database(file);
  migrate(before, { to: 2 });
  before.prepare("INSERT INTO settings VALUES ('drive.slots', '7', 't')").run();
  before.prepare("INSERT INTO audit_log (at, who, action) VALUES ('t', 'JS', 'operator.sign-in')").run();
  before.close();
  const db = tmp.closeLater(new Database(file));
  expect(migrate(db, { to: 3 })).toEqual([3]);
  return db;
}

const insertKey = (db: Database.Database, values: Partial<Record<string, string | number>> = {}) =>
  db
    .prepare(
      `INSERT INTO host_keys (host, address, port, algorithm, fingerprint_sha256, approved_by, approved_at)
       VALUES (@host, @address, @port, @algorithm, @fingerprint, @by, @at)`,
    )
    .run({ host: 'BLT4', address: '10.1.1.4', port: 22, algorithm: 'ssh-rsa', fingerprint: FINGERPRINT, by: 'JS', at: 't', ...values });

describe('migration 003: pinned host keys and sealed host credentials', () => {
  it('migrates a version 2 database, keeping its data', () => {
    const db = migratedToV3();
    expect(readSchemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1);
  });

  it('creates host_keys with one pinned key per host', () => {
    const db = migratedToV3();
    expect(db.prepare('SELECT name, type, "notnull", pk FROM pragma_table_info(?)').all('host_keys')).toEqual([
      { name: 'host', type: 'TEXT', notnull: 1, pk: 1 },
      { name: 'address', type: 'TEXT', notnull: 1, pk: 0 },
      { name: 'port', type: 'INTEGER', notnull: 1, pk: 0 },
      { name: 'algorithm', type: 'TEXT', notnull: 1, pk: 0 },
      { name: 'fingerprint_sha256', type: 'TEXT', notnull: 1, pk: 0 },
      { name: 'approved_by', type: 'TEXT', notnull: 1, pk: 0 },
      { name: 'approved_at', type: 'TEXT', notnull: 1, pk: 0 },
    ]);
    insertKey(db);
    expect(() => insertKey(db)).toThrow(/UNIQUE constraint failed/);
  });

  it.each([
    ['a lower-case host', { host: 'blt4' }],
    ['a port out of range', { port: 70000 }],
    ['a hex MD5 fingerprint', { fingerprint: 'a1:b2:c3' }],
    ['a fingerprint with a bad character', { fingerprint: `${FINGERPRINT.slice(0, -1)}!` }],
    ['approval by the console itself', { by: 'system' }],
    ['an algorithm in capitals', { algorithm: 'SSH-RSA' }],
  ])('CHECK refuses %s', (_what, values) => {
    const db = migratedToV3();
    expect(() => insertKey(db, values)).toThrow(/CHECK constraint failed/);
  });

  it('creates host_credentials holding only base64', () => {
    const db = migratedToV3();
    const insert = db.prepare("INSERT INTO host_credentials VALUES (?, ?, 't')");
    insert.run('BLT4', 'dGFwZQ==');
    expect(() => insert.run('BLT1', 'password in clear')).toThrow(/CHECK constraint failed/);
  });
});
