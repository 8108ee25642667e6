/**
 * The table of queue entries that SHOW QUEUE and SHOW ENTRY print:
 *
 *     Entry  Jobname         Username     Blocks  Status
 *     -----  -------         --------     ------  ------
 *       412  NIGHTLY_SAVE    NIGHT_BATCH      12  Executing
 *            Submitted 25-NOV-2026 06:05:00.12 /KEEP /NOPRINTER /PRIORITY=100
 *            File: _DSA1:[OPS.COM]NIGHTLY_SAVE.COM;12
 *       418  MONTH_END_ARCHIVE_TO_TAPE
 *                              NIGHT_BATCH       7  Pending
 *
 * The Jobname column holds 15 characters: a longer name takes a line of its own and the username,
 * blocks and status follow on the next line, under their columns. The Username column is the user
 * the job runs as (SUBMIT/USER). Blocks is the size of the job's file, as the OpenVMS User's Manual
 * prints it for batch queues too; some displays leave the column out, and both layouts are read. /FULL adds detail lines under each entry: Submitted (with its qualifiers,
 * possibly wrapped onto lines that start with a slash), File, Completed, "On batch queue" (SHOW
 * ENTRY), and for a job retained on error the message it ended with.
 *
 * Rows are read by words, not by columns: an entry number wider than its column, or a username
 * that overflows, still reads.
 */
import { parseMessageLine, type VmsMessage } from '../messages';
import { parseEntryStatus, type EntryStatus } from './entry-status';
import { indentOf, isBlank } from './lines';
import type { ParseContext } from './parse-result';
import { findQualifier, qualifierNumber, splitQualifiers, splitValueList, type Qualifier } from './qualifiers';
import { parseVmsTime, type VmsTime } from './vms-time';

export interface QueueEntry {
  entry: number;
  jobName: string;
  username: string;
  /** The size of the job's file; null where the display has no Blocks column. */
  blocks: number | null;
  status: EntryStatus;
  /** The queue the entry is on, when the display says it ("On batch queue X", or the listed queue). */
  queue: string | null;
  submitted: VmsTime | null;
  /** The qualifiers on the Submitted line and the lines that continue it. */
  submitQualifiers: Qualifier[];
  /** From /PARAMETERS: P1, P2 ... as plain strings. */
  parameters: string[];
  priority: number | null;
  logFile: string | null;
  /** From /AFTER: when a held job is released. */
  after: VmsTime | null;
  /** The command procedure. */
  file: string | null;
  completed: VmsTime | null;
  completedOnQueue: string | null;
  /** For a job retained on error: the message it ended with, and its continuations. */
  statusMessages: VmsMessage[];
  /** Lines under the entry that this parser does not read, kept for the operator to see. */
  details: string[];
  /** 1-based line of the entry's row. */
  line: number;
}

export const ENTRY_ROW_EXAMPLE = '"    412  NIGHTLY_SAVE    NIGHT_BATCH  Executing"';

const TABLE_HEADER = /^\s*Entry\s+Jobname\s+Username\s+(?:(Blocks)\s+)?Status$/i;
const RULE = /^\s*-{3,}\s+-{3,}\s+-{3,}\s+(?:-{3,}\s+)?-{3,}$/;
// The entry number ends inside its 7-character column (or overflows it); detail lines start further in.
const ROW = /^\s{0,7}(\d+)\s+(\S+)(?:\s+(\S.*))?$/;
// The rest of a row after a long job name sits under the Username column, far right of the details.
const MIN_WRAPPED_INDENT = 16;
const USERNAME = /^[A-Za-z0-9$_-]+$/;
const FILE_SPEC = /^(\S*\[[^\]\s]*\]\S*)(?:\s+\(.*\))?$/;

export function isEntryTableHeader(line: string): boolean {
  return TABLE_HEADER.test(line);
}

export function isEntryRow(line: string): boolean {
  return ROW.test(line);
}

