import type { Migration } from './migration';

export const migration: Migration = {
  version: 6,
  description: 'log places: how far the console has read each batch log version',
  up(db) {
    // One row per version of a log: a new version is a new file, read from its start. The place
    // is the byte offset after the last whole line read and that line's number, saved with each
    // read, so that a restart goes on from there without losing a line or counting one twice.
    db.exec(`
      CREATE TABLE log_places (
        host       TEXT NOT NULL,
        path       TEXT NOT NULL,
        log        TEXT NOT NULL,
        offset     INTEGER NOT NULL CHECK (offset >= 0),
        line       INTEGER NOT NULL CHECK (line >= 0),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (host, path)
      ) STRICT;

      CREATE INDEX log_places_by_log ON log_places (host, log, updated_at);
    `);
  },
};
