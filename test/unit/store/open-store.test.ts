import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../src-main/store/migrations';
import { openStore } from '../../../src-main/store/open-store';
import { StoreError } from '../../../src-main/store/store-error';
import { useTempDir } from './temp-dir';

const tmp = useTempDir();

function caught(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error('expected a StoreError, nothing was thrown');
}

describe('openStore', () => {
  it('runs with WAL, synchronous FULL, foreign keys and a busy timeout, as read back', () => {
    const store = tmp.closeLater(openStore(tmp.path('console.db')));
    expect(store.pragmas()).toEqual({ journalMode: 'wal', synchronous: 2, foreignKeys: true, busyTimeoutMs: 5000 });
  });

  it('leaves the file in WAL mode for any later connection', () => {
    const file = tmp.path('console.db');
    openStore(file).close();
    const raw = tmp.closeLater(new Database(file, { readonly: true }));
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('migrates a new file to the latest version and creates its folder', () => {
    const store = tmp.closeLater(openStore(tmp.path('user-data/state/console.db')));
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(store.appliedMigrations).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it('runs no migration twice when the file is opened again', () => {
    const file = tmp.path('console.db');
    openStore(file).close();
    const again = tmp.closeLater(openStore(file));
    expect(again.appliedMigrations).toEqual([]);
    expect(again.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
  });

  it('lets two connections share one file, migrated once', () => {
    const file = tmp.path('console.db');
    const first = tmp.closeLater(openStore(file));
    const second = tmp.closeLater(openStore(file));
    expect([first.appliedMigrations.length, second.appliedMigrations]).toEqual([LATEST_SCHEMA_VERSION, []]);
    first.operators.signIn('JS');
    expect(second.operators.list().map((o) => o.initials)).toEqual(['JS']);
  });

  it('refuses a database from a newer console, and leaves it untouched', () => {
    const file = tmp.path('newer.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE future_things (x)');
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const before = readFileSync(file);

    const error = caught(() => openStore(file));
    expect(error.code).toBe('schema-too-new');
    expect(error.message).toBe(`database schema version ${LATEST_SCHEMA_VERSION + 1} is newer than this console (${LATEST_SCHEMA_VERSION}); upgrade TapeOps Console`);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not SQLite, naming the file', () => {
    const file = tmp.path('notes.txt');
    writeFileSync(file, 'BLT4 tape rotation notes: DAILY 3 goes to Iron Mountain on Friday.\n'.repeat(40));
    const error = caught(() => openStore(file));
    expect(error.code).toBe('not-a-database');
    expect(error.file).toBe(file);
    expect(error.message).toBe(`${file} is not a TapeOps Console database (not an SQLite file)`);
  });

  it("refuses another program's SQLite database without changing it", () => {
    const file = tmp.path('other.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE contacts (name TEXT)');
    raw.close();
    const error = caught(() => openStore(file));
    expect(error.code).toBe('not-a-database');
    expect(error.message).toContain(file);
    const check = tmp.closeLater(new Database(file, { readonly: true }));
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(check.pragma('user_version', { simple: true })).toBe(0);
  });

  it('refuses a database marked with another application id', () => {
    const file = tmp.path('marked.db');
    const raw = new Database(file);
    raw.pragma('application_id = 1234');
    raw.close();
    expect(caught(() => openStore(file)).code).toBe('not-a-database');
  });

  it('says which file it could not open', () => {
    const dir = tmp.path('a-folder');
    openStore(`${dir}/inside.db`).close();
    const error = caught(() => openStore(dir));
    expect(error.code).toBe('cannot-open');
    expect(error.message).toContain(dir);
  });

  it('accepts an empty file as a new database', () => {
    const file = tmp.path('empty.db');
    writeFileSync(file, '');
    const store = tmp.closeLater(openStore(file));
    expect(store.appliedMigrations.length).toBe(LATEST_SCHEMA_VERSION);
  });

  it('commits several repository calls as one transaction, or none of them', () => {
    const store = tmp.closeLater(openStore(tmp.path('console.db')));
    expect(() =>
      store.transaction(() => {
        store.settings.set('drive.slots', 7, 'system');
        store.operators.signIn('JS');
        throw new Error('power cut');
      }),
    ).toThrow('power cut');
    expect([store.settings.all(), store.operators.list(), store.audit.count()]).toEqual([[], [], 0]);
  });

  it('can be closed twice', () => {
    const store = openStore(tmp.path('console.db'));
    store.close();
    expect(() => store.close()).not.toThrow();
  });
});
