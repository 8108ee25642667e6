import type { Migration } from './migration';

export const migration: Migration = {
  version: 2,
  description: 'append-only audit log',
  up(db) {
    // AUTOINCREMENT so an id is never reused: the log's order is its id order.
    // The triggers make append-only a property of the file, not just of this code; a BEFORE
    // DELETE trigger also turns off SQLite's truncate shortcut for an unqualified DELETE.
    // INSERT OR REPLACE deletes without firing DELETE triggers (recursive triggers are off), so
    // an insert onto an existing id is refused by its own trigger.
    db.exec(`
      CREATE TABLE audit_log (
        id      INTEGER PRIMARY KEY AUTOINCREMENT,
        at      TEXT NOT NULL,
        who     TEXT NOT NULL
                CHECK (who = 'system' OR (length(who) BETWEEN 2 AND 4 AND who NOT GLOB '*[^A-Z]*')),
        action  TEXT NOT NULL
                CHECK (action GLOB '[a-z]*.[a-z]*' AND action NOT GLOB '*[^a-z0-9.-]*'),
        subject TEXT,
        details TEXT CHECK (details IS NULL OR json_valid(details))
      ) STRICT;

      CREATE INDEX audit_log_by_action ON audit_log (action, id);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'audit log is append-only');
      END;

      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'audit log is append-only');
      END;

      CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
      WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
      BEGIN
        SELECT RAISE(ABORT, 'audit log is append-only');
      END;
    `);
  },
};
