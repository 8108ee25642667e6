/**
 * How far a job has got, from its batch log fed a few lines at a time (numbered from 1, as the
 * log follower reads them): the item in hand, done of total, the tape volume in use, whether
 * BACKUP waits for the operator, the E and F messages with the profile's known error, and whether
 * the log has reached its accounting trailer.
 *
 * - An item is in hand from its verified command (`$ RMU/BACKUP ...`, `$ BACKUP ...`) until the
 *   next command or the trailer; it is then done, or failed when an E or F message came under it.
 *   Items never started when the trailer comes were skipped (a procedure that exits at an error).
 * - The tape in use is the volume of the last `%MOUNT-I-MOUNTED, <label> mounted on ...`; a
 *   saveset that fills its tape asks for the next with `%MOUNT-I-OPRQST, Please mount volume
 *   <label> ...`, and the job waits for the operator (or the loader) until MOUNTED or RQSTDON.
 * - The plan's rule: "scan the log files for E or F severity codes and resolve those problems
 *   first"; each is matched to the profile's known errors by its codes.
 *
 * The progress is plain JSON: it holds the last line number it consumed, and a line at or below it
 * is ignored, so a restart that feeds a line again does not count it twice.
 */
import type { SiteKnownError } from '../site/schema';
import { isSevere, messageCode, severityRank, type MessageLine, type Severity } from '../vms/messages';
import { itemOfCommand } from './item-commands';
import type { JobItem, JobItems } from './job-items';
import { readWindow, type LogProblem, type LogThing, type NumberedLine } from './log-window';

export type { LogProblem, NumberedLine } from './log-window';

export type ItemState = 'pending' | 'running' | 'done' | 'failed' | 'skipped';

/** An item's state as the log shows it. */
export interface ItemMark {
  id: string;
  state: ItemState;
  /** The line of its command (the latest, when the procedure ran it again). */
  line: number | null;
  /** The line that ended its command: the next command, or the trailer. */
  endLine: number | null;
  /** E and F messages under its command. */
  severe: number;
}

export type ItemProgress = JobItem & Omit<ItemMark, 'id'>;

export interface KnownErrorMatch {
  id: string;
  title: string;
  action: string[];
}

export interface MessagePart {
  line: number;
  /** "RMS-F-FUL", or as much of it as the host printed. */
  code: string;
  severity: Severity | null;
  text: string | null;
}

export interface SevereMessage extends MessagePart {
  /** The last line, with its continuations and a wrapped tail. */
  endLine: number;
  /** The worst severity among the message and its continuations: E or F. */
  worst: Severity;
  continuation: MessagePart[];
  /** The item in hand when it came. */
  item: string | null;
  /** The line of the command it followed. */
  command: number | null;
  knownError: KnownErrorMatch | null;
}

export interface CommandInHand {
  line: number;
  text: string;
  /** The worst severity of the messages under it so far. */
  worst: Severity | null;
}

export interface TapeVolume {
  label: string;
  line: number;
}

export interface OperatorRequest {
  /** The volume asked for, when the request names it. */
  label: string | null;
  line: number;
  text: string;
}

export interface LogEnd {
  line: number;
  /** Local time as the host printed it, ISO without a zone. */
  terminatedAt: string;
  /** The accounting's own "Elapsed time", once its row is in. */
  elapsedMs: number | null;
}

/** What the log has shown so far; the part of the progress that is read, line by line. */
export interface ProgressFacts {
  items: ItemMark[];
  current: string | null;
  command: CommandInHand | null;
  /**
   * The command whose status the job exits with: the last one, or the one before a bare EXIT
   * (EXIT without a status keeps $STATUS).
   */
  ending: CommandInHand | null;
  volumes: TapeVolume[];
  waiting: OperatorRequest | null;
  severe: SevereMessage[];
  severeCount: number;
  ended: LogEnd | null;
}

