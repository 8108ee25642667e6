/**
 * The queue manager's displays: SHOW QUEUE [/FULL] [/ALL_JOBS], SHOW ENTRY [/FULL] and the line
 * SUBMIT answers, in the layout of OpenVMS V5.5 and later. Sources: the OpenVMS User's Manual
 * (16.5.6, "Displaying Jobs in Batch Queues": SHOW ENTRY with its Blocks column, queue qualifiers
 * indented four blanks), K. Parris's FIXQUE.COM (which reads real SHOW QUEUE/ALL/FULL listings of
 * V5.5 and later by column: Entry right-aligned in columns 0-6, Jobname at 9, Username at 25,
 * Status at 46; a long job name alone on its row and the rest on a line of 25 blanks; the message
 * of a job retained on error, with its "-" lines, indented 7 right under the row; Submitted and
 * File indented 9, "/NOPRINT"; a blank line after each job of a /FULL listing) and a published
 * capture of a V7 host (HP OpenVMS Ask the Wizard 9425: "Submitted  8-JAN-2004 05:00:12.00",
 * "Completed  8-JAN-2004 ..." with the day blank-padded).
 */
import type { BatchEntry, BatchQueue, QueueManager } from '../../batch/queue-manager';
import { vmsDateTime } from '../../time/vms-time';

/** Columns where OpenVMS V5.5 and later print them (0-based). */
export const COLUMNS = { entryEnd: 7, jobname: 9, username: 25, blocksEnd: 44, status: 46 } as const;

/** A batch queue's table: no Blocks column, the Username column running up to Status. */
export const QUEUE_TABLE_HEADER = ['  Entry  Jobname         Username             Status', '  -----  -------         --------             ------'];
/** SHOW ENTRY's table, with the size of the job's file in Blocks. */
export const ENTRY_TABLE_HEADER = ['  Entry  Jobname         Username     Blocks  Status', '  -----  -------         --------     ------  ------'];

const JOBNAME_WIDTH = 15;
const DETAIL_INDENT = 9;
// FIXQUE.COM: "For V5.5, the message is indented 7 spaces".
const MESSAGE_INDENT = 7;
const QUALIFIER_INDENT = 4;

/** An absolute time as the queue manager prints it: the day blank-padded, to the hundredth. */
function when(at: Date): string {
  return vmsDateTime(at, { pad: true });
}

export function statusText(entry: BatchEntry): string {
  switch (entry.state) {
    case 'pending':
      return 'Pending';
    case 'holding':
      return 'Holding';
    case 'holding-until':
      // the release time to the second: hundredths are not shown here
      return `Holding until ${vmsDateTime(entry.after ?? entry.submitted, { pad: true, hundredths: false })}`;
    case 'executing':
      return 'Executing';
    case 'retained-completion':
      return 'Retained on completion';
    case 'retained-error':
      return 'Retained on error';
  }
}

function quoteParameter(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** Qualifiers for the Submitted line, in the order the queue manager lists them. */
function submitQualifiers(entry: BatchEntry): string[] {
  const parts: string[] = [];
  if (entry.keep) parts.push('/KEEP');
  parts.push(`/LOG=${entry.logFile}`);
  if (entry.parameters.length > 0) parts.push(`/PARAM=(${entry.parameters.map(quoteParameter).join(',')})`);
  if (!entry.printer) parts.push('/NOPRINT');
  parts.push(`/PRIORITY=${entry.priority}`);
  return parts;
}

/** Words joined into lines of at most 80 columns, each starting at `indent`. */
function wrap(first: string, words: string[], indent: number): string[] {
  const lines: string[] = [];
  let current = `${' '.repeat(indent)}${first}`;
  for (const word of words) {
    if (current.length + 1 + word.length > 80 && current.trim() !== '') {
      lines.push(current);
      current = `${' '.repeat(indent)}${word}`;
    } else {
      current += ` ${word}`;
    }
  }
  lines.push(current);
  return lines;
}

/** The message a job retained on error ended with: its last "%" line and the "-" lines under it. */
function finalMessage(entry: BatchEntry): string[] {
  const messages = entry.completionMessages;
  let start = -1;
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    if ((messages[i] ?? '').startsWith('%')) {
      start = i;
      break;
    }
  }
  if (start < 0) return [];
  const lines = [messages[start] as string];
  for (const line of messages.slice(start + 1)) {
    if (!line.startsWith('-')) break;
    lines.push(line);
  }
  return lines;
}

