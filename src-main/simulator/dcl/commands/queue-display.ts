/**
 * The queue manager's displays: SHOW QUEUE [/FULL] [/ALL], SHOW ENTRY [/FULL] and the lines SUBMIT
 * answers. Layout, as the OpenVMS User's Manual prints it for batch queues: the entry table with
 * Entry right-aligned in 7 columns, Jobname in 15 (a longer name takes a line of its own, the
 * username, blocks and status following under their columns), Username in 12, Blocks (the size
 * of the command procedure) right-aligned in 6; /FULL adds Submitted, File and Completed lines indented by 9, wrapped at 80 columns onto
 * lines that start with a slash.
 */
import type { BatchEntry, BatchQueue, QueueManager } from '../../batch/queue-manager';
import { vmsDateTime } from '../../time/vms-time';

export function statusText(entry: BatchEntry): string {
  switch (entry.state) {
    case 'pending':
      return 'Pending';
    case 'holding':
      return 'Holding';
    case 'holding-until':
      return `Holding until ${vmsDateTime(entry.after ?? entry.submitted)}`;
    case 'executing':
      return 'Executing';
    case 'retained-completion':
      return 'Retained on completion';
    case 'retained-error':
      return 'Retained on error';
  }
}

export const TABLE_HEADER = ['  Entry  Jobname         Username     Blocks  Status', '  -----  -------         --------     ------  ------'];

function quoteParameter(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** Qualifiers for the Submitted line, as the queue manager lists them. */
function submitQualifiers(entry: BatchEntry): string[] {
  const parts: string[] = [];
  if (entry.keep) parts.push('/KEEP');
  parts.push(`/LOG=${entry.logFile}`);
  if (!entry.printer) parts.push('/NOPRINTER');
  if (entry.parameters.length > 0) parts.push(`/PARAM=(${entry.parameters.map(quoteParameter).join(',')})`);
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

export function entryRows(entry: BatchEntry, full: boolean, showQueueLine: boolean): string[] {
  const lines: string[] = [];
  const number = String(entry.entry).padStart(7);
  const rest = `${entry.username.padEnd(12)} ${String(entry.blocks).padStart(6)}  ${statusText(entry)}`;
  if (entry.jobName.length > 15) {
    lines.push(`${number}  ${entry.jobName}`);
    lines.push(`${' '.repeat(25)}${rest}`);
  } else {
    lines.push(`${number}  ${entry.jobName.padEnd(15)} ${rest}`);
  }
  // a job retained on error shows the status it ended with
  if (entry.state === 'retained-error') {
    const final = [...entry.completionMessages].reverse().find((m) => m.startsWith('%'));
    if (final !== undefined) lines.push(`         ${final}`);
  }
  if (showQueueLine) lines.push(`         On ${queueStateWord(entry)}batch queue ${entry.queue.name}`);
  if (full) {
    lines.push(...wrap(`Submitted ${vmsDateTime(entry.submitted)}`, submitQualifiers(entry), 9));
    lines.push(`         File: ${entry.file}`);
    if (entry.completedAt !== null) lines.push(`         Completed ${vmsDateTime(entry.completedAt)} on queue ${entry.queue.name}`);
  }
  return lines;
}

function queueStateWord(entry: BatchEntry): string {
  return entry.queue.stopped ? 'stopped ' : '';
}

export function queueAttributes(queue: BatchQueue): string[] {
  const parts = [`/BASE_PRIORITY=${queue.basePriority}`, `/JOB_LIMIT=${queue.jobLimit}`, `/OWNER=${queue.owner}`, `/PROTECTION=${queue.protection}`];
  if (queue.retain !== null) parts.push(`/RETAIN=${queue.retain}`);
  return wrap(parts[0] as string, parts.slice(1), 2);
}

export function showQueue(manager: QueueManager, queues: BatchQueue[], options: { full: boolean; all: boolean; username: string }): string[] {
  const lines: string[] = [];
  for (const queue of queues) {
    if (lines.length > 0) lines.push('');
    lines.push(`Batch queue ${queue.name}, ${manager.queueState(queue)}, on ${queue.host}::`);
    if (options.full) lines.push(...queueAttributes(queue));
    const entries = manager.entriesOf(queue).filter((e) => options.all || e.username === options.username);
    if (entries.length === 0) continue;
    lines.push('', ...TABLE_HEADER);
    for (const entry of entries.sort((a, b) => a.entry - b.entry)) lines.push(...entryRows(entry, options.full, false));
  }
  return lines;
}

export function showEntries(entries: BatchEntry[], full: boolean): string[] {
  const lines = ['', ...TABLE_HEADER];
  for (const entry of entries.sort((a, b) => a.entry - b.entry)) lines.push(...entryRows(entry, full, true));
  return lines;
}

export function submitConfirmation(entry: BatchEntry): string {
  const head = `Job ${entry.jobName} (queue ${entry.queue.name}, entry ${entry.entry})`;
  switch (entry.state) {
    case 'executing':
      return `${head} started on ${entry.queue.name}`;
    case 'holding':
      return `${head} holding`;
    case 'holding-until':
      return `${head} holding until ${vmsDateTime(entry.after ?? entry.submitted)}`;
    default:
      return `${head} pending`;
  }
}