export interface JobProgress {
  version: 1;
  job: string | null;
  items: ItemProgress[];
  total: number;
  done: number;
  failed: number;
  /** The item in hand, or null between items. */
  current: ItemProgress | null;
  /** The command in hand (an item's, or any other). */
  command: CommandInHand | null;
  endingCommand: CommandInHand | null;
  /** The label of the tape volume in use (the last one mounted). */
  tape: string | null;
  volumes: TapeVolume[];
  waitingForOperator: OperatorRequest | null;
  /** The E and F messages, the first MAX_SEVERE of them; `severeCount` counts all. */
  severe: SevereMessage[];
  severeCount: number;
  /** The accounting trailer, once the log has reached it. */
  ended: LogEnd | null;
  /** Lines the parser could not read, or numbers the follower skipped. */
  problems: LogProblem[];
  /** The last line number consumed. */
  lastLine: number;
  /** Where the reader is: what is final, and the lines it will read again with the next ones. */
  reader: { settled: ProgressFacts; pending: NumberedLine[] };
}

/** A log with a problem on every line would otherwise grow the progress without end. */
export const MAX_PROBLEMS = 20;
export const MAX_SEVERE = 200;

export class JobProgressInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobProgressInputError';
  }
}

function emptyFacts(items: readonly JobItem[]): ProgressFacts {
  return {
    items: items.map((item) => ({ id: item.id, state: 'pending', line: null, endLine: null, severe: 0 })),
    current: null,
    command: null,
    ending: null,
    volumes: [],
    waiting: null,
    severe: [],
    severeCount: 0,
    ended: null,
  };
}

function copyFacts(facts: ProgressFacts): ProgressFacts {
  return {
    ...facts,
    items: facts.items.map((item) => ({ ...item })),
    command: facts.command === null ? null : { ...facts.command },
    ending: facts.ending === null ? null : { ...facts.ending },
    volumes: [...facts.volumes],
    severe: [...facts.severe],
  };
}

function definitionsOf(progress: JobProgress): JobItem[] {
  return progress.items.map((item) => ({
    id: item.id,
    kind: item.kind,
    name: item.name,
    label: item.label,
    target: item.target,
    saveset: item.saveset,
    databases: item.databases,
    fileAreas: item.fileAreas,
    tapes: item.tapes,
  }));
}

function viewOf(job: string | null, definitions: readonly JobItem[], facts: ProgressFacts, rest: Pick<JobProgress, 'problems' | 'lastLine' | 'reader'>): JobProgress {
  const marks = new Map(facts.items.map((mark) => [mark.id, mark]));
  const items = definitions.map((definition): ItemProgress => {
    const mark = marks.get(definition.id);
    return { ...definition, state: mark?.state ?? 'pending', line: mark?.line ?? null, endLine: mark?.endLine ?? null, severe: mark?.severe ?? 0 };
  });
  return {
    version: 1,
    job,
    items,
    total: items.length,
    done: items.filter((item) => item.state === 'done').length,
    failed: items.filter((item) => item.state === 'failed').length,
    current: items.find((item) => item.id === facts.current) ?? null,
    command: facts.command,
    endingCommand: facts.ending,
    tape: facts.volumes.at(-1)?.label ?? null,
    volumes: facts.volumes,
    waitingForOperator: facts.waiting,
    severe: facts.severe,
    severeCount: facts.severeCount,
    ended: facts.ended,
    ...rest,
  };
}

/** The progress of a job that has not written a line yet. */
export function startProgress(items: JobItems | readonly JobItem[]): JobProgress {
  const list = 'items' in items ? items.items : items;
  const job = 'items' in items ? items.job : null;
  const facts = emptyFacts(list);
  return viewOf(job, list, facts, { problems: [], lastLine: 0, reader: { settled: facts, pending: [] } });
}

// ---- reading one thing of the log into the facts

function closeCurrent(facts: ProgressFacts, endLine: number): void {
  const mark = facts.items.find((item) => item.id === facts.current);
  if (mark !== undefined && mark.state === 'running') {
    mark.state = mark.severe > 0 ? 'failed' : 'done';
    mark.endLine = endLine;
  }
  facts.current = null;
}

