import type Database from 'better-sqlite3';
import type { CommitQueue } from '../commit-queue';
import { checkActor } from '../operator-initials';
import { StoreError } from '../store-error';
import { formatTimestamp } from '../timestamp';
import { createAuditAnnouncer } from './audit-announcer';
import { prepareAuditCsvPages, type AuditCsvPage } from './audit-csv-rows';
import { AUDIT_QUERIES } from './audit-queries';
import { fromJsonText, toJsonText } from './json-text';

export interface AuditRecord {
  readonly id: number;
  /** ISO 8601 with milliseconds and offset. */
  readonly at: string;
  /** Operator initials, or 'system'. */
  readonly who: string;
  /** Dotted name such as `operator.sign-in`. */
  readonly action: string;
  readonly subject: string | null;
  /** Parsed JSON; null when the entry had none. */
  readonly details: unknown;
}

export interface NewAuditEntry {
  who: string;
  action: string;
  subject?: string | null;
  details?: unknown;
}

export interface AuditQuery {
  /** At most this many records; default 100. */
  limit?: number;
  /** Only records newer than this id: what a live view asks for after the last one it has. */
  afterId?: number;
  /** Only records older than this id: the next page of a newest-first list. */
  beforeId?: number;
  /** Only this exact action. */
  action?: string;
}

/** One page of the CSV export, oldest first. */
export interface AuditExportQuery {
  /** Records after this id; default: from the first. */
  afterId?: number;
  /** Up to and including this id, so that an export ends where it began. */
  throughId?: number;
  /** At most this many records; default 1000. */
  limit?: number;
}

/** Which of some codes a record already names, such as the labels printed before. */
export interface RecordedCodesQuery {
  /** Asked about; each is compared as text. */
  codes: readonly string[];
  /** Only records of these actions. */
  actions: readonly string[];
  /** Only records whose details.date is this text; when undefined, only records without a date. */
  date?: string | undefined;
}

export interface AuditRepository {
  append(entry: NewAuditEntry): AuditRecord;
  /** Newest first. */
  list(query?: AuditQuery): AuditRecord[];
  count(): number;
  /** The newest record's id; 0 for an empty log. */
  lastId(): number;
  /**
   * Records oldest first as CSV lines (id, at, who, action, subject, details as JSON), with
   * formulas defused: the pages of the export (see `reports/audit-csv.ts`).
   */
  csvPage(query?: AuditExportQuery): AuditCsvPage;
  /**
   * The codes among `query.codes` that appear in the `codes` array of the details of a record of
   * one of `query.actions` with that date: one index seek per code, whatever the log's size.
   */
  recordedCodes(query: RecordedCodesQuery): Set<string>;
  /**
   * Calls `listener` with every record once its transaction has committed, in id order: appends
   * of its own, those made inside another repository's transaction, and those other processes
   * committed (seen at the next commit here or at `catchUp`). Never a record that was rolled back.
   * A listener that throws is reported and the others still hear. Returns the unsubscribe.
   */
  onAppended(listener: (record: AuditRecord) => void): () => void;
  /**
   * Announces what another process (the CLI) committed since this one last looked: one PRAGMA
   * read when nothing did.
   */
  catchUp(): void;
}

/**
 * What other repositories get: they append inside their own transaction with the time they
 * already stamped on their row, so the row and its audit record agree to the millisecond.
 */
export interface AuditWriter extends AuditRepository {
  appendAt(entry: NewAuditEntry, at: string): AuditRecord;
  /** A write transaction (see CommitQueue): its records are announced once it commits. */
  transaction: CommitQueue['transaction'];
}

export const DEFAULT_AUDIT_LIST_LIMIT = 100;
export const DEFAULT_AUDIT_EXPORT_PAGE = 1000;

const ACTION_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

// Bounds that stand for "no filter", so that one statement always has a range on the key
// instead of an `(@x IS NULL OR id > @x)` that SQLite can only check row by row.
const LOWEST_ID = Number.MIN_SAFE_INTEGER;
const HIGHEST_ID = Number.MAX_SAFE_INTEGER;

interface AuditRow {
  id: number;
  at: string;
  who: string;
  action: string;
  subject: string | null;
  details: string | null;
}

interface Range {
  afterId: number;
  beforeId: number;
  limit: number;
}

