import type Database from 'better-sqlite3';
import { checkActor } from '../operator-initials';
import { StoreError } from '../store-error';
import { formatTimestamp } from '../timestamp';
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

export interface AuditRepository {
  append(entry: NewAuditEntry): AuditRecord;
  /** Newest first. */
  list(query?: AuditQuery): AuditRecord[];
  count(): number;
}

/**
 * What other repositories get: they append inside their own transaction with the time they
 * already stamped on their row, so the row and its audit record agree to the millisecond.
 */
export interface AuditWriter extends AuditRepository {
  appendAt(entry: NewAuditEntry, at: string): AuditRecord;
}

export const DEFAULT_AUDIT_LIST_LIMIT = 100;

const ACTION_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

interface AuditRow {
  id: number;
  at: string;
  who: string;
  action: string;
  subject: string | null;
  details: string | null;
}

export function createAuditRepository(db: Database.Database, now: () => Date): AuditWriter {
  const insert = db.prepare<[string, string, string, string | null, string | null]>(
    'INSERT INTO audit_log (at, who, action, subject, details) VALUES (?, ?, ?, ?, ?)',
  );
  const select = db.prepare<
    { afterId: number | null; beforeId: number | null; action: string | null; limit: number },
    AuditRow
  >(
    `SELECT id, at, who, action, subject, details FROM audit_log
      WHERE (@afterId IS NULL OR id > @afterId)
        AND (@beforeId IS NULL OR id < @beforeId)
        AND (@action IS NULL OR action = @action)
      ORDER BY id DESC
      LIMIT @limit`,
  );
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM audit_log');

  function appendAt(entry: NewAuditEntry, at: string): AuditRecord {
    const who = checkActor(entry.who);
    if (!ACTION_PATTERN.test(entry.action)) {
      throw new StoreError(
        'invalid-action',
        `an audit action is a dotted lower-case name such as "operator.sign-in" (got ${JSON.stringify(entry.action)})`,
      );
    }
    const subject = entry.subject ?? null;
    const details = entry.details === undefined || entry.details === null ? null : toJsonText(entry.details);
    if (details === undefined) {
      throw new StoreError('invalid-details', `audit details for ${entry.action} cannot be written as JSON`);
    }
    const { lastInsertRowid } = insert.run(at, who, entry.action, subject, details);
    return {
      id: Number(lastInsertRowid),
      at,
      who,
      action: entry.action,
      subject,
      details: fromJsonText(details),
    };
  }

  return {
    append: (entry) => appendAt(entry, formatTimestamp(now())),
    appendAt,

    list(query = {}) {
      const limit = query.limit ?? DEFAULT_AUDIT_LIST_LIMIT;
      checkCount('limit', limit, 1);
      if (query.afterId !== undefined) checkCount('afterId', query.afterId, 0);
      if (query.beforeId !== undefined) checkCount('beforeId', query.beforeId, 0);
      return select
        .all({
          afterId: query.afterId ?? null,
          beforeId: query.beforeId ?? null,
          action: query.action ?? null,
          limit,
        })
        .map(toRecord);
    },

    count() {
      return countAll.get()?.n ?? 0;
    },
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
