/**
 * SHOW ENTRY and SHOW ENTRY/FULL: the entry table without a queue header, each entry saying which
 * queue it is on:
 *
 *       Entry  Jobname         Username     Status
 *       -----  -------         --------     ------
 *         412  NIGHTLY_SAVE    NIGHT_BATCH  Executing
 *              On batch queue TAPE_QUEUE
 *
 * `%JBC-E-NOSUCHENT, no such entry` alone is the host saying no. Empty output is read as
 * unreadable, not as "no entries": after a dropped connection the console must not take silence
 * for proof that a job was never queued (DESIGN rule 5).
 */
import type { VmsMessage } from '../messages';
import { isEntryTableHeader, readEntryTable, type QueueEntry } from './entry-table';
import { MessageRuns } from './message-runs';
import { runParser, type ParseContext, type ParseResult } from './parse-result';

export interface EntryListing {
  entries: QueueEntry[];
  messages: VmsMessage[];
}

function readEntries(context: ParseContext): EntryListing {
  const entries: QueueEntry[] = [];
  const runs = new MessageRuns(context);
  let tables = 0;
  let index = 0;
  while ((index = runs.nextContent(index)) < context.count) {
    if (!isEntryTableHeader(context.line(index))) context.fail(index, 'the column names "  Entry  Jobname         Username     Status"');
    const table = readEntryTable(context, index, null);
    entries.push(...table.entries);
    tables += 1;
    index = table.next;
  }
  if (tables === 0) context.fail(0, 'the entry table of SHOW ENTRY ("  Entry  Jobname  Username  Status"), or a message');
  return { entries, messages: runs.messages() };
}

export function parseShowEntry(output: string): ParseResult<EntryListing> {
  return runParser(output, {}, readEntries);
}