/** A whole number written in decimal, small enough to be exact; null otherwise. */
export function toCount(text: string | undefined): number | null {
  if (text === undefined || !/^\d{1,15}$/.test(text)) return null;
  return Number(text);
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

function newEntry(entry: number, jobName: string, username: string, blocks: number | null, status: EntryStatus, queue: string | null, index: number): QueueEntry {
  return {
    entry,
    jobName,
    username,
    blocks,
    status,
    queue,
    submitted: null,
    submitQualifiers: [],
    parameters: [],
    priority: null,
    logFile: null,
    after: null,
    file: null,
    completed: null,
    completedOnQueue: null,
    statusMessages: [],
    details: [],
    line: index + 1,
  };
}

/** Username, blocks and status from the words after the job name (or on the line after a long one). */
function readRowRest(context: ParseContext, index: number, rest: string, hasBlocks: boolean): { username: string; blocks: number | null; status: EntryStatus } {
  const words = rest.trim().split(/\s+/);
  const username = words[0] ?? '';
  if (!USERNAME.test(username)) context.fail(index, 'a username after the job name');
  let next = 1;
  let blocks: number | null = null;
  if (hasBlocks) {
    blocks = toCount(words[1]);
    if (blocks === null) context.fail(index, 'a block count after the username (the table has a Blocks column)');
    next = 2;
  }
  const statusText = words.slice(next).join(' ');
  if (statusText === '') context.fail(index, 'a status such as Executing, Pending or Holding after the username');
  const status = parseEntryStatus(statusText);
  if (status === null) context.fail(index, 'a release time after "Holding until", such as 25-NOV-2026 12:00:00.00');
  if (status.state === 'unknown') context.warn(index, `the status "${status.text}" is not one this console knows`);
  return { username, blocks, status };
}

/** Fields that come from the Submitted qualifiers. */
function withSubmitFields(entry: QueueEntry): QueueEntry {
  const qualifiers = entry.submitQualifiers;
  const parameters = findQualifier(qualifiers, 'PARAMETERS')?.value;
  const log = findQualifier(qualifiers, 'LOG_FILE') ?? findQualifier(qualifiers, 'LOG');
  const after = findQualifier(qualifiers, 'AFTER')?.value;
  return {
    ...entry,
    parameters: parameters === undefined || parameters === null ? [] : splitValueList(parameters),
    priority: qualifierNumber(qualifiers, 'PRIORITY'),
    logFile: log?.value ?? null,
    after: after === undefined || after === null ? null : parseVmsTime(unquote(after)),
  };
}

/** Reads one line under an entry into it. */
function readDetail(context: ParseContext, index: number, entry: QueueEntry, continuesSubmitted: boolean): 'submitted' | 'other' {
  const text = context.line(index).trim();
  const message = parseMessageLine(text, index + 1);
  if (message !== null) {
    const last = entry.statusMessages[entry.statusMessages.length - 1];
    if (message.lead === '-' && last !== undefined) last.continuation.push(message);
    else entry.statusMessages.push({ ...message, continuation: [] });
    return 'other';
  }
  const submitted = /^Submitted\s+(.*)$/i.exec(text);
  if (submitted !== null) {
    const body = submitted[1] ?? '';
    const slash = body.search(/(?:^|\s)\//);
    const time = parseVmsTime(slash < 0 ? body : body.slice(0, slash));
    if (time === null) context.fail(index, 'a submission time such as "Submitted 25-NOV-2026 06:05:00.12"');
    entry.submitted = time;
    entry.submitQualifiers.push(...splitQualifiers(slash < 0 ? '' : body.slice(slash)));
    return 'submitted';
  }
  if (text.startsWith('/') && continuesSubmitted) {
    entry.submitQualifiers.push(...splitQualifiers(text));
    return 'submitted';
  }
  const file = /^File:\s*(\S+)(?:\s+\(.*\))?$/i.exec(text);
  if (file !== null) {
    entry.file = file[1] ?? null;
    return 'other';
  }
  const completed = /^Completed\s+(.+?)(?:\s+on queue\s+(\S+))?$/i.exec(text);
  if (completed !== null) {
    const time = parseVmsTime(completed[1] ?? '');
    if (time === null) context.fail(index, 'a completion time such as "Completed 25-NOV-2026 07:01:00.43 on queue TAPE_QUEUE"');
    entry.completed = time;
    entry.completedOnQueue = completed[2] ?? null;
    return 'other';
  }
  const onQueue = /^On\s+(?:[a-z]+\s+)*queue\s+(\S+)$/i.exec(text);
  if (onQueue !== null) {
    entry.queue = onQueue[1] ?? null;
    return 'other';
  }
  // Older displays print the procedure without "File:".
  const bareFile = FILE_SPEC.exec(text);
  if (bareFile !== null) {
    entry.file = bareFile[1] ?? null;
    return 'other';
  }
  entry.details.push(text);
  context.warn(index, 'a line under the entry that this console does not read');
  return 'other';
}

/**
 * Reads the table whose column names are on line `headerIndex`, up to the first line that is not
 * part of it (a line at the left margin that is not an entry row). `queue` is the queue the table
 * is listed under, when there is one.
 */
export function readEntryTable(context: ParseContext, headerIndex: number, queue: string | null): { entries: QueueEntry[]; next: number } {
  const header = TABLE_HEADER.exec(context.line(headerIndex));
  if (header === null) context.fail(headerIndex, 'the column names "Entry  Jobname  Username  Status"');
  const hasBlocks = header[1] !== undefined;
  let index = headerIndex + 1;
  if (!RULE.test(context.line(index))) context.fail(index, 'the dashed line under the column names ("-----  -------  --------  ------")');
  index += 1;
  const entries: QueueEntry[] = [];
  let current: QueueEntry | null = null;
  let continuesSubmitted = false;
  while (index < context.count) {
    const line = context.line(index);
    if (isBlank(line)) {
      index += 1;
      continue;
    }
    const row = indentOf(line) <= 7 ? ROW.exec(line) : null;
    if (row === null && indentOf(line) === 0) break;
    if (row !== null) {
      const entry = toCount(row[1]);
      if (entry === null) context.fail(index, 'an entry number of at most 15 digits');
      const jobName = row[2] ?? '';
      let rest = row[3];
      const rowIndex = index;
      if (rest === undefined) {
        // A job name over 15 characters: the username and status are on the next line.
        const following = context.line(index + 1);
        if (index + 1 >= context.count || isBlank(following) || indentOf(following) < MIN_WRAPPED_INDENT) {
          context.fail(index, `the username and status of entry ${entry} on the next line, under their columns (its job name is longer than 15 characters)`);
        }
        rest = following;
        index += 1;
      }
      const { username, blocks, status } = readRowRest(context, index, rest, hasBlocks);
      if (current !== null) entries.push(withSubmitFields(current));
      current = newEntry(entry, jobName, username, blocks, status, queue, rowIndex);
      continuesSubmitted = false;
      index += 1;
      continue;
    }
    if (current === null) context.fail(index, `an entry line such as ${ENTRY_ROW_EXAMPLE}`);
    continuesSubmitted = readDetail(context, index, current, continuesSubmitted) === 'submitted';
    index += 1;
  }
  if (current !== null) entries.push(withSubmitFields(current));
  // Trailing blank lines belong to whatever comes next.
  while (index > headerIndex + 2 && isBlank(context.line(index - 1))) index -= 1;
  return { entries, next: index };
}
