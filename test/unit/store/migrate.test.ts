import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, migrate, readSchemaVersion } from '../../../src-main/store/migrate';
import type { Migration } from '../../../src-main/store/migrations';
import { StoreError } from '../../../src-main/store/store-error';
import { useTempDir } from './temp-dir';

const tmp = useTempDir();

const createA: Migration = { version: 1, description: 'a', up: (db) => db.exec('CREATE TABLE a (x)') };
const createB: Migration = { version: 2, description: 'b', up: (db) => db.exec('CREATE TABLE b (x)') };
const halfThenFail: Migration = {
  version: 3,
  description: 'half done',
  up: (db) => {
    db.exec('CREATE TABLE c (x)');
    throw new Error('disk full');
  },
};

function rawDb(): Database.Database {
  return tmp.closeLater(new Database(tmp.path('raw.db')));
}

describe('migrate', () => {
  it('applies pending migrations one by one and records the version', () => {
    const db = rawDb();
    expect(migrate(db, { migrations: [createA], to: 1 })).toEqual([1]);
    expect(migrate(db, { migrations: [createA, createB] })).toEqual([2]);
    expect(migrate(db, { migrations: [createA, createB] })).toEqual([]);
    expect(readSchemaVersion(db)).toBe(2);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
  });

  it('rolls a failed migration back whole and keeps the earlier versions', () => {
    const db = rawDb();
    let error: unknown;
    try {
      migrate(db, { migrations: [createA, createB, halfThenFail], file: 'x.db' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('migration-failed');
    expect((error as StoreError).message).toMatch(/migration 3 \(half done\) failed.*disk full/);
    expect(readSchemaVersion(db)).toBe(2);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'c'").pluck().get()).toBe(0);
  });

  it('refuses a list with a gap', () => {
    expect(() => migrate(rawDb(), { migrations: [createA, { ...halfThenFail, version: 3 }] })).toThrow(/out of order/);
  });

  it('refuses a target it does not know', () => {
    expect(() => migrate(rawDb(), { migrations: [createA], to: 2 })).toThrow(RangeError);
  });

  it('refuses a database newer than its list', () => {
    const db = rawDb();
    db.pragma('user_version = 5');
    expect(() => migrate(db, { migrations: [createA, createB] })).toThrow('database schema version 5 is newer than this console (2); upgrade TapeOps Console');
  });
});
