import type { Migration } from './migration';

export const migration: Migration = {
  version: 3,
  description: 'pinned host keys and sealed host credentials',
  up(db) {
    // One pinned key per host, as in the site profile: a host that offers another key is
    // refused until an operator approves the new one, which replaces the row (the audit log keeps
    // the history). The CHECKs repeat the repository's validation against hand edits.
    //
    // Credentials get a table of their own rather than a setting: settings changes are audited
    // with their old and new values, and the audit log is append-only and sent to every open
    // console, so not even a sealed secret may go there.
    db.exec(`
      CREATE TABLE host_keys (
        host               TEXT NOT NULL PRIMARY KEY
                           CHECK (length(host) BETWEEN 1 AND 39 AND host NOT GLOB '*[^A-Z0-9$_]*'),
        address            TEXT NOT NULL CHECK (length(address) > 0),
        port               INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
        algorithm          TEXT NOT NULL
                           CHECK (length(algorithm) > 0 AND algorithm NOT GLOB '*[^a-z0-9@.-]*'),
        fingerprint_sha256 TEXT NOT NULL
                           CHECK (length(fingerprint_sha256) = 50 AND fingerprint_sha256 GLOB 'SHA256:*'
                                  AND substr(fingerprint_sha256, 8) NOT GLOB '*[^A-Za-z0-9+/]*'),
        approved_by        TEXT NOT NULL
                           CHECK (length(approved_by) BETWEEN 2 AND 4 AND approved_by NOT GLOB '*[^A-Z]*'),
        approved_at        TEXT NOT NULL
      ) STRICT;

      CREATE TABLE host_credentials (
        host       TEXT NOT NULL PRIMARY KEY
                   CHECK (length(host) BETWEEN 1 AND 39 AND host NOT GLOB '*[^A-Z0-9$_]*'),
        sealed     TEXT NOT NULL CHECK (length(sealed) > 0 AND sealed NOT GLOB '*[^A-Za-z0-9+/=]*'),
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
