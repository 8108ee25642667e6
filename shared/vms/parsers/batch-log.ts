/**
 * A batch job's log file, such as DISK$USERS:[OPS.LOGS]NIGHTLY_SAVE.LOG:
 *
 *     $ SET NOON
 *     $ BACKUP/IGNORE=INTERLOCK/RECORD/LOG DISK$USERS:[000000...]*.*;* -
 *             $2$MKA500:USERS_INC.BCK/SAVE_SET/LABEL=WEEK03
 *     %BACKUP-W-ACCONFLICT, DISK$USERS:[OPS.LOGS]AUTHSEND.LOG;3480 is open for write by another user
 *     ...
 *       NIGHT_BATCH  job terminated at  3-AUG-2010 07:01:00.43
 *
 *       Accounting information:
 *       ...
 *
 * Echoed commands start with "$"; a command ending in "-" continues on the next line. Messages
 * come with their `-` continuation lines (each a message of the same run) and, when an 80-column
 * terminal wrapped one, with its tail joined on. Operator prompts, "BACKUP requests:" lines, OPCOM
 * blocks, BACKUP/LIST listings, the text lines after an operator notification and SUBMIT's
 * confirmations (a procedure queueing the next job) are read as what they are (batch-log-blocks.ts); the trailer is batch-log-trailer.ts. Every other non-blank line
 * is returned in `unread` with its number: the parser drops no line.
 *
 * The plan's rule -- "scan the log files for E or F severity codes and resolve those problems
 * first" -- is `worstSeverity` and `severe`. A message inside an OPCOM block is OPCOM's, not the
 * job's, and does not count there. A log with no trailer is a job still running (or one that was
 * stopped); a trailer that starts but cannot be read is unreadable.
 */
import { isSevere, joinWrapped, parseMessageLine, worstSeverity, type MessageLine, type Severity, type VmsMessage } from '../messages';
import {
  continueListing,
  isListingRow,
  isListingStart,
  isOpcomBanner,
  isOpenListing,
  readListing,
  readOpcom,
  readPrompt,
  readRequest,
  type BackupRequest,
  type LogLine,
  type OpcomBlock,
  type OperatorPrompt,
  type SavesetListing,
} from './batch-log-blocks';
import { readTrailer, TRAILER_START, type LogTrailer } from './batch-log-trailer';
import { isBlank } from './lines';
import { runParser, type ParseContext, type ParseResult } from './parse-result';
import { parseSubmit, type SubmitConfirmation } from './submit';

export type { Accounting, LogTrailer } from './batch-log-trailer';
export type { BackupRequest, ListedFile, ListedSaveset, LogLine, OpcomBlock, OperatorPrompt, SavesetListing } from './batch-log-blocks';

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

/** Text lines that go with an operator notification (OPRNOTIF, OPREPLY, OPRQST, RQSTDON). */
export interface Notification {
  /** Index into `messages` of the notification. */
  message: number;
  text: LogLine[];
}

/** A SUBMIT's confirmation in the log: a procedure queueing the next job of the chain. */
export interface LoggedSubmission extends SubmitConfirmation {
  text: string;
  /** Index into `commands` of the SUBMIT (or the procedure) it answered, or null. */
  command: number | null;
}

export interface BatchLog {
  /** Non-blank lines before the first command that are not messages (what the login printed). */
  banner: string[];
  /** The same lines with their numbers. */
  bannerLines: LogLine[];
  commands: LoggedCommand[];
  messages: LoggedMessage[];
  worstSeverity: Severity | null;
  /** The E and F messages: the ones the plan says to resolve first. */
  severe: LoggedMessage[];
  prompts: OperatorPrompt[];
  requests: BackupRequest[];
  opcom: OpcomBlock[];
  listings: SavesetListing[];
  notifications: Notification[];
  submissions: LoggedSubmission[];
  trailer: LogTrailer | null;
  /** Every non-blank line read as none of the above, in order: program output the parser does not know. */
  unread: LogLine[];
  lineCount: number;
}

