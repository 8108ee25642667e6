/**
 * A batch log read a few lines at a time, with the batch log parser of shared/vms/parsers.
 *
 * What the parser reads off a line can depend on the lines after it: a message hard-wrapped by an
 * 80-column terminal goes on in the next line, `-FACILITY-...` lines continue the message before,
 * a command ending in `-` goes on, OPCOM's and MOUNT's text follows their message. So the last
 * thing the window holds is never taken as final: its lines are kept (`pending`) and read again
 * with the lines that come next. Everything that starts before it is settled, because a later
 * thing has begun. Fed one line at a time or all at once, the same things come out in the same
 * order, and the window left over is the same.
 */
import { joinWrapped, TERMINAL_WIDTH } from '../vms/messages';
import { parseBatchLog, type LoggedCommand, type LoggedMessage, type LogTrailer } from '../vms/parsers/batch-log';

export interface NumberedLine {
  /** 1-based line number in the log file. */
  number: number;
  text: string;
}

/** What starts on a line of the log, with the log's own line numbers. */
export type LogThing =
  | { kind: 'command'; line: number; endLine: number; text: string; verb: string | null }
  | { kind: 'message'; line: number; message: LoggedMessage }
  | { kind: 'trailer'; line: number; trailer: LogTrailer }
  | { kind: 'other'; line: number };

export interface LogProblem {
  line: number;
  text: string;
  expected: string;
}

export interface WindowRead {
  /** Things now final, in order. */
  settled: LogThing[];
  /** The last thing, read from the lines so far; it may still grow. */
  open: LogThing | null;
  /** The lines of the open thing (and any blank lines after it), to read again next time. */
  pending: NumberedLine[];
  problems: LogProblem[];
}

/**
 * A window that grows this long without a second thing starting (a listing of 100,000 files) is
 * settled whole, so that a poll does not read an ever longer window again.
 */
export const MAX_PENDING_LINES = 5000;

function renumberLine(numbers: readonly number[], relative: number): number {
  return numbers[relative - 1] ?? numbers.at(-1) ?? relative;
}

function renumberMessage(message: LoggedMessage, numbers: readonly number[]): LoggedMessage {
  const part = <T extends { line: number; endLine?: number }>(line: T): T => ({
    ...line,
    line: renumberLine(numbers, line.line),
    ...(line.endLine === undefined ? {} : { endLine: renumberLine(numbers, line.endLine) }),
  });
  return { ...part(message), continuation: message.continuation.map(part) };
}

function renumberCommand(command: LoggedCommand, numbers: readonly number[]): LogThing {
  return { kind: 'command', line: renumberLine(numbers, command.line), endLine: renumberLine(numbers, command.endLine), text: command.text, verb: command.verb };
}

/** Every thing the parser found in the lines, in order of its first line (line numbers relative). */
function thingsOf(texts: string[], numbers: readonly number[], problems: LogProblem[]): LogThing[] {
  const working = [...texts];
  // an unreadable line is reported and read as blank, so the lines around it still count
  for (let attempt = 0; attempt <= working.length; attempt += 1) {
    const parsed = parseBatchLog(working.join('\n'));
    if (!parsed.ok) {
      const at = parsed.error.line;
      problems.push({ line: renumberLine(numbers, at), text: texts[at - 1] ?? '', expected: parsed.error.expected });
      if (working[at - 1] === '') break;
      working[at - 1] = '';
      continue;
    }
    if (parsed.refused) {
      // only messages: the parser's own refusal carries them
      return parsed.refusal.messages.map((message) => ({
        kind: 'message',
        line: renumberLine(numbers, message.line),
        message: renumberMessage({ ...message, command: null }, numbers),
      }));
    }
    const log = parsed.value;
    const others = [
      ...log.bannerLines.map((l) => l.line),
      ...log.prompts.map((p) => p.line),
      ...log.requests.map((r) => r.line),
      ...log.opcom.map((o) => o.line),
      ...log.listings.map((l) => l.line),
      ...log.submissions.map((s) => s.line),
      ...log.unread.map((u) => u.line),
    ];
    const things: LogThing[] = [
      ...log.commands.map((command) => renumberCommand(command, numbers)),
      ...log.messages.map((message): LogThing => ({ kind: 'message', line: renumberLine(numbers, message.line), message: renumberMessage(message, numbers) })),
      ...(log.trailer === null
        ? []
        : [
            {
              kind: 'trailer',
              line: renumberLine(numbers, log.trailer.line),
              trailer: { ...log.trailer, line: renumberLine(numbers, log.trailer.line), endLine: renumberLine(numbers, log.trailer.endLine) },
            } as const,
          ]),
      ...others.map((line): LogThing => ({ kind: 'other', line: renumberLine(numbers, line) })),
    ];
    return things.sort((a, b) => a.line - b.line);
  }
  // the parser stopped on a line it cannot read even alone: each line then counts for itself
  return texts.flatMap((text, index): LogThing[] => (text.trim() === '' ? [] : [{ kind: 'other', line: renumberLine(numbers, index + 1) }]));
}

