import type { Migration } from './migration';

export const migration: Migration = {
  version: 4,
  description: 'procedure runs: the saved state of each guided procedure',
  up(db) {
    // One row per run, rewritten at every transition of its machine. The snapshot is the xstate
    // persisted snapshot as JSON, with the machine version that wrote it, so that a console that
    // cannot read an older snapshot says so instead of guessing. Step records go to the audit log,
    // written in the same transaction as the snapshot: a crash keeps both or neither.
    db.exec(`
      CREATE TABLE procedure_runs (
        id              TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
        procedure_id    TEXT NOT NULL CHECK (length(procedure_id) > 0),
        run_date        TEXT NOT NULL CHECK (run_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        machine_version INTEGER NOT NULL CHECK (machine_version >= 1),
        status          TEXT NOT NULL CHECK (status IN ('active', 'done', 'abandoned', 'refused')),
        snapshot        TEXT NOT NULL CHECK (json_valid(snapshot)),
        started_by      TEXT NOT NULL,
        started_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX procedure_runs_status ON procedure_runs (status, updated_at);
    `);
  },
};