const COMMAND = /^\s*\$/;
const SUBMITTED = /^\s*Job\s+\S+\s+\(queue\s/i;
/**
 * Messages after which the operator's or OPCOM's words follow as plain text: "%OPCOM-S-OPREPLY,
 * AFTER 11:00" then "19-APR-2000 10:25:32.40, request 3 completed by operator OPA0"
 * (System Manager's Manual, "Sending Requests to an Operator"), "%MOUNT-I-OPRQST, Please mount
 * ..." then the mount comment, "%MOUNT-I-RQSTDON, operator request canceled" then "-- mount
 * completed successfully.".
 */
const NOTIFYING = new Set(['OPRNOTIF', 'OPERNOTIFY', 'OPREPLY', 'OPRQST', 'RQSTDON', 'RQSTCAN', 'RQSTABORT']);

function verbOf(text: string): string | null {
  // "$ LOOP: RMU/BACKUP ..." -- skip a label; "$ ! ..." is a comment.
  const body = text.replace(/^\s*\$+\s*/, '').replace(/^[A-Za-z0-9$_]+:(?!\S)\s*/, '');
  if (body === '' || body.startsWith('!')) return null;
  const verb = /^@|^[A-Za-z$_][A-Za-z0-9$_]*/.exec(body);
  return verb === null ? null : verb[0].toUpperCase();
}

/** Walks the log once, taking each line as the first thing that reads it. */
class LogReader {
  readonly commands: LoggedCommand[] = [];
  readonly messages: LoggedMessage[] = [];
  readonly prompts: OperatorPrompt[] = [];
  readonly requests: BackupRequest[] = [];
  readonly opcom: OpcomBlock[] = [];
  readonly listings: SavesetListing[] = [];
  readonly notifications: Notification[] = [];
  readonly submissions: LoggedSubmission[] = [];
  readonly bannerLines: LogLine[] = [];
  readonly unread: LogLine[] = [];
  trailer: LogTrailer | null = null;
  /** A listing whose saveset has not ended: its rows after a message are still its own. */
  private openListing: SavesetListing | null = null;

  constructor(private readonly context: ParseContext) {}

  /** Lines that end a listing at once. */
  private readonly endsListing = (text: string): boolean => COMMAND.test(text) || TRAILER_START.test(text) || parseMessageLine(text) !== null || isOpcomBanner(text);

  /** The message line on line `index`, or null; each line is read as one once (a log may hold 100,000 of them). */
  private readonly messageLines = new Map<number, MessageLine | null>();

  private messageAt(index: number): MessageLine | null {
    let found = this.messageLines.get(index);
    if (found === undefined) {
      found = parseMessageLine(this.context.line(index), index + 1);
      this.messageLines.set(index, found);
    }
    return found;
  }

  private logLine(index: number): LogLine {
    return { line: index + 1, text: this.context.line(index) };
  }

  private lastCommand(): number | null {
    return this.commands.length === 0 ? null : this.commands.length - 1;
  }

  /** A line that starts something of its own, so that it is neither a wrapped tail nor note text. */
  private startsSomething(index: number): boolean {
    const line = this.context.line(index);
    return (
      COMMAND.test(line) ||
      this.messageAt(index) !== null ||
      isOpcomBanner(line) ||
      isListingStart(line) ||
      readPrompt(line, 0) !== null ||
      readRequest(line, 0) !== null ||
      this.submission(index) !== null ||
      (this.trailer === null && TRAILER_START.test(line))
    );
  }

  read(): void {
    let index = 0;
    while (index < this.context.count) index = this.step(index);
  }

  /** Reads what starts on line `index`; returns the index of the next line to read. */
  private step(index: number): number {
    const { context } = this;
    const line = context.line(index);
    if (isBlank(line)) return index + 1;
    if (this.trailer === null && TRAILER_START.test(line)) {
      const { trailer, end } = readTrailer(context, index);
      this.trailer = trailer;
      return end;
    }
    if (COMMAND.test(line)) {
      this.openListing = null;
      return this.readCommand(index);
    }
    if (isOpcomBanner(line)) {
      const { block, end } = readOpcom(context, index, (text) => COMMAND.test(text) || TRAILER_START.test(text));
      this.opcom.push(block);
      return end;
    }
    if (isListingStart(line)) {
      const { listing, end, unread } = readListing(context, index, this.endsListing);
      this.listings.push(listing);
      this.unread.push(...unread);
      this.openListing = isOpenListing(listing) ? listing : null;
      return end;
    }
    if (this.openListing !== null && isListingRow(line)) {
      const { end, unread } = continueListing(context, this.openListing, index, this.endsListing);
      this.unread.push(...unread);
      if (!isOpenListing(this.openListing)) this.openListing = null;
      return end;
    }
    const prompt = readPrompt(line, index + 1);
    if (prompt !== null) {
      this.prompts.push(prompt);
      return index + 1;
    }
    const request = readRequest(line, index + 1);
    if (request !== null) {
      this.requests.push(request);
      return index + 1;
    }
    if (this.messageAt(index) !== null) return this.readMessage(index);
    const submission = this.submission(index);
    if (submission !== null) {
      this.submissions.push(submission);
      return index + 1;
    }
    if (this.commands.length === 0) this.bannerLines.push(this.logLine(index));
    else this.unread.push(this.logLine(index));
    return index + 1;
  }

  /** The SUBMIT confirmation on line `index`, read by the SUBMIT parser, or null. */
  private submission(index: number): LoggedSubmission | null {
    const text = this.context.line(index);
    if (!SUBMITTED.test(text)) return null;
    const read = parseSubmit(text.trim());
    if (!read.ok || read.refused) return null;
    return { ...read.value, line: index + 1, text, command: this.lastCommand() };
  }

  private readCommand(first: number): number {
    const { context } = this;
    let index = first;
    let text = context.line(index).trim();
    // A command that ends in "-" goes on, on the next line (echoed as is, or after a "_$" prompt).
    while (text.endsWith('-') && index + 1 < context.count && !TRAILER_START.test(context.line(index + 1))) {
      index += 1;
      text = `${text.slice(0, -1).trimEnd()} ${context
        .line(index)
        .trim()
        .replace(/^_\$\s*/, '')}`;
    }
    this.commands.push({ text, verb: verbOf(text), line: first + 1, endLine: index + 1 });
    return index + 1;
  }

  /** One message line on line `index`, with the tail of a wrapped record joined on: the line and the index after it. */
  private messagePart(index: number): { part: MessageLine; end: number } | null {
    const { context } = this;
    let text = context.line(index);
    let end = index + 1;
    // a record longer than two lines wraps again: each line that reaches the width goes on
    while (end < context.count && !isBlank(context.line(end))) {
      const last = context.line(end - 1);
      const joined = joinWrapped(last, context.line(end));
      if (joined === null || this.startsSomething(end)) break;
      text = text.slice(0, text.length - last.length) + joined;
      end += 1;
    }
    const joined = end > index + 1 ? parseMessageLine(text, index + 1) : null;
    if (joined !== null) return { part: { ...joined, endLine: end }, end };
    // a tail that makes the message unreadable was not its tail after all
    const alone = this.messageAt(index);
    return alone === null ? null : { part: alone, end: index + 1 };
  }

  private readMessage(index: number): number {
    const { context } = this;
    const first = this.messagePart(index);
    if (first === null) {
      this.unread.push(this.logLine(index));
      return index + 1;
    }
    const message: LoggedMessage = { ...first.part, continuation: [], command: this.lastCommand() };
    let end = first.end;
    // `-` lines continue it, also across blank lines (a copied log may be double-spaced)
    for (let at = end; at < context.count; at += 1) {
      if (isBlank(context.line(at))) continue;
      if (this.messageAt(at)?.lead !== '-') break;
      const next = this.messagePart(at);
      if (next === null) break;
      message.continuation.push(next.part);
      end = next.end;
      at = end - 1;
    }
    this.messages.push(message);
    const last = [message, ...message.continuation].at(-1);
    if (NOTIFYING.has(last?.ident ?? '') || NOTIFYING.has(message.ident ?? '')) {
      const text: LogLine[] = [];
      while (end < context.count && !isBlank(context.line(end)) && !this.startsSomething(end)) {
        text.push(this.logLine(end));
        end += 1;
      }
      if (text.length > 0) this.notifications.push({ message: this.messages.length - 1, text });
    }
    return end;
  }
}

function readLog(context: ParseContext): BatchLog {
  const reader = new LogReader(context);
  reader.read();
  const { messages } = reader;
  return {
    banner: reader.bannerLines.map((line) => line.text.trim()),
    bannerLines: reader.bannerLines,
    commands: reader.commands,
    messages,
    worstSeverity: worstSeverity(messages),
    severe: messages.filter((message) => [message, ...message.continuation].some((part) => isSevere(part.severity))),
    prompts: reader.prompts,
    requests: reader.requests,
    opcom: reader.opcom,
    listings: reader.listings,
    notifications: reader.notifications,
    submissions: reader.submissions,
    trailer: reader.trailer,
    unread: reader.unread.sort((a, b) => a.line - b.line),
    lineCount: context.count,
  };
}

export function parseBatchLog(log: string): ParseResult<BatchLog> {
  // A log made only of messages is still a log, not a refusal.
  return runParser(log, { answers: () => true }, readLog);
}