/**
 * A line the parser took for a thing of its own that can be the tail of a wrapped command: text it
 * does not know, or a "command" with no verb that is no DCL line (a tail that starts with a tape
 * device, `$2$MKA500:...`; a DCL line has a blank, a `!` or nothing after its `$`).
 */
function mayBeTail(thing: LogThing | undefined, text: string): thing is LogThing {
  if (thing?.kind === 'other') return true;
  return thing?.kind === 'command' && thing.verb === null && thing.endLine === thing.line && !/^\s*\$(\s|!|$)/.test(text);
}

/**
 * Joins the tail an 80-column terminal wrapped off a verified command line (the parser joins
 * those of messages): without it, the saveset at the end of a long BACKUP line would be cut.
 */
function joinCommandTails(things: readonly LogThing[], lines: readonly NumberedLine[]): LogThing[] {
  const at = new Map(lines.map((line, index) => [line.number, index]));
  const textOf = (number: number) => (lines[at.get(number) ?? -1]?.text ?? '').trimEnd();
  const joined: LogThing[] = [];
  for (let index = 0; index < things.length; index += 1) {
    let thing = things[index] as LogThing;
    for (let next = things[index + 1]; thing.kind === 'command' && next !== undefined && mayBeTail(next, textOf(next.line)); next = things[index + 1]) {
      const head = textOf(thing.endLine);
      const tail = textOf(next.line);
      if (lines[(at.get(thing.endLine) ?? -2) + 1]?.number !== next.line || joinWrapped(head, tail) === null) break;
      thing = { ...thing, endLine: next.line, text: `${thing.text}${head.length === TERMINAL_WIDTH ? '' : ' '}${tail}` };
      index += 1;
    }
    joined.push(thing);
  }
  return joined;
}

/** A line as one record: a line end inside the text would shift every line number after it. */
function oneRecord(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ');
}

/** Reads the pending lines and the new ones together; see the module's comment. */
export function readWindow(pending: readonly NumberedLine[], fresh: readonly NumberedLine[]): WindowRead {
  const lines = [...pending, ...fresh];
  const numbers = lines.map((l) => l.number);
  const problems: LogProblem[] = [];
  const records = lines.map((l) => ({ number: l.number, text: oneRecord(l.text) }));
  const things = joinCommandTails(
    thingsOf(
      records.map((l) => l.text),
      numbers,
      problems,
    ),
    records,
  );
  const last = things.at(-1);
  if (last === undefined) return { settled: [], open: null, pending: [], problems };
  if (lines.length - lines.findIndex((l) => l.number === last.line) > MAX_PENDING_LINES) {
    return { settled: things, open: null, pending: [], problems };
  }
  return { settled: things.slice(0, -1), open: last, pending: lines.filter((l) => l.number >= last.line), problems };
}