function isBareExit(text: string): boolean {
  return /^\s*\$+\s*EXIT\s*$/i.test(text);
}

function onCommand(facts: ProgressFacts, definitions: readonly JobItem[], thing: Extract<LogThing, { kind: 'command' }>): void {
  if (facts.ended !== null) return;
  closeCurrent(facts, thing.line);
  // BACKUP no longer waits once the procedure has gone on to its next command
  facts.waiting = null;
  const command: CommandInHand = { line: thing.line, text: thing.text, worst: null };
  // a bare EXIT keeps $STATUS: the job exits with the status of the command before it
  if (thing.verb !== null && !isBareExit(thing.text)) facts.ending = command;
  facts.command = command;
  const item = itemOfCommand(definitions, thing.text);
  const mark = item === null ? undefined : facts.items.find((one) => one.id === item.id);
  if (mark !== undefined) {
    Object.assign(mark, { state: 'running', line: thing.line, endLine: null, severe: 0 });
    facts.current = mark.id;
  }
}

function worse(a: Severity | null, b: Severity | null): Severity | null {
  if (a === null) return b;
  if (b === null) return a;
  return severityRank(a) >= severityRank(b) ? a : b;
}

function partOf(line: MessageLine): MessagePart {
  return { line: line.line, code: messageCode(line), severity: line.severity, text: line.text };
}

function knownErrorOf(parts: readonly MessageLine[], knownErrors: readonly SiteKnownError[]): KnownErrorMatch | null {
  for (const part of parts) {
    const code = `%${messageCode(part)}`;
    const known = knownErrors.find((error) => error.messages.includes(code));
    if (known !== undefined) return { id: known.id, title: known.title, action: known.action };
  }
  return null;
}

const MOUNTED = /^(\S*)\s*mounted on\b/i;
const ASKED_VOLUME = /\bmount volume\s+(\S+)/i;
const REQUEST_ENDS = new Set(['RQSTDON', 'RQSTCAN', 'RQSTABORT']);

function onMessage(facts: ProgressFacts, thing: Extract<LogThing, { kind: 'message' }>, knownErrors: readonly SiteKnownError[]): void {
  if (facts.ended !== null) return;
  const { message } = thing;
  const parts: MessageLine[] = [message, ...message.continuation];
  const mounting = (part: MessageLine) => part.facility === null || part.facility === 'MOUNT';
  for (const part of parts) {
    if (part.ident === 'MOUNTED' && mounting(part)) {
      const label = MOUNTED.exec(part.text ?? '')?.[1];
      if (label !== undefined && label !== '') facts.volumes.push({ label, line: part.line });
      facts.waiting = null;
    } else if (part.ident === 'OPRQST' && mounting(part)) {
      facts.waiting = { label: ASKED_VOLUME.exec(part.text ?? '')?.[1] ?? null, line: part.line, text: part.text ?? '' };
    } else if (REQUEST_ENDS.has(part.ident ?? '')) {
      facts.waiting = null;
    }
  }
  const worst = parts.reduce<Severity | null>((acc, part) => worse(acc, part.severity), null);
  if (facts.command !== null) {
    facts.command.worst = worse(facts.command.worst, worst);
    if (facts.ending?.line === facts.command.line) facts.ending.worst = facts.command.worst;
  }
  if (worst === null || !isSevere(worst)) return;
  // a severe error ends the BACKUP that was asking for a volume
  if (worst === 'F') facts.waiting = null;
  facts.severeCount += 1;
  const mark = facts.items.find((item) => item.id === facts.current);
  if (mark !== undefined) mark.severe += 1;
  if (facts.severe.length >= MAX_SEVERE) return;
  facts.severe.push({
    ...partOf(message),
    endLine: Math.max(...parts.map((part) => part.endLine ?? part.line)),
    worst,
    continuation: message.continuation.map(partOf),
    item: facts.current,
    command: facts.command?.line ?? null,
    knownError: knownErrorOf(parts, knownErrors),
  });
}

