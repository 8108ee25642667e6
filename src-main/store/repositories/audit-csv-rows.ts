import type Database from 'better-sqlite3';

/** One page of the audit log as CSV lines, oldest first. */
export interface AuditCsvPage {
  /** Records in the page; 0 once past the end. */
  readonly rows: number;
  /** The id of the page's last record, where the next page starts; 0 for an empty page. */
  readonly lastId: number;
  /** The lines, UTF-8, each ended by CRLF. */
  readonly csv: Buffer;
}

export interface AuditCsvPageQuery {
  afterId: number;
  throughId: number;
  limit: number;
}

// The fields as csv-stringify writes them (record_delimiter 'windows'): quoted when they hold a
// quote, a comma or a line break, quotes doubled. Subject and details are first defused: one
// that starts as a spreadsheet formula would (= + - @ tab CR) gets a leading apostrophe.
// `who` and `action` go out as they are, since the table's CHECKs keep them to letters, digits,
// dots and dashes. A unit test holds this to csv-stringify on arbitrary text.
const quoted = (x: string): string =>
  `CASE WHEN instr(${x}, '"') THEN '"' || replace(${x}, '"', '""') || '"'
        WHEN instr(${x}, ',') OR instr(${x}, char(10)) OR instr(${x}, char(13)) THEN '"' || ${x} || '"'
        ELSE ${x} END`;
const defused = (x: string): string => `CASE WHEN unicode(${x}) IN (61, 43, 45, 64, 9, 13) THEN '''' || ${x} ELSE ${x} END`;

const LINE = `id || ',' || ${quoted('at')} || ',' || who || ',' || action || ',' || ${quoted('subject')} || ',' || ${quoted('details')} || char(13, 10)`;

/**
 * Pages of the audit log already written as CSV lines by SQLite itself. Built in SQL because the
 * export of a million records is bound by the work per field, which SQLite's string functions
 * do in about two thirds of the CPU time JavaScript needs to receive the values and format them
 * (measured with test/bench/audit-log.ts); a page comes back as one buffer, never as a thousand
 * JavaScript strings.
 */
export const AUDIT_CSV_PAGE_SQL = `
  SELECT count(*) AS rows, max(id) AS lastId, CAST(group_concat(${LINE}, '' ORDER BY id) AS BLOB) AS csv
    FROM (SELECT id, at, who, action,
                 ${defused("coalesce(subject, '')")} AS subject, ${defused("coalesce(details, '')")} AS details
            FROM audit_log
           WHERE id > @afterId AND id <= @throughId
           ORDER BY id
           LIMIT @limit)`;

/** Reads one page; prepared once per connection. */
export function prepareAuditCsvPages(db: Database.Database): (query: AuditCsvPageQuery) => AuditCsvPage {
  const select = db.prepare<AuditCsvPageQuery, { rows: number; lastId: number | null; csv: Buffer | null }>(AUDIT_CSV_PAGE_SQL);
  return (query) => {
    const page = select.get(query);
    return { rows: page?.rows ?? 0, lastId: page?.lastId ?? 0, csv: page?.csv ?? Buffer.alloc(0) };
  };
}
