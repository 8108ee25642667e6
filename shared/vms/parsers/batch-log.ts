/**
 * A batch job's log file, such as DISK$USERS:[OPS.LOGS]NIGHTLY_SAVE.LOG:
 *
 *     $ SET NOON
 *     $ BACKUP/IGNORE=INTERLOCK/RECORD/LOG DISK$USERS:[000000...]*.*;* -
 *             $2$MKA500:USERS_INC.BCK/SAVE_SET/LABEL=WEEK03
 *     %BACKUP-W-ACCONFLICT, DISK$USERS:[OPS.LOGS]AUTHSEND.LOG;3480 is open for write by another user
 *     ...
 *       NIGHT_BATCH  job terminated at 25-NOV-2026 07:01:00.43
 *
 *       Accounting information:
 *       Buffered I/O count:            2718      Peak working set size:      14032
 *       Direct I/O count:            193457      Peak page file size:       181616
 *       Page faults:                   9921      Mounted volumes:                1
 *       Charged CPU time:       0 00:04:11.87    Elapsed time:       0 00:55:59.12
 *
 * Echoed commands start with "$"; a command ending in "-" continues on the next line. Everything
 * else is program output, among it the messages (with their line numbers and the command they
 * followed). The plan's rule -- "scan the log files for E or F severity codes and resolve those
 * problems first" -- is `worstSeverity` and `severe`. A log with no trailer is a job still running
 * (or one that was stopped); a trailer that starts but cannot be read is unreadable.
 */
import { findMessagesInLines, isSevere, worstSeverity, type Severity, type VmsMessage } from '../messages';
import { toCount } from './entry-table';
import { isBlank } from './lines';
import { runParser, type ParseContext, type ParseResult } from './parse-result';
import { parseVmsDelta, parseVmsTime, VMS_DELTA_SOURCE, type VmsDelta, type VmsTime } from './vms-time';

export interface LoggedCommand {
  /** The command as one line: continuation dashes and the line breaks removed. */
  text: string;
  /** The verb, upper case ("RMU", "BACKUP", "SET"); null for a comment or a label alone. */
  verb: string | null;
  /** 1-based first and last line. */
  line: number;
  endLine: number;
}

export interface LoggedMessage extends VmsMessage {
  /** Index into `commands` of the command it followed, or null when before any. */
  command: number | null;
}

export interface Accounting {
  bufferedIo: number | null;
  directIo: number | null;
  pageFaults: number | null;
  peakWorkingSet: number | null;
  /** "Peak page file size" (older systems print "Peak virtual size"). */
  peakPageFile: number | null;
  mountedVolumes: number | null;
  chargedCpu: VmsDelta | null;
  elapsed: VmsDelta | null;
  /** Every "label: value" pair as printed. */
  fields: Record<string, string>;
}

export interface LogTrailer {
  username: string;
  terminatedAt: VmsTime;
  accounting: Accounting;
  /** True when every accounting line is there (a log copied while being written may stop short). */
  complete: boolean;
  line: number;
}

export interface BatchLog {
  /** Non-blank lines before the first command that are not messages (what the login printed). */
  banner: string[];
  commands: LoggedCommand[];
  messages: LoggedMessage[];
  worstSeverity: Severity | null;
  /** The E and F messages: the ones the plan says to resolve first. */
  severe: LoggedMessage[];
  trailer: LogTrailer | null;
  lineCount: number;
}

const TERMINATED = /^\s*(\S+)\s+job terminated at\s+(.+)$/i;
const ACCOUNTING_HEADER = /^\s*Accounting information:$/i;
const ACCOUNTING_PAIR = new RegExp(`([A-Za-z][A-Za-z/ ]*?):\\s+(${VMS_DELTA_SOURCE}|\\d+)(?=\\s|$)`, 'g');
const COMMAND = /^\s*\$/;
const MAX_ACCOUNTING_LINE = 200;

type CountKey = 'bufferedIo' | 'directIo' | 'pageFaults' | 'peakWorkingSet' | 'peakPageFile' | 'mountedVolumes';

const COUNT_LABELS: Partial<Record<string, CountKey>> = {
  'buffered i/o count': 'bufferedIo',
  'direct i/o count': 'directIo',
  'page faults': 'pageFaults',
  'peak working set size': 'peakWorkingSet',
  'peak page file size': 'peakPageFile',
  'peak virtual size': 'peakPageFile',
  'mounted volumes': 'mountedVolumes',
};

function verbOf(text: string): string | null {
  // "$ LOOP: RMU/BACKUP ..." -- skip a label; "$ ! ..." is a comment.
  const body = text.replace(/^\s*\$+\s*/, '').replace(/^[A-Za-z0-9$_]+:(?!\S)\s*/, '');
  if (body === '' || body.startsWith('!')) return null;
  const verb = /^@|^[A-Za-z$_][A-Za-z0-9$_]*/.exec(body);
  return verb === null ? null : verb[0].toUpperCase();
}

