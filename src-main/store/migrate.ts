import type Database from 'better-sqlite3';
import { migrations as knownMigrations, type Migration } from './migrations';
import { StoreError } from './store-error';

/** 'TAPE' in the SQLite header, so the console can tell its own files from other databases. */
export const APPLICATION_ID = 0x54415045;

export interface MigrateOptions {
  /** Stop at this version instead of the latest (tests migrate one step at a time). */
  to?: number;
  /** Defaults to the console's own list; tests may pass another. */
  migrations?: readonly Migration[];
  /** Named in error messages. */
  file?: string;
}

export function readSchemaVersion(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Brings the database up to `to` (default: the latest version) and returns the versions it
 * applied, in order; an up-to-date database gives `[]`.
 */
export function migrate(db: Database.Database, options: MigrateOptions = {}): number[] {
  const list = options.migrations ?? knownMigrations;
  checkSequence(list);
  const latest = list.length;
  const target = options.to ?? latest;
  if (!Number.isInteger(target) || target < 0 || target > latest) {
    throw new RangeError(`cannot migrate to schema version ${target}: known versions are 0 to ${latest}`);
  }

  const current = readSchemaVersion(db);
  if (current > latest) throw schemaTooNew(current, latest, options.file);

  const applied: number[] = [];
  for (const migration of list) {
    if (migration.version > target) break;
    if (migration.version <= current) continue;
    if (applyOne(db, migration, options.file)) applied.push(migration.version);
  }
  return applied;
}

export function schemaTooNew(found: number, known: number, file?: string): StoreError {
  return new StoreError(
    'schema-too-new',
    `database schema version ${found} is newer than this console (${known}); upgrade TapeOps Console`,
    file === undefined ? undefined : { file },
  );
}

function applyOne(db: Database.Database, migration: Migration, file: string | undefined): boolean {
  try {
    // IMMEDIATE takes the write lock before reading the version, so two consoles opening the
    // same file cannot both run a migration.
    return db
      .transaction(() => {
        if (readSchemaVersion(db) >= migration.version) return false;
        migration.up(db);
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma(`user_version = ${migration.version}`);
        return true;
      })
      .immediate();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreError(
      'migration-failed',
      `schema migration ${migration.version} (${migration.description}) failed and was rolled back: ${reason}`,
      file === undefined ? { cause: error } : { cause: error, file },
    );
  }
}

/** A gap or a duplicate would leave user_version meaning two schemas; refuse such a list. */
function checkSequence(list: readonly Migration[]): void {
  list.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration list is out of order: position ${index + 1} holds version ${migration.version}`);
    }
  });
}
