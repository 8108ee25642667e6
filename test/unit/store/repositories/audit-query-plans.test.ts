import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../src-main/store/open-store';
import { AUDIT_CSV_PAGE_SQL } from '../../../../src-main/store/repositories/audit-csv-rows';
import { AUDIT_QUERIES } from '../../../../src-main/store/repositories/audit-queries';
import { useTempDir } from '../temp-dir';

const tmp = useTempDir();

/** The plan SQLite chooses for `sql`, one line per step, as `EXPLAIN QUERY PLAN` words it. */
function plan(db: Database.Database, sql: string, params: Record<string, unknown>): string[] {
  return db
    .prepare<Record<string, unknown>, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(params)
    .map((row) => row.detail);
}

const bounds = { afterId: 10, beforeId: 20, throughId: 20, limit: 20 };

describe('the audit log queries', () => {
  // A log with some of every kind, and ANALYZE, so the planner decides on real statistics.
  function analysedLog(): Database.Database {
    const file = tmp.path('console.db');
    const store = openStore(file);
    store.transaction(() => {
      for (let i = 0; i < 2000; i++) {
        if (i % 10 === 0)
          store.audit.append({ who: 'JS', action: 'labels.printed', subject: `DAILY${i % 7}`, details: { date: '2010-08-03', codes: [`DAILY${i % 7}`] } });
        else store.audit.append({ who: 'system', action: 'procedure.step', subject: `step ${i}`, details: { i } });
      }
    });
    store.close();
    const db = tmp.closeLater(new Database(file));
    db.exec('ANALYZE');
    return db;
  }

  it('read only the rows they return: every filter is a search on the key or an index, never a scan of the log', () => {
    const db = analysedLog();
    const plans = {
      newestFirst: plan(db, AUDIT_QUERIES.newestFirst, bounds),
      newestFirstOfAction: plan(db, AUDIT_QUERIES.newestFirstOfAction, { ...bounds, action: 'labels.printed' }),
      oldestFirst: plan(db, AUDIT_QUERIES.oldestFirst, bounds),
      codeRecorded: plan(db, AUDIT_QUERIES.codeRecorded, { code: 'DAILY1', date: '2010-08-03', actions: '["labels.printed"]' }),
      csvPage: plan(db, AUDIT_CSV_PAGE_SQL, bounds),
    };
    for (const [name, steps] of Object.entries(plans)) {
      expect({ name, scans: steps.filter((step) => /^SCAN (audit_log|audit_log_codes)\b/.test(step)) }).toEqual({ name, scans: [] });
    }
    expect(plans.newestFirst).toContainEqual(expect.stringMatching(/^SEARCH audit_log USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/));
    expect(plans.newestFirstOfAction).toContainEqual(expect.stringMatching(/^SEARCH audit_log USING INDEX audit_log_by_action \(action=\? AND id>\? AND id<\?\)/));
    expect(plans.oldestFirst).toContainEqual(expect.stringMatching(/^SEARCH audit_log USING INTEGER PRIMARY KEY/));
    expect(plans.codeRecorded).toContainEqual(
      expect.stringMatching(/^SEARCH audit_log_codes USING COVERING INDEX audit_log_codes_by_code \(code=\? AND date=\? AND action=\?\)/),
    );
    // newest-first and oldest-first follow the key, so no sorting step either
    expect([...plans.newestFirst, ...plans.newestFirstOfAction, ...plans.oldestFirst].filter((step) => step.includes('TEMP B-TREE'))).toEqual([]);
  });

  it('keep the last id and the newest records one seek away', () => {
    const db = analysedLog();
    expect(plan(db, AUDIT_QUERIES.lastId, {})).toEqual([expect.stringMatching(/^SEARCH audit_log/)]);
    expect(db.prepare(AUDIT_QUERIES.lastId).pluck().get()).toBe(2000);
  });
});
