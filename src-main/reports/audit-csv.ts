/**
 * The audit log as CSV, for the supervisor's spreadsheet: every record, oldest first, with its
 * details as JSON. A field that a spreadsheet would run as a formula (=, +, -, @, tab, CR at its
 * start) gets a leading apostrophe, so that opening the file never runs anything an operator
 * typed into a skip reason or a label field.
 */
import { stringify } from 'csv-stringify/sync';
import type { AuditRecord, Store } from '../store';

const FORMULA_START = /^[=+\-@\t\r]/;

function safe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function auditCsv(store: Store): string {
  const records: AuditRecord[] = [];
  // the repository pages newest first; the file reads oldest first
  for (let page = store.audit.list({ limit: 500 }); page.length > 0; ) {
    records.push(...page);
    const oldest = page[page.length - 1] as AuditRecord;
    page = page.length < 500 ? [] : store.audit.list({ beforeId: oldest.id, limit: 500 });
  }
  records.reverse();
  return stringify(
    records.map((r) => [String(r.id), r.at, r.who, r.action, safe(r.subject ?? ''), safe(r.details === null ? '' : JSON.stringify(r.details))]),
    { header: true, columns: ['id', 'at', 'who', 'action', 'subject', 'details'], record_delimiter: 'windows' },
  );
}
