/**
 * The questions asked of the audit log, as SQL. Kept apart so that a test can ask SQLite how it
 * answers each one (EXPLAIN QUERY PLAN) and see that none reads the whole log: every filter is a
 * range on the key or an index, with bounds standing in for "no filter" rather than the
 * `(@x IS NULL OR id > @x)` form, which SQLite can only check row by row.
 */
const COLUMNS = 'SELECT id, at, who, action, subject, details FROM audit_log';

export const AUDIT_QUERIES = {
  /** Newest first between two ids (both exclusive). */
  newestFirst: `${COLUMNS} WHERE id > @afterId AND id < @beforeId ORDER BY id DESC LIMIT @limit`,
  /** The same for one action, along the audit_log_by_action index. */
  newestFirstOfAction: `${COLUMNS} WHERE action = @action AND id > @afterId AND id < @beforeId ORDER BY id DESC LIMIT @limit`,
  /** Oldest first after an id, up to and including another. */
  oldestFirst: `${COLUMNS} WHERE id > @afterId AND id <= @throughId ORDER BY id LIMIT @limit`,
  /** Whether a record of one of the actions (a JSON array) names the code with that date. */
  codeRecorded: `SELECT 1 FROM audit_log_codes
                  WHERE code = @code AND date IS @date AND action IN (SELECT value FROM json_each(@actions)) LIMIT 1`,
  lastId: 'SELECT max(id) FROM audit_log',
} as const;
