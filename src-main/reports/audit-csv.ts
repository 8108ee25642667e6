/**
 * The audit log as CSV, for the supervisor's spreadsheet: every record, oldest first, with its
 * details as JSON. A field that a spreadsheet would run as a formula (=, +, -, @, tab, CR at its
 * start) gets a leading apostrophe, so that opening the file never runs anything an operator
 * typed into a skip reason or a label field.
 *
 * The log can hold millions of records, so it is read in pages along its key and written as it
 * is read, waiting whenever the destination is full: memory stays flat whatever the log's size.
 * The store writes each page's lines (`store.audit.csvPage`, where the quoting rules live);
 * this file adds the header and the streaming.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Store } from '../store';

const HEADER = 'id,at,who,action,subject,details\r\n';
const PAGE_SIZE = 1000;

/**
 * The file in chunks: the header, then one buffer per page. It ends at the record that was
 * newest when it began, so an export taken while the console works has a definite last line.
 */
function* chunks(store: Store, counted: (rows: number) => void): Generator<Buffer> {
  yield Buffer.from(HEADER);
  const throughId = store.audit.lastId();
  for (let afterId = 0; afterId < throughId;) {
    const page = store.audit.csvPage({ afterId, throughId, limit: PAGE_SIZE });
    if (page.rows === 0) return;
    afterId = page.lastId;
    counted(page.rows);
    yield page.csv;
  }
}

/**
 * Writes the whole log to `out` as CSV and ends it; resolves once `out` has taken the last
 * chunk, with the number of records written. Rejects, and stops reading, if `out` fails or is
 * closed early.
 */
export async function writeAuditCsv(store: Store, out: NodeJS.WritableStream): Promise<{ rows: number }> {
  let rows = 0;
  await pipeline(
    Readable.from(
      chunks(store, (n) => (rows += n)),
      { objectMode: false },
    ),
    out,
  );
  return { rows };
}

/** The same file as one string: for a log small enough to hold in memory, such as in tests. */
export function auditCsv(store: Store): string {
  return Buffer.concat([...chunks(store, () => {})]).toString('utf8');
}