function emptyAccounting(): Accounting {
  return {
    bufferedIo: null,
    directIo: null,
    pageFaults: null,
    peakWorkingSet: null,
    peakPageFile: null,
    mountedVolumes: null,
    chargedCpu: null,
    elapsed: null,
    fields: {},
  };
}

/** Reads the trailer that starts on line `index`; returns it and marks its lines as read. */
function readTrailer(context: ParseContext, index: number, consumed: Set<number>): LogTrailer {
  const start = TERMINATED.exec(context.line(index));
  const terminatedAt = parseVmsTime(start?.[2] ?? '');
  if (start === null || terminatedAt === null) return context.fail(index, 'a time after "job terminated at", such as 25-NOV-2026 07:01:00.43');
  consumed.add(index);
  const accounting = emptyAccounting();
  const fields: [string, string][] = [];
  let sawHeader = false;
  for (let at = index + 1; at < context.count; at += 1) {
    const line = context.line(at);
    consumed.add(at);
    if (isBlank(line)) continue;
    if (!sawHeader) {
      if (!ACCOUNTING_HEADER.test(line)) context.fail(at, '"Accounting information:" after the line that says the job terminated');
      sawHeader = true;
      continue;
    }
    // An accounting line is short; a long one is not one, and is not worth a slow regular expression.
    const pairs = line.length > MAX_ACCOUNTING_LINE ? [] : [...line.matchAll(ACCOUNTING_PAIR)];
    const covered = pairs
      .map((pair) => pair[0])
      .join('')
      .replace(/\s/g, '').length;
    if (pairs.length === 0 || covered !== line.replace(/\s/g, '').length) {
      context.fail(at, 'an accounting line such as "Page faults:  9921      Mounted volumes:  1"');
    }
    for (const pair of pairs) {
      const label = (pair[1] ?? '').trim();
      const value = pair[2] ?? '';
      fields.push([label, value]);
      const key = COUNT_LABELS[label.toLowerCase()];
      if (key !== undefined) accounting[key] = toCount(value);
      else if (/^charged cpu time$/i.test(label)) accounting.chargedCpu = parseVmsDelta(value);
      else if (/^elapsed time$/i.test(label)) accounting.elapsed = parseVmsDelta(value);
    }
  }
  accounting.fields = Object.fromEntries(fields);
  const complete =
    accounting.bufferedIo !== null &&
    accounting.directIo !== null &&
    accounting.pageFaults !== null &&
    accounting.peakWorkingSet !== null &&
    accounting.chargedCpu !== null &&
    accounting.elapsed !== null;
  return { username: start[1] ?? '', terminatedAt, accounting, complete, line: index + 1 };
}

function readLog(context: ParseContext): BatchLog {
  const commands: LoggedCommand[] = [];
  const commandAt = new Map<number, number>();
  const consumed = new Set<number>();
  const banner: string[] = [];
  let trailer: LogTrailer | null = null;
  for (let index = 0; index < context.count; index += 1) {
    const line = context.line(index);
    if (TERMINATED.test(line)) {
      trailer = readTrailer(context, index, consumed);
      break;
    }
    if (COMMAND.test(line)) {
      const first = index;
      let text = line.trim();
      consumed.add(index);
      // A command that ends in "-" goes on, on the next line (echoed as is, or after a "_$" prompt).
      while (text.endsWith('-') && index + 1 < context.count && !TERMINATED.test(context.line(index + 1))) {
        index += 1;
        consumed.add(index);
        text = `${text.slice(0, -1).trimEnd()} ${context
          .line(index)
          .trim()
          .replace(/^_\$\s*/, '')}`;
      }
      commands.push({ text, verb: verbOf(text), line: first + 1, endLine: index + 1 });
      for (let at = first; at <= index; at += 1) commandAt.set(at, commands.length - 1);
    }
  }
  const found = findMessagesInLines(context.lines, {}, (index) => consumed.has(index));
  const messageLines = new Set(found.flatMap((message) => [message.line, ...message.continuation.map((part) => part.line)]));
  for (let index = 0; index < context.count && !COMMAND.test(context.line(index)) && !consumed.has(index); index += 1) {
    if (!isBlank(context.line(index)) && !messageLines.has(index + 1)) banner.push(context.line(index).trim());
  }
  // The command each line follows: the latest one that started above it.
  const lastCommand: (number | null)[] = [];
  let latest: number | null = null;
  for (let index = 0; index < context.count; index += 1) {
    lastCommand.push(latest);
    const started = commandAt.get(index);
    if (started !== undefined) latest = started;
  }
  const messages: LoggedMessage[] = found.map((message) => ({ ...message, command: lastCommand[message.line - 1] ?? null }));
  return {
    banner,
    commands,
    messages,
    worstSeverity: worstSeverity(messages),
    severe: messages.filter((message) => [message, ...message.continuation].some((part) => isSevere(part.severity))),
    trailer,
    lineCount: context.count,
  };
}

export function parseBatchLog(log: string): ParseResult<BatchLog> {
  // A log made only of messages is still a log, not a refusal.
  return runParser(log, { answers: () => true }, readLog);
}