export function createAuditRepository(db: Database.Database, commits: CommitQueue, now: () => Date, reportListenerError: (error: unknown) => void): AuditWriter {
  const insert = db.prepare<[string, string, string, string | null, string | null]>('INSERT INTO audit_log (at, who, action, subject, details) VALUES (?, ?, ?, ?, ?)');
  const selectRange = db.prepare<Range, AuditRow>(AUDIT_QUERIES.newestFirst);
  const selectActionRange = db.prepare<Range & { action: string }, AuditRow>(AUDIT_QUERIES.newestFirstOfAction);
  const selectForward = db.prepare<{ afterId: number; throughId: number; limit: number }, AuditRow>(AUDIT_QUERIES.oldestFirst);
  const selectCsvPage = prepareAuditCsvPages(db);
  const selectLastId = db.prepare<[], number | null>(AUDIT_QUERIES.lastId).pluck();
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM audit_log');
  const selectCode = db.prepare<{ code: string; date: string | null; actions: string }, number>(AUDIT_QUERIES.codeRecorded).pluck();

  const lastId = (): number => selectLastId.get() ?? 0;
  const announcer = createAuditAnnouncer(db, {
    lastId,
    readAfter: (afterId, limit) => selectForward.all({ afterId, throughId: HIGHEST_ID, limit }).map(toRecord),
    reportListenerError,
  });

  function appendAt(entry: NewAuditEntry, at: string): AuditRecord {
    const who = checkActor(entry.who);
    if (!ACTION_PATTERN.test(entry.action)) {
      throw new StoreError('invalid-action', `an audit action is a dotted lower-case name such as "operator.sign-in" (got ${JSON.stringify(entry.action)})`);
    }
    const subject = entry.subject ?? null;
    const details = entry.details === undefined || entry.details === null ? null : toJsonText(entry.details);
    if (details === undefined) {
      throw new StoreError('invalid-details', `audit details for ${entry.action} cannot be written as JSON`);
    }
    const { lastInsertRowid } = insert.run(at, who, entry.action, subject, details);
    const record: AuditRecord = {
      id: Number(lastInsertRowid),
      at,
      who,
      action: entry.action,
      subject,
      details: fromJsonText(details),
    };
    commits.afterCommit(() => announcer.committed(record));
    return record;
  }

  return {
    append: (entry) => appendAt(entry, formatTimestamp(now())),
    appendAt,
    transaction: commits.transaction,

    list(query = {}) {
      const limit = query.limit ?? DEFAULT_AUDIT_LIST_LIMIT;
      checkCount('limit', limit, 1);
      if (query.afterId !== undefined) checkCount('afterId', query.afterId, 0);
      if (query.beforeId !== undefined) checkCount('beforeId', query.beforeId, 0);
      const range = { afterId: query.afterId ?? LOWEST_ID, beforeId: query.beforeId ?? HIGHEST_ID, limit };
      const rows = query.action === undefined ? selectRange.all(range) : selectActionRange.all({ ...range, action: query.action });
      return rows.map(toRecord);
    },

    count() {
      return countAll.get()?.n ?? 0;
    },

    lastId,

    csvPage(query = {}) {
      const limit = query.limit ?? DEFAULT_AUDIT_EXPORT_PAGE;
      checkCount('limit', limit, 1);
      if (query.afterId !== undefined) checkCount('afterId', query.afterId, 0);
      if (query.throughId !== undefined) checkCount('throughId', query.throughId, 0);
      return selectCsvPage({ afterId: query.afterId ?? LOWEST_ID, throughId: query.throughId ?? HIGHEST_ID, limit });
    },

    recordedCodes(query) {
      const actions = JSON.stringify(query.actions);
      const date = query.date ?? null;
      const found = new Set<string>();
      for (const code of new Set(query.codes)) if (selectCode.get({ code, date, actions }) !== undefined) found.add(code);
      return found;
    },

    onAppended: announcer.subscribe,
    catchUp: announcer.catchUp,
  };
}

function toRecord(row: AuditRow): AuditRecord {
  return { ...row, details: fromJsonText(row.details) };
}

function checkCount(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new StoreError('invalid-query', `audit ${name} must be a whole number of at least ${min} (got ${value})`);
  }
}
