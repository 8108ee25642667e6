import type { Migration } from './migration';

export const migration: Migration = {
  version: 5,
  description: 'audit log: an index of the codes its records name',
  up(db) {
    // "Was this label printed before?" asks whether any record of a print names the code. The
    // codes sit in a JSON array inside details, which no index can reach, so each code gets a
    // row here, written by a trigger so that no path into audit_log can skip it: one index seek
    // per code instead of reading the log. The date is the record's details.date when it is text
    // (a set label's code repeats every day; only the same date counts). Append-only like the log.
    db.exec(`
      CREATE TABLE audit_log_codes (
        code     TEXT NOT NULL,
        date     TEXT,
        action   TEXT NOT NULL,
        audit_id INTEGER NOT NULL REFERENCES audit_log (id)
      ) STRICT;

      CREATE INDEX audit_log_codes_by_code ON audit_log_codes (code, date, action);

      INSERT INTO audit_log_codes (code, date, action, audit_id)
        SELECT CAST(c.value AS TEXT),
               CASE json_type(a.details, '$.date') WHEN 'text' THEN json_extract(a.details, '$.date') END,
               a.action, a.id
          FROM audit_log AS a, json_each(a.details, '$.codes') AS c
         WHERE json_type(a.details, '$.codes') = 'array' AND c.type IN ('text', 'integer', 'real')
         ORDER BY a.id, c.key;

      CREATE TRIGGER audit_log_codes_fill AFTER INSERT ON audit_log
      WHEN json_type(NEW.details, '$.codes') = 'array'
      BEGIN
        INSERT INTO audit_log_codes (code, date, action, audit_id)
          SELECT CAST(value AS TEXT),
                 CASE json_type(NEW.details, '$.date') WHEN 'text' THEN json_extract(NEW.details, '$.date') END,
                 NEW.action, NEW.id
            FROM json_each(NEW.details, '$.codes')
           WHERE type IN ('text', 'integer', 'real');
      END;

      CREATE TRIGGER audit_log_codes_no_update BEFORE UPDATE ON audit_log_codes
      BEGIN
        SELECT RAISE(ABORT, 'audit log is append-only');
      END;

      CREATE TRIGGER audit_log_codes_no_delete BEFORE DELETE ON audit_log_codes
      BEGIN
        SELECT RAISE(ABORT, 'audit log is append-only');
      END;
    `);
  },
};
