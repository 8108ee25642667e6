import type Database from 'better-sqlite3';

/**
 * One schema version. `up` runs inside the transaction that also sets `PRAGMA user_version`,
 * so a migration is applied whole or not at all. Never edit a migration that has shipped:
 * add the next file instead.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  up(db: Database.Database): void;
}