/** The row (and, for a long job name, its continuation line) of an entry. */
function rowLines(entry: BatchEntry, withBlocks: boolean): string[] {
  const number = String(entry.entry).padStart(COLUMNS.entryEnd);
  const rest = withBlocks
    ? `${entry.username.padEnd(12)} ${String(entry.blocks).padStart(6)}  ${statusText(entry)}`
    : `${entry.username.padEnd(COLUMNS.status - COLUMNS.username - 1)} ${statusText(entry)}`;
  if (entry.jobName.length > JOBNAME_WIDTH) return [`${number}  ${entry.jobName}`, `${' '.repeat(COLUMNS.username)}${rest}`];
  return [`${number}  ${entry.jobName.padEnd(JOBNAME_WIDTH)} ${rest}`];
}

function entryLines(entry: BatchEntry, options: { full: boolean; withBlocks: boolean; showQueueLine: boolean }): string[] {
  const lines = rowLines(entry, options.withBlocks);
  if (entry.state === 'retained-error') lines.push(...finalMessage(entry).map((line) => `${' '.repeat(MESSAGE_INDENT)}${line}`));
  const indent = ' '.repeat(DETAIL_INDENT);
  if (options.showQueueLine) lines.push(`${indent}On ${entry.queue.stopped ? 'stopped ' : ''}batch queue ${entry.queue.name}`);
  if (options.full) {
    lines.push(...wrap(`Submitted ${when(entry.submitted)}`, submitQualifiers(entry), DETAIL_INDENT));
    lines.push(`${indent}File: ${entry.file}`);
    if (entry.completedAt !== null) lines.push(`${indent}Completed ${when(entry.completedAt)} on queue ${entry.queue.name}`);
    // a /FULL listing ends each job with a blank line
    lines.push('');
  }
  return lines;
}

export function queueAttributes(queue: BatchQueue): string[] {
  const parts = [`/BASE_PRIORITY=${queue.basePriority}`, `/JOB_LIMIT=${queue.jobLimit}`, `/OWNER=${queue.owner}`, `/PROTECTION=${queue.protection}`];
  if (queue.retain !== null) parts.push(`/RETAIN=${queue.retain}`);
  return wrap(parts[0] as string, parts.slice(1), QUALIFIER_INDENT);
}

export function showQueue(manager: QueueManager, queues: BatchQueue[], options: { full: boolean; all: boolean; username: string }): string[] {
  const lines: string[] = [];
  for (const queue of queues) {
    if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
    lines.push(`Batch queue ${queue.name}, ${manager.queueState(queue)}, on ${queue.host}::`);
    if (options.full) lines.push(...queueAttributes(queue));
    const entries = manager.entriesOf(queue).filter((e) => options.all || e.username === options.username);
    if (entries.length === 0) continue;
    lines.push('', ...QUEUE_TABLE_HEADER);
    for (const entry of entries.sort((a, b) => a.entry - b.entry)) lines.push(...entryLines(entry, { full: options.full, withBlocks: false, showQueueLine: false }));
  }
  return lines;
}

export function showEntries(entries: BatchEntry[], full: boolean): string[] {
  const lines = ['', ...ENTRY_TABLE_HEADER];
  for (const entry of entries.sort((a, b) => a.entry - b.entry)) lines.push(...entryLines(entry, { full, withBlocks: true, showQueueLine: true }));
  return lines;
}

/**
 * What SUBMIT answers. The release time of a held job is the job controller's !17%D: the padded
 * date and the time to the minute (FIXQUE.COM reads "Holding until  1-APR-1989 01:00" the same way).
 */
export function submitConfirmation(entry: BatchEntry): string {
  const head = `Job ${entry.jobName} (queue ${entry.queue.name}, entry ${entry.entry})`;
  switch (entry.state) {
    case 'executing':
      return `${head} started on ${entry.queue.name}`;
    case 'holding':
      return `${head} holding`;
    case 'holding-until':
      return `${head} holding until ${vmsDateTime(entry.after ?? entry.submitted, { pad: true }).slice(0, 17)}`;
    default:
      return `${head} pending`;
  }
}