function onTrailer(facts: ProgressFacts, thing: Extract<LogThing, { kind: 'trailer' }>): void {
  if (facts.ended !== null) return;
  closeCurrent(facts, thing.line);
  facts.waiting = null;
  for (const mark of facts.items) if (mark.state === 'pending') mark.state = 'skipped';
  facts.ended = { line: thing.line, terminatedAt: thing.trailer.terminatedAt.iso, elapsedMs: thing.trailer.accounting.elapsed?.milliseconds ?? null };
}

function apply(facts: ProgressFacts, definitions: readonly JobItem[], things: readonly LogThing[], knownErrors: readonly SiteKnownError[]): void {
  for (const thing of things) {
    if (thing.kind === 'command') onCommand(facts, definitions, thing);
    else if (thing.kind === 'message') onMessage(facts, thing, knownErrors);
    else if (thing.kind === 'trailer') onTrailer(facts, thing);
  }
}

// ---- the API

function checkedLines(lines: readonly NumberedLine[]): NumberedLine[] {
  if (!Array.isArray(lines)) throw new JobProgressInputError('log lines must be a list of { number, text }');
  for (const line of lines) {
    if (typeof line !== 'object' || line === null || !Number.isSafeInteger(line.number) || line.number < 1 || typeof line.text !== 'string') {
      throw new JobProgressInputError(`a log line must have a whole line number from 1 and its text; got ${JSON.stringify(line)}`);
    }
  }
  return [...lines].sort((a, b) => a.number - b.number);
}

function addProblems(known: readonly LogProblem[], found: readonly LogProblem[]): LogProblem[] {
  const problems = [...known];
  for (const problem of found) {
    if (problems.length >= MAX_PROBLEMS) break;
    if (!problems.some((p) => p.line === problem.line && p.expected === problem.expected)) problems.push(problem);
  }
  return problems;
}

/**
 * The progress after the next lines of the log. Lines at or below `progress.lastLine` were read
 * already and are ignored; the result is the same whether the log comes in one piece or a line at
 * a time. Throws JobProgressInputError (and changes nothing) for lines that are not numbered lines.
 */
export function advanceProgress(progress: JobProgress, lines: readonly NumberedLine[], knownErrors: readonly SiteKnownError[] = []): JobProgress {
  if (progress.version !== 1) throw new JobProgressInputError(`a job progress of version ${String(progress.version)} cannot be read here (version 1)`);
  const fresh: NumberedLine[] = [];
  let last = progress.lastLine;
  const gaps: LogProblem[] = [];
  for (const line of checkedLines(lines)) {
    if (line.number <= last) continue;
    if (line.number > last + 1)
      gaps.push({ line: line.number, text: line.text, expected: `line ${last + 1} before it (lines ${last + 1} to ${line.number - 1} were not given)` });
    fresh.push(line);
    last = line.number;
  }
  if (fresh.length === 0) return progress;
  const definitions = definitionsOf(progress);
  const read = readWindow(progress.reader.pending, fresh);
  const settled = copyFacts(progress.reader.settled);
  apply(settled, definitions, read.settled, knownErrors);
  const shown = copyFacts(settled);
  if (read.open !== null) apply(shown, definitions, [read.open], knownErrors);
  const problems = addProblems(progress.problems, [...gaps, ...read.problems]);
  return viewOf(progress.job, definitions, shown, { problems, lastLine: last, reader: { settled, pending: read.pending } });
}

/** The whole text of a log as numbered lines, for a log read in one piece. */
export function numberedLines(text: string, from = 1): NumberedLine[] {
  const lines = text
    .replace(/\r*\n\r*/g, '\n')
    .replace(/\r/g, '\n')
    .split('\n');
  // the line end after the last record is not a line of its own
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line, index) => ({ number: from + index, text: line }));
}
