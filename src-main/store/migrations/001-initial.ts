import type { Migration } from './migration';

export const migration: Migration = {
  version: 1,
  description: 'operators and settings',
  up(db) {
    // The CHECK repeats the repository's validation so a hand edit cannot slip bad initials in.
    // GLOB is case-sensitive, so '*[^A-Z]*' rejects lower case as well as digits.
    db.exec(`
      CREATE TABLE operators (
        initials   TEXT NOT NULL PRIMARY KEY
                   CHECK (length(initials) BETWEEN 2 AND 4 AND initials NOT GLOB '*[^A-Z]*'),
        name       TEXT,
        first_seen TEXT NOT NULL,
        last_seen  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key        TEXT NOT NULL PRIMARY KEY CHECK (length(key) > 0),
        value      TEXT NOT NULL CHECK (json_valid(value)),
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
