import type { Migration } from './migration';

export const migration: Migration = {
  version: 7,
  description: "job chains: each day's chain followed on the host, and the lines of the logs it read",
  up(db) {
    // A chain run is saved as a procedure run is: its xstate snapshot rewritten at every change,
    // with its audit records in the same transaction. The lines of the logs it reads are kept
    // beside it, written in that transaction too, so that the snapshot's place in a log and the
    // lines before it always agree: a restart neither loses a line nor holds one twice.
    db.exec(`
      CREATE TABLE chain_runs (
        id              TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
        chain           TEXT NOT NULL CHECK (length(chain) > 0),
        run_date        TEXT NOT NULL CHECK (run_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        machine_version INTEGER NOT NULL CHECK (machine_version >= 1),
        status          TEXT NOT NULL CHECK (status IN ('active', 'done', 'abandoned', 'refused')),
        snapshot        TEXT NOT NULL CHECK (json_valid(snapshot)),
        started_by      TEXT NOT NULL,
        started_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX chain_runs_status ON chain_runs (status, updated_at);
      CREATE UNIQUE INDEX chain_runs_by_date ON chain_runs (chain, run_date);

      CREATE TABLE log_lines (
        host   TEXT NOT NULL,
        path   TEXT NOT NULL,
        number INTEGER NOT NULL CHECK (number >= 1),
        text   TEXT NOT NULL,
        PRIMARY KEY (host, path, number)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
